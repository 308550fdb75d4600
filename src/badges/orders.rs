//! The order history badge rules are evaluated over: reading, de-duplication
//! and chronological sorting.

use super::chains::Chains;
use super::events::LocalTime;
use crate::decimal::remaining;
use crate::error::Result;
use crate::json::{id_set, Id, IdSet, Json};
use crate::time::civil::{DateTime, NaiveDate, Utc};
use crate::time::{instant, Zone};

/// A supply chain an order was sourced from.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyChain {
    /// The chain's id.
    pub id: Id,
    /// Whether the chain is verified.
    pub verified: bool,
}

/// One order, as the rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// Order id (unique in a history).
    pub id: Id,
    /// When the order was placed.
    pub placed_at: DateTime<Utc>,
    /// `placed_at`'s calendar date in the preview's timezone.
    pub local_date: NaiveDate,
    /// `placed_at`'s local hour (0–23) in the preview's timezone.
    pub hour: u32,
    /// `placed_at`'s local ISO weekday, 1 (Monday) – 7 (Sunday).
    pub weekday: u32,
    /// Emissions of the order, kg CO₂.
    pub co2_kg: f64,
    /// Emissions of an average equivalent order, kg CO₂.
    pub baseline_co2_kg: f64,
    /// CO₂ saved, kg: as sent, or `max(0, baselineCo2Kg − co2Kg)`.
    pub co2_saved_kg: f64,
    /// Share of recycled content, 0..=1.
    pub recycled_share: f64,
    /// Supply chains the order came from.
    pub supply_chains: Chains,
    /// Emissions offset with this order, kg CO₂ (0 when absent).
    pub offset_kg: f64,
}

/// An order's amounts as read (see [`Order`]'s fields of these names).
pub(crate) struct Amounts {
    pub co2_kg: f64,
    pub baseline_co2_kg: f64,
    pub co2_saved_kg: f64,
    pub recycled_share: f64,
    pub offset_kg: f64,
}

impl Order {
    /// Reads `{id, placedAt, co2Kg, baselineCo2Kg, co2SavedKg?, recycledShare,
    /// supplyChains: [{id, verified}], offsetKg?}`.
    ///
    /// ```
    /// use impactkit::{badges::orders::Order, json::Json, time::Zone};
    /// let v = serde_json::json!({"id": "o1", "placedAt": "2025-03-15T10:30:00Z", "co2Kg": 4,
    ///   "baselineCo2Kg": 6.5, "recycledShare": 0.6, "supplyChains": [{"id": "c1", "verified": true}]});
    /// let v = impactkit::json::Node::from(&v);
    /// let o = Order::from_json(&Json::root(&v), &Zone::utc()).unwrap();
    /// assert_eq!((o.co2_saved_kg, o.is_green()), (2.5, true));
    /// ```
    pub fn from_json(item: &Json, zone: &Zone) -> Result<Order> {
        let placed_at = instant(&item.field("placedAt")?, zone)?;
        Self::read(item, item.field("id")?.short_id()?, placed_at, zone)
    }

    /// Reads a hypothetical cart order: like [`Order::from_json`], but `id`
    /// defaults to `"cart"` and `placedAt` to `now`.
    ///
    /// ```
    /// use impactkit::{badges::orders::Order, json::Json, time::Zone};
    /// let v = serde_json::json!({"co2Kg": 1, "baselineCo2Kg": 2, "recycledShare": 0.7, "supplyChains": []});
    /// let now = impactkit::time::civil::DateTime::from_timestamp(1_750_000_000, 0).unwrap();
    /// let v = impactkit::json::Node::from(&v);
    /// let cart = Order::cart(&Json::root(&v), &Zone::utc(), now).unwrap();
    /// assert_eq!((cart.id.as_str(), cart.placed_at), ("cart", now));
    /// ```
    pub fn cart(item: &Json, zone: &Zone, now: DateTime<Utc>) -> Result<Order> {
        let id = match item.opt("id")? {
            Some(id) => id.short_id()?,
            None => Id::from("cart"),
        };
        let placed_at = match item.opt("placedAt")? {
            Some(t) => instant(&t, zone)?,
            None => now,
        };
        Self::read(item, id, placed_at, zone)
    }

