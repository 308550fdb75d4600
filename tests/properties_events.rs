//! Property tests for events beyond orders (issue 20, "Events"): more events never lower any
//! badge's progress, and an event of a type no rule counts changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

/// 2025-01-01T00:00:00Z in Unix seconds.
const START: i64 = 1_735_689_600;
const HOUR: i64 = 3_600;
/// `now`: 2025-03-01T00:00:00Z, after every generated event but the late ones.
const NOW: &str = "2025-03-01T00:00:00Z";
const TYPES: [&str; 4] = ["signup", "referral", "review", "tierReached"];
const TIERS: [&str; 3] = ["SILVER", "GOLD", "Gold"];

/// One event: (type, hours after START, value, tier).
type Row = (usize, i64, u32, usize);

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (0..TYPES.len(), 0i64..1_500, 0u32..30, 0..TIERS.len()),
        0..16,
    )
}

fn event(kind: &str, row: &Row) -> Value {
    let (_, hours, value, tier) = *row;
    json!({"type": kind, "at": (START + hours * HOUR) * 1000, "value": value, "tier": TIERS[tier]})
}

fn events(rows: &[Row]) -> Vec<Value> {
    rows.iter().map(|r| event(TYPES[r.0], r)).collect()
}

/// The seed catalogue plus rules of every event kind (sum, streak, filters on value and hour).
fn definitions() -> Value {
    let mut all: Vec<Value> = serde_json::from_str(impactkit::badges::catalogue::CATALOGUE_JSON)
        .expect("the catalogue is JSON");
    let tier = |name: &str, rule: Value| json!({"tier": name, "rule": rule});
    all.push(json!({"id": "reviews", "name": "Reviews", "tiers": [
        tier("BRONZE", json!({"kind": "count", "event": "review", "target": 2})),
        tier("SILVER", json!({"kind": "sum", "event": "review", "field": "value", "target": 40})),
        tier("GOLD", json!({"kind": "sum", "event": "review", "field": "value",
                            "where": {"value": {"gte": 5}, "hour": {"in": [20, 21, 22, 23]}}, "target": 60}))]}));
    all.push(json!({"id": "weekly_referrer", "name": "Weekly", "tiers": [
        tier("BRONZE", json!({"kind": "streak", "event": "referral", "period": "week", "target": 2})),
        tier("GOLD", json!({"kind": "streak", "event": "referral", "period": "week", "target": 4,
                            "where": {"weekday": {"lte": 5}}}))]}));
    Value::Array(all)
}

fn preview(events: &[Value], timezone: &str) -> Value {
    let input = json!({"orders": [], "events": events, "definitions": definitions(),
                       "now": NOW, "timezone": timezone});
    api::call("badgePreview", &input, &TzDatabase).expect("a valid preview")
}

/// Per badge: (earned tier index or −1, the next tier's current value).
fn standing(preview: &Value) -> Vec<(String, i64, f64)> {
    let defs = definitions();
    let defs = defs.as_array().cloned().unwrap_or_default();
    defs.iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap_or_default().to_owned();
            let tiers: Vec<&str> = d["tiers"]
                .as_array()
                .map(|t| t.iter().filter_map(|t| t["tier"].as_str()).collect())
                .unwrap_or_default();
            let find = |key: &str| {
                preview[key]
                    .as_array()
                    .and_then(|l| l.iter().find(|b| b["id"] == id.as_str()).cloned())
            };
            let earned = find("earned")
                .and_then(|b| tiers.iter().position(|t| b["tier"] == *t))
                .map_or(-1, |i| i as i64);
            let current =
                find("locked").map_or(f64::INFINITY, |b| b["current"].as_f64().unwrap_or(0.0));
            (id, earned, current)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Adding events (at any time, any type) never lowers a badge: its earned tier does not
    /// drop, and at the same tier the next tier's progress does not drop.
    #[test]
    fn more_events_never_lower_progress(base in rows(), extra in rows(), tz in 0usize..3) {
        let timezone = ["UTC", "America/New_York", "Asia/Tokyo"][tz];
        let before = preview(&events(&base), timezone);
        let mut more = events(&base);
        more.extend(events(&extra));
        let after = preview(&more, timezone);
        for ((id, e0, c0), (_, e1, c1)) in standing(&before).into_iter().zip(standing(&after)) {
            prop_assert!(e1 >= e0, "{id}: earned tier {e0} → {e1}");
            if e1 == e0 {
                prop_assert!(c1 >= c0, "{id}: progress {c0} → {c1}");
            }
        }
    }

    /// Events of a type no rule counts (custom names) change nothing at all.
    #[test]
    fn an_event_of_another_type_changes_nothing(base in rows(), extra in rows()) {
        let before = preview(&events(&base), "Europe/Berlin");
        let mut more = events(&base);
        more.extend(extra.iter().map(|r| event(["webinar", "Referral", "sign-up", "tier"][r.0], r)));
        prop_assert_eq!(preview(&more, "Europe/Berlin"), before);
    }
}
