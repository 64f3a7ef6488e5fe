//! Synthetic models for benchmarks: a base model copied `factor` times, as if
//! the organization had `factor` divisions alike but not identical. The result
//! is valid whenever the base is, and the same inputs always give the same
//! model.

use crate::model::{Assessment, Contributor, Integration, Item, Model, Responsibility, System};
use std::collections::HashSet;

/// A model `factor` times the size of `base`: copy 0 is `base` itself; copy
/// `k ≥ 1` repeats its units, assessments, contributors, responsibilities,
/// systems and integrations under ids suffixed `-g{k}` (more `g`s if the base
/// already uses `-g`), with current scores shifted by −1, 0 or +1 step
/// (clamped to the scale) so copies differ. Assessments without a unit move,
/// in each copy, to a unit of their own so that no cell repeats. The
/// framework and scale are shared. `factor` 0 counts as 1.
///
/// The result passes validation as long as it stays within
/// [`crate::validate::MAX_ITEMS`] list items ([`Model::item_count`]); the
/// sample 1000 times over holds more and is meant for in-memory benchmarks.
pub fn scaled(base: &Model, factor: usize) -> Model {
    let factor = factor.max(1);
    let marker = marker(base);
    let rename = |id: &str, k: usize| format!("{id}{marker}{k}");
    let contributors: HashSet<&str> = base.contributors.iter().map(|c| c.id.as_str()).collect();
    let systems: HashSet<&str> = base.systems.iter().map(|s| s.id.as_str()).collect();
    let units: HashSet<&str> = base.units.iter().map(|u| u.id.as_str()).collect();
    // References the base does not resolve are kept as they are.
    let contributor = |id: &str, k: usize| {
        if contributors.contains(id) {
            rename(id, k)
        } else {
            id.to_string()
        }
    };
    let system = |id: &str, k: usize| {
        if systems.contains(id) {
            rename(id, k)
        } else {
            id.to_string()
        }
    };
    let has_org_wide = base.assessments.iter().any(|a| a.unit.is_none());
    // Ends in a letter, unlike every renamed id, and holds the marker, unlike
    // every base id: it collides with nothing.
    let org_unit = |k: usize| format!("org{marker}{k}w");
    let span = base.scale.max - base.scale.min;
    let step = if span >= 1.0 { 1.0 } else { span / 4.0 };

    let mut m = base.clone();
    m.name = format!("{} ×{factor}", base.name);
    m.units.reserve(base.units.len() * (factor - 1));
    m.assessments.reserve(base.assessments.len() * (factor - 1));
    m.contributors
        .reserve(base.contributors.len() * (factor - 1));
    m.responsibilities
        .reserve(base.responsibilities.len() * (factor - 1));
    m.systems.reserve(base.systems.len() * (factor - 1));
    m.integrations
        .reserve(base.integrations.len() * (factor - 1));
    for k in 1..factor {
        for u in &base.units {
            m.units.push(Item::new(
                &rename(&u.id, k),
                &format!("{} {}", u.label, k + 1),
            ));
        }
        if has_org_wide {
            m.units
                .push(Item::new(&org_unit(k), &format!("Division {}", k + 1)));
        }
        for (i, a) in base.assessments.iter().enumerate() {
            let shift = ((i + k) % 3) as f64 - 1.0;
            let current = (a.current + shift * step).clamp(base.scale.min, base.scale.max);
            let unit = match &a.unit {
                Some(u) if units.contains(u.as_str()) => rename(u, k),
                Some(u) => u.clone(),
                None => org_unit(k),
            };
            m.assessments.push(Assessment {
                unit: Some(unit),
                current: if current.is_finite() {
                    current
                } else {
                    a.current
                },
                ..a.clone()
            });
        }
        for c in &base.contributors {
            m.contributors.push(Contributor {
                id: rename(&c.id, k),
                label: format!("{} {}", c.label, k + 1),
                kind: c.kind,
                headcount: c.headcount.map(|h| h.saturating_mul(1 + (k % 3) as u64)),
            });
        }
        for r in &base.responsibilities {
            m.responsibilities.push(Responsibility {
                contributor: contributor(&r.contributor, k),
                ..r.clone()
            });
        }
        for s in &base.systems {
            m.systems.push(System {
                id: rename(&s.id, k),
                label: format!("{} {}", s.label, k + 1),
                owner: s.owner.clone(),
                contributors: s.contributors.iter().map(|c| contributor(c, k)).collect(),
            });
        }
        for link in &base.integrations {
            m.integrations.push(Integration {
                from: system(&link.from, k),
                to: system(&link.to, k),
            });
        }
    }
    m
}

