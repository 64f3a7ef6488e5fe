//! Layout, SVG rendering and gap analysis of the *workforce ecosystem
//! orchestration framework*: six organizational players around four concentric
//! hexagons, scored cell by cell.
//!
//! ```
//! use workforce_ecosystem::{analysis, framework, render};
//!
//! let model = framework::sample();
//! let svg = render::render_svg(&model, &render::RenderOptions::default());
//! assert!(svg.contains("class=\"cell"));
//! let report = analysis::analyze(&model);
//! assert!(report.systems.components >= 1);
//! ```
//!
//! A model file is read with every problem named by its JSON path, line
//! and column, rather than the first:
//!
//! ```
//! let bad = r#"{"schema": "workforce-ecosystem/v1", "name": "Acme",
//!   "assessments": [{"theme": "leadership", "player": "nobody", "current": 9}]}"#;
//! let invalid = workforce_ecosystem::parse_model(bad).unwrap_err();
//! let paths: Vec<&str> = invalid.problems.iter().map(|p| p.path.as_str()).collect();
//! assert_eq!(paths, ["assessments[0].player", "assessments[0].current"]);
//! ```
//!
//! The page's what-ifs are a [`session::Session`]: edits (as the page sends
//! them, JSON) go to the scenario on show, undoably, and
//! [`analysis::compare`] says what the scenario changes against the baseline:
//!
//! ```
//! use workforce_ecosystem::{analysis, framework, session::Session};
//!
//! let mut session = Session::new(framework::sample());
//! session.start_scenario("Hire in Ports").unwrap();
//! let edit = serde_json::json!({"setAssessment":
//!     {"theme": "leadership", "player": "hr", "current": 4, "target": 4}});
//! session.apply_json(edit, None).unwrap();
//! let cmp = analysis::compare(session.baseline(), session.model());
//! assert_eq!(cmp.changed_cells.len(), 1);
//! assert!(session.undo());
//! assert_eq!(session.model(), session.baseline(), "undone");
//! ```
//!
//! The same model reads and writes as a line-oriented text
//! ([`text`], docs/text-syntax.md), with nothing lost either way:
//!
//! ```
//! use workforce_ecosystem::{framework, text};
//!
//! let model = framework::sample();
//! let written = text::to_text(&model);
//! assert_eq!(text::parse_text(&written).unwrap(), model);
//! ```

pub mod analysis;
pub mod bidi;
mod css;
pub mod csv;
mod decimal;
pub mod edit;
pub mod encoding;
pub mod export;
pub mod framework;
pub mod generate;
pub mod language;
pub mod layout;
pub mod migrate;
pub mod model;
pub mod opened;
mod order;
pub mod render;
pub mod scores;
pub mod session;
pub mod teaching;
pub mod text;
pub mod validate;
pub mod view;
pub mod voices;

#[cfg(target_arch = "wasm32")]
mod wasm;

// The Wasm module's allocator: talc frees and reuses memory like the default
// dlmalloc at about half its code size (the Wasm size guard); timings on the
// scaled models are within noise of dlmalloc's, peak memory about 5% higher.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use model::Model;
pub use validate::{parse_model, Invalid, Problem};
