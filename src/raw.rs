//! The raw ABI of the stateless capability modules (Cargo feature `raw`): what
//! crates/impactkit-raw exports in place of wasm-bindgen's bindings, for the JS glue of
//! pkg-templates/entries/raw.js. The glue hands over the input as UTF-8 bytes with a `kind`; the
//! answer is JSON text, of the result or of the error (`{"code", "path", "message"}`), which the
//! glue throws as the same `Error` as the wasm-bindgen bindings do. Every rule and message is
//! the engine's (`crate::json`), so a module answers exactly as the full package.

use crate::error::Error;
use crate::json::{
    input_too_large, not_json_text, text_of_bytes, text_of_encoded_string, to_json_text,
    value_from_text, Json, JsonWriter, ToJson,
};
use crate::time::ZoneDb;

/// An exported function (`crate::api`).
pub type Function<T> = fn(&Json, &dyn ZoneDb) -> crate::Result<T>;

/// `kind`: the input is a JS string's UTF-8 encoding.
pub const TEXT: u32 = 0;
/// `kind`: the input is bytes the caller gave (a `Uint8Array`, an `ArrayBuffer`, …).
pub const BYTES: u32 = 1;
/// `kind`: `JSON.stringify` threw a `RangeError` (no input).
pub const STRINGIFY_RANGE_ERROR: u32 = 2;
/// `kind`: not a JSON-able value (no input).
pub const NOT_JSON_ABLE: u32 = 3;
/// `kind`: a string of `units` UTF-16 units, over the limit before any conversion (no input).
pub const TEXT_TOO_LONG: u32 = 4;

/// What a call answers: JSON text of its result, or of its error.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// The function's result as JSON text.
    Result(String),
    /// The error as `{"code","path","message"}`.
    Error(String),
}

/// Runs `f`, JS function `name`, on an input of the given `kind` (see the constants), with IANA
/// zones from `zones` (in the module: the host's `Intl`, through crates/impactkit-raw's imports).
///
/// ```
/// use impactkit::raw::{run, Outcome, TEXT};
/// let zones = &impactkit::time::TzDatabase;
/// let out = run("milestoneProgress", TEXT, 0, br#"{"current": 248.5, "target": 500}"#.to_vec(), impactkit::api::milestone_progress, zones);
/// let Outcome::Result(text) = out else { panic!() };
/// assert!(text.contains(r#""percentage":49.7"#));
/// let out = run("milestoneProgress", TEXT, 0, b"{".to_vec(), impactkit::api::milestone_progress, zones);
/// assert!(matches!(out, Outcome::Error(text) if text.starts_with(r#"{"code":"invalid_json","path":"$""#)));
/// ```
pub fn run<T: ToJson>(
    name: &str,
    kind: u32,
    units: u32,
    input: Vec<u8>,
    f: Function<T>,
    zones: &dyn ZoneDb,
) -> Outcome {
    // Only the call and the result's writer are per function; reading the input and writing
    // an error are one copy for the module.
    let f =
        move |value: &Json, zones: &dyn ZoneDb| f(value, zones).map(|result| to_json_text(&result));
    run_text(name, kind, units, input, &f, zones)
}

/// [`run`] for a function that answers JSON text.
#[inline(never)]
fn run_text(
    name: &str,
    kind: u32,
    units: u32,
    input: Vec<u8>,
    f: &TextFunction<'_>,
    zones: &dyn ZoneDb,
) -> Outcome {
    match answer(name, kind, units, input, f, zones) {
        Ok(text) => Outcome::Result(text),
        Err(error) => Outcome::Error(to_json_text(&ErrorJson(&error))),
    }
}

/// A function whose result is already JSON text.
type TextFunction<'a> = dyn Fn(&Json, &dyn ZoneDb) -> crate::Result<String> + 'a;

fn answer(
    name: &str,
    kind: u32,
    units: u32,
    input: Vec<u8>,
    f: &TextFunction<'_>,
    zones: &dyn ZoneDb,
) -> crate::Result<String> {
    let text = match kind {
        TEXT => text_of_encoded_string(input)?,
        BYTES => text_of_bytes(input)?,
        TEXT_TOO_LONG => return Err(input_too_large("at least ", units as usize)),
        STRINGIFY_RANGE_ERROR => return Err(not_json_text(true)),
        _ => return Err(not_json_text(false)),
    };
    let text = crate::api::input_json_text(name, text);
    let value = value_from_text(&text)?;
    f(&Json::root(&value), zones)
}

/// An error as the JS `Error`'s fields.
struct ErrorJson<'a>(&'a Error);

impl ToJson for ErrorJson<'_> {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.field("code", self.0.code.as_str());
        out.field("path", &self.0.path);
        out.field("message", &self.0.message);
        out.end_object();
    }
}
