//! wasm-bindgen bindings: thin camelCase functions, one JSON-able object in,
//! one value out, errors thrown as JS `Error`s with `code`, `path`, `message`.
//! Generated from [`crate::api::for_each_function!`].

mod card_png;
mod intl_tz;

pub use card_png::impact_card_png;

use crate::error::Error;
use crate::json::{value_from_text, Json};
use crate::time::ZoneDb;
use intl_tz::IntlZones;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("../../pkg-templates/types.d.ts");

/// Turns an impactkit error into a thrown JS `Error` with `code` and `path`.
fn to_js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.message);
    // Setting plain properties on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&js, &"code".into(), &error.code.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &error.path.into());
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
"#)]
extern "C" {
    /// `JSON.stringify`, with NaN/±Infinity marked as `NON_FINITE_MARK` strings
    /// (plain JSON would turn them into `null`). Throws on cycles and BigInt.
    #[wasm_bindgen(catch, js_name = toJsonText)]
    fn to_json_text(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = fromJsonText)]
    fn from_json_text(text: &str) -> JsValue;
}

/// The input as JSON text: a string is taken as JSON text as is (a fetched response
/// body); anything else goes through the engine's native `JSON.stringify`, which,
/// with parsing inside wasm, is several times faster than walking the object from
/// Rust field by field (see BENCHMARKS.md).
pub(crate) fn input_text(input: &JsValue) -> Result<String, Error> {
    if let Some(text) = input.as_string() {
        return Ok(text);
    }
    to_json_text(input)
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| {
            Error::new(
                crate::ErrorCode::InvalidType,
                "$",
                "expected a plain JSON-able object or JSON text (no functions, BigInt or cycles)",
            )
        })
}

fn run<T: Serialize>(
    input: JsValue,
    f: fn(&Json, &dyn ZoneDb) -> crate::Result<T>,
) -> Result<JsValue, JsValue> {
    let text = input_text(&input).map_err(to_js_error)?;
    let value = value_from_text(&text).map_err(to_js_error)?;
    let output = f(&Json::root(&value), &IntlZones).map_err(to_js_error)?;
    let text = serde_json::to_string(&output)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    Ok(from_json_text(&text))
}

macro_rules! exports {
    ($(($js:literal, $rust:ident, $in_ty:literal, $out_ty:literal)),* $(,)?) => {
        $(
            #[doc = concat!("`", $js, "`: see the README.")]
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $out_ty)]
            pub fn $rust(#[wasm_bindgen(unchecked_param_type = $in_ty)] input: JsValue) -> Result<JsValue, JsValue> {
                run(input, crate::api::$rust)
            }
        )*

        /// Calls an exported function by its JS name (used by the browser vector tests).
        #[doc(hidden)]
        pub fn call_by_name(name: &str, input: JsValue) -> Option<Result<JsValue, JsValue>> {
            match name {
                $($js => Some($rust(input)),)*
                _ => None,
            }
        }
    };
}
crate::api::for_each_function!(exports);

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Bytes of linear memory the module holds now (for memory-bound tests and diagnostics).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65_536) as f64
}
