//! Duplicate detection in O(n log n): the first item, in input order, that equals
//! an earlier one. Shared by every reader that refuses repeats, so that the wasm
//! module carries one hash-set instantiation (`&str`) and one sort (`f64`).

use std::collections::{HashMap, HashSet};

/// The index of the first key equal to an earlier one.
///
/// ```
/// use impactkit::unique::first_repeat;
/// assert_eq!(first_repeat(["a", "b", "c", "b", "a"]), Some(3));
/// assert_eq!(first_repeat(["a", "b"]), None);
/// ```
pub fn first_repeat<'a>(keys: impl IntoIterator<Item = &'a str>) -> Option<usize> {
    let mut seen = HashSet::new();
    keys.into_iter().position(|k| !seen.insert(k))
}

/// The index of the first number equal (`==`: −0 equals +0) to an earlier one.
///
/// ```
/// use impactkit::unique::first_repeat_number;
/// assert_eq!(first_repeat_number(&[5.0, 0.0, 7.0, -0.0, 5.0]), Some(3));
/// assert_eq!(first_repeat_number(&[1.0, 2.0]), None);
/// ```
pub fn first_repeat_number(values: &[f64]) -> Option<usize> {
    let mut sorted: Vec<f64> = values.iter().map(|v| v + 0.0).collect();
    sorted.sort_unstable_by(f64::total_cmp);
    if sorted.windows(2).all(|w| w.first() != w.get(1)) {
        return None;
    }
    // Each value's first slot in `sorted` is marked when seen; a second visit is a repeat.
    let mut seen = vec![false; sorted.len()];
    values.iter().position(|v| {
        let at = sorted.partition_point(|s| s.total_cmp(&(v + 0.0)).is_lt());
        seen.get_mut(at).is_some_and(|s| std::mem::replace(s, true))
    })
}

/// Positions by key (the first of equal keys), for many look-ups by id.
///
/// ```
/// let index = impactkit::unique::index(["a", "b", "a"]);
/// assert_eq!((index.get("a"), index.get("b")), (Some(&0), Some(&1)));
/// ```
pub fn index<'a>(keys: impl IntoIterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, k) in keys.into_iter().enumerate() {
        map.entry(k).or_insert(i);
    }
    map
}
