//! The parsed document: a JSON value that borrows from the text it came from.
//!
//! Strings without escapes and every object key are slices of the input, objects
//! are small vectors of entries (a widget payload's objects have a handful of
//! keys, where a linear scan beats a tree), so reading 100k orders allocates one
//! vector per object and array and nothing per field.

use std::borrow::Cow;

/// A JSON number as written: whole numbers stay exact integers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A whole number ≥ 0 that fits in `u64`.
    Unsigned(u64),
    /// A negative whole number that fits in `i64`.
    Negative(i64),
    /// Anything else (fractions, exponents, `-0`, integers beyond 64 bits), always finite.
    Float(f64),
}

impl Number {
    /// The number as an `f64` (integers beyond 2⁵³ are rounded).
    ///
    /// ```
    /// use impactkit::json::Number;
    /// assert_eq!(Number::Unsigned(500).as_f64(), 500.0);
    /// assert_eq!(Number::Float(248.5).as_f64(), 248.5);
    /// ```
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Unsigned(n) => n as f64,
            Number::Negative(n) => n as f64,
            Number::Float(x) => x,
        }
    }
}

/// One JSON value; `'t` is the lifetime of the text it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub enum Node<'t> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A finite number.
    Number(Number),
    /// A string, borrowed from the text unless it had escapes.
    String(Cow<'t, str>),
    /// An array.
    Array(Vec<Node<'t>>),
    /// An object's entries in document order, each key once (a repeated key keeps
    /// its last value, as `JSON.parse` does).
    Object(Vec<(Cow<'t, str>, Node<'t>)>),
}

impl<'t> Node<'t> {
    /// The value under `key` when this is an object.
    ///
    /// ```
    /// let doc = impactkit::json::value_from_text(r#"{"target": 500}"#).unwrap();
    /// assert_eq!(doc.get("target").and_then(|n| n.as_f64()), Some(500.0));
    /// assert!(doc.get("current").is_none());
    /// ```
    pub fn get(&self, key: &str) -> Option<&Node<'t>> {
        match self {
            Node::Object(entries) => entries
                .iter()
                .find(|(k, _)| same_key(k, key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as `f64`, when this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    /// This value, or `None` for `null` (an absent optional field reads the same).
    ///
    /// ```
    /// use impactkit::json::Node;
    /// assert_eq!(Node::Null.not_null(), None);
    /// assert_eq!(Node::Bool(true).not_null(), Some(Node::Bool(true)));
    /// ```
    pub fn not_null(self) -> Option<Self> {
        (!self.is_null()).then_some(self)
    }

    /// Whether this is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Node::String(_))
    }

    /// Whether this is a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Node::Number(_))
    }

    /// Whether this is an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Node::Array(_))
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Node::Object(_))
    }

    /// Describes the value's type for error messages ("a string", "an object", …).
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }
}

/// Borrows a `serde_json::Value` (native callers, tests and examples build
/// inputs with `serde_json::json!`).
///
/// ```
/// use impactkit::json::{Json, Node};
/// let v = serde_json::json!({"current": 248.5, "target": 500});
/// let node = Node::from(&v);
/// assert_eq!(Json::root(&node).field("current").unwrap().number().unwrap(), 248.5);
/// ```
#[cfg(any(test, not(target_arch = "wasm32")))]
impl<'t> From<&'t serde_json::Value> for Node<'t> {
    fn from(value: &'t serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(if let Some(u) = n.as_u64() {
                Number::Unsigned(u)
            } else if let Some(i) = n.as_i64() {
                Number::Negative(i)
            } else {
                Number::Float(n.as_f64().unwrap_or(f64::NAN))
            }),
            Value::String(s) => Node::String(Cow::Borrowed(s)),
            Value::Array(items) => Node::Array(items.iter().map(Node::from).collect()),
            Value::Object(map) => Node::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::from(v)))
                    .collect(),
            ),
        }
    }
}

/// The entries' indices sorted by key (stable: equal keys in document order).
pub(crate) fn key_order(entries: &[(Cow<'_, str>, Node<'_>)]) -> Vec<usize> {
    let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
    crate::unique::sorted_indices(&keys)
}

/// Whether two object keys are equal, compared eight bytes at a time in registers: keys are
/// short, and in wasm a call to `memcmp` (what `==` on strings becomes) costs more than the
/// comparison (it was a tenth of a 100,000-record `streak`).
///
/// ```
/// use impactkit::json::same_key;
/// assert!(same_key("placedAt", "placedAt") && same_key("", ""));
/// assert!(!same_key("placedAt", "placedAu") && !same_key("at", "ate") && !same_key("co2Kg", "co2kg"));
/// assert!(same_key("baselineCo2Kg·é", "baselineCo2Kg·é") && !same_key("baselineCo2Kg·é", "baselineCo2Kg·è"));
/// ```
pub fn same_key(a: &str, b: &str) -> bool {
    if !crate::FAST_PATHS {
        return a == b;
    }
    let word = |chunk: &[u8]| chunk.iter().fold(0u64, |w, &byte| w << 8 | u64::from(byte));
    a.len() == b.len()
        && a.as_bytes()
            .chunks(8)
            .zip(b.as_bytes().chunks(8))
            .all(|(x, y)| word(x) == word(y))
}

/// Drops earlier entries of repeated keys, keeping the order of the last ones.
/// Linear for the usual handful of keys, `n log n` for big objects.
pub(crate) fn dedupe_keys(entries: &mut Vec<(Cow<'_, str>, Node<'_>)>) {
    const SMALL: usize = 16;
    let n = entries.len();
    if n < 2 {
        return;
    }
    let repeated = |i: usize, key: &str| entries.iter().skip(i + 1).any(|(k, _)| same_key(k, key));
    if n <= SMALL
        && !entries
            .iter()
            .enumerate()
            .any(|(i, (key, _))| repeated(i, key))
    {
        return; // the usual case: no allocation
    }
    let mut keep = vec![true; n];
    if n <= SMALL {
        for ((i, (key, _)), k) in entries.iter().enumerate().zip(keep.iter_mut()) {
            *k = !repeated(i, key);
        }
    } else {
        // Stable: equal keys stay in document order, so the last of a run is kept.
        let order = key_order(entries);
        for pair in order.windows(2) {
            if let [a, b] = *pair {
                if entries.get(a).map(|e| &e.0) == entries.get(b).map(|e| &e.0) {
                    if let Some(k) = keep.get_mut(a) {
                        *k = false;
                    }
                }
            }
        }
    }
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut flags = keep.into_iter();
    entries.retain(|_| flags.next().unwrap_or(true));
}
