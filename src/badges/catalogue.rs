//! The built-in catalogue: the six badges of seed 000 and the four examples of seed 002,
//! written in the rule language.

use super::definition::{read_definitions, Definition};
use crate::error::Result;
use crate::json::{value_from_text, Json};
use crate::time::Zone;

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

/// The seed catalogue as rule-language JSON: what [`builtin`] holds and
/// `definitions` defaults to (docs/api.md shows it).
pub const CATALOGUE_JSON: &str = r#"[
  {"id": "badge_first_green", "name": "First Green Purchase",
   "description": "Made your first eco-friendly purchase", "icon": "seedling",
   "tiers": [{"tier": "BRONZE", "rule": {"kind": "first", "where": {"co2Kg": {"lt": "baselineCo2Kg"}}}}]},
  {"id": "badge_tree_saver", "name": "Tree Saver",
   "description": "Saved the equivalent of 10, 50 or 100 trees", "icon": "tree",
   "tiers": [{"tier": "BRONZE", "rule": {"kind": "sum", "field": "treesSaved", "target": 10}},
             {"tier": "SILVER", "rule": {"kind": "sum", "field": "treesSaved", "target": 50}},
             {"tier": "GOLD", "rule": {"kind": "sum", "field": "treesSaved", "target": 100}}]},
  {"id": "badge_chain_champion", "name": "Chain Champion",
   "description": "Ordered from 5 verified supply chains", "icon": "link",
   "tiers": [{"tier": "SILVER", "rule": {"kind": "distinct", "field": "verifiedSupplyChains", "target": 5}}]},
  {"id": "badge_circular_hero", "name": "Circular Hero",
   "description": "10 orders with more than 50 % recycled content", "icon": "recycle",
   "tiers": [{"tier": "GOLD", "rule": {"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": 10}}]},
  {"id": "badge_carbon_neutral", "name": "Carbon Neutral",
   "description": "Offset all order emissions in a month", "icon": "globe",
   "tiers": [{"tier": "PLATINUM", "rule": {"kind": "period", "period": "month", "sum": "offsetKg", "atLeast": "co2Kg"}}]},
  {"id": "badge_streak_keeper", "name": "Streak Keeper",
   "description": "3, 6 or 12 consecutive months with a green order", "icon": "calendar",
   "tiers": [{"tier": "BRONZE", "rule": {"kind": "streak", "period": "month", "where": {"co2Kg": {"lt": "baselineCo2Kg"}}, "target": 3}},
             {"tier": "SILVER", "rule": {"kind": "streak", "period": "month", "where": {"co2Kg": {"lt": "baselineCo2Kg"}}, "target": 6}},
             {"tier": "GOLD", "rule": {"kind": "streak", "period": "month", "where": {"co2Kg": {"lt": "baselineCo2Kg"}}, "target": 12}}]},
  {"id": "badge_new_member", "name": "New Member",
   "description": "Joined the programme", "icon": "star",
   "tiers": [{"tier": "BRONZE", "rule": {"kind": "first", "event": "signup"}}]},
  {"id": "badge_referral_champion", "name": "Referral Champion",
   "description": "Referred 3 friends", "icon": "heart",
   "tiers": [{"tier": "SILVER", "rule": {"kind": "count", "event": "referral", "target": 3}}]},
  {"id": "badge_gold_elite", "name": "Gold Elite",
   "description": "Reached the Gold tier", "icon": "trophy",
   "tiers": [{"tier": "GOLD", "rule": {"kind": "first", "event": "tierReached", "where": {"tier": {"eq": "GOLD"}}}}]},
  {"id": "badge_night_owl", "name": "Night Owl",
   "description": "5 orders placed late at night (22:00 to 04:00 local time)", "icon": "bag",
   "tiers": [{"tier": "BRONZE", "rule": {"kind": "count", "where": {"hour": {"in": [22, 23, 0, 1, 2, 3]}}, "target": 5}}]}
]"#;

/// The seed catalogue, read from [`CATALOGUE_JSON`] (its one source).
///
/// ```
/// let c = impactkit::badges::catalogue::builtin();
/// let ids: Vec<&str> = c.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["badge_first_green", "badge_tree_saver", "badge_chain_champion",
///                  "badge_circular_hero", "badge_carbon_neutral", "badge_streak_keeper",
///                  "badge_new_member", "badge_referral_champion", "badge_gold_elite",
///                  "badge_night_owl"]);
/// ```
pub fn builtin() -> Vec<Definition> {
    // It reads (the test below checks), so the default is never taken.
    read_catalogue().unwrap_or_default()
}

fn read_catalogue() -> Result<Vec<Definition>> {
    let doc = value_from_text(CATALOGUE_JSON)?;
    read_definitions(&Json::root(&doc), &Zone::utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::badges::rules::{Field, Measure, Period, Source};

    #[test]
    fn the_catalogue_json_reads() {
        let catalogue = read_catalogue().unwrap();
        assert_eq!(catalogue.len(), 10);
        let tiers: usize = catalogue.iter().map(|d| d.tiers.len()).sum();
        assert_eq!(tiers, 14);
        let referrals = &catalogue[7].tiers[0].rule;
        assert_eq!(referrals.source, Source::Events("referral".into()));
        assert_eq!(referrals.target, 3.0);
        let streak = &catalogue[5].tiers[2].rule;
        assert!(matches!(streak.measure, Measure::Streak(Period::Month, _)));
        assert_eq!(streak.target, 12.0);
        let trees = &catalogue[1].tiers[0].rule;
        assert_eq!(
            trees.measure,
            Measure::Sum(Field::TreesSaved, Default::default())
        );
    }

    #[test]
    fn the_api_reference_shows_the_catalogue() {
        let reference = include_str!("../../docs/api.md");
        assert!(
            reference.contains(CATALOGUE_JSON.trim()),
            "docs/api.md lacks CATALOGUE_JSON"
        );
    }
}
