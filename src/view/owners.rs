//! The Organization pane's owners matrix: who is responsible for each
//! (contributor, theme) pair, for the contributors one page of the matrix
//! shows.

use crate::model::Model;

/// For each of `contributors` (ids), one list per theme of the framework in
/// its order: the labels of the players responsible for that contributor
/// under that theme, each once, in the order the model lists their
/// responsibilities. Named as the diagram names them, in the language set;
/// a player the framework lacks by its id. An unknown contributor gets
/// empty lists.
///
/// One pass over the responsibilities, for the contributors of one page of
/// the matrix (50): a large organization has thousands of responsibilities,
/// and the page had built every pair's names on each draw.
pub fn owners_rows(model: &Model, contributors: &[String]) -> Vec<Vec<Vec<String>>> {
    let (framework, _) = crate::language::localized_names(model);
    let themes = &framework.themes;
    let mut players: Vec<Vec<Vec<&str>>> = vec![vec![Vec::new(); themes.len()]; contributors.len()];
    for r in &model.responsibilities {
        let row = contributors.iter().position(|c| *c == r.contributor);
        let column = themes.iter().position(|t| t.id == r.theme);
        let (Some(row), Some(column)) = (row, column) else {
            continue;
        };
        let cell = &mut players[row][column];
        if !cell.contains(&r.player.as_str()) {
            cell.push(&r.player);
        }
    }
    let label = |id: &str| {
        let player = framework.players.iter().find(|p| p.id == id);
        player.map_or(id, |p| p.label.as_str()).to_string()
    };
    players
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|cell| cell.into_iter().map(label).collect())
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Responsibility;

    fn responsibility(contributor: &str, theme: &str, player: &str) -> Responsibility {
        Responsibility {
            contributor: contributor.into(),
            theme: theme.into(),
            player: player.into(),
            activity: None,
            control: None,
        }
    }

    #[test]
    fn each_pair_names_its_players_once_in_the_models_order() {
        let mut model = crate::framework::sample();
        let contributor = model.contributors[0].id.clone();
        let theme = model.framework.themes[1].id.clone();
        let (first, second) = (
            model.framework.players[2].clone(),
            model.framework.players[0].clone(),
        );
        model.responsibilities = vec![
            responsibility(&contributor, &theme, &first.id),
            responsibility(&contributor, &theme, &second.id),
            // the same player for another activity: named once
            responsibility(&contributor, &theme, &first.id),
            responsibility(&contributor, &theme, "not-a-player"),
            responsibility("someone-else", &theme, &first.id),
            responsibility(&contributor, "not-a-theme", &first.id),
        ];
        let rows = owners_rows(&model, &[contributor.clone(), "unknown".into()]);
        assert_eq!(rows.len(), 2);
        let themes = model.framework.themes.len();
        assert!(rows.iter().all(|row| row.len() == themes));
        assert_eq!(
            rows[0][1],
            [first.label, second.label, "not-a-player".into()]
        );
        let others = rows[0].iter().enumerate().filter(|&(i, _)| i != 1);
        assert!(others.into_iter().all(|(_, cell)| cell.is_empty()));
        assert!(rows[1].iter().all(Vec::is_empty), "no such contributor");
    }

    #[test]
    fn the_sample_matrix_holds_every_responsibility_of_the_contributors_asked() {
        let model = crate::framework::sample();
        let ids: Vec<String> = model.contributors.iter().map(|c| c.id.clone()).collect();
        let rows = owners_rows(&model, &ids);
        let named: usize = rows.iter().flatten().map(Vec::len).sum();
        let mut pairs: Vec<(&str, &str, &str)> = model
            .responsibilities
            .iter()
            .map(|r| (r.contributor.as_str(), r.theme.as_str(), r.player.as_str()))
            .collect();
        pairs.sort();
        pairs.dedup();
        assert_eq!(named, pairs.len());
        assert!(named > 0);
    }
}
