//! Each definition's outcome: earned (computed or reported), expiring, locked with progress,
//! unlocked by the cart.

use super::backend::{backend_badge, expiry_of, BackendEarn};
use super::inputs::{in_window, in_window_events, windowed};
use super::{BadgePreview, CartUnlock, EarnedBadge, ExpiringBadge, LockedBadge, Source};
use crate::badges::definition::Definition;
use crate::badges::earns::{computed_earn, EarnLog};
use crate::badges::events::Event;
use crate::badges::orders::Order;
use crate::badges::rules::{Context, Progress, Tally};
use crate::decimal::{remaining, Display};
use crate::error::{Error, ErrorCode, Result};
use crate::locale::Locale;
use crate::time::civil::{DateTime, Utc};
use crate::time::Zone;

/// What every definition is previewed against.
pub(super) struct Scene<'a> {
    /// Options, `now` and timezone for the rules.
    pub(super) ctx: Context<'a>,
    /// How percentages are rounded.
    pub(super) display: Display,
    /// The orders up to `now`, in time order.
    pub(super) history: &'a [Order],
    /// The events up to `now`, in time order.
    pub(super) events: &'a [Event],
    /// Each definition's tier tallies over `history`.
    pub(super) tallies: &'a [Vec<Tally>],
    /// The hypothetical order, if there is one.
    pub(super) cart: Option<&'a Order>,
    /// Each definition's `issued` count.
    pub(super) issued: &'a [Option<u64>],
    /// The language of the hints, when the request asked for one.
    pub(super) locale: Option<Locale>,
}

/// Sorts each definition's outcome into the preview.
pub(super) struct Collector<'z> {
    pub(super) zone: &'z Zone,
    pub(super) now: DateTime<Utc>,
    pub(super) soon: DateTime<Utc>,
    pub(super) out: BadgePreview,
}

