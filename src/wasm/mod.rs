//! wasm-bindgen bindings: thin camelCase functions, one JSON-able object in,
//! one value out, errors thrown as JS `Error`s with `code`, `path`, `message`.
//! Generated from [`crate::api::for_each_function!`].

#[cfg(any(feature = "full", feature = "cards"))]
mod card_png;
#[cfg(any(feature = "full", feature = "sessions"))]
mod customer;
mod intl_tz;

#[cfg(any(feature = "full", feature = "cards"))]
pub use card_png::impact_card_png;
#[cfg(any(feature = "full", feature = "sessions"))]
pub use customer::{open_customer, Customer};

// The small allocator of the stateless modules (Cargo feature `small-alloc`): linked in for its
// `#[global_allocator]`.
#[cfg(feature = "small-alloc")]
use impactkit_alloc as _;
// Its arena (feature `arena`, for crates/impactkit-raw, which resets it when a call starts) would
// grow without end here: these bindings never reset it.
#[cfg(feature = "small-alloc")]
const _: () = assert!(
    !impactkit_alloc::ARENA,
    "the wasm-bindgen bindings need impactkit-alloc without its `arena` feature"
);

use crate::error::Error;
use crate::json::{value_from_text, Json, ToJson};
use crate::time::ZoneDb;
use intl_tz::IntlZones;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../../pkg-templates/types.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_ERROR_CODE: &str = crate::ErrorCode::TYPESCRIPT;

/// Turns an impactkit error into a thrown JS `Error` with `code` and `path`.
fn to_js_error(error: Error) -> JsValue {
    let crate::ErrorFields {
        code,
        path,
        message,
    } = error.into_fields();
    let js = js_sys::Error::new(&message);
    // Setting plain properties on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&js, &"code".into(), &code.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &path.into());
    js.into()
}

#[wasm_bindgen(inline_js = r#"
const MARK = "\u0000nonfinite:";
function markNonFinite(key, value) {
  return typeof value === "number" && !Number.isFinite(value) ? MARK + value : value;
}
export function toJsonText(value) {
  return JSON.stringify(value, markNonFinite);
}
export function fromJsonText(text) {
  return JSON.parse(text);
}
const encoder = new TextEncoder();
export function utf16Length(text) {
  return text.length;
}
let unitsRead = 0;
// UTF-8 of text[from..] into buffer; returns the bytes written (lastRead(): UTF-16 units read).
export function encodeInto(text, from, buffer) {
  const { read, written } = encoder.encodeInto(from === 0 ? text : text.slice(from), buffer);
  unitsRead = read;
  return written;
}
export function lastRead() {
  return unitsRead;
}
// The bytes of an ArrayBuffer / SharedArrayBuffer or of any view on one (Uint8Array, DataView, …),
// from this realm or another (an iframe, node:vm): a Uint8Array over them, or undefined.
export function byteView(value) {
  if (ArrayBuffer.isView(value)) {
    return value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  const tag = Object.prototype.toString.call(value);
  return tag === "[object ArrayBuffer]" || tag === "[object SharedArrayBuffer]" ? new Uint8Array(value) : undefined;
}
export function byteLength(view) {
  return view.length;
}
export function copyBytes(view, buffer) {
  buffer.set(view);
}
"#)]
extern "C" {
    /// `JSON.stringify`, with NaN/±Infinity marked as `NON_FINITE_MARK` strings
    /// (plain JSON would turn them into `null`). Throws on cycles and BigInt.
    #[wasm_bindgen(catch, js_name = toJsonText)]
    fn to_json_text(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = fromJsonText)]
    fn from_json_text(text: &str) -> JsValue;
    #[wasm_bindgen(js_name = utf16Length)]
    fn utf16_length(text: &JsValue) -> f64;
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsValue, from: f64, buffer: &mut [u8]) -> f64;
    #[wasm_bindgen(js_name = lastRead)]
    fn last_read() -> f64;
    #[wasm_bindgen(js_name = byteView)]
    fn byte_view(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = byteLength)]
    fn byte_length(view: &JsValue) -> f64;
    #[wasm_bindgen(js_name = copyBytes)]
    fn copy_bytes(view: &JsValue, buffer: &mut [u8]);
}

