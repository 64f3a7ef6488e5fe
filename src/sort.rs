//! Sorting through one shared routine, to keep the Wasm module small.
//!
//! The standard library's sorts are generic over the element type and the
//! comparison, so every `sort_by` call site with its own closure compiles a
//! whole driftsort or ipnsort of its own (4–6 KB of Wasm each). These
//! helpers sort a list of positions once, through a `dyn` comparison, and
//! then move the elements into that order: one copy of the sort in the whole
//! program, and only a small permutation loop per element type.
//!
//! Every sort here is stable; where a caller used an unstable sort, its
//! comparison tells all distinct elements apart (or the order of equal ones
//! did not matter), so the result is the same. The positions are sorted by
//! a plain merge sort rather than the standard library's: any stable sort
//! gives the same order, and this one is a fraction of the code.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &mut |a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    permute(order, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` in ascending order, stably.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` by the key `key` gives each element, stably.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `cmp` puts them (stable): a
/// bottom-up merge sort, merging runs of 1, 2, 4, … positions.
#[inline(never)]
fn sorted_positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = vec![0; len];
    let mut width = 1;
    while width < len {
        for start in (0..len).step_by(2 * width) {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            merge(
                &order[start..mid],
                &order[mid..end],
                &mut merged[start..end],
                cmp,
            );
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Merges the sorted runs `left` and `right` into `out`; of equal elements,
/// those of `left` come first.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let in_order = match (left.last(), right.first()) {
        (Some(&a), Some(&b)) => cmp(a, b) != Ordering::Greater,
        _ => true,
    };
    if in_order {
        let (l, r) = out.split_at_mut(left.len());
        l.copy_from_slice(left);
        r.copy_from_slice(right);
        return;
    }
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        *slot = match (left.get(i), right.get(j)) {
            (Some(&a), Some(&b)) if cmp(a, b) == Ordering::Greater => {
                j += 1;
                b
            }
            (Some(&a), _) => {
                i += 1;
                a
            }
            (None, Some(&b)) => {
                j += 1;
                b
            }
            (None, None) => break,
        };
    }
}

/// Rearranges a list so that the element at position `i` is the one that
/// was at `order[i]`, following each cycle of the permutation with `swap`
/// (not generic, so compiled once for every element type).
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &std_sorted);
            let mut all = v.clone();
            sort(&mut all);
            let mut std_all = v;
            std_all.sort();
            prop_assert_eq!(all, std_all);
        }
    }

    #[test]
    fn moves_owned_values() {
        let mut v: Vec<String> = ["c", "a", "d", "b"].map(String::from).to_vec();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["d", "c", "b", "a"]);
    }
}
