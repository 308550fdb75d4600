//! Duplicate detection in O(n log n): the first item, in input order, that equals
//! an earlier one. Shared by every reader that refuses repeats, so that the wasm
//! module carries one sort of indices by `&str` key, one sort (`f64`) and one map
//! (`&str` → index, for the badge readers' many look-ups); the key iterators are
//! `dyn` for the same reason.

/// The indices of `keys` in key order, equal keys in input order.
///
/// ```
/// assert_eq!(impactkit::unique::sorted_indices(&["b", "a", "b"]), [1, 0, 2]);
/// ```
pub fn sorted_indices(keys: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // Ties broken by position: a total order, so the unstable sort keeps input order.
    order.sort_unstable_by(|&a, &b| keys.get(a).cmp(&keys.get(b)).then(a.cmp(&b)));
    order
}

/// For each key, the index of the first key equal to it.
///
/// ```
/// assert_eq!(impactkit::unique::first_equal(&["b", "a", "b", "a"]), [0, 1, 0, 1]);
/// ```
pub fn first_equal(keys: &[&str]) -> Vec<usize> {
    let order = sorted_indices(keys);
    let mut first = vec![0; keys.len()];
    let mut run = (None, 0);
    for &i in &order {
        let key = keys.get(i);
        if run.0 != Some(key) {
            run = (Some(key), i);
        }
        if let Some(slot) = first.get_mut(i) {
            *slot = run.1;
        }
    }
    first
}

/// The index of the first key equal to an earlier one.
///
/// ```
/// use impactkit::unique::first_repeat;
/// assert_eq!(first_repeat(&mut ["a", "b", "c", "b", "a"].into_iter()), Some(3));
/// assert_eq!(first_repeat(&mut ["a", "b"].into_iter()), None);
/// ```
pub fn first_repeat(keys: &mut dyn Iterator<Item = &str>) -> Option<usize> {
    let keys: Vec<&str> = keys.collect();
    first_equal(&keys)
        .into_iter()
        .enumerate()
        .find(|&(i, first)| first != i)
        .map(|(i, _)| i)
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

/// The numbers of a JSON list that no two items may share (milestone levels, tier starts), each
/// item read by `read`: read up to the first invalid item; a number repeated before it is
/// `duplicate` at the repeat (message `repeated(number)`), then that item's error; an empty list
/// is `out_of_range` (message `empty`). One reader for every such list.
///
/// # Errors
/// Those above, and `list`'s if it is not an array.
pub fn read_numbers_once(
    list: &crate::json::Json,
    read: fn(&crate::json::Json) -> crate::Result<f64>,
    repeated: fn(f64) -> crate::error::Message,
    empty: &str,
) -> crate::Result<Vec<f64>> {
    let mut numbers = Vec::new();
    let mut invalid = None;
    for item in list.items()? {
        match read(&item) {
            Ok(number) => numbers.push(number),
            Err(e) => {
                invalid = Some(e);
                break;
            }
        }
    }
    if let Some(i) = first_repeat_number(&numbers) {
        let at = list.items()?.nth(i).unwrap_or(*list);
        let number = numbers.get(i).copied().unwrap_or_default();
        return Err(at.error(crate::ErrorCode::Duplicate, repeated(number)));
    }
    match invalid {
        Some(e) => Err(e),
        None if numbers.is_empty() => Err(list.error(crate::ErrorCode::OutOfRange, empty)),
        None => Ok(numbers),
    }
}

/// Positions by key (the first of equal keys), for many look-ups by id: the keys sorted once
/// with [`sorted_indices`] and searched by bisection (no hash table in the wasm module).
///
/// ```
/// let index = impactkit::unique::index(&mut ["a", "b", "a"].into_iter());
/// assert_eq!((index.get("a"), index.get("b"), index.get("c")), (Some(&0), Some(&1), None));
/// ```
pub fn index<'a>(keys: &mut dyn Iterator<Item = &'a str>) -> Index<'a> {
    let keys: Vec<&str> = keys.collect();
    let mut entries: Vec<(&str, usize)> = Vec::with_capacity(keys.len());
    for i in sorted_indices(&keys) {
        if let Some(&key) = keys.get(i) {
            // Equal keys are sorted by position: the first one of each run is kept.
            if !matches!(entries.last(), Some((last, _)) if *last == key) {
                entries.push((key, i));
            }
        }
    }
    Index(entries)
}

/// What [`index`] builds: distinct keys in order, each with its first position.
#[derive(Debug, Clone, Default)]
pub struct Index<'a>(Vec<(&'a str, usize)>);

impl Index<'_> {
    /// The first position of `key`.
    pub fn get(&self, key: &str) -> Option<&usize> {
        let at = self.0.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
        self.0.get(at).map(|(_, i)| i)
    }
}
