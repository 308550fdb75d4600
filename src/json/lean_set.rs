//! [`LeanSet`]: the set of ids of the modules built for size (features `lean`, `lean-numbers`).
//!
//! std's `HashSet` brings hashbrown and SipHash, and `BTreeSet` its node code (−1.4 KB gzip of
//! `impactkit/badges` against `BTreeSet`, docs/modules.md); a set of ids only ever inserts,
//! asks and counts, so these modules hold this one: open addressing over a table of indices
//! into the ids in insertion order, hashed with FNV-1a, at most half full. O(1) per id expected,
//! as with a hash set (the ids are the shop's own, as in the full build's fixed-seed hash).

/// A key a [`LeanSet`] can hold: text.
pub trait SetKey {
    /// The key's text.
    fn key(&self) -> &str;
}

impl SetKey for String {
    fn key(&self) -> &str {
        self
    }
}

impl SetKey for &str {
    fn key(&self) -> &str {
        self
    }
}

impl SetKey for &super::Id {
    fn key(&self) -> &str {
        self.as_str()
    }
}

/// A set of text keys: insert, ask, count.
///
/// ```
/// let mut set = impactkit::json::LeanSet::default();
/// assert!(set.insert("a") && set.insert("b") && !set.insert("a"));
/// assert!(set.contains("b") && !set.contains("c") && set.len() == 2);
/// ```
#[derive(Debug, Clone)]
pub struct LeanSet<T> {
    /// The keys, in insertion order.
    keys: Vec<T>,
    /// A power of two of slots (or none yet): 0 is empty, `i + 1` holds `keys[i]`.
    slots: Vec<u32>,
}

impl<T> Default for LeanSet<T> {
    fn default() -> Self {
        LeanSet {
            keys: Vec::new(),
            slots: Vec::new(),
        }
    }
}

/// FNV-1a of `text`.
fn hash(text: &str) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in text.as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h as usize
}

impl<T: SetKey> LeanSet<T> {
    /// How many keys the set holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether it holds `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Adds `key`; `false` when it was there already.
    pub fn insert(&mut self, key: T) -> bool {
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match self.find(key.key()) {
            Ok(_) => false,
            Err(slot) => {
                self.keys.push(key);
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = self.keys.len() as u32;
                }
                true
            }
        }
    }

    /// The slot holding `key` (`Ok`), or the empty slot where it belongs (`Err`; the table is
    /// never full, so there is one).
    fn find(&self, key: &str) -> Result<usize, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash(key) & mask;
        while let Some(&slot) = self.slots.get(at) {
            match slot.checked_sub(1) {
                None => return Err(at),
                Some(i) if self.keys.get(i as usize).map(SetKey::key) == Some(key) => {
                    return Ok(at)
                }
                Some(_) => at = (at + 1) & mask,
            }
        }
        Err(0)
    }

    /// Doubles the table (16 slots at first) and places every key again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![0; size];
        for i in 0..self.keys.len() {
            let at = self.keys.get(i).map(|k| self.find(k.key()));
            if let Some(Err(slot)) = at {
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = i as u32 + 1;
                }
            }
        }
    }
}

impl<T: SetKey> FromIterator<T> for LeanSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = LeanSet::default();
        for key in items {
            set.insert(key);
        }
        set
    }
}

/// Equal when they hold the same keys, in any order.
impl<T: SetKey> PartialEq for LeanSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.keys.iter().all(|k| other.contains(k.key()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Against std's set: 20,000 keys drawn from 3,000 (many repeats, colliding slots, growth).
    #[test]
    fn answers_as_a_std_set() {
        let mut lean: LeanSet<String> = LeanSet::default();
        let mut std_set = BTreeSet::new();
        let mut seed = 7u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let key = format!("c{}", (seed >> 33) % 3_000);
            assert_eq!(lean.contains(&key), std_set.contains(&key));
            assert_eq!(lean.insert(key.clone()), std_set.insert(key));
            assert_eq!(lean.len(), std_set.len());
        }
        assert!(std_set.iter().all(|k| lean.contains(k)));
        assert!(!lean.contains("c3000") && !lean.contains(""));
        let reversed: LeanSet<String> = std_set.iter().rev().cloned().collect();
        assert_eq!(reversed, lean);
        let mut more = reversed.clone();
        assert!(more.insert("other".into()));
        assert_ne!(more, lean);
    }

    #[test]
    fn an_empty_set_holds_nothing() {
        let set: LeanSet<&str> = LeanSet::default();
        assert!(set.is_empty() && !set.contains("") && !set.contains("a"));
    }
}
