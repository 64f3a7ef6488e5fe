//! `wfe render --lang fr`, `wfe analyze --lang fr`, `wfe compare --lang fr`
//! and `wfe export --lang fr` (the document and the reports): the core's
//! words and numbers in French from the page's catalogue, and what the
//! commands say about a model they cannot read; English stays the default,
//! byte for byte.

mod common;

use common::{fixture, ok, stderr, wfe};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/models/sample.json");

#[test]
fn render_names_the_standard_framework_and_the_legend_in_french() {
    let fr = ok(&wfe(&[
        "render",
        SAMPLE,
        "--overlay",
        "current",
        "--lang",
        "fr",
    ]));
    let en = ok(&wfe(&["render", SAMPLE, "--overlay", "current"]));
    assert_eq!(
        ok(&wfe(&[
            "render",
            SAMPLE,
            "--overlay",
            "current",
            "--lang",
            "en"
        ])),
        en
    );
    for word in [
        "Niveau actuel",
        "Direction générale",
        "Approches de leadership",
        "Informatique",
        "2,5",
    ] {
        assert!(fr.contains(word), "{word} in the French SVG");
    }
    assert!(
        en.contains("current 2.5") && fr.contains("2,5"),
        "scores in each language's decimals"
    );
    for word in ["Current level", "Senior leaders", "Leadership approaches"] {
        assert!(en.contains(word), "{word} in the English SVG");
        assert!(!fr.contains(word), "no {word} in the French SVG");
    }
}

#[test]
fn analyze_writes_french_sentences_with_decimal_commas() {
    let fr = ok(&wfe(&["analyze", SAMPLE, "--lang", "fr"]));
    let en = ok(&wfe(&["analyze", SAMPLE]));
    let sentences = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["explanation"].as_str().unwrap().to_string())
            .collect()
    };
    let (fr, en) = (sentences(&fr), sentences(&en));
    assert_eq!(fr.len(), en.len());
    assert!(en.iter().any(|s| s.contains("the maturity of")));
    for english in [
        "the maturity of",
        "against a target",
        ", a gap of",
        "take on",
        "duplicating",
    ] {
        assert!(
            fr.iter().all(|s| !s.contains(english)),
            "no “{english}” in French"
        );
    }
    assert!(fr.iter().any(|s| s.starts_with("Dans ")));
    let point = |s: &str| {
        s.as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
    };
    assert!(fr.iter().all(|s| !point(s)), "no decimal point in French");
    // The Markdown report follows --lang too: the export's French report.
    let md = ok(&wfe(&[
        "analyze", SAMPLE, "--format", "markdown", "--lang", "fr",
    ]));
    assert_eq!(
        md,
        ok(&wfe(&[
            "export",
            SAMPLE,
            "--format",
            "report-md",
            "--lang",
            "fr"
        ]))
    );
    let en = ok(&wfe(&["analyze", SAMPLE, "--format", "markdown"]));
    assert!(en.starts_with("# Workforce ecosystem analysis"));
    assert!(!md.contains("Workforce ecosystem analysis"), "{md:.80}");
}

/// The text of each element `<tag…>` in `html` (up to its next `<`).
fn texts_of<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    html.split(tag)
        .skip(1)
        .filter_map(|s| s.split_once('>'))
        .map(|(_, rest)| rest.split('<').next().unwrap_or_default())
        .collect()
}

/// The parts of the exported document that are the core's own words (not
/// the model's names, not the embedded model).
fn document_words(html: &str) -> Vec<String> {
    // Every paragraph: the subtitle, the overall figure, "no findings",
    // the findings' sentences and the footer.
    let tags = [
        "<title",
        "<h2",
        "<caption",
        "<p",
        "<td class=\"num\"",
        "<span class=\"kind\"",
        "<span class=\"severity\"",
    ];
    let mut words: Vec<String> = (tags.iter().flat_map(|tag| texts_of(html, tag)))
        .map(str::to_string)
        .collect();
    let figure = html.split("<figure class=\"diagram\" aria-label=\"").nth(1);
    words.extend(figure.and_then(|s| s.split('"').next()).map(str::to_string));
    words
}

