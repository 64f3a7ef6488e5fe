//! Exports: the self-contained HTML document and the HTML report stay inert
//! whatever the labels hold, need nothing from the network, and carry the
//! model back out intact.

use workforce_ecosystem::export::{
    export_html, model_from_export, report_html, ExportOptions, EXPORT_CSP,
};
use workforce_ecosystem::model::{Assessment, Contributor, ContributorKind, Item, Model, System};
use workforce_ecosystem::render::{render_svg, RenderOptions};

const HOSTILE: [&str; 8] = [
    "</script><script>alert(1)</script>",
    "<!-- comment --><script>alert(2)</script>",
    "\"><img src=x onerror=alert(3)>",
    "'><svg onload=alert(4)>",
    "<iframe src=\"javascript:alert(5)\"></iframe>",
    "]]><script>alert(6)</script><![CDATA[",
    "**bold** | pipe | <b>tag</b> `code` [link](javascript:alert(7))",
    "& &amp; &lt; \u{2028} \u{0} 日本 🎉",
];

/// A model in which every label, note and id is hostile.
fn hostile_model() -> Model {
    let mut m = Model::empty(HOSTILE[0]);
    for (i, p) in m.framework.players.iter_mut().enumerate() {
        p.label = HOSTILE[i % HOSTILE.len()].to_string();
    }
    for (i, t) in m.framework.themes.iter_mut().enumerate() {
        t.label = HOSTILE[(i + 3) % HOSTILE.len()].to_string();
    }
    // Ids are untrusted too: the first player's id and a unit id carry markup.
    m.framework.players[0].id = "x\"><script>alert(8)</script>".into();
    m.units = vec![Item::new("u\"'<>", HOSTILE[2]), Item::new("hq", HOSTILE[6])];
    m.assessments = (0..HOSTILE.len())
        .map(|i| Assessment {
            theme: m.framework.themes[i % 4].id.clone(),
            player: m.framework.players[i % 6].id.clone(),
            unit: Some(m.units[i % 2].id.clone()),
            current: 1.0,
            target: Some(3.0),
            weight: 1.0,
            note: Some(HOSTILE[i].to_string()),
        })
        .collect();
    m.contributors = vec![Contributor {
        id: "c<>".into(),
        label: HOSTILE[4].into(),
        kind: ContributorKind::External,
        headcount: Some(3),
    }];
    m.systems = vec![System {
        id: "s\"".into(),
        label: HOSTILE[5].into(),
        owner: m.framework.players[1].id.clone(),
        contributors: vec![],
    }];
    m
}

/// The tags of an HTML text as `(name, [(attribute, value)])`, skipping the
/// raw text of `<style>` and `<script>`. Crude, but an injected quote or angle
/// bracket shows up as a tag or attribute that should not exist.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let chars: Vec<char> = html.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '<' {
            i += 1;
            continue;
        }
        i += 1;
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_alphanumeric() || matches!(chars[i], '!' | '-' | '/' | ':'))
        {
            i += 1;
        }
        let name: String = chars[start..i]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i >= chars.len()
                || chars[i] == '>'
                || chars[i] == '/' && chars.get(i + 1) == Some(&'>')
            {
                break;
            }
            let a = i;
            while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '=' | '>') {
                i += 1;
            }
            let attr: String = chars[a..i].iter().collect::<String>().to_ascii_lowercase();
            let mut value = String::new();
            if chars.get(i) == Some(&'=') {
                i += 1;
                match chars.get(i) {
                    Some(&q @ ('"' | '\'')) => {
                        i += 1;
                        while i < chars.len() && chars[i] != q {
                            value.push(chars[i]);
                            i += 1;
                        }
                        i += 1;
                    }
                    _ => {
                        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '>' {
                            value.push(chars[i]);
                            i += 1;
                        }
                    }
                }
            }
            if attr.is_empty() {
                i += 1;
            }
            attrs.push((attr, value));
        }
        if name == "style" || name == "script" {
            let close = format!("</{name}");
            let rest: String = chars[i..].iter().collect();
            let skip = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            i += rest[..skip].chars().count();
        }
        out.push((name, attrs));
    }
    out
}