/// `-g`, or `-gg`, `-ggg`… : the first that no id of the base contains.
fn marker(base: &Model) -> String {
    let ids: Vec<&str> = base
        .units
        .iter()
        .map(|u| u.id.as_str())
        .chain(base.contributors.iter().map(|c| c.id.as_str()))
        .chain(base.systems.iter().map(|s| s.id.as_str()))
        .collect();
    let mut marker = String::from("-g");
    while ids.iter().any(|id| id.contains(&marker)) {
        marker.push('g');
    }
    marker
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContributorKind, Control};
    use std::collections::HashSet;

    fn base() -> Model {
        let mut m = Model::empty("Base");
        m.units = vec![Item::new("retail", "Retail"), Item::new("a-g1", "Tricky")];
        m.assessments = vec![
            Assessment {
                theme: "integration".into(),
                player: "hr".into(),
                unit: Some("retail".into()),
                current: 4.0,
                target: Some(4.0),
                weight: 2.0,
                note: Some("n".into()),
            },
            Assessment {
                theme: "integration".into(),
                player: "hr".into(),
                unit: None,
                current: 0.0,
                target: Some(3.0),
                weight: 1.0,
                note: None,
            },
        ];
        m.contributors = vec![Contributor {
            id: "gig".into(),
            label: "Gig workers".into(),
            kind: ContributorKind::External,
            headcount: Some(10),
        }];
        m.responsibilities = vec![Responsibility {
            contributor: "gig".into(),
            theme: "integration".into(),
            player: "procurement".into(),
            activity: Some("sourcing".into()),
            control: Some(Control::Strict),
        }];
        m.systems = vec![
            System {
                id: "vms".into(),
                label: "VMS".into(),
                owner: "procurement".into(),
                contributors: vec!["gig".into()],
            },
            System {
                id: "hris".into(),
                label: "HRIS".into(),
                owner: "hr".into(),
                contributors: vec![],
            },
        ];
        m.integrations = vec![Integration {
            from: "vms".into(),
            to: "hris".into(),
        }];
        m
    }

    #[test]
    fn factor_one_is_the_base_and_sizes_scale() {
        let b = base();
        let one = scaled(&b, 1);
        assert_eq!(
            (one.assessments, one.systems),
            (b.assessments.clone(), b.systems.clone())
        );
        assert_eq!(scaled(&b, 0).contributors, b.contributors);
        let m = scaled(&b, 7);
        assert_eq!(m.assessments.len(), 14);
        assert_eq!(m.contributors.len(), 7);
        assert_eq!(m.responsibilities.len(), 7);
        assert_eq!(m.systems.len(), 14);
        assert_eq!(m.integrations.len(), 7);
        // two units per copy, plus one division unit per extra copy
        assert_eq!(m.units.len(), 2 + 6 * 3);
        assert_eq!(scaled(&b, 7), m, "deterministic");
    }

    #[test]
    fn ids_are_unique_and_references_resolve() {
        let m = scaled(&base(), 12);
        // The base's "a-g1" forces a longer marker.
        assert!(m.units.iter().any(|u| u.id == "retail-gg1"));
        let units: HashSet<&str> = m.units.iter().map(|u| u.id.as_str()).collect();
        let contributors: HashSet<&str> = m.contributors.iter().map(|c| c.id.as_str()).collect();
        let systems: HashSet<&str> = m.systems.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(units.len(), m.units.len());
        assert_eq!(contributors.len(), m.contributors.len());
        assert_eq!(systems.len(), m.systems.len());
        let cells: HashSet<(&str, &str, Option<&str>)> = m
            .assessments
            .iter()
            .map(|a| (a.theme.as_str(), a.player.as_str(), a.unit.as_deref()))
            .collect();
        assert_eq!(cells.len(), m.assessments.len());
        for a in &m.assessments {
            assert!(a.unit.as_deref().map_or(true, |u| units.contains(u)));
            assert!((m.scale.min..=m.scale.max).contains(&a.current));
        }
        for r in &m.responsibilities {
            assert!(contributors.contains(r.contributor.as_str()));
        }
        for s in &m.systems {
            assert!(s
                .contributors
                .iter()
                .all(|c| contributors.contains(c.as_str())));
        }
        for l in &m.integrations {
            assert!(systems.contains(l.from.as_str()) && systems.contains(l.to.as_str()));
        }
        assert!(crate::validate::validate(&m).is_empty());
    }

    #[test]
    fn the_scaled_sample_passes_validation_as_json() {
        let sample = crate::framework::sample();
        let m = scaled(&sample, 5);
        let json = serde_json::to_string(&m).unwrap();
        let back = crate::validate::parse_model(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.assessments.len(), 5 * sample.assessments.len());
        assert_eq!(back, m);
    }

    #[test]
    fn copies_vary_their_scores() {
        let m = scaled(&base(), 4);
        let currents: Vec<f64> = m
            .assessments
            .iter()
            .filter(|a| a.unit.as_deref().is_some_and(|u| u.starts_with("retail")))
            .map(|a| a.current)
            .collect();
        // 4 shifted by 0, +1 (clamped), -1
        assert_eq!(currents, [4.0, 4.0, 4.0, 3.0]);
    }
}
