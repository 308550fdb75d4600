//! JSON text in: a parser ([`value_from_text`]) into a borrowed document
//! ([`Node`]), and a small reader over it ([`Json`]) that remembers where it is.
//!
//! Every accessor returns an [`Error`] whose `path` is the JSONPath of the
//! field it was reading, so callers get `$.milestones[0].target` for free.
//! Paths are a linked list of borrowed segments and are only rendered to a
//! string when an error is built, so reading 100k orders costs no allocations.

use crate::error::{Error, ErrorCode, Message, Result};
use crate::limits;
use std::borrow::Cow;

mod id;
mod input;
mod known_keys;
mod lean_set;
mod node;
mod number_text;
mod parse;
pub mod scan;
mod write;

pub use id::{id_set, FastHash, Id, IdSet};
pub use input::{not_json_text, text_of_bytes, text_of_encoded_string};
pub use lean_set::{LeanSet, SetKey};
pub use node::{same_key, Node, Number};
pub use write::{to_json_text, JsonWriter, ToJson};

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// Where a value sits in the input document.
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

impl Path<'static> {
    /// The document root, `$`.
    ///
    /// ```
    /// assert_eq!(impactkit::json::Path::root().render(), "$");
    /// ```
    pub const fn root() -> Self {
        Path {
            parent: None,
            segment: Segment::Root,
        }
    }
}

impl<'a> Path<'a> {
    /// Renders the path as JSONPath (`$.a.b[0]['odd key']`).
    ///
    /// ```
    /// use impactkit::json::Json;
    /// let v = serde_json::json!({"a": [{"b c": 1}]});
    /// let v = impactkit::json::Node::from(&v);
    /// let root = Json::root(&v);
    /// let a = root.field("a").unwrap();
    /// let first = a.items().unwrap().next().unwrap();
    /// assert_eq!(first.field("b c").unwrap().path().render(), "$.a[0]['b c']");
    /// ```
    pub fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut cursor = Some(self);
        while let Some(p) = cursor {
            segments.push(p.segment);
            cursor = p.parent;
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            push_segment(&mut out, segment);
        }
        out
    }
}