#[test]
fn export_writes_the_whole_document_in_french() {
    let fr = ok(&wfe(&["export", SAMPLE, "--lang", "fr"]));
    let html = |s: &str| s[..s.find("<script type=\"application/json\"").unwrap()].to_string();
    let body = html(&fr);
    assert!(body.contains("<html lang=\"fr\">"));
    // The title block and every heading, in the page's French.
    for exact in [
        "<title>Harbourline Group — Cadre d’orchestration de l’écosystème de main-d’œuvre</title>",
        "<p class=\"subtitle\">Cadre d’orchestration de l’écosystème de main-d’œuvre</p>",
        "<p class=\"shown\">Niveaux actuels · Toutes les unités</p>",
        "<figure class=\"diagram\" aria-label=\"Schéma\">",
        "<h2>Maturité</h2>",
        "<p class=\"overall\">Globale\u{a0}: <strong>42\u{202f}%</strong></p>",
        "<caption>Thèmes</caption>",
        "<caption>Acteurs</caption>",
        "<caption>Unités</caption>",
        "<h2>Constats</h2>",
        "<footer><p>Ce fichier contient aussi le modèle au format JSON, pour pouvoir le rouvrir \
         dans l’orchestrateur d’écosystème de main-d’œuvre.</p></footer>",
        "<span class=\"kind\">Écart de maturité</span>",
        "<span class=\"kind\">Non couvert</span>",
        "<span class=\"kind\">Redondant</span>",
        "<span class=\"kind\">Conflit</span>",
        "<span class=\"kind\">Non suivi</span>",
        "<span class=\"kind\">Fragmenté</span>",
        "<span class=\"kind\">Système isolé</span>",
        "<span class=\"severity\">gravité 4,61</span>",
        // The standard names in the readiness tables, as in the diagram.
        "<th scope=\"row\">Approches de leadership</th>",
        "<th scope=\"row\">Direction générale</th>",
    ] {
        assert!(body.contains(exact), "{exact} in the French document");
    }
    // A model with nothing assessed and nothing found says so in French.
    let empty = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.json");
    let (empty_fr, empty_en) = (
        ok(&wfe(&["export", empty, "--lang", "fr"])),
        ok(&wfe(&["export", empty])),
    );
    assert!(empty_fr.contains("<p>Aucun constat.</p>"));
    assert!(empty_fr.contains("<td class=\"num\">non évalué</td>"));
    // Not a word of the English defaults where they would stand.
    let en = ok(&wfe(&["export", SAMPLE]));
    let mut fr_words = document_words(&body);
    let mut en_words = document_words(&html(&en));
    fr_words.extend(document_words(&html(&empty_fr)));
    en_words.extend(document_words(&html(&empty_en)));
    assert_eq!(fr_words.len(), en_words.len(), "{fr_words:?}");
    for (key, english) in workforce_ecosystem::export::DEFAULT_TEXTS {
        assert!(
            en_words.iter().any(|w| w.contains(english)),
            "the English document says {key}: {english}"
        );
        let found = fr_words.iter().find(|w| w.contains(english));
        assert!(found.is_none(), "English {english:?} in {found:?}");
    }
    for english in [
        "Leadership approaches",
        "Senior leaders",
        "severity 4.61",
        "42%",
    ] {
        assert!(en.contains(english), "{english} in English");
        assert!(!body.contains(english), "no {english} in French");
    }
    // A regional tag is French too.
    let regional = ok(&wfe(&["export", SAMPLE, "--lang", "fr-CA"]));
    assert_eq!(regional.replace("lang=\"fr-CA\"", "lang=\"fr\""), fr);
}

