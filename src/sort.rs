//! Long lists in time order, in linear time: a stable radix sort on 64-bit keys (the builds
//! with `RADIX_SORT`, src/lib.rs; the modules built for size use the standard library's merge sort,
//! which gives the same order).
//!
//! The wasm builds rebuild std with `optimize_for_size`, whose `sort_unstable` is a heapsort
//! (its quicksort is left out): 100,000 orders took ~90 ms of a 500 ms `openCustomer` in Node.
//! Keys here are instants' seconds, which share their high bytes over any history, so most of
//! the eight byte passes are skipped: a 10-year history sorts in four passes over the keys.

use crate::time::civil::{DateTime, Utc};
use std::cmp::Ordering;

/// `items` in order of `at`, then of `then` among items at one instant (equal ones keep their
/// input order). A list already in order, the usual case, is returned as is.
///
/// ```
/// use impactkit::time::civil::DateTime;
/// let at = |s| DateTime::from_timestamp(s, 0).unwrap();
/// let list = vec![(at(20), "b"), (at(10), "z"), (at(20), "a")];
/// let sorted = impactkit::sort::by_time(list, |x| x.0, |x, y| x.1.cmp(y.1));
/// assert_eq!(sorted, [(at(10), "z"), (at(20), "a"), (at(20), "b")]);
/// ```
pub fn by_time<T>(
    items: Vec<T>,
    at: impl Fn(&T) -> DateTime<Utc>,
    then: impl Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    match positions_in_order(&items, at, then) {
        Some(order) => take_in_order(items, &order),
        None => items,
    }
}

/// [`by_time`] of the items whose flag in `keep` is `true` (every item from `keep`'s length
/// on): dropping items and sorting the rest move each kept item once.
///
/// ```
/// use impactkit::time::civil::DateTime;
/// let at = |s| DateTime::from_timestamp(s, 0).unwrap();
/// let list = vec![(at(20), "b"), (at(10), "z"), (at(20), "a"), (at(5), "y")];
/// let kept = impactkit::sort::by_time_keeping(list, &[true, false, true], |x| x.0, |x, y| x.1.cmp(y.1));
/// assert_eq!(kept, [(at(5), "y"), (at(20), "a"), (at(20), "b")]);
/// ```
pub fn by_time_keeping<T>(
    mut items: Vec<T>,
    keep: &[bool],
    at: impl Fn(&T) -> DateTime<Utc>,
    then: impl Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    let kept = |i: &usize| keep.get(*i).copied().unwrap_or(true);
    match positions_in_order(&items, at, then) {
        Some(order) => {
            let order: Vec<usize> = order.into_iter().filter(kept).collect();
            take_in_order(items, &order)
        }
        None => {
            let mut i = 0;
            items.retain(|_| {
                i += 1;
                kept(&(i - 1))
            });
            items
        }
    }
}

/// The positions of `items` in [`by_time`]'s order; `None` when they are in order already.
fn positions_in_order<T>(
    items: &[T],
    at: impl Fn(&T) -> DateTime<Utc>,
    then: impl Fn(&T, &T) -> Ordering,
) -> Option<Vec<usize>> {
    let times: Vec<DateTime<Utc>> = items.iter().map(at).collect();
    let then = |a: usize, b: usize| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => then(a, b),
        _ => Ordering::Equal,
    };
    time_order(&times, &then)
}

/// The positions of `times` in order (then by `then` of two positions at one instant); `None`
/// when they are in order already. Not generic: one copy of the sort code in the wasm.
fn time_order(
    times: &[DateTime<Utc>],
    then: &dyn Fn(usize, usize) -> Ordering,
) -> Option<Vec<usize>> {
    let cmp = |a: usize, b: usize| match (times.get(a), times.get(b)) {
        (Some(x), Some(y)) => x.cmp(y).then_with(|| then(a, b)),
        _ => Ordering::Equal,
    };
    if (1..times.len()).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return None;
    }
    Some(if crate::RADIX_SORT {
        radix_order(times, &cmp)
    } else {
        merge_order(times.len(), &cmp)
    })
}

/// Positions `0..len` in the order of `cmp`, by the standard library's stable merge sort.
fn merge_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// The positions of `times` in the order of `cmp` (by time, then by its tie-break): radix passes
/// over their seconds, then `cmp` among positions within one second.
fn radix_order(times: &[DateTime<Utc>], cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let keys: Vec<u64> = times.iter().map(|&t| second_key(t)).collect();
    let mut order = order_by_key(&keys);
    for same_second in order.chunk_by_mut(|&a, &b| keys.get(a) == keys.get(b)) {
        if same_second.len() > 1 {
            same_second.sort_by(|&a, &b| cmp(a, b));
        }
    }
    order
}

