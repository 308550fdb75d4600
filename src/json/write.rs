//! JSON text out: every result impactkit returns is written here, by [`ToJson`]
//! impls that each output type declares next to its struct with
//! [`to_json_struct!`](crate::to_json_struct) or [`to_json_enum!`](crate::to_json_enum).
//!
//! Hand-written instead of serde derive + `serde_json` (kilobytes in every wasm
//! module): no `core::fmt`; integers and floats by
//! [`number_text`](super::number_text) (text that reads back as the same double).

/// A growing JSON text with the comma bookkeeping of objects and arrays.
///
/// ```
/// use impactkit::json::{JsonWriter, ToJson};
/// let mut out = JsonWriter::new();
/// out.begin_object();
/// out.field("id", &"a\"b");
/// out.field("n", &vec![1u32, 2]);
/// out.end_object();
/// assert_eq!(out.finish(), r#"{"id":"a\"b","n":[1,2]}"#);
/// ```
#[derive(Debug, Default)]
pub struct JsonWriter {
    text: String,
    /// Whether the object or array just opened has no member yet.
    first: bool,
}

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Appends `self` as one JSON value.
    fn write_json(&self, out: &mut JsonWriter);

    /// Whether an optional field holding this value is left out (`None`).
    fn is_absent(&self) -> bool {
        false
    }
}

/// `value` as JSON text.
///
/// ```
/// assert_eq!(impactkit::json::to_json_text(&Some(2.5)), "2.5");
/// assert_eq!(impactkit::json::to_json_text(&"tab\there"), r#""tab\there""#);
/// ```
pub fn to_json_text<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = JsonWriter::new();
    value.write_json(&mut out);
    out.finish()
}

impl JsonWriter {
    /// An empty text.
    pub fn new() -> JsonWriter {
        JsonWriter::default()
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.text
    }

    /// Appends raw JSON text (a literal or number already formatted, or a value written
    /// elsewhere, e.g. a baked credential).
    pub(crate) fn raw(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Opens an object: `{`.
    pub fn begin_object(&mut self) {
        self.text.push('{');
        self.first = true;
    }

    /// Closes an object: `}`.
    pub fn end_object(&mut self) {
        self.text.push('}');
        self.first = false;
    }

    /// Opens an array: `[`.
    pub fn begin_array(&mut self) {
        self.text.push('[');
        self.first = true;
    }

    /// Closes an array: `]`.
    pub fn end_array(&mut self) {
        self.text.push(']');
        self.first = false;
    }

    /// A comma unless this is the first member of the object or array.
    fn separate(&mut self) {
        if !self.first {
            self.text.push(',');
        }
        self.first = false;
    }

    /// Writes `"key":` in an open object; `key` is plain ASCII (a field name).
    pub fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        self.separate();
        self.text.push('"');
        self.text.push_str(key);
        self.text.push_str("\":");
    }

    /// Writes `"key":value` in an open object.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write_json(self);
    }

    /// Writes `"key":value` unless the value is absent (`None`).
    pub fn field_if_present<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        if !value.is_absent() {
            self.field(key, value);
        }
    }

    /// Writes one array element.
    pub fn element<T: ToJson + ?Sized>(&mut self, value: &T) {
        self.separate();
        value.write_json(self);
    }

    /// Writes `text` as a JSON string, escaped as RFC 8259 requires (and as
    /// `serde_json` does: `\"`, `\\`, `\b\f\n\r\t`, other controls as `\u00XX`).
    pub fn string(&mut self, text: &str) {
        self.text.reserve(text.len() + 2);
        self.text.push('"');
        let bytes = text.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &str = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // Every byte escaped is ASCII, so `start..i` ends on a char boundary.
            self.text.push_str(&text[start..i]);
            if escape.is_empty() {
                // A control character below 0x20: `\u0000`–`\u001f`, lowercase as serde_json.
                self.text
                    .push_str(if b < 0x10 { "\\u000" } else { "\\u001" });
                self.text
                    .push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
            } else {
                self.text.push_str(escape);
            }
            start = i + 1;
        }
        self.text.push_str(&text[start..]);
        self.text.push('"');
    }

    /// Writes an integer in decimal: `-` when `negative`, then `magnitude`.
    fn integer(&mut self, negative: bool, magnitude: u64) {
        if negative {
            self.text.push('-');
        }
        super::number_text::push_digits(&mut self.text, magnitude, 1);
    }

    /// Writes a double as text that reads back as it, always with a `.` or an exponent
    /// (`500.0`, `49.7`, `1.0e21`): the shortest such text from 1e-6 to 1e16, 17 significant
    /// digits beyond. NaN and ±Infinity, which JSON cannot hold, are written `null`.
    pub fn number(&mut self, x: f64) {
        if x.is_finite() {
            super::number_text::push_finite(&mut self.text, x);
        } else {
            self.raw("null");
        }
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut JsonWriter) {
        out.raw(if *self { "true" } else { "false" });
    }
}

macro_rules! unsigned_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut JsonWriter) {
                out.integer(false, *self as u64);
            }
        }
    )*};
}
unsigned_to_json!(u8, u16, u32, u64, usize);

