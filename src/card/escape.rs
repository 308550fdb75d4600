//! XML escaping: the only way user text reaches a card.
//!
//! Every text node and attribute value of a card goes through [`push_text`]
//! or [`push_attr`]. Besides `&`, `<`, `>`, `"` and `'`, they drop what XML 1.0
//! cannot hold (control characters, U+FFFE/U+FFFF) and the caller's own bidi
//! controls (the card adds its own isolates), and turn line breaks into spaces.

/// Whether `c` may appear in a card's text: XML 1.0 `Char`, minus controls and
/// explicit bidi overrides (U+202A–U+202E, U+2066–U+2069).
///
/// ```
/// use impactkit::card::escape::allowed;
/// assert!(allowed('a') && allowed('🌱'));
/// assert!(!allowed('\u{0}') && !allowed('\u{202E}') && !allowed('\u{FFFF}'));
/// ```
pub fn allowed(c: char) -> bool {
    !matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Appends `s` escaped for a text node.
///
/// ```
/// let mut out = String::new();
/// impactkit::card::escape::push_text(&mut out, "</text><script>alert(1)</script>");
/// assert_eq!(out, "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
/// ```
pub fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// Appends `s` escaped for a double- or single-quoted attribute value.
///
/// ```
/// let mut out = String::new();
/// impactkit::card::escape::push_attr(&mut out, r#""><svg onload=alert(1)>"#);
/// assert_eq!(out, "&quot;&gt;&lt;svg onload=alert(1)&gt;");
/// ```
pub fn push_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => push_text(out, c.encode_utf8(&mut [0; 4])),
        }
    }
}

/// `s` with only the characters [`allowed`] in a card, line breaks as spaces,
/// and runs of whitespace collapsed, trimmed (not yet escaped).
///
/// ```
/// assert_eq!(impactkit::card::escape::clean("  Alex\n\u{202E}Green  "), "Alex Green");
/// ```
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if allowed(c) {
            out.push(c);
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}
