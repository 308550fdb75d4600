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
        let Some(Ok(value)) = std::str::from_utf8(&bytes).ok().map(json::value_from_text) else {
            continue;
        };
        for name in api::FUNCTION_NAMES {
            let _ = api::call_node(name, &value, &TzDatabase);
            checked += 1;
        }
    }
    assert!(checked > 0, "no regression inputs were read");
}

#[test]
fn deep_nesting_is_refused_with_a_path_not_a_stack_overflow() {
    let text = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let error = json::value_from_text(&text).expect_err("too deep");
    assert_eq!(error.code.as_str(), "too_large");
    assert!(error.path.starts_with("$.a[0][0]"), "{}", error.path);
}

/// The minimized libFuzzer corpus (`fuzz/corpus/json_bytes-<function>/`, kept by `make fuzz`)
/// replays through its function: a result or a clean error, never a panic.
#[test]
fn fuzz_corpus_replays_without_panics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return; // no corpus in this checkout
    };
    let mut replayed = 0;
    for entry in entries.flatten() {
        let folder = entry.file_name().to_string_lossy().into_owned();
        let Some(function) = folder.strip_prefix("json_bytes-") else {
            continue;
        };
        assert!(
            api::FUNCTION_NAMES.contains(&function),
            "corpus for unknown function {function}"
        );
        for input in std::fs::read_dir(entry.path()).expect("readable").flatten() {
            let bytes = std::fs::read(input.path()).expect("readable");
            // As the fuzz target reads them: the whole input, else without its first byte.
            for body in [&bytes[..], bytes.get(1..).unwrap_or_default()] {
                if let Some(Ok(value)) = std::str::from_utf8(body).ok().map(json::value_from_text) {
                    let _ = api::call_node(function, &value, &TzDatabase);
                    break;
                }
            }
            replayed += 1;
        }
    }
    println!("fuzz corpus: {replayed} inputs replayed");
}

#[test]
fn oversized_json_text_is_refused_before_parsing() {
    let text = format!("[{}0]", "0,".repeat(impactkit::limits::MAX_INPUT_BYTES / 2));
    let error = json::value_from_text(&text).expect_err("too large");
    assert_eq!(
        (error.code.as_str(), error.path.as_str()),
        ("too_large", "$")
    );
}
