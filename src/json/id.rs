//! [`Id`]: an identifier read from JSON, kept inline when short.
//!
//! A history holds an id per order and per supply chain: 200,000 small strings for 100,000
//! orders. As `String`s they were two heap allocations per order (and two frees), a tenth of
//! `openCustomer`'s time in wasm; ids are mostly a few bytes (`ord_123`, `sc_7`), so they live
//! in the value itself, and longer ones on the heap.

use std::fmt;
use std::ops::Deref;

/// The hash of the sets of ids (order ids, supply chains): in the full build (built for
/// speed) foldhash's fast hash, with a fixed seed as everything here is deterministic (ids come
/// from the shop's own backend; std's SipHash had no random keys in wasm either); in
/// `impactkit/sessions`, std's (~1 KB smaller). The modules built for size hash ids with
/// FNV-1a ([`super::LeanSet`]).
#[cfg(feature = "full")]
pub type FastHash = foldhash::fast::FixedState;
/// The hash of the sets of ids: std's in the capability modules.
#[cfg(not(feature = "full"))]
pub type FastHash = std::hash::RandomState;

/// A set of ids (order ids, supply chains). Hashed ([`FastHash`]: O(1) per id) in the builds with
/// every fast path (the full build, `impactkit/sessions`); [`super::LeanSet`] (FNV-1a, open
/// addressing: O(1) per id expected, the same answers) in the modules built for size (features
/// `lean`, `lean-numbers`), which then hold neither hashbrown nor SipHash nor B-tree code.
#[cfg(not(any(feature = "lean", feature = "lean-numbers")))]
pub type IdSet<T> = std::collections::HashSet<T, FastHash>;
/// A set of ids: [`super::LeanSet`] in the modules built for size (see the hashed one).
#[cfg(any(feature = "lean", feature = "lean-numbers"))]
pub type IdSet<T> = super::LeanSet<T>;

/// An empty [`IdSet`] with room for `capacity` ids where it is hashed.
///
/// ```
/// let mut seen = impactkit::json::id_set(2);
/// assert!(seen.insert("a") && !seen.insert("a") && seen.len() == 1);
/// ```
#[cfg(not(any(feature = "lean", feature = "lean-numbers")))]
pub fn id_set<T>(capacity: usize) -> IdSet<T> {
    IdSet::with_capacity_and_hasher(capacity, FastHash::default())
}

/// An empty [`IdSet`] (it grows as ids come).
///
/// ```
/// let mut seen = impactkit::json::id_set(2);
/// assert!(seen.insert("a") && !seen.insert("a") && seen.len() == 1);
/// ```
#[cfg(any(feature = "lean", feature = "lean-numbers"))]
pub fn id_set<T>(_capacity: usize) -> IdSet<T> {
    IdSet::default()
}

/// Bytes kept inline.
const INLINE: usize = 22;

/// An identifier: a string, inline up to 22 bytes.
///
/// ```
/// use impactkit::json::Id;
/// let (short, long) = (Id::from("ord_1"), Id::from("gid://shopify/Order/1234567890"));
/// assert_eq!((short.as_str(), long.as_str()), ("ord_1", "gid://shopify/Order/1234567890"));
/// assert!(short < Id::from("ord_2") && long < short && short == Id::from(String::from("ord_1")));
/// ```
#[derive(Clone)]
pub struct Id(Repr);

#[derive(Clone)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

impl Id {
    /// The id's text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline(len, bytes) => bytes
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Repr::Heap(text) => text,
        }
    }
}

impl Id {
    /// The id's UTF-8 bytes (comparisons and hashes need no UTF-8 check: `str` orders, equals
    /// and hashes as its bytes).
    fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(len, bytes) => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(text) => text.as_bytes(),
        }
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        let mut bytes = [0; INLINE];
        match bytes.get_mut(..text.len()) {
            Some(inline) => {
                inline.copy_from_slice(text.as_bytes());
                Id(Repr::Inline(text.len() as u8, bytes))
            }
            None => Id(Repr::Heap(text.into())),
        }
    }
}

impl From<String> for Id {
    fn from(text: String) -> Self {
        if text.len() <= INLINE {
            Id::from(text.as_str())
        } else {
            Id(Repr::Heap(text.into_boxed_str()))
        }
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for Id {}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bytes().cmp(other.bytes())
    }
}

impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As `str` hashes.
        state.write(self.bytes());
        state.write_u8(0xff);
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Id;

    #[test]
    fn ids_of_every_length_read_back_and_compare_as_their_text() {
        let texts: Vec<String> = (0..40)
            .map(|n| "é".repeat(n / 2) + &"x".repeat(n % 2))
            .collect();
        for a in &texts {
            assert_eq!(Id::from(a.as_str()).as_str(), a);
            assert_eq!(Id::from(a.clone()).as_str(), a);
            for b in &texts {
                assert_eq!(Id::from(a.as_str()).cmp(&Id::from(b.as_str())), a.cmp(b));
            }
        }
    }
}