impl ToJson for i64 {
    fn write_json(&self, out: &mut JsonWriter) {
        out.integer(*self < 0, self.unsigned_abs());
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut JsonWriter) {
        i64::from(*self).write_json(out);
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut JsonWriter) {
        out.number(*self);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut JsonWriter) {
        out.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut JsonWriter) {
        out.string(self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut JsonWriter) {
        (**self).write_json(out);
    }

    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: ToJson> ToJson for Option<T> {
    /// `null` when `None`.
    fn write_json(&self, out: &mut JsonWriter) {
        match self {
            Some(value) => value.write_json(out),
            None => out.raw("null"),
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_array();
        for value in self {
            out.element(value);
        }
        out.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut JsonWriter) {
        self.as_slice().write_json(out);
    }
}

/// Implements [`ToJson`] for a struct as a JSON object, its fields in the order listed:
/// `to_json_struct!(Type { rust_field: "jsonName", optional_field: "name" ?, .. })`.
/// A field marked `?` is left out when it is `None` (otherwise `None` is `null`).
///
/// ```
/// struct Tier { name: String, order: Option<i64>, icon: Option<String> }
/// impactkit::to_json_struct!(Tier { name: "name", order: "order" ?, icon: "icon" });
/// let t = Tier { name: "Gold".into(), order: None, icon: None };
/// assert_eq!(impactkit::json::to_json_text(&t), r#"{"name":"Gold","icon":null}"#);
/// ```
#[macro_export]
macro_rules! to_json_struct {
    ($type:ty { $($fields:tt)* }) => {
        impl $crate::json::ToJson for $type {
            fn write_json(&self, out: &mut $crate::json::JsonWriter) {
                out.begin_object();
                $crate::to_json_struct!(@fields self, out, $($fields)*);
                out.end_object();
            }
        }
    };
    (@fields $self:ident, $out:ident, ) => {};
    (@fields $self:ident, $out:ident, $field:ident : $name:literal ? $(, $($rest:tt)*)?) => {
        $out.field_if_present($name, &$self.$field);
        $crate::to_json_struct!(@fields $self, $out, $($($rest)*)?);
    };
    (@fields $self:ident, $out:ident, $field:ident : $name:literal $(, $($rest:tt)*)?) => {
        $out.field($name, &$self.$field);
        $crate::to_json_struct!(@fields $self, $out, $($($rest)*)?);
    };
}

/// Implements [`ToJson`] for a fieldless enum as one string per variant:
/// `to_json_enum!(Type { Variant => "name", .. })`.
///
/// ```
/// #[derive(Clone, Copy)]
/// enum Unit { Days, Weeks }
/// impactkit::to_json_enum!(Unit { Days => "days", Weeks => "weeks" });
/// assert_eq!(impactkit::json::to_json_text(&Unit::Weeks), r#""weeks""#);
/// ```
#[macro_export]
macro_rules! to_json_enum {
    ($type:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $crate::json::ToJson for $type {
            fn write_json(&self, out: &mut $crate::json::JsonWriter) {
                out.string(match self {
                    $($type::$variant => $name,)*
                });
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_like_serde_json() {
        let all: String = (0u8..0x80).map(char::from).collect::<String>() + "é€😀\u{2028}";
        let text = to_json_text(&all);
        assert_eq!(text, serde_json::to_string(&all).unwrap());
        assert_eq!(serde_json::from_str::<String>(&text).unwrap(), all);
    }

    #[test]
    fn integers_print_every_digit() {
        for n in [
            0i64,
            1,
            -1,
            9,
            10,
            99,
            100,
            i64::MAX,
            i64::MIN,
            -1_000_000_007,
        ] {
            assert_eq!(to_json_text(&n), n.to_string());
        }
        assert_eq!(to_json_text(&u64::MAX), u64::MAX.to_string());
        assert_eq!(to_json_text(&usize::MAX), usize::MAX.to_string());
    }

    #[test]
    fn numbers_read_back_exactly_and_non_finite_is_null() {
        for x in [
            0.0,
            -0.0,
            500.0,
            49.7,
            0.1,
            1e21,
            1e-7,
            5e-324,
            f64::MAX,
            -2.5e-300,
        ] {
            let text = to_json_text(&x);
            assert!(text.contains(['.', 'e']), "{text}");
            assert_eq!(
                text.parse::<f64>().unwrap().to_bits(),
                x.to_bits(),
                "{text}"
            );
        }
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(to_json_text(&x), serde_json::to_string(&x).unwrap());
            assert_eq!(to_json_text(&x), "null");
        }
    }

    #[test]
    fn nested_objects_and_arrays_separate_members() {
        let mut out = JsonWriter::new();
        out.begin_object();
        out.field("a", &Vec::<u32>::new());
        out.key("b");
        out.begin_object();
        out.end_object();
        out.field_if_present("c", &None::<u32>);
        out.field("d", &vec![vec![1u8], vec![]]);
        out.field("e", &None::<bool>);
        out.end_object();
        assert_eq!(out.finish(), r#"{"a":[],"b":{},"d":[[1],[]],"e":null}"#);
    }
}
