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
