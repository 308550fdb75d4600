//! Golden vectors and boundary tests in headless Chromium (wasm-bindgen-test),
//! through the real wasm-bindgen exports: JS objects in, JS objects or thrown
//! `Error`s out, IANA zones resolved by the browser's `Intl`.
#![cfg(target_arch = "wasm32")]

mod common;
use common::vectors::{run_file, Outcome};
use impactkit::wasm::call_by_name;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every vector file; `tests/vectors_native.rs` checks none is missing.
const FILES: &[(&str, &str)] = &[
    ("vectors/badges.json", include_str!("vectors/badges.json")),
    (
        "vectors/capillary.json",
        include_str!("vectors/capillary.json"),
    ),
    (
        "vectors/achievements.json",
        include_str!("vectors/achievements.json"),
    ),
    (
        "vectors/campaigns.json",
        include_str!("vectors/campaigns.json"),
    ),
    (
        "vectors/gameball.json",
        include_str!("vectors/gameball.json"),
    ),
    ("vectors/graphql.json", include_str!("vectors/graphql.json")),
    (
        "vectors/milestones.json",
        include_str!("vectors/milestones.json"),
    ),
    ("vectors/streaks.json", include_str!("vectors/streaks.json")),
    ("vectors/tiers.json", include_str!("vectors/tiers.json")),
];

fn get(object: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(object, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn call_with(function: &str, js_input: JsValue) -> Outcome {
    match call_by_name(function, js_input) {
        None => Err(("no_such_function".into(), function.into())),
        Some(Ok(out)) => {
            let text: String = js_sys::JSON::stringify(&out)
                .map(Into::into)
                .unwrap_or_default();
            Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
        }
        Some(Err(error)) => {
            assert!(
                error.is_instance_of::<js_sys::Error>(),
                "errors are JS Error objects"
            );
            Err((get(&error, "code"), get(&error, "path")))
        }
    }
}

fn call(function: &str, input: &Value) -> Outcome {
    let text = serde_json::to_string(input).unwrap_or_default();
    call_with(
        function,
        js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL),
    )
}

/// The same input handed over as JSON text (parsed inside wasm).
fn call_text(function: &str, input: &Value) -> Outcome {
    let text = serde_json::to_string(input).unwrap_or_default();
    call_with(function, JsValue::from_str(&text))
}

#[wasm_bindgen_test]
fn golden_vectors_in_the_browser() {
    let (mut passed, mut failures) = (0, Vec::new());
    for (name, text) in FILES {
        for caller in [call as fn(&str, &Value) -> Outcome, call_text] {
            let (p, f) = run_file(name, text, &caller);
            passed += p;
            failures.extend(f);
        }
    }
    for failure in &failures {
        console_log!("FAIL {failure}");
    }
    console_log!(
        "golden vectors (browser): {passed} passed, {} failed",
        failures.len()
    );
    assert!(failures.is_empty(), "{} vectors failed", failures.len());
    assert!(passed > 0);
}

#[wasm_bindgen_test]
fn non_finite_numbers_from_js_are_errors_with_a_path() {
    let input = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&input, &"current".into(), &JsValue::from_f64(f64::NAN));
    let _ = js_sys::Reflect::set(&input, &"target".into(), &JsValue::from_f64(500.0));
    let error = impactkit::wasm::milestone_progress(input.into()).unwrap_err();
    assert_eq!(get(&error, "code"), "invalid_number");
    assert_eq!(get(&error, "path"), "$.current");
    assert!(get(&error, "message").contains("finite"));
}

#[wasm_bindgen_test]
fn malformed_json_text_is_an_invalid_json_error() {
    let error =
        impactkit::wasm::milestone_progress(JsValue::from_str("{\"current\": 1,")).unwrap_err();
    assert_eq!(get(&error, "code"), "invalid_json");
    assert!(get(&error, "message").contains("line 1"));
}

#[wasm_bindgen_test]
fn undefined_input_is_a_type_error() {
    let error = impactkit::wasm::milestone_progress(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&error, "code"), "invalid_type");
    assert_eq!(get(&error, "path"), "$");
}

#[wasm_bindgen_test]
fn outputs_are_plain_objects_not_maps() {
    let input =
        js_sys::JSON::parse(r#"{"current": 248.5, "target": 500}"#).unwrap_or(JsValue::NULL);
    let out = impactkit::wasm::milestone_progress(input).unwrap_or(JsValue::NULL);
    assert!(!out.is_instance_of::<js_sys::Map>());
    let pct = js_sys::Reflect::get(&out, &"percentage".into())
        .ok()
        .and_then(|v| v.as_f64());
    assert_eq!(pct, Some(49.7));
}
