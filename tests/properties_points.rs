//! Property tests for `pointsProgress` and tier retention (issue 19): the redeem nudge's
//! `toNextUnit` is the least number of points that reaches the next whole currency unit, a
//! cart's reward count is exact, expiry urgency follows `daysLeft`, and retention is 100 % only
//! when secured. All in exact decimals (checked here with integer arithmetic on scaled values).
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

fn call(function: &str, input: &Value) -> Value {
    api::call(function, input, &TzDatabase).expect("valid input")
}

/// A factor as programmes configure it: 0.001 … 10 with up to 3 decimals (thousandths).
fn factor_millis() -> impl Strategy<Value = u64> {
    1u64..=10_000
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn to_next_unit_is_the_least_that_reaches_the_next_unit(points in 0u64..10_000_000, f in factor_millis()) {
        let factor = f as f64 / 1000.0;
        let out = call("pointsProgress", &json!({
            "balance": {"totalPointsBalance": points, "availablePointsBalance": points},
            "now": "2024-11-20T12:00:00Z", "redemptionRewardFactor": factor}));
        let need = out["redeemable"]["toNextUnit"].as_f64().expect("a number") as u64;
        // value in thousandths of a unit: points × f; the next whole unit in thousandths
        let next_unit = (points * f / 1000 + 1) * 1000;
        prop_assert!(need >= 1);
        prop_assert!((points + need) * f >= next_unit, "{points} + {need} at {factor} misses {next_unit}");
        prop_assert!((points + need - 1) * f < next_unit, "{points} + {need} - 1 at {factor} already reaches it");
        let value = out["available"]["value"].as_f64().expect("a value");
        prop_assert_eq!((value * 1000.0).round() as u64, points * f);
    }

    #[test]
    fn cart_earns_whole_rewards_exactly(cents in 0u64..10_000_000, step_cents in 1u64..100_000, reward in 1u64..1000) {
        let out = call("pointsProgress", &json!({
            "balance": {"totalPointsBalance": 0, "availablePointsBalance": 0},
            "now": "2024-11-20T12:00:00Z", "rewardThreshold": step_cents as f64 / 100.0,
            "rewardPoints": reward, "cart": cents as f64 / 100.0}));
        let earns = &out["cartEarns"];
        prop_assert_eq!(earns["points"].as_f64(), Some(((cents / step_cents) * reward) as f64));
        let spend = (earns["spendToNext"].as_f64().expect("a number") * 100.0).round() as u64;
        prop_assert_eq!(spend, (cents / step_cents + 1) * step_cents - cents);
    }

    #[test]
    fn urgency_follows_days_left(days in 0i64..120, last_chance in 0i64..20, extra in 0i64..40) {
        let soon = last_chance + extra;
        let expiry = impactkit::time::civil::NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date") + impactkit::time::civil::Days::new(days as u64 + 1);
        let out = call("pointsProgress", &json!({
            "balance": {"totalPointsBalance": 10, "availablePointsBalance": 10, "nextExpiringPointsAmount": 5,
                        "nextExpiringPointsDate": format!("{expiry}T00:00:00")},
            "now": "2025-06-01T23:59:59", "timezone": "Europe/Berlin",
            "urgency": {"lastChance": last_chance, "soon": soon}}));
        let e = &out["expiring"];
        prop_assert_eq!(e["daysLeft"].as_i64(), Some(days));
        let want = if days <= last_chance { json!("lastChance") } else if days <= soon { json!("soon") } else { Value::Null };
        prop_assert_eq!(&e["urgency"], &want);
        prop_assert_eq!(&e["expired"], &json!(false));
    }

    #[test]
    fn retention_is_100_only_when_secured(progress in 0u64..1_000_000, required in 1u64..1_000_000, tenths in 0u64..10) {
        let p = progress as f64 + tenths as f64 / 10.0;
        let out = call("tierProgress", &json!({
            "current": {"name": "Gold", "minProgress": required, "retainProgress": required}, "next": null,
            "progress": p, "decimals": 0, "rounding": "nearest"}));
        let retain = &out["retain"];
        let secured = retain["secured"].as_bool().expect("a bool");
        prop_assert_eq!(secured, p >= required as f64);
        prop_assert_eq!(retain["percentage"].as_f64() == Some(100.0), secured);
        prop_assert_eq!(retain["remaining"].as_f64() == Some(0.0), secured);
    }
}
