//! `mapped`: a slice mapped into a new `Vec`, compiled once per element-type
//! pair rather than once per closure.
//!
//! `items.iter().map(f).collect()` monomorphizes `from_iter`, `extend` and
//! `fold` for every closure it is given; across the crate those copies were a
//! noticeable share of the Wasm module (issue 7's size budget). Taking the
//! closure as a trait object keeps one loop per `(T, U)`.

/// `f` applied to each item of `items`, in order.
pub(crate) fn mapped<'a, T, U>(items: &'a [T], f: &mut dyn FnMut(&'a T) -> U) -> Vec<U> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(f(item));
    }
    out
}

/// `f` applied to each index below `len`, in order: `(0..len).map(f)`
/// collected, with the same one-copy-per-type aim as [`mapped`].
pub(crate) fn from_fn<U>(len: usize, f: &mut dyn FnMut(usize) -> U) -> Vec<U> {
    let mut out = Vec::with_capacity(len);
    for i in 0..len {
        out.push(f(i));
    }
    out
}

/// `f` applied to each item of `items` and its index, in order, consuming
/// them: `items.into_iter().enumerate().map(f)` collected, again one copy per
/// type pair.
pub(crate) fn into_mapped<T, U>(items: Vec<T>, f: &mut dyn FnMut(usize, T) -> U) -> Vec<U> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        out.push(f(i, item));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_each_item_in_order() {
        let mut seen = Vec::new();
        let out = mapped(&[3, 1, 2], &mut |&x| {
            seen.push(x);
            x * 10
        });
        assert_eq!(out, [30, 10, 20]);
        assert_eq!(seen, [3, 1, 2]);
    }

    #[test]
    fn from_fn_maps_each_index_in_order() {
        assert_eq!(from_fn(4, &mut |i| i * i), [0, 1, 4, 9]);
        assert!(from_fn(0, &mut |i| i).is_empty());
    }

    #[test]
    fn into_mapped_passes_index_and_item() {
        let words = vec!["a".to_string(), "bc".to_string()];
        let out = into_mapped(words, &mut |i, w| format!("{i}{w}"));
        assert_eq!(out, ["0a", "1bc"]);
    }

    #[test]
    fn empty_slice_maps_to_empty_vec() {
        let out: Vec<String> = mapped(&[] as &[u8], &mut |b| b.to_string());
        assert!(out.is_empty());
    }
}
