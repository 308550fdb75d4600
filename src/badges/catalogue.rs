//! The built-in catalogue: the six badges of seed 000, written in the rule language.

use super::definition::{read_definitions, Definition};
use crate::error::Result;
use crate::json::Json;
use crate::time::Zone;
use serde_json::{json, Value};

/// Default kg of CO₂ one tree absorbs in a year: **21.77 kg**, the Arbor Day
/// Foundation's "a mature tree absorbs about 48 pounds of CO₂ a year"
/// (48 lb × 0.45359237 kg/lb = 21.77 kg), the figure most "trees saved"
/// calculators use. Override with `options.kgCo2PerTree`. With it, seed 000's
/// 248.5 kg saved are 11.4 trees: "Saved the equivalent of 10 trees".
///
/// ```
/// assert_eq!(impactkit::badges::catalogue::DEFAULT_KG_CO2_PER_TREE, 21.77);
/// ```
pub const DEFAULT_KG_CO2_PER_TREE: f64 = 21.77;

/// The seed catalogue as rule-language JSON (what `definitions` defaults to).
///
/// ```
/// let c = impactkit::badges::catalogue::catalogue_json();
/// assert_eq!(c[3]["tiers"][0]["rule"]["where"]["recycledShare"]["gt"], 0.5);
/// ```
pub fn catalogue_json() -> Value {
    let green = json!({"co2Kg": {"lt": "baselineCo2Kg"}});
    let tiered = |kind: &str, extra: Value, tiers: &[(&str, u32)]| -> Value {
        let tiers: Vec<Value> = tiers
            .iter()
            .map(|(tier, target)| {
                let mut rule = extra.clone();
                rule["kind"] = json!(kind);
                rule["target"] = json!(target);
                json!({"tier": tier, "rule": rule})
            })
            .collect();
        Value::Array(tiers)
    };
    json!([
        {"id": "badge_first_green", "name": "First Green Purchase",
         "description": "Made your first eco-friendly purchase", "icon": "seedling",
         "tiers": [{"tier": "BRONZE", "rule": {"kind": "first", "where": green}}]},
        {"id": "badge_tree_saver", "name": "Tree Saver",
         "description": "Saved the equivalent of 10, 50 or 100 trees", "icon": "tree",
         "tiers": tiered("sum", json!({"field": "treesSaved"}),
                         &[("BRONZE", 10), ("SILVER", 50), ("GOLD", 100)])},
        {"id": "badge_chain_champion", "name": "Chain Champion",
         "description": "Ordered from 5 verified supply chains", "icon": "link",
         "tiers": tiered("distinct", json!({"field": "verifiedSupplyChains"}), &[("SILVER", 5)])},
        {"id": "badge_circular_hero", "name": "Circular Hero",
         "description": "10 orders with more than 50 % recycled content", "icon": "recycle",
         "tiers": tiered("count", json!({"where": {"recycledShare": {"gt": 0.5}}}), &[("GOLD", 10)])},
        {"id": "badge_carbon_neutral", "name": "Carbon Neutral",
         "description": "Offset all order emissions in a month", "icon": "globe",
         "tiers": [{"tier": "PLATINUM", "rule": {"kind": "period", "period": "month",
                                                 "sum": "offsetKg", "atLeast": "co2Kg"}}]},
        {"id": "badge_streak_keeper", "name": "Streak Keeper",
         "description": "3, 6 or 12 consecutive months with a green order", "icon": "calendar",
         "tiers": tiered("streak", json!({"period": "month", "where": green}),
                         &[("BRONZE", 3), ("SILVER", 6), ("GOLD", 12)])},
    ])
}

/// The seed catalogue, parsed.
///
/// ```
/// let c = impactkit::badges::catalogue::builtin().unwrap();
/// let ids: Vec<&str> = c.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["badge_first_green", "badge_tree_saver", "badge_chain_champion",
///                  "badge_circular_hero", "badge_carbon_neutral", "badge_streak_keeper"]);
/// ```
pub fn builtin() -> Result<Vec<Definition>> {
    let catalogue = catalogue_json();
    read_definitions(&Json::root(&catalogue), &Zone::utc())
}