fn push_segment(out: &mut String, segment: &Segment<'_>) {
    match segment {
        Segment::Root => out.push('$'),
        Segment::Index(i) => {
            out.push('[');
            crate::numbers::push_int(out, *i as i128);
            out.push(']');
        }
        Segment::Key(k) if is_identifier(k) => {
            out.push('.');
            out.push_str(k);
        }
        Segment::Key(k) => {
            out.push_str("['");
            for c in k.chars() {
                if c == '\'' || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push_str("']");
        }
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A JSON value together with its path.
#[derive(Clone, Copy)]
pub struct Json<'a> {
    value: &'a Node<'a>,
    path: Path<'a>,
}

impl<'a> Json<'a> {
    /// Wraps a whole document.
    ///
    /// ```
    /// let v = serde_json::json!({"target": 500});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert_eq!(j.field("target").unwrap().number().unwrap(), 500.0);
    /// ```
    pub fn root(value: &'a Node<'a>) -> Self {
        Json {
            value,
            path: Path::root(),
        }
    }

    /// The raw value.
    pub fn value(&self) -> &'a Node<'a> {
        self.value
    }

    /// The path of this value.
    pub fn path(&self) -> &Path<'a> {
        &self.path
    }

    /// An error located at this value.
    ///
    /// ```
    /// let v = serde_json::json!({"x": 1});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// let e = j.field("x").unwrap().error(impactkit::ErrorCode::OutOfRange, "too small");
    /// assert_eq!(e.path, "$.x");
    /// ```
    #[inline(never)]
    pub fn error(&self, code: ErrorCode, message: impl Into<String>) -> Error {
        Error::new(code, self.path.render(), message)
    }

    /// The `invalid_type` error "expected `what`, found a string" at this value.
    #[inline(never)]
    pub fn expected(&self, what: &str) -> Error {
        self.error(
            ErrorCode::InvalidType,
            Message::new("expected ")
                .text(what)
                .text(", found ")
                .text(self.value.type_name()),
        )
    }

    /// The object's entries (each key once, in document order), or an `invalid_type` error.
    pub fn object(&self) -> Result<&'a [(Cow<'a, str>, Node<'a>)]> {
        match self.value {
            Node::Object(entries) => Ok(entries),
            _ => Err(self.expected("an object")),
        }
    }

    /// The object's keys in sorted order (so rules read from JSON text and from
    /// `serde_json` values, whose maps are sorted, behave alike), or an `invalid_type` error.
    ///
    /// ```
    /// let doc = impactkit::json::value_from_text(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
    /// let keys: Vec<&str> = impactkit::json::Json::root(&doc).keys().unwrap().collect();
    /// assert_eq!(keys, ["a", "b"]);
    /// ```
    pub fn keys(&self) -> Result<impl Iterator<Item = &'a str>> {
        let entries = self.object()?;
        Ok(node::key_order(entries)
            .into_iter()
            .filter_map(|i| entries.get(i).map(|(k, _)| k.as_ref())))
    }

    /// Whether this value is JSON `null`.
    pub fn is_null(&self) -> bool {
        self.value.is_null()
    }

    /// An optional field: `None` when absent or `null`; an error when `self` is not an object.
    ///
    /// ```
    /// let v = serde_json::json!({"a": null});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert!(j.opt("a").unwrap().is_none());
    /// assert!(j.opt("b").unwrap().is_none());
    /// ```
    pub fn opt<'b>(&'b self, key: &'b str) -> Result<Option<Json<'b>>> {
        let object = self.object()?;
        let found = object
            .iter()
            .find(|(k, _)| node::same_key(k, key))
            .map(|(_, v)| v);
        Ok(found.filter(|v| !v.is_null()).map(|value| Json {
            value,
            path: Path {
                parent: Some(&self.path),
                segment: Segment::Key(key),
            },
        }))
    }

    /// The object's `index`-th entry as [`Json::opt`] would give it (`None` when
    /// `null` or absent): with [`crate::unique::index`] of the keys, for many look-ups
    /// in one object (`opt` scans the entries).
    ///
    /// ```
    /// let v = serde_json::json!({"a": 1, "b": null});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert_eq!(j.entry(0).map(|e| e.path().render()), Some("$.a".to_string()));
    /// assert!(j.entry(1).is_none() && j.entry(2).is_none());
    /// ```
    pub fn entry(&self, index: usize) -> Option<Json<'_>> {
        let (key, value) = self.object().ok()?.get(index)?;
        (!value.is_null()).then_some(Json {
            value,
            path: Path {
                parent: Some(&self.path),
                segment: Segment::Key(key),
            },
        })
    }

    /// A required field: `missing_field` when absent or `null`.
    ///
    /// ```
    /// let v = serde_json::json!({"data": {}});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// let e = j.field("data").unwrap().field("customer").err().unwrap();
    /// assert_eq!((e.code.as_str(), e.path.as_str()), ("missing_field", "$.data.customer"));
    /// ```
    pub fn field<'b>(&'b self, key: &'b str) -> Result<Json<'b>> {
        match self.opt(key)? {
            Some(j) => Ok(j),
            None => Err(Error::new(
                ErrorCode::MissingField,
                Path {
                    parent: Some(&self.path),
                    segment: Segment::Key(key),
                }
                .render(),
                Message::new("`").text(key).text("` is required"),
            )),
        }
    }

    /// [`Json::items`] of a list appended to `existing` items (a customer session's history):
    /// `too_large` when together they would pass [`limits::MAX_ARRAY_LEN`], as one list would.
    pub fn items_appended_to<'b>(
        &'b self,
        existing: usize,
    ) -> Result<impl ExactSizeIterator<Item = Json<'b>> + 'b> {
        let items = self.items()?;
        let total = existing.saturating_add(items.len());
        if total > limits::MAX_ARRAY_LEN {
            return Err(self.error(
                ErrorCode::TooLarge,
                Message::new("the history would hold ")
                    .int(total as i128)
                    .text(" items; the limit is ")
                    .int(limits::MAX_ARRAY_LEN as i128),
            ));
        }
        Ok(items)
    }

    /// Iterates an array's items, each with its own path. Enforces [`limits::MAX_ARRAY_LEN`].
    pub fn items<'b>(&'b self) -> Result<impl ExactSizeIterator<Item = Json<'b>> + 'b> {
        let Node::Array(array) = self.value else {
            return Err(self.expected("an array"));
        };
        if array.len() > limits::MAX_ARRAY_LEN {
            return Err(self.error(
                ErrorCode::TooLarge,
                Message::new("array has ")
                    .int(array.len() as i128)
                    .text(" items; the limit is ")
                    .int(limits::MAX_ARRAY_LEN as i128),
            ));
        }
        let parent = &self.path;
        Ok(array.iter().enumerate().map(move |(i, value)| Json {
            value,
            path: Path {
                parent: Some(parent),
                segment: Segment::Index(i),
            },
        }))
    }

    /// A finite JSON number. Numbers written as strings are rejected with a hint.
    ///
    /// ```
    /// let v = serde_json::json!({"n": "5"});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert_eq!(j.field("n").unwrap().number().unwrap_err().code.as_str(), "invalid_type");
    /// ```
    pub fn number(&self) -> Result<f64> {
        match self.value {
            Node::Number(n) => match n.as_f64() {
                x if x.is_finite() => {
                    if x.abs() > limits::MAX_ABS_NUMBER {
                        Err(self.error(
                            ErrorCode::OutOfRange,
                            Message::default()
                                .num(x)
                                .text(" is beyond the supported magnitude 1e15"),
                        ))
                    } else {
                        Ok(x)
                    }
                }
                _ => Err(self.error(ErrorCode::InvalidNumber, "number is not finite")),
            },
            Node::String(_) if self.is_non_finite() => Err(self.non_finite()),
            Node::String(s) => Err(self.error(
                ErrorCode::InvalidType,
                Message::new("expected a number, found the string ")
                    .user(s)
                    .text("; send numbers unquoted"),
            )),
            _ => Err(self.expected("a number")),
        }
    }

    /// A finite number ≥ 0.
    pub fn non_negative(&self) -> Result<f64> {
        let x = self.number()?;
        if x < 0.0 {
            return Err(self.error(
                ErrorCode::OutOfRange,
                Message::new("must be ≥ 0, got ").num(x),
            ));
        }
        Ok(x)
    }

    /// A finite number > 0.
    pub fn positive(&self) -> Result<f64> {
        let x = self.number()?;
        if x <= 0.0 {
            return Err(self.error(
                ErrorCode::OutOfRange,
                Message::new("must be > 0, got ").num(x),
            ));
        }
        Ok(x)
    }

    /// A finite number within `min..=max` (a share 0–1, a percentage 0–100, …).
    ///
    /// ```
    /// let v = serde_json::json!({"percentile": 115});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// let e = j.field("percentile").unwrap().number_in(0.0, 100.0).unwrap_err();
    /// assert_eq!((e.code.as_str(), e.path.as_str()), ("out_of_range", "$.percentile"));
    /// ```
    pub fn number_in(&self, min: f64, max: f64) -> Result<f64> {
        let x = self.number()?;
        if x < min || x > max {
            return Err(self.error(
                ErrorCode::OutOfRange,
                Message::new("must be between ")
                    .num(min)
                    .text(" and ")
                    .num(max)
                    .text(", got ")
                    .num(x),
            ));
        }
        Ok(x)
    }

    /// A whole number within `min..=max`.
    pub fn integer_in(&self, min: i64, max: i64) -> Result<i64> {
        let x = self.number()?;
        if x.fract() != 0.0 {
            return Err(self.error(
                ErrorCode::InvalidNumber,
                Message::new("expected a whole number, got ").num(x),
            ));
        }
        if x < min as f64 || x > max as f64 {
            return Err(self.error(
                ErrorCode::OutOfRange,
                Message::new("must be between ")
                    .int(min.into())
                    .text(" and ")
                    .int(max.into())
                    .text(", got ")
                    .num(x),
            ));
        }
        Ok(x as i64)
    }

    /// Whether this is a NaN or ±Infinity the JS bindings handed over (as a
    /// [`NON_FINITE_MARK`] string): no reader may take it for text.
    pub fn is_non_finite(&self) -> bool {
        self.value
            .as_str()
            .is_some_and(|s| s.starts_with(NON_FINITE_MARK))
    }

    /// The `invalid_number` error for a non-finite number, naming it (`NaN`, `Infinity`).
    #[inline(never)]
    fn non_finite(&self) -> Error {
        let name = self
            .value
            .as_str()
            .and_then(|s| s.get(NON_FINITE_MARK.len()..));
        self.error(
            ErrorCode::InvalidNumber,
            Message::new("number is not finite (")
                .text(name.unwrap_or("NaN"))
                .text(")"),
        )
    }

    /// A string no longer than [`limits::MAX_STRING_LEN`] bytes. A NaN or
    /// ±Infinity from JS is `invalid_number` here too, never text.
    ///
    /// ```
    /// let v = serde_json::json!({"name": format!("{}NaN", impactkit::json::NON_FINITE_MARK)});
    /// let v = impactkit::json::Node::from(&v);
    /// let e = impactkit::json::Json::root(&v).field("name").unwrap().str().unwrap_err();
    /// assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_number", "$.name"));
    /// ```
    pub fn str(&self) -> Result<&'a str> {
        if self.is_non_finite() {
            return Err(self.non_finite());
        }
        let s = self
            .value
            .as_str()
            .ok_or_else(|| self.expected("a string"))?;
        if s.len() > limits::MAX_STRING_LEN {
            return Err(self.error(
                ErrorCode::TooLarge,
                Message::new("string is ")
                    .int(s.len() as i128)
                    .text(" bytes; the limit is ")
                    .int(limits::MAX_STRING_LEN as i128),
            ));
        }
        Ok(s)
    }

    /// An identifier: a string, or a whole number (rendered as its decimal text).
    pub fn id(&self) -> Result<String> {
        match self.value {
            Node::Number(Number::Unsigned(n)) => Ok(Message::default().int((*n).into()).into()),
            Node::Number(Number::Negative(n)) => Ok(Message::default().int((*n).into()).into()),
            Node::String(_) => self.str().map(str::to_owned),
            _ => Err(self.expected("a string or integer id")),
        }
    }

    /// [`Json::id`] as an [`Id`] (no allocation for a short string id).
    pub fn short_id(&self) -> Result<Id> {
        match self.value {
            Node::String(_) => self.str().map(Id::from),
            _ => self.id().map(Id::from),
        }
    }

    /// An optional string field (`None` when absent or `null`).
    ///
    /// ```
    /// let v = serde_json::json!({"currency": "USD"});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert_eq!(j.opt_text("currency").unwrap().as_deref(), Some("USD"));
    /// assert_eq!(j.opt_text("pointsName").unwrap(), None);
    /// ```
    pub fn opt_text(&self, key: &str) -> Result<Option<String>> {
        self.opt(key)?
            .map(|v| v.str().map(str::to_owned))
            .transpose()
    }

    /// An optional finite number field (`None` when absent or `null`).
    ///
    /// ```
    /// let v = serde_json::json!({"pendingPoints": 300});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert_eq!(j.opt_number("pendingPoints").unwrap(), Some(300.0));
    /// ```
    pub fn opt_number(&self, key: &str) -> Result<Option<f64>> {
        self.opt(key)?.map(|v| v.number()).transpose()
    }

    /// A boolean.
    pub fn bool(&self) -> Result<bool> {
        match self.value {
            Node::Bool(b) => Ok(*b),
            _ => Err(self.expected("a boolean")),
        }
    }

    /// One of the given string values, as its index in `allowed`.
    ///
    /// ```
    /// let v = serde_json::json!("week");
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert_eq!(j.one_of(&["day", "week", "month"]).unwrap(), 1);
    /// ```
    pub fn one_of(&self, allowed: &[&str]) -> Result<usize> {
        let s = self.str()?;
        allowed
            .iter()
            .position(|a| *a == s)
            .ok_or_else(|| self.not_one_of(s, &mut allowed.iter().copied()))
    }

    /// One of the given string values, as the value paired with it.
    ///
    /// ```
    /// let v = serde_json::json!("week");
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// assert_eq!(j.choice(&[("day", 1), ("week", 7)]).unwrap(), 7);
    /// let e = j.choice(&[("day", 1), ("month", 30)]).unwrap_err();
    /// assert_eq!(e.message, "\"week\" is not one of: day, month");
    /// ```
    pub fn choice<T: Copy>(&self, options: &[(&str, T)]) -> Result<T> {
        let s = self.str()?;
        match options.iter().find(|(name, _)| *name == s) {
            Some(&(_, value)) => Ok(value),
            None => Err(self.not_one_of(s, &mut options.iter().map(|&(name, _)| name))),
        }
    }

    /// The `invalid_value` error for `s`, listing what is allowed.
    #[inline(never)]
    fn not_one_of(&self, s: &str, allowed: &mut dyn Iterator<Item = &str>) -> Error {
        let message = Message::default()
            .user(s)
            .text(" is not one of: ")
            .list(allowed);
        self.error(ErrorCode::InvalidValue, message)
    }
}

