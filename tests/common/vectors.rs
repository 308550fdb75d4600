//! Golden-vector runner shared by the native and the browser tests.
//!
//! A vector file is an array of `{name, fn, input, expected}` or
//! `{name, fn, input, expectedError: {code, path}}`. `expected` is a subset
//! match: every key it gives must deep-equal the output (numbers within 1e-9).
//! For a string output (an SVG card), `expected` may be
//! `{"$contains": [...], "$excludes": [...]}`: substrings it must and must not hold.

use serde_json::Value;

/// What calling a function produced: its output, or `(code, path)` of its error.
pub type Outcome = Result<Value, (String, String)>;

/// Whether `actual` contains everything `expected` says.
pub fn subset_matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::String(a)) => {
            let list = |key: &str| -> Vec<&str> {
                e.get(key)
                    .and_then(Value::as_array)
                    .map(|v| v.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default()
            };
            e.keys().all(|k| k == "$contains" || k == "$excludes")
                && list("$contains").iter().all(|s| a.contains(s))
                && !list("$excludes").iter().any(|s| a.contains(s))
        }
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, ev)| a.get(k).is_some_and(|av| subset_matches(ev, av))),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(ev, av)| subset_matches(ev, av))
        }
        (Value::Number(e), Value::Number(a)) => match (e.as_f64(), a.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9,
            _ => false,
        },
        _ => expected == actual,
    }
}

/// Runs every vector of one file; returns (passed, failure messages).
pub fn run_file(
    file: &str,
    text: &str,
    call: &dyn Fn(&str, &Value) -> Outcome,
) -> (usize, Vec<String>) {
    let vectors: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (0, vec![format!("{file}: not JSON: {e}")]),
    };
    let Some(list) = vectors.as_array() else {
        return (0, vec![format!("{file}: not an array")]);
    };
    let mut passed = 0;
    let mut failures = Vec::new();
    for (i, vector) in list.iter().enumerate() {
        let name = vector["name"].as_str().unwrap_or("(unnamed)");
        let Some(function) = vector["fn"].as_str() else {
            failures.push(format!("{file}[{i}] {name}: no `fn`"));
            continue;
        };
        let outcome = call(function, &vector["input"]);
        let verdict = match (
            vector.get("expected"),
            vector.get("expectedError"),
            &outcome,
        ) {
            (Some(expected), None, Ok(actual)) if subset_matches(expected, actual) => Ok(()),
            (Some(expected), None, Ok(actual)) => Err(format!("expected {expected}, got {actual}")),
            (Some(_), None, Err((code, path))) => Err(format!("unexpected error {code} at {path}")),
            (None, Some(expected), Err((code, path))) => {
                let want = (expected["code"].as_str(), expected["path"].as_str());
                if want == (Some(code.as_str()), Some(path.as_str())) {
                    Ok(())
                } else {
                    Err(format!("expected error {expected}, got {code} at {path}"))
                }
            }
            (None, Some(expected), Ok(actual)) => {
                Err(format!("expected error {expected}, got {actual}"))
            }
            _ => Err("needs exactly one of `expected` and `expectedError`".to_owned()),
        };
        match verdict {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!("{file}[{i}] {name}: {why}")),
        }
    }
    (passed, failures)
}
