//! Tiers whose rules differ only in their targets are tallied in one pass
//! (`badges::rules::tally_all`): each tier's tally, its crossing instant included, is the one
//! its own pass gives, for every kind of rule, in any mix of targets and rules.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::badges::orders::{read_orders, Order};
use impactkit::badges::rules::{tally_all, Context, Rule};
use impactkit::json::{Json, Node};
use impactkit::time::Zone;
use proptest::prelude::*;
use serde_json::{json, Value};

/// 2025-01-01T00:00:00Z in Unix seconds.
const START: i64 = 1_735_689_600;
const HOUR: i64 = 3_600;

/// One order: (hours after START, co2Kg, baselineCo2Kg, recycled share in %, chain, verified, offsetKg).
type Row = (i64, u32, u32, u32, u8, bool, u32);

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (
            0i64..24 * 400,
            0u32..20,
            0u32..20,
            0u32..=100,
            0u8..6,
            any::<bool>(),
            0u32..5,
        ),
        0..60,
    )
}

fn orders(rows: &[Row]) -> Vec<Order> {
    let list: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, &(hours, co2, base, share, chain, verified, offset))| {
            json!({"id": i, "placedAt": (START + hours * HOUR) * 1000, "co2Kg": co2,
                "baselineCo2Kg": base, "recycledShare": f64::from(share) / 100.0, "offsetKg": offset,
                "supplyChains": [{"id": format!("c{chain}"), "verified": verified}]})
        })
        .collect();
    let list = Value::Array(list);
    let list = Node::from(&list);
    read_orders(&Json::root(&list), &Zone::utc()).expect("valid orders")
}

/// The rule kinds of the catalogue and more, each with a target from `target` (where it has one).
fn rule(kind: usize, target: u32) -> Rule {
    let target = target.max(1);
    let value = match kind {
        0 => json!({"kind": "count", "target": target}),
        1 => json!({"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": target}),
        2 => json!({"kind": "sum", "field": "treesSaved", "target": target}),
        3 => json!({"kind": "sum", "field": "co2Kg", "target": target * 3}),
        4 => json!({"kind": "distinct", "field": "verifiedSupplyChains", "target": 1 + target % 7}),
        5 => json!({"kind": "streak", "period": "week", "target": 1 + target % 9,
                    "where": {"co2Kg": {"lt": "baselineCo2Kg"}}}),
        6 => json!({"kind": "streak", "period": "month", "target": 1 + target % 5}),
        7 => json!({"kind": "period", "period": "month", "sum": "offsetKg", "atLeast": "co2Kg"}),
        _ => json!({"kind": "first", "where": {"hour": {"in": [22, 23, 0, 1]}}}),
    };
    Rule::from_json(&Json::root(&Node::from(&value))).expect("a valid rule")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn grouped_tallies_are_each_rules_own(
        rows in rows(),
        tiers in prop::collection::vec((0usize..9, 0u32..40), 1..8),
    ) {
        let orders = orders(&rows);
        let history: Vec<&Order> = orders.iter().collect();
        let now = impactkit::time::civil::DateTime::from_timestamp(START + 24 * 401 * HOUR, 0).expect("in range");
        let ctx = Context { kg_co2_per_tree: 21.77, now, today: now.date_naive(), zone: &Zone::utc() };
        let rules: Vec<Rule> = tiers.iter().map(|&(kind, target)| rule(kind, target)).collect();
        let rules: Vec<&Rule> = rules.iter().collect();
        let one_by_one: Vec<_> = rules.iter().map(|r| r.tally(&history, &[], &ctx)).collect();
        prop_assert_eq!(tally_all(&rules, &history, &[], &ctx), one_by_one);
    }
}

/// Tiers of one rule at several targets (the usual badge): every crossing is its own.
#[test]
fn each_target_keeps_its_crossing() {
    let rows: Vec<Row> = (0..40)
        .map(|i| (i * 30, 1, 5, 60, (i % 6) as u8, true, 1))
        .collect();
    let orders = orders(&rows);
    let history: Vec<&Order> = orders.iter().collect();
    let now = impactkit::time::civil::DateTime::from_timestamp(START + 24 * 401 * HOUR, 0)
        .expect("in range");
    let ctx = Context {
        kg_co2_per_tree: 21.77,
        now,
        today: now.date_naive(),
        zone: &Zone::utc(),
    };
    for kind in 0..9 {
        let rules: Vec<Rule> = [3, 10, 1, 25, 10].iter().map(|&t| rule(kind, t)).collect();
        let rules: Vec<&Rule> = rules.iter().collect();
        let grouped = tally_all(&rules, &history, &[], &ctx);
        for (rule, tally) in rules.iter().zip(&grouped) {
            assert_eq!(*tally, rule.tally(&history, &[], &ctx), "kind {kind}");
        }
    }
}
