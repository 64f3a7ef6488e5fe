//! What a step of the history is called, so that the page can say what an
//! Undo or a Redo took back or made again ("Undone: the score of HR on
//! Leadership approaches") rather than only that something happened: a
//! screen-reader user does not see the diagram change. Said in the core's
//! language, names as the model on show gives them.

use super::undo::{Entry, Op, Step};
use super::Session;
use crate::analysis::plan::label_in;
use crate::language::say_template as say;
use serde_json::Value;

impl Session {
    /// What the next Undo takes back, if there is a step to undo.
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(|e| self.label(e))
    }

    /// What the next Redo makes again, if there is a step to redo.
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|e| self.label(e))
    }

    fn label(&self, entry: &Entry) -> String {
        let quoted = |name: &str| crate::bidi::isolate(name).into_owned();
        match (&entry.op, &entry.step) {
            (Some(Op::Edits(edits)), _) => self.edits_label(edits),
            (Some(Op::Start { name, .. }), _) => say(
                "step.start",
                &[("name", &quoted(name))],
                "the what-if “{name}”",
            ),
            (Some(Op::Plan { name, .. }), _) => {
                say("step.plan", &[("name", &quoted(name))], "the plan “{name}”")
            }
            (Some(Op::Rename { name, .. }), _) => say(
                "step.rename",
                &[("name", &quoted(name))],
                "the what-if's new name “{name}”",
            ),
            (Some(Op::Keep(_)), _) => say("step.keep", &[], "keeping the what-if"),
            (Some(Op::Discard(_)), _) => say("step.discard", &[], "discarding the what-if"),
            (Some(Op::Model(_)), _) => say("step.model", &[], "the model put in place"),
            (None, Step::Edit { .. }) => say("step.change", &[], "a change"),
            (None, Step::Whole { .. }) => say("step.whole", &[], "the file or link opened"),
        }
    }

    /// A step of edits by what they change: one cell's score by its names,
    /// else by the kind of thing they change when they are all of one kind.
    fn edits_label(&self, edits: &[Value]) -> String {
        let kinds: Vec<&str> = edits
            .iter()
            .filter_map(|e| e.as_object()?.keys().next().map(String::as_str))
            .collect();
        /// The theme, player and unit of a score edit.
        fn cell(e: &Value) -> Option<(&str, &str, Option<&str>)> {
            let a = e.get("setAssessment")?;
            let unit = a.get("unit").and_then(Value::as_str);
            Some((a.get("theme")?.as_str()?, a.get("player")?.as_str()?, unit))
        }
        /// The responsibility an added or edited owner is.
        fn owner(e: &Value) -> Option<(&str, &str, &str)> {
            let r = match e.get("addResponsibility") {
                Some(r) => r,
                None => e.get("updateResponsibility")?.get(1)?,
            };
            let field = |key: &str| r.get(key)?.as_str();
            Some((field("player")?, field("contributor")?, field("theme")?))
        }
        let (framework, _) = crate::language::localized_names(self.model());
        let first = edits.first().and_then(cell);
        if let Some((theme, player, unit)) =
            first.filter(|c| edits.iter().all(|e| cell(e) == Some(*c)))
        {
            let theme = label_in(&framework.themes, theme);
            let player = label_in(&framework.players, player);
            // with 200 units, "the score of HR on Leadership" says too little
            if let Some(unit) = unit {
                let unit = label_in(&self.model().units, unit);
                return say(
                    "step.score.unit",
                    &[("player", &player), ("theme", &theme), ("unit", &unit)],
                    "the score of {player} on {theme} in {unit}",
                );
            }
            return say(
                "step.score",
                &[("player", &player), ("theme", &theme)],
                "the score of {player} on {theme}",
            );
        }
        if let [one] = edits {
            if let Some((player, contributor, theme)) = owner(one) {
                let contributor = self
                    .model()
                    .contributors
                    .iter()
                    .find(|c| c.id == contributor)
                    .map_or(contributor, |c| c.label.as_str());
                return say(
                    "step.ownerOf",
                    &[
                        ("player", &label_in(&framework.players, player)),
                        ("contributor", &crate::bidi::isolate(contributor)),
                        ("theme", &label_in(&framework.themes, theme)),
                    ],
                    "{player} as owner of {contributor} under {theme}",
                );
            }
        }
        let group = |k: &str| match k {
            "setName" => "name",
            "setAssessment" | "removeAssessment" => "scores",
            "addUnit" | "renameUnit" | "removeUnit" => "unit",
            "addContributor" | "updateContributor" | "removeContributor" => "contributor",
            "addResponsibility" | "updateResponsibility" | "removeResponsibility" => "owner",
            "addSystem" | "updateSystem" | "removeSystem" => "system",
            "addIntegration" | "removeIntegration" => "link",
            _ => "",
        };
        let first = kinds.first().map_or("", |k| group(k));
        let one_kind = !first.is_empty() && kinds.iter().all(|k| group(k) == first);
        match (one_kind, first) {
            (true, "name") => say("step.name", &[], "the model's name"),
            (true, "scores") => say("step.scores", &[], "scores"),
            (true, "unit") => say("step.unit", &[], "a unit"),
            (true, "contributor") => say("step.contributor", &[], "a contributor"),
            (true, "owner") => say("step.owner", &[], "an owner"),
            (true, "system") => say("step.system", &[], "a system"),
            (true, "link") => say("step.link", &[], "a link between systems"),
            _ => say("step.changes", &[], "several changes"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_step_is_named_for_what_it_changed() {
        let mut s = Session::new(crate::framework::sample());
        assert_eq!(s.undo_label(), None);
        let score = json!({"setAssessment": {"theme": "leadership", "player": "procurement", "current": 3}});
        s.apply_json(score.clone(), None).unwrap();
        assert_eq!(
            s.undo_label().as_deref(),
            Some("the score of Procurement on Leadership approaches")
        );
        // one unit's score says its unit; an owner added or changed, whose
        let in_unit = json!({"setAssessment": {"theme": "leadership", "player": "hr",
            "unit": "ports", "current": 3}});
        s.apply_json(in_unit, None).unwrap();
        assert_eq!(
            s.undo_label().as_deref(),
            Some("the score of HR on Leadership approaches in Ports and terminals")
        );
        let owner = json!({"addResponsibility": {"contributor": "gig-drivers",
            "theme": "management", "player": "it"}});
        s.apply_json(owner, None).unwrap();
        assert_eq!(
            s.undo_label().as_deref(),
            Some("IT as owner of Delivery drivers via a gig platform under Management practices")
        );
        crate::language::in_french(|| {
            assert_eq!(
                s.undo_label().as_deref(),
                Some("Informatique comme responsable de Delivery drivers via a gig platform en Pratiques de management")
            );
        });
        assert!(s.undo() && s.undo());
        s.apply_json(json!({"setName": "Renamed"}), None).unwrap();
        assert_eq!(s.undo_label().as_deref(), Some("the model's name"));
        let unit = json!({"addUnit": {"id": "", "label": "Depots"}});
        s.apply_json(unit, None).unwrap();
        assert_eq!(s.undo_label().as_deref(), Some("a unit"));
        s.start_scenario("Hire <b>two</b>").unwrap();
        assert_eq!(
            s.undo_label().as_deref(),
            Some("the what-if “Hire <b>two</b>”")
        );
        let mut m = s.model().clone();
        m.name = "Via text".into();
        s.replace_model(m);
        assert_eq!(s.undo_label().as_deref(), Some("the model put in place"));
        // what Undo took back is what Redo makes again
        assert!(s.undo());
        assert_eq!(s.redo_label().as_deref(), Some("the model put in place"));
        assert!(s.undo() && s.undo() && s.undo());
        assert_eq!(
            s.undo_label().as_deref(),
            Some("the score of Procurement on Leadership approaches")
        );
        // in French, names in French, "de" elided before a vowel
        crate::language::in_french(|| {
            assert_eq!(
                s.undo_label().as_deref(),
                Some("le score d’Achats en Approches de leadership")
            );
            assert_eq!(s.redo_label().as_deref(), Some("le nom du modèle"));
        });
    }
}
