//! wasm-bindgen bindings: thin camelCase functions, one JSON-able object in,
//! one value out, errors thrown as JS `Error`s with `code`, `path`, `message`.
//! Generated from [`crate::api::for_each_function!`].

mod intl_tz;

use crate::error::Error;
use crate::json::{value_from, value_from_text, Json};
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

fn run<T: Serialize>(
    input: JsValue,
    f: fn(&Json, &dyn ZoneDb) -> crate::Result<T>,
) -> Result<JsValue, JsValue> {
    // JSON text (a fetched response body) is parsed inside wasm: for big payloads that is
    // faster than walking a JS object graph field by field.
    let value = match input.as_string() {
        Some(text) => value_from_text(&text),
        None => value_from(serde_wasm_bindgen::Deserializer::from(input)),
    }
    .map_err(to_js_error)?;
    let output = f(&Json::root(&value), &IntlZones).map_err(to_js_error)?;
    output
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
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
