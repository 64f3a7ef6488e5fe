//! The standard framework of docs/design.md §1 and the shipped sample organization.

use crate::model::{Framework, Item, Model};

/// The six players, clockwise from the top vertex, and the four themes,
/// outermost first, as the framework's authors draw them.
pub fn standard() -> Framework {
    Framework {
        players: vec![
            Item::new("senior-leaders", "Senior leaders"),
            Item::new("procurement", "Procurement"),
            Item::new("finance-legal", "Finance & legal"),
            Item::new("business-unit-leaders", "Business unit leaders"),
            Item::new("it", "IT"),
            Item::new("hr", "HR"),
        ],
        themes: vec![
            Item::new("leadership", "Leadership approaches"),
            Item::new("integration", "Integration architectures"),
            Item::new("technology", "Technology enablers"),
            Item::new("management", "Management practices"),
        ],
    }
}

/// The sample organization's JSON text, exactly as shipped.
pub const SAMPLE_JSON: &str = include_str!("../www/models/sample.json");

/// The sample organization, parsed and validated.
pub fn sample() -> Model {
    crate::validate::parse_model(SAMPLE_JSON).expect("the shipped sample model is valid")
}
