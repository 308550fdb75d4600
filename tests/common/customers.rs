//! What a `Customer` answers, as text: shared by the differential tests of the text readers
//! (tests/properties_scan2.rs, tests/properties_review30.rs), which compare a customer opened
//! from JSON text with one opened from its parse tree.

use impactkit::json::{to_json_text, value_from_text, Json, Node};
use impactkit::session::Customer;
use impactkit::time::TzDatabase;
use serde_json::json;

/// An error as text: its code, path and message.
pub fn error_text(e: impactkit::Error) -> String {
    format!("error {} {} {}", e.code.as_str(), e.path, e.message)
}

/// What a customer answers (or the error it was opened with), as text.
pub fn answers(customer: impactkit::Result<Customer>) -> String {
    let mut customer = match customer {
        Ok(c) => c,
        Err(e) => return error_text(e),
    };
    let show = |r: impactkit::Result<String>| r.unwrap_or_else(error_text);
    let now = "2025-04-10T00:00:00Z";
    let cart = json!({"co2Kg": 1, "baselineCo2Kg": 3, "recycledShare": 0.5, "supplyChains": []});
    let mut out = format!("{} orders", customer.order_count());
    for request in [
        json!({"now": now, "decimals": 6}),
        json!({"now": now, "cart": cart, "decimals": 6}),
    ] {
        let preview = customer.badge_preview(&Json::root(&Node::from(&request)));
        out += &format!("\n{}", show(preview.map(|p| to_json_text(&p))));
    }
    for period in ["day", "week"] {
        let request = json!({"period": period, "now": now});
        let s = customer.streak(&Json::root(&Node::from(&request)));
        out += &format!("\n{}", show(s.map(|s| to_json_text(&s))));
    }
    for events in ["orders", "co2SavedKg", "offsetKg", "activity"] {
        let request = json!({"start": "2025-03-01", "period": "1M", "now": now,
            "target": 1000, "decimals": 6, "events": events});
        let w = customer.achievement_window(&Json::root(&Node::from(&request)));
        out += &format!("\n{}", show(w.map(|w| to_json_text(&w))));
    }
    out
}

/// Both paths' answers for a history text: (from the text, from the tree).
pub fn both_customers(text: &str) -> (String, String) {
    let tree = value_from_text(text).and_then(|v| Customer::open(&Json::root(&v), &TzDatabase));
    (
        answers(Customer::open_text(text, &TzDatabase)),
        answers(tree),
    )
}
