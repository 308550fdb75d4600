//! Evaluating rules over an order history.

use super::{Field, Filter, Measure, Op, Operand, Period, Progress, Rule};
use crate::badges::orders::Order;
use crate::time::calendar::{self, Calendar, WeekStart};
use crate::time::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;

/// Evaluation context: the preview's options, "now" and timezone.
#[derive(Clone, Copy)]
pub struct Context<'z> {
    /// kg CO₂ one tree absorbs (see [`crate::badges::catalogue::DEFAULT_KG_CO2_PER_TREE`]).
    pub kg_co2_per_tree: f64,
    /// The preview's `now`.
    pub now: DateTime<Utc>,
    /// `now`'s calendar date in the preview's timezone.
    pub today: NaiveDate,
    /// The preview's timezone (calendar periods end at its midnight).
    pub zone: &'z Zone,
}

/// Fixed-point nano-units: sums stay exact for up to 9 decimals.
fn nano(x: f64) -> i128 {
    (x * 1e9).round() as i128
}

impl Op {
    fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Op::Gt => a > b,
            Op::Gte => a >= b,
            Op::Lt => a < b,
            Op::Lte => a <= b,
            Op::Eq => a == b,
        }
    }
}

impl Filter {
    /// Whether `order` satisfies every clause.
    ///
    /// ```
    /// use impactkit::{badges::{orders::Order, rules::{Context, Filter}}, json::Json, time::Zone};
    /// let v = serde_json::json!({"id": 1, "placedAt": "2025-01-01", "co2Kg": 4, "baselineCo2Kg": 4,
    ///     "recycledShare": 0.5, "supplyChains": []});
    /// let v = impactkit::json::Node::from(&v);
    /// let o = Order::from_json(&Json::root(&v), &Zone::utc()).unwrap();
    /// let ctx = Context { kg_co2_per_tree: 21.77, now: o.placed_at, today: o.local_date, zone: &Zone::utc() };
    /// let over_half = serde_json::json!({"recycledShare": {"gt": 0.5}});
    /// let green = serde_json::json!({"co2Kg": {"lt": "baselineCo2Kg"}});
    /// assert!(!Filter::from_json(&Json::root(&impactkit::json::Node::from(&over_half))).unwrap().matches(&o, &ctx));
    /// assert!(!Filter::from_json(&Json::root(&impactkit::json::Node::from(&green))).unwrap().matches(&o, &ctx));
    /// assert!(Filter::default().matches(&o, &ctx));
    /// ```
    pub fn matches(&self, order: &Order, ctx: &Context) -> bool {
        self.0.iter().all(|c| {
            let rhs = match c.operand {
                Operand::Number(x) => x,
                Operand::Field(f) => f.value(order, ctx),
            };
            c.op.holds(c.field.value(order, ctx), rhs)
        })
    }
}

impl Period {
    /// A number that grows by one from each period to the next.
    ///
    /// ```
    /// use impactkit::badges::rules::Period;
    /// let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(Period::Month.key(d(2025, 1, 1)) - Period::Month.key(d(2024, 12, 31)), 1);
    /// assert_eq!(Period::Week.key(d(2025, 3, 10)) - Period::Week.key(d(2025, 3, 9)), 1); // Sunday → Monday
    /// assert_eq!(Period::Week.key(d(2025, 3, 16)), Period::Week.key(d(2025, 3, 10)));
    /// ```
    pub fn key(self, date: NaiveDate) -> i64 {
        self.calendar().index(date)
    }

    /// The first day of the period with this [`Period::key`].
    ///
    /// ```
    /// use impactkit::badges::rules::Period;
    /// let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert_eq!(Period::Month.start(Period::Month.key(d(2024, 12, 31)) + 1), Some(d(2025, 1, 1)));
    /// assert_eq!(Period::Week.start(Period::Week.key(d(2025, 3, 16))), Some(d(2025, 3, 10)));
    /// ```
    pub fn start(self, key: i64) -> Option<NaiveDate> {
        self.calendar().first_day(key)
    }

    /// The calendar that numbers these periods (ISO weeks: Monday to Sunday).
    pub fn calendar(self) -> Calendar {
        Calendar {
            period: match self {
                Period::Month => calendar::Period::Month,
                Period::Week => calendar::Period::Week,
            },
            week_start: WeekStart::Monday,
        }
    }
}

