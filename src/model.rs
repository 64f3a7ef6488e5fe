//! The serde types of the `workforce-ecosystem/v1` model and their defaults.
//!
//! These types only describe the shape of a model. Reading one from JSON, and
//! checking that the ids agree and the scores fit the scale, is the job of
//! [`crate::validate`]; a `Model` obtained through
//! [`crate::validate::parse_model`] has passed those checks. They derive
//! `Serialize`, which writes them out; they do not derive `Deserialize`: the
//! validator's reader is the one way in.

use serde::Serialize;

/// The schema tag every v1 model carries.
pub const SCHEMA_V1: &str = "workforce-ecosystem/v1";

/// A whole organization: its framework, scale, units, scores, contributors,
/// responsibilities and systems.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Model {
    pub schema: String,
    pub name: String,
    pub framework: Framework,
    pub scale: Scale,
    pub units: Vec<Item>,
    pub assessments: Vec<Assessment>,
    pub contributors: Vec<Contributor>,
    pub responsibilities: Vec<Responsibility>,
    pub systems: Vec<System>,
    pub integrations: Vec<Integration>,
    /// Who answered, when this model is one person's response to a survey
    /// (its `name` names them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent: Option<Respondent>,
    /// The responses merged into this model ([`crate::voices::merge`]): the
    /// assessments of their cells hold the respondents' mean scores.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<Response>,
    /// Dated snapshots of the scores, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Snapshot>,
}

impl Model {
    /// An empty model on the standard framework and scale.
    pub fn empty(name: &str) -> Model {
        Model {
            schema: SCHEMA_V1.to_string(),
            name: name.to_string(),
            framework: Framework::default(),
            scale: Scale::default(),
            units: Vec::new(),
            assessments: Vec::new(),
            contributors: Vec::new(),
            responsibilities: Vec::new(),
            systems: Vec::new(),
            integrations: Vec::new(),
            respondent: None,
            responses: Vec::new(),
            history: Vec::new(),
        }
    }
}

impl Model {
    /// How many list items the model holds, all lists together (players,
    /// themes, scale labels, units, assessments, contributors,
    /// responsibilities, systems, the contributors each system tracks,
    /// integrations): the measure [`crate::validate::MAX_ITEMS`] limits.
    pub fn item_count(&self) -> usize {
        self.framework.players.len()
            + self.framework.themes.len()
            + self.scale.labels.len()
            + self.units.len()
            + self.assessments.len()
            + self.contributors.len()
            + self.responsibilities.len()
            + self.systems.len()
            + self
                .systems
                .iter()
                .map(|s| s.contributors.len())
                .sum::<usize>()
            + self.integrations.len()
            + self.responses.len()
            + self.responses.iter().map(|r| r.scores.len()).sum::<usize>()
            + self.history.len()
            + self.history.iter().map(|h| h.scores.len()).sum::<usize>()
    }

    /// The model as pretty-printed JSON, as `wfe` and the page export it.
    pub fn to_json_pretty(&self) -> String {
        crate::export::json_pretty(self)
    }
}

/// A model without its scores: everything but the assessments, the merged
/// responses and the dated snapshots, which it counts instead. What a page
/// needs to name things and fill its menus (the units, contributors,
/// systems, owners) is here; copying the scores out with them would cost
/// about twice as much, for a page that asks the core for scores anyway.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outline<'a> {
    pub schema: &'a str,
    pub name: &'a str,
    pub framework: &'a Framework,
    pub scale: &'a Scale,
    pub units: &'a [Item],
    pub contributors: &'a [Contributor],
    pub responsibilities: &'a [Responsibility],
    pub systems: &'a [System],
    pub integrations: &'a [Integration],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent: Option<&'a Respondent>,
    pub assessment_count: usize,
    pub response_count: usize,
    pub snapshot_count: usize,
}

impl Model {
    /// The model without its scores (see [`Outline`]).
    pub fn outline(&self) -> Outline<'_> {
        Outline {
            schema: &self.schema,
            name: &self.name,
            framework: &self.framework,
            scale: &self.scale,
            units: &self.units,
            contributors: &self.contributors,
            responsibilities: &self.responsibilities,
            systems: &self.systems,
            integrations: &self.integrations,
            respondent: self.respondent.as_ref(),
            assessment_count: self.assessments.len(),
            response_count: self.responses.len(),
            snapshot_count: self.history.len(),
        }
    }
}

/// Anything with an id and a label: a player, a theme, a unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Item {
    pub id: String,
    pub label: String,
}

