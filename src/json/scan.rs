//! Reading big lists straight from JSON text, without a parse tree.
//!
//! A customer's history is mostly two lists (orders, activity records) of small objects, of
//! which the rules need a few fields. [`split`] parses the root object but leaves the arrays
//! under the given keys as text; a [`Scan`] then walks such an array once, handing over only
//! the values a reader asks for ([`Scan::scalar`]) and skipping every other one without
//! building it ([`Scan::skip`]). Strings, numbers and literals are read by the general
//! parser's own functions, so a value reads the same either way.
//!
//! Nothing here reports errors: the text is accepted exactly when [`super::value_from_text`]
//! accepts it (syntax, nesting depth, array length), and anything the fast path does not
//! handle is `None`. The caller then reads the whole text with the general parser and its
//! readers, which report the error (or the unusual value) the usual way: results and errors
//! stay those of the tree path.

use super::node::{dedupe_keys, Node};
use super::parse::Parser;
use super::{check_input_size, Path, Segment, MAX_DEPTH};
use crate::limits;
use std::borrow::Cow;

/// A root object read by [`split`].
pub struct Split<'t> {
    /// The root's other entries, parsed (each key once, the last one kept, as usual).
    pub rest: Node<'t>,
    /// For each key asked for, the text of its array (`None` when absent or not an array:
    /// then it is in `rest`).
    pub lists: Vec<Option<&'t str>>,
}

/// Parses the JSON object `text` but leaves the arrays under `lists` unparsed (found by a quick
/// scan for the closing bracket; [`Scan`] checks them when they are read). `None` when the
/// text is not a valid JSON object or a key of `lists` occurs twice.
///
/// ```
/// let s = impactkit::json::scan::split(r#"{"orders": [1, {"a": "]"}], "tz": "UTC"}"#, &["orders"]).unwrap();
/// assert_eq!(s.lists, [Some(r#"[1, {"a": "]"}]"#)]);
/// assert_eq!(s.rest.get("tz").and_then(|t| t.as_str()), Some("UTC"));
/// assert!(impactkit::json::scan::split(r#"{"orders": [], "orders": []}"#, &["orders"]).is_none());
/// ```
pub fn split<'t>(text: &'t str, lists: &[&str]) -> Option<Split<'t>> {
    check_input_size(text.len()).ok()?;
    let mut p = Parser::new(text);
    let mut spans = vec![None; lists.len()];
    let mut entries = Vec::new();
    p.skip_whitespace();
    expect(&mut p, b'{')?;
    p.skip_whitespace();
    if !eat(&mut p, b'}') {
        loop {
            let key = key(&mut p)?;
            match lists.iter().position(|l| *l == key) {
                Some(i) if p.peek() == Some(b'[') => {
                    let start = p.pos;
                    p.pos = array_end(p.bytes(), start)?;
                    if spans.get_mut(i)?.replace(p.slice_from(start)).is_some() {
                        return None;
                    }
                }
                _ => {
                    let root = Path::root();
                    let path = Path {
                        parent: Some(&root),
                        segment: Segment::Key(&key),
                    };
                    let value = p.value(&path, 1).ok()?;
                    entries.push((key, value));
                }
            }
            if !next(&mut p, b'}')? {
                break;
            }
        }
    }
    p.skip_whitespace();
    if p.pos < p.bytes().len() {
        return None;
    }
    dedupe_keys(&mut entries);
    let listed = |k: &str| lists.iter().position(|l| *l == k);
    if entries
        .iter()
        .any(|(k, _)| listed(k).is_some_and(|i| matches!(spans.get(i), Some(Some(_)))))
    {
        return None; // the key twice, once not as an array
    }
    Some(Split {
        rest: Node::Object(entries),
        lists: spans,
    })
}