/// Asserts that `html` holds no live markup from the model: no unexpected
/// element, no event handler, no script URL, no comment, no network reference.
fn assert_inert(html: &str, scripts_allowed: usize) {
    let tags = tags(html);
    let scripts: Vec<_> = tags.iter().filter(|(n, _)| n == "script").collect();
    assert_eq!(scripts.len(), scripts_allowed, "script elements");
    for (_, attrs) in &scripts {
        assert!(
            attrs.contains(&("type".into(), "application/json".into())),
            "{attrs:?}"
        );
    }
    for (name, attrs) in &tags {
        assert!(
            !matches!(
                name.as_str(),
                "img"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "b"
                    | "link"
                    | "base"
                    | "form"
                    | "foreignobject"
                    | "!--"
                    | "![cdata["
            ),
            "unexpected <{name}> in output"
        );
        for (attr, value) in attrs {
            assert!(!attr.starts_with("on"), "event handler {attr} on <{name}>");
            assert!(
                !matches!(attr.as_str(), "src" | "srcdoc" | "xlink:href" | "action"),
                "{attr} on <{name}>"
            );
            if attr == "href" {
                assert!(
                    !value.to_ascii_lowercase().contains("javascript:"),
                    "{attr}={value}"
                );
                assert!(
                    value.starts_with("https://")
                        || value.starts_with("http://")
                        || value.starts_with('#'),
                    "href={value}"
                );
            }
        }
    }
    assert!(!html.contains("<!--"), "comment opened");
    assert!(!html.contains("@import"));
    assert!(!html.contains("url(http"));
}