#[test]
fn export_in_english_is_the_cores_english_document() {
    let en = ok(&wfe(&["export", SAMPLE]));
    assert_eq!(ok(&wfe(&["export", SAMPLE, "--lang", "en"])), en);
    // The core's English defaults, untouched by any catalogue.
    let json = std::fs::read_to_string(SAMPLE).unwrap();
    let (model, _) = workforce_ecosystem::opened::read_model("sample.json", &json).unwrap();
    let options = workforce_ecosystem::export::ExportOptions {
        overlay: workforce_ecosystem::render::Overlay::Current,
        ..Default::default()
    };
    let core = workforce_ecosystem::export::export_html(&model, &options);
    assert!(en == core, "the CLI's English document is the core's");
    for exact in [
        "<h2>Readiness</h2>",
        "<p class=\"overall\">Overall: <strong>42%</strong></p>",
        "<span class=\"severity\">severity 4.61</span>",
        "<th scope=\"row\">Leadership approaches</th>",
    ] {
        assert!(en.contains(exact), "{exact} in the English document");
    }
    // The English reports are the core's own, byte for byte.
    let md = workforce_ecosystem::export::report_markdown(&model);
    let page = workforce_ecosystem::export::report_html(&model, "en");
    for (format, core) in [("report-md", &md), ("report-html", &page)] {
        let en = ok(&wfe(&["export", SAMPLE, "--format", format]));
        assert!(&en == core, "the CLI's English {format} is the core's");
        let tagged = ok(&wfe(&[
            "export", SAMPLE, "--format", format, "--lang", "en-GB",
        ]));
        assert_eq!(tagged.replace("lang=\"en-GB\"", "lang=\"en\""), en);
    }
    assert!(md.starts_with("# Workforce ecosystem analysis — Harbourline Group\n\n## Summary\n"));
    assert!(page.contains("<title>Harbourline Group — workforce ecosystem report</title>"));
}

/// The report's own words in English: none of them may stand in the
/// French report.
const REPORT_ENGLISH: [&str; 33] = [
    "Workforce ecosystem analysis",
    "workforce ecosystem report",
    "Summary",
    "Overall readiness",
    "assessed cells",
    "The analysis found",
    "| Kind | Count |",
    "Top priorities",
    "Nothing to act on",
    "severity",
    "Readiness",
    "By theme",
    "By player",
    "By unit",
    "| Theme |",
    "| Player |",
    "| Unit |",
    "Current score by cell",
    "Mean over units",
    "None found",
    "Nothing is assessed yet",
    "Systems",
    "connected group",
    "The model lists no systems",
    "Maturity gap",
    "Uncovered",
    "Redundan",
    "Conflict",
    "Untracked",
    "Fragmented",
    "Silo",
    "not assessed",
    "42%",
];

