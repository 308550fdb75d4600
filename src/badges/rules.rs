//! The badge rule language: a small set of criteria over the order history.
//!
//! A rule is a JSON object with a `kind`:
//!
//! | kind | measures | extra fields |
//! |---|---|---|
//! | `first` | the first order matching `where` (target 1) | `where` |
//! | `count` | orders matching `where` | `where?`, `target` (whole) |
//! | `sum` | the sum of a numeric `field` over orders matching `where` | `field`, `where?`, `target` |
//! | `distinct` | distinct supply chains (`supplyChains` / `verifiedSupplyChains`) | `field`, `where?`, `target` (whole) |
//! | `streak` | consecutive calendar `period`s (`month` / `week`, ISO weeks) with an order matching `where` | `period`, `where?`, `target` (whole) |
//! | `period` | some calendar `period` whose orders' `sum` of a field reaches `atLeast` (a number, or the same orders' sum of another field, then also > 0) | `period`, `sum`, `atLeast`, `where?` |
//!
//! `where` is an object of `{field: {op: value}}` clauses, all of which must
//! hold; `op` is `gt`, `gte`, `lt`, `lte` or `eq`, `value` a number or another
//! field's name. Fields: `co2Kg`, `baselineCo2Kg`, `co2SavedKg`,
//! `recycledShare`, `offsetKg`, `treesSaved` (`co2SavedKg / options.kgCo2PerTree`),
//! and, in filters, `supplyChains` / `verifiedSupplyChains` (how many an order has).
//! Unknown kinds, keys, fields and operators are `invalid_value` errors at their path.

use super::orders::Order;
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::calendar::{self, Calendar, WeekStart};
use crate::time::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashSet;

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
                    format!(
                        "unknown order field \"{}\"; fields are: {}",
                        crate::json::truncate(name),
                        names.join(", ")
                    ),
                )
            })
    }

    fn read(value: &Json) -> Result<Field> {
        Field::parse(value.str()?, value)
    }

    fn is_set(self) -> bool {
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

    /// What the field is called in a hint ("recycled content").
    fn noun(self) -> &'static str {
        match self {
            Field::Co2Kg => "CO2",
            Field::BaselineCo2Kg => "the baseline",
            Field::Co2SavedKg => "CO2 saved",
            Field::RecycledShare => "recycled content",
            Field::OffsetKg => "offsets",
            Field::TreesSaved => "trees saved",
            Field::SupplyChains => "supply chains",
            Field::VerifiedSupplyChains => "verified supply chains",
        }
    }

    /// The field's unit in a hint ("kg CO2 saved", "trees saved").
    fn unit(self, x: f64) -> &'static str {
        match self {
            Field::Co2Kg => "kg CO2",
            Field::BaselineCo2Kg => "kg baseline CO2",
            Field::Co2SavedKg => "kg CO2 saved",
            Field::RecycledShare => "recycled share",
            Field::OffsetKg => "kg CO2 offset",
            Field::TreesSaved => plural(x, "tree saved", "trees saved"),
            Field::SupplyChains => plural(x, "supply chain", "supply chains"),
            Field::VerifiedSupplyChains => {
                plural(x, "verified supply chain", "verified supply chains")
            }
        }
    }

    /// An amount of the field in a filter phrase ("50 % recycled content", "2.5 kg CO2 saved").
    fn amount(self, x: f64) -> String {
        match self {
            Field::RecycledShare => format!("{} % recycled content", number(x * 100.0)),
            _ => format!("{} {}", number(x), self.unit(x)),
        }
    }
}

/// Evaluation context: the preview's options, "now" and timezone.
#[derive(Clone, Copy)]
pub struct Context<'z> {
    /// kg CO₂ one tree absorbs (see [`super::catalogue::DEFAULT_KG_CO2_PER_TREE`]).
    pub kg_co2_per_tree: f64,
    /// The preview's `now`.
    pub now: DateTime<Utc>,
    /// `now`'s calendar date in the preview's timezone.
    pub today: NaiveDate,
    /// The preview's timezone (calendar periods end at its midnight).
    pub zone: &'z Zone,
}

/// A comparison operator of a `where` clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `gt`: strictly greater.
    Gt,
    /// `gte`: greater or equal.
    Gte,
    /// `lt`: strictly less.
    Lt,
    /// `lte`: less or equal.
    Lte,
    /// `eq`: equal.
    Eq,
}

