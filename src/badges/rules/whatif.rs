//! What-if answers from a rule's tally: would one more order (a cart) reach the target, at no
//! cost in the length of the history.

use super::tally::{counted_chains, nano, sum_reached, trees};
use super::{Context, Measure, Rule, Span, Tally, WhatIf};
use crate::badges::events::Item;
use crate::badges::orders::Order;
use crate::time::civil::{DateTime, Utc};

impl Rule {
    /// Whether the tallied history plus one more `order` (at its place in time) reaches the
    /// target; `None` when only re-evaluating the history can tell (period keys out of order).
    pub fn reached_with(&self, tally: &Tally, order: &Order, ctx: &Context) -> WhatIf {
        if !self.accepts(order.into(), ctx) {
            return Some(self.progress_of(tally, ctx).reached_at.is_some());
        }
        let target = self.target;
        Some(match (&self.measure, tally) {
            (Measure::Count(_), Tally::Count { count, .. }) => count + 1.0 >= target,
            (Measure::Sum(field, _), Tally::Sum { total, .. }) => {
                let (base, per) = trees(*field, ctx);
                sum_reached(
                    total.saturating_add(nano(base.value(order.into(), ctx))),
                    per,
                    target,
                )
            }
            (Measure::Distinct(field, _), Tally::Distinct { chains, .. }) => {
                let mut new: Vec<&str> = counted_chains(*field, order.into())
                    .filter(|&c| !chains.contains(c))
                    .collect();
                new.sort_unstable();
                new.dedup();
                (chains.len() + new.len()) as f64 >= target
            }
            (
                Measure::Streak(period, _),
                Tally::Streak {
                    spans,
                    went_back,
                    reached_at,
                    ..
                },
            ) => {
                if reached_at.is_some() {
                    return Some(true);
                }
                let key = period.key(order.local_date);
                return streak_with(spans, *went_back, key, order.placed_at)
                    .map(|run| run >= target);
            }
            (Measure::InOnePeriod { .. }, Tally::InOnePeriod { .. }) => {
                let mut with = tally.clone();
                self.add(&mut with, Item::Order(order), ctx);
                self.progress_of(&with, ctx).reached_at.is_some()
            }
            _ => return None,
        })
    }
}

/// The longest run of consecutive periods once an order in period `key` placed at `at` joins
/// `spans` (which reached no target): the run through `key`. `None` when keys do not follow time.
fn streak_with(spans: &[Span], went_back: bool, key: i64, at: DateTime<Utc>) -> Option<f64> {
    if went_back {
        return None;
    }
    // The order goes after every order placed at or before `at`.
    let before = spans.partition_point(|s| s.first <= at);
    let previous = before.checked_sub(1).and_then(|i| spans.get(i));
    let next_key = match previous {
        Some(p) if p.last > at => Some(p.key),
        _ => spans.get(before).map(|s| s.key),
    };
    if previous.is_some_and(|p| key < p.key) || next_key.is_some_and(|n| key > n) {
        return None;
    }
    let at_key = spans.partition_point(|s| s.key < key);
    if spans.get(at_key).is_some_and(|s| s.key == key) {
        // A period already counted: no run grows (and none reached the target).
        return Some(0.0);
    }
    let left = spans
        .get(..at_key)
        .unwrap_or_default()
        .iter()
        .rev()
        .zip(1..)
        .take_while(|(s, i)| s.key == key - i)
        .count();
    let right = spans
        .get(at_key..)
        .unwrap_or_default()
        .iter()
        .zip(1..)
        .take_while(|(s, i)| s.key == key + i)
        .count();
    Some((left + 1 + right) as f64)
}