impl Collector<'_> {
    pub(super) fn add_earned(&mut self, badge: EarnedBadge, expires_at: Option<DateTime<Utc>>) {
        let badge = EarnedBadge {
            expires_at: expires_at.map(|t| self.zone.format(t)),
            ..badge
        };
        match expires_at {
            Some(t) if t <= self.now => self.out.expired.push(badge),
            Some(t) => {
                if t <= self.soon {
                    let seconds = (t - self.now).num_seconds();
                    self.out.expiring_soon.push(ExpiringBadge {
                        id: badge.id.clone(),
                        tier: badge.tier.clone(),
                        expires_at: self.zone.format(t),
                        days_left: (seconds + 86_399) / 86_400,
                    });
                }
                self.out.earned.push(badge);
            }
            None => self.out.earned.push(badge),
        }
    }

    /// Previews definition `index`: its earned tier (computed or reported by `mine`), then
    /// the next tier's progress and what the cart would unlock.
    pub(super) fn definition(
        &mut self,
        scene: &Scene,
        index: usize,
        d: &Definition,
        mine: &[&BackendEarn],
    ) -> Result<()> {
        let zone = self.zone;
        let now = self.now;
        let tallies = scene.tallies.get(index).map_or(&[][..], Vec::as_slice);
        let progress: Vec<Progress> = d
            .tiers
            .iter()
            .zip(tallies)
            .map(|(t, tally)| t.rule.progress_of(tally, &scene.ctx))
            .collect();
        let reported = mine
            .iter()
            .copied()
            .max_by(|a, b| a.rank.cmp(&b.rank).then(a.earned_at.cmp(&b.earned_at)));
        // Computed earns count against the customer's limits like reported ones.
        let mut log = EarnLog::new(mine.iter().map(|b| b.earned_at));
        let computed = computed_earn(d, &progress, reported.and_then(|b| b.rank), &mut log, zone);
        let earned_rank = self.earned(index, d, reported, computed)?;

        let next = earned_rank.map_or(0, |r| r + 1);
        let (Some(tier), Some(p)) = (d.tiers.get(next), progress.get(next)) else {
            return Ok(());
        };
        let issued = scene.issued.get(index).copied().flatten();
        let reason = d
            .validity
            .check(now)
            .or_else(|| d.limits.check_log(&log, issued, now, zone));
        self.out.locked.push(LockedBadge {
            id: d.id.clone(),
            name: d.name.clone(),
            next_tier: tier.tier.clone(),
            current: p.current,
            target: p.target,
            percentage: shown_percentage(&scene.display, p),
            remaining: remaining(p.target, p.current),
            hint: match scene.locale {
                Some(locale) => tier.rule.hint_in(p, locale),
                None => tier.rule.hint(p),
            },
            earnable: reason.is_none(),
            reason,
        });
        if let (Some(cart), None) = (scene.cart, reason) {
            self.cart_unlock(scene, d, next, tallies, cart);
        }
        Ok(())
    }

    /// Adds the definition's earned badge, a computed earn before a reported one; returns
    /// the earned tier's index.
    fn earned(
        &mut self,
        index: usize,
        d: &Definition,
        reported: Option<&BackendEarn>,
        computed: Option<(usize, DateTime<Utc>)>,
    ) -> Result<Option<usize>> {
        let zone = self.zone;
        Ok(match (reported, computed) {
            (_, Some((i, at))) => {
                let badge = EarnedBadge {
                    id: d.id.clone(),
                    name: Some(d.name.clone()),
                    tier: d.tiers.get(i).map(|t| t.tier.clone()),
                    earned_at: Some(zone.format(at)),
                    expires_at: None,
                    source: Source::Computed,
                };
                let expires = d.expiry.expires_at(Some(at), &d.validity, zone);
                let Ok(expires) = expires else {
                    return Err(expiry_beyond(index));
                };
                self.add_earned(badge, expires);
                Some(i)
            }
            (Some(b), None) => {
                let Ok(expires) = expiry_of(d, b, zone) else {
                    return Err(expiry_beyond(index));
                };
                self.add_earned(backend_badge(b, zone), expires);
                b.rank
            }
            (None, None) => None,
        })
    }

    /// The highest tier from `next` on that the history with the cart reaches: the cart applied
    /// to each tier's tally (the history is re-evaluated only when a tally cannot tell).
    fn cart_unlock(
        &mut self,
        scene: &Scene,
        d: &Definition,
        next: usize,
        tallies: &[Tally],
        cart: &Order,
    ) {
        let counts = windowed(cart, &d.validity);
        let reached = |i: usize| {
            let (Some(tier), Some(tally)) = (d.tiers.get(i), tallies.get(i)) else {
                return false;
            };
            let rule = &tier.rule;
            if !counts {
                return rule.progress_of(tally, &scene.ctx).reached_at.is_some();
            }
            rule.reached_with(tally, cart, &scene.ctx)
                .unwrap_or_else(|| {
                    let all = with_cart(scene.history, cart);
                    let all = in_window(&all, &d.validity);
                    let events = in_window_events(scene.events, &d.validity);
                    rule.progress(&all, &events, &scene.ctx)
                        .reached_at
                        .is_some()
                })
        };
        let unlocked = (next..d.tiers.len()).rev().find(|&i| reached(i));
        if let Some(t) = unlocked.and_then(|i| d.tiers.get(i)) {
            self.out.unlocked_by_cart.push(CartUnlock {
                id: d.id.clone(),
                name: d.name.clone(),
                tier: t.tier.clone(),
            });
        }
    }
}

/// The history with the cart at its place in time (after orders placed at the same instant).
fn with_cart<'a>(history: &'a [Order], cart: &'a Order) -> Vec<&'a Order> {
    let at = history.partition_point(|o| o.placed_at <= cart.placed_at);
    let mut all: Vec<&Order> = Vec::with_capacity(history.len() + 1);
    all.extend(history.get(..at).unwrap_or_default());
    all.push(cart);
    all.extend(history.get(at..).unwrap_or_default());
    all
}

/// A relative expiry that ends past the year 9999: `out_of_range` at its count.
#[inline(never)]
fn expiry_beyond(index: usize) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        String::from(
            crate::error::Message::new("$.definitions[")
                .int(index as i128)
                .text("].expiry.count"),
        ),
        "expires after the year 9999",
    )
}

/// A locked tier's percentage: 100 only once its rule is met (a `period` rule
/// met so far in the running period is not yet: the period must end).
fn shown_percentage(display: &Display, p: &Progress) -> f64 {
    let percentage = display.percent(p.current, p.target);
    // The largest percentage below 100 at 0–6 decimals.
    const BELOW_100: [f64; 7] = [99.0, 99.9, 99.99, 99.999, 99.9999, 99.99999, 99.999999];
    if percentage >= 100.0 && p.reached_at.is_none() {
        BELOW_100
            .get(display.decimals as usize)
            .copied()
            .unwrap_or(99.999999)
    } else {
        percentage
    }
}