    fn read(item: &Json, id: Id, placed_at: DateTime<Utc>, zone: &Zone) -> Result<Order> {
        let co2_kg = item.field("co2Kg")?.non_negative()?;
        let baseline_co2_kg = item.field("baselineCo2Kg")?.non_negative()?;
        let co2_saved_kg = match item.opt("co2SavedKg")? {
            Some(s) => s.non_negative()?,
            None => remaining(baseline_co2_kg, co2_kg),
        };
        let recycled_share = item.field("recycledShare")?.number_in(0.0, 1.0)?;
        let mut supply_chains = Chains::default();
        for chain in item.field("supplyChains")?.items()? {
            supply_chains.push(SupplyChain {
                id: chain.field("id")?.short_id()?,
                verified: chain.field("verified")?.bool()?,
            });
        }
        let offset_kg = match item.opt("offsetKg")? {
            Some(o) => o.non_negative()?,
            None => 0.0,
        };
        let amounts = Amounts {
            co2_kg,
            baseline_co2_kg,
            co2_saved_kg,
            recycled_share,
            offset_kg,
        };
        Ok(Order::placed(id, placed_at, zone, amounts, supply_chains))
    }

    /// The order of these values, dated in `zone` (its local date, hour and weekday).
    pub(crate) fn placed(
        id: Id,
        placed_at: DateTime<Utc>,
        zone: &Zone,
        amounts: Amounts,
        supply_chains: Chains,
    ) -> Order {
        let mut order = Order::undated(id, placed_at, amounts, supply_chains);
        order.date_in(zone);
        order
    }

    /// The order of these values before it is dated in a zone ([`Order::date_in`] sets its local
    /// date, hour and weekday): the text reader has them before it knows the zone.
    pub(crate) fn undated(
        id: Id,
        placed_at: DateTime<Utc>,
        amounts: Amounts,
        supply_chains: Chains,
    ) -> Order {
        let Amounts {
            co2_kg,
            baseline_co2_kg,
            co2_saved_kg,
            recycled_share,
            offset_kg,
        } = amounts;
        Order {
            id,
            placed_at,
            local_date: NaiveDate::MIN,
            hour: 0,
            weekday: 0,
            co2_kg,
            baseline_co2_kg,
            co2_saved_kg,
            recycled_share,
            supply_chains,
            offset_kg,
        }
    }

    /// Sets the local date, hour and weekday of `placed_at` in `zone`.
    pub(crate) fn date_in(&mut self, zone: &Zone) {
        let local = LocalTime::of(self.placed_at, zone);
        (self.local_date, self.hour, self.weekday) = (local.date, local.hour, local.weekday);
    }

    /// A "green" order emitted less than its baseline (`co2Kg < baselineCo2Kg`).
    ///
    /// ```
    /// use impactkit::{badges::orders::Order, json::Json, time::Zone};
    /// let v = serde_json::json!({"id": 1, "placedAt": "2025-01-01", "co2Kg": 4, "baselineCo2Kg": 4,
    ///     "recycledShare": 0, "supplyChains": []});
    /// assert!(!Order::from_json(&Json::root(&impactkit::json::Node::from(&v)), &Zone::utc()).unwrap().is_green());
    /// ```
    pub fn is_green(&self) -> bool {
        self.co2_kg < self.baseline_co2_kg
    }
}

/// Reads an order list: duplicates (same `id`) keep their first occurrence,
/// the rest is sorted by `placedAt` (ties by id), whatever order it came in.
///
/// ```
/// use impactkit::{badges::orders::read_orders, json::Json, time::Zone};
/// let o = |id: &str, at: &str| serde_json::json!({"id": id, "placedAt": at, "co2Kg": 1,
///     "baselineCo2Kg": 2, "recycledShare": 0, "supplyChains": []});
/// let v = serde_json::json!([o("b", "2025-02-01"), o("a", "2025-01-01"), o("b", "2025-03-01")]);
/// let v = impactkit::json::Node::from(&v);
/// let orders = read_orders(&Json::root(&v), &Zone::utc()).unwrap();
/// assert_eq!(orders.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
/// ```
pub fn read_orders(list: &Json, zone: &Zone) -> Result<Vec<Order>> {
    let mut orders = Vec::new();
    for item in list.items()? {
        orders.push(Order::from_json(&item, zone)?);
    }
    Ok(unique_chronological(orders))
}

/// The orders without repeated ids (the first of each is kept), sorted by [`chronological`].
pub(crate) fn unique_chronological(orders: Vec<Order>) -> Vec<Order> {
    let mut seen: IdSet<&Id> = id_set(orders.len());
    let first: Vec<bool> = orders.iter().map(|o| seen.insert(&o.id)).collect();
    drop(seen);
    crate::sort::by_time_keeping(orders, &first, |o| o.placed_at, |a, b| a.id.cmp(&b.id))
}

/// Sorts by `(placedAt, id)` ([`crate::sort::by_time`]: linear time in the full build and
/// sessions, a merge sort in `impactkit/badges`). Ids are unique here,
/// so the order is total.
pub(crate) fn chronological(orders: Vec<Order>) -> Vec<Order> {
    crate::sort::by_time(orders, |o| o.placed_at, |a, b| a.id.cmp(&b.id))
}
