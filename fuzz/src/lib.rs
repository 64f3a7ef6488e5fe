//! Structured random models for the fuzz targets: ids come from small pools so
//! that most references resolve and the fuzzer reaches layout and analysis
//! instead of stopping at validation.

use arbitrary::{Arbitrary, Result, Unstructured};
use workforce_ecosystem::model::*;

const IDS: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "h"];

fn id(u: &mut Unstructured) -> Result<String> {
    // Mostly pooled ids; sometimes arbitrary text (hostile, empty, unknown).
    if u.ratio(1, 8)? {
        String::arbitrary(u)
    } else {
        Ok(IDS[u.choose_index(IDS.len())?].to_string())
    }
}

fn label(u: &mut Unstructured) -> Result<String> {
    let s = String::arbitrary(u)?;
    Ok(s.chars().take(120).collect())
}

fn items(u: &mut Unstructured, lo: usize, hi: usize) -> Result<Vec<Item>> {
    let n = u.int_in_range(lo..=hi)?;
    (0..n)
        .map(|i| {
            Ok(Item {
                id: if u.ratio(1, 10)? {
                    id(u)?
                } else {
                    IDS[i % IDS.len()].to_string() + &i.to_string()
                },
                label: label(u)?,
            })
        })
        .collect()
}

fn pick(u: &mut Unstructured, from: &[Item]) -> Result<String> {
    if from.is_empty() || u.ratio(1, 12)? {
        id(u)
    } else {
        Ok(from[u.choose_index(from.len())?].id.clone())
    }
}

fn score(u: &mut Unstructured) -> Result<f64> {
    Ok(match u.int_in_range(0..=9)? {
        0 => f64::arbitrary(u)?,
        n => f64::from(n.min(5) - 1) * 1.0,
    })
}

/// A model whose shape is valid and whose references mostly resolve.
#[derive(Debug)]
pub struct FuzzModel(pub Model);

impl<'a> Arbitrary<'a> for FuzzModel {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut m = Model::empty("fuzz");
        m.name = label(u)?;
        if u.ratio(2, 3)? {
            m.framework = Framework {
                players: items(u, 2, 13)?,
                themes: items(u, 0, 9)?,
            };
        }
        m.units = items(u, 0, 4)?;
        let n = u.int_in_range(0..=40)?;
        for _ in 0..n {
            let unit = if m.units.is_empty() || u.ratio(1, 4)? {
                None
            } else {
                Some(pick(u, &m.units)?)
            };
            m.assessments.push(Assessment {
                theme: pick(u, &m.framework.themes)?,
                player: pick(u, &m.framework.players)?,
                unit,
                current: score(u)?,
                target: if u.arbitrary()? {
                    Some(score(u)?)
                } else {
                    None
                },
                weight: if u.ratio(1, 5)? {
                    f64::arbitrary(u)?
                } else {
                    1.0
                },
                note: if u.arbitrary()? {
                    Some(label(u)?)
                } else {
                    None
                },
            });
        }
        let contributors = items(u, 0, 6)?;
        for c in &contributors {
            m.contributors.push(Contributor {
                id: c.id.clone(),
                label: c.label.clone(),
                kind: if u.arbitrary()? {
                    ContributorKind::Internal
                } else {
                    ContributorKind::External
                },
                headcount: u.arbitrary()?,
            });
        }
        let controls = [
            None,
            Some(Control::Strict),
            Some(Control::Moderate),
            Some(Control::Light),
        ];
        for _ in 0..u.int_in_range(0..=20)? {
            m.responsibilities.push(Responsibility {
                contributor: pick(u, &contributors)?,
                theme: pick(u, &m.framework.themes)?,
                player: pick(u, &m.framework.players)?,
                activity: if u.arbitrary()? {
                    Some(IDS[u.choose_index(3)?].to_string())
                } else {
                    None
                },
                control: controls[u.choose_index(controls.len())?],
            });
        }
        let systems = items(u, 0, 8)?;
        for s in &systems {
            let mut tracked = Vec::new();
            for _ in 0..u.int_in_range(0..=3)? {
                tracked.push(pick(u, &contributors)?);
            }
            m.systems.push(System {
                id: s.id.clone(),
                label: s.label.clone(),
                owner: pick(u, &m.framework.players)?,
                contributors: tracked,
            });
        }
        for _ in 0..u.int_in_range(0..=10)? {
            m.integrations.push(Integration {
                from: pick(u, &systems)?,
                to: pick(u, &systems)?,
            });
        }
        Ok(FuzzModel(m))
    }
}
