//! The order and event fields a rule can name, and their values on an order or event.

use super::{Context, Source};
use crate::badges::events::Item;
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
    /// `hour`: the local hour, 0–23 (orders and events).
    Hour,
    /// `weekday`: the local ISO weekday, 1 (Monday) – 7 (Sunday) (orders and events).
    Weekday,
    /// `value`: an event's value.
    Value,
    /// `tier`: an event's tier name (text).
    Tier,
}

const FIELDS: [(&str, Field); 10] = [
    ("co2Kg", Field::Co2Kg),
    ("baselineCo2Kg", Field::BaselineCo2Kg),
    ("co2SavedKg", Field::Co2SavedKg),
    ("recycledShare", Field::RecycledShare),
    ("offsetKg", Field::OffsetKg),
    ("treesSaved", Field::TreesSaved),
    ("supplyChains", Field::SupplyChains),
    ("verifiedSupplyChains", Field::VerifiedSupplyChains),
    ("hour", Field::Hour),
    ("weekday", Field::Weekday),
];

const EVENT_FIELDS: [(&str, Field); 4] = [
    ("value", Field::Value),
    ("tier", Field::Tier),
    ("hour", Field::Hour),
    ("weekday", Field::Weekday),
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
        Field::parse_in(name, &Source::Orders, at)
    }

    /// Parses a field name of an order, or of an event when `source` is events.
    ///
    /// ```
    /// use impactkit::{badges::rules::{Field, Source}, json::{Json, Node}};
    /// let v = serde_json::json!("co2Kg");
    /// let events = Source::Events("referral".into());
    /// let e = Field::parse_in("co2Kg", &events, &Json::root(&Node::from(&v))).unwrap_err();
    /// assert_eq!(
    ///     e.message,
    ///     "unknown event field \"co2Kg\"; fields are: value, tier, hour, weekday"
    /// );
    /// ```
    pub fn parse_in(name: &str, source: &Source, at: &Json) -> Result<Field> {
        let (fields, what): (&[(&str, Field)], &str) = match source {
            Source::Orders => (&FIELDS, "unknown order field "),
            Source::Events(_) => (&EVENT_FIELDS, "unknown event field "),
        };
        fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                at.error(
                    ErrorCode::InvalidValue,
                    crate::error::Message::new(what)
                        .user(name)
                        .text("; fields are: ")
                        .list(fields.iter().map(|(n, _)| *n)),
                )
            })
    }

    pub(super) fn read(value: &Json, source: &Source) -> Result<Field> {
        Field::parse_in(value.str()?, source, value)
    }

    /// Whether the field is a text (`tier`), compared with names.
    pub(super) fn is_text(self) -> bool {
        self == Field::Tier
    }

    /// The whole values a local-time field takes (`hour` 0–23, `weekday` 1–7).
    pub(super) fn range(self) -> Option<(i64, i64)> {
        match self {
            Field::Hour => Some((0, 23)),
            Field::Weekday => Some((1, 7)),
            _ => None,
        }
    }

    pub(super) fn is_set(self) -> bool {
        matches!(self, Field::SupplyChains | Field::VerifiedSupplyChains)
    }

    /// The field's value on one order or event (set fields: how many chains; a field the
    /// item does not have, and the text `tier`: NaN, which no comparison holds for).
    ///
    /// ```
    /// use impactkit::{badges::{orders::Order, rules::{Context, Field}}, json::Json, time::Zone};
    /// let v = serde_json::json!({"id": 1, "placedAt": "2025-01-01", "co2Kg": 1, "baselineCo2Kg": 22.77,
    ///     "recycledShare": 0, "supplyChains": [{"id": "a", "verified": true}, {"id": "b", "verified": false}]});
    /// let v = impactkit::json::Node::from(&v);
    /// let o = Order::from_json(&Json::root(&v), &Zone::utc()).unwrap();
    /// let ctx = Context { kg_co2_per_tree: 21.77, now: o.placed_at, today: o.local_date, zone: &Zone::utc() };
    /// assert_eq!(Field::TreesSaved.value((&o).into(), &ctx), 1.0);
    /// assert_eq!(Field::VerifiedSupplyChains.value((&o).into(), &ctx), 1.0);
    /// ```
    pub fn value(self, item: Item, ctx: &Context) -> f64 {
        let local = item.local();
        let order = match (self, item) {
            (Field::Hour, _) => return f64::from(local.hour),
            (Field::Weekday, _) => return f64::from(local.weekday),
            (Field::Value, Item::Event(e)) => return e.value,
            (_, Item::Event(_)) | (Field::Value | Field::Tier, _) => return f64::NAN,
            (_, Item::Order(o)) => o,
        };
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
            Field::Hour | Field::Weekday | Field::Value | Field::Tier => f64::NAN,
        }
    }
}