/// Wasm memory a call works in, per byte of JSON text: the text, its parse tree and the
/// result (measured at the limits: a 1,000,000-record streak peaks at ~5.7× its text, a
/// card with 1,000,000 badges at ~5×; see BENCHMARKS.md "First call at the limits").
const WORKING_BYTES_PER_INPUT_BYTE: usize = 6;
/// Inputs from which memory is reserved up front (smaller calls fit the memory there is).
const RESERVE_FROM_BYTES: usize = 1 << 20;

/// Grows wasm memory once for a call on `text_bytes` of JSON text. Grown step by step
/// while the parse tree fills, V8 ran a full GC per `memory.grow` (a 1,000,000-record
/// streak took 35 s on its first call in Node 20, 0.3 s after). The block is freed at once
/// and stays with the allocator (wasm memory never shrinks), so the call's allocations
/// reuse it; untouched pages cost address space, not resident memory.
/// Only a memory smaller than the working set grows: a block of it reserved again on later
/// calls might not fit between what earlier calls keep (the zone cache) and grow it twice.
/// (Not with the small allocator, `small-alloc`: it grows memory by half its size at a time by
/// itself, and a block reserved and freed would stay in one size class.)
fn reserve_working_memory(text_bytes: usize) {
    if cfg!(feature = "small-alloc") {
        return;
    }
    let working_set = text_bytes.saturating_mul(WORKING_BYTES_PER_INPUT_BYTE);
    if text_bytes >= RESERVE_FROM_BYTES && memory_bytes() < working_set {
        let mut block: Vec<u8> = Vec::new();
        // Best effort: if the engine refuses the memory, the call grows it as it goes.
        let _ = block.try_reserve_exact(working_set);
    }
}

/// Bytes of wasm linear memory now.
fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size::<0>().saturating_mul(65_536)
}

/// The UTF-8 bytes of a JS string, written into wasm memory by the engine's
/// `TextEncoder.encodeInto`. (wasm-bindgen's own string passing copies ASCII one
/// character at a time in JS: 6 ms instead of 0.4 ms for a 4 MB response body.)
fn utf8_of(text: &JsValue) -> Result<String, Error> {
    use crate::json::input_too_large;
    use crate::limits::MAX_INPUT_BYTES;
    let units = utf16_length(text) as usize;
    // Every UTF-16 unit is at least one UTF-8 byte: the text is at least `units` bytes.
    if units > MAX_INPUT_BYTES {
        return Err(input_too_large("at least ", units));
    }
    reserve_working_memory(units);
    let mut buffer = vec![0u8; units];
    let (mut read, mut written, mut grown) = (0usize, 0usize, false);
    while read < units {
        let Some(free) = buffer.get_mut(written..) else {
            break;
        };
        written += encode_into(text, read as f64, free) as usize;
        let progress = last_read() as usize;
        read += progress;
        if read < units {
            // Non-ASCII text: the rest needs 1–3 bytes per UTF-16 unit. Stop as soon as the
            // limit is certainly exceeded, and never hold more than the limit (+ one character).
            let at_least = written + (units - read);
            // (A grown buffer always has room for the next character unless the text is
            // over the limit, so no progress then means too large as well.)
            if at_least > MAX_INPUT_BYTES || (grown && progress == 0) {
                return Err(input_too_large("at least ", at_least));
            }
            buffer.resize((written + 3 * (units - read)).min(MAX_INPUT_BYTES + 4), 0);
            grown = true;
        }
    }
    buffer.truncate(written);
    crate::json::text_of_encoded_string(buffer)
}

