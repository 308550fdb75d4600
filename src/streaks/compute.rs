//! Computing a streak: runs of done periods, freezes, the current state and the strip.

use super::{Period, PeriodCell, PeriodStatus, Streak, StreakRequest, StreakState};
use crate::time;

impl StreakRequest {
    /// Whether period `index` is a rest day or a repaired period: it never breaks a streak.
    pub(super) fn is_rest(&self, index: i64) -> bool {
        // Day 1 of the common era is a Monday.
        (self.calendar.period == Period::Day
            && self.rest_days & (1u8 << (index - 1).rem_euclid(7)) != 0)
            || self.extras.is_repaired(index)
    }

    /// Whether period `index` is a day the customer's zone skipped (crossing the
    /// date line): it can be neither done nor missed, and is not part of any streak.
    pub(super) fn never_existed(&self, index: i64) -> bool {
        self.calendar.period == Period::Day
            && self
                .calendar
                .first_day(index)
                .is_some_and(|date| !self.zone.date_exists(date))
    }

    /// The periods strictly between `from` and `to`: the missed ones (neither rest days
    /// nor skipped), or `None` when more than `budget`.
    fn gap_between(&self, from: i64, to: i64, budget: u32) -> Option<Gap> {
        let mut gap = Gap::default();
        let mut p = from + 1;
        while p < to {
            if self.never_existed(p) {
                gap.skipped += 1;
            } else if !self.is_rest(p) {
                if gap.missed.len() as u32 >= budget {
                    return None;
                }
                gap.missed.push(p);
            }
            p += 1;
        }
        Some(gap)
    }

    fn date_text(&self, index: i64) -> Option<String> {
        self.calendar.first_day(index).map(time::format_date)
    }

    /// Computes the streak.
    ///
    /// ```
    /// let v = serde_json::json!({"activity": [{"date": "2025-03-13"}, {"date": "2025-03-14"}],
    ///     "period": "day", "now": "2025-03-15T00:30:00Z"});
    /// let v = impactkit::json::Node::from(&v);
    /// let r = impactkit::streaks::StreakRequest::from_json(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
    /// let s = r.compute();
    /// assert_eq!((s.current, s.state), (2, impactkit::streaks::StreakState::Pending));
    /// ```
    pub fn compute(&self) -> Streak {
        let cal = self.calendar;
        let today = cal.index(self.zone.date_of(self.now));
        // Sum counts per period.
        let records: Vec<(i64, u64)> = self
            .activity
            .iter()
            .map(|(d, c)| (cal.index(*d), *c))
            .collect();
        let sums = period_sums(records);
        let total: u128 = sums.iter().map(|s| s.1).sum();
        let min = u128::from(self.min_count);

        let mut freezes_left = self.freezes;
        let mut frozen: Vec<i64> = Vec::new();
        let mut best: Option<Run> = None;
        let mut run: Option<Run> = None;
        let mut kept = 0u32;
        for &(p, _) in sums.iter().filter(|s| s.1 >= min) {
            freezes_left += self.extras.earn_step(kept);
            kept += 1;
            run = Some(match run {
                None => Run::new(p),
                Some(mut r) => match self.gap_between(r.last, p, freezes_left) {
                    Some(Gap { missed, skipped }) => {
                        freezes_left -= missed.len() as u32;
                        r.frozen += missed.len() as u32;
                        r.skipped += skipped;
                        frozen.extend(missed);
                        r.last = p;
                        r
                    }
                    None => {
                        best = Run::longer(best, r);
                        Run::new(p)
                    }
                },
            });
        }
        freezes_left += self.extras.earn_step(kept);
        let today_done = sums.last().is_some_and(|s| s.0 == today && s.1 >= min);
        let (state, live) = match run {
            None => (StreakState::None, None),
            Some(r) if r.last == today => (StreakState::Active, Some(r)),
            Some(r) => match self.gap_between(r.last, today, freezes_left) {
                Some(Gap { missed, .. }) => {
                    freezes_left -= missed.len() as u32;
                    frozen.extend(missed);
                    (StreakState::Pending, Some(r))
                }
                None => (StreakState::Broken, None),
            },
        };
        if let Some(r) = run {
            best = Run::longer(best, r);
        }
        let at_risk_at = live.and_then(|_| self.at_risk_at(today, today_done, freezes_left));
        let periods = self.periods(today, &sums, &frozen);
        Streak {
            current: live.map_or(0, Run::length),
            longest: best.map_or(0, Run::length),
            total: total as f64,
            current_start: live.and_then(|r| self.date_text(r.first)),
            current_end: live.and_then(|r| self.date_text(r.last)),
            longest_start: best.and_then(|r| self.date_text(r.first)),
            longest_end: best.and_then(|r| self.date_text(r.last)),
            state,
            today_done,
            at_risk_at,
            frozen_dates: frozen.iter().filter_map(|p| self.date_text(*p)).collect(),
            freezes_used: frozen.len() as u32,
            freezes_left,
            active_periods: sums.iter().filter(|s| s.1 >= min).count() as u32,
            periods,
            freezes_earned: self.extras.earned(kept),
            repairable: None,
            repaired_dates: Vec::new(),
            repairs_rejected: Vec::new(),
            message: None,
            locale: None,
        }
    }

