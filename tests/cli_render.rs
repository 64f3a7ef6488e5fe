//! `wfe render`: files and standard streams, overlays, the unit filter, and
//! clear errors with exit code 2.

mod common;

use common::{stderr, stdout, wfe, wfe_stdin};

fn golden(name: &str) -> String {
    format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn renders_a_standalone_svg_to_standard_output() {
    let o = wfe(&["render", &golden("standard")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = stdout(&o);
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("role=\"img\""));
    assert!(
        svg.contains("<style>"),
        "a standalone file carries its stylesheet"
    );
    assert_eq!(svg.matches(" class=\"cell ring-").count(), 24);
    assert!(svg.contains("data-overlay=\"none\""));
}

#[test]
fn writes_the_file_given_with_o_and_the_same_bytes_each_time() {
    let dir = std::env::temp_dir().join(format!("wfe-cli-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("gap.svg");
    let out_s = out.to_str().unwrap();
    let args = ["render", &golden("eight"), "-o", out_s, "--overlay", "gap"];
    let o = wfe(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let first = std::fs::read(&out).unwrap();
    assert!(String::from_utf8_lossy(&first).contains("class=\"cell ring-0 gap-"));
    assert!(wfe(&args).status.success());
    assert_eq!(std::fs::read(&out).unwrap(), first, "deterministic");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn reads_standard_input_and_filters_by_unit() {
    let text = std::fs::read_to_string(golden("standard")).unwrap();
    let all = wfe_stdin(&["render", "-", "--overlay", "current"], &text);
    let retail = wfe_stdin(
        &["render", "-", "--overlay", "current", "--unit", "retail"],
        &text,
    );
    assert!(
        all.status.success() && retail.status.success(),
        "{}",
        stderr(&retail)
    );
    assert_ne!(stdout(&all), stdout(&retail));
    assert!(stdout(&retail).contains("data-unit=\"retail\""));
    assert!(stdout(&retail).contains("for the unit Retail"));
}

#[test]
fn an_unknown_unit_or_overlay_is_refused_with_exit_2() {
    let o = wfe(&["render", &golden("standard"), "--unit", "nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown unit \"nowhere\""),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("retail"), "names the known units");
    assert!(o.stdout.is_empty());
    let o = wfe(&["render", &golden("standard"), "--overlay", "heat"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("heat"));
}

#[test]
fn an_invalid_model_is_refused_with_exit_2() {
    let o = wfe_stdin(&["render", "-"], "{\"schema\": 3}");
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).is_empty());
    assert!(o.stdout.is_empty());
}

#[test]
fn layout_narrow_puts_the_names_below_and_caption_adds_a_title_block() {
    let o = wfe(&[
        "render",
        &golden("standard"),
        "--layout",
        "narrow",
        "--caption",
        "3 December 2026",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = stdout(&o);
    assert!(svg.contains("wfe-layout-narrow"));
    assert!(svg.contains("class=\"keys\""));
    assert!(!svg.contains("class=\"leader\""), "no leader lines below");
    assert!(svg.contains("class=\"caption-text\""));
    // (wrapped where it must, between words)
    assert!(svg.contains("Framework · All units ·") && svg.contains("3\u{a0}December\u{a0}2026"));
    let wide = stdout(&wfe(&["render", &golden("standard")]));
    let default = stdout(&wfe(&["render", &golden("standard"), "--layout", "wide"]));
    assert_eq!(wide, default, "wide is the default");
    // A rendered picture has its title block unless asked not to.
    assert!(wide.contains("class=\"caption-text\""));
    assert!(wide.contains("\nFramework · All units\n</text>"));
    let bare = stdout(&wfe(&["render", &golden("standard"), "--no-caption"]));
    assert!(!bare.contains("class=\"caption"));
    let square = stdout(&wfe(&["render", &golden("standard"), "--layout", "square"]));
    assert!(square.contains("wfe-layout-square"));
    let bad = wfe(&["render", &golden("standard"), "--layout", "tall"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("narrow"), "{}", stderr(&bad));
}

#[test]
fn picture_gives_the_elements_templates_in_its_form() {
    let sample = format!("{}/www/models/sample.json", env!("CARGO_MANIFEST_DIR"));
    let o = wfe(&["render", &sample, "--overlay", "gap", "--picture"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let templates = text.matches("<template data-wfe-picture=").count();
    assert!(templates >= 2, "{text:.200}");
    assert!(text.starts_with("<template data-wfe-picture=\"narrow\" data-from=\"0\" data-below=\""));
    assert_eq!(text.matches("<svg").count(), templates);
    assert_eq!(
        text.matches("role=\"img\"").count(),
        templates,
        "read-only: the export form"
    );
    assert_eq!(text.matches("data-overlay=\"gap\"").count(), templates);
    assert!(
        !text.contains("<style"),
        "no inline stylesheet: the element has its own"
    );
    assert!(
        !text.contains("caption-title"),
        "no title block unless asked for"
    );

    let o = wfe(&[
        "render",
        &sample,
        "--picture",
        "interactive",
        "--caption",
        "2026-12",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(
        text.matches("wfe-interactive").count(),
        text.matches("<svg").count()
    );
    assert!(text.contains("2026-12"), "the title block dated as asked");

    let o = wfe(&["render", &sample, "--picture", "--layout", "wide"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--layout"), "{}", stderr(&o));
}
