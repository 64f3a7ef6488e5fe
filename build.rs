//! Build-time work of the crate: the content-security-policy hashes of the
//! survey page's one script and one style (`src/voices/survey.rs`), computed
//! from the very files the crate embeds, so that neither the CLI nor the
//! Wasm module carries hashing code and an edit to either file can never
//! leave a stale hash behind (the page's script would then be blocked).
use base64::Engine;
use sha2::{Digest, Sha256};
use std::{env, fs, path::Path};

fn main() {
    let mut code = String::new();
    for (name, file) in [
        ("SCRIPT_HASH", "www/survey.js"),
        ("STYLE_HASH", "src/voices/survey.css"),
    ] {
        println!("cargo::rerun-if-changed={file}");
        let bytes = fs::read(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&bytes));
        code.push_str(&format!("const {name}: &str = \"'sha256-{hash}'\";\n"));
    }
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("survey_hashes.rs"), code).expect("cannot write the hashes");
}
