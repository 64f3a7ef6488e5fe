//! Geometry of the diagram: concentric polygons, cells, axes and label boxes,
//! computed from a framework alone so that native and Wasm agree.

use crate::model::Framework;
use serde::Serialize;

/// A point in SVG user units (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// One (theme, player) cell: a closed polygon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellShape {
    pub theme: String,
    pub player: String,
    pub points: Vec<Point>,
}

/// The whole diagram's geometry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    /// `[min_x, min_y, width, height]`
    pub view_box: [f64; 4],
    pub cells: Vec<CellShape>,
}

/// Lays out a framework. PLACEHOLDER until the layout issue lands.
pub fn layout(framework: &Framework) -> Layout {
    let n = framework.players.len().max(3);
    let t = framework.themes.len().max(1);
    let r_outer = 300.0;
    let vertex = |k: usize, r: f64| {
        let a = std::f64::consts::PI * 2.0 * k as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        Point {
            x: r * a.cos(),
            y: r * a.sin(),
        }
    };
    let mut cells = Vec::new();
    for (ti, theme) in framework.themes.iter().enumerate() {
        let r0 = r_outer * (t - ti) as f64 / t as f64;
        for (pi, player) in framework.players.iter().enumerate() {
            cells.push(CellShape {
                theme: theme.id.clone(),
                player: player.id.clone(),
                points: vec![Point { x: 0.0, y: 0.0 }, vertex(pi, r0), vertex(pi + 1, r0)],
            });
        }
    }
    Layout {
        view_box: [-400.0, -400.0, 800.0, 800.0],
        cells,
    }
}