const OPS: [(&str, Op); 5] = [
    ("gt", Op::Gt),
    ("gte", Op::Gte),
    ("lt", Op::Lt),
    ("lte", Op::Lte),
    ("eq", Op::Eq),
];

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

    fn against_number(self) -> &'static str {
        match self {
            Op::Gt => "over",
            Op::Gte => "at least",
            Op::Lt => "under",
            Op::Lte => "at most",
            Op::Eq => "exactly",
        }
    }

    fn against_field(self) -> &'static str {
        match self {
            Op::Gt => "above",
            Op::Gte => "at or above",
            Op::Lt => "below",
            Op::Lte => "at or below",
            Op::Eq => "equal to",
        }
    }
}

/// A number, or another field of the same order (or period).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand {
    /// A constant.
    Number(f64),
    /// Another field.
    Field(Field),
}

impl Operand {
    fn read(value: &Json) -> Result<Operand> {
        if value.value().is_string() {
            Ok(Operand::Field(Field::read(value)?))
        } else {
            Ok(Operand::Number(value.number()?))
        }
    }
}

/// One `where` clause: `field op operand`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clause {
    /// The order field compared.
    pub field: Field,
    /// The comparison.
    pub op: Op,
    /// What it is compared with.
    pub operand: Operand,
}

/// A conjunction of clauses (empty: every order matches).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter(pub Vec<Clause>);

impl Filter {
    /// Reads `{field: {op: value, …}, …}`.
    ///
    /// ```
    /// use impactkit::{badges::rules::Filter, json::Json};
    /// let v = serde_json::json!({"recycledShare": {"gt": 0.5}});
    /// assert_eq!(Filter::from_json(&Json::root(&impactkit::json::Node::from(&v))).unwrap().0.len(), 1);
    /// let bad = serde_json::json!({"recycledShare": {"above": 0.5}});
    /// assert_eq!(Filter::from_json(&Json::root(&impactkit::json::Node::from(&bad))).unwrap_err().path, "$.recycledShare.above");
    /// ```
    pub fn from_json(input: &Json) -> Result<Filter> {
        let mut clauses = Vec::new();
        for name in input.keys()? {
            let conditions = input.field(name)?;
            let field = Field::parse(name, &conditions)?;
            for op_name in conditions.keys()? {
                let value = conditions.field(op_name)?;
                let op = OPS
                    .iter()
                    .find(|(n, _)| *n == op_name)
                    .map(|(_, op)| *op)
                    .ok_or_else(|| {
                        value.error(
                            ErrorCode::InvalidValue,
                            format!(
                                "unknown operator \"{}\"; operators are: gt, gte, lt, lte, eq",
                                crate::json::truncate(op_name)
                            ),
                        )
                    })?;
                clauses.push(Clause {
                    field,
                    op,
                    operand: Operand::read(&value)?,
                });
            }
        }
        Ok(Filter(clauses))
    }

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

    fn is_green(&self) -> bool {
        matches!(
            self.0.as_slice(),
            [Clause {
                field: Field::Co2Kg,
                op: Op::Lt,
                operand: Operand::Field(Field::BaselineCo2Kg)
            }]
        )
    }

    /// "over 50 % recycled content and CO2 below the baseline".
    fn phrase(&self) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|c| match c.operand {
                Operand::Number(x) => format!("{} {}", c.op.against_number(), c.field.amount(x)),
                Operand::Field(g) => {
                    format!("{} {} {}", c.field.noun(), c.op.against_field(), g.noun())
                }
            })
            .collect();
        parts.join(" and ")
    }

    /// "green order(s)", "order(s) with …" or "order(s)".
    fn orders(&self, count: f64) -> String {
        if self.is_green() {
            return plural(count, "green order", "green orders").to_owned();
        }
        let noun = plural(count, "order", "orders");
        if self.0.is_empty() {
            noun.to_owned()
        } else {
            format!("{noun} with {}", self.phrase())
        }
    }
}

/// A calendar period, in the preview's timezone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar months.
    Month,
    /// ISO weeks (Monday to Sunday).
    Week,
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

    fn name(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Week => "week",
        }
    }

    fn read(value: &Json) -> Result<Period> {
        Ok(match value.one_of(&["month", "week"])? {
            0 => Period::Month,
            _ => Period::Week,
        })
    }
}

