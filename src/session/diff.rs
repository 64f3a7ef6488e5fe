//! The difference between two versions of one model, kept small enough that a
//! long undo history of a large model stays cheap: each list keeps only the
//! stretch that changed (one splice), each other field its two values when it
//! changed.

use crate::model::{
    Assessment, Contributor, Framework, Integration, Item, Model, Respondent, Response,
    Responsibility, Scale, Snapshot, System,
};

/// One list's change: `removed` at `start` was replaced by `inserted`.
#[derive(Debug, Clone, PartialEq)]
pub struct Splice<T> {
    start: usize,
    removed: Vec<T>,
    inserted: Vec<T>,
}

/// The stretch that differs between two lists, as where it starts and where
/// it ends in the old and in the new list; `None` when the lists are equal.
fn changed<T: PartialEq>(old: &[T], new: &[T]) -> Option<(usize, usize, usize)> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    if prefix == old.len() && prefix == new.len() {
        return None;
    }
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    Some((prefix, old.len() - suffix, new.len() - suffix))
}

impl<T: Clone + PartialEq> Splice<T> {
    /// The shortest single splice turning `old` into `new`, if they differ.
    pub fn between(old: &[T], new: &[T]) -> Option<Splice<T>> {
        let (start, old_end, new_end) = changed(old, new)?;
        Some(Splice {
            start,
            removed: old[start..old_end].to_vec(),
            inserted: new[start..new_end].to_vec(),
        })
    }

    /// Replaces the `out_len` items of `list` from `start` with `put`;
    /// `false` when `list` is too short to hold them.
    fn swap(list: &mut Vec<T>, start: usize, out_len: usize, put: &[T]) -> bool {
        if start + out_len > list.len() {
            return false;
        }
        list.splice(start..start + out_len, put.iter().cloned());
        true
    }

    fn forward(&self, list: &mut Vec<T>) -> bool {
        Self::swap(list, self.start, self.removed.len(), &self.inserted)
    }

    fn backward(&self, list: &mut Vec<T>) -> bool {
        Self::swap(list, self.start, self.inserted.len(), &self.removed)
    }
}

/// What changed between two versions of a model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelDiff {
    name: Option<(String, String)>,
    framework: Option<Box<(Framework, Framework)>>,
    scale: Option<Box<(Scale, Scale)>>,
    units: Option<Splice<Item>>,
    assessments: Option<Splice<Assessment>>,
    contributors: Option<Splice<Contributor>>,
    responsibilities: Option<Splice<Responsibility>>,
    systems: Option<Splice<System>>,
    integrations: Option<Splice<Integration>>,
    /// The respondent, merged responses and history (many voices and dates): replaced
    /// whole, as they change seldom and together.
    voices: Option<Box<(Voices, Voices)>>,
}

/// A model's respondent, responses and history.
type Voices = (Option<Respondent>, Vec<Response>, Vec<Snapshot>);

fn voices_of(m: &Model) -> Voices {
    (m.respondent.clone(), m.responses.clone(), m.history.clone())
}

fn pair<T: Clone + PartialEq>(old: &T, new: &T) -> Option<(T, T)> {
    (old != new).then(|| (old.clone(), new.clone()))
}

impl ModelDiff {
    pub fn between(old: &Model, new: &Model) -> ModelDiff {
        ModelDiff {
            name: pair(&old.name, &new.name),
            framework: pair(&old.framework, &new.framework).map(Box::new),
            scale: pair(&old.scale, &new.scale).map(Box::new),
            units: Splice::between(&old.units, &new.units),
            assessments: Splice::between(&old.assessments, &new.assessments),
            contributors: Splice::between(&old.contributors, &new.contributors),
            responsibilities: Splice::between(&old.responsibilities, &new.responsibilities),
            systems: Splice::between(&old.systems, &new.systems),
            integrations: Splice::between(&old.integrations, &new.integrations),
            voices: (old.respondent != new.respondent
                || old.responses != new.responses
                || old.history != new.history)
                .then(|| Box::new((voices_of(old), voices_of(new)))),
        }
    }

    /// The diff of one assessment set at `index`: `before` replaced there,
    /// or, with `None`, `after` added at the end (`index` is then the old
    /// length). What [`ModelDiff::between`] finds for that change.
    pub fn of_assessment(index: usize, before: Option<Assessment>, after: Assessment) -> ModelDiff {
        ModelDiff {
            assessments: Some(Splice {
                start: index,
                removed: before.into_iter().collect(),
                inserted: vec![after],
            }),
            ..ModelDiff::default()
        }
    }

    /// For a diff that changes one assessment and nothing else (as
    /// [`ModelDiff::of_assessment`] makes): its index and what was there
    /// before (`None` when it was added).
    pub fn one_assessment(&self) -> Option<(usize, Option<&Assessment>)> {
        let s = self.assessments.as_ref()?;
        (self.only_assessments() && s.removed.len() <= 1 && s.inserted.len() == 1)
            .then(|| (s.start, s.removed.first()))
    }

    pub fn is_empty(&self) -> bool {
        self.assessments.is_none() && self.only_assessments()
    }