/// UTF-8 JSON text handed over as bytes (`await res.arrayBuffer()`): copied into wasm memory
/// in one call, with no decode → encode round trip; see [`crate::json::text_of_bytes`].
fn text_of_bytes(bytes: &JsValue) -> Result<String, Error> {
    let length = byte_length(bytes) as usize;
    crate::json::check_input_size(length)?;
    reserve_working_memory(length);
    let mut buffer = vec![0u8; length];
    copy_bytes(bytes, &mut buffer);
    crate::json::text_of_bytes(buffer)
}

/// The input as JSON text: a string is taken as JSON text as is (a fetched response
/// body), a `Uint8Array` or `ArrayBuffer` as its UTF-8 bytes; anything else goes through the engine's native `JSON.stringify`, which,
/// with parsing inside wasm, is several times faster than walking the object from
/// Rust field by field (see BENCHMARKS.md).
pub(crate) fn input_text(input: &JsValue) -> Result<String, Error> {
    if input.is_string() {
        return utf8_of(input);
    }
    let bytes = byte_view(input);
    if !bytes.is_undefined() {
        return text_of_bytes(&bytes);
    }
    match to_json_text(input) {
        Ok(text) if text.is_string() => utf8_of(&text),
        // JSON.stringify throws a RangeError when the text would be longer than the
        // engine's longest string or the nesting deeper than its stack.
        Err(error) if error.is_instance_of::<js_sys::RangeError>() => {
            Err(crate::json::not_json_text(true))
        }
        _ => Err(crate::json::not_json_text(false)),
    }
}

// (`impactkit/sessions`, the one module besides the full build on these bindings, exports no stateless
// function: only openCustomer.)
#[cfg_attr(not(feature = "full"), allow(dead_code))]
fn run<T: ToJson>(
    name: &str,
    input: JsValue,
    f: fn(&Json, &dyn ZoneDb) -> crate::Result<T>,
) -> Result<JsValue, JsValue> {
    let text = crate::api::input_json_text(name, input_text(&input).map_err(to_js_error)?);
    if let Some(output) = from_text(name, &text) {
        return Ok(from_json_text(&output.map_err(to_js_error)?));
    }
    let value = value_from_text(&text).map_err(to_js_error)?;
    let output = f(&Json::root(&value), &IntlZones).map_err(to_js_error)?;
    Ok(from_json_text(&crate::json::to_json_text(&output)))
}

/// The result (as JSON text) of the functions that read their big lists straight from the text
/// (no parse tree; the same results and errors): `None` for the others.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
fn from_text(name: &str, text: &str) -> Option<crate::Result<String>> {
    #[cfg(any(feature = "full", feature = "streaks"))]
    if name == "streak" {
        let streak = crate::streaks::streak_from_text(text, &IntlZones);
        return Some(streak.map(|s| crate::json::to_json_text(&s)));
    }
    let _ = (name, text); // (a module without such functions)
    None
}

macro_rules! exports {
    ($(($js:literal, $rust:ident, $module:tt, $in_ty:literal, $out_ty:literal, [$($doc:literal),* $(,)?])),* $(,)?) => {
        $(
            $(#[doc = $doc])*
            #[cfg(any(feature = "full", feature = $module))]
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $out_ty)]
            pub fn $rust(#[wasm_bindgen(unchecked_param_type = $in_ty)] input: JsValue) -> Result<JsValue, JsValue> {
                run($js, input, crate::api::$rust)
            }
        )*

        /// Calls an exported function by its JS name (used by the browser vector tests).
        #[doc(hidden)]
        pub fn call_by_name(name: &str, input: JsValue) -> Option<Result<JsValue, JsValue>> {
            match name {
                $(#[cfg(any(feature = "full", feature = $module))]
                $js => Some($rust(input)),)*
                _ => {
                    drop(input); // (a module that exports none of them: impactkit/sessions)
                    None
                }
            }
        }
    };
}
crate::api::for_each_function!(exports);

/// The version of impactkit, e.g. `"0.1.0"`.
/// @example
/// version(); // → "0.1.0"
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Bytes of linear memory the module holds now (for memory-bound tests and diagnostics).
/// @example
/// wasmMemoryBytes(); // → 1179648 (grows with the largest input seen, never shrinks)
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    memory_bytes() as f64
}
