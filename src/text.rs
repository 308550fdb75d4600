//! Searches of text for an ASCII mark, byte by byte: what `str::find(char)`, `split_once(char)`
//! and `split(char)` do for any char, without std's char searcher (its UTF-8 encoding and
//! `memchr`: ~0.35 KB gzip of each module built for size, docs/modules.md).

/// The text before the first `mark` and the text after it, or `None` without one. `mark` is
/// ASCII, so both sides are whole characters.
///
/// ```
/// use impactkit::text::split_once_byte;
/// assert_eq!(split_once_byte("12.50", b'.'), Some(("12", "50")));
/// assert_eq!(split_once_byte("größe", b'.'), None);
/// ```
pub fn split_once_byte(text: &str, mark: u8) -> Option<(&str, &str)> {
    debug_assert!(mark.is_ascii());
    let at = text.bytes().position(|b| b == mark)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
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
