//! Golden-vector runner shared by the native and the browser tests.
//!
//! A vector file is an array of `{name, fn, input, expected}` or
//! `{name, fn, input, expectedError: {code, path}}`. `expected` is a subset
//! match: every key it gives must deep-equal the output (numbers within 1e-9).
//! For a string output (an SVG card), `expected` may be
//! `{"$contains": [...], "$excludes": [...]}`: substrings it must and must not hold.
//! tests/vectors/matcher/cases.json pins these semantics; tests/subset.mjs implements the same.

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

/// One golden vector: where it is, what it calls, and what it wants.
pub struct Vector {
    /// The file it is in (`milestones.json`).
    pub file: String,
    /// Its position in the file.
    pub index: usize,
    /// Its `name`.
    pub name: String,
    /// The JS name of the function (`fn`).
    pub function: String,
    /// The input, as given.
    pub input: Value,
    /// `expected` (a subset of the output) or `expectedError` (`{code, path}`).
    pub want: Result<Value, Value>,
}

/// The vectors of one file, or why the file (or one of its vectors) is malformed.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<Vector>, String> {
    let vectors: Value =
        serde_json::from_str(text).map_err(|e| format!("{file}: not JSON: {e}"))?;
    let list = vectors
        .as_array()
        .ok_or_else(|| format!("{file}: not an array"))?;
    list.iter()
        .enumerate()
        .map(|(i, vector)| {
            let name = vector["name"].as_str().unwrap_or("(unnamed)").to_owned();
            let label = format!("{file}[{i}] {name}");
            let function = vector["fn"]
                .as_str()
                .ok_or_else(|| format!("{label}: no `fn`"))?
                .to_owned();
            let want = match (vector.get("expected"), vector.get("expectedError")) {
                (Some(expected), None) => Ok(expected.clone()),
                (None, Some(error)) => Err(error.clone()),
                _ => {
                    return Err(format!(
                        "{label}: needs exactly one of `expected` and `expectedError`"
                    ))
                }
            };
            let input = vector["input"].clone();
            Ok(Vector {
                file: file.to_owned(),
                index: i,
                name,
                function,
                input,
                want,
            })
        })
        .collect()
}

impl Vector {
    /// `file[index] name`, for messages.
    pub fn label(&self) -> String {
        format!("{}[{}] {}", self.file, self.index, self.name)
    }
}

/// `(file name, text)` of every `tests/vectors/*.json`, sorted by name (native tests only: the
/// browser runner has its files compiled in).
#[allow(dead_code)]
pub fn files() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            let text = std::fs::read_to_string(p).expect("vector file is readable");
            (name.to_owned(), text)
        })
        .collect()
}

/// Every golden vector of every file (a malformed file fails the test that asks; native only).
#[allow(dead_code)]
pub fn all() -> Vec<Vector> {
    files()
        .iter()
        .flat_map(|(name, text)| parse_file(name, text).expect("well-formed vector file"))
        .collect()
}

/// Whether `outcome` is what `vector` wants; else why not.
pub fn check(vector: &Vector, outcome: &Outcome) -> Result<(), String> {
    match (&vector.want, outcome) {
        (Ok(expected), Ok(actual)) if subset_matches(expected, actual) => Ok(()),
        (Ok(expected), Ok(actual)) => Err(format!("expected {expected}, got {actual}")),
        (Ok(_), Err((code, path))) => Err(format!("unexpected error {code} at {path}")),
        (Err(expected), Err((code, path))) => {
            let want = (expected["code"].as_str(), expected["path"].as_str());
            if want == (Some(code.as_str()), Some(path.as_str())) {
                Ok(())
            } else {
                Err(format!("expected error {expected}, got {code} at {path}"))
            }
        }
        (Err(expected), Ok(actual)) => Err(format!("expected error {expected}, got {actual}")),
    }
}

/// Runs every vector of one file; returns (passed, failure messages). For tests/browser.rs
/// (tests/vectors_native.rs makes one test per vector instead).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn run_file(
    file: &str,
    text: &str,
    call: &dyn Fn(&str, &Value) -> Outcome,
) -> (usize, Vec<String>) {
    let vectors = match parse_file(file, text) {
        Ok(vectors) => vectors,
        Err(why) => return (0, vec![why]),
    };
    let mut passed = 0;
    let mut failures = Vec::new();
    for vector in &vectors {
        match check(vector, &call(&vector.function, &vector.input)) {
            Ok(()) => passed += 1,
            Err(why) => failures.push(format!("{}: {why}", vector.label())),
        }
    }
    (passed, failures)
}
