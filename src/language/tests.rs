//! Tests of the language: the shipped French catalogue against the keys of
//! [`MESSAGES`] and [`NOUNS`], templates filled and elided, and the core's
//! sentences, legends and problems written in French with no English left.

use super::messages::NOUNS;
use super::*;
use std::collections::BTreeSet;

const FRENCH: &str = include_str!("../../www/i18n/core-fr.json");

#[test]
fn setting_the_language_on_show_again_redraws_nothing() {
    set(None);
    let start = generation();
    set(None);
    assert_eq!(generation(), start, "English again");
    let french = Language::from_json(FRENCH).unwrap();
    set(Some(french.clone()));
    assert_ne!(generation(), start, "French is drawn again");
    let now = generation();
    set(Some(french));
    assert_eq!(generation(), now, "French again");
    set(None);
    assert_ne!(generation(), now, "back to English");
}

fn placeholders(template: &str) -> BTreeSet<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn the_french_catalogue_has_every_key_with_its_placeholders() {
    let fr = Language::from_json(FRENCH).unwrap();
    for (key, names) in MESSAGES {
        let template = fr
            .text(key)
            .unwrap_or_else(|| panic!("no French template for {key}"));
        let want: BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(placeholders(template), want, "placeholders of {key}");
    }
    let standard = crate::framework::standard();
    for (kind, items) in [("player", &standard.players), ("theme", &standard.themes)] {
        for item in items {
            let key = format!("framework.{kind}.{}", item.id);
            assert!(fr.text(&key).is_some(), "no French name for {key}");
        }
    }
    for i in 0..Scale::default().labels.len() {
        assert!(fr.text(&format!("scale.default.{i}")).is_some());
    }
    let export_words = crate::export::DEFAULT_TEXTS.map(|(key, _)| key);
    for key in export_words {
        let text = fr.text(&format!("exportdoc.{key}"));
        assert!(text.is_some_and(|t| !t.is_empty()), "no French for {key}");
    }
    let kinds = crate::analysis::Kind::ALL.map(|k| k.as_str());
    for kind in kinds {
        for key in [
            format!("report.kind.{kind}"),
            format!("report.meaning.{kind}"),
        ] {
            let text = fr.text(&key);
            assert!(text.is_some_and(|t| !t.is_empty()), "no French for {key}");
        }
    }
    assert_eq!(fr.number("1,234.5"), "1\u{202f}234,5");
    // No template the core never asks for (a renamed key left behind).
    let known = |k: &str| {
        MESSAGES.iter().any(|(m, _)| *m == k)
            || k.starts_with("framework.")
            || k.starts_with("scale.default.")
            || k.starts_with("number.")
            || k == "elision"
            || k.starts_with("json.")
            || k.strip_prefix("exportdoc.")
                .is_some_and(|w| export_words.contains(&w))
            || k.strip_prefix("noun.").is_some_and(|n| NOUNS.contains(&n))
            || k.strip_prefix("report.kind.")
                .or_else(|| k.strip_prefix("report.meaning."))
                .is_some_and(|w| kinds.contains(&w))
    };
    for n in NOUNS {
        assert!(
            fr.text(&format!("noun.{n}")).is_some(),
            "no French for {n:?}"
        );
    }
    assert!(fr.text("json.other").is_some());
    let stray: Vec<&String> = fr.templates.keys().filter(|k| !known(k)).collect();
    assert!(stray.is_empty(), "keys the core does not use: {stray:?}");
}

