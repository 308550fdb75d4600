//! JSON text (RFC 8259) → [`Node`], written for this crate's limits.
//!
//! One pass over the bytes, no serde visitor in between: keys and strings
//! without escapes are borrowed from the input, numbers are read exactly
//! rounded by [`crate::numbers::parse_f64`], and the path of the
//! value being read is a chain of stack frames ([`Path`]), so an error says
//! where it happened (`$.activity[41].date`) without any bookkeeping on the
//! happy path. Nesting deeper than [`MAX_DEPTH`] and arrays longer than
//! [`limits::MAX_ARRAY_LEN`] are `too_large`; syntax errors are
//! `invalid_json` with line and column.

use super::node::{dedupe_keys, Node, Number};
use super::{Path, Segment, MAX_DEPTH};
use crate::error::{Error, ErrorCode, Message, Result};
use crate::limits;
use std::borrow::Cow;

/// Parses one JSON document; text after it (other than whitespace) is an error.
pub(super) fn parse(text: &str) -> Result<Node<'_>> {
    let mut parser = Parser::new(text);
    let root = Path::root();
    parser.skip_whitespace();
    let value = parser.value(&root, 0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.syntax(&root, "unexpected text after the JSON value"));
    }
    Ok(value)
}

/// The parser's state: the text and how far it has read (shared with [`super::scan`], which
/// reads strings, numbers and the values it does not skip with these same functions).
pub(super) struct Parser<'t> {
    pub(super) text: &'t str,
    pub(super) bytes: &'t [u8],
    pub(super) pos: usize,
}

impl<'t> Parser<'t> {
    /// A parser at the start of `text`.
    pub(super) fn new(text: &'t str) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The unread bytes.
    fn rest(&self) -> &'t [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    /// Advances past the bytes matching `keep` (a slice scan the compiler turns into a tight loop).
    pub(super) fn skip_while(&mut self, keep: impl Fn(u8) -> bool) -> usize {
        let n = self
            .rest()
            .iter()
            .position(|&b| !keep(b))
            .unwrap_or(self.rest().len());
        self.pos += n;
        n
    }

    pub(super) fn skip_whitespace(&mut self) {
        let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        // Most tokens follow one another directly (`JSON.stringify` writes no spaces).
        if self.peek().is_some_and(space) {
            self.skip_while(space);
        }
    }

    /// An `invalid_json` error at the current position.
    #[inline(never)]
    fn syntax(&self, path: &Path<'_>, what: &str) -> Error {
        let before = self.bytes.get(..self.pos).unwrap_or(self.bytes);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = 1 + self
            .text
            .get(line_start..self.pos)
            .map_or(0, |s| s.chars().count());
        Error::new(
            ErrorCode::InvalidJson,
            path.render(),
            Message::new(what)
                .text(" at line ")
                .int(line as i128)
                .text(" column ")
                .int(column as i128),
        )
    }

    pub(super) fn value(&mut self, path: &Path<'_>, depth: usize) -> Result<Node<'t>> {
        match self.peek() {
            Some(b'{') => self.object(path, depth),
            Some(b'[') => self.array(path, depth),
            Some(b'"') => self.string(path).map(Node::String),
            Some(b'-' | b'0'..=b'9') => self.number(path),
            Some(b't') => self.literal(path, "true", Node::Bool(true)),
            Some(b'f') => self.literal(path, "false", Node::Bool(false)),
            Some(b'n') => self.literal(path, "null", Node::Null),
            Some(_) => Err(self.syntax(path, "expected a JSON value")),
            None => Err(self.syntax(path, "EOF while parsing a value")),
        }
    }

    pub(super) fn literal(
        &mut self,
        path: &Path<'_>,
        word: &str,
        value: Node<'t>,
    ) -> Result<Node<'t>> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.syntax(path, "expected a JSON value"))
        }
    }

    fn nest(&self, path: &Path<'_>, depth: usize) -> Result<()> {
        if depth >= MAX_DEPTH {
            return Err(Error::new(
                ErrorCode::TooLarge,
                path.render(),
                "nesting is deeper than 64 levels",
            ));
        }
        Ok(())
    }

