//! Property tests for streak repair and earned freezes (issue 20): repairs never lower a streak,
//! repairing what `repairable` offers restores it, more kept periods never lower the freezes
//! earned, and freezes are conserved (start + earned = used + left).
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

const DAYS: u32 = 40;

fn call(input: &Value) -> Value {
    api::call("streak", input, &TzDatabase).expect("valid input")
}

/// `2025-02-20` + `day` days: the 40 days cross the US DST change of 2025-03-09.
fn date(day: u32) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2025, 2, 20).expect("a date")
        + chrono::Days::new(u64::from(day));
    d.format("%Y-%m-%d").to_string()
}

fn activity(done: u64) -> Vec<Value> {
    (0..DAYS)
        .filter(|d| done & (1 << d) != 0)
        .map(|d| json!({"date": date(d)}))
        .collect()
}

/// A daily streak request at day `DAYS - 1`, `hour` o'clock in New York.
fn request(done: u64, freezes: Value, rest: Vec<&str>, hour: u32) -> Value {
    json!({"activity": activity(done), "period": "day", "timezone": "America/New_York",
        "now": format!("{}T{hour:02}:30:00", date(DAYS - 1)), "freezes": freezes,
        "restDays": rest, "window": 0})
}

fn freezes() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u32..4).prop_map(|n| json!(n)),
        (1u32..6, 0u32..4, 0u32..3)
            .prop_map(|(e, m, s)| json!({"earnEvery": e, "max": m, "start": s})),
    ]
}

fn rest_days() -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(vec!["mon", "sat", "sun"], 0..=2)
}

fn num(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("{key} in {v}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn repairs_never_lower_a_streak(done in any::<u64>(), freezes in freezes(), rest in rest_days(),
            hour in 0u32..24, within in 1u32..12, max in prop::option::of(0u32..4),
            repaired in any::<u64>(), late in any::<u64>()) {
        let mut plain = request(done, freezes, rest, hour);
        plain["repair"] = json!({"withinPeriods": within});
        if let Some(max) = max {
            plain["repair"]["maxPerMonth"] = json!(max);
        }
        let repairs: Vec<Value> = (0..DAYS).filter(|d| repaired & (1 << d) != 0).map(|d| {
            if late & (1 << d) != 0 { json!(date(d)) }
            else { json!({"date": date(d), "at": format!("{}T12:00:00", date((d + 1).min(DAYS - 1)))}) }
        }).collect();
        let mut with = plain.clone();
        with["repairs"] = json!(repairs);
        let (before, after) = (call(&plain), call(&with));
        prop_assert!(num(&after, "current") >= num(&before, "current"), "{before}\n{after}");
        prop_assert!(num(&after, "longest") >= num(&before, "longest"), "{before}\n{after}");
        prop_assert_eq!(num(&after, "freezesUsed"), num(&before, "freezesUsed"));
        let accepted = after["repairedDates"].as_array().map_or(0, Vec::len);
        let ignored = after["repairsRejected"].as_array().map_or(0, Vec::len);
        prop_assert_eq!(accepted + ignored, repairs.len());
    }

    #[test]
    fn repairing_what_is_offered_restores_the_streak(done in any::<u64>(), freezes in freezes(),
            rest in rest_days(), hour in 0u32..24, within in 1u32..12) {
        let mut plain = request(done, freezes, rest, hour);
        plain["repair"] = json!({"withinPeriods": within, "maxPerMonth": 31});
        let before = call(&plain);
        if let Some(missed) = before["repairable"]["missed"].as_array() {
            let mut with = plain.clone();
            with["repairs"] = json!(missed);
            let after = call(&with);
            prop_assert!(num(&after, "current") > num(&before, "current"), "{before}\n{after}");
            prop_assert_eq!(&after["repairedDates"], &json!(missed));
            prop_assert_ne!(after["state"].as_str(), Some("broken"));
        }
    }

    #[test]
    fn more_kept_periods_never_lower_earned_freezes(done in any::<u64>(), extra in 0..DAYS,
            every in 1u32..6, max in 0u32..5, start in 0u32..3, rest in rest_days(), hour in 0u32..24) {
        let freezes = json!({"earnEvery": every, "max": max, "start": start});
        let fewer = call(&request(done, freezes.clone(), rest.clone(), hour));
        let more = call(&request(done | (1 << extra), freezes, rest, hour));
        prop_assert!(num(&more, "freezesEarned") >= num(&fewer, "freezesEarned"), "{fewer}\n{more}");
        for s in [&fewer, &more] {
            let kept = num(s, "activePeriods");
            prop_assert_eq!(num(s, "freezesEarned"), (kept / u64::from(every)).min(u64::from(max)));
            prop_assert_eq!(u64::from(start) + num(s, "freezesEarned"),
                num(s, "freezesUsed") + num(s, "freezesLeft"));
        }
    }
}
