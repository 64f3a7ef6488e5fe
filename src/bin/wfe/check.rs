//! `wfe validate`: a model checked, with a one-line summary when it is
//! valid, written in the language of its problems.

use crate::args::{primary_subtag, set_language};
use crate::files::{load_versioned, source_name, write_stdout, Failure};
use std::path::Path;
use workforce_ecosystem::migrate::{self, Version};

/// `wfe validate`: the problems fail the run (`load_versioned` words them);
/// a valid model gets its summary.
pub fn validate(file: &Path, lang: &str) -> Result<(), Failure> {
    set_language(lang);
    let (model, version) = load_versioned(file)?;
    // The summary speaks the problems' language; French counts
    // 0 and 1 in the singular.
    let french = primary_subtag(lang) == "fr";
    let count = |n: usize, en: &str, fr: &str| match french {
        true => format!("{n} {fr}{}", if n < 2 { "" } else { "s" }),
        false => format!("{n} {en}{}", if n == 1 { "" } else { "s" }),
    };
    let (valid, migrated_from) = match french {
        true => (" : valide", "migré depuis"),
        false => (": valid", "migrated from"),
    };
    let migrated = match version {
        Version::V1 => String::new(),
        Version::V0 => format!("; {migrated_from} {}", migrate::SCHEMA_V0),
    };
    write_stdout(&format!(
        "{}{valid} ({}, {}, {}{migrated})\n",
        source_name(file),
        count(model.assessments.len(), "assessment", "évaluation"),
        count(model.contributors.len(), "contributor", "contributeur"),
        count(model.systems.len(), "system", "système"),
    ))
}
