//! [`Names`]: the ids and labels one analysis speaks of, copied once into a
//! single string, plus the lists its findings point into. Findings and the
//! systems summary hold small indices into it and share it, so analysing a
//! model with tens of thousands of findings makes a handful of allocations
//! rather than several per finding.

/// An item of [`Names`]: a theme, player, unit, contributor, system, an
/// activity, or an id the model uses without defining it.
pub(crate) type Ref = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

#[derive(Debug)]
struct Item {
    id: Span,
    label: Span,
    headcount: Option<u64>,
}

/// A run of [`Names::list`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct List {
    start: u32,
    len: u32,
}

/// Ids, labels and lists of one analysis.
#[derive(Debug, Default)]
pub(crate) struct Names {
    text: String,
    items: Vec<Item>,
    pool: Vec<u32>,
    /// The scale's name for each whole step from `min`.
    steps: Vec<Option<Ref>>,
    min: f64,
}

impl Names {
    /// Names for a model on a scale starting at `min` whose whole steps are
    /// named `steps` (blank names count as none).
    pub(crate) fn new(min: f64, steps: &[String], capacity: usize) -> Names {
        let mut names = Names {
            text: String::with_capacity(capacity * 24),
            items: Vec::with_capacity(capacity),
            pool: Vec::new(),
            steps: Vec::new(),
            min,
        };
        names.steps = steps
            .iter()
            .map(|s| (!s.trim().is_empty()).then(|| names.add(s, s, None)))
            .collect();
        names
    }

    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len() as u32;
        self.text.push_str(s);
        Span {
            start,
            end: self.text.len() as u32,
        }
    }

    /// Adds an item and returns its reference.
    pub(crate) fn add(&mut self, id: &str, label: &str, headcount: Option<u64>) -> Ref {
        let id_span = self.push(id);
        let label = if label == id {
            id_span
        } else {
            self.push(label)
        };
        self.items.push(Item {
            id: id_span,
            label,
            headcount,
        });
        (self.items.len() - 1) as Ref
    }

    /// Stores a list of numbers (references, or control levels) and returns
    /// where it is.
    pub(crate) fn add_list(&mut self, values: impl IntoIterator<Item = u32>) -> List {
        let start = self.pool.len() as u32;
        self.pool.extend(values);
        List {
            start,
            len: self.pool.len() as u32 - start,
        }
    }

    pub(crate) fn is_empty_list(list: List) -> bool {
        list.len == 0
    }

    pub(crate) fn list(&self, list: List) -> &[u32] {
        let start = list.start as usize;
        self.pool
            .get(start..start + list.len as usize)
            .unwrap_or(&[])
    }

    fn span(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    pub fn id(&self, r: Ref) -> &str {
        self.items.get(r as usize).map_or("", |i| self.span(i.id))
    }

    pub fn label(&self, r: Ref) -> &str {
        self.items
            .get(r as usize)
            .map_or("", |i| self.span(i.label))
    }

    pub fn headcount(&self, r: Ref) -> Option<u64> {
        self.items.get(r as usize).and_then(|i| i.headcount)
    }

    /// The scale's name for `value`, when it sits on a named whole step.
    pub fn step_name(&self, value: f64) -> Option<&str> {
        let step = value - self.min;
        if step >= 0.0 && step.fract() == 0.0 && step < self.steps.len() as f64 {
            self.steps
                .get(step as usize)
                .copied()
                .flatten()
                .map(|r| self.label(r))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_lists_and_steps_round_trip() {
        let steps = ["Absent".to_string(), " ".to_string(), "Defined".to_string()];
        let mut n = Names::new(1.0, &steps, 4);
        let hr = n.add("hr", "HR", None);
        let gig = n.add("gig", "Gig workers", Some(12));
        let same = n.add("x", "x", None);
        assert_eq!((n.id(hr), n.label(hr)), ("hr", "HR"));
        assert_eq!(
            (n.id(gig), n.label(gig), n.headcount(gig)),
            ("gig", "Gig workers", Some(12))
        );
        assert_eq!((n.id(same), n.label(same)), ("x", "x"));
        assert_eq!(n.label(999), "");
        let l = n.add_list([gig, hr]);
        let empty = n.add_list([]);
        assert_eq!(n.list(l), [gig, hr]);
        assert!(n.list(empty).is_empty());
        assert_eq!(n.step_name(1.0), Some("Absent"));
        assert_eq!(n.step_name(2.0), None, "blank names are none");
        assert_eq!(n.step_name(3.0), Some("Defined"));
        assert_eq!(n.step_name(3.5), None);
        assert_eq!(n.step_name(0.0), None);
        assert_eq!(n.step_name(4.0), None);
    }
}
