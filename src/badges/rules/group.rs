//! Tiers of one badge usually share a rule and differ only in its target (10, 50 and 100
//! trees; a 3-, 6- and 12-month streak): their tallies are one pass over the history, each
//! target's crossing recorded on the way, instead of one pass per tier.

use super::{Context, Rule, Source, Tally};
use crate::badges::events::{Event, Item};
use crate::badges::orders::Order;

impl Rule {
    /// Whether `self` and `other` count the same items the same way (their targets aside).
    fn same_but_target(&self, other: &Rule) -> bool {
        self.source == other.source && self.measure == other.measure
    }

    /// [`Rule::tally`] of this rule with each of `targets` in turn, in one pass: the one loop
    /// over a history's items (the full build inlines the rule's state update into it).
    pub(super) fn tally_targets(
        &self,
        targets: &[f64],
        orders: &[&Order],
        events: &[&Event],
        ctx: &Context,
    ) -> Vec<Tally> {
        let (orders, events) = match self.source {
            Source::Orders => (orders, &[][..]),
            Source::Events(_) => (&[][..], events),
        };
        let items = orders
            .iter()
            .map(|o| Item::Order(o))
            .chain(events.iter().map(|e| Item::Event(e)));
        let mut state = self.empty_tally();
        let mut reached = vec![None; targets.len()];
        for item in items {
            if self.update(&mut state, item, ctx) {
                for (at, &target) in reached.iter_mut().zip(targets) {
                    if at.is_none() && self.reaches(&state, target, ctx) {
                        *at = Some(item.at());
                    }
                }
            }
        }
        let mut tallies: Vec<Tally> = vec![state; targets.len()];
        for (tally, at) in tallies.iter_mut().zip(reached) {
            tally.set_reached_at(at);
        }
        tallies
    }
}

/// Each of `rules`' [`Rule::tally`] over the same orders and events. In the full build
/// (the `full` feature) consecutive rules that differ only in their targets are tallied in one pass
/// (openCustomer ~4 % faster in Chromium, +3 KB gzip); the modules tally each rule alone.
///
/// ```
/// use impactkit::badges::rules::{tally_all, Context, Rule};
/// use impactkit::{json::{Json, Node}, time::Zone};
/// let rule = |target: u32| {
///     let v = serde_json::json!({"kind": "count", "target": target});
///     Rule::from_json(&Json::root(&Node::from(&v))).unwrap()
/// };
/// let rules = [rule(1), rule(5), rule(2)];
/// let now = impactkit::time::civil::DateTime::UNIX_EPOCH;
/// let ctx = Context { kg_co2_per_tree: 21.77, now, today: now.date_naive(), zone: &Zone::utc() };
/// let one_by_one: Vec<_> = rules.iter().map(|r| r.tally(&[], &[], &ctx)).collect();
/// assert_eq!(tally_all(&rules.iter().collect::<Vec<_>>(), &[], &[], &ctx), one_by_one);
/// ```
pub fn tally_all(
    rules: &[&Rule],
    orders: &[&Order],
    events: &[&Event],
    ctx: &Context,
) -> Vec<Tally> {
    if !crate::FOR_SPEED {
        return rules.iter().map(|r| r.tally(orders, events, ctx)).collect();
    }
    // Runs of consecutive tiers (how a badge lists its tiers): linear in the tiers, however
    // many a hostile definition has.
    let mut tallies = Vec::with_capacity(rules.len());
    for run in rules.chunk_by(|a, b| a.same_but_target(b)) {
        let Some(first) = run.first() else { continue };
        let targets: Vec<f64> = run.iter().map(|r| r.target).collect();
        tallies.extend(first.tally_targets(&targets, orders, events, ctx));
    }
    tallies
}
