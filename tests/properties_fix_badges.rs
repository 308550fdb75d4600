//! Property tests for badge earns (issue 14, items 4–6 and 9): an earn is never
//! taken back by later orders; computed earns respect customer limits;
//! epochs in seconds and milliseconds are the same instant.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

/// 2025-01-01T00:00:00Z in Unix seconds.
const START: i64 = 1_735_689_600;
const HOUR: i64 = 3_600;

/// One order: (hours after START, co2 ×10, baseline ×10, offset share of co2 in quarters, recycled %, chain).
type Row = (i64, u32, u32, u32, u32, u32);

fn rows(max_hours: i64) -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (
            0..max_hours,
            0u32..60,
            0u32..60,
            0u32..6,
            0u32..=100,
            0u32..8,
        ),
        0..24,
    )
}

fn order(prefix: &str, i: usize, row: &Row) -> Value {
    let (hours, co2, baseline, offset, recycled, chain) = *row;
    json!({
        "id": format!("{prefix}{i}"),
        "placedAt": (START + hours * HOUR) * 1000,
        "co2Kg": f64::from(co2) / 10.0,
        "baselineCo2Kg": f64::from(baseline) / 10.0,
        "recycledShare": f64::from(recycled) / 100.0,
        "supplyChains": [{"id": format!("sc{chain}"), "verified": chain % 3 != 0}],
        "offsetKg": f64::from(co2 * offset) / 40.0,
    })
}

/// The seed catalogue plus weekly and fixed-amount `period` rules, and a limited badge.
fn definitions() -> Value {
    let mut list: Value =
        serde_json::from_str(impactkit::badges::catalogue::CATALOGUE_JSON).expect("catalogue");
    if let Some(items) = list.as_array_mut() {
        items.push(json!({"id": "week_offset", "name": "Offset week", "tiers": [
            {"tier": "ONE", "rule": {"kind": "period", "period": "week", "sum": "offsetKg", "atLeast": "co2Kg"}},
            {"tier": "TWO", "rule": {"kind": "period", "period": "week", "sum": "offsetKg", "atLeast": 3}}]}));
        // Independent tiers under a lifetime limit of one earn.
        items.push(json!({"id": "limited", "name": "Limited", "tiers": [
            {"tier": "ONE", "rule": {"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": 2}},
            {"tier": "TWO", "rule": {"kind": "sum", "field": "offsetKg", "target": 4}}],
            "limits": {"customer": [{"max": 1}]}}));
    }
    list
}

/// `id → (tier, earnedAt)` of every earned badge.
fn earned(out: &Value) -> Vec<(String, String, String)> {
    out["earned"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| {
            let text = |k: &str| b[k].as_str().unwrap_or_default().to_owned();
            (text("id"), text("tier"), text("earnedAt"))
        })
        .collect()
}

