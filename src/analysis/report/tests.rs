use super::comparison::delta_cell;
use super::*;
use crate::analysis::{analyze, compare};
use crate::model::{Assessment, Contributor, ContributorKind, Item, System};

#[test]
fn a_change_under_a_tenth_of_a_point_says_which_way() {
    let d = |before: f64, after: f64| {
        delta_cell(&crate::analysis::Delta {
            before: Some(before),
            after: Some(after),
            delta: Some(after - before),
        })
    };
    assert_eq!(d(0.3753, 0.3749), "under 0.1 points down");
    assert_eq!(d(0.3749, 0.3753), "under 0.1 points up");
    assert_eq!(d(0.5, 0.5), "no change");
    assert_eq!(d(0.40, 0.43), "+3 points");
    assert_eq!(
        d(0.40, 0.4346),
        "+3 points",
        "whole, as the percentages are"
    );
    assert_eq!(d(0.40, 0.41), "+1 point");
    assert_eq!(d(0.40, 0.404), "+0.4 points");
    // French counts 0 up to 2 in the singular, as the page's Intl does
    let french: Vec<String> = crate::language::in_french(|| {
        [(0.40, 0.405), (0.40, 0.41), (0.40, 0.42), (0.42, 0.40)]
            .iter()
            .map(|&(a, b)| d(a, b))
            .collect()
    });
    assert_eq!(french, ["+0,5 pt", "+1 pt", "+2 pts", "\u{2212}2 pts"]);
    assert_eq!(
        d(0.40, 0.4096),
        "+1 point",
        "0.96 reads as 1, as on the page"
    );
    assert_eq!(
        d(0.43, 0.40),
        "\u{2212}3 points",
        "a minus sign, not a hyphen"
    );
}

#[test]
fn percentages_round_halves_up_as_the_page_does() {
    for (x, want) in [
        (0.0, "0"),
        (0.125, "13"),
        (0.135, "14"),
        (0.5, "50"),
        (0.875, "88"),
        (1.0, "100"),
        (1.0 / 3.0, "33"),
        (0.005, "1"),
        (0.004, "0"),
        // 57.49999… as binary times 100: the page's Intl rounds the
        // shortest decimal, 0.575, to 58
        (0.575, "58"),
        (0.145, "15"),
        (0.285, "29"),
        (0.5749, "57"),
        (0.99996, "100"),
        (-0.125, "-13"),
        (-0.001, "0"),
    ] {
        assert_eq!(whole_percent(x), want, "{x}");
    }
    assert_eq!(percent(Some(0.125)), "13%");
    assert_eq!(percent(None), "not assessed");
}

#[test]
fn escaping_neutralises_links_html_tables_and_autolinks() {
    assert_eq!(
        escape_markdown("[click](https://evil.example) <img src=x onerror=alert(1)> a|b"),
        "\\[click\\](https\\://evil.example) \\<img src=x onerror=alert(1)\\> a\\|b"
    );
    assert_eq!(escape_markdown("www.evil.com"), "www\\.evil.com");
    assert_eq!(escape_markdown("WWW.evil"), "WWW\\.evil");
    assert_eq!(escape_markdown("me@evil.com"), "me\\@evil.com");
    assert_eq!(escape_markdown("a\nb\r\n# c\u{2028}d"), "a b  \\# c d");
    assert_eq!(
        escape_markdown("&amp; `x` **b** ![i]"),
        "\\&amp; \\`x\\` \\*\\*b\\*\\* \\!\\[i\\]"
    );
    // Ordinary labels stay readable.
    assert_eq!(escape_markdown("Finance & legal"), "Finance \\& legal");
    assert_eq!(
        escape_markdown("Business unit leaders (EMEA), 2.5"),
        "Business unit leaders (EMEA), 2.5"
    );
}

fn model() -> Model {
    let mut m = Model::empty("Acme <b>Co</b>");
    m.units = vec![Item::new("retail", "Retail [x](http://e)")];
    m.assessments = vec![Assessment {
        theme: "integration".into(),
        player: "hr".into(),
        unit: Some("retail".into()),
        current: 1.0,
        target: Some(3.0),
        weight: 1.0,
        note: None,
    }];
    m.contributors = vec![Contributor {
        id: "gig".into(),
        label: "Gig | workers".into(),
        kind: ContributorKind::External,
        headcount: Some(120),
    }];
    m.systems = vec![
        System {
            id: "vms".into(),
            label: "VMS".into(),
            owner: "procurement".into(),
            contributors: vec!["gig".into()],
        },
        System {
            id: "hris".into(),
            label: "HRIS".into(),
            owner: "hr".into(),
            contributors: vec![],
        },
    ];
    m
}