    /// The start of the first period after the last one that may still pass undone.
    fn at_risk_at(&self, today: i64, today_done: bool, mut freezes: u32) -> Option<String> {
        let mut p = if today_done { today + 1 } else { today };
        loop {
            if self.is_rest(p) || self.never_existed(p) {
                p += 1;
            } else if freezes > 0 {
                freezes -= 1;
                p += 1;
            } else {
                break;
            }
        }
        let next = self.calendar.first_day(p + 1)?;
        Some(self.zone.format(self.zone.start_of_day(next)))
    }

    fn periods(&self, today: i64, sums: &[(i64, u128)], frozen: &[i64]) -> Vec<PeriodCell> {
        let min = u128::from(self.min_count);
        // The last `window` periods that existed (a skipped day is not shown).
        let mut shown: Vec<i64> = (0..)
            .map(|back| today - back)
            .filter(|p| !self.never_existed(*p))
            .take(self.window as usize)
            .collect();
        shown.reverse();
        shown
            .into_iter()
            .filter_map(|p| {
                let count = sums
                    .binary_search_by_key(&p, |s| s.0)
                    .ok()
                    .and_then(|i| sums.get(i))
                    .map_or(0, |s| s.1);
                let status = if count >= min {
                    PeriodStatus::Done
                } else if frozen.binary_search(&p).is_ok() {
                    PeriodStatus::Frozen
                } else if self.is_rest(p) {
                    PeriodStatus::Rest
                } else if p == today {
                    PeriodStatus::Open
                } else {
                    PeriodStatus::Missed
                };
                Some(PeriodCell {
                    start: self.date_text(p)?,
                    count: count as f64,
                    status,
                })
            })
            .collect()
    }
}

/// The periods between two done ones.
#[derive(Debug, Default)]
struct Gap {
    /// Missed periods (neither rest days nor skipped).
    missed: Vec<i64>,
    /// Days the zone skipped.
    skipped: u32,
}

/// A run of done periods, possibly bridged by freezes and skipped days.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: i64,
    last: i64,
    frozen: u32,
    skipped: u32,
}

impl Run {
    fn new(p: i64) -> Run {
        Run {
            first: p,
            last: p,
            frozen: 0,
            skipped: 0,
        }
    }

    /// Periods from the first to the last done one, rest days included, frozen and
    /// skipped ones not.
    fn length(self) -> u32 {
        u32::try_from(self.last - self.first + 1)
            .unwrap_or(u32::MAX)
            .saturating_sub(self.frozen)
            .saturating_sub(self.skipped)
    }

    /// The longer of two runs; the earlier one on ties.
    fn longer(best: Option<Run>, candidate: Run) -> Option<Run> {
        match best {
            Some(b) if b.length() >= candidate.length() => Some(b),
            _ => Some(candidate),
        }
    }
}

/// Sums the counts per period index, in period order (a period with only zero
/// counts is kept, with sum 0). Periods are dates 1900–2200, so a counting pass over
/// the span is used when it is at most a few times the number of records (the usual
/// case: 100k records over three years); a sort otherwise.
///
/// ```
/// use impactkit::streaks::period_sums;
/// assert_eq!(period_sums(vec![(5, 1), (3, 2), (5, 4), (9, 0)]), [(3, 2), (5, 5), (9, 0)]);
/// assert_eq!(period_sums(vec![(i64::MAX, 1), (i64::MIN, 1)]), [(i64::MIN, 1), (i64::MAX, 1)]);
/// ```
pub fn period_sums(mut records: Vec<(i64, u64)>) -> Vec<(i64, u128)> {
    let first = records.iter().map(|r| r.0).min();
    let last = records.iter().map(|r| r.0).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let span = last
        .checked_sub(first)
        .and_then(|s| usize::try_from(s).ok())
        .and_then(|s| s.checked_add(1));
    match span {
        Some(span) if span <= records.len().saturating_mul(4).max(4096) => {
            let mut totals: Vec<Option<u128>> = vec![None; span];
            for (p, c) in records {
                let slot = usize::try_from(p - first)
                    .ok()
                    .and_then(|i| totals.get_mut(i));
                if let Some(slot) = slot {
                    *slot = Some(slot.unwrap_or(0) + u128::from(c));
                }
            }
            (first..)
                .zip(totals)
                .filter_map(|(p, t)| t.map(|t| (p, t)))
                .collect()
        }
        _ => {
            records.sort_unstable_by_key(|r| r.0);
            let mut sums: Vec<(i64, u128)> = Vec::new();
            for (p, c) in records {
                match sums.last_mut() {
                    Some(last) if last.0 == p => last.1 += u128::from(c),
                    _ => sums.push((p, u128::from(c))),
                }
            }
            sums
        }
    }
}