fn tier_rank(definitions: &Value, id: &str, tier: &str) -> Option<usize> {
    definitions.as_array()?.iter().find(|d| d["id"] == id)?["tiers"]
        .as_array()?
        .iter()
        .position(|t| t["tier"] == tier)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever `badgePreview` says is earned at `now` stays earned (same
    /// tier and instant, or a higher tier) when later orders are added and
    /// `now` moves on.
    #[test]
    fn an_earn_is_never_taken_back_by_later_orders(
        before in rows(24 * 120),
        after in rows(24 * 60),
        now_hours in 0i64..24 * 120,
        zone in prop::sample::select(vec!["UTC", "Europe/Berlin", "Asia/Tokyo", "America/St_Johns"]),
    ) {
        let defs = definitions();
        let now = START + now_hours * HOUR;
        let history: Vec<Value> = before.iter().enumerate().map(|(i, r)| order("a", i, r)).collect();
        let first = api::call("badgePreview", &json!({"orders": history, "now": now * 1000,
            "timezone": zone, "definitions": defs}), &TzDatabase).expect("valid input");
        // Later orders: after `now` (ignored there), then `now` moves past them.
        let mut all = history.clone();
        let later: Vec<Row> = after.iter().map(|r| (now_hours + 1 + r.0, r.1, r.2, r.3, r.4, r.5)).collect();
        all.extend(later.iter().enumerate().map(|(i, r)| order("b", i, r)));
        let again_now = START + (now_hours + 24 * 61) * HOUR;
        let second = api::call("badgePreview", &json!({"orders": all, "now": again_now * 1000,
            "timezone": zone, "definitions": defs}), &TzDatabase).expect("valid input");
        let kept = earned(&second);
        for (id, tier, at) in earned(&first) {
            let still = kept.iter().find(|k| k.0 == id);
            prop_assert!(still.is_some(), "{} ({}, {}) was taken back", id, tier, at);
            if let Some((_, t2, at2)) = still {
                let (r1, r2) = (tier_rank(&defs, &id, &tier), tier_rank(&defs, &id, t2));
                prop_assert!(r2 > r1 || (r2 == r1 && *at2 == at), "{} {} {} → {} {}", id, tier, at, t2, at2);
            }
        }
        // Nothing is earned after `now`.
        for (id, _, at) in earned(&first) {
            let t = impactkit::time::parse_instant_str(&at, &impactkit::time::Zone::utc());
            prop_assert!(t.is_some_and(|t| t.timestamp() <= now), "{} earned at {} after now", id, at);
        }
    }

    /// With a customer limit of `max` earns per `days`, no window of `days`
    /// holds more than `max` earns, reported and computed together.
    #[test]
    fn computed_earns_keep_customer_limits(
        hours in prop::collection::vec(0i64..24 * 60, 0..30),
        reported in prop::collection::vec(0i64..24 * 60, 0..3),
        max in 1u64..3,
        days in 1u32..15,
    ) {
        let tiers: Vec<Value> = (1..=8).map(|n| json!({"tier": format!("T{n}"), "rule": {"kind": "count", "target": n}})).collect();
        let defs = json!([{"id": "b", "name": "B", "tiers": tiers,
            "limits": {"customer": [{"max": max, "window": {"count": days, "unit": "days"}}]}}]);
        let orders: Vec<Value> = hours.iter().enumerate().map(|(i, h)| order("o", i, &(*h, 1, 1, 0, 0, 0))).collect();
        let earns: Vec<Value> = reported.iter().map(|h| json!({"id": "b", "tier": "T1", "earnedAt": (START + h * HOUR) * 1000})).collect();
        let now = START + 24 * 61 * HOUR;
        let out = api::call("badgePreview", &json!({"orders": orders, "now": now * 1000, "definitions": defs,
            "earned": earns}), &TzDatabase).expect("valid input");
        let mut instants: Vec<i64> = reported.iter().map(|h| START + h * HOUR).collect();
        for b in out["earned"].as_array().into_iter().flatten().filter(|b| b["source"] == "computed") {
            let at = impactkit::time::parse_instant_str(b["earnedAt"].as_str().unwrap_or(""), &impactkit::time::Zone::utc());
            prop_assert!(at.is_some());
            let at = at.map_or(0, |t| t.timestamp());
            let window = i64::from(days) * 24 * HOUR;
            let before = instants.iter().filter(|t| **t > at - window && **t <= at).count() as u64;
            prop_assert!(before < max, "computed earn at {} over the limit: {:?}", at, instants);
            instants.push(at);
        }
    }

    /// An instant as epoch seconds and as epoch milliseconds reads the same
    /// (1900–2200, outside 1966-10-31 – 1973-03-03 where milliseconds are below 1e11).
    #[test]
    fn epoch_seconds_and_milliseconds_are_the_same_instant(
        seconds in prop_oneof![-2_208_988_800i64..-100_000_000, 100_000_000i64..7_258_118_400],
    ) {
        let read = |at: i64| api::call("achievementWindow", &json!({"start": at, "period": "1D", "now": at}), &TzDatabase).expect("valid input");
        prop_assert_eq!(read(seconds), read(seconds * 1000));
    }
}
