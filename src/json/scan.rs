//! Reading big lists straight from JSON text, without a parse tree.
//!
//! A customer's history is mostly two lists (orders, activity records) of small objects, of
//! which the rules need a few fields. [`split`] parses the root object but hands the arrays
//! under the given keys to a reader where they stand; a [`Scan`] walks such an array once,
//! handing over only the values a reader asks for ([`Scan::scalar`]) and skipping every other
//! one ([`Scan::skip`]). Strings, numbers and literals are read by the general parser's own
//! functions, so a value reads the same either way. The walk is generic over the readers'
//! closures (no dynamic calls per value) and reads each byte once.
//!
//! Nothing here reports errors: the text is accepted exactly when [`super::value_from_text`]
//! accepts it (syntax, nesting depth, array length), and anything the fast path does not
//! handle (a key with escapes, a repeated list, a value a reader declines) is `None`. The caller
//! then reads the whole text with the general parser and its readers, which report the error
//! (or read the unusual value) the usual way: results and errors stay those of the tree path.

pub use super::known_keys::{starts_with_key, Keys};
use super::node::{dedupe_keys, Node};
use super::parse::Parser;
use super::{check_input_size, Path, Segment, MAX_DEPTH};
use crate::limits;
use std::borrow::Cow;

/// Parses the JSON object `text`, except the arrays under the keys of `lists`: for each,
/// `read(i, scan)` is called with the scanner at the array (`i` the key's index in `lists`;
/// the array is at nesting depth 1) and must read all of it. Returns the root's other entries
/// (each key once, the last one kept, as usual). `None` when the text is not a valid JSON
/// object, a key of `lists` occurs twice, a root key has escapes, or `read` declines.
///
/// ```
/// use impactkit::json::scan::split;
/// let mut sum = 0.0;
/// let rest = split(r#"{"orders": [1, 2.5], "tz": "UTC"}"#, &["orders"], |_, s| {
///     s.array(1, |s| s.scalar().and_then(|n| n.as_f64()).map(|x| sum += x))
/// }).unwrap();
/// assert_eq!((sum, rest.get("tz").and_then(|t| t.as_str())), (3.5, Some("UTC")));
/// assert!(split(r#"{"orders": [], "orders": []}"#, &["orders"], |_, s| s.skip(1)).is_none());
/// ```
pub fn split<'t>(
    text: &'t str,
    lists: &[&str],
    mut read: impl FnMut(usize, &mut Scan<'t>) -> Option<()>,
) -> Option<Node<'t>> {
    check_input_size(text.len()).ok()?;
    let mut scan = Scan::new(text);
    let mut entries = Vec::new();
    let mut seen = 0u64;
    scan.object(0, |s, key| {
        if let Some(i) = lists.iter().position(|l| *l == key) {
            first_time(&mut seen, i)?;
            if s.p.peek() == Some(b'[') {
                return read(i, s);
            }
        }
        let root = Path::root();
        let path = Path {
            parent: Some(&root),
            segment: Segment::Key(key),
        };
        entries.push((Cow::Borrowed(key), s.p.value(&path, 1).ok()?));
        Some(())
    })?;
    if !scan.finish() {
        return None;
    }
    dedupe_keys(&mut entries);
    Some(Node::Object(entries))
}

/// Marks key `i` (0–63) of an object as read in `seen`; `None` when it was read before (a
/// repeated key: the tree keeps the last one, so the fast path declines) or `i` is beyond 63.
///
/// ```
/// use impactkit::json::scan::first_time;
/// let mut seen = 0;
/// assert_eq!((first_time(&mut seen, 3), first_time(&mut seen, 3)), (Some(()), None));
/// assert_eq!(first_time(&mut seen, 64), None);
/// ```
#[inline]
pub fn first_time(seen: &mut u64, i: usize) -> Option<()> {
    let bit = 1u64.checked_shl(u32::try_from(i).ok()?)?;
    if *seen & bit != 0 {
        return None;
    }
    *seen |= bit;
    Some(())
}

/// What [`Scan`] needs of the parser beyond what it reads itself.
impl<'t> Parser<'t> {
    /// A string without escapes or control characters starting at the opening quote, read
    /// up to its closing quote; `None` (nothing read) for any other.
    #[inline]
    fn plain_string(&mut self) -> Option<&'t str> {
        let quote = self.pos;
        self.pos += 1;
        if crate::FAST_PATHS {
            self.skip_plain_words();
        }
        self.skip_while(|b| b != b'"' && b != b'\\' && b >= 0x20);
        if self.peek() != Some(b'"') {
            self.pos = quote;
            return None;
        }
        let s = self.text.get(quote + 1..self.pos);
        self.pos += 1;
        s
    }

    /// Consumes `b` if it comes next.
    #[inline]
    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    /// An object key without escapes and its `:` (whitespace around skipped).
    #[inline]
    pub(super) fn plain_key(&mut self) -> Option<&'t str> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let key = self.plain_string()?;
        self.skip_whitespace();
        self.eat(b':').then_some(())?;
        self.skip_whitespace();
        Some(key)
    }

    /// After a value: `,` (then `Some(true)`: more follow) or `close` (`Some(false)`).
    #[inline]
    fn next_or(&mut self, close: u8) -> Option<bool> {
        self.skip_whitespace();
        if self.eat(b',') {
            self.skip_whitespace();
            return Some(true);
        }
        self.eat(close).then_some(false)
    }
}