/// What a rule measures.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// Orders matching the filter (`first` is a count with target 1).
    Count(Filter),
    /// Sum of a numeric field over matching orders.
    Sum(Field, Filter),
    /// Distinct supply chains over matching orders.
    Distinct(Field, Filter),
    /// Consecutive periods with a matching order.
    Streak(Period, Filter),
    /// Some period whose matching orders' `sum` reaches `at_least`.
    InOnePeriod {
        /// Month or week.
        period: Period,
        /// The summed field.
        sum: Field,
        /// A constant, or the same period's sum of another field.
        at_least: Operand,
        /// Which orders take part.
        filter: Filter,
    },
}

/// A rule: a measure and the threshold that earns the tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// What is measured.
    pub measure: Measure,
    /// The threshold (1 for `first` and `period`).
    pub target: f64,
}

/// How far a history got on one rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The instant of the order that crossed the threshold, if one did.
    pub reached_at: Option<DateTime<Utc>>,
    /// Current value: count, sum, distinct chains, the live streak, or this period's sum.
    pub current: f64,
    /// The threshold (for `period` rules: this period's `atLeast`).
    pub target: f64,
}

const KINDS: [&str; 6] = ["first", "count", "sum", "distinct", "streak", "period"];
const MAX_WHOLE_TARGET: i64 = 1_000_000_000;

/// Fixed-point nano-units: sums stay exact for up to 9 decimals.
fn nano(x: f64) -> i128 {
    (x * 1e9).round() as i128
}

impl Rule {
    /// Reads a rule object (see the module docs).
    ///
    /// ```
    /// use impactkit::{badges::rules::Rule, json::Json};
    /// let v = serde_json::json!({"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": 10});
    /// assert_eq!(Rule::from_json(&Json::root(&impactkit::json::Node::from(&v))).unwrap().target, 10.0);
    /// let bad = serde_json::json!({"kind": "average", "field": "co2Kg"});
    /// assert_eq!(Rule::from_json(&Json::root(&impactkit::json::Node::from(&bad))).unwrap_err().path, "$.kind");
    /// ```
    pub fn from_json(input: &Json) -> Result<Rule> {
        let kind = input.field("kind")?.one_of(&KINDS)?;
        let allowed: &[&str] = match kind {
            0 => &["kind", "where"],
            1 => &["kind", "where", "target"],
            2 | 3 => &["kind", "field", "where", "target"],
            4 => &["kind", "period", "where", "target"],
            _ => &["kind", "period", "sum", "atLeast", "where"],
        };
        for key in input.keys()? {
            if !allowed.contains(&key) {
                return Err(input.field(key)?.error(
                    ErrorCode::InvalidValue,
                    format!(
                        "unknown rule field \"{}\" for kind \"{}\"; allowed: {}",
                        crate::json::truncate(key),
                        KINDS.get(kind).copied().unwrap_or_default(),
                        allowed.join(", ")
                    ),
                ));
            }
        }
        let filter = match input.opt("where")? {
            Some(w) => Filter::from_json(&w)?,
            None => Filter::default(),
        };
        let whole_target = || -> Result<f64> {
            Ok(input.field("target")?.integer_in(1, MAX_WHOLE_TARGET)? as f64)
        };
        let numeric_field = |key: &str| -> Result<Field> {
            let value = input.field(key)?;
            let field = Field::read(&value)?;
            if field.is_set() {
                return Err(value.error(
                    ErrorCode::InvalidValue,
                    "supply chains are counted with kind \"distinct\", not summed",
                ));
            }
            Ok(field)
        };
        Ok(match kind {
            0 => Rule {
                measure: Measure::Count(filter),
                target: 1.0,
            },
            1 => Rule {
                measure: Measure::Count(filter),
                target: whole_target()?,
            },
            2 => Rule {
                measure: Measure::Sum(numeric_field("field")?, filter),
                target: input.field("target")?.positive()?,
            },
            3 => {
                let value = input.field("field")?;
                let field = Field::read(&value)?;
                if !field.is_set() {
                    return Err(value.error(
                        ErrorCode::InvalidValue,
                        "distinct counts \"supplyChains\" or \"verifiedSupplyChains\"",
                    ));
                }
                Rule {
                    measure: Measure::Distinct(field, filter),
                    target: whole_target()?,
                }
            }
            4 => Rule {
                measure: Measure::Streak(Period::read(&input.field("period")?)?, filter),
                target: whole_target()?,
            },
            _ => {
                let at_least_json = input.field("atLeast")?;
                let at_least = Operand::read(&at_least_json)?;
                match at_least {
                    Operand::Field(f) if f.is_set() => {
                        return Err(at_least_json.error(
                            ErrorCode::InvalidValue,
                            "atLeast is a number or a numeric field",
                        ))
                    }
                    Operand::Number(x) if x < 0.0 => {
                        return Err(at_least_json.error(
                            ErrorCode::OutOfRange,
                            format!("must be ≥ 0, got {}", crate::decimal::show(x)),
                        ))
                    }
                    _ => {}
                }
                Rule {
                    measure: Measure::InOnePeriod {
                        period: Period::read(&input.field("period")?)?,
                        sum: numeric_field("sum")?,
                        at_least,
                        filter,
                    },
                    target: 1.0,
                }
            }
        })
    }

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

