//! Behaviour kept by the code-health refactors (no indexing, no unwrap in library code).
#![cfg(not(target_arch = "wasm32"))]

use impactkit::json::{value_from_text, Json};
use proptest::prelude::*;

/// What `JSON.parse` keeps of an object with repeated keys: each key once, at its last
/// position, with its last value.
fn expected(pairs: &[(u8, u32)]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    for (k, v) in pairs {
        out.retain(|(key, _)| *key != format!("k{k}"));
        out.push((format!("k{k}"), *v));
    }
    out
}

proptest! {
    /// Repeated keys, in small objects (≤ 16 entries) and large ones (the sorted path).
    #[test]
    fn repeated_keys_keep_the_last(pairs in prop::collection::vec((0u8..12, 0u32..1000), 0..40)) {
        let text = format!(
            "{{{}}}",
            pairs.iter().map(|(k, v)| format!("\"k{k}\": {v}")).collect::<Vec<_>>().join(", ")
        );
        let doc = value_from_text(&text).unwrap();
        let got: Vec<(String, u32)> = Json::root(&doc)
            .object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.to_string(), Json::root(v).integer_in(0, 1000).unwrap() as u32))
            .collect();
        prop_assert_eq!(got, expected(&pairs));
    }
}