/// 10⁰ … 10¹⁵, each exact in a double.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Most digits a plain number has ([`plain_digits`]).
const MAX_PLAIN_DIGITS: usize = 15;

// A plain number is below 10^15, so within the magnitude every reader accepts (`Json::number`'s
// limit, an activity record's largest count): the readers that take one skip that check.
const _: () = assert!(POWERS_OF_TEN[MAX_PLAIN_DIGITS] <= crate::limits::MAX_ABS_NUMBER);

/// A plain number's digits as one integer (`units`), how many there are, how many follow the
/// point, and the length of its text.
pub(crate) struct PlainDigits {
    pub units: u64,
    pub digits: usize,
    pub places: usize,
    pub len: usize,
}

/// The plain number (digits with at most one point, at most 15 digits, no sign, exponent or
/// leading zero: see [`Scan::plain_number`]) `bytes` start with, up to the first byte that
/// cannot go on a number; `None` when they start with anything else.
#[inline]
pub(crate) fn plain_digits(bytes: &[u8]) -> Option<PlainDigits> {
    let (mut units, mut digits, mut point) = (0u64, 0usize, None);
    let mut len = 0;
    for &b in bytes {
        match b {
            b'0'..=b'9' => (units, digits) = (units * 10 + u64::from(b - b'0'), digits + 1),
            b'.' if point.is_none() && digits > 0 => point = Some(digits),
            b'e' | b'E' | b'+' | b'-' | b'.' => return None,
            _ => break,
        }
        len += 1;
        if digits > MAX_PLAIN_DIGITS {
            return None;
        }
    }
    let leading_zero = bytes.first() == Some(&b'0') && point.unwrap_or(digits) > 1;
    if digits == 0 || leading_zero || point == Some(digits) {
        return None;
    }
    let places = point.map_or(0, |p| digits - p);
    Some(PlainDigits {
        units,
        digits,
        places,
        len,
    })
}

