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
    ("vectors/card.json", include_str!("vectors/card.json")),
    (
        "vectors/defects-cards.json",
        include_str!("vectors/defects-cards.json"),
    ),
    (
        "vectors/defects-badges.json",
        include_str!("vectors/defects-badges.json"),
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
    (
        "vectors/defects-zones.json",
        include_str!("vectors/defects-zones.json"),
    ),
    ("vectors/graphql.json", include_str!("vectors/graphql.json")),
    (
        "vectors/milestones.json",
        include_str!("vectors/milestones.json"),
    ),
    (
        "vectors/milestone-eta.json",
        include_str!("vectors/milestone-eta.json"),
    ),
    ("vectors/streaks.json", include_str!("vectors/streaks.json")),
    (
        "vectors/streak-repair.json",
        include_str!("vectors/streak-repair.json"),
    ),
    ("vectors/tiers.json", include_str!("vectors/tiers.json")),
    (
        "vectors/tiers-retention.json",
        include_str!("vectors/tiers-retention.json"),
    ),
    ("vectors/points.json", include_str!("vectors/points.json")),
    (
        "vectors/defects-numbers.json",
        include_str!("vectors/defects-numbers.json"),
    ),
    ("vectors/health.json", include_str!("vectors/health.json")),
    (
        "vectors/sessions.json",
        include_str!("vectors/sessions.json"),
    ),
    ("vectors/events.json", include_str!("vectors/events.json")),
    (
        "vectors/gameball-referrals.json",
        include_str!("vectors/gameball-referrals.json"),
    ),
    (
        "vectors/leaderboard.json",
        include_str!("vectors/leaderboard.json"),
    ),
    ("vectors/review.json", include_str!("vectors/review.json")),
    (
        "vectors/messages-locales.json",
        include_str!("vectors/messages-locales.json"),
    ),
    (
        "vectors/review-h15.json",
        include_str!("vectors/review-h15.json"),
    ),
    (
        "vectors/hints-locales.json",
        include_str!("vectors/hints-locales.json"),
    ),
    (
        "vectors/open-badges.json",
        include_str!("vectors/open-badges.json"),
    ),
    (
        "vectors/review-speed.json",
        include_str!("vectors/review-speed.json"),
    ),
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
fn cycles_and_bigint_are_type_errors_not_crashes() {
    let cyclic = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic);
    let bigint = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &bigint,
        &"current".into(),
        &js_sys::BigInt::from(5u32).into(),
    );
    for input in [JsValue::from(cyclic), JsValue::from(bigint)] {
        let error = impactkit::wasm::milestone_progress(input).unwrap_err();
        assert_eq!(get(&error, "code"), "invalid_type");
        assert_eq!(get(&error, "path"), "$");
    }
}

