//! `wfe render --lang fr` and `wfe analyze --lang fr`: the core's words and
//! numbers in French from the page's catalogue; English stays the default,
//! byte for byte.

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