/// What [`Scan`] and [`split`] need of the parser beyond what it reads itself.
impl<'t> Parser<'t> {
    /// The whole text's bytes.
    fn bytes(&self) -> &'t [u8] {
        self.bytes
    }

    /// The text from byte `start` to where the parser is.
    fn slice_from(&self, start: usize) -> &'t str {
        self.text.get(start..self.pos).unwrap_or_default()
    }

    /// A string without escapes or control characters starting at the opening quote, read
    /// up to its closing quote; `None` (nothing read) for any other.
    #[inline]
    fn plain_string(&mut self) -> Option<&'t str> {
        let rest = self.bytes.get(self.pos + 1..)?;
        let n = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        if rest.get(n) != Some(&b'"') {
            return None;
        }
        let s = self.text.get(self.pos + 1..self.pos + 1 + n)?;
        self.pos += n + 2;
        Some(s)
    }
}

/// Consumes `b` if it comes next.
#[inline]
fn eat(p: &mut Parser<'_>, b: u8) -> bool {
    let found = p.peek() == Some(b);
    if found {
        p.pos += 1;
    }
    found
}

#[inline]
fn expect(p: &mut Parser<'_>, b: u8) -> Option<()> {
    eat(p, b).then_some(())
}

/// An object key and its `:` (whitespace after it skipped).
#[inline]
fn key<'t>(p: &mut Parser<'t>) -> Option<Cow<'t, str>> {
    if p.peek() != Some(b'"') {
        return None;
    }
    let key = match p.plain_string() {
        Some(key) => Cow::Borrowed(key),
        None => p.string(&Path::root()).ok()?,
    };
    p.skip_whitespace();
    expect(p, b':')?;
    p.skip_whitespace();
    Some(key)
}

/// After a value: `,` (then `Some(true)`: more follow) or `close` (`Some(false)`).
#[inline]
fn next(p: &mut Parser<'_>, close: u8) -> Option<bool> {
    p.skip_whitespace();
    if eat(p, b',') {
        p.skip_whitespace();
        return Some(true);
    }
    expect(p, close)?;
    Some(false)
}

/// Where the array or object starting at `start` ends: brackets counted outside strings
/// (its syntax is checked when it is read).
fn array_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            b'"' => i = string_end(bytes, i)?,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The position after the closing quote of the string whose text starts at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    loop {
        let n = bytes
            .get(i..)?
            .iter()
            .position(|&b| b == b'"' || b == b'\\')?;
        i += n;
        if bytes.get(i) == Some(&b'"') {
            return Some(i + 1);
        }
        i += 2; // a backslash and the byte it escapes
    }
}

/// A reader over one JSON value's text that skips what it is not asked for.
///
/// ```
/// use impactkit::json::scan::Scan;
/// let mut ids = Vec::new();
/// let mut s = Scan::new(r#"[{"id": 1, "junk": [{"x": "\""}]}, {"id": 2}]"#);
/// s.array(1, &mut |s| s.object(2, &mut |s, key| match key {
///     "id" => s.scalar().map(|v| ids.push(v.as_f64())),
///     _ => s.skip(3),
/// })).unwrap();
/// assert!(s.finish());
/// assert_eq!(ids, [Some(1.0), Some(2.0)]);
/// ```
pub struct Scan<'t> {
    p: Parser<'t>,
}

