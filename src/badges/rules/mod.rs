//! The badge rule language: a small set of criteria over the order history and events.
//!
//! A rule is a JSON object with a `kind`:
//!
//! | kind | measures | extra fields |
//! |---|---|---|
//! | `first` | the first order (event) matching `where` (target 1) | `event?`, `where` |
//! | `count` | orders (events) matching `where` | `event?`, `where?`, `target` (whole) |
//! | `sum` | the sum of a numeric `field` over orders (events) matching `where` | `event?`, `field`, `where?`, `target` |
//! | `distinct` | distinct supply chains (`supplyChains` / `verifiedSupplyChains`) | `field`, `where?`, `target` (whole) |
//! | `streak` | consecutive calendar `period`s (`month` / `week`, ISO weeks) with an order (event) matching `where` | `event?`, `period`, `where?`, `target` (whole) |
//! | `period` | some calendar `period` whose orders' `sum` of a field reaches `atLeast` (a number, or the same orders' sum of another field, then also > 0) | `period`, `sum`, `atLeast`, `where?` |
//!
//! Without `event` a rule measures orders; with `event: "referral"` (any event type) it
//! measures the events of that type instead, and its fields are the event's.
//!
//! `where` is an object of `{field: {op: value}}` clauses, all of which must
//! hold; `op` is `gt`, `gte`, `lt`, `lte` or `eq` with a number or another
//! field's name, or `in` with a list of numbers (one of them). Order fields: `co2Kg`,
//! `baselineCo2Kg`, `co2SavedKg`, `recycledShare`, `offsetKg`, `treesSaved`
//! (`co2SavedKg / options.kgCo2PerTree`), in filters `supplyChains` / `verifiedSupplyChains`
//! (how many an order has), and the local `hour` (0–23) and `weekday` (1 = Monday – 7 = Sunday)
//! in the preview's timezone. Event fields: `value`, `tier` (text: `eq` a name or `in` a list
//! of names, ASCII case-insensitive), `hour` and `weekday`.
//! Unknown kinds, keys, fields and operators are `invalid_value` errors at their path.

mod eval;
mod fields;
mod group;
mod hint;
mod parse;
mod sets;
mod tally;
mod whatif;

pub use eval::Context;
pub use fields::Field;
pub use group::tally_all;
pub use tally::{Span, Tally, WhatIf};

use crate::time::civil::{DateTime, Utc};

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
    /// `in`: equal to one of a list.
    In,
}

/// A number, another field of the same order (or period), or a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// A constant.
    Number(f64),
    /// Another field.
    Field(Field),
    /// Numbers, one of which the field equals (`in`).
    List(Vec<f64>),
    /// Names the text field (`tier`) equals, one of them (`eq` one, `in` a list).
    Text(Vec<String>),
}

/// What a rule measures: orders, or the events of one type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Source {
    /// The order history.
    #[default]
    Orders,
    /// Events whose `type` is this name.
    Events(String),
}

/// One `where` clause: `field op operand`.
#[derive(Debug, Clone, PartialEq)]
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

/// A calendar period, in the preview's timezone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar months.
    Month,
    /// ISO weeks (Monday to Sunday).
    Week,
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
    /// Orders or events of one type.
    pub source: Source,
    /// What is measured.
    pub measure: Measure,
    /// The threshold (1 for `first` and `period`).
    pub target: f64,
}

/// How far a history got on one rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The instant of the order (event) that crossed the threshold, if one did.
    pub reached_at: Option<DateTime<Utc>>,
    /// Current value: count, sum, distinct chains, the live streak, or this period's sum.
    pub current: f64,
    /// The threshold (for `period` rules: this period's `atLeast`).
    pub target: f64,
}

/// `x.round()` (halves away from zero) without the library call it is in wasm: `x − trunc(x)`
/// is exact (and 0 from 2⁵² on, where every double is whole), so the comparisons with ±½ are.
pub(super) fn round(x: f64) -> f64 {
    let whole = x.trunc();
    match x - whole {
        fraction if fraction >= 0.5 => whole + 1.0,
        fraction if fraction <= -0.5 => whole - 1.0,
        _ => whole,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod round_tests {
    use proptest::prelude::*;

    proptest! {
        /// The same double as `f64::round`, halves included.
        #[test]
        fn rounds_as_the_standard_library(x in any::<f64>(), units in -1_000_000i64..1_000_000) {
            for v in [x, units as f64 / 2.0, units as f64 * 1e-9 * 1e9, x * 1e-300] {
                prop_assert_eq!(super::round(v).to_bits(), v.round().to_bits(), "{}", v);
            }
        }
    }
}
