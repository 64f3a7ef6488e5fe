//! The undo history as stored with a document, so that a reload can still
//! undo: the state before the oldest stored step, and how each step was
//! made (the edits, or the what-if operation).
//!
//! Reading it back replays those steps through the session itself, so
//! every model and edit is checked as it would be when typed in; the result
//! must be the stored session, step for step. Anything that does not fit
//! drops the history alone: the document always opens, as it was saved.
//! The steps undone and not yet redone are stored after them, with how
//! many they are: reading back makes them again and undoes them, so Redo
//! still has them after a reload.
//! A model put in place of the one on show (the Text tab, a CSV import) is
//! stored whole. Steps that cannot be replayed (a session loaded or
//! imported whole) end what is stored; the history stored is bounded in
//! steps and in bytes, the latest steps kept.

use super::undo::{Entry, Op, Step};
use super::{Session, State};
use serde::Serialize;
use serde_json::Value;

/// How many of the latest steps are stored.
pub const STORED_STEPS: usize = 50;

/// The most a stored history may take beyond the size of the document it is
/// stored with, in bytes of JSON: its base is an earlier state of that
/// document, about as large (a model of over a megabyte kept no history at
/// all when the whole history had to fit in this much).
pub const STORED_BYTES: usize = 1024 * 1024;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum StoredStep<'a> {
    Edits {
        #[serde(skip_serializing_if = "Option::is_none")]
        scenario: Option<u32>,
        edits: &'a [Value],
    },
    Start {
        id: u32,
        name: &'a str,
    },
    Plan {
        id: u32,
        name: &'a str,
        plan: &'a crate::analysis::Plan,
    },
    Rename {
        id: u32,
        name: &'a str,
    },
    Keep(u32),
    Discard(u32),
    Model {
        #[serde(skip_serializing_if = "Option::is_none")]
        scenario: Option<u32>,
        model: &'a crate::model::Model,
    },
}

// The stored history is one JSON object: `base`, the state before its first
// step, saved as a session is (its scenarios numbered 1, 2... in order when
// read); `steps`, with scenario ids as that numbering and the starts after
// it give them; and `undone`, how many of the last steps are undone (the
// steps to redo), left out when none are.

impl Session {
    /// The latest steps of the history as JSON, or `None` when there is
    /// nothing to store: at most [`STORED_STEPS`] steps, in at most
    /// [`STORED_BYTES`] more than `document` (the saved session's size) and
    /// at most `room` bytes.
    pub(super) fn stored_history(&self, document: usize, room: usize) -> Option<String> {
        let limit = document.saturating_add(STORED_BYTES).min(room);
        let mut n = self
            .undo
            .iter()
            .rev()
            .take(STORED_STEPS)
            .take_while(|e| e.op.is_some())
            .count();
        // the steps to redo, in the order Redo makes them, up to the first
        // that cannot be made again
        let mut undone = self
            .redo
            .iter()
            .rev()
            .take(STORED_STEPS - n)
            .take_while(|e| e.op.is_some())
            .count();
        // Past the bytes, the steps to redo go first, then the oldest steps,
        // a quarter of them at a time: whole models (the Text tab's steps)
        // are large, and the latest steps matter most.
        while n + undone > 0 {
            match self.stored_steps(n, undone, limit)? {
                Some(text) => return Some(text),
                None if undone > 0 => undone = 0,
                None => n = (n * 3 / 4).min(n - 1),
            }
        }
        None
    }

