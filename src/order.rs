//! Sorting for the whole crate, through one copy of std's sort.
//!
//! Why not `slice::sort_by` at each call site: std's sorts are generic over
//! the element type and the comparator, so each of the crate's thirty-odd
//! sorts compiled its own copy of the whole algorithm (run detection, merges,
//! small-sort networks, partition, heap sort: 1.5 to 5 KB of Wasm each), about
//! 114 KB of the Wasm before optimization. Every page downloads and compiles
//! that module before it can draw the first diagram, so these bytes cost
//! users time on every cold load. Here std's stable `sort_by` runs once, on a
//! permutation of positions behind a `&dyn` comparator, and a small generic
//! step moves the items into that order: std still does the sorting, in one
//! copy. Measured on the built module (after wasm-opt, gzip -9): 262.3 KB
//! before, 243.9 KB after, so about 18 KB less to download and compile.
//!
//! Every sort here is stable: items that compare equal keep their order.
//! Where the crate used an unstable sort, equal items were indistinguishable
//! or told apart by the key, except in models that repeat an id (sorts by id
//! only); those lists were short, and std's unstable sort orders up to 20
//! items by insertion, which is stable, so the outputs are the same.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = permutation(v.len(), &|a, b| cmp(&v[a], &v[b]));
    apply(v, order);
}

/// Sorts `v` stably by the key `key` gives each item, like
/// `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..len` in the order `cmp` (which compares the items at two
/// positions) puts their items, ties in position order. The one place the
/// crate calls std's sort.
fn permutation(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the items of `v` so that position `i` holds the item that was at
/// `order[i]`. Only the swaps depend on the item type; the cycles of the
/// permutation are followed once, in [`swaps`], for every type.
fn apply<T>(v: &mut [T], order: Vec<usize>) {
    for (a, b) in swaps(order) {
        v.swap(a, b);
    }
}

/// The swaps, in order, that apply the permutation `order` (see [`apply`]):
/// each cycle is followed from its first position, and a visited position
/// is marked by pointing `order` at itself.
fn swaps(mut order: Vec<usize>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            out.push((at, from));
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn moves_items_that_are_not_copy() {
        let mut v: Vec<String> = ["pear", "apple", "fig", "apple"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["apple", "apple", "fig", "pear"]);
        sort_by(&mut v, |a, b| b.len().cmp(&a.len()));
        assert_eq!(v, ["apple", "apple", "pear", "fig"]);
    }

    proptest! {
        // The same result as std's stable sort, ties included.
        #[test]
        fn sorts_as_std_does(mut v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            prop_assert_eq!(v, expected);
        }
    }
}
