//! JSON text from what the JS bindings are handed: UTF-8 bytes, or nothing usable. One place for
//! these rules and messages, shared by the wasm-bindgen bindings (`src/wasm/`) and the raw ABI
//! ([`crate::raw`]).

use super::check_input_size;
use crate::error::{Error, ErrorCode, Message, Result};

/// The UTF-8 encoding of U+FEFF, which some servers put before a JSON body.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// UTF-8 JSON text handed over as bytes (`await res.arrayBuffer()`): bytes that are not UTF-8
/// are `invalid_json` at the offset of the first bad byte; a leading byte-order mark is skipped
/// (`res.text()` / `res.json()` drop it too); more than the input limit is `too_large`.
///
/// ```
/// let text = impactkit::json::text_of_bytes(b"\xEF\xBB\xBF{}".to_vec()).unwrap();
/// assert_eq!(text, "{}");
/// let e = impactkit::json::text_of_bytes(b"{\"a\": \"\xFF\"}".to_vec()).unwrap_err();
/// assert_eq!(e.message, "the input bytes are not UTF-8 at byte 7");
/// ```
pub fn text_of_bytes(mut buffer: Vec<u8>) -> Result<String> {
    check_input_size(buffer.len())?;
    let bom = if buffer.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    if bom > 0 {
        buffer.drain(..bom);
    }
    String::from_utf8(buffer).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + bom;
        let message = Message::new("the input bytes are not UTF-8 at byte ").int(at as i128);
        Error::new(ErrorCode::InvalidJson, "$", message)
    })
}

/// A JS string's UTF-8 encoding (by the engine's `TextEncoder`) as text.
///
/// ```
/// assert_eq!(impactkit::json::text_of_encoded_string(b"{}".to_vec()).unwrap(), "{}");
/// ```
pub fn text_of_encoded_string(buffer: Vec<u8>) -> Result<String> {
    // (Its exact size is checked where all JSON text is: `value_from_text`.)
    String::from_utf8(buffer).map_err(|_| {
        Error::new(
            ErrorCode::InvalidJson,
            "$",
            "the input text is not valid UTF-16",
        )
    })
}

/// The error for an input that `JSON.stringify` could not turn into text: `too_large` when it
/// threw a `RangeError` (text longer than the engine's longest string, or nesting deeper than its
/// stack), else `invalid_type` (BigInt, cycles, `undefined`, a function).
///
/// ```
/// assert_eq!(impactkit::json::not_json_text(true).code.as_str(), "too_large");
/// assert_eq!(impactkit::json::not_json_text(false).code.as_str(), "invalid_type");
/// ```
#[inline(never)]
pub fn not_json_text(range_error: bool) -> Error {
    if range_error {
        return Error::new(
            ErrorCode::TooLarge,
            "$",
            "the object is too large or too deeply nested for JSON.stringify",
        );
    }
    Error::new(
        ErrorCode::InvalidType,
        "$",
        "expected a plain JSON-able object or JSON text (no BigInt or cycles)",
    )
}
