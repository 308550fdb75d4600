//! A rule's running state over an order history ([`Tally`]): built in one pass, it gives the
//! rule's [`Progress`] at any `now` after the history, and answers "would one more order reach
//! the target?" without walking the history again (a cart what-if).

use super::{Field, Filter, Measure, Operand, Period, Progress, Rule, Source};
use crate::badges::events::{Event, Item};
use crate::badges::orders::Order;
use crate::badges::rules::Context;
use crate::decimal::wide::{div_trunc, saturating_mul, to_f64};
use crate::json::IdSet;
use crate::time::civil::{DateTime, Utc};

/// Fixed-point nano-units: sums stay exact for up to 9 decimals.
pub(super) fn nano(x: f64) -> i128 {
    // Through i64 when it fits (`wide::from_f64`): wasm converts a double to i64 in one
    // instruction, to i128 by a call.
    crate::decimal::wide::from_f64(super::round(x * 1e9))
}

/// The matching orders of one period: its key and the first and last instant of its orders.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// The period's [`Period::key`].
    pub key: i64,
    /// Its first matching order's instant.
    pub first: DateTime<Utc>,
    /// Its last matching order's instant.
    pub last: DateTime<Utc>,
}

/// What a rule keeps of the orders it has seen.
#[derive(Debug, Clone, PartialEq)]
pub enum Tally {
    /// `count`/`first`: matching orders.
    Count {
        /// How many.
        count: f64,
        /// The order that reached the target.
        reached_at: Option<DateTime<Utc>>,
    },
    /// `sum`: the total in nano-units (of kg CO₂ saved for trees).
    Sum {
        /// The total.
        total: i128,
        /// The order that reached the target.
        reached_at: Option<DateTime<Utc>>,
    },
    /// `distinct`: the chains seen.
    Distinct {
        /// Chain ids.
        chains: IdSet<String>,
        /// The order that reached the target.
        reached_at: Option<DateTime<Utc>>,
    },
    /// `streak`: the periods with a matching order, as runs.
    Streak {
        /// Each period with a matching order, in the order seen (keys going back are skipped).
        spans: Vec<Span>,
        /// Whether a period key ever went back (a midnight DST change): what-ifs then re-evaluate.
        went_back: bool,
        /// The run ending at the last period.
        run: f64,
        /// The order that reached the target.
        reached_at: Option<DateTime<Utc>>,
    },
    /// `period`: each period's `(key, sum, needed)`, in period order.
    InOnePeriod {
        /// The periods.
        periods: Vec<(i64, i128, i128)>,
    },
}

/// A `what-if` answer: reached, not reached, or "cannot tell cheaply, evaluate the history".
pub type WhatIf = Option<bool>;

impl Rule {
    /// The rule's tally over chronologically sorted orders, or events (per its source).
    pub fn tally(&self, orders: &[&Order], events: &[&Event], ctx: &Context) -> Tally {
        if crate::FOR_SPEED {
            // The one tally loop of the full build (`Rule::tally_targets`, which inlines `add`).
            let mut tallies = self.tally_targets(&[self.target], orders, events, ctx);
            return tallies.pop().unwrap_or_else(|| self.empty_tally());
        }
        let mut tally = self.empty_tally();
        match self.source {
            Source::Orders => orders
                .iter()
                .for_each(|o| self.add(&mut tally, Item::Order(o), ctx)),
            Source::Events(_) => events
                .iter()
                .for_each(|e| self.add(&mut tally, Item::Event(e), ctx)),
        }
        tally
    }

    pub(super) fn empty_tally(&self) -> Tally {
        match self.measure {
            Measure::Count(_) => Tally::Count {
                count: 0.0,
                reached_at: None,
            },
            Measure::Sum(..) => Tally::Sum {
                total: 0,
                reached_at: None,
            },
            Measure::Distinct(..) => Tally::Distinct {
                chains: crate::json::id_set(0),
                reached_at: None,
            },
            Measure::Streak(..) => Tally::Streak {
                spans: Vec::new(),
                went_back: false,
                run: 0.0,
                reached_at: None,
            },
            Measure::InOnePeriod { .. } => Tally::InOnePeriod {
                periods: Vec::new(),
            },
        }
    }