#[test]
fn export_writes_the_reports_in_french() {
    let md = ok(&wfe(&[
        "export",
        SAMPLE,
        "--format",
        "report-md",
        "--lang",
        "fr",
    ]));
    let html = ok(&wfe(&[
        "export",
        SAMPLE,
        "--format",
        "report-html",
        "--lang",
        "fr",
    ]));
    let empty = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal.json");
    let empty_md = ok(&wfe(&[
        "export",
        empty,
        "--format",
        "report-md",
        "--lang",
        "fr",
    ]));
    for exact in [
        "# Analyse de l’écosystème de main-d’œuvre — Harbourline Group\n",
        "\n## Synthèse\n",
        "La maturité globale est de **42\u{202f}%**, la position moyenne de 48 cases évaluées \
         sur l’échelle de 0 à 4.",
        "L’analyse relève **48** constats.",
        "| Type | Nombre |",
        "| Écarts de maturité | 38 |",
        "| Systèmes isolés | 1 |",
        "\n## Priorités\n",
        "1. **Conflit** (gravité 4,61) ",
        "\n## Maturité\n",
        "\n### Par thème\n\n| Thème | Maturité |",
        "\n### Par acteur\n\n| Acteur | Maturité |",
        "\n### Par unité\n\n| Unité | Maturité |",
        "| Approches de leadership | 40\u{202f}% |",
        "\n### Note actuelle par case\n",
        "| Thème | Direction générale |",
        "\n## Écarts de maturité\n\nCases évaluées dont la cible dépasse la note actuelle.",
        "\n## Thèmes non couverts\n",
        "\n## Redondances\n",
        "\n## Conflits\n",
        "\n## Contributeurs non suivis\n",
        "\n## Données fragmentées\n",
        "\n## Systèmes isolés\n",
        "- (gravité 1,73) ",
        "\n## Systèmes\n\n7 systèmes forment 2 groupes reliés :\n",
    ] {
        assert!(md.contains(exact), "{exact:?} in the French report\n{md}");
    }
    for exact in [
        "<html lang=\"fr\">",
        "<title>Harbourline Group — rapport sur l’écosystème de main-d’œuvre</title>",
        "<h1>Analyse de l’écosystème de main-d’œuvre — Harbourline Group</h1>",
        "<h2>Synthèse</h2>",
        "<h2>Priorités</h2>",
        "<h3>Par thème</h3>",
        "<h2>Systèmes isolés</h2>",
    ] {
        assert!(html.contains(exact), "{exact:?} in the French HTML report");
    }
    // A model with nothing assessed and nothing found says so in French.
    for exact in [
        "Rien n’est encore évalué : il n’y a donc pas de chiffre de maturité.",
        "L’analyse relève **0** constat.",
        "\n## Priorités\n\nRien à traiter.\n",
        "\n## Systèmes\n\nLe modèle ne liste aucun système.\n",
    ] {
        assert!(empty_md.contains(exact), "{exact:?} in\n{empty_md}");
    }
    assert_eq!(empty_md.matches("\nAucun.\n").count(), 7, "{empty_md}");
    // Not a word of the report's English; the English reports say each.
    let styles = |s: &str| {
        s.split("<style>").next().unwrap().to_string() + s.split("</style>").nth(1).unwrap()
    };
    let en_md = ok(&wfe(&["export", SAMPLE, "--format", "report-md"]));
    let en_empty = ok(&wfe(&["export", empty, "--format", "report-md"]));
    let en_html = ok(&wfe(&["export", SAMPLE, "--format", "report-html"]));
    for english in REPORT_ENGLISH {
        let said = [&en_md, &en_empty, &en_html]
            .iter()
            .any(|e| e.contains(english));
        assert!(said, "the English report says {english:?}");
        for (name, french) in [("md", &md), ("empty", &empty_md), ("html", &styles(&html))] {
            assert!(
                !french.contains(english),
                "{english:?} in the French {name}"
            );
        }
    }
    // A regional tag is French too.
    let regional = ok(&wfe(&[
        "export",
        SAMPLE,
        "--format",
        "report-html",
        "--lang",
        "fr-CA",
    ]));
    assert_eq!(regional.replace("lang=\"fr-CA\"", "lang=\"fr\""), html);
}

/// The comparison report's own words in English: none of them may stand
/// in the French report.
const COMPARE_ENGLISH: [&str; 36] = [
    "Scenario comparison",
    "Summary",
    "Overall readiness",
    "goes from",
    "cells changed",
    "Findings:",
    " resolved",
    " introduced",
    " unchanged",
    "Changed cells",
    "No score changed",
    "| Theme |",
    "| Player |",
    "| Unit |",
    "Before",
    "After",
    "Change",
    "whole organization",
    "(target",
    "not assessed",
    "no change",
    "points",
    "Readiness",
    "By theme",
    "By player",
    "By unit",
    "Resolved findings",
    "Introduced findings",
    "The scenario",
    "Maturity gap",
    "severity",
    "Leadership approaches",
    "Integration architectures",
    "Senior leaders",
    "the maturity of",
    "42%",
];