    fn array(&mut self, path: &Path<'_>, depth: usize) -> Result<Node<'t>> {
        self.nest(path, depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node::Array(items));
        }
        loop {
            let len = items.len();
            if len >= limits::MAX_ARRAY_LEN {
                return Err(Error::new(
                    ErrorCode::TooLarge,
                    path.render(),
                    "array is longer than the 1,000,000-item limit",
                ));
            }
            let item_path = Path {
                parent: Some(path),
                segment: Segment::Index(len),
            };
            items.push(self.value(&item_path, depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_whitespace();
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node::Array(items));
                }
                Some(_) => return Err(self.syntax(path, "expected `,` or `]`")),
                None => return Err(self.syntax(path, "EOF while parsing a list")),
            }
        }
    }

    fn object(&mut self, path: &Path<'_>, depth: usize) -> Result<Node<'t>> {
        self.nest(path, depth)?;
        self.pos += 1; // '{'
        let mut object = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Node::Object(Vec::new()));
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                Some(_) => return Err(self.syntax(path, "expected a string key")),
                None => return Err(self.syntax(path, "EOF while parsing an object")),
            }
            let key = self.string(path)?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.syntax(path, "expected `:`"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = {
                let value_path = Path {
                    parent: Some(path),
                    segment: Segment::Key(&key),
                };
                self.value(&value_path, depth + 1)?
            };
            object.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_whitespace();
                }
                Some(b'}') => {
                    self.pos += 1;
                    // A repeated key keeps its last value, as JSON.parse does.
                    dedupe_keys(&mut object);
                    return Ok(Node::Object(object));
                }
                Some(_) => return Err(self.syntax(path, "expected `,` or `}`")),
                None => return Err(self.syntax(path, "EOF while parsing an object")),
            }
        }
    }

    /// A string starting at the opening quote.
    pub(super) fn string(&mut self, path: &Path<'_>) -> Result<Cow<'t, str>> {
        self.pos += 1; // '"'
        let start = self.pos;
        let plain = |b: u8| b != b'"' && b != b'\\' && b >= 0x20;
        // Fast path: no escapes, borrowed as one slice.
        if crate::FAST_PATHS {
            self.skip_plain_words();
        }
        self.skip_while(plain);
        if self.peek() == Some(b'"') {
            let s = self.text.get(start..self.pos).unwrap_or_default();
            self.pos += 1;
            return Ok(Cow::Borrowed(s));
        }
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or_default());
        loop {
            let run_start = self.pos;
            self.skip_while(plain);
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(path, &mut out)?;
                }
                Some(_) => return Err(self.syntax(path, "control character in a string")),
                None => return Err(self.syntax(path, "EOF while parsing a string")),
            }
        }
    }

    /// Advances to the first `"`, `\\` or control character, testing 8 bytes at a time, or to
    /// the last few bytes of the text (fewer than 8), which are left to the byte loop.
    pub(super) fn skip_plain_words(&mut self) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        // A high bit for each byte of `x` below `n` (exact for the first one; bytes ≥ 0x80 never).
        let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS;
        while let Some(word) = self
            .bytes
            .get(self.pos..self.pos + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let x = u64::from_le_bytes(word);
            let special = below(x ^ (ONES * u64::from(b'"')), 1)
                | below(x ^ (ONES * u64::from(b'\\')), 1)
                | below(x, 0x20);
            if special != 0 {
                // The lowest flag is exact: the first special byte (little-endian: lowest first).
                self.pos += (special.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self, path: &Path<'_>, out: &mut String) -> Result<()> {
        let Some(b) = self.peek() else {
            return Err(self.syntax(path, "EOF while parsing a string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4(path)?;
                // A lone surrogate (JSON.stringify writes one for a broken JS string) becomes
                // U+FFFD, as TextEncoder does, instead of failing the whole input.
                let code = match first {
                    0xD800..=0xDBFF => {
                        let mark = self.pos;
                        let low = if self.bytes.get(mark..mark + 2) == Some(b"\\u") {
                            self.pos += 2;
                            Some(self.hex4(path)?).filter(|c| (0xDC00..=0xDFFF).contains(c))
                        } else {
                            None
                        };
                        match low {
                            Some(low) => 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00),
                            None => {
                                self.pos = mark; // the next escape is read on its own
                                0xFFFD
                            }
                        }
                    }
                    0xDC00..=0xDFFF => 0xFFFD,
                    _ => first,
                };
                char::from_u32(code).ok_or_else(|| self.syntax(path, "invalid unicode escape"))?
            }
            _ => return Err(self.syntax(path, "invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self, path: &Path<'_>) -> Result<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.syntax(path, "invalid \\u escape"))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> usize {
        self.skip_while(|b| b.is_ascii_digit())
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. Whole numbers that
    /// fit stay integers (`u64`, or `i64` when negative), like serde_json's own parser.
    pub(super) fn number(&mut self, path: &Path<'_>) -> Result<Node<'t>> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.syntax(path, "invalid number: leading zero"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.syntax(path, "invalid number")),
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            whole = false;
            if self.digits() == 0 {
                return Err(self.syntax(path, "invalid number: digits expected after `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax(path, "invalid number: digits expected in the exponent"));
            }
        }
        let text = self.text.get(start..self.pos).unwrap_or_default();
        if whole {
            if let Some(n) = integer(text, negative) {
                return Ok(Node::Number(n));
            }
        }
        let x = crate::numbers::parse_f64(text);
        if x.is_finite() {
            return Ok(Node::Number(Number::Float(x)));
        }
        // Like ±Infinity handed over from JS: not a finite number.
        Err(Error::new(
            ErrorCode::InvalidNumber,
            path.render(),
            Message::new("number is not finite (")
                .text(&crate::error::truncate(text))
                .text(" overflows a double)"),
        ))
    }
}

/// A whole number's text as an integer when it fits (`u64`, or `i64` when
/// negative); `-0` stays a float (-0.0), as in serde_json.
fn integer(text: &str, negative: bool) -> Option<Number> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut magnitude: u64 = 0;
    for b in digits.bytes() {
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(u64::from(b.wrapping_sub(b'0')))?;
    }
    if !negative {
        Some(Number::Unsigned(magnitude))
    } else if magnitude == 0 || magnitude > 1 << 63 {
        None
    } else {
        Some(Number::Negative(0i64.wrapping_sub_unsigned(magnitude)))
    }
}