    pub(super) fn filter(&self) -> &Filter {
        match &self.measure {
            Measure::Count(f) | Measure::Sum(_, f) | Measure::Distinct(_, f) => f,
            Measure::Streak(_, f) => f,
            Measure::InOnePeriod { filter, .. } => filter,
        }
    }

    /// Adds the next order or event (no earlier than those seen) to the tally; one the rule
    /// does not count (see [`Rule::accepts`]) changes nothing.
    pub fn add(&self, tally: &mut Tally, item: Item, ctx: &Context) {
        if self.update(tally, item, ctx) {
            reach(tally, |t| self.reaches(t, self.target, ctx), item.at());
        }
    }

    /// Adds `item` to the running state (not `reached_at`); `false` when the rule does not count it.
    // Inlined into the tally loop of the full build (built for speed): the item's kind and the
    // rule's fields are known there once, not looked up per order; 100k orders open ~14 % faster
    // in Chromium. The modules, built for size, keep one copy.
    #[cfg_attr(feature = "full", inline(always))]
    pub(super) fn update(&self, tally: &mut Tally, item: Item, ctx: &Context) -> bool {
        if !self.accepts(item, ctx) {
            return false;
        }
        match (&self.measure, tally) {
            (Measure::Count(_), Tally::Count { count, .. }) => *count += 1.0,
            (Measure::Sum(field, _), Tally::Sum { total, .. }) => {
                let base = trees(*field, ctx).0;
                *total = total.saturating_add(nano(base.value(item, ctx)));
            }
            (Measure::Distinct(field, _), Tally::Distinct { chains, .. }) => {
                for chain in counted_chains(*field, item) {
                    if !chains.contains(chain) {
                        chains.insert(chain.to_owned());
                    }
                }
            }
            (Measure::Streak(period, _), tally @ Tally::Streak { .. }) => {
                add_to_streak(tally, period.key(item.local().date), item.at());
            }
            (
                Measure::InOnePeriod {
                    period,
                    sum,
                    at_least,
                    ..
                },
                Tally::InOnePeriod { periods },
            ) => {
                let key = period.key(item.local().date);
                let idx = periods.partition_point(|p| p.0 < key);
                if periods.get(idx).map(|p| p.0) != Some(key) {
                    periods.insert(idx, (key, 0, 0));
                }
                if let Some((_, total, needed)) = periods.get_mut(idx) {
                    *total = total.saturating_add(nano(sum.value(item, ctx)));
                    if let Operand::Field(f) = at_least {
                        *needed = needed.saturating_add(nano(f.value(item, ctx)));
                    }
                }
            }
            _ => {}
        }
        true
    }

    /// Whether the running state of `tally` is at `target` or beyond (a `period` rule's never:
    /// its progress is per period).
    #[inline]
    pub(super) fn reaches(&self, tally: &Tally, target: f64, ctx: &Context) -> bool {
        match (&self.measure, tally) {
            (Measure::Count(_), Tally::Count { count, .. }) => *count >= target,
            (Measure::Sum(field, _), Tally::Sum { total, .. }) => {
                sum_reached(*total, trees(*field, ctx).1, target)
            }
            (Measure::Distinct(..), Tally::Distinct { chains, .. }) => {
                chains.len() as f64 >= target
            }
            (Measure::Streak(..), Tally::Streak { run, .. }) => *run >= target,
            _ => false,
        }
    }

    /// The rule's progress at `ctx.now` from its tally.
    pub fn progress_of(&self, tally: &Tally, ctx: &Context) -> Progress {
        let target = self.target;
        let progress = |current: f64, reached_at: Option<DateTime<Utc>>| Progress {
            reached_at,
            current,
            target,
        };
        match (&self.measure, tally) {
            (Measure::Count(_), Tally::Count { count, reached_at }) => {
                progress(*count, *reached_at)
            }
            (Measure::Sum(field, _), Tally::Sum { total, reached_at }) => {
                let current = match trees(*field, ctx).1 {
                    // Trees rounded down to 6 decimals: never shows the target before it is reached.
                    Some(per) => to_f64(div_trunc(saturating_mul(*total, 1_000_000), per).0) / 1e6,
                    None => to_f64(*total) / 1e9,
                };
                progress(current, *reached_at)
            }
            (Measure::Distinct(..), Tally::Distinct { chains, reached_at }) => {
                progress(chains.len() as f64, *reached_at)
            }
            (
                Measure::Streak(period, _),
                Tally::Streak {
                    spans,
                    run,
                    reached_at,
                    ..
                },
            ) => {
                // The live streak: one that ends this period or the last one can still grow.
                let now_key = period.key(ctx.today);
                let live = match spans.last().map(|s| s.key) {
                    Some(l) if l == now_key || l + 1 == now_key => *run,
                    _ => 0.0,
                };
                progress(live, *reached_at)
            }
            (
                Measure::InOnePeriod {
                    period, at_least, ..
                },
                Tally::InOnePeriod { periods },
            ) => in_one_period(*period, at_least, periods, ctx),
            _ => progress(0.0, None),
        }
    }
}