#[test]
fn hostile_labels_are_inert_in_the_self_contained_export() {
    let m = hostile_model();
    for overlay in ["none", "current", "target", "gap"] {
        let options =
            serde_json::json!({"overlay": overlay, "unit": "hq", "lang": "en\"><script>"});
        let opts = ExportOptions::from_json(options).unwrap();
        let html = export_html(&m, &opts);
        assert_inert(&html, 1);
        // The model comes back out of the data block exactly.
        let json = model_from_export(&html).expect("data block present");
        let back = workforce_ecosystem::validate::read_shape(&json).unwrap();
        assert_eq!(back, m);
        // The labels are shown, as text.
        assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

#[test]
fn the_title_block_says_hostile_names_as_text() {
    let m = hostile_model();
    for (i, scenario) in HOSTILE.iter().enumerate() {
        let options = serde_json::json!({
            "overlay": "gap", "unit": "u\"'<>",
            "caption": {"scenario": scenario, "date": HOSTILE[(i + 1) % HOSTILE.len()]}
        });
        let html = export_html(&m, &ExportOptions::from_json(options).unwrap());
        assert_inert(&html, 1);
        // The header is the title block: name, unit, what-if, date; the
        // drawing does not repeat it.
        let header = &html[html.find("<header>").unwrap()..html.find("</header>").unwrap()];
        assert!(!html.contains("<g class=\"caption\">"));
        let escaped = |s: &str| workforce_ecosystem::export::escape_text(s);
        for part in [HOSTILE[0], HOSTILE[2], scenario] {
            let part = escaped(part.trim());
            assert!(header.contains(&part), "{part} in {header}");
        }
        assert!(header.contains("What-if: "));
        // A drawing's own title block, as an SVG download has it, says them as text too.
        let options = RenderOptions::from_json(serde_json::json!({
            "overlay": "gap", "unit": "u\"'<>", "standalone": true,
            "caption": {"scenario": scenario, "date": HOSTILE[(i + 1) % HOSTILE.len()]}
        }))
        .unwrap();
        let svg = render_svg(&m, &options);
        let block = &svg[svg.find("<g class=\"caption\">").expect("a title block")..];
        // The drawing wraps its lines, so look for shorter pieces there.
        assert!(block.contains(&escaped(HOSTILE[0])) && block.contains("What-if: "));
    }
}

#[test]
fn hostile_export_texts_are_inert_too() {
    let mut opts = ExportOptions::default();
    for (i, (key, _)) in workforce_ecosystem::export::DEFAULT_TEXTS
        .iter()
        .enumerate()
    {
        opts.texts
            .insert(key.to_string(), HOSTILE[i % HOSTILE.len()].into());
    }
    assert_inert(&export_html(&hostile_model(), &opts), 1);
}

#[test]
fn hostile_labels_are_inert_in_the_html_report() {
    let html = report_html(&hostile_model(), "en");
    assert_inert(&html, 0);
    assert!(
        html.contains("&lt;/script&gt;"),
        "the name is shown as text"
    );
}

#[test]
fn the_export_needs_nothing_from_outside_and_runs_nothing() {
    let html = export_html(
        &workforce_ecosystem::framework::sample(),
        &ExportOptions::default(),
    );
    assert!(html.contains(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{EXPORT_CSP}\">"
    )));
    assert!(EXPORT_CSP.contains("default-src 'none'") && !EXPORT_CSP.contains("script-src"));
    for (name, attrs) in tags(&html) {
        for (attr, value) in attrs {
            assert!(
                !(attr == "href" || attr == "src"),
                "<{name} {attr}={value}> refers outside the file"
            );
        }
    }
    // Styles are in the document: the page's stylesheet and a print section.
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert_eq!(tags(&html).iter().filter(|(n, _)| n == "svg").count(), 1);
}

#[test]
fn the_export_is_deterministic() {
    let m = hostile_model();
    assert_eq!(
        export_html(&m, &ExportOptions::default()),
        export_html(&m, &ExportOptions::default())
    );
}

#[test]
fn the_tag_scanner_catches_what_it_must() {
    // The checks above are only as good as this scanner: show it finds breakouts.
    let caught = |html: &str| std::panic::catch_unwind(|| assert_inert(html, 0)).is_err();
    assert!(caught("<p>\"><img src=x onerror=alert(1)></p>"));
    assert!(caught("<p title=\"x\" onmouseover=\"y\">"));
    assert!(caught("<script>alert(1)</script>"));
    assert!(caught("<a href=\"javascript:alert(1)\">"));
    assert!(caught("<p><!-- x --></p>"));
    assert!(!caught(
        "<p title=\"&quot;&gt;&lt;img onerror=x&gt;\">&lt;script&gt;</p>"
    ));
}

mod markdown_properties {
    use proptest::prelude::*;
    use workforce_ecosystem::export::markdown_to_html;

    const ALLOWED: [&str; 21] = [
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "pre",
        "code",
        "strong",
        "em",
    ];

    /// Every `<` in the output opens or closes an allowed element.
    fn only_allowed_tags(html: &str) -> Result<(), String> {
        for (i, _) in html.match_indices('<') {
            let rest = &html[i + 1..];
            let rest = rest.strip_prefix('/').unwrap_or(rest);
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let ok = ALLOWED.contains(&name.as_str())
                || name == "hr"
                || (name == "a" && rest.starts_with("a href=\"http"))
                || (name == "a" && rest.starts_with("a>"));
            if !ok {
                return Err(format!(
                    "unexpected tag at {i}: {:?}",
                    &html[i..(i + 30).min(html.len())]
                ));
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn any_text_renders_without_panic_or_live_markup(md in "(\\PC|[<>&\"'`*_|#>\\-\\[\\]()\\\\\n ]){0,200}") {
            let html = markdown_to_html(&md);
            prop_assert!(only_allowed_tags(&html).is_ok(), "{:?}", only_allowed_tags(&html));
        }
    }
}

#[test]
fn terminal_escapes_never_reach_any_output() {
    use workforce_ecosystem::analysis::plan::{plan_csv, plan_html};
    use workforce_ecosystem::analysis::{plan, PlanOptions};
    use workforce_ecosystem::csv::export_csv;
    use workforce_ecosystem::voices::{survey_html, SurveyScope};
    // An OSC title, a screen clear, a bell and an 8-bit CSI, in every kind of text.
    let evil = |s: &str| format!("{s}\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m");
    let mut m = workforce_ecosystem::framework::sample();
    m.name = evil("Harbourline");
    m.framework.players[1].label = evil("Procurement");
    m.framework.themes[0].label = evil("Leadership");
    m.units[0].label = evil("Ports");
    m.contributors[0].label = evil("Agency staff");
    for a in &mut m.assessments {
        a.note = Some(evil("note"));
    }
    let the_plan = plan(&m, &PlanOptions::default());
    let outputs = [
        ("export", export_html(&m, &ExportOptions::default())),
        ("report", report_html(&m, "en")),
        ("csv", export_csv(&m)),
        ("plan csv", plan_csv(&the_plan)),
        ("plan html", plan_html(&m, &the_plan, "en")),
        (
            "survey",
            survey_html(&m, SurveyScope::Organization).unwrap(),
        ),
    ];
    for (what, text) in outputs {
        let stray = text
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        assert_eq!(stray, None, "{what}");
        // The text around them is still there, each in its place.
        let kept = [
            "Harbourline\u{FFFD}]0;PWNED",
            "Procurement\u{FFFD}]0;PWNED",
            "note\u{FFFD}]0;PWNED",
        ];
        assert!(kept.iter().any(|k| text.contains(k)), "{what}");
    }
    // JSON and Markdown, printed by `wfe` to a terminal as often as saved:
    // JSON keeps every character as a `\u` escape, Markdown writes a space.
    let analysis = workforce_ecosystem::analysis::analyze(&m);
    let outputs = [
        (
            "model json",
            m.to_json_pretty(),
            "Harbourline\\u001b]0;PWNED",
        ),
        (
            "analysis json",
            workforce_ecosystem::export::json_pretty(&analysis),
            "Procurement\\u001b]0;PWNED",
        ),
        (
            "plan json",
            workforce_ecosystem::export::json_pretty(&the_plan),
            "Procurement\\u001b]0;PWNED",
        ),
        (
            "report md",
            workforce_ecosystem::export::report_markdown(&m),
            "Harbourline \\]0;PWNED",
        ),
    ];
    for (what, text, kept) in outputs {
        let stray = text
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        assert_eq!(stray, None, "{what}");
        assert!(text.contains(kept), "{what}: {kept}");
    }
}