/// Parses JSON text (RFC 8259) into a [`Node`] that borrows from `text`; syntax errors are `invalid_json`
/// with line and column in the message, nesting deeper than [`MAX_DEPTH`], arrays
/// longer than [`limits::MAX_ARRAY_LEN`] and texts over [`limits::MAX_INPUT_BYTES`]
/// are `too_large`, each error with the path where it happened.
///
/// ```
/// let v = impactkit::json::value_from_text(r#"{"current": 248.5, "target": 500}"#).unwrap();
/// assert_eq!(v.get("target").and_then(|t| t.as_f64()), Some(500.0));
/// let e = impactkit::json::value_from_text("{\"current\": }").unwrap_err();
/// assert_eq!(e.code.as_str(), "invalid_json");
/// ```
pub fn value_from_text(text: &str) -> Result<Node<'_>> {
    check_input_size(text.len())?;
    parse::parse(text)
}

/// `too_large` when `bytes` of JSON text exceed [`limits::MAX_INPUT_BYTES`].
///
/// ```
/// assert!(impactkit::json::check_input_size(1024).is_ok());
/// let e = impactkit::json::check_input_size(impactkit::limits::MAX_INPUT_BYTES + 1).unwrap_err();
/// assert_eq!(e.code.as_str(), "too_large");
/// ```
pub fn check_input_size(bytes: usize) -> Result<()> {
    if bytes > limits::MAX_INPUT_BYTES {
        return Err(input_too_large("", bytes));
    }
    Ok(())
}

