//! Runs every golden vector in `tests/vectors/` natively, one test per vector named
//! `file::vector name` (`cargo test --test vectors_native -- milestones::`), plus the matcher
//! cases (`matcher::`) and the checks that keep the vector files complete (`files::`).
//! A libtest-mimic harness (`harness = false` in Cargo.toml): the vectors are data, not code.

#[cfg(not(target_arch = "wasm32"))]
mod common;
// Shared with tests/properties.rs and fuzz/ (which use its STRINGS too; here only KEYS is checked).
#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code)]
#[path = "common/fields.rs"]
mod fields;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crate::common::vectors::{check, parse_file, subset_matches, Outcome, Vector};
    use crate::fields::KEYS;
    use impactkit::{api, time::TzDatabase};
    use libtest_mimic::{Arguments, Failed, Trial};
    use serde_json::Value;
    use std::collections::{BTreeSet, HashMap};
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    fn vector_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
    }

    /// `(file name, text)` of every `tests/vectors/*.json`, sorted.
    fn vector_files() -> Vec<(String, String)> {
        crate::common::vectors::files()
    }

    fn call(function: &str, input: &Value) -> Outcome {
        api::call(function, input, &TzDatabase)
            .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))
    }

    /// Counts vector trials as they pass or fail, for the closing summary line.
    #[derive(Default)]
    struct Tally {
        passed: AtomicUsize,
        failed: AtomicUsize,
    }

    fn vector_trial(vector: Vector, test_name: String, tally: Arc<Tally>) -> Trial {
        Trial::test(test_name, move || {
            let verdict = check(&vector, &call(&vector.function, &vector.input));
            let counter = if verdict.is_ok() {
                &tally.passed
            } else {
                &tally.failed
            };
            counter.fetch_add(1, Ordering::Relaxed);
            verdict.map_err(|why| Failed::from(format!("{}: {why}", vector.label())))
        })
    }

    /// One trial per vector, `stem::name` (` #index` added when a name repeats in its file).
    fn vector_trials(files: &[(String, String)], tally: &Arc<Tally>) -> Vec<Trial> {
        let mut trials = Vec::new();
        for (file, text) in files {
            let stem = file.trim_end_matches(".json");
            let vectors = match parse_file(file, text) {
                Ok(vectors) => vectors,
                Err(why) => {
                    trials.push(Trial::test(format!("{stem}::(file)"), move || {
                        Err(why.into())
                    }));
                    continue;
                }
            };
            let mut seen: HashMap<String, usize> = HashMap::new();
            for v in &vectors {
                *seen.entry(v.name.clone()).or_default() += 1;
            }
            for vector in vectors {
                let mut name = format!("{stem}::{}", vector.name);
                if seen[&vector.name] > 1 {
                    name.push_str(&format!(" #{}", vector.index));
                }
                trials.push(vector_trial(vector, name, Arc::clone(tally)));
            }
        }
        trials
    }

    /// One trial per case of tests/vectors/matcher/cases.json (also run by tests/subset.mjs).
    fn matcher_trials() -> Vec<Trial> {
        let path = vector_dir().join("matcher/cases.json");
        let text = std::fs::read_to_string(path).expect("tests/vectors/matcher/cases.json");
        let doc: Value = serde_json::from_str(&text).expect("matcher cases are JSON");
        let cases = doc["cases"].as_array().cloned().unwrap_or_default();
        assert!(!cases.is_empty(), "no matcher cases");
        cases
            .into_iter()
            .map(|case| {
                let name = format!("matcher::{}", case["name"].as_str().unwrap_or("?"));
                Trial::test(name, move || {
                    let got = subset_matches(&case["expected"], &case["actual"]);
                    match case["matches"].as_bool() {
                        Some(want) if want == got => Ok(()),
                        Some(want) => Err(format!("matches: {got}, want {want}").into()),
                        None => Err("`matches` must be true or false".into()),
                    }
                })
            })
            .collect()
    }

    fn every_file_runs_in_the_browser(files: &[(String, String)]) -> Result<(), Failed> {
        let browser = include_str!("browser.rs");
        match files
            .iter()
            .find(|(name, _)| !browser.contains(&format!("\"vectors/{name}\"")))
        {
            Some((name, _)) => {
                Err(format!("tests/browser.rs does not include vectors/{name}").into())
            }
            None => Ok(()),
        }
    }

    fn every_function_has_vectors(files: &[(String, String)]) -> Result<(), Failed> {
        let used: BTreeSet<String> = files
            .iter()
            .flat_map(|(file, text)| parse_file(file, text).unwrap_or_default())
            .map(|v| v.function)
            .collect();
        match api::FUNCTION_NAMES.iter().find(|f| !used.contains(**f)) {
            Some(name) => Err(format!("no vectors for {name}").into()),
            None => Ok(()),
        }
    }

    /// Every key of every vector input, for the shared field list (tests/common/fields.rs).
    fn collect_keys(value: &Value, keys: &mut BTreeSet<String>) {
        match value {
            Value::Array(items) => items.iter().for_each(|v| collect_keys(v, keys)),
            Value::Object(map) => {
                for (k, v) in map {
                    keys.insert(k.clone());
                    collect_keys(v, keys);
                }
            }
            _ => {}
        }
    }

    fn fields_list_every_vector_key(files: &[(String, String)]) -> Result<(), Failed> {
        let mut keys = BTreeSet::new();
        for (file, text) in files {
            for vector in parse_file(file, text).unwrap_or_default() {
                collect_keys(&vector.input, &mut keys);
            }
        }
        let missing: Vec<_> = keys
            .iter()
            .filter(|k| !KEYS.contains(&k.as_str()))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("add to tests/common/fields.rs KEYS: {missing:?}").into())
        }
    }

    /// A check over every vector file (`(name, text)` pairs).
    type FileCheck = fn(&[(String, String)]) -> Result<(), Failed>;

    fn file_trials(files: &[(String, String)]) -> Vec<Trial> {
        let checks: [(&str, FileCheck); 3] = [
            (
                "files::every vector file runs in the browser too",
                every_file_runs_in_the_browser,
            ),
            (
                "files::every exported function has vectors",
                every_function_has_vectors,
            ),
            (
                "files::fields.rs lists every key the vectors use",
                fields_list_every_vector_key,
            ),
        ];
        checks
            .into_iter()
            .map(|(name, check)| {
                let files = files.to_vec();
                Trial::test(name, move || check(&files))
            })
            .collect()
    }

    pub fn main() {
        let args = Arguments::from_args();
        let files = vector_files();
        assert!(!files.is_empty(), "no vector files found");
        let tally = Arc::new(Tally::default());
        let mut trials = vector_trials(&files, &tally);
        trials.extend(matcher_trials());
        trials.extend(file_trials(&files));
        let conclusion = libtest_mimic::run(&args, trials);
        println!(
            "golden vectors (native): {} passed, {} failed",
            tally.passed.load(Ordering::Relaxed),
            tally.failed.load(Ordering::Relaxed)
        );
        conclusion.exit();
    }
}
