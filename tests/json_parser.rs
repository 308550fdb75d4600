//! impactkit's JSON parser against serde_json's on the same texts: the same
//! value where both accept, an error where serde_json refuses, and only the
//! documented limits (depth 64, 10⁶ items) refused beyond that.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::json::{value_from_text, Node};
use proptest::prelude::*;
use serde_json::Value;

/// Objects with their entries sorted by key (serde_json's maps are sorted,
/// impactkit keeps document order).
fn sorted(node: Node<'_>) -> Node<'_> {
    match node {
        Node::Array(items) => Node::Array(items.into_iter().map(sorted).collect()),
        Node::Object(entries) => {
            let mut entries: Vec<_> = entries.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Node::Object(entries)
        }
        other => other,
    }
}

/// Whether the text has a `\uD800`–`\uDFFF` escape.
fn has_surrogate_escape(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Checks one text; returns whether it was valid JSON.
fn agree(text: &str) -> bool {
    let ours = value_from_text(text);
    match (serde_json::from_str::<Value>(text), ours) {
        (Ok(expected), Ok(got)) => {
            assert_eq!(sorted(got), sorted(Node::from(&expected)), "{text:?}");
            true
        }
        (Ok(_), Err(e)) => {
            assert_eq!(e.code.as_str(), "too_large", "{text:?}: {}", e.message);
            true
        }
        // serde_json refuses lone surrogate escapes; impactkit reads them as U+FFFD (JSON.parse
        // accepts them, JSON.stringify writes them for broken JS strings).
        (Err(_), Ok(got)) if has_surrogate_escape(text) => {
            assert!(format!("{got:?}").contains('\u{fffd}'), "{text:?}");
            true
        }
        (Err(_), Ok(got)) => panic!("accepted invalid JSON {text:?} as {got:?}"),
        (Err(_), Err(e)) => {
            assert!(
                matches!(
                    e.code.as_str(),
                    "invalid_json" | "too_large" | "invalid_number"
                ),
                "{text:?}: {}",
                e.code.as_str()
            );
            false
        }
    }
}

#[test]
fn seed_and_edge_cases_agree_with_serde_json() {
    let valid = [
        r#"{"current": 248.5, "target": 500}"#,
        " [1, -0, 0.5, -12.25e-3, 1E+2, 18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809] ",
        r#"{"a": {"b": [true, false, null, "x"]}, "a": 2}"#,
        r#""esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83c\udf33 \u0000""#,
        "\"Bäume 🌳 plain UTF-8\"",
        "1.7976931348623157e308",
        "5e-324",
        "0.1000000000000000055511151231257827",
        "[]",
        "{}",
        "\t\r\n 7 \n",
        "\"lone \\ud800 surrogate\"",
        "\"lone \\udc00 trailing\"",
        "\"pair then lone \\ud83c\\udf33\\ud83c\"",
        "\"high then non-low \\ud83c\\u0041\"",
    ];
    for text in valid {
        assert!(agree(text), "{text:?} should be valid");
    }
    // Repeated keys in a big object (the sorting path of the de-duplication).
    let mut big: Vec<String> = (0..40).map(|i| format!("\"k{}\": {i}", i % 25)).collect();
    big.push("\"k3\": \"last\"".into());
    let big = format!("{{{}}}", big.join(", "));
    assert!(agree(&big));
    let doc = value_from_text(&big).unwrap();
    assert_eq!(doc.get("k3").and_then(Node::as_str), Some("last"));
    assert_eq!(doc.get("k20").and_then(Node::as_f64), Some(20.0));
    let invalid = [
        "",
        " ",
        "{\"current\": 1,",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "+1",
        "1e400",
        "1e4294967296",
        "1e4294967301",
        "NaN",
        "Infinity",
        "tru",
        "nul",
        "\"unterminated",
        "\"bad \\x escape\"",
        "\"raw \u{1} control\"",
        "{1: 2}",
        "{\"a\" 1}",
        "[1 2]",
        "1 2",
        "[1] x",
    ];
    for text in invalid {
        assert!(!agree(text), "{text:?} should be invalid");
    }
}

#[test]
fn lone_surrogate_escapes_read_as_replacement_characters() {
    let doc = value_from_text(r#"["a\ud800b", "\udc00", "\ud83c\udf33", "\ud83c\u0041"]"#).unwrap();
    let Node::Array(items) = doc else {
        panic!("not an array")
    };
    let texts: Vec<&str> = items.iter().filter_map(|n| n.as_str()).collect();
    assert_eq!(texts, ["a\u{fffd}b", "\u{fffd}", "🌳", "\u{fffd}A"]);
}

#[test]
fn overflowing_numbers_are_invalid_number_at_their_path() {
    let e = value_from_text(r#"{"current": 1e400, "target": 5}"#).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("invalid_number", "$.current")
    );
}

#[test]
fn syntax_errors_have_line_column_and_path() {
    let e = value_from_text("{\"activity\": [\n  {\"date\": \"2025-03-14\"},\n  {\"date\": }\n]}")
        .unwrap_err();
    assert_eq!(e.code.as_str(), "invalid_json");
    assert_eq!(e.path, "$.activity[1].date");
    assert!(e.message.contains("line 3 column 12"), "{}", e.message);
}

#[test]
fn limits_are_too_large_with_the_path() {
    let deep = format!("{}{}", "[".repeat(64), "]".repeat(64));
    assert!(value_from_text(&deep).is_ok());
    let deeper = format!("{{\"a\":{}{}}}", "[".repeat(64), "]".repeat(64));
    let e = value_from_text(&deeper).unwrap_err();
    assert_eq!(e.code.as_str(), "too_large");
    assert_eq!(e.path, format!("$.a{}", "[0]".repeat(63)));
    let long = format!("[{}0]", "0,".repeat(impactkit::limits::MAX_ARRAY_LEN));
    let e = value_from_text(&long).unwrap_err();
    assert_eq!((e.code.as_str(), e.path.as_str()), ("too_large", "$"));
}

/// Every committed fuzz input and every golden vector file, as text.
#[test]
fn fuzz_corpus_and_vectors_agree_with_serde_json() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/vectors", "fuzz/regressions"] {
        files.extend(
            std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten(),
        );
    }
    if let Ok(corpora) = std::fs::read_dir(root.join("fuzz/corpus")) {
        for corpus in corpora.flatten() {
            files.extend(
                std::fs::read_dir(corpus.path())
                    .into_iter()
                    .flatten()
                    .flatten(),
            );
        }
    }
    let (mut valid, mut checked) = (0, 0);
    for file in files {
        let Ok(bytes) = std::fs::read(file.path()) else {
            continue;
        };
        // Fuzz inputs start with a selector byte; check both readings.
        for body in [&bytes[..], bytes.get(1..).unwrap_or_default()] {
            if let Ok(text) = std::str::from_utf8(body) {
                checked += 1;
                valid += usize::from(agree(text));
            }
        }
    }
    println!("json parser: {checked} texts agree with serde_json ({valid} valid)");
    assert!(valid > 100, "too few valid texts: {valid}");
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Whatever serde_json writes, compact or pretty, reads back as the same value.
    #[test]
    fn serde_json_output_reads_back(value in any_json()) {
        let compact = serde_json::to_string(&value).unwrap();
        let expected = sorted(Node::from(&value));
        prop_assert_eq!(sorted(value_from_text(&compact).unwrap()), expected.clone());
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(sorted(value_from_text(&pretty).unwrap()), expected);
    }
}

proptest! {
    /// Strings with quotes, backslashes, control characters and multi-byte characters at every
    /// offset (the word-at-a-time scan must stop exactly at the first special byte): read as
    /// serde_json reads them, escaped or raw, and a raw control character is an error in both.
    #[test]
    fn strings_read_as_serde_json_reads_them(
        chars in proptest::collection::vec(proptest::sample::select(vec!['a', 'Z', ' ', '"', '\\', '\n', '\u{1}', '\u{1f}', 'é', '€', '😀', '\u{7f}']), 0..40),
        pad in 0usize..9,
    ) {
        let text: String = chars.into_iter().collect();
        let escaped = format!("{}{}", " ".repeat(pad), serde_json::to_string(&text).unwrap());
        let node = value_from_text(&escaped).unwrap();
        prop_assert_eq!(node.as_str(), Some(text.as_str()));
        // The same characters unescaped: valid exactly when serde_json accepts them.
        let raw = format!("{}\"{}\"", " ".repeat(pad), text.replace(['\\', '"'], ""));
        let ours = value_from_text(&raw).ok().map(|n| n.as_str().map(str::to_owned));
        let theirs = serde_json::from_str::<Value>(&raw).ok().map(|v| v.as_str().map(str::to_owned));
        prop_assert_eq!(ours, theirs);
    }
}
