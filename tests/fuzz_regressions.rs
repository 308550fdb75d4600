//! Every file in fuzz/regressions/ goes to every entry point: a result or a
//! clean error, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, json, time::TzDatabase};

#[test]
fn regression_inputs_never_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir)
        .expect("fuzz/regressions exists")
        .flatten()
    {
        let bytes = std::fs::read(entry.path()).expect("readable");
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        let Ok(value) = json::value_from(&mut de) else {
            continue;
        };
        for name in api::FUNCTION_NAMES {
            let _ = api::call(name, &value, &TzDatabase);
            checked += 1;
        }
    }
    assert!(checked > 0, "no regression inputs were read");
}

#[test]
fn deep_nesting_is_refused_with_a_path_not_a_stack_overflow() {
    let text = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let mut de = serde_json::Deserializer::from_str(&text);
    let error = json::value_from(&mut de).expect_err("too deep");
    assert_eq!(error.code.as_str(), "too_large");
    assert!(error.path.starts_with("$.a[0][0]"), "{}", error.path);
}