    /// A short English sentence on what is still needed, e.g.
    /// "2 more orders with over 50 % recycled content".
    ///
    /// ```
    /// use impactkit::badges::{catalogue::builtin, rules::Progress};
    /// let streak = &builtin()[5].tiers[0].rule;
    /// let p = Progress { reached_at: None, current: 2.0, target: 3.0 };
    /// assert_eq!(streak.hint(&p), "1 more consecutive month with a green order");
    /// ```
    pub fn hint(&self, progress: &Progress) -> String {
        let left = crate::decimal::remaining(progress.target, progress.current);
        let n = number_up(left);
        match &self.measure {
            Measure::Count(filter) => format!("{n} more {}", filter.orders(left)),
            Measure::Sum(field, filter) => {
                format!(
                    "{n} more {}{}",
                    field.unit(left),
                    from_orders(filter, "from")
                )
            }
            Measure::Distinct(field, filter) => {
                format!("{n} more {}{}", field.unit(left), from_orders(filter, "in"))
            }
            Measure::Streak(period, filter) => {
                let periods = match period {
                    Period::Month => plural(left, "month", "months"),
                    Period::Week => plural(left, "week", "weeks"),
                };
                let with = if filter.is_green() {
                    "a green order".to_owned()
                } else if filter.0.is_empty() {
                    "an order".to_owned()
                } else {
                    format!("an order with {}", filter.phrase())
                };
                format!("{n} more consecutive {periods} with {with}")
            }
            Measure::InOnePeriod {
                period,
                sum,
                at_least,
                filter,
            } => {
                let p = period.name();
                let counting = from_orders(filter, "from");
                match at_least {
                    // Met so far: the period still has to end (see `in_one_period`).
                    _ if left == 0.0 && progress.current > 0.0 => {
                        let verb = match at_least {
                            Operand::Field(_) => "covered",
                            Operand::Number(_) => "reached",
                        };
                        format!("{verb} so far this {p}{counting}: earned when the {p} ends")
                    }
                    Operand::Field(g) if progress.target == 0.0 && progress.current == 0.0 => {
                        format!(
                            "an order this {p} whose {} cover the {p}'s {}{counting}",
                            sum.noun(),
                            g.noun()
                        )
                    }
                    Operand::Field(g) => format!(
                        "{n} more {} this {p} to cover this {p}'s {}{counting}",
                        sum.unit(left),
                        g.noun()
                    ),
                    Operand::Number(_) => {
                        format!("{n} more {} this {p}{counting}", sum.unit(left))
                    }
                }
            }
        }
    }
}

fn from_orders(filter: &Filter, preposition: &str) -> String {
    if filter.is_green() {
        format!(" {preposition} green orders")
    } else if filter.0.is_empty() {
        String::new()
    } else {
        format!(" {preposition} orders with {}", filter.phrase())
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

fn plural(count: f64, one: &'static str, many: &'static str) -> &'static str {
    if count == 1.0 {
        one
    } else {
        many
    }
}

/// A number for a sentence: whole numbers as is, others to at most 6 decimals.
fn number(x: f64) -> String {
    crate::decimal::show((x * 1e6).round() / 1e6)
}

/// A still-needed amount for a sentence: rounded up to one decimal, so it never reads 0.
fn number_up(x: f64) -> String {
    if x.fract() == 0.0 {
        crate::decimal::show(x)
    } else {
        crate::decimal::show((x * 10.0).ceil() / 10.0)
    }
}