#[test]
fn analysis_report_has_every_section_and_escapes_labels() {
    let m = model();
    let md = analysis_markdown(&m, &analyze(&m));
    assert!(md.starts_with("# Workforce ecosystem analysis — Acme \\<b\\>Co\\</b\\>\n"));
    for heading in [
        "## Summary",
        "## Top priorities",
        "## Readiness",
        "### By theme",
        "### By player",
        "### By unit",
        "### Current score by cell",
        "## Maturity gaps",
        "## Uncovered themes",
        "## Redundancies",
        "## Conflicts",
        "## Untracked contributors",
        "## Fragmented data",
        "## Silos",
        "## Systems",
    ] {
        assert!(
            md.contains(&format!("\n{heading}\n")),
            "missing {heading}\n{md}"
        );
    }
    assert!(md.contains("Overall readiness is **25%**"), "{md}");
    assert!(md.contains("| Maturity gaps | 1 |"));
    assert!(md.contains("| Silos | 2 |"));
    assert!(md.contains("| Conflicts | 0 |"));
    assert!(md.contains("Retail \\[x\\](http\\://e)"));
    assert!(md.contains("Gig \\| workers (120 people)"));
    assert!(!md.contains("<b>") && !md.contains("[x]"));
    // Top priorities are numbered and at most five.
    assert!(md.contains("\n1. **"));
    assert!(md.contains("\n5. **") && !md.contains("\n6. **"));
}

#[test]
fn empty_model_report_says_nothing_is_assessed() {
    let m = Model::empty("");
    let md = analysis_markdown(&m, &analyze(&m));
    assert!(md.starts_with("# Workforce ecosystem analysis\n"));
    assert!(md.contains("Nothing is assessed yet"));
    assert!(md.contains("Nothing to act on."));
    assert!(md.contains("The model lists no systems."));
    assert_eq!(md.matches("None found.").count(), 7);
}

#[test]
fn comparison_report() {
    let a = model();
    let mut b = model();
    b.name = "What if".into();
    b.assessments[0].current = 3.0;
    let md = comparison_markdown(&a, &b, &compare(&a, &b));
    assert!(md.starts_with("# Scenario comparison — Acme \\<b\\>Co\\</b\\> → What if\n"));
    assert!(
        md.contains("Overall readiness goes from **25%** to **75%** (+50 points)."),
        "{md}"
    );
    assert!(md.contains("1 cell changed. Findings: **1** resolved, **0** introduced"));
    assert!(md.contains(
            "| Integration architectures | HR | Retail \\[x\\](http\\://e) | 1 (target 3) | 3 (target 3) |"
        ));
    assert!(md.contains("## Resolved findings\n\n- **Maturity gap** (severity 2) In Retail \\[x\\](http\\://e), the maturity of HR on"));
    assert!(md.contains("The scenario introduces no finding."));
    let same = comparison_markdown(&a, &a, &compare(&a, &a));
    assert!(same.contains("No score changed.") && same.contains("(no change)"));
}

/// A baseline and a scenario that between them show every line of the
/// comparison: a unit's cell and the whole organization's, with a
/// target and without, a cell assessed only before and one only after,
/// a finding resolved and one introduced.
fn scenario_pair() -> (Model, Model) {
    let mut a = model();
    let mut org = a.assessments[0].clone();
    (org.theme, org.player, org.unit) = ("leadership".into(), "hr".into(), None);
    (org.current, org.target) = (2.0, Some(2.0));
    a.assessments.push(org.clone());
    let mut b = model();
    b.name = "What if".into();
    b.assessments[0].current = 3.0;
    (org.theme, org.player, org.current, org.target) =
        ("management".into(), "it".into(), 2.5, None);
    b.assessments.push(org);
    let mut gap = b.assessments[0].clone();
    (gap.theme, gap.current, gap.target) = ("technology".into(), 0.5, Some(2.0));
    b.assessments.push(gap);
    (a, b)
}

use crate::language::in_french;

/// Asserts that `text` says each of `exact`.
fn says(text: &str, exact: &[&str]) {
    for exact in exact {
        assert!(text.contains(exact), "{exact:?} in\n{text}");
    }
}

/// A decimal point between digits ("2.5"): French writes a comma.
fn decimal_point(s: &str) -> bool {
    s.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
}

