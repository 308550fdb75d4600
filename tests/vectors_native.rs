//! Runs every golden vector in `tests/vectors/` natively.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::vectors::{run_file, Outcome};
use impactkit::{api, time::TzDatabase};
use serde_json::Value;

fn call(function: &str, input: &Value) -> Outcome {
    api::call(function, input, &TzDatabase).map_err(|e| (e.code.as_str().to_owned(), e.path))
}

#[test]
fn golden_vectors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files found");
    let (mut passed, mut failures) = (0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("vector file is readable");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let (p, f) = run_file(name, &text, &call);
        passed += p;
        failures.extend(f);
    }
    for failure in &failures {
        eprintln!("FAIL {failure}");
    }
    println!(
        "golden vectors (native): {passed} passed, {} failed",
        failures.len()
    );
    assert!(failures.is_empty());
    assert!(passed > 0);
}

#[test]
fn every_vector_file_runs_in_the_browser_too() {
    let browser = include_str!("browser.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    for entry in std::fs::read_dir(dir)
        .expect("tests/vectors exists")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            assert!(
                browser.contains(&format!("\"vectors/{name}\"")),
                "tests/browser.rs does not include vectors/{name}"
            );
        }
    }
}

#[test]
fn every_exported_function_has_vectors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut all = String::new();
    for entry in std::fs::read_dir(dir)
        .expect("tests/vectors exists")
        .flatten()
    {
        all.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
    }
    for name in api::FUNCTION_NAMES {
        assert!(
            all.contains(&format!("\"fn\": \"{name}\"")),
            "no vectors for {name}"
        );
    }
}
