//! A language's message table packed into one run of bytes: its texts in a fixed order, each
//! ended by U+001F (never in a message).
//!
//! A table written as a `const` struct of `&'static str` fields is, in the wasm, one (pointer,
//! length) pair per text: eight bytes each that gzip cannot shrink (the badge hints: 104 texts in
//! six languages). The tables stay written as structs, checked by the compiler; a `const fn` of
//! the table lists its texts ([`pack`] joins them at compile time, so only the joined bytes reach
//! the binary), and the table is rebuilt from them when a message is composed ([`Unpacker`]).
//! Each table's round trip is tested (`unpack(pack(table)) == table`), so the two listings cannot
//! drift apart.

use super::plural::Forms;

/// What ends each text of a packed table.
pub const TEXT_END: char = '\u{1f}';

/// The length of `texts` packed: every text and its end mark.
///
/// ```
/// assert_eq!(impactkit::locale::packed::packed_len(&["ab", "", "c"]), 6);
/// ```
// Compile-time code (its callers are `const`s): an index out of range is a build error.
#[allow(clippy::indexing_slicing)]
pub const fn packed_len(texts: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < texts.len() {
        len += texts[i].len() + 1;
        i += 1;
    }
    len
}

/// `texts` packed, each followed by [`TEXT_END`]; `N` is [`packed_len`] of them (a compile-time
/// error otherwise, when used in a `const`).
///
/// ```
/// use impactkit::locale::packed::{pack, packed_len, packed_text, Unpacker};
/// const TEXTS: &[&str] = &["{n} day", "{n} days"];
/// const PACKED: [u8; packed_len(TEXTS)] = pack(TEXTS);
/// let mut texts = Unpacker::new(packed_text(&PACKED));
/// assert_eq!((texts.next_text(), texts.next_text(), texts.next_text()), ("{n} day", "{n} days", ""));
/// ```
// Compile-time code (its callers are `const`s): an index out of range is a build error.
#[allow(clippy::indexing_slicing)]
pub const fn pack<const N: usize>(texts: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < texts.len() {
        let bytes = texts[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            assert!(
                bytes[j] != TEXT_END as u8,
                "a text holds the end mark U+001F"
            );
            out[at] = bytes[j];
            at += 1;
            j += 1;
        }
        out[at] = TEXT_END as u8;
        at += 1;
        i += 1;
    }
    assert!(at == N, "N is not the packed length of the texts");
    out
}

/// `packed` ([`pack`]'s bytes) as text, checked at compile time (a `const` of [`crate::packed_tables!`]).
pub const fn packed_text(packed: &'static [u8]) -> &'static str {
    match std::str::from_utf8(packed) {
        Ok(text) => text,
        Err(_) => panic!("a packed table is not UTF-8"),
    }
}

/// The texts of a packed table, in order: what is left of it.
pub struct Unpacker(&'static str);

impl Unpacker {
    /// Reads the table `packed` ([`packed_text`] of [`pack`]'s bytes: whole texts, each ended by
    /// the ASCII mark [`TEXT_END`]).
    pub fn new(packed: &'static str) -> Unpacker {
        Unpacker(packed)
    }

    /// The next text (empty past the last).
    // Not inlined: a table's rebuild is then one call per text (at opt-level 3, the badge
    // hints' 104 inlined splits were 12 KB of the full build). A byte search: the mark is ASCII.
    #[inline(never)]
    pub fn next_text(&mut self) -> &'static str {
        let (text, rest) = crate::text::split_at_byte(self.0, TEXT_END as u8);
        self.0 = rest;
        text
    }

    /// The next `N` texts.
    pub fn next_texts<const N: usize>(&mut self) -> [&'static str; N] {
        std::array::from_fn(|_| self.next_text())
    }

    /// The next text, a plural table.
    pub fn next_forms(&mut self) -> Forms {
        Forms(self.next_text())
    }

    /// The next `N` texts, plural tables.
    pub fn next_forms_list<const N: usize>(&mut self) -> [Forms; N] {
        std::array::from_fn(|_| self.next_forms())
    }
}

/// Asserts that each of the six `tables` comes back whole from its `packed` bytes: `unpack` reads
/// the fields in the order the table's `texts` listed them (each packed table's test).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn assert_round_trips<W: PartialEq + std::fmt::Debug>(
    tables: [&W; 6],
    packed: [&'static str; 6],
    unpack: fn(&mut Unpacker) -> W,
) {
    for (table, bytes) in tables.into_iter().zip(packed) {
        assert_eq!(unpack(&mut Unpacker::new(bytes)), *table);
    }
}

/// The packed tables (`[&[u8]; N]`, in a `const`) of the tables `[$table, ..]` (`const`s of one
/// type), whose texts the `const fn` `$texts` lists (`[&'static str; $count]`).
///
/// ```
/// struct Words { yes: &'static str, no: &'static str }
/// const fn texts(w: &Words) -> [&'static str; 2] { [w.yes, w.no] }
/// const EN: Words = Words { yes: "yes", no: "no" };
/// const DE: Words = Words { yes: "ja", no: "nein" };
/// const PACKED: [&str; 2] = impactkit::packed_tables!(texts, 2, [EN, DE]);
/// assert_eq!(PACKED[1], "ja\u{1f}nein\u{1f}");
/// ```
#[macro_export]
macro_rules! packed_tables {
    ($texts:path, $count:expr, [$($table:path),+ $(,)?]) => {
        [$({
            const TABLE_TEXTS: [&str; $count] = $texts(&$table);
            const TABLE_BYTES: [u8; $crate::locale::packed::packed_len(&TABLE_TEXTS)] =
                $crate::locale::packed::pack(&TABLE_TEXTS);
            $crate::locale::packed::packed_text(&TABLE_BYTES)
        }),+]
    };
}