/// The `too_large` error for JSON text of `bytes` bytes; `qualifier` is `"at least "`
/// when only a lower bound is known (text still being converted).
#[inline(never)]
pub(crate) fn input_too_large(qualifier: &str, bytes: usize) -> Error {
    Error::new(
        ErrorCode::TooLarge,
        "$",
        Message::new("input is ")
            .text(qualifier)
            .int(bytes as i128)
            .text(" bytes of JSON; the limit is ")
            .int(limits::MAX_INPUT_BYTES as i128)
            .text(" (128 MiB)"),
    )
}

/// How the JS bindings hand over NaN and ±Infinity, which JSON text cannot hold:
/// as a string with this prefix (`"\u{0}nonfinite:NaN"`), so [`Json::number`]
/// reports `invalid_number` at the right path instead of seeing `null`.
///
/// ```
/// let v = serde_json::json!({"current": format!("{}NaN", impactkit::json::NON_FINITE_MARK)});
/// let v = impactkit::json::Node::from(&v);
/// let e = impactkit::json::Json::root(&v).field("current").unwrap().number().unwrap_err();
/// assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_number", "$.current"));
/// ```
pub const NON_FINITE_MARK: &str = "\u{0}nonfinite:";

/// Deepest nesting accepted by [`value_from_text`].
///
/// ```
/// assert_eq!(impactkit::json::MAX_DEPTH, 64);
/// ```
pub const MAX_DEPTH: usize = 64;
