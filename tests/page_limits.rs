//! The page checks some of the core's limits itself, before it asks the
//! core (a field's `maxlength`, a file too large to read at all): each of
//! its constants must say what the core enforces, or a user meets a field
//! that stops short of what the core takes, or a file the page reads only
//! for the core to refuse it.

use workforce_ecosystem::validate::{limits, MAX_BYTES};

/// The value of `const NAME = …;` in `www/FILE`, evaluated for the forms
/// the page writes (`5000`, `10 * 1024 * 1024`).
fn constant(file: &str, name: &str) -> usize {
    let path = format!("{}/www/{file}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let at = format!("const {name} = ");
    let start = source
        .find(&at)
        .unwrap_or_else(|| panic!("{name} not in {file}"))
        + at.len();
    let expr = &source[start..start + source[start..].find(';').unwrap()];
    expr.split('*')
        .map(|factor| factor.trim().replace('_', "").parse::<usize>().unwrap())
        .product()
}

#[test]
fn the_pages_limits_are_the_cores() {
    assert_eq!(constant("cell-editor.js", "NOTE_CHARS"), limits::NOTE_CHARS);
    assert_eq!(constant("org.js", "LABEL_CHARS"), limits::LABEL_CHARS);
    for (file, name) in [
        ("fragment.js", "MAX_MODEL_BYTES"),
        ("teach-class.js", "MAX_ANSWER_BYTES"),
        ("voices.js", "MAX_RESPONSE_BYTES"),
    ] {
        assert_eq!(constant(file, name), MAX_BYTES, "{file} {name}");
    }
}
