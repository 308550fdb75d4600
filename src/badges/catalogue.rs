//! The built-in catalogue: the six badges of seed 000, written in the rule language.

use super::definition::{Definition, TierRule};
use super::rules::{Clause, Field, Filter, Measure, Op, Operand, Period, Rule};
use super::validity::{Expiry, Limits, Validity};

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
/// `definitions` defaults to (the README shows it).
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
             {"tier": "GOLD", "rule": {"kind": "streak", "period": "month", "where": {"co2Kg": {"lt": "baselineCo2Kg"}}, "target": 12}}]}
]"#;

fn green() -> Filter {
    Filter(vec![Clause {
        field: Field::Co2Kg,
        op: Op::Lt,
        operand: Operand::Field(Field::BaselineCo2Kg),
    }])
}

fn badge(
    id: &str,
    name: &str,
    description: &str,
    icon: &str,
    tiers: &[(&str, Measure, f64)],
) -> Definition {
    Definition {
        id: id.to_owned(),
        name: name.to_owned(),
        description: Some(description.to_owned()),
        icon: Some(icon.to_owned()),
        tiers: tiers
            .iter()
            .map(|(tier, measure, target)| TierRule {
                tier: (*tier).to_owned(),
                rule: Rule {
                    measure: measure.clone(),
                    target: *target,
                },
            })
            .collect(),
        validity: Validity::default(),
        limits: Limits::default(),
        expiry: Expiry::Never,
    }
}

/// The seed catalogue ([`CATALOGUE_JSON`], built directly: no JSON parser in the module).
///
/// ```
/// let c = impactkit::badges::catalogue::builtin();
/// let ids: Vec<&str> = c.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["badge_first_green", "badge_tree_saver", "badge_chain_champion",
///                  "badge_circular_hero", "badge_carbon_neutral", "badge_streak_keeper"]);
/// ```
pub fn builtin() -> Vec<Definition> {
    let trees = Measure::Sum(Field::TreesSaved, Filter::default());
    let streak = Measure::Streak(Period::Month, green());
    vec![
        badge(
            "badge_first_green",
            "First Green Purchase",
            "Made your first eco-friendly purchase",
            "seedling",
            &[("BRONZE", Measure::Count(green()), 1.0)],
        ),
        badge(
            "badge_tree_saver",
            "Tree Saver",
            "Saved the equivalent of 10, 50 or 100 trees",
            "tree",
            &[
                ("BRONZE", trees.clone(), 10.0),
                ("SILVER", trees.clone(), 50.0),
                ("GOLD", trees, 100.0),
            ],
        ),
        badge(
            "badge_chain_champion",
            "Chain Champion",
            "Ordered from 5 verified supply chains",
            "link",
            &[(
                "SILVER",
                Measure::Distinct(Field::VerifiedSupplyChains, Filter::default()),
                5.0,
            )],
        ),
        badge(
            "badge_circular_hero",
            "Circular Hero",
            "10 orders with more than 50 % recycled content",
            "recycle",
            &[(
                "GOLD",
                Measure::Count(Filter(vec![Clause {
                    field: Field::RecycledShare,
                    op: Op::Gt,
                    operand: Operand::Number(0.5),
                }])),
                10.0,
            )],
        ),
        badge(
            "badge_carbon_neutral",
            "Carbon Neutral",
            "Offset all order emissions in a month",
            "globe",
            &[(
                "PLATINUM",
                Measure::InOnePeriod {
                    period: Period::Month,
                    sum: Field::OffsetKg,
                    at_least: Operand::Field(Field::Co2Kg),
                    filter: Filter::default(),
                },
                1.0,
            )],
        ),
        badge(
            "badge_streak_keeper",
            "Streak Keeper",
            "3, 6 or 12 consecutive months with a green order",
            "calendar",
            &[
                ("BRONZE", streak.clone(), 3.0),
                ("SILVER", streak.clone(), 6.0),
                ("GOLD", streak, 12.0),
            ],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::badges::definition::read_definitions;
    use crate::json::Json;
    use crate::time::Zone;

    #[test]
    fn the_documented_json_is_the_built_in_catalogue() {
        let value: serde_json::Value = serde_json::from_str(CATALOGUE_JSON).unwrap();
        let parsed =
            read_definitions(&Json::root(&crate::json::Node::from(&value)), &Zone::utc()).unwrap();
        assert_eq!(parsed, builtin());
    }

    #[test]
    fn the_readme_shows_the_catalogue() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(CATALOGUE_JSON.trim()),
            "README lacks CATALOGUE_JSON"
        );
    }
}