    /// The latest `n` steps of the history, then the first `undone` steps
    /// to redo, as JSON: `None` when a step cannot be stored,
    /// `Some(None)` when they take more than `limit` bytes.
    fn stored_steps(&self, n: usize, undone: usize, limit: usize) -> Option<Option<String>> {
        let entries: Vec<&Entry> = self.undo.iter().rev().take(n).collect();
        let mut base: State = self.state.clone();
        for entry in &entries {
            base.run(&entry.step, false);
        }
        // ids as the replay gives them: the base's scenarios in order, then each start
        let mut ids: Vec<u32> = base.scenarios.iter().map(|s| s.id).collect();
        let mut steps = Vec::with_capacity(n + undone);
        let made = entries.iter().rev().copied();
        for entry in made.chain(self.redo.iter().rev().take(undone)) {
            let at = |ids: &[u32], id: u32| ids.iter().position(|&x| x == id).map(|i| i as u32 + 1);
            steps.push(match (entry.op.as_ref()?, &entry.step) {
                (Op::Edits(edits), Step::Edit { target, .. }) => StoredStep::Edits {
                    scenario: match target {
                        Some(id) => Some(at(&ids, *id)?),
                        None => None,
                    },
                    edits,
                },
                (Op::Start { id, name }, _) => {
                    ids.push(*id);
                    StoredStep::Start {
                        id: ids.len() as u32,
                        name,
                    }
                }
                (Op::Plan { id, name, plan }, _) => {
                    ids.push(*id);
                    StoredStep::Plan {
                        id: ids.len() as u32,
                        name,
                        plan,
                    }
                }
                (Op::Rename { id, name }, _) => StoredStep::Rename {
                    id: at(&ids, *id)?,
                    name,
                },
                (Op::Keep(id), _) => StoredStep::Keep(at(&ids, *id)?),
                (Op::Discard(id), _) => StoredStep::Discard(at(&ids, *id)?),
                (Op::Model(model), Step::Edit { target, .. }) => StoredStep::Model {
                    scenario: match target {
                        Some(id) => Some(at(&ids, *id)?),
                        None => None,
                    },
                    model,
                },
                (Op::Edits(_) | Op::Model(_), Step::Whole { .. }) => return None,
            });
        }
        // The base first, and the steps only when it leaves room: at 100
        // times the sample a baseline alone is past the limit, and the
        // steps (a what-if's whole model among them) were written on every
        // autosave to be thrown away. (Put together here rather than by a
        // writer that stops at the limit: such a writer would compile every
        // model's serializer a second time into the Wasm, about 6 KB gzip.)
        let base = serde_json::to_string(&base.saved_form()).ok()?;
        if base.len() > limit {
            return Some(None);
        }
        let steps = serde_json::to_string(&steps).ok()?;
        let mut text = format!("{{\"base\":{base},\"steps\":{steps}");
        if undone > 0 {
            text.push_str(&format!(",\"undone\":{undone}"));
        }
        text.push('}');
        Some((text.len() <= limit).then_some(text))
    }

    /// This session with the history in `stored` replayed up to it, or
    /// `None` when the history does not lead to this very session.
    pub(super) fn with_history(&self, stored: Value) -> Option<Session> {
        let Value::Object(mut h) = stored else {
            return None;
        };
        let mut s = Session::from_saved_value(h.remove("base")?)?;
        let Value::Array(steps) = h.remove("steps")? else {
            return None;
        };
        let undone = match h.remove("undone") {
            None => 0,
            Some(v) => usize::try_from(v.as_u64()?).ok()?,
        };
        if steps.len() > STORED_STEPS || undone > steps.len() {
            return None;
        }
        for (i, step) in steps.into_iter().enumerate() {
            let made = s.undo.len();
            replay(&mut s, step, i)?;
            if s.undo.len() != made + 1 {
                return None;
            }
        }
        for _ in 0..undone {
            s.undo();
        }
        // the same models, in the same order, as the stored session
        let same = s.state.baseline == self.state.baseline
            && s.state.scenarios.len() == self.state.scenarios.len()
            && s.state
                .scenarios
                .iter()
                .zip(&self.state.scenarios)
                .all(|(a, b)| a.name == b.name && a.model == b.model && a.plan == b.plan);
        if !same {
            return None;
        }
        let position = self
            .state
            .active
            .and_then(|id| self.state.scenarios.iter().position(|x| x.id == id));
        s.state.active = position.map(|i| s.state.scenarios[i].id);
        s.joinable = None;
        s.revisions = Default::default();
        Some(s)
    }
}

fn id(v: &Value) -> Option<u32> {
    u32::try_from(v.as_u64()?).ok()
}

