//! Property tests: invariants that must hold for every input, not just the vectors.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, decimal::Decimal, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A JSON-representable amount with up to 3 decimals, as backends send them.
fn amount(max: u64) -> impl Strategy<Value = f64> {
    (0..=max * 1000).prop_map(|milli| milli as f64 / 1000.0)
}

fn milestone(current: f64, target: f64, extra: Value) -> Value {
    let mut input = json!({"current": current, "target": target});
    if let (Some(obj), Some(more)) = (input.as_object_mut(), extra.as_object()) {
        obj.extend(more.clone());
    }
    api::call("milestoneProgress", &input, &TzDatabase).expect("valid input")
}

/// Arbitrary JSON trees, to show no entry point panics on any shape.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-zA-Z0-9 :+.-]{0,24}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop::sample::select(vec![
            "current",
            "target",
            "levels",
            "tiers",
            "progress",
            "name",
            "minProgress",
            "next",
            "campaigns",
            "isUnlocked",
            "rewardsCampaignId",
            "rewardsCampaignName",
            "data",
            "customerImpactProfile",
            "totalCo2Saved",
            "totalOrders",
            "milestones",
            "badges",
            "balance",
            "tierProgress",
            "timezone",
            "decimals",
            "rounding",
            "errors",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn percentage_stays_within_0_and_100(current in amount(1_000_000), target in amount(1_000_000)) {
        prop_assume!(target > 0.0);
        let out = milestone(current, target, json!({}));
        let pct = out["percentage"].as_f64().unwrap_or(-1.0);
        prop_assert!((0.0..=100.0).contains(&pct));
        prop_assert_eq!(pct == 100.0, current >= target);
        prop_assert_eq!(out["isCompleted"].as_bool(), Some(current >= target));
        prop_assert!(out["remaining"].as_f64().unwrap_or(-1.0) >= 0.0);
    }

    #[test]
    fn percentage_is_monotonic_in_current(a in amount(100_000), b in amount(100_000), target in amount(100_000), decimals in 0u32..=6, nearest in any::<bool>()) {
        prop_assume!(target > 0.0);
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let extra = json!({"decimals": decimals, "rounding": if nearest { "nearest" } else { "down" }});
        let p_low = milestone(low, target, extra.clone())["percentage"].as_f64();
        let p_high = milestone(high, target, extra)["percentage"].as_f64();
        prop_assert!(p_low <= p_high, "{:?} > {:?}", p_low, p_high);
    }

    #[test]
    fn remaining_is_exact_in_decimal(current in amount(1_000_000), gap in amount(1_000_000)) {
        let target = ((current * 1000.0).round() + (gap * 1000.0).round() + 1.0) / 1000.0;
        let out = milestone(current, target, json!({}));
        let remaining = out["remaining"].as_f64().unwrap_or(f64::NAN);
        // Milli-units are exact integers: the decimal difference must match them.
        let expected = ((target * 1000.0).round() - (current * 1000.0).round()) / 1000.0;
        prop_assert_eq!(remaining, expected);
    }

    #[test]
    fn short_decimals_round_trip_exactly(units in -1_000_000_000_000i64..1_000_000_000_000, decimals in 0i32..=6) {
        let x = units as f64 / 10f64.powi(decimals);
        prop_assert_eq!(Decimal::from_f64(x).to_f64(), x);
    }

    #[test]
    fn any_decimal_is_within_the_12_decimal_rounding(x in -1e6f64..1e6f64) {
        let back = Decimal::from_f64(x).to_f64();
        // Rounded at 12 decimals (≤ 5e-13), then to the nearest double (≤ half an ulp).
        prop_assert!((back - x).abs() <= 5e-13 + f64::EPSILON * x.abs(), "{} -> {}", x, back);
    }

    #[test]
    fn tier_progress_places_progress_between_thresholds(mut mins in prop::collection::btree_set(0u32..100_000, 1..12), progress in amount(120_000)) {
        let tiers: Vec<Value> = std::mem::take(&mut mins).into_iter().rev()
            .map(|m| json!({"name": format!("T{m}"), "minProgress": m})).collect();
        let out = api::call("tierProgress", &json!({"tiers": tiers, "progress": progress}), &TzDatabase).expect("valid");
        let pct = out["percentage"].as_f64().unwrap_or(-1.0);
        prop_assert!((0.0..=100.0).contains(&pct));
        if let Some(current) = out["current"]["minProgress"].as_f64() {
            prop_assert!(current <= progress);
        }
        match out["next"]["minProgress"].as_f64() {
            Some(next) => prop_assert!(next > progress && pct < 100.0),
            None => prop_assert!(pct == 100.0),
        }
    }

    #[test]
    fn no_entry_point_panics_on_any_json(input in any_json()) {
        for name in api::FUNCTION_NAMES {
            let _ = api::call(name, &input, &TzDatabase);
        }
    }
}
