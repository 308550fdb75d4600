//! `customer.achievementWindow`: an achievement window over the customer's own records.
//!
//! The request is `achievementWindow`'s without `events` and `timezone`; its `events` names the
//! records counted instead: `"orders"` (1 per order), `"co2SavedKg"` / `"offsetKg"` (each order's
//! value of that field) or `"activity"` (each record's `count`). Each source is indexed once, on
//! its first window: record instants sorted, with exact prefix sums of the values, so a window
//! costs binary searches (the window's records, the event that reached the target, the
//! `user_action` policy's next start) instead of a pass over the history. Orders and activity
//! added later extend the index (one added before the last indexed record rebuilds it).

use crate::achievements::{sum_error, WindowEvents};
use crate::badges::orders::Order;
use crate::decimal::Decimal;
use crate::error::Result;
use crate::streaks::Activity;
use crate::time::civil::{DateTime, Utc};
use crate::time::Zone;

/// Which records a window counts, and what each adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `"orders"`: 1 per order, at `placedAt`.
    Orders,
    /// `"co2SavedKg"`: each order's `co2SavedKg` (defaulted from the baseline).
    Co2SavedKg,
    /// `"offsetKg"`: each order's `offsetKg` (0 when absent).
    OffsetKg,
    /// `"activity"`: each activity record's `count` (1 when absent), at `at` or the start of
    /// its `date`.
    Activity,
}

/// The `events` values of a session's `achievementWindow` request.
pub const SOURCES: [(&str, Source); 4] = [
    ("orders", Source::Orders),
    ("co2SavedKg", Source::Co2SavedKg),
    ("offsetKg", Source::OffsetKg),
    ("activity", Source::Activity),
];

impl Source {
    /// What an order adds (`None` for a source of activity records).
    fn order_value(self, order: &Order) -> Option<f64> {
        match self {
            Source::Orders => Some(1.0),
            Source::Co2SavedKg => Some(order.co2_saved_kg),
            Source::OffsetKg => Some(order.offset_kg),
            Source::Activity => None,
        }
    }
}

/// A non-negative sum of [`Decimal`] units in 192 bits: a history's values may add up past
/// what a `Decimal` holds although each window's sum does not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Wide {
    hi: u64,
    lo: u128,
}

impl Wide {
    /// `self` plus the units of a non-negative value.
    fn plus(self, value: Decimal) -> Wide {
        let units = u128::try_from(value.units()).unwrap_or_default();
        let (lo, carry) = self.lo.overflowing_add(units);
        Wide {
            hi: self.hi.saturating_add(u64::from(carry)),
            lo,
        }
    }

    /// `self − other` as a `Decimal` (`other ≤ self`), or `None` past what one holds.
    fn minus(self, other: Wide) -> Option<Decimal> {
        let (lo, borrow) = self.lo.overflowing_sub(other.lo);
        let hi = self
            .hi
            .wrapping_sub(other.hi)
            .wrapping_sub(u64::from(borrow));
        (hi == 0)
            .then(|| i128::try_from(lo).ok())
            .flatten()
            .map(Decimal::from_units)
    }
}

/// One source's records in time order with exact prefix sums of their values.
#[derive(Debug, Default)]
pub struct Index {
    times: Vec<DateTime<Utc>>,
    /// `prefix[i]`: the sum of the first `i` values.
    prefix: Vec<Wide>,
    /// How many records (of the chronological orders, or of the activity in input order) the
    /// index holds.
    covered: usize,
    /// Orders: the id of the last order indexed; another one in its place means orders were
    /// added before it.
    last_id: Option<crate::json::Id>,
}

impl Index {
    fn push(&mut self, at: DateTime<Utc>, value: f64) {
        let sum = self.prefix.last().copied().unwrap_or_default();
        if self.prefix.is_empty() {
            self.prefix.push(sum);
        }
        self.times.push(at);
        self.prefix.push(sum.plus(Decimal::from_f64(value)));
    }

    /// Brings the index of an order source up to `orders` (chronological, append-only).
    fn sync_orders(&mut self, source: Source, orders: &[Order]) {
        let last = self.covered.checked_sub(1).and_then(|i| orders.get(i));
        let intact = match (last, &self.last_id) {
            (None, _) => self.covered == 0,
            (Some(o), Some(id)) => o.id == *id,
            (Some(_), None) => false,
        };
        if !intact {
            *self = Index::default();
        }
        for order in orders.get(self.covered..).unwrap_or_default() {
            self.push(
                order.placed_at,
                source.order_value(order).unwrap_or_default(),
            );
        }
        self.covered = orders.len();
        self.last_id = orders.last().map(|o| o.id.clone());
    }

    /// Brings the index of the activity up to `activity` (append-only, in input order).
    fn sync_activity(&mut self, activity: &Activity, zone: &Zone) {
        let read = |from| -> Vec<(DateTime<Utc>, f64)> {
            let list = activity.instants(from, zone).map(|(at, n)| (at, n as f64));
            crate::sort::by_instant(list.collect())
        };
        let mut added = read(self.covered);
        let in_order = match (self.times.last(), added.first()) {
            (Some(last), Some(first)) => *last <= first.0,
            _ => true,
        };
        if !in_order {
            *self = Index::default();
            added = read(0);
        }
        for (at, value) in added {
            self.push(at, value);
        }
        self.covered = activity.len();
    }

    fn prefix_at(&self, i: usize) -> Wide {
        self.prefix.get(i).copied().unwrap_or_default()
    }
}

impl WindowEvents for Index {
    fn first_from(&self, t: DateTime<Utc>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let next = self.times.partition_point(|at| *at < t);
        self.times.get(next).copied().filter(|at| *at <= now)
    }

    fn totals(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
        target: Option<Decimal>,
    ) -> Result<(Decimal, Option<DateTime<Utc>>)> {
        let lo = self.times.partition_point(|at| *at < from);
        let hi = self
            .times
            .partition_point(|at| *at < until)
            .min(self.times.partition_point(|at| *at <= now));
        if hi <= lo {
            return Ok((Decimal::ZERO, None));
        }
        let base = self.prefix_at(lo);
        let sum = self.prefix_at(hi).minus(base).ok_or_else(sum_error)?;
        // Values are ≥ 0: the prefix sums only grow, the first one at the goal is the event
        // that reached the target.
        let completed_at = target.and_then(|t| {
            let goal = base.plus(t);
            let within = self.prefix.get(lo + 1..=hi).unwrap_or_default();
            let k = within.partition_point(|p| *p < goal);
            (k < within.len())
                .then_some(lo + k)
                .and_then(|j| self.times.get(j).copied())
        });
        Ok((sum, completed_at))
    }
}

/// The index of each source, built on its first window.
#[derive(Debug, Default)]
pub struct Windows {
    indexes: [Index; 4],
}

impl Windows {
    /// The index of `source`, brought up to the history's orders and activity.
    pub(super) fn index(
        &mut self,
        source: Source,
        orders: &[Order],
        activity: Option<&Activity>,
        zone: &Zone,
    ) -> &Index {
        let index = match &mut self.indexes {
            [o, c, f, a] => match source {
                Source::Orders => o,
                Source::Co2SavedKg => c,
                Source::OffsetKg => f,
                Source::Activity => a,
            },
        };
        match (source, activity) {
            (Source::Activity, Some(activity)) => index.sync_activity(activity, zone),
            (Source::Activity, None) => {}
            _ => index.sync_orders(source, orders),
        }
        index
    }
}
