//! Hashed duplicate checks report what the per-item searches they replaced reported:
//! the first item, in input order, that repeats an earlier one, unless an invalid
//! item comes first (checked against a naive reference on small random lists).
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

/// `None` is an invalid item; the reference answer is (code, index) of the first problem.
fn reference(items: &[Option<u8>], invalid: &str) -> Option<(String, usize)> {
    for (i, item) in items.iter().enumerate() {
        match item {
            None => return Some((invalid.to_owned(), i)),
            Some(v) if items[..i].contains(&Some(*v)) => return Some(("duplicate".into(), i)),
            Some(_) => {}
        }
    }
    None
}

fn outcome(function: &str, input: &Value) -> Option<(String, String)> {
    api::call(function, input, &TzDatabase)
        .err()
        .map(|e| (e.code.as_str().to_owned(), e.path.clone()))
}

fn items() -> impl Strategy<Value = Vec<Option<u8>>> {
    prop::collection::vec(prop::option::weighted(0.95, 1u8..12), 1..24)
}

proptest! {
    #[test]
    fn milestone_levels(levels in items()) {
        let list: Vec<Value> = levels.iter().map(|l| l.map_or(json!(-1), |v| json!(v))).collect();
        let got = outcome("milestoneProgress", &json!({"current": 3, "levels": list}));
        let want = reference(&levels, "out_of_range").map(|(c, i)| (c, format!("$.levels[{i}]")));
        prop_assert_eq!(got, want);
    }

    #[test]
    fn tiers(starts in items()) {
        let list: Vec<Value> = starts.iter().enumerate()
            .map(|(i, s)| json!({"name": format!("T{i}"), "minProgress": s.map_or(json!(-1), |v| json!(f64::from(v) / 2.0))}))
            .collect();
        let got = outcome("tierProgress", &json!({"progress": 3, "tiers": list}));
        let want = reference(&starts, "out_of_range").map(|(c, i)| {
            let field = if c == "duplicate" { "" } else { ".minProgress" };
            (c, format!("$.tiers[{i}]{field}"))
        });
        prop_assert_eq!(got, want);
    }

    #[test]
    fn campaigns(ids in items()) {
        let list: Vec<Value> = ids.iter()
            .map(|id| json!({"rewardsCampaignName": "C", "rewardsCampaignId": id.map_or(json!(true), |v| json!(v)), "isUnlocked": true}))
            .collect();
        let got = outcome("campaignProgress", &json!({"campaigns": list}));
        let want = reference(&ids, "invalid_type").map(|(c, i)| (c, format!("$.campaigns[{i}]")));
        // An invalid id is reported at the id itself.
        let want = want.map(|(c, p)| if c == "duplicate" { (c, p) } else { (c, format!("{p}.rewardsCampaignId")) });
        prop_assert_eq!(got, want);
    }

    #[test]
    fn badge_definitions(ids in items()) {
        let list: Vec<Value> = ids.iter()
            .map(|id| json!({"id": id.map_or(json!(true), |v| json!(format!("b{v}"))), "name": "B",
                             "tiers": [{"tier": "GOLD", "rule": {"kind": "count", "target": 2}}]}))
            .collect();
        let got = outcome("badgePreview", &json!({"now": "2025-01-01T00:00:00Z", "orders": [], "definitions": list}));
        let want = reference(&ids, "invalid_type").map(|(c, i)| (c, format!("$.definitions[{i}].id")));
        prop_assert_eq!(got, want);
    }
}