/// Makes one stored step again.
fn replay(s: &mut Session, step: Value, i: usize) -> Option<()> {
    let Value::Object(step) = step else {
        return None;
    };
    let (kind, arg) = step.into_iter().next()?;
    match (kind.as_str(), arg) {
        ("edits", Value::Object(mut e)) => {
            let target = match e.get("scenario") {
                None | Some(Value::Null) => None,
                Some(v) => Some(id(v)?),
            };
            s.show(target).ok()?;
            let Value::Array(edits) = e.remove("edits")? else {
                return None;
            };
            let key = format!("\u{0}replay {i}");
            for edit in edits {
                s.apply_json(edit, Some(&key)).ok()?;
            }
        }
        ("start", Value::Object(e)) => {
            let made = s.start_scenario(e.get("name")?.as_str()?).ok()?;
            (Some(made) == id(e.get("id")?)).then_some(())?;
        }
        ("plan", Value::Object(mut e)) => {
            let plan = crate::analysis::plan::read_stored(e.remove("plan")?)?;
            let made = s.start_plan(e.get("name")?.as_str()?, plan).ok()?;
            (Some(made) == id(e.get("id")?)).then_some(())?;
        }
        ("rename", Value::Object(e)) => {
            s.rename_scenario(id(e.get("id")?)?, e.get("name")?.as_str()?)
                .ok()?;
        }
        ("model", Value::Object(mut e)) => {
            let target = match e.get("scenario") {
                None | Some(Value::Null) => None,
                Some(v) => Some(id(v)?),
            };
            s.show(target).ok()?;
            // read and checked as any model the page is given
            let text = serde_json::to_string(&e.remove("model")?).ok()?;
            let model = crate::validate::parse_model(&text).ok()?;
            s.replace_model(model);
        }
        ("keep", v) => s.keep_scenario(id(&v)?).ok()?,
        ("discard", v) => s.discard_scenario(id(&v)?).ok()?,
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;
    use serde_json::json;

    /// A score edit in its JSON form, as the page sends it.
    fn score(theme: &str, current: f64) -> Value {
        json!({"setAssessment": {"theme": theme, "player": "hr", "current": current, "target": 4}})
    }

    fn edit(s: &mut Session, v: Value) {
        s.apply_json(v, None).expect("a valid edit");
    }

    fn join(s: &mut Session, v: Value, key: &str) {
        s.apply_json(v, Some(key)).expect("a valid edit");
    }

    /// A session through its stored text and back.
    fn reloaded(s: &Session) -> Session {
        Session::from_text(&s.stored_json()).expect("a stored session reads back")
    }

    #[test]
    fn a_reload_keeps_the_history_of_edits_and_what_ifs() {
        let mut s = Session::new(crate::framework::sample());
        edit(&mut s, score("leadership", 1.0));
        join(&mut s, score("leadership", 2.0), "k");
        join(&mut s, score("leadership", 3.0), "k");
        let w = s.start_scenario("Invest").unwrap();
        edit(&mut s, score("technology", 4.0));
        s.rename_scenario(w, "Invest more").unwrap();
        s.show(None).unwrap();
        edit(&mut s, json!({"setName": "Renamed"}));
        let mut back = reloaded(&s);
        assert_eq!(back.saved(), s.saved());
        // undo everything, step by step, as the original would
        let mut original = s.clone();
        let mut n = 0;
        while back.undo() {
            assert!(original.undo());
            assert_eq!(back.saved(), original.saved(), "after {n} undos");
            n += 1;
        }
        assert_eq!(n, 6, "a joined step stays one step");
        assert!(!original.undo());
        assert_eq!(back.baseline(), &crate::framework::sample());
        // and redo it all
        while back.redo() {}
        assert_eq!(back.saved(), s.saved());
        assert_eq!(back.active().map(|x| x.name.as_str()), None);
        // a reload after undos keeps what is left to undo and what to redo
        s.undo();
        s.undo();
        let mut back = reloaded(&s);
        assert_eq!(back.saved(), s.saved());
        assert_eq!((back.undo.len(), back.redo.len()), (4, 2));
        // the rename, then the edit of the baseline, made again
        let mut original = s.clone();
        while original.redo() {
            assert!(back.redo());
            assert_eq!(back.saved(), original.saved());
        }
        assert!(!back.redo());
        assert_eq!(back.baseline().name, "Renamed");
    }

    #[test]
    fn the_steps_to_redo_come_back_across_what_ifs_and_a_new_edit_drops_them() {
        let mut s = Session::new(crate::framework::sample());
        edit(&mut s, score("leadership", 1.0));
        let w = s.start_scenario("Invest").unwrap();
        edit(&mut s, score("technology", 4.0));
        s.keep_scenario(w).unwrap();
        // undo the keep, the what-if's edit and its start
        for _ in 0..3 {
            assert!(s.undo());
        }
        let mut back = reloaded(&s);
        assert_eq!(back.saved(), s.saved());
        assert_eq!((back.undo.len(), back.redo.len()), (1, 3));
        for _ in 0..3 {
            assert!(back.redo() && s.redo());
            assert_eq!(back.saved(), s.saved());
        }
        // only the undo side once a new step is made
        s.undo();
        edit(&mut s, score("management", 2.0));
        let back = reloaded(&s);
        assert_eq!((back.undo.len(), back.redo.len()), (4, 0));
        // nothing but steps to redo: from the state on show
        let mut fresh = Session::new(crate::framework::sample());
        edit(&mut fresh, score("leadership", 1.0));
        fresh.undo();
        let mut back = reloaded(&fresh);
        assert_eq!((back.undo.len(), back.redo.len()), (0, 1));
        assert!(back.redo());
        assert!(fresh.redo());
        assert_eq!(back.saved(), fresh.saved());
    }

    #[test]
    fn what_ifs_from_before_the_stored_steps_keep_their_place() {
        let mut s = Session::new(Model::empty("Org"));
        let a = s.start_scenario("A").unwrap();
        let b = s.start_scenario("B").unwrap();
        s.discard_scenario(a).unwrap();
        for i in 0..STORED_STEPS - 3 {
            edit(&mut s, score("leadership", (1 + i % 2) as f64));
        }
        s.rename_scenario(b, "Bee").unwrap();
        let c = s.start_scenario("C").unwrap();
        edit(&mut s, score("technology", 3.0));
        s.discard_scenario(b).unwrap();
        let mut back = reloaded(&s);
        assert_eq!(back.saved(), s.saved());
        assert_eq!(back.undo.len(), STORED_STEPS);
        let mut original = s.clone();
        while back.undo() {
            assert!(original.undo());
            assert_eq!(back.saved(), original.saved());
        }
        assert_eq!(
            back.scenarios()[0].name,
            "B",
            "the what-if started before the stored steps"
        );
        assert!(c > b);
    }

    #[test]
    fn the_stored_history_is_bounded_and_stops_at_a_whole_load() {
        let mut s = Session::new(Model::empty("Org"));
        for i in 0..(STORED_STEPS + 10) {
            edit(&mut s, score("leadership", (1 + i % 2) as f64));
        }
        let back = reloaded(&s);
        assert_eq!(back.undo.len(), STORED_STEPS);
        s.replace(Session::new(Model::empty("Loaded")));
        assert!(
            s.stored_history(0, usize::MAX).is_none(),
            "a load cannot be replayed"
        );
        edit(&mut s, score("leadership", 3.0));
        let back = reloaded(&s);
        assert_eq!(back.undo.len(), 1);
        assert_eq!(back.saved(), s.saved());
    }

    #[test]
    fn a_model_put_in_place_is_undone_after_a_reload_with_the_steps_before_it() {
        let mut s = Session::new(crate::framework::sample());
        edit(&mut s, score("leadership", 1.0));
        // the Text tab's step, then a what-if whose model a CSV import replaces
        let mut renamed = s.model().clone();
        renamed.name = "Via text".into();
        s.replace_model(renamed);
        let w = s.start_scenario("Imported").unwrap();
        let mut imported = s.model().clone();
        imported.assessments.truncate(3);
        s.replace_model(imported);
        let mut back = reloaded(&s);
        assert_eq!(back.undo.len(), 4);
        assert_eq!(back.saved(), s.saved());
        assert!(back.undo() && back.active().is_some_and(|x| x.id == w));
        assert_eq!(
            back.model().assessments.len(),
            s.baseline().assessments.len()
        );
        assert!(back.undo() && back.undo());
        assert_eq!(back.model().name, "Harbourline Group");
        assert!(back.undo() && !back.can_undo());
        assert_eq!(back.model(), &crate::framework::sample());
    }

    #[test]
    fn past_the_bytes_the_latest_steps_are_stored() {
        let mut s = Session::new(crate::framework::sample());
        // each step a whole model of some 40 KB: 50 of them are over the bytes
        for i in 0..STORED_STEPS {
            let mut m = s.model().clone();
            m.name = format!("{i} steps");
            for a in &mut m.assessments {
                a.note = Some(format!("{i} {}", "x".repeat(800)));
            }
            s.replace_model(m);
        }
        let stored = s
            .stored_history(0, usize::MAX)
            .expect("the latest steps, not none");
        assert!(stored.len() <= STORED_BYTES);
        let mut back = reloaded(&s);
        let kept = back.undo.len();
        assert!((10..STORED_STEPS).contains(&kept), "{kept} steps");
        assert!(back.undo());
        assert!(back
            .model()
            .name
            .starts_with(&format!("{} ", STORED_STEPS - 2)));
    }

    #[test]
    fn a_history_keeps_to_the_room_it_is_given() {
        let mut s = Session::new(crate::framework::sample());
        for i in 0..5 {
            edit(&mut s, score("leadership", f64::from(i % 4)));
        }
        let whole = s.stored_history(0, usize::MAX).unwrap();
        let fewer = s
            .stored_history(0, whole.len() - 1)
            .expect("fewer steps fit");
        assert!(fewer.len() < whole.len());
        assert!(
            s.stored_history(0, 10).is_none(),
            "no base fits in 10 bytes"
        );
    }

    #[test]
    fn a_model_of_over_a_megabyte_keeps_its_latest_steps_across_a_reload() {
        // its base alone is past STORED_BYTES: the document's own size is allowed for it
        let mut s = Session::new(crate::generate::scaled(&crate::framework::sample(), 100));
        assert!(s.saved_json().len() > STORED_BYTES);
        let before = s.model().clone();
        let cell = s.model().assessments[0].clone();
        let raise = |current: u8| {
            json!({"setAssessment": {"theme": cell.theme, "player": cell.player,
                "unit": cell.unit, "current": current, "target": 4}})
        };
        s.apply_json(raise(4), None).unwrap();
        s.start_scenario("W").unwrap();
        s.apply_json(raise(3), None).unwrap();
        let stored = s.stored_json();
        assert!(stored.len() > s.saved_json().len(), "the history is stored");
        let mut back = reloaded(&s);
        assert_eq!(back.undo.len(), 3);
        assert!(back.undo() && back.undo() && back.undo());
        assert_eq!(back.model(), &before);
        // with less room than the whole history takes, its latest steps
        let whole = stored.len() - s.saved_json().len() - 12;
        let fewer = s.stored_history(s.saved_json().len(), whole - 1);
        let fewer = fewer.expect("the two latest steps fit").len();
        assert!(fewer < whole);
    }

    #[test]
    fn a_damaged_history_is_dropped_and_the_document_still_opens() {
        let mut s = Session::new(crate::framework::sample());
        edit(&mut s, score("leadership", 1.0));
        s.start_scenario("W").unwrap();
        edit(&mut s, score("leadership", 2.0));
        let text = s.stored_json();
        let good: Value = serde_json::from_str(&text).unwrap();
        let damage = |f: &dyn Fn(&mut Value)| {
            let mut v = good.clone();
            f(&mut v);
            let back = Session::from_text(&v.to_string()).expect("the document opens");
            assert_eq!(back.saved(), s.saved());
            assert!(!back.can_undo(), "{v:#}");
        };
        damage(&|v| v["history"] = "nonsense".into());
        damage(&|v| {
            v["history"]["steps"][0] = serde_json::json!({"edits": {"edits": [{"setName": 3}]}})
        });
        damage(&|v| {
            v["history"]["steps"][0]["edits"]["edits"][0]["setAssessment"]["current"] = 99.into()
        });
        damage(&|v| v["history"]["base"]["baseline"]["name"] = "Another".into());
        damage(&|v| v["history"]["steps"][1] = serde_json::json!({"start": {"id": 1, "name": ""}}));
        damage(&|v| v["history"]["steps"][2]["edits"]["scenario"] = 77.into());
        damage(&|v| {
            let steps = v["history"]["steps"].as_array_mut().unwrap();
            steps.remove(0);
        });
        damage(&|v| {
            v["history"]["base"]["scenarios"] =
                serde_json::json!([{"id": 1, "name": "X", "model": {"schema": "nope"}}])
        });
        // the undamaged one keeps its three steps
        assert_eq!(Session::from_text(&text).unwrap().undo.len(), 3);
    }

    #[test]
    fn share_links_and_exports_carry_no_history() {
        let mut s = Session::new(Model::empty("Org"));
        edit(&mut s, score("leadership", 1.0));
        assert!(!s.saved_json().contains("history"));
        assert!(s.stored_json().contains("\"history\""));
        assert!(!Session::from_text(&s.saved_json()).unwrap().can_undo());
    }
}
