//! Searches of text for an ASCII mark, byte by byte: what `str::find(char)`, `split_once(char)`
//! and `split(char)` do for any char, without std's char searcher (its UTF-8 encoding and
//! `memchr`: ~0.35 KB gzip of each module built for size, docs/modules.md). A mark that is not
//! ASCII is never found.

/// The text before the first `mark` and the text after it, or `None` without one. `mark` is
/// ASCII, so both sides are whole characters.
///
/// ```
/// use impactkit::text::split_once_byte;
/// assert_eq!(split_once_byte("12.50", b'.'), Some(("12", "50")));
/// assert_eq!(split_once_byte("größe", b'.'), None);
/// ```
pub fn split_once_byte(text: &str, mark: u8) -> Option<(&str, &str)> {
    let at = find_byte(text, mark)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// The byte index of the first `mark` in `text`, as `text.find(char)` gives it. A mark that is
/// not ASCII (a byte inside a multi-byte character) is never found.
///
/// ```
/// use impactkit::text::find_byte;
/// assert_eq!(find_byte("é<b>", b'<'), Some(2));
/// assert_eq!(find_byte("ab", b'<'), None);
/// assert_eq!(find_byte("é", 0xA9), None);
/// ```
pub fn find_byte(text: &str, mark: u8) -> Option<usize> {
    if !mark.is_ascii() {
        return None;
    }
    text.bytes().position(|b| b == mark)
}

/// Whether `text` holds any of the `marks`; marks that are not ASCII are never found.
///
/// ```
/// use impactkit::text::has_any_byte;
/// assert!(has_any_byte("rgb(1,2)", b"()"));
/// assert!(!has_any_byte("1 2 3", b"(),"));
/// assert!(!has_any_byte("é", &[0xC3, 0xA9]));
/// ```
pub fn has_any_byte(text: &str, marks: &[u8]) -> bool {
    text.bytes().any(|b| b.is_ascii() && marks.contains(&b))
}

/// The pieces of `text` between `mark`s (ASCII), as `text.split(char)` gives them: one more
/// than there are marks, empty ones included.
///
/// ```
/// use impactkit::text::pieces;
/// assert_eq!(pieces("a|b||c", b'|').collect::<Vec<_>>(), ["a", "b", "", "c"]);
/// assert_eq!(pieces("", b'|').collect::<Vec<_>>(), [""]);
/// ```
pub fn pieces(text: &str, mark: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match split_once_byte(current, mark) {
            Some((piece, after)) => {
                rest = Some(after);
                Some(piece)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// The text before the first `mark` (all of it without one) and the rest after the mark.
///
/// ```
/// use impactkit::text::split_at_byte;
/// assert_eq!(split_at_byte("a\u{1f}b\u{1f}", 0x1f), ("a", "b\u{1f}"));
/// assert_eq!(split_at_byte("a", 0x1f), ("a", ""));
/// ```
pub fn split_at_byte(text: &str, mark: u8) -> (&str, &str) {
    split_once_byte(text, mark).unwrap_or((text, ""))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Each byte search answers as std's char search does, on any text (ASCII marks among
        /// multi-byte characters included; the bytes of `é` as marks are not found, as `Ã` and `©`
        /// are not).
        #[test]
        fn byte_searches_answer_as_char_searches(text in "[a-c|é😀,()]{0,24}", mark in prop::sample::select(vec![b'|', b',', b'(', b'a', 0xC3, 0xA9])) {
            let c = char::from(mark);
            prop_assert_eq!(find_byte(&text, mark), text.find(c));
            prop_assert_eq!(split_once_byte(&text, mark), text.split_once(c));
            prop_assert_eq!(pieces(&text, mark).collect::<Vec<_>>(), text.split(c).collect::<Vec<_>>());
            prop_assert_eq!(has_any_byte(&text, b"()"), text.contains(['(', ')']));
            prop_assert_eq!(has_any_byte(&text, &[mark]), text.contains(c));
        }
    }
}