/// Records `at` as the first instant the target was reached, when `reached` says so of the
/// tally (asked only until then; never for a `period` rule, which has no such instant).
#[inline]
fn reach(tally: &mut Tally, reached: impl FnOnce(&Tally) -> bool, at: DateTime<Utc>) {
    if tally.reached_at() == Some(None) && reached(tally) {
        tally.set_reached_at(Some(at));
    }
}

impl Tally {
    /// When the target was reached (`Some(None)`: not yet); `None` for a `period` rule.
    pub(super) fn reached_at(&self) -> Option<Option<DateTime<Utc>>> {
        match self {
            Tally::Count { reached_at, .. }
            | Tally::Sum { reached_at, .. }
            | Tally::Distinct { reached_at, .. }
            | Tally::Streak { reached_at, .. } => Some(*reached_at),
            Tally::InOnePeriod { .. } => None,
        }
    }

    /// Sets when the target was reached (nothing for a `period` rule).
    pub(super) fn set_reached_at(&mut self, at: Option<DateTime<Utc>>) {
        match self {
            Tally::Count { reached_at, .. }
            | Tally::Sum { reached_at, .. }
            | Tally::Distinct { reached_at, .. }
            | Tally::Streak { reached_at, .. } => *reached_at = at,
            Tally::InOnePeriod { .. } => {}
        }
    }
}

/// Trees are summed as kg CO₂ saved and divided once, so the threshold test is exact:
/// the summed field and the nano-kg per tree.
pub(super) fn trees(field: Field, ctx: &Context) -> (Field, Option<i128>) {
    match field {
        Field::TreesSaved => (Field::Co2SavedKg, Some(nano(ctx.kg_co2_per_tree).max(1))),
        other => (other, None),
    }
}

pub(super) fn sum_reached(total: i128, per: Option<i128>, target: f64) -> bool {
    match per {
        Some(per) => saturating_mul(total, 1_000_000_000) >= saturating_mul(nano(target), per),
        None => total >= nano(target),
    }
}

/// The chain ids a `distinct` rule counts on an order (an event has none).
pub(super) fn counted_chains<'a>(field: Field, item: Item<'a>) -> impl Iterator<Item = &'a str> {
    let verified_only = field == Field::VerifiedSupplyChains;
    let chains = match item {
        Item::Order(o) => o.supply_chains.as_slice(),
        Item::Event(_) => &[],
    };
    chains
        .iter()
        .filter(move |c| c.verified || !verified_only)
        .map(|c| c.id.as_str())
}

fn add_to_streak(tally: &mut Tally, key: i64, at: DateTime<Utc>) {
    let Tally::Streak {
        spans,
        went_back,
        run,
        ..
    } = tally
    else {
        return;
    };
    match spans.last_mut() {
        Some(last) if key == last.key => {
            last.last = at;
            return;
        }
        Some(last) if key < last.key => {
            *went_back = true;
            return;
        }
        Some(last) if key == last.key + 1 => *run += 1.0,
        _ => *run = 1.0,
    }
    spans.push(Span {
        key,
        first: at,
        last: at,
    });
}

/// A `period` rule is earned when a period whose orders meet it is over (the instant the
/// next one starts), so later orders never take it back; the running period is progress.
fn in_one_period(
    period: Period,
    at_least: &Operand,
    periods: &[(i64, i128, i128)],
    ctx: &Context,
) -> Progress {
    let now_key = period.key(ctx.today);
    let fixed = match at_least {
        Operand::Number(x) => Some(nano(*x)),
        _ => None,
    };
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
        current: to_f64(total) / 1e9,
        target: to_f64(threshold(needed)) / 1e9,
    }
}
