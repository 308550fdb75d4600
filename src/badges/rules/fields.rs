//! The order fields a rule can name, and their values on an order.

use super::Context;
use crate::badges::orders::Order;
use crate::error::{ErrorCode, Result};
use crate::json::Json;

/// A quantity an order has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `co2Kg`.
    Co2Kg,
    /// `baselineCo2Kg`.
    BaselineCo2Kg,
    /// `co2SavedKg` (defaulted from the baseline).
    Co2SavedKg,
    /// `recycledShare` (0..=1).
    RecycledShare,
    /// `offsetKg`.
    OffsetKg,
    /// `treesSaved`: `co2SavedKg / kgCo2PerTree`.
    TreesSaved,
    /// `supplyChains`: the order's supply chains.
    SupplyChains,
    /// `verifiedSupplyChains`: the order's verified supply chains.
    VerifiedSupplyChains,
}

const FIELDS: [(&str, Field); 8] = [
    ("co2Kg", Field::Co2Kg),
    ("baselineCo2Kg", Field::BaselineCo2Kg),
    ("co2SavedKg", Field::Co2SavedKg),
    ("recycledShare", Field::RecycledShare),
    ("offsetKg", Field::OffsetKg),
    ("treesSaved", Field::TreesSaved),
    ("supplyChains", Field::SupplyChains),
    ("verifiedSupplyChains", Field::VerifiedSupplyChains),
];

impl Field {
    /// Parses a field name; unknown names are `invalid_value` at `at`.
    ///
    /// ```
    /// use impactkit::{badges::rules::Field, json::Json};
    /// let v = serde_json::json!("recycledShare");
    /// assert_eq!(Field::parse("recycledShare", &Json::root(&impactkit::json::Node::from(&v))).unwrap(), Field::RecycledShare);
    /// assert_eq!(Field::parse("recycled", &Json::root(&impactkit::json::Node::from(&v))).unwrap_err().code.as_str(), "invalid_value");
    /// ```
    pub fn parse(name: &str, at: &Json) -> Result<Field> {
        FIELDS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
                at.error(
                    ErrorCode::InvalidValue,
                    crate::error::Message::new("unknown order field ")
                        .user(name)
                        .text("; fields are: ")
                        .text(&names.join(", ")),
                )
            })
    }

    pub(super) fn read(value: &Json) -> Result<Field> {
        Field::parse(value.str()?, value)
    }

    pub(super) fn is_set(self) -> bool {
        matches!(self, Field::SupplyChains | Field::VerifiedSupplyChains)
    }

    /// The field's value on one order (set fields: how many chains).
    ///
    /// ```
    /// use impactkit::{badges::{orders::Order, rules::{Context, Field}}, json::Json, time::Zone};
    /// let v = serde_json::json!({"id": 1, "placedAt": "2025-01-01", "co2Kg": 1, "baselineCo2Kg": 22.77,
    ///     "recycledShare": 0, "supplyChains": [{"id": "a", "verified": true}, {"id": "b", "verified": false}]});
    /// let v = impactkit::json::Node::from(&v);
    /// let o = Order::from_json(&Json::root(&v), &Zone::utc()).unwrap();
    /// let ctx = Context { kg_co2_per_tree: 21.77, now: o.placed_at, today: o.local_date, zone: &Zone::utc() };
    /// assert_eq!(Field::TreesSaved.value(&o, &ctx), 1.0);
    /// assert_eq!(Field::VerifiedSupplyChains.value(&o, &ctx), 1.0);
    /// ```
    pub fn value(self, order: &Order, ctx: &Context) -> f64 {
        match self {
            Field::Co2Kg => order.co2_kg,
            Field::BaselineCo2Kg => order.baseline_co2_kg,
            Field::Co2SavedKg => order.co2_saved_kg,
            Field::RecycledShare => order.recycled_share,
            Field::OffsetKg => order.offset_kg,
            Field::TreesSaved => order.co2_saved_kg / ctx.kg_co2_per_tree,
            Field::SupplyChains => order.supply_chains.len() as f64,
            Field::VerifiedSupplyChains => {
                order.supply_chains.iter().filter(|c| c.verified).count() as f64
            }
        }
    }
}