impl<'t> Scan<'t> {
    /// A scanner at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Scan {
            p: Parser::new(text),
        }
    }

    /// Whether only whitespace is left.
    pub fn finish(mut self) -> bool {
        self.p.skip_whitespace();
        self.p.pos == self.p.bytes().len()
    }

    /// Reads an array at nesting `depth` (the root is 0): `item` reads each item (its value
    /// comes next). `None` for anything but an array, or one longer than
    /// [`limits::MAX_ARRAY_LEN`] or nested too deep.
    pub fn array(
        &mut self,
        depth: usize,
        item: &mut dyn FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        self.p.skip_whitespace();
        if depth >= MAX_DEPTH {
            return None;
        }
        expect(&mut self.p, b'[')?;
        self.p.skip_whitespace();
        if eat(&mut self.p, b']') {
            return Some(());
        }
        let mut count = 0usize;
        loop {
            count += 1;
            if count > limits::MAX_ARRAY_LEN {
                return None;
            }
            item(self)?;
            if !next(&mut self.p, b']')? {
                return Some(());
            }
        }
    }

    /// Reads an object at nesting `depth`: `entry` reads each entry's value, given its key
    /// (escapes decoded; a repeated key is the caller's to notice).
    pub fn object(
        &mut self,
        depth: usize,
        entry: &mut dyn FnMut(&mut Self, &str) -> Option<()>,
    ) -> Option<()> {
        self.p.skip_whitespace();
        if depth >= MAX_DEPTH {
            return None;
        }
        expect(&mut self.p, b'{')?;
        self.p.skip_whitespace();
        if eat(&mut self.p, b'}') {
            return Some(());
        }
        loop {
            let key = key(&mut self.p)?;
            entry(self, &key)?;
            if !next(&mut self.p, b'}')? {
                return Some(());
            }
        }
    }

    /// A string, number, `true`, `false` or `null`, read as the parser reads it; `None` for
    /// an array or object.
    pub fn scalar(&mut self) -> Option<Node<'t>> {
        self.p.skip_whitespace();
        match self.p.peek()? {
            b'[' | b'{' => None,
            b'"' => match self.p.plain_string() {
                Some(s) => Some(Node::String(Cow::Borrowed(s))),
                None => self.p.string(&Path::root()).ok().map(Node::String),
            },
            _ => self.p.value(&Path::root(), 0).ok(),
        }
    }

    /// [`Scan::scalar`] and the text it was read from (a number as written).
    pub fn scalar_text(&mut self) -> Option<(Node<'t>, &'t str)> {
        self.p.skip_whitespace();
        let start = self.p.pos;
        let value = self.scalar()?;
        Some((value, self.p.slice_from(start)))
    }

    /// Skips a value at nesting `depth` without building it.
    pub fn skip(&mut self, depth: usize) -> Option<()> {
        self.p.skip_whitespace();
        match self.p.peek()? {
            b'[' => self.array(depth, &mut |s| s.skip(depth + 1)),
            b'{' => self.object(depth, &mut |s, _| s.skip(depth + 1)),
            _ => self.scalar().map(drop),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn skips(text: &str) -> bool {
        let mut s = Scan::new(text);
        s.skip(0).is_some() && s.finish()
    }

    #[test]
    fn skipping_accepts_exactly_what_the_parser_accepts() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        for text in [
            "[]",
            " {\"a\\u0041\": [1, -0.5e3, \"x\\\"\\\\\", true, null, {}]} ",
            "[1,]",
            "{\"a\" 1}",
            "[01]",
            "[1e400]",
            "\"\\x\"",
            "[\"\u{1}\"]",
            "[] x",
            "{\"a\": 1,}",
            &deep(64),
            &deep(65),
        ] {
            assert_eq!(
                skips(text),
                super::super::value_from_text(text).is_ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn split_leaves_the_lists_as_text_and_parses_the_rest() {
        let text = r#" {"a": [1, "]"], "b": {"c": [2]}, "a2": null, "b": 3} "#;
        let s = split(text, &["a", "a2"]).unwrap();
        assert_eq!(s.lists, [Some(r#"[1, "]"]"#), None]);
        assert_eq!(
            s.rest,
            Node::Object(vec![
                ("a2".into(), Node::Null),
                ("b".into(), Node::Number(super::super::Number::Unsigned(3)))
            ])
        );
        // (An array's own syntax is checked by the `Scan` that reads it.)
        for bad in [
            r#"{"a": [1"#,
            r#"{"a": [], "a": null}"#,
            "[1]",
            r#"{"a": []} x"#,
        ] {
            assert!(split(bad, &["a"]).is_none(), "{bad}");
        }
    }
}
