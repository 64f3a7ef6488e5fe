//! Layout and rendering of structured random models (and of valid ones only:
//! the page never renders an invalid model).
#![no_main]
use libfuzzer_sys::fuzz_target;
use workforce_ecosystem::render::{render_svg, Overlay, RenderOptions};
use workforce_ecosystem::{layout, validate};
use workforce_ecosystem_fuzz::FuzzModel;

fuzz_target!(|input: (FuzzModel, u8)| {
    let (FuzzModel(model), pick) = input;
    if !validate::validate(&model).is_empty() {
        return;
    }
    let _ = layout::layout(&model.framework);
    let overlay = [
        Overlay::None,
        Overlay::Current,
        Overlay::Target,
        Overlay::Gap,
    ][pick as usize % 4];
    let unit = model.units.get(pick as usize / 4 % 5).map(|u| u.id.clone());
    let opts = RenderOptions {
        overlay,
        unit,
        standalone: pick & 1 == 1,
        ..RenderOptions::default()
    };
    let svg = render_svg(&model, &opts);
    assert_eq!(svg, render_svg(&model, &opts), "rendering is deterministic");
});