#[wasm_bindgen_test]
fn js_dates_arrive_as_rfc3339_text() {
    let input = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&input, &"timezone".into(), &"UTC".into());
    let data =
        js_sys::JSON::parse(r#"{"customerMilestones": {"completed": [{"name": "100 kg"}]}}"#)
            .unwrap_or(JsValue::NULL);
    let completed = js_sys::Reflect::get(&data, &"customerMilestones".into())
        .and_then(|m| js_sys::Reflect::get(&m, &"completed".into()))
        .and_then(|c| js_sys::Reflect::get(&c, &0.into()))
        .unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(
        &completed,
        &"completedAt".into(),
        &js_sys::Date::new(&JsValue::from_f64(1_746_172_800_000.0)).into(),
    );
    let _ = js_sys::Reflect::set(&input, &"data".into(), &data);
    let out = impactkit::wasm::read_impact_profile(input.into()).unwrap_or(JsValue::NULL);
    let text: String = js_sys::JSON::stringify(&out)
        .map(Into::into)
        .unwrap_or_default();
    assert!(
        text.contains("\"completedAt\":\"2025-05-02T08:00:00Z\""),
        "{text}"
    );
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

// ---- Impact cards -------------------------------------------------------------

/// The seed 000 profile as `tests/cards.rs` builds it: readImpactProfile's
/// output plus a display name and a streak.
fn seed_profile() -> Value {
    let response =
        js_sys::JSON::parse(include_str!("cards/seed000-response.json")).unwrap_or(JsValue::NULL);
    let profile = match call_by_name("readImpactProfile", response) {
        Some(Ok(p)) => js_sys::JSON::stringify(&p)
            .map(String::from)
            .unwrap_or_default(),
        _ => String::new(),
    };
    let mut profile: Value = serde_json::from_str(&profile).unwrap_or(Value::Null);
    profile["displayName"] = "Alex Green".into();
    profile["streak"] = serde_json::json!({"current": 3, "state": "active", "period": "month"});
    profile
}

fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// One snapshot: (golden name, input, golden SVG, PNG snapshot in docs/cards at half scale).
macro_rules! snapshot {
    ($name:literal, $input:expr) => {
        (
            $name,
            $input,
            include_str!(concat!("cards/", $name, ".svg")),
            include_bytes!(concat!("../docs/cards/", $name, ".png")) as &'static [u8],
        )
    };
}

fn snapshots() -> Vec<(&'static str, Value, &'static str, &'static [u8])> {
    let p = seed_profile();
    let custom = serde_json::json!({"base": "#1e3a8a", "accent": "rgb(37, 99, 235)", "background": "aliceblue", "text": "hsl(222, 47%, 11%)"});
    let brand = serde_json::json!({"brandName": "GreenShop", "brandColor": "#2563eb"});
    vec![
        snapshot!(
            "og-light",
            serde_json::json!({"profile": p, "size": "og", "theme": "light"})
        ),
        snapshot!(
            "og-dark",
            serde_json::json!({"profile": p, "size": "og", "theme": "dark"})
        ),
        snapshot!(
            "og-custom",
            serde_json::json!({"profile": p, "size": "og", "theme": custom, "options": brand})
        ),
        snapshot!(
            "og-light-ar",
            serde_json::json!({"profile": p, "locale": "ar"})
        ),
        snapshot!(
            "square-light",
            serde_json::json!({"profile": p, "size": "square", "theme": "light"})
        ),
        snapshot!(
            "square-dark",
            serde_json::json!({"profile": p, "size": "square", "theme": "dark"})
        ),
        snapshot!(
            "story-light",
            serde_json::json!({"profile": p, "size": "story", "theme": "light"})
        ),
        snapshot!(
            "story-dark",
            serde_json::json!({"profile": p, "size": "story", "theme": "dark"})
        ),
        snapshot!(
            "badge-light",
            serde_json::json!({"profile": p, "size": "badge", "theme": "light"})
        ),
        snapshot!(
            "badge-dark",
            serde_json::json!({"profile": p, "size": "badge", "theme": "dark"})
        ),
    ]
}

#[wasm_bindgen_test]
fn wasm_cards_are_byte_identical_to_the_native_goldens() {
    for (name, input, golden, _) in snapshots() {
        let svg = match call_by_name("impactCard", to_js(&input)) {
            Some(Ok(out)) => out.as_string().unwrap_or_default(),
            _ => String::new(),
        };
        assert!(
            svg == golden,
            "{name}: wasm output differs from tests/cards/{name}.svg"
        );
    }
}

/// Decodes PNG bytes with the browser: (width, height, RGBA).
async fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    use wasm_bindgen_futures::JsFuture;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/png");
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).expect("blob");
    let url = web_sys::Url::create_object_url_with_blob(&blob).expect("url");
    let image = web_sys::HtmlImageElement::new().expect("img");
    image.set_src(&url);
    JsFuture::from(image.decode()).await.expect("png decodes");
    let (w, h) = (image.natural_width(), image.natural_height());
    let canvas = web_sys::OffscreenCanvas::new(w, h).expect("canvas");
    let context: web_sys::OffscreenCanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .expect("2d");
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .expect("draw");
    let data = context
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .expect("pixels");
    (w, h, data.data().0)
}

#[wasm_bindgen_test]
async fn png_export_matches_the_chromium_snapshots_within_tolerance() {
    for (name, mut input, _, snapshot) in snapshots() {
        input["scale"] = 0.5.into();
        let promise = impactkit::wasm::impact_card_png(to_js(&input));
        let png = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("impactCardPng resolves");
        let png: js_sys::Uint8Array = png.dyn_into().expect("a Uint8Array");
        let bytes = png.to_vec();
        assert_eq!(
            bytes.get(..8),
            Some(&b"\x89PNG\r\n\x1a\n"[..]),
            "{name}: PNG signature"
        );
        let (w, h, actual) = decode_png(&bytes).await;
        let (sw, sh, expected) = decode_png(snapshot).await;
        assert_eq!((w, h), (sw, sh), "{name}: size");
        let mut total = 0u64;
        let mut far = 0usize;
        for (a, e) in actual.chunks(4).zip(expected.chunks(4)) {
            let d = a
                .iter()
                .zip(e)
                .map(|(x, y)| x.abs_diff(*y))
                .max()
                .unwrap_or(0);
            total += u64::from(d);
            far += usize::from(d > 96);
        }
        let pixels = (w * h) as usize;
        let mean = total as f64 / pixels as f64;
        let far_share = far as f64 / pixels as f64;
        console_log!(
            "{name}: {w}×{h}, mean difference {mean:.2}/255, {:.2}% of pixels far off",
            far_share * 100.0
        );
        assert!(
            mean < 4.0 && far_share < 0.02,
            "{name}: PNG differs from docs/cards/{name}.png beyond tolerance"
        );
    }
}

#[wasm_bindgen_test]
async fn png_export_rejects_bad_input_with_code_and_path() {
    let input = serde_json::json!({"profile": seed_profile(), "theme": {"accent": "red;background:url(x)"}});
    let error =
        wasm_bindgen_futures::JsFuture::from(impactkit::wasm::impact_card_png(to_js(&input)))
            .await
            .unwrap_err();
    assert_eq!(
        (get(&error, "code"), get(&error, "path")),
        ("invalid_color".into(), "$.theme.accent".into())
    );
    let input = serde_json::json!({"profile": seed_profile(), "scale": 10});
    let error =
        wasm_bindgen_futures::JsFuture::from(impactkit::wasm::impact_card_png(to_js(&input)))
            .await
            .unwrap_err();
    assert_eq!(
        (get(&error, "code"), get(&error, "path")),
        ("out_of_range".into(), "$.scale".into())
    );
}
