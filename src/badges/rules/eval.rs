//! Evaluating rules over an order history.

use super::{Clause, Filter, Op, Operand, Period, Progress, Rule, Source};
use crate::badges::events::{Event, Item};
use crate::badges::orders::Order;
use crate::time::calendar::{self, Calendar, WeekStart};
use crate::time::civil::{DateTime, NaiveDate, Utc};
use crate::time::Zone;

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

impl Op {
    /// Whether `a op b` holds (`in`: compared with one number).
    pub(super) fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Op::Gt => a > b,
            Op::Gte => a >= b,
            Op::Lt => a < b,
            Op::Lte => a <= b,
            Op::Eq | Op::In => a == b,
        }
    }
}

impl Clause {
    /// Whether the clause holds for `item` (a field it does not have: never).
    fn holds(&self, item: Item, ctx: &Context) -> bool {
        let value = self.field.value(item, ctx);
        match &self.operand {
            Operand::Number(x) => self.op.holds(value, *x),
            Operand::Field(f) => self.op.holds(value, f.value(item, ctx)),
            Operand::List(xs) => xs.contains(&value),
            Operand::Text(names) => match item {
                Item::Event(e) => e
                    .tier
                    .as_deref()
                    .is_some_and(|t| names.iter().any(|n| n.eq_ignore_ascii_case(t))),
                Item::Order(_) => false,
            },
        }
    }
}

impl Filter {
    /// Whether an order (or event) satisfies every clause.
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
    /// assert!(!Filter::from_json(&Json::root(&impactkit::json::Node::from(&over_half))).unwrap().matches((&o).into(), &ctx));
    /// assert!(!Filter::from_json(&Json::root(&impactkit::json::Node::from(&green))).unwrap().matches((&o).into(), &ctx));
    /// assert!(Filter::default().matches((&o).into(), &ctx));
    /// ```
    pub fn matches(&self, item: Item, ctx: &Context) -> bool {
        self.0.iter().all(|c| c.holds(item, ctx))
    }
}

impl Period {
    /// A number that grows by one from each period to the next.
    ///
    /// ```
    /// use impactkit::badges::rules::Period;
    /// let d = |y, m, day| impactkit::time::civil::NaiveDate::from_ymd_opt(y, m, day).unwrap();
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
    /// let d = |y, m, day| impactkit::time::civil::NaiveDate::from_ymd_opt(y, m, day).unwrap();
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
    /// Evaluates the rule over chronologically sorted orders and events (it reads those
    /// of its [`super::Source`]).
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
    /// let p = rule.progress(&orders.iter().collect::<Vec<_>>(), &[], &ctx);
    /// assert_eq!((p.current, p.reached_at), (2.0, Some(now)));
    /// ```
    pub fn progress(&self, orders: &[&Order], events: &[&Event], ctx: &Context) -> Progress {
        self.progress_of(&self.tally(orders, events, ctx), ctx)
    }

    /// Whether the rule counts `item`: of its source (events of its type) and matching `where`.
    ///
    /// ```
    /// use impactkit::{badges::{events::Event, rules::{Context, Rule}}, json::{Json, Node}, time::Zone};
    /// let rule = serde_json::json!({"kind": "count", "event": "referral", "target": 3});
    /// let rule = Rule::from_json(&Json::root(&Node::from(&rule))).unwrap();
    /// let e = serde_json::json!({"type": "review", "at": "2025-01-01"});
    /// let e = Event::from_json(&Json::root(&Node::from(&e)), &Zone::utc()).unwrap();
    /// let ctx = Context { kg_co2_per_tree: 21.77, now: e.at, today: e.local.date, zone: &Zone::utc() };
    /// assert!(!rule.accepts((&e).into(), &ctx));
    /// ```
    pub fn accepts(&self, item: Item, ctx: &Context) -> bool {
        let of_source = match (&self.source, item) {
            (Source::Orders, Item::Order(_)) => true,
            (Source::Events(kind), Item::Event(e)) => e.kind == *kind,
            _ => false,
        };
        of_source && self.filter().matches(item, ctx)
    }
}