/// `(instant, value)` pairs in order of their instants, pairs at one instant in input order.
///
/// ```
/// use impactkit::time::civil::DateTime;
/// let at = |s| DateTime::from_timestamp(s, 0).unwrap();
/// assert_eq!(impactkit::sort::by_instant(vec![(at(2), 'a'), (at(1), 'b')]), [(at(1), 'b'), (at(2), 'a')]);
/// ```
pub fn by_instant<V>(pairs: Vec<(DateTime<Utc>, V)>) -> Vec<(DateTime<Utc>, V)> {
    by_time(pairs, |p| p.0, |_, _| Ordering::Equal)
}

/// An instant's Unix second as a key that sorts as the instants do (the sign bit flipped).
///
/// ```
/// use impactkit::time::civil::DateTime;
/// let (a, b) = (DateTime::from_timestamp(-5, 0).unwrap(), DateTime::from_timestamp(3, 0).unwrap());
/// assert!(impactkit::sort::second_key(a) < impactkit::sort::second_key(b));
/// ```
pub fn second_key(at: DateTime<Utc>) -> u64 {
    (at.timestamp() as u64) ^ (1 << 63)
}

/// The positions of `keys` in ascending key order, equal keys in their input order.
///
/// ```
/// assert_eq!(impactkit::sort::order_by_key(&[30, 10, 20, 10]), [1, 3, 2, 0]);
/// ```
pub fn order_by_key(keys: &[u64]) -> Vec<usize> {
    let mut order: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
    let (low, high) = keys
        .iter()
        .fold((u64::MAX, 0), |(lo, hi), &k| (lo.min(k), hi.max(k)));
    // Every key lies between `low` and `high`, so all share the bits above the highest one
    // where those two differ: only the bytes below it take a pass.
    let varying = if keys.is_empty() { 0 } else { low ^ high };
    let mut spare = order.clone();
    let mut shift = 0;
    while shift < 64 && varying >> shift != 0 {
        pass(&order, &mut spare, shift);
        std::mem::swap(&mut order, &mut spare);
        shift += 8;
    }
    order.into_iter().map(|(_, i)| i).collect()
}

/// One counting pass on the byte at `shift`: `from` into `to`, stable.
fn pass(from: &[(u64, usize)], to: &mut [(u64, usize)], shift: u32) {
    let byte = |key: u64| ((key >> shift) & 0xff) as usize;
    let mut next = [0usize; 256];
    for &(key, _) in from {
        if let Some(count) = next.get_mut(byte(key)) {
            *count += 1;
        }
    }
    let mut start = 0;
    for slot in next.iter_mut() {
        (*slot, start) = (start, start + *slot);
    }
    for &entry in from {
        if let Some(at) = next.get_mut(byte(entry.0)) {
            if let Some(place) = to.get_mut(*at) {
                *place = entry;
            }
            *at += 1;
        }
    }
}

/// `items` rearranged so that the `k`-th is `items[order[k]]` (`order` a permutation).
///
/// ```
/// assert_eq!(impactkit::sort::take_in_order(vec!["a", "b", "c"], &[2, 0, 1]), ["c", "a", "b"]);
/// ```
pub fn take_in_order<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    // Exactly as long as the list (the items a long-lived session keeps, not up to twice that).
    let mut ordered = Vec::with_capacity(order.len());
    ordered.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
    ordered
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, for any keys (wide or narrow).
        #[test]
        fn matches_a_stable_sort(keys in proptest::collection::vec(any::<u64>(), 0..300), narrow in any::<bool>()) {
            let keys: Vec<u64> = if narrow { keys.iter().map(|k| (1 << 40) + k % 1000).collect() } else { keys };
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| keys[i]);
            prop_assert_eq!(order_by_key(&keys), expected);
        }
    }

    proptest! {
        /// The modules built for size sort with `merge_order`: the same order as `radix_order`,
        /// ties at one instant included (broken by `then`, else by input position).
        #[test]
        fn merge_and_radix_orders_agree(
            seconds in proptest::collection::vec(-50i64..50, 0..300),
            millis in proptest::collection::vec(0u32..3, 300),
            tags in proptest::collection::vec(0u8..3, 300),
            wide in any::<bool>(),
        ) {
            let scale = if wide { 40_000_000 } else { 1 };
            let times: Vec<DateTime<Utc>> = seconds
                .iter()
                .zip(&millis)
                .map(|(&s, &ms)| DateTime::from_timestamp(s * scale, ms * 1_000_000).unwrap())
                .collect();
            let then = |a: usize, b: usize| tags[a].cmp(&tags[b]);
            let cmp = |a: usize, b: usize| times[a].cmp(&times[b]).then_with(|| then(a, b));
            prop_assert_eq!(merge_order(times.len(), &cmp), radix_order(&times, &cmp));
        }
    }

    #[test]
    fn second_keys_sort_as_instants() {
        let at = |s| DateTime::from_timestamp(s, 0).unwrap();
        let seconds = [-2_208_988_800, -1, 0, 1, 7_258_118_400];
        for pair in seconds.windows(2) {
            assert!(second_key(at(pair[0])) < second_key(at(pair[1])));
        }
    }
}