#[test]
fn comparison_report_in_french_and_english_again() {
    let (a, b) = scenario_pair();
    let english = comparison_markdown(&a, &b, &compare(&a, &b));
    says(
            &english,
            &[
                "| Leadership approaches | HR | whole organization | 2 (target 2) | not assessed |",
                "| Management practices | IT | whole organization | not assessed | 2.5 (no target) |",
                "(+13 points).\n\n4 cells changed. Findings: **1** resolved, **1** introduced, 6 unchanged.\n",
                "## Introduced findings\n\n- **Maturity gap** (severity 1.5) In Retail",
            ],
        );
    let unchanged = comparison_markdown(&a, &a, &compare(&a, &a));
    // The findings' names are the analysis's, in the language of the moment.
    let (md, same) = in_french(|| {
        (
            comparison_markdown(&a, &b, &compare(&a, &b)),
            comparison_markdown(&a, &a, &compare(&a, &a)),
        )
    });
    assert_eq!(
        comparison_markdown(&a, &b, &compare(&a, &b)),
        english,
        "English again once the language is unset"
    );
    says(
            &md,
            &[
                "# Comparaison de scénarios — Acme \\<b\\>Co\\</b\\> → What if\n\n## Synthèse\n",
                "(+13 pts).\n\n4 cases modifiées. Constats résolus : **1**, nouveaux : **1**, inchangés : 6.\n",
                "| Approches de leadership | RH | toute l’organisation | 2 (cible 2) | non évalué |",
                "| Pratiques de management | Informatique | toute l’organisation | non évalué | 2,5 (sans cible) |",
                "| Architectures d’intégration | RH | Retail \\[x\\](http\\://e) | 1 (cible 3) | 3 (cible 3) |",
                "\n## Maturité\n\n### Par thème\n\n| Thème | Avant | Après | Évolution |\n",
                "| Approches de leadership | 50\u{202f}% | non évalué | – |",
                "\n## Constats résolus\n\n- **Écart de maturité** (gravité 2) Dans Retail",
                "\n## Nouveaux constats\n\n- **Écart de maturité** (gravité 1,5) Dans Retail",
            ],
        );
    says(
        &same,
        &[
            "0 case modifiée.",
            "\n## Cases modifiées\n\nAucune note n’a changé.\n",
            "(sans changement)",
            "\n## Constats résolus\n\nLe scénario ne résout aucun constat.\n",
            "\n## Nouveaux constats\n\nLe scénario n’apporte aucun nouveau constat.\n",
        ],
    );
    for (french, english) in [(&md, &english), (&same, &unchanged)] {
        // Every line with a word in it is another line in French: no
        // heading, sentence or cell is left in English.
        assert_eq!(french.lines().count(), english.lines().count());
        for (f, e) in french.lines().zip(english.lines()) {
            if e.chars().any(char::is_alphabetic) {
                assert_ne!(f, e, "in English in\n{french}");
            }
        }
        // A key the catalogue lacks would be written as the key.
        for prefix in ["compare.", "report.", "exportdoc."] {
            assert!(!french.contains(prefix), "{prefix} in\n{french}");
        }
        assert!(!decimal_point(french), "a decimal point in\n{french}");
    }
}

/// Past 200 changed cells and 50 findings, each list says how many
/// more there are, in either language, every count grouped by thousands.
#[test]
fn long_comparisons_say_how_many_more() {
    let mut a = Model::empty("Big");
    a.units = (0..60)
        .map(|u| Item::new(&format!("u{u}"), &format!("Unit {u}")))
        .collect();
    // Every cell of every unit at 1, against a target of 4.
    let gap = Assessment {
        target: Some(4.0),
        ..model().assessments[0].clone()
    };
    for u in &a.units {
        for t in &a.framework.themes {
            for p in &a.framework.players {
                a.assessments.push(Assessment {
                    theme: t.id.clone(),
                    player: p.id.clone(),
                    unit: Some(u.id.clone()),
                    ..gap.clone()
                });
            }
        }
    }
    let mut b = a.clone();
    for x in &mut b.assessments {
        x.current = 4.0;
    }
    // 60 units of 24 cells: 1,440 cells, 200 listed and 50 findings
    assert_eq!(a.assessments.len(), 1440);
    assert_eq!((SECTION_LIMIT * 4, SECTION_LIMIT), (200, 50));
    let english = comparison_markdown(&a, &b, &compare(&a, &b));
    says(
            &english,
            &[
                "\n\n1,440 cells changed. Findings: **1,440** resolved, **0** introduced, 0 unchanged.\n",
                "\n\n…and 1,240 more; `wfe compare --format json` lists them all.\n\n## Readiness",
                "\n\n…and 1,390 more.\n\n## Introduced",
            ],
        );
    let introduced = comparison_markdown(&b, &a, &compare(&b, &a));
    assert!(introduced.ends_with("\n\n…and 1,390 more.\n\n"));
    let french = in_french(|| comparison_markdown(&a, &b, &compare(&a, &b)));
    says(
            &french,
            &[
                "\n\n1\u{202f}440 cases modifiées. Constats résolus : **1\u{202f}440**, nouveaux : **0**, inchangés : 0.\n",
                "\n\n…et 1\u{202f}240 de plus ; `wfe compare --format json` les liste toutes.\n\n## Maturité",
                "\n\n…et 1\u{202f}390 de plus.\n\n## Nouveaux",
            ],
        );
    // the 200 cells listed, then the 60 units' readiness
    assert_eq!(french.matches("| Unit ").count(), SECTION_LIMIT * 4 + 60);
}

