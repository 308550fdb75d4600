//! Property tests for the milestone ETA from pace (issue 20): more progress now never delays the
//! eta, the order of the history does not matter, and an eta is always after today.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

const ZONES: [&str; 3] = ["UTC", "Europe/Berlin", "America/New_York"];

/// `now`: 2025-03-30 (Berlin's DST change) plus `day` days at `minute` past UTC midnight.
fn now(day: u32, minute: u32) -> chrono::DateTime<chrono::Utc> {
    let start = chrono::NaiveDate::from_ymd_opt(2025, 3, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a date")
        .and_utc();
    start + chrono::Duration::days(i64::from(day)) + chrono::Duration::minutes(i64::from(minute))
}

/// History points `(hours before now, value in cents)` as `{at, value}`.
fn history(at: chrono::DateTime<chrono::Utc>, points: &[(u32, u32)]) -> Vec<Value> {
    points
        .iter()
        .map(|&(hours, cents)| {
            let t = at - chrono::Duration::hours(i64::from(hours));
            json!({"at": t.to_rfc3339(), "value": f64::from(cents) / 100.0})
        })
        .collect()
}

fn call(input: &Value) -> Value {
    api::call("milestoneProgress", input, &TzDatabase).expect("valid input")
}

/// How late the eta is: complete is 0, a date its days since 1970 (+1), no eta the latest.
fn lateness(out: &Value) -> i64 {
    if out["isCompleted"] == json!(true) {
        return 0;
    }
    match out["eta"].as_str() {
        Some(text) => {
            let d = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date");
            d.signed_duration_since(chrono::NaiveDate::default())
                .num_days()
                + 1
        }
        None => i64::MAX,
    }
}

fn points() -> impl Strategy<Value = Vec<(u32, u32)>> {
    prop::collection::vec((0u32..4_000, 0u32..100_000), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn more_progress_now_never_delays_the_eta(points in points(), day in 0u32..10, minute in 0u32..1440,
            zone in 0usize..3, current in 0u32..100_000, more in 0u32..100_000, target in 1u32..200_000) {
        let at = now(day, minute);
        let input = |cents: u32| json!({"current": f64::from(cents) / 100.0, "target": f64::from(target) / 100.0,
            "now": at.to_rfc3339(), "timezone": ZONES[zone], "history": history(at, &points)});
        let before = call(&input(current));
        let after = call(&input(current + more));
        prop_assert!(lateness(&after) <= lateness(&before), "{before} then {after}");
    }

    #[test]
    fn the_order_of_the_history_does_not_matter(points in points(), day in 0u32..10, minute in 0u32..1440,
            zone in 0usize..3, current in 0u32..100_000, target in 1u32..200_000, rotate in 0usize..8) {
        let at = now(day, minute);
        // One value per instant (of equal instants the one listed last counts).
        let mut sorted = points;
        sorted.sort_unstable();
        sorted.dedup_by_key(|p| p.0);
        let mut shuffled = sorted.clone();
        shuffled.reverse();
        let len = shuffled.len().max(1);
        shuffled.rotate_left(rotate % len);
        let input = |list: &[(u32, u32)]| json!({"current": f64::from(current) / 100.0,
            "target": f64::from(target) / 100.0, "now": at.to_rfc3339(), "timezone": ZONES[zone],
            "history": history(at, list)});
        prop_assert_eq!(call(&input(&sorted)), call(&input(&shuffled)));
    }

    #[test]
    fn an_eta_is_after_today(points in points(), day in 0u32..10, minute in 0u32..1440,
            zone in 0usize..3, current in 0u32..100_000, target in 1u32..200_000) {
        let at = now(day, minute);
        let out = call(&json!({"current": f64::from(current) / 100.0, "target": f64::from(target) / 100.0,
            "now": at.to_rfc3339(), "timezone": ZONES[zone], "history": history(at, &points)}));
        if let Some(eta) = out["eta"].as_str() {
            let pace = &out["pace"];
            prop_assert!(pace["perDay"].as_f64().is_some_and(|p| p > 0.0), "{out}");
            let tz: chrono_tz::Tz = ZONES[zone].parse().expect("a zone");
            let today = at.with_timezone(&tz).date_naive().format("%Y-%m-%d").to_string();
            prop_assert!(eta > today.as_str(), "{out}");
        }
    }
}
