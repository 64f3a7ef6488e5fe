//! `wfe render --lang fr`, `wfe analyze --lang fr` and `wfe export --lang
//! fr`: the core's words and numbers in French from the page's catalogue;
//! English stays the default, byte for byte.

use std::process::{Command, Output};

fn wfe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wfe"))
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/models/sample.json");

#[test]
fn render_names_the_standard_framework_and_the_legend_in_french() {
    let fr = text(&wfe(&[
        "render",
        SAMPLE,
        "--overlay",
        "current",
        "--lang",
        "fr",
    ]));
    let en = text(&wfe(&["render", SAMPLE, "--overlay", "current"]));
    assert_eq!(
        text(&wfe(&[
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
    let fr = text(&wfe(&["analyze", SAMPLE, "--lang", "fr"]));
    let en = text(&wfe(&["analyze", SAMPLE]));
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
    // The Markdown report is in English whatever --lang says.
    let md = text(&wfe(&[
        "analyze", SAMPLE, "--format", "markdown", "--lang", "fr",
    ]));
    assert_eq!(md, text(&wfe(&["analyze", SAMPLE, "--format", "markdown"])));
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
    let fr = text(&wfe(&["export", SAMPLE, "--lang", "fr"]));
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
        text(&wfe(&["export", empty, "--lang", "fr"])),
        text(&wfe(&["export", empty])),
    );
    assert!(empty_fr.contains("<p>Aucun constat.</p>"));
    assert!(empty_fr.contains("<td class=\"num\">non évalué</td>"));
    // Not a word of the English defaults where they would stand.
    let en = text(&wfe(&["export", SAMPLE]));
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
    let regional = text(&wfe(&["export", SAMPLE, "--lang", "fr-CA"]));
    assert_eq!(regional.replace("lang=\"fr-CA\"", "lang=\"fr\""), fr);
}

#[test]
fn export_in_english_is_the_cores_english_document() {
    let en = text(&wfe(&["export", SAMPLE]));
    assert_eq!(text(&wfe(&["export", SAMPLE, "--lang", "en"])), en);
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
    // The reports stay English, whatever the tag (only `lang` follows it).
    for format in ["report-md", "report-html"] {
        let en = text(&wfe(&["export", SAMPLE, "--format", format]));
        let fr = text(&wfe(&[
            "export", SAMPLE, "--format", format, "--lang", "fr",
        ]));
        assert_eq!(fr.replace("lang=\"fr\"", "lang=\"en\""), en, "{format}");
    }
}
