//! `wfe render`: the diagram drawn as SVG, or as the picture a
//! `<workforce-ecosystem>` element shows before its core has started.

use crate::args::{check_unit, set_language, CaptionArgs};
use crate::files::{load, write_output, Failure};
use std::path::Path;
use workforce_ecosystem::render;

/// `wfe render`, one parameter per option of the command.
#[allow(clippy::too_many_arguments)]
pub fn render(
    file: &Path,
    output: Option<&Path>,
    overlay: &str,
    unit: Option<String>,
    layout: &str,
    caption: CaptionArgs,
    lang: &str,
    picture: Option<String>,
) -> Result<(), Failure> {
    set_language(lang);
    let model = load(file)?;
    let overlay = overlay
        .parse()
        .map_err(|message| Failure { code: 2, message })?;
    let layout = layout
        .parse()
        .map_err(|message| Failure { code: 2, message })?;
    check_unit(&model, unit.as_deref())?;
    let mut opts = render::RenderOptions {
        overlay,
        unit,
        standalone: true,
        layout,
        caption: caption.caption(),
        no_legend: false,
    };
    let Some(form) = picture else {
        return write_output(output, &render::render_svg(&model, &opts));
    };
    // as the element draws: its form, and a title block only where
    // its `caption` attribute asks for one
    opts.standalone = form == "readonly";
    opts.caption = opts.caption.filter(|c| c.date.is_some());
    write_output(output, &render::picture(&model, &opts))
}