impl Item {
    pub fn new(id: &str, label: &str) -> Item {
        Item {
            id: id.to_string(),
            label: label.to_string(),
        }
    }
}

/// The players (polygon vertices, clockwise from the top) and the themes
/// (concentric polygons, outermost first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Framework {
    pub players: Vec<Item>,
    pub themes: Vec<Item>,
}

impl Default for Framework {
    fn default() -> Framework {
        crate::framework::standard()
    }
}

/// The scoring scale. `labels`, when given, names every whole step from `min`
/// to `max`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub labels: Vec<String>,
}

impl Default for Scale {
    fn default() -> Scale {
        Scale {
            min: 0.0,
            max: 4.0,
            labels: ["Absent", "Ad hoc", "Defined", "Integrated", "Orchestrated"]
                .map(String::from)
                .to_vec(),
        }
    }
}

fn is_default_weight(w: &f64) -> bool {
    *w == 1.0
}

/// The score of one cell (theme, player), optionally for one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub theme: String,
    pub player: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub current: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(skip_serializing_if = "is_default_weight")]
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether a kind of contributor is on the payroll or outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContributorKind {
    Internal,
    External,
}

impl ContributorKind {
    pub const ALL: [ContributorKind; 2] = [ContributorKind::Internal, ContributorKind::External];

    pub fn as_str(self) -> &'static str {
        match self {
            ContributorKind::Internal => "internal",
            ContributorKind::External => "external",
        }
    }
}

/// A kind of contributor: employees, contractors, gig workers, app developers...
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contributor {
    pub id: String,
    pub label: String,
    pub kind: ContributorKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u64>,
}

/// How strictly a player controls the outcomes of the contributors it is
/// responsible for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Control {
    Strict,
    Moderate,
    Light,
}

impl Control {
    pub const ALL: [Control; 3] = [Control::Strict, Control::Moderate, Control::Light];

    pub fn as_str(self) -> &'static str {
        match self {
            Control::Strict => "strict",
            Control::Moderate => "moderate",
            Control::Light => "light",
        }
    }
}

/// A player owns (part of) a theme for a kind of contributor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Responsibility {
    pub contributor: String,
    pub theme: String,
    pub player: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control: Option<Control>,
}

/// An information system, owned by a player, that tracks some contributors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct System {
    pub id: String,
    pub label: String,
    pub owner: String,
    pub contributors: Vec<String>,
}

/// A data connection between two systems. Direction is recorded but the
/// analyses treat integrations as undirected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Integration {
    pub from: String,
    pub to: String,
}

/// Who wrote a response: an optional anonymous code, role and date (the
/// response's `name` is the respondent's name or code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Respondent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One cell's scores as one person gave them, or as they stood on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub theme: String,
    pub player: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub current: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

impl Score {
    /// The scores of an assessment.
    pub fn of(a: &Assessment) -> Score {
        Score {
            theme: a.theme.clone(),
            player: a.player.clone(),
            unit: a.unit.clone(),
            current: a.current,
            target: a.target,
        }
    }
}

/// One respondent's scores, as merged into a model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// The respondent's name or anonymous code; unique within a model.
    pub respondent: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub scores: Vec<Score>,
}

/// The model's scores on a date (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    pub date: String,
    pub scores: Vec<Score>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// The outline is the model's JSON less the scores, with their counts.
    #[test]
    fn outline_is_the_model_without_its_scores() {
        let sample =
            crate::validate::parse_model(include_str!("../www/models/sample.json")).unwrap();
        let mut model = sample.clone();
        model.respondent = Some(Respondent {
            code: Some("R1".into()),
            ..Respondent::default()
        });
        model.history.push(Snapshot {
            date: "2026-01-01".into(),
            scores: Vec::new(),
        });
        let Value::Object(mut whole) = serde_json::to_value(&model).unwrap() else {
            panic!("a model is an object")
        };
        let outline = serde_json::to_value(model.outline()).unwrap();
        assert!(whole.remove("assessments").is_some());
        assert!(whole.remove("history").is_some());
        whole.insert("assessmentCount".into(), json!(sample.assessments.len()));
        whole.insert("responseCount".into(), json!(0));
        whole.insert("snapshotCount".into(), json!(1));
        assert_eq!(outline, Value::Object(whole));
        assert_eq!(outline["respondent"], json!({ "code": "R1" }));
        assert!(sample.assessments.len() > 40);
    }
}