#[test]
fn french_elides_de_and_que_before_a_vowel_whatever_fills_the_template() {
    let fr = Language::from_json(
        r#"{"elision": {"de ": "d’", "que ": "qu’", "la ": "l’"},
                "a": "la maturité de {player}", "b": "alors que {what} en a au plus 200",
                "c": "{player} de la {theme}", "d": "monde {player}"}"#,
    )
    .unwrap();
    let say = |key, value| fr.filled(key, &[("player", value), ("what", value), ("theme", value)]);
    assert_eq!(say("a", "Achats"), "la maturité d’Achats");
    assert_eq!(
        say("a", "\u{2068}Informatique\u{2069}"),
        "la maturité d’\u{2068}Informatique\u{2069}"
    );
    assert_eq!(say("a", "Élus"), "la maturité d’Élus");
    assert_eq!(say("a", "RH"), "la maturité de RH");
    assert_eq!(say("a", "8 personnes"), "la maturité de 8 personnes");
    assert_eq!(say("b", "un nom"), "alors qu’un nom en a au plus 200");
    assert_eq!(say("c", "intégration"), "intégration de l’intégration");
    // only whole words: "monde" does not end in the word "de"
    assert_eq!(say("d", "Achats"), "monde Achats");
    // English never elides
    crate::language::set(None);
    assert_eq!(
        say_template("k", &[("player", "IT")], "the maturity of {player}"),
        "the maturity of IT"
    );
    // and the shipped catalogue does: a finding in French names "d’Achats"
    let findings = in_french(|| {
        let model = crate::framework::sample();
        crate::analysis::analyze(&model)
            .findings
            .iter()
            .map(|f| f.explanation())
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert!(
        !findings.contains("de Achats") && !findings.contains("de Informatique"),
        "{findings}"
    );
    assert!(findings.contains("d’"), "{findings}");
}

#[test]
fn templates_fill_their_placeholders_and_only_theirs() {
    let lang =
        Language::from_json(r#"{"a": "{x} et {y} {z}", "b": "{open", "number.decimal": ","}"#)
            .unwrap();
    assert_eq!(
        lang.filled("a", &[("x", "{y}"), ("y", "B")]),
        "{y} et B {z}"
    );
    assert_eq!(lang.filled("b", &[]), "{open");
    assert_eq!(lang.filled("missing", &[]), "missing");
    assert_eq!(lang.number("2.5"), "2,5");
    assert!(Language::from_json("[1]").is_err());
}

#[test]
fn default_names_are_translated_and_the_models_own_kept() {
    let fr = Language::from_json(FRENCH).unwrap();
    let mut model = crate::framework::sample();
    model.framework.players[1].label = "Buying".into();
    let shown = fr.localized(&model);
    assert_eq!(shown.framework.players[1].label, "Buying");
    assert_eq!(
        shown.framework.players[5].label,
        fr.text("framework.player.hr").unwrap()
    );
    assert_ne!(shown.framework.themes[0].label, "Leadership approaches");
    assert_eq!(shown.assessments, model.assessments);
    assert!(matches!(fr.localized(&Model::empty("x")), Cow::Owned(_)));
    let mut custom = Model::empty("x");
    custom.framework.players = vec![crate::model::Item::new("a", "A")];
    custom.framework.themes = vec![crate::model::Item::new("b", "B")];
    custom.scale.labels = vec!["Low".into()];
    assert!(matches!(fr.localized(&custom), Cow::Borrowed(_)));
}

/// Every finding of a model that has each kind, the legend of each
/// overlay and the diagram, written in French: no English sentence and
/// no "2.5"-style number; and English again once the language is unset.
#[test]
fn french_findings_legends_and_diagram_have_no_english() {
    let json = include_str!("../../tests/fixtures/analysis/every-kind.json");
    let model = crate::validate::parse_model(json).unwrap();
    let english = crate::analysis::analyze(&model);
    set(Some(Language::from_json(FRENCH).unwrap()));
    let french = crate::analysis::analyze(&model);
    let svg = crate::render::render_svg(
        &model,
        &crate::render::RenderOptions {
            overlay: crate::render::Overlay::Gap,
            ..Default::default()
        },
    );
    let legends: Vec<String> = [crate::render::Overlay::Current, crate::render::Overlay::Gap]
        .into_iter()
        .flat_map(|o| {
            let spec = crate::render::legend_spec(o, &model.scale).unwrap();
            std::iter::once(spec.title).chain(spec.items.into_iter().map(|i| i.text))
        })
        .collect();
    // Sentences are written when asked for, in the language of the moment.
    let sentences: Vec<String> = french.findings.iter().map(|f| f.explanation()).collect();
    set(None);
    assert_eq!(crate::analysis::analyze(&model), english, "English is back");
    let kinds: BTreeSet<_> = french.findings.iter().map(|f| f.kind).collect();
    assert_eq!(kinds.len(), crate::analysis::Kind::ALL.len());
    let english_words = [
        " and ",
        "maturity",
        "target",
        " people)",
        " person)",
        "nobody",
        "system",
        "split",
        "owned",
        "level",
        "Not assessed",
        "below",
        "about",
        "Gap",
        "Current",
    ];
    let decimal_point = |s: &str| {
        s.as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
    };
    // The model's own names (English here) are not the core's words.
    let mut names: Vec<&str> = (model.contributors.iter().map(|c| c.label.as_str()))
        .chain(model.systems.iter().map(|x| x.label.as_str()))
        .chain(model.units.iter().map(|u| u.label.as_str()))
        .chain(
            model
                .responsibilities
                .iter()
                .filter_map(|r| r.activity.as_deref()),
        )
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for text in sentences.into_iter().chain(legends) {
        let text = names.iter().fold(text, |t, n| t.replace(n, "·"));
        for word in english_words {
            assert!(!text.contains(word), "English “{word}” in: {text}");
        }
        assert!(!decimal_point(&text), "a decimal point in: {text}");
    }
    for (f, e) in french.findings.iter().zip(&english.findings) {
        assert_eq!(f.id(), e.id(), "the same findings, in the same order");
    }
    assert!(svg.contains("Écart à la cible"), "the legend");
    assert!(
        svg.contains(">RH<") || svg.contains("RH"),
        "a player's name"
    );
    assert!(!svg.contains("Leadership approaches"));
    // The diagram's title, description and cells' names (what a screen
    // reader says) are the core's words in French too.
    let named: Vec<&str> = (svg.split("aria-label=\"").skip(1))
        .chain(svg.split("<title>").skip(1))
        .chain(svg.split("<desc>").skip(1))
        .filter_map(|s| s.split(['"', '<']).next())
        .collect();
    assert!(named.len() > 2, "{named:?}");
    for text in named {
        let text = names
            .iter()
            .fold(text.to_string(), |t, n| t.replace(n, "·"));
        for word in [
            "current",
            "target",
            "gap",
            "not assessed",
            "players",
            "Themes",
            "coloured",
            "workforce",
            "all units",
        ] {
            assert!(!text.contains(word), "English “{word}” in: {text}");
        }
    }
}

/// Every validation and CSV problem of a set of broken models and
/// files, written in French: no English sentence, numbers with a
/// decimal comma; the same problems, in the same places, as in English.
#[test]
fn french_validation_and_csv_problems_have_no_english() {
    let invalid: Vec<&str> = vec![
        include_str!("../../tests/fixtures/invalid/duplicate-key.json"),
        include_str!("../../tests/fixtures/invalid/framework-too-small.json"),
        include_str!("../../tests/fixtures/invalid/not-an-object.json"),
        include_str!("../../tests/fixtures/invalid/references.json"),
        include_str!("../../tests/fixtures/invalid/schema-missing.json"),
        include_str!("../../tests/fixtures/invalid/schema-unknown.json"),
        include_str!("../../tests/fixtures/invalid/syntax-trailing-comma.json"),
        include_str!("../../tests/fixtures/invalid/syntax-unterminated.json"),
        include_str!("../../tests/fixtures/invalid/types.json"),
        r#"{"schema": "workforce-ecosystem/v1", "name": 3, "extra": 1,
                "scale": {"min": 0, "max": 4.5, "labels": ["a"]},
                "units": [{"id": "", "label": "U"}, {"id": "u1", "label": "V"}, {"id": "u1", "label": "W"}],
                "assessments": [{"theme": "zz9", "player": "hr", "current": 7.5, "weight": 0},
                                {"theme": "leadership", "player": "hr", "current": 1, "weight": 5000},
                                {"theme": "leadership", "player": "hr", "current": 1, "note": []},
                                {"theme": "leadership", "player": "hr", "unit": "u1", "current": true}],
                "systems": [{"id": "s1", "label": "S", "owner": "hr", "contributors": ["c9", "c9"]}],
                "integrations": [{"from": "s1", "to": "s1"}, {"to": "s1"}]}"#,
        r#"{"schema": "workforce-ecosystem/v1", "scale": {"min": 3, "max": 1}}"#,
        r#"{"schema": "workforce-ecosystem/v1", "scale": {"min": 0, "max": 1e300}}"#,
        "{\"a\": \"\u{0}\"}",
    ];
    let csvs: Vec<&[u8]> = vec![
        b"",
        b"theme,player,theme,bogus,,current\n",
        b"theme,player,unit,current\nzz9,hr,,x\nleadership,,,\n\"open,hr\n",
        b"theme,player,current\nleadership,hr,1,extra\nleadership,hr,\"1\"x\nleadership,hr,9\n",
        b"theme,player,current\nleadership,hr,1\nleadership,hr,2\n",
        b"theme,player,current\n\xff\n",
        b"\xff\xfea\x00b",
    ];
    let model = crate::framework::sample();
    let english = |set_to: Option<Language>| {
        set(set_to);
        let models: Vec<crate::validate::Invalid> = invalid
            .iter()
            .map(|t| crate::validate::parse_model(t).unwrap_err())
            .collect();
        let files: Vec<crate::csv::CsvInvalid> = csvs
            .iter()
            .map(|b| crate::csv::import_csv_bytes(&model, b).unwrap_err())
            .collect();
        // Places and counts are written when shown, in the language of
        // the moment.
        let shown: Vec<String> = (models.iter().map(|m| m.to_string()))
            .chain(files.iter().map(|f| f.to_string()))
            .collect();
        set(None);
        (models, files, shown)
    };
    let (en_models, en_files, _) = english(None);
    let (fr_models, fr_files, shown) = english(Some(Language::from_json(FRENCH).unwrap()));
    let words = [
        "expected",
        "found",
        "unknown",
        "known:",
        "must",
        "is not",
        "empty",
        "row ",
        "column",
        "line ",
        "problem",
        "required",
        "missing",
        "too ",
        "characters",
        "duplicate",
        "appears",
        "outside",
        "invalid J",
        " or ",
        "fields",
        "header",
        "twice",
        "itself",
        "second",
        "string",
        "number",
        "object",
        "the ",
        " and ",
        "needs",
        "save",
        "file",
        "EOF",
        "while",
        "trailing",
        "array",
        "heavy",
        "boolean",
        "steps",
        "whole",
        "defines",
        "(model)",
        "bytes",
        "cut short",
    ];
    let mut messages = Vec::new();
    for (fr, en) in fr_models.iter().zip(&en_models) {
        assert_eq!(fr.problems.len(), en.problems.len());
        for (f, e) in fr.problems.iter().zip(&en.problems) {
            assert_eq!((&f.path, f.line, f.column), (&e.path, e.line, e.column));
            assert_ne!(f.message, e.message, "still English: {}", e.message);
            messages.push(f.message.clone());
        }
    }
    for (fr, en) in fr_files.iter().zip(&en_files) {
        assert_eq!(fr.problems.len(), en.problems.len());
        for (f, e) in fr.problems.iter().zip(&en.problems) {
            assert_eq!((f.row, &f.column), (e.row, &e.column));
            assert_ne!(f.message, e.message, "still English: {}", e.message);
            messages.push(f.message.clone());
        }
    }
    // Each problem on its line, its path (inert, as in English) taken out.
    let paths: Vec<&str> = (fr_models.iter().flat_map(|m| &m.problems))
        .map(|p| p.path.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    for text in shown {
        for line in text.lines() {
            let line = paths
                .iter()
                .fold(line.to_string(), |l, p| l.replacen(p, "·", 1));
            messages.push(line);
        }
    }
    assert!(messages.iter().any(|m| m.contains("(ligne 4, colonne ")));
    assert!(messages.len() > 60, "{} messages", messages.len());
    // Paths, ids and the file's own text are quoted as they are.
    let quoted = |m: &str| {
        let mut out = String::new();
        let mut inside = false;
        for c in m.chars() {
            if c == '"' {
                inside = !inside;
            } else if !inside {
                out.push(c);
            }
        }
        out.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .filter(|w| !(w.contains('[') || w.contains('.') && !w.ends_with('.')))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for m in &messages {
        let text = quoted(m);
        for word in words {
            assert!(!text.contains(word), "English “{word}” in: {m}");
        }
    }
    let all = messages.join("\n");
    for french in [
        "attendu",
        "inconnu",
        "ligne",
        "colonne",
        "JSON invalide",
        "4,5",
    ] {
        assert!(all.contains(french), "no “{french}” in:\n{all}");
    }
}
