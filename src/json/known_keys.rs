//! Object keys a reader knows, matched where they stand in the text.
//!
//! A list of 100,000 orders repeats the same seven keys 100,000 times, mostly in the same
//! order. [`super::scan::Scan::fields`] compares the text after a key's opening quote with the
//! keys the reader knows (the one after the previous key first) instead of searching for the
//! closing quote, slicing the key out and matching it: the 16 bytes after the quote are loaded
//! as two words once, and each key (with its closing quote) is two masked comparisons. A key
//! the reader does not know is read the general way, so the object reads the same either way.

use super::parse::Parser;

/// The longest key matched in words (with its closing quote: 16 bytes); longer ones are
/// compared as slices.
const WORD_KEY: usize = 15;

/// A reader's keys, each with its text and closing quote as two little-endian words and masks.
///
/// ```
/// use impactkit::json::scan::Keys;
/// const KEYS: Keys<2> = Keys::new(["at", "baselineCo2Kg"]);
/// assert_eq!((KEYS.find(br#"at": 1, "#), KEYS.find(br#"baselineCo2Kg": 1, "x": 2"#)), (Some(0), Some(1)));
/// assert_eq!((KEYS.find(br#"ate": 1, "x": 2, "#), KEYS.find(br#"at"#)), (None, None));
/// ```
pub struct Keys<const N: usize> {
    names: [&'static str; N],
    words: [[u64; 2]; N],
    masks: [[u64; 2]; N],
}

impl<const N: usize> Keys<N> {
    /// The keys `names` (none with a quote or a backslash: a compile-time error).
    // Evaluated at compile time (each `Keys` is a `const`), where an index out of bounds is a
    // compile error, not a panic; `get` is not yet callable in a `const fn`.
    #[allow(clippy::indexing_slicing)]
    pub const fn new(names: [&'static str; N]) -> Self {
        let mut words = [[0; 2]; N];
        let mut masks = [[0; 2]; N];
        let mut k = 0;
        while k < N {
            let name = names[k].as_bytes();
            let mut j = 0;
            while j <= name.len() && j <= WORD_KEY {
                let byte = if j < name.len() { name[j] } else { b'"' };
                assert!(j == name.len() || (byte != b'"' && byte != b'\\'));
                words[k][j / 8] |= (byte as u64) << (8 * (j % 8));
                masks[k][j / 8] |= 0xff << (8 * (j % 8));
                j += 1;
            }
            k += 1;
        }
        Keys {
            names,
            words,
            masks,
        }
    }

    /// The key `text` starts with (its name and closing quote), `guess` tried first.
    #[inline]
    fn find_from(&self, text: &[u8], guess: usize) -> Option<usize> {
        let Some(head) = text.get(..16) else {
            return self.names.iter().position(|n| starts_with_key(text, n));
        };
        let word = |i: usize| head.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok());
        let (a, b) = (u64::from_le_bytes(word(0)?), u64::from_le_bytes(word(8)?));
        let is = |k: usize| match (self.words.get(k), self.masks.get(k), self.names.get(k)) {
            (Some(w), Some(m), Some(name)) if name.len() <= WORD_KEY => {
                a & m[0] == w[0] && b & m[1] == w[1]
            }
            (_, _, Some(name)) => starts_with_key(text, name),
            _ => false,
        };
        if is(guess) {
            return Some(guess);
        }
        (0..N).find(|&k| is(k))
    }

    /// The key `text` starts with (its name and closing quote).
    pub fn find(&self, text: &[u8]) -> Option<usize> {
        self.find_from(text, 0)
    }

    /// The `i`-th key's name.
    fn name(&self, i: usize) -> &'static str {
        self.names.get(i).copied().unwrap_or_default()
    }
}

/// Whether `text` starts with `key` and its closing quote. `key` holds no quote or backslash,
/// so the key in the text is then exactly `key`.
///
/// ```
/// use impactkit::json::scan::starts_with_key;
/// assert!(starts_with_key(br#"placedAt": 1"#, "placedAt") && starts_with_key(br#"at":"#, "at"));
/// assert!(!starts_with_key(br#"placedAtX": 1"#, "placedAt") && !starts_with_key(br#"at"#, "at"));
/// ```
pub fn starts_with_key(text: &[u8], key: &str) -> bool {
    text.get(key.len()) == Some(&b'"') && text.get(..key.len()) == Some(key.as_bytes())
}

impl Parser<'_> {
    /// At an object key (its opening quote next): which of `keys` it is, `guess` tried first,
    /// with the key and its `:` consumed (whitespace around skipped). `Some(None)` for a plain
    /// key not among them (consumed too); `None` for a key with escapes or no `:` after it.
    #[inline]
    pub(super) fn known_key<const N: usize>(
        &mut self,
        keys: &Keys<N>,
        guess: usize,
    ) -> Option<Option<usize>> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let text = self.bytes.get(self.pos + 1..).unwrap_or_default();
        let Some(i) = keys.find_from(text, guess) else {
            self.plain_key()?;
            return Some(None);
        };
        self.pos += keys.name(i).len() + 2;
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return None;
        }
        self.pos += 1;
        self.skip_whitespace();
        Some(Some(i))
    }
}