#[test]
fn a_comparison_lists_the_owners_and_systems_a_scenario_changed() {
    let a = crate::framework::sample();
    let mut b = a.clone();
    let r = b.responsibilities.remove(0);
    let system = b.systems[0].clone();
    let owner = if system.owner == "hr" { "it" } else { "hr" };
    b.systems[0].owner = owner.into();
    let md = comparison_markdown(&a, &b, &compare(&a, &b));
    let label = |list: &[Item], id: &str| list.iter().find(|i| i.id == id).unwrap().label.clone();
    let contributor = a
        .contributors
        .iter()
        .find(|c| c.id == r.contributor)
        .unwrap();
    let owners = md
        .split("## Changed owners")
        .nth(1)
        .expect("an owners section");
    let row = owners
        .lines()
        .find(|l| l.contains(&md_label(&contributor.label)))
        .expect("the pair's row");
    assert!(
        row.contains(&md_label(&label(&a.framework.themes, &r.theme))),
        "{row}"
    );
    assert!(
        row.contains(&md_label(&label(&a.framework.players, &r.player))),
        "{row}"
    );
    let systems = md
        .split("## Changed systems")
        .nth(1)
        .expect("a systems section");
    let row = systems
        .lines()
        .find(|l| l.contains(&md_label(&system.label)))
        .expect("the system's row");
    let owner = md_label(&label(&a.framework.players, owner));
    assert!(row.contains(&format!("owned by {owner}")), "{row}");
    // nothing changed, nothing listed
    let same = comparison_markdown(&a, &a, &compare(&a, &a));
    assert!(!same.contains("## Changed owners") && !same.contains("## Changed systems"));
}

#[test]
fn a_comparisons_changed_owners_and_systems_in_french_typography() {
    let a = crate::framework::sample();
    let mut b = a.clone();
    let r = &mut b.responsibilities[0];
    r.activity = Some("Sourcing".into());
    let owner = if b.systems[0].owner == "hr" {
        "it"
    } else {
        "hr"
    };
    b.systems[0].owner = owner.into();
    crate::language::in_french(|| {
        let md = comparison_markdown(&a, &b, &compare(&a, &b));
        let owners = md
            .split("## Responsables modifiés")
            .nth(1)
            .expect("an owners section");
        assert!(owners.contains("« Sourcing »"), "{owners}");
        let systems = md
            .split("## Systèmes modifiés")
            .nth(1)
            .expect("a systems section");
        let row = systems.lines().find(|l| l.contains("géré par")).unwrap();
        assert!(row.contains(" ; suit "), "{row}");
    });
}

#[test]
fn a_renamed_contributor_is_named_before_as_it_was_then() {
    let a = crate::framework::sample();
    let mut b = a.clone();
    let system = b
        .systems
        .iter()
        .position(|s| !s.contributors.is_empty())
        .unwrap();
    let tracked = b.systems[system].contributors[0].clone();
    let old = a
        .contributors
        .iter()
        .find(|c| c.id == tracked)
        .unwrap()
        .label
        .clone();
    b.contributors
        .iter_mut()
        .find(|c| c.id == tracked)
        .unwrap()
        .label = "Renamed crew".into();
    b.systems[system].owner = if b.systems[system].owner == "hr" {
        "it"
    } else {
        "hr"
    }
    .into();
    let md = comparison_markdown(&a, &b, &compare(&a, &b));
    let systems = md
        .split("## Changed systems")
        .nth(1)
        .expect("a systems section");
    let row = systems.lines().find(|l| l.contains("owned by")).unwrap();
    let cells: Vec<&str> = row.split(" | ").collect();
    assert!(cells[1].contains(&md_label(&old)), "before: {row}");
    assert!(cells[2].contains(&md_label("Renamed crew")), "after: {row}");
}

#[test]
fn a_comparison_lists_the_contributors_a_scenario_changed() {
    let a = crate::framework::sample();
    let mut b = a.clone();
    let old = b.contributors[0].label.clone();
    b.contributors[0].label = "Renamed crew".into();
    b.contributors[0].headcount = Some(24);
    let md = comparison_markdown(&a, &b, &compare(&a, &b));
    let section = md
        .split("## Changed contributors")
        .nth(1)
        .expect("a contributors section");
    let row = section
        .lines()
        .find(|l| l.contains("Renamed crew"))
        .unwrap();
    let cells: Vec<&str> = row.split(" | ").collect();
    assert!(cells[1].contains(&md_label(&old)), "before: {row}");
    assert!(cells[2].contains("(24 people)"), "after: {row}");
    let kind = a.contributors[0].kind.as_str();
    assert!(cells[2].ends_with(&format!(", {kind} |")), "{row}");
}