impl Rule {
    /// Evaluates the rule over chronologically sorted orders.
    ///
    /// ```
    /// use impactkit::{badges::{orders::read_orders, rules::{Context, Rule}}, json::Json, time::Zone};
    /// let o = |id: &str, share: f64| serde_json::json!({"id": id, "placedAt": format!("2025-01-0{id}"),
    ///     "co2Kg": 1, "baselineCo2Kg": 2, "recycledShare": share, "supplyChains": []});
    /// let orders = serde_json::json!([o("1", 0.5), o("2", 0.51), o("3", 0.9)]);
    /// let orders = impactkit::json::Node::from(&orders);
    /// let orders = read_orders(&Json::root(&orders), &Zone::utc()).unwrap();
    /// let rule = serde_json::json!({"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": 2});
    /// let rule = impactkit::json::Node::from(&rule);
    /// let rule = Rule::from_json(&Json::root(&rule)).unwrap();
    /// let now = orders[2].placed_at;
    /// let ctx = Context { kg_co2_per_tree: 21.77, now, today: now.date_naive(), zone: &Zone::utc() };
    /// let p = rule.progress(&orders.iter().collect::<Vec<_>>(), &ctx);
    /// assert_eq!((p.current, p.reached_at), (2.0, Some(now)));
    /// ```
    pub fn progress(&self, orders: &[&Order], ctx: &Context) -> Progress {
        let target = self.target;
        match &self.measure {
            Measure::Count(filter) => {
                let mut count = 0.0;
                let mut reached_at = None;
                for order in orders.iter().filter(|o| filter.matches(o, ctx)) {
                    count += 1.0;
                    if reached_at.is_none() && count >= target {
                        reached_at = Some(order.placed_at);
                    }
                }
                Progress {
                    reached_at,
                    current: count,
                    target,
                }
            }
            Measure::Sum(field, filter) => sum(*field, filter, target, orders, ctx),
            Measure::Distinct(field, filter) => {
                let verified_only = *field == Field::VerifiedSupplyChains;
                let mut chains: HashSet<&str> = HashSet::new();
                let mut reached_at = None;
                for order in orders.iter().filter(|o| filter.matches(o, ctx)) {
                    for chain in &order.supply_chains {
                        if chain.verified || !verified_only {
                            chains.insert(chain.id.as_str());
                        }
                    }
                    if reached_at.is_none() && chains.len() as f64 >= target {
                        reached_at = Some(order.placed_at);
                    }
                }
                Progress {
                    reached_at,
                    current: chains.len() as f64,
                    target,
                }
            }
            Measure::Streak(period, filter) => streak(*period, filter, target, orders, ctx),
            Measure::InOnePeriod {
                period,
                sum,
                at_least,
                filter,
            } => in_one_period(*period, *sum, *at_least, filter, orders, ctx),
        }
    }
}

fn sum(field: Field, filter: &Filter, target: f64, orders: &[&Order], ctx: &Context) -> Progress {
    // Trees are summed as kg CO₂ saved and divided once, so the threshold test is exact.
    let (base, per) = match field {
        Field::TreesSaved => (Field::Co2SavedKg, Some(nano(ctx.kg_co2_per_tree).max(1))),
        other => (other, None),
    };
    let threshold = match per {
        Some(per) => nano(target).saturating_mul(per),
        None => nano(target),
    };
    let scaled = |total: i128| match per {
        Some(_) => total.saturating_mul(1_000_000_000),
        None => total,
    };
    let mut total: i128 = 0;
    let mut reached_at = None;
    for order in orders.iter().filter(|o| filter.matches(o, ctx)) {
        total = total.saturating_add(nano(base.value(order, ctx)));
        if reached_at.is_none() && scaled(total) >= threshold {
            reached_at = Some(order.placed_at);
        }
    }
    let current = match per {
        // Trees rounded down to 6 decimals: never shows the target before it is reached.
        Some(per) => (total.saturating_mul(1_000_000) / per) as f64 / 1e6,
        None => total as f64 / 1e9,
    };
    Progress {
        reached_at,
        current,
        target,
    }
}

fn streak(
    period: Period,
    filter: &Filter,
    target: f64,
    orders: &[&Order],
    ctx: &Context,
) -> Progress {
    let mut last: Option<i64> = None;
    let mut run = 0.0;
    let mut reached_at = None;
    for order in orders.iter().filter(|o| filter.matches(o, ctx)) {
        let key = period.key(order.local_date);
        match last {
            Some(l) if key <= l => continue,
            Some(l) if key == l + 1 => run += 1.0,
            _ => run = 1.0,
        }
        last = Some(key);
        if reached_at.is_none() && run >= target {
            reached_at = Some(order.placed_at);
        }
    }
    // The live streak: one that ends this period or the last one can still grow.
    let now_key = period.key(ctx.today);
    let live = match last {
        Some(l) if l == now_key || l + 1 == now_key => run,
        _ => 0.0,
    };
    Progress {
        reached_at,
        current: live,
        target,
    }
}

/// A `period` rule is earned when a period whose orders meet it is over (the
/// instant the next one starts), so later orders never take it back; the
/// running period is progress.
fn in_one_period(
    period: Period,
    sum: Field,
    at_least: Operand,
    filter: &Filter,
    orders: &[&Order],
    ctx: &Context,
) -> Progress {
    let now_key = period.key(ctx.today);
    let fixed = match at_least {
        Operand::Number(x) => Some(nano(x)),
        Operand::Field(_) => None,
    };
    // Each period's (key, sum, needed), in period order. Orders come in time order, so
    // keys only go back when local time does (a midnight DST change): then insert.
    let mut periods: Vec<(i64, i128, i128)> = Vec::new();
    for order in orders.iter().filter(|o| filter.matches(o, ctx)) {
        let key = period.key(order.local_date);
        let at = periods.partition_point(|p| p.0 < key);
        if periods.get(at).map(|p| p.0) != Some(key) {
            periods.insert(at, (key, 0, 0));
        }
        if let Some((_, total, needed)) = periods.get_mut(at) {
            *total = total.saturating_add(nano(sum.value(order, ctx)));
            if let Operand::Field(f) = at_least {
                *needed = needed.saturating_add(nano(f.value(order, ctx)));
            }
        }
    }
    let threshold = |needed: i128| fixed.unwrap_or(needed);
    // Against another field, something must have been summed: an empty month covers nothing.
    let meets =
        |total: i128, needed: i128| total >= threshold(needed) && (fixed.is_some() || total > 0);
    let reached_at = periods
        .iter()
        .take_while(|p| p.0 < now_key)
        .find(|p| meets(p.1, p.2))
        .and_then(|p| period.start(p.0 + 1))
        .map(|next| ctx.zone.start_of_day(next));
    let (_, total, needed) = periods
        .iter()
        .find(|p| p.0 == now_key)
        .copied()
        .unwrap_or_default();
    Progress {
        reached_at,
        current: total as f64 / 1e9,
        target: threshold(needed) as f64 / 1e9,
    }
}