/// A scenario of the sample: its plan's first three changes made (in a
/// file of the test's `name`: the tests run at once).
fn sample_scenario(name: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_language");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.json"));
    let planned = ok(&wfe(&["plan", SAMPLE, "--max-changes", "3", "--apply"]));
    std::fs::write(&path, planned).unwrap();
    path.to_str().unwrap().to_string()
}

const QUARTERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/voices/quarters.json"
);

/// The arguments of `wfe compare` for each comparison the tests read: the
/// sample with a scenario of it and back, another model with a scenario
/// that scores a cell of the whole organization, and two dates of a model
/// with snapshots (and one date with itself).
fn comparisons(scenario: &str) -> Vec<Vec<String>> {
    let standard = format!("{}/tests/golden/standard.json", env!("CARGO_MANIFEST_DIR"));
    let mut whole: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&standard).unwrap()).unwrap();
    whole["assessments"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"theme": "integration", "player": "hr", "current": 2}));
    let whole_path = scenario.replace(".json", "-whole.json");
    std::fs::write(&whole_path, whole.to_string()).unwrap();
    [
        vec![SAMPLE, scenario],
        vec![scenario, SAMPLE],
        vec![standard.as_str(), whole_path.as_str()],
        vec![QUARTERS, "--from", "2026-03-31", "--to", "2026-06-30"],
        vec![QUARTERS, "--from", "2026-06-30", "--to", "2026-09-30"],
        vec![QUARTERS, "--from", "2026-06-30", "--to", "2026-06-30"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

/// `wfe compare ARGS… --format markdown` and `more` arguments.
fn compare_md(args: &[String], more: &[&str]) -> String {
    let mut all = vec!["compare", "--format", "markdown"];
    all.extend(args.iter().map(String::as_str));
    all.extend(more);
    ok(&wfe(&all))
}

#[test]
fn compare_writes_the_report_in_french() {
    let scenario = sample_scenario("french");
    let all = comparisons(&scenario);
    let fr: Vec<String> = all
        .iter()
        .map(|a| compare_md(a, &["--lang", "fr"]))
        .collect();
    let en: Vec<String> = all.iter().map(|a| compare_md(a, &[])).collect();
    let expected: [&[&str]; 6] = [
        &[
            "# Comparaison de scénarios — Harbourline Group\n\n## Synthèse\n\n",
            "La maturité globale passe de **42\u{202f}%** à **45\u{202f}%** (+3 pts).\n\n\
             3 cases modifiées. Constats résolus : **3**, nouveaux : **0**, inchangés : 45.\n",
            "\n## Cases modifiées\n\n| Thème | Acteur | Unité | Avant | Après |\n",
            "| Architectures d’intégration | Direction générale | Ports and terminals | \
             1 (cible 3) | 3 (cible 3) |",
            "\n## Maturité\n\n### Par thème\n\n| Thème | Avant | Après | Évolution |\n",
            "| Approches de leadership | 40\u{202f}% | 40\u{202f}% | sans changement |",
            "\n### Par acteur\n\n| Acteur | Avant | Après | Évolution |\n",
            "| Direction générale | 38\u{202f}% | 50\u{202f}% | +13 pts |",
            "\n### Par unité\n\n| Unité | Avant | Après | Évolution |\n",
            "\n## Constats résolus\n\n- **Écart de maturité** (gravité 4) Dans Ports and \
             terminals, la maturité de ",
            "\n## Nouveaux constats\n\nLe scénario n’apporte aucun nouveau constat.\n",
        ],
        &[
            "(\u{2212}3 pts)",
            "Constats résolus : **0**, nouveaux : **3**, inchangés : 45.",
            "\n## Constats résolus\n\nLe scénario ne résout aucun constat.\n",
            "\n## Nouveaux constats\n\n- **Écart de maturité** (gravité 4) Dans ",
        ],
        &["| toute l’organisation | non évalué | "],
        &[
            "# Comparaison de scénarios — Harbour \"Quarters\"\n",
            "| Architectures d’intégration | RH | Ports | 1 (cible 3) | 2 (cible 3) |",
            "| Leviers technologiques | Informatique | Retail | 2 (cible 4) | 3 (cible 4) |",
        ],
        &["| Architectures d’intégration | Achats | Ports | 1 (cible 3) | 1,5 (cible 3) |"],
        &[
            "0 case modifiée.",
            "\n## Cases modifiées\n\nAucune note n’a changé.\n",
            "(sans changement)",
        ],
    ];
    for ((md, exact), args) in fr.iter().zip(expected).zip(&all) {
        for exact in exact {
            assert!(md.contains(exact), "{exact:?} in the French {args:?}\n{md}");
        }
    }
    for english in COMPARE_ENGLISH {
        assert!(
            en.iter().any(|e| e.contains(english)),
            "the English report says {english:?}"
        );
        for (md, args) in fr.iter().zip(&all) {
            assert!(!md.contains(english), "{english:?} in the French {args:?}");
        }
    }
    // The JSON's findings are the analysis's, in French too.
    let json = ok(&wfe(&["compare", SAMPLE, &scenario, "--lang", "fr"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let resolved = v["resolved"].as_array().unwrap();
    assert_eq!(resolved.len(), 3);
    for f in resolved {
        let sentence = f["explanation"].as_str().unwrap();
        assert!(sentence.starts_with("Dans "), "{sentence}");
        assert!(!sentence.contains("the maturity of"), "{sentence}");
    }
    // An unknown date is told in French.
    let o = wfe(&["compare", QUARTERS, "--from", "2026-01-01", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    let told = String::from_utf8_lossy(&o.stderr);
    assert!(
        told.starts_with("--from: aucun instantané daté \"2026-01-01\""),
        "{told}"
    );
}

#[test]
fn compare_in_english_is_the_cores_english_report() {
    let scenario = sample_scenario("english");
    let read = |path: &str| {
        let json = std::fs::read_to_string(path).unwrap();
        workforce_ecosystem::opened::read_model(path, &json)
            .unwrap()
            .0
    };
    for args in comparisons(&scenario) {
        let (base, scenario) = match args.iter().position(|a| a == "--from") {
            None => (read(&args[0]), read(&args[1])),
            Some(at) => {
                let model = read(&args[0]);
                let on = |date: &str| workforce_ecosystem::voices::model_on(&model, date).unwrap();
                (on(&args[at + 1]), on(&args[at + 3]))
            }
        };
        let cmp = workforce_ecosystem::analysis::compare(&base, &scenario);
        let core = workforce_ecosystem::analysis::comparison_markdown(&base, &scenario, &cmp);
        let en = compare_md(&args, &[]);
        assert!(en == core, "the CLI's English {args:?} is the core's");
        assert!(
            compare_md(&args, &["--lang", "en"]) == en,
            "--lang en {args:?}"
        );
        assert!(en.starts_with("# Scenario comparison"), "{en:.40}");
    }
}

/// What a command says about a model it cannot read, in the language it was
/// asked to write in (it used to read its files before `--lang` applied).
#[test]
fn a_models_problems_are_told_in_the_commands_language() {
    let broken = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/v0-broken.json"
    );
    let told = |args: &[&str]| {
        let o = wfe(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty());
        String::from_utf8(o.stderr).unwrap()
    };
    let en = told(&["analyze", broken]);
    assert!(en.contains("(line 6, column 49): expected a number, found the string \"one\""));
    assert!(
        en.ends_with("v0-broken.json: 7 problems; the model was not loaded\n"),
        "{en}"
    );
    for command in ["render", "analyze", "plan", "export", "survey", "progress"] {
        let fr = told(&[command, broken, "--lang", "fr"]);
        assert!(
            fr.contains("(ligne 6, colonne 49) : attendu : un nombre ; trouvé : la chaîne \"one\""),
            "{command}: {fr}"
        );
        assert!(
            fr.ends_with("v0-broken.json: 7 problèmes ; le modèle n’a pas été chargé\n"),
            "{command}: {fr}"
        );
        assert_eq!(told(&[command, broken, "--lang", "en"]), en, "{command}");
    }
    let fr = told(&["compare", SAMPLE, broken, "--lang", "fr"]);
    assert!(fr.contains("attendu : un nombre"), "{fr}");
}

#[test]
fn export_takes_the_tags_of_the_languages_it_speaks_and_refuses_the_rest() {
    for (tag, french) in [
        ("fr-CA", true),
        ("FR", true),
        ("en-GB", false),
        ("en", false),
    ] {
        let page = ok(&wfe(&["export", SAMPLE, "--lang", tag]));
        assert!(page.contains(&format!("<html lang=\"{tag}\">")), "{tag}");
        assert_eq!(page.contains("<h2>Constats<"), french, "{tag}");
    }
    for tag in [
        "de",
        "x\"><script>",
        "fr-",
        "fr-CA-toolongsubtag",
        "fr_CA",
        "",
    ] {
        let o = wfe(&["export", SAMPLE, "--lang", tag]);
        assert_eq!(o.status.code(), Some(2), "{tag:?}");
        assert!(o.stdout.is_empty(), "{tag:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.contains("wfe writes English (en) and French (fr), or a regional tag of either such as fr-CA"),
            "{tag:?}: {err}"
        );
    }
}

#[test]
fn validate_says_what_is_wrong_in_french() {
    let dir = std::env::temp_dir().join(format!("wfe-validate-fr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let path = empty.to_str().unwrap();
    let o = wfe(&["validate", "--lang", "fr", path]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        format!("{path}: (modèle) (ligne 1, colonne 1) : le fichier est vide : il ne contient aucun modèle\n{path}: 1 problème ; le modèle n’a pas été chargé\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_command_takes_a_regional_tag_and_validate_says_valid_in_french() {
    let plain = ok(&wfe(&["analyze", SAMPLE, "--lang", "fr"]));
    assert_eq!(
        ok(&wfe(&["analyze", SAMPLE, "--lang", "fr-CA"])),
        plain,
        "fr-CA is French, as for wfe export"
    );
    assert!(ok(&wfe(&["render", SAMPLE, "--lang", "en-GB"])).starts_with("<svg"));
    let summary = ok(&wfe(&["validate", SAMPLE, "--lang", "fr"]));
    assert!(
        summary.ends_with(" : valide (48 évaluations, 8 contributeurs, 7 systèmes)\n"),
        "{summary}"
    );
    let refused = wfe(&["analyze", SAMPLE, "--lang", "de"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("English (en) and French (fr)"));
}

#[test]
fn the_clis_own_lines_follow_lang_too() {
    let missing = wfe(&["validate", "no-such-model.json", "--lang", "fr"]);
    assert_eq!(
        stderr(&missing),
        "no-such-model.json : fichier introuvable\n"
    );
    let english = wfe(&["validate", "no-such-model.json"]);
    assert_eq!(stderr(&english), "no-such-model.json: no such file\n");
    let out = common::scratch("cli-lines-fr").join("merged.json");
    let merged = wfe(&[
        "merge",
        SAMPLE,
        &fixture("voices/coded-response.json"),
        "--lang",
        "fr",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(merged.status.success(), "{}", stderr(&merged));
    assert_eq!(
        stderr(&merged),
        "1 fusionnée, 0 déjà fusionnée, 0 refusée\n"
    );
    let progress = wfe(&[
        "progress",
        SAMPLE,
        "--lang",
        "fr",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(stderr(&progress).contains(" : pas encore d’instantané"));
}