    /// Whether only scores changed: nothing the page lists or labels.
    pub fn only_assessments(&self) -> bool {
        let ModelDiff {
            name,
            framework,
            scale,
            units,
            assessments: _,
            contributors,
            responsibilities,
            systems,
            integrations,
            voices,
        } = self;
        name.is_none()
            && framework.is_none()
            && scale.is_none()
            && units.is_none()
            && contributors.is_none()
            && responsibilities.is_none()
            && systems.is_none()
            && integrations.is_none()
            && voices.is_none()
    }

    /// Turns the old version into the new one. False (and a possibly partly
    /// changed model) only if `model` is not the version this diff starts from,
    /// which the session never does.
    pub fn redo(&self, model: &mut Model) -> bool {
        self.run(model, true)
    }

    /// Turns the new version back into the old one.
    pub fn undo(&self, model: &mut Model) -> bool {
        self.run(model, false)
    }

    fn run(&self, m: &mut Model, forward: bool) -> bool {
        fn set<T: Clone>(slot: &mut T, p: &Option<(T, T)>, forward: bool) {
            if let Some((old, new)) = p {
                *slot = if forward { new.clone() } else { old.clone() };
            }
        }
        fn set_boxed<T: Clone>(slot: &mut T, p: &Option<Box<(T, T)>>, forward: bool) {
            if let Some(b) = p {
                *slot = if forward { b.1.clone() } else { b.0.clone() };
            }
        }
        fn splice<T: Clone + PartialEq>(
            list: &mut Vec<T>,
            s: &Option<Splice<T>>,
            fwd: bool,
        ) -> bool {
            match s {
                None => true,
                Some(s) if fwd => s.forward(list),
                Some(s) => s.backward(list),
            }
        }
        set(&mut m.name, &self.name, forward);
        set_boxed(&mut m.framework, &self.framework, forward);
        set_boxed(&mut m.scale, &self.scale, forward);
        if let Some(b) = &self.voices {
            let v = if forward { &b.1 } else { &b.0 };
            (m.respondent, m.responses, m.history) = v.clone();
        }
        splice(&mut m.units, &self.units, forward)
            & splice(&mut m.assessments, &self.assessments, forward)
            & splice(&mut m.contributors, &self.contributors, forward)
            & splice(&mut m.responsibilities, &self.responsibilities, forward)
            & splice(&mut m.systems, &self.systems, forward)
            & splice(&mut m.integrations, &self.integrations, forward)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_splice_keeps_only_the_changed_stretch() {
        let s = Splice::between(&[1, 2, 3, 4, 5], &[1, 2, 9, 4, 5]).unwrap();
        assert_eq!(
            (s.start, s.removed.clone(), s.inserted.clone()),
            (2, vec![3], vec![9])
        );
        assert!(Splice::between(&[1, 2], &[1, 2]).is_none());
        // a repeated value must not make prefix and suffix overlap
        let s = Splice::between(&[1, 1], &[1, 1, 1]).unwrap();
        let mut v = vec![1, 1];
        assert!(s.forward(&mut v));
        assert_eq!(v, vec![1, 1, 1]);
    }

    #[test]
    fn responses_and_history_are_undone_with_the_scores() {
        let old = crate::framework::sample();
        let mut new = crate::voices::snapshot(&old, "2026-01-01").unwrap();
        new.responses.push(Response {
            respondent: "A".into(),
            role: None,
            date: None,
            scores: vec![],
        });
        let d = ModelDiff::between(&old, &new);
        assert!(!d.is_empty() && !d.only_assessments());
        let mut m = old.clone();
        assert!(d.redo(&mut m));
        assert_eq!(m, new);
        assert!(d.undo(&mut m));
        assert_eq!(m, old);
    }

    #[test]
    fn a_splice_refuses_a_list_it_does_not_fit() {
        let s = Splice::between(&[1, 2, 3], &[1]).unwrap();
        let mut short = vec![1];
        assert!(!s.forward(&mut short));
    }

    proptest! {
        #[test]
        fn splices_round_trip(old in prop::collection::vec(0u8..4, 0..12), new in prop::collection::vec(0u8..4, 0..12)) {
            let mut v = old.clone();
            if let Some(s) = Splice::between(&old, &new) {
                prop_assert!(s.forward(&mut v));
                prop_assert_eq!(&v, &new);
                prop_assert!(s.backward(&mut v));
            }
            prop_assert_eq!(v, old);
        }
    }

    #[test]
    fn a_model_diff_undoes_and_redoes_every_field() {
        let old = Model::empty("Old");
        let mut new = Model::empty("New");
        new.units.push(Item::new("u", "U"));
        new.scale.max = 5.0;
        new.framework.players.pop();
        let d = ModelDiff::between(&old, &new);
        assert!(!d.is_empty());
        let mut m = old.clone();
        assert!(d.redo(&mut m));
        assert_eq!(m, new);
        assert!(d.undo(&mut m));
        assert_eq!(m, old);
        assert!(ModelDiff::between(&old, &old).is_empty());
        assert!(!d.only_assessments());
        let mut scored = old.clone();
        scored.assessments.push(crate::model::Assessment {
            theme: "leadership".into(),
            player: "hr".into(),
            unit: None,
            current: 1.0,
            target: None,
            weight: 1.0,
            note: None,
        });
        assert!(ModelDiff::between(&old, &scored).only_assessments());
    }
}
