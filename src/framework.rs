//! The standard framework of docs/design.md §1 and the shipped sample organization.

use crate::language::{noun, say};
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

/// What keeps a model of `other` from being compared cell by cell with a
/// model of `reference`: its players, then its themes, when their ids
/// differ (order and labels aside), each as "its themes are … where
/// `whose` are …" in the current language (`whose` a [`noun`] phrase such
/// as "the baseline's"). Empty when the two can be compared.
pub fn differences(reference: &Framework, other: &Framework, whose: &str) -> Vec<String> {
    fn ids(items: &[Item]) -> Vec<&str> {
        let mut ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        crate::order::sort(&mut ids);
        ids
    }
    let shown = |items: &[Item]| {
        crate::validate::wording::first_ids(items.iter().map(|i| i.id.as_str()), 8)
    };
    let whose = noun(whose);
    let mut differ = Vec::new();
    for (what, theirs, ours) in [
        ("players", &other.players, &reference.players),
        ("themes", &other.themes, &reference.themes),
    ] {
        if ids(theirs) != ids(ours) {
            let (what, theirs, ours) = (noun(what), shown(theirs), shown(ours));
            differ.push(say(
                "compare.differs",
                &[
                    ("what", &what),
                    ("theirs", &theirs),
                    ("whose", &whose),
                    ("ours", &ours),
                ],
                || format!("its {what} are {theirs} where {whose} are {ours}"),
            ));
        }
    }
    differ
}
