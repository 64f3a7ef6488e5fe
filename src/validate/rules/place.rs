//! Where a checked value sits in a list, kept as data until a problem
//! there is reported.

use crate::validate::path;

/// Where a checked value sits in a list: `list[i]`, then `.field` unless it
/// is empty, then `[j]` when given. Kept as data so that the path string is
/// only built when a problem is reported (or placeholders must be consulted),
/// and built by one function rather than a `format!` per call site.
#[derive(Clone, Copy)]
pub(super) struct At {
    pub(super) list: &'static str,
    pub(super) i: usize,
    pub(super) field: &'static str,
    pub(super) j: Option<usize>,
}

/// `list[i].field`, or `list[i]` when `field` is empty.
pub(super) fn at(list: &'static str, i: usize, field: &'static str) -> At {
    At {
        list,
        i,
        field,
        j: None,
    }
}

impl At {
    pub(super) fn path(self) -> String {
        let mut p = String::from(self.list);
        path::push_index(&mut p, self.i);
        if !self.field.is_empty() {
            p.push('.');
            p.push_str(self.field);
        }
        if let Some(j) = self.j {
            path::push_index(&mut p, j);
        }
        p
    }
}
