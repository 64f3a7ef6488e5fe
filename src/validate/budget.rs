//! Which problems can be among the first [`MAX_PROBLEMS`] of a text, decided
//! before any work is spent on the others.
//!
//! A report lists the first problems in the order of the text and counts
//! the rest. Writing out, placing and sorting every problem of a model with
//! 99,000 bad assessments would take seconds for nothing, so problems are
//! thinned as they are found, by *stream*: the items of one list (the
//! assessments, or the contributors of `systems[3]`). Within a stream, item
//! `i` comes before item `i + 1` in the text. Once a stream holds
//! [`MAX_PROBLEMS`] problems in items up to `cut`, a problem in a later item
//! cannot be among the first [`MAX_PROBLEMS`] of the text (all of those are
//! before it) and is only counted; problems in items up to `cut` are kept,
//! whenever they come. The union of what every stream keeps therefore holds
//! the text's first [`MAX_PROBLEMS`], which placing and sorting then pick.

use super::limits::MAX_PROBLEMS;
use super::Problem;
use std::collections::HashMap;

#[derive(Debug, Default)]
struct Stream {
    kept: usize,
    /// The largest item index kept so far.
    last: usize,
    /// Set once `kept` reaches the budget: items past it are only counted.
    cut: Option<usize>,
}

/// The streams seen so far, by the path of their list, and how many
/// problems were only counted.
#[derive(Default)]
pub(crate) struct Budget {
    names: HashMap<String, usize>,
    streams: Vec<Stream>,
    pub dropped: usize,
}

impl std::fmt::Debug for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Budget({} streams, {} dropped)",
            self.streams.len(),
            self.dropped
        )
    }
}

impl Budget {
    /// Whether a problem in item `index` of the list at `stream` may be
    /// among the first of the text: if not, it is counted as dropped.
    pub fn admits(&mut self, stream: &str, index: usize) -> bool {
        let at = match self.names.get(stream) {
            Some(&at) => at,
            None => {
                self.names.insert(stream.to_string(), self.streams.len());
                self.streams.push(Stream::default());
                self.streams.len() - 1
            }
        };
        let Some(s) = self.streams.get_mut(at) else {
            return true;
        };
        if let Some(cut) = s.cut {
            if index > cut {
                self.dropped += 1;
                return false;
            }
            return true;
        }
        s.kept += 1;
        s.last = s.last.max(index);
        if s.kept >= MAX_PROBLEMS {
            s.cut = Some(s.last);
        }
        true
    }
}

/// A problem's stream and item, from its path: the path up to its last
/// `[n]`, and `n` (`systems[3].contributors[7]` → `systems[3].contributors`,
/// 7). `None` for a path outside any list, which is always kept.
pub(crate) fn stream_of(path: &str) -> Option<(&str, usize)> {
    // Bytes, not `rfind`: the reverse char search costs the Wasm more.
    let open = path.bytes().rposition(|b| b == b'[')?;
    let rest = path.get(open + 1..)?;
    let close = rest.find(']')?;
    // `[n]` itself, not a bracket inside a quoted key (`["a[1]"]`).
    if !matches!(
        rest.get(close + 1..)?.chars().next(),
        None | Some('.' | '[')
    ) {
        return None;
    }
    let index = rest.get(..close)?.parse().ok()?;
    Some((path.get(..open)?, index))
}

/// Keeps the problems that may be among the first of the text; returns
/// them and how many were dropped.
pub(crate) fn thin(problems: Vec<Problem>) -> (Vec<Problem>, usize) {
    if problems.len() <= MAX_PROBLEMS {
        return (problems, 0);
    }
    let mut budget = Budget::default();
    let mut keep = Vec::with_capacity(problems.len());
    for p in &problems {
        keep.push(match stream_of(&p.path) {
            Some((stream, index)) => budget.admits(stream, index),
            None => true,
        });
    }
    let dropped = budget.dropped;
    let mut keep = keep.into_iter();
    let kept = problems
        .into_iter()
        .filter(|_| keep.next().unwrap_or(true))
        .collect();
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str) -> Problem {
        Problem::new(path.into(), "x".into())
    }

    #[test]
    fn streams_are_lists_and_items_their_positions() {
        assert_eq!(
            stream_of("assessments[12].theme"),
            Some(("assessments", 12))
        );
        assert_eq!(
            stream_of("systems[3].contributors[7]"),
            Some(("systems[3].contributors", 7))
        );
        assert_eq!(
            stream_of("scenarios[1].model.units[0].id"),
            Some(("scenarios[1].model.units", 0))
        );
        assert_eq!(stream_of("scale"), None);
        assert_eq!(stream_of("[\"odd key\"]"), None);
        assert_eq!(stream_of("systems[0][\"a[1]\"]"), None);
    }

    #[test]
    fn past_the_budget_only_later_items_are_dropped() {
        // Two problems per item, the second pass coming after the first.
        let mut ps: Vec<Problem> = (0..300)
            .map(|i| problem(&format!("assessments[{i}].theme")))
            .collect();
        ps.extend((0..300).map(|i| problem(&format!("assessments[{i}].current"))));
        ps.push(problem("name"));
        ps.extend((0..5).map(|i| problem(&format!("units[{i}].id"))));
        let (kept, dropped) = thin(ps);
        assert_eq!(kept.len() + dropped, 606);
        // Items 0–99 keep both their problems; the name and units stay.
        for i in 0..100 {
            for f in ["theme", "current"] {
                let path = format!("assessments[{i}].{f}");
                assert!(kept.iter().any(|p| p.path == path), "{path}");
            }
        }
        assert!(kept.iter().any(|p| p.path == "name"));
        assert_eq!(
            kept.iter().filter(|p| p.path.starts_with("units")).count(),
            5
        );
        assert!(!kept.iter().any(|p| p.path == "assessments[150].theme"));
        assert_eq!(dropped, 400);
    }
}
