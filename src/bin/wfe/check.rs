//! `wfe validate`: a model checked, with a one-line summary when it is
//! valid, written in the language of its problems.

use crate::args::set_language;
use crate::files::{load_versioned, source_name, write_stdout, Failure};
use crate::words::{about, counted, say};
use std::path::Path;
use workforce_ecosystem::migrate::{self, Version};

/// `wfe validate`: the problems fail the run (`load_versioned` words them);
/// a valid model gets its summary.
pub fn validate(file: &Path, lang: &str) -> Result<(), Failure> {
    set_language(lang);
    let (model, version) = load_versioned(file)?;
    // The summary speaks the problems' language.
    let migrated = match version {
        Version::V1 => String::new(),
        Version::V0 => format!(
            "; {} {}",
            say("migrated from", "migré depuis"),
            migrate::SCHEMA_V0
        ),
    };
    let summary = format!(
        "{} ({}, {}, {}{migrated})",
        say("valid", "valide"),
        counted(
            model.assessments.len(),
            ("assessment", "assessments"),
            ("évaluation", "évaluations")
        ),
        counted(
            model.contributors.len(),
            ("contributor", "contributors"),
            ("contributeur", "contributeurs")
        ),
        counted(
            model.systems.len(),
            ("system", "systems"),
            ("système", "systèmes")
        ),
    );
    write_stdout(&format!("{}\n", about(source_name(file), summary)))
}
