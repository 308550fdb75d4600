//! Review of the fast paths of the text readers and the grouped tallies (review 30): each gives
//! exactly what the general path gives. Ids at the string limit; tiers of event-sourced,
//! `period` and mixed-source rules tallied in one pass against each rule's own `Rule::add` loop.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::json::{to_json_text, value_from_text, Json};
use impactkit::limits::MAX_STRING_LEN;
use impactkit::session::Customer;
use impactkit::time::TzDatabase;

fn error_text(e: impactkit::Error) -> String {
    format!("error {} {} {}", e.code.as_str(), e.path, e.message)
}

/// A customer's order count and badge preview (or the error it was opened with).
fn answers(customer: impactkit::Result<Customer>) -> String {
    let mut customer = match customer {
        Ok(c) => c,
        Err(e) => return error_text(e),
    };
    let request = value_from_text(r#"{"now": "2025-04-10T00:00:00Z"}"#).expect("valid");
    let preview = customer.badge_preview(&Json::root(&request));
    let preview = preview.map_or_else(error_text, |p| to_json_text(&p));
    format!("{} orders\n{preview}", customer.order_count())
}

/// Opened from the text and from its parse tree: the same answers.
fn assert_same_customer(text: &str) {
    let tree = value_from_text(text).and_then(|v| Customer::open(&Json::root(&v), &TzDatabase));
    let (fast, tree) = (
        answers(Customer::open_text(text, &TzDatabase)),
        answers(tree),
    );
    assert_eq!(fast, tree, "{}", text.get(..300).unwrap_or(text));
}

/// Order and chain ids as plain strings at and beyond the string limit: the tree path refuses
/// one longer than [`MAX_STRING_LEN`] (`too_large`), so the text path must too.
#[test]
fn ids_at_the_string_limit_read_as_the_tree_reads_them() {
    for len in [MAX_STRING_LEN - 1, MAX_STRING_LEN, MAX_STRING_LEN + 1] {
        let long = "i".repeat(len);
        let order = |id: &str, chain: &str| {
            format!(
                r#"{{"id": "{id}", "placedAt": "2025-03-15T10:30:00Z", "co2Kg": 1, "baselineCo2Kg": 2,
                "recycledShare": 0.5, "supplyChains": [{{"id": "{chain}", "verified": true}}]}}"#
            )
        };
        for (id, chain) in [(long.as_str(), "c1"), ("o1", long.as_str())] {
            let text = format!(r#"{{"orders": [{}], "timezone": "UTC"}}"#, order(id, chain));
            assert_same_customer(&text);
        }
    }
}