/// A reader over JSON text that skips what it is not asked for.
///
/// ```
/// use impactkit::json::scan::Scan;
/// let mut ids = Vec::new();
/// let mut s = Scan::new(r#"[{"id": 1, "junk": [{"x": "\""}]}, {"id": 2}]"#);
/// s.array(1, |s| s.object(2, |s, key| match key {
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
        self.p.pos == self.p.bytes.len()
    }

    /// How far the scan has read (for [`Scan::rewind`]).
    pub fn position(&self) -> usize {
        self.p.pos
    }

    /// Goes back to `position` (from [`Scan::position`]) to read what follows another way.
    pub fn rewind(&mut self, position: usize) {
        self.p.pos = position.min(self.p.bytes.len());
    }

    /// Enters the array or object opened by `open` at nesting `depth`: `Some(true)` when
    /// entries follow, `Some(false)` for an empty one (its `close` read too); `None` for any
    /// other value or one nested too deep.
    #[inline]
    fn enter(&mut self, depth: usize, open: u8, close: u8) -> Option<bool> {
        self.p.skip_whitespace();
        if depth >= MAX_DEPTH || !self.p.eat(open) {
            return None;
        }
        self.p.skip_whitespace();
        Some(!self.p.eat(close))
    }

    /// Reads an array at nesting `depth` (the root is 0): `item` reads each item (its value
    /// comes next). `None` for anything but an array, or one longer than
    /// [`limits::MAX_ARRAY_LEN`] or nested too deep.
    #[inline]
    pub fn array(
        &mut self,
        depth: usize,
        mut item: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        if !self.enter(depth, b'[', b']')? {
            return Some(());
        }
        let mut count = 0usize;
        loop {
            count += 1;
            if count > limits::MAX_ARRAY_LEN {
                return None;
            }
            item(self)?;
            if !self.p.next_or(b']')? {
                return Some(());
            }
        }
    }

    /// Reads an object at nesting `depth`: `entry` reads each entry's value, given its key
    /// (`None` for a key with escapes; a repeated key is the caller's to notice).
    #[inline]
    pub fn object(
        &mut self,
        depth: usize,
        mut entry: impl FnMut(&mut Self, &'t str) -> Option<()>,
    ) -> Option<()> {
        if !self.enter(depth, b'{', b'}')? {
            return Some(());
        }
        loop {
            let key = self.p.plain_key()?;
            entry(self, key)?;
            if !self.p.next_or(b'}')? {
                return Some(());
            }
        }
    }

    /// [`Scan::object`] for a reader that knows the keys it reads: `entry` gets the index in
    /// `keys` of each entry's key, `None` for any other key. A key is matched where it stands
    /// ([`Keys`]), the key after the previous one tried first: objects of a list usually write
    /// their keys in one order.
    ///
    /// ```
    /// use impactkit::json::scan::{Keys, Scan};
    /// let mut s = Scan::new(r#"{"at": 1, "x": [2], "count": 3, "at2": 4}"#);
    /// let mut read = Vec::new();
    /// s.fields(2, &Keys::new(["at", "count"]), |s, key| match key {
    ///     Some(i) => s.scalar().map(|v| read.push((i, v.as_f64()))),
    ///     None => s.skip(3),
    /// }).unwrap();
    /// assert_eq!(read, [(0, Some(1.0)), (1, Some(3.0))]);
    /// ```
    #[inline]
    pub fn fields<const N: usize>(
        &mut self,
        depth: usize,
        keys: &Keys<N>,
        mut entry: impl FnMut(&mut Self, Option<usize>) -> Option<()>,
    ) -> Option<()> {
        if !self.enter(depth, b'{', b'}')? {
            return Some(());
        }
        let mut guess = 0;
        loop {
            let key = self.p.known_key(keys, guess)?;
            guess = key.map_or(guess, |i| i + 1);
            entry(self, key)?;
            if !self.p.next_or(b'}')? {
                return Some(());
            }
        }
    }

    /// A string, number, `true`, `false` or `null`, read as the parser reads it; `None` for
    /// an array or object.
    #[inline]
    pub fn scalar(&mut self) -> Option<Node<'t>> {
        self.p.skip_whitespace();
        match self.p.peek()? {
            b'[' | b'{' => None,
            b'"' => match self.p.plain_string() {
                Some(s) => Some(Node::String(Cow::Borrowed(s))),
                None => self.p.string(&Path::root()).ok().map(Node::String),
            },
            b'0'..=b'9' => match self.whole_number() {
                Some(n) => Some(Node::Number(super::Number::Unsigned(n))),
                None => self.p.value(&Path::root(), 0).ok(),
            },
            _ => self.p.value(&Path::root(), 0).ok(),
        }
    }

    /// A string without escapes or control characters, read in place; `None`, nothing but
    /// whitespace read, for any other value (then read it with [`Scan::scalar`]).
    #[inline]
    pub fn plain_str(&mut self) -> Option<&'t str> {
        self.p.skip_whitespace();
        if self.p.peek() != Some(b'"') {
            return None;
        }
        self.p.plain_string()
    }

    /// `true` or `false`; `None`, nothing but whitespace read, for any other value.
    #[inline]
    pub fn boolean(&mut self) -> Option<bool> {
        self.p.skip_whitespace();
        let rest = self.p.bytes.get(self.p.pos..).unwrap_or_default();
        let (value, len) = if rest.starts_with(b"true") {
            (true, 4)
        } else if rest.starts_with(b"false") {
            (false, 5)
        } else {
            return None;
        };
        self.p.pos += len;
        Some(value)
    }

    /// A number written as plain digits with at most one point (`12`, `0.98`; at most 15
    /// digits, no sign or exponent) and its text, read without the general parser: the
    /// digits are an exact integer and the point's power of ten exact, so their quotient is
    /// the double nearest to the number, as the parser reads it. `None`, nothing read, for any
    /// other value.
    #[inline]
    pub fn plain_number(&mut self) -> Option<(f64, &'t str)> {
        let digits = self.plain_digits()?;
        let value = digits.units as f64 / POWERS_OF_TEN.get(digits.places)?;
        let text = self.p.text.get(self.p.pos..self.p.pos + digits.len)?;
        self.p.pos += digits.len;
        Some((value, text))
    }

    /// A whole number written as plain digits (at most 15, no point, sign or exponent), read
    /// without the general parser; `None`, nothing read, for any other value.
    #[inline]
    pub fn whole_number(&mut self) -> Option<u64> {
        let digits = self.plain_digits().filter(|d| d.len == d.digits)?;
        self.p.pos += digits.len;
        Some(digits.units)
    }

    /// The plain number ([`Scan::plain_number`]) after any whitespace, not yet consumed.
    #[inline]
    fn plain_digits(&mut self) -> Option<PlainDigits> {
        self.p.skip_whitespace();
        plain_digits(self.p.bytes.get(self.p.pos..)?)
    }

    /// [`Scan::scalar`] and the text it was read from (a number as written).
    #[inline]
    pub fn scalar_text(&mut self) -> Option<(Node<'t>, &'t str)> {
        self.p.skip_whitespace();
        let start = self.p.pos;
        let value = self.scalar()?;
        Some((value, self.p.text.get(start..self.p.pos)?))
    }

    /// Skips a value at nesting `depth` (read by the general parser and dropped: the rules
    /// need few fields besides the ones asked for, so this is the rare case).
    pub fn skip(&mut self, depth: usize) -> Option<()> {
        self.p.skip_whitespace();
        self.p.value(&Path::root(), depth).ok().map(drop)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
