//! A customer's earns of one badge, reported and computed, and the tiers the
//! order history earns above what the backend reported.
//!
//! A computed earn is an earn like a reported one: it counts against the
//! customer's earn limits, and a tier crossed while a limit is full is not
//! earned then (the backend would not have issued it either).

use super::definition::Definition;
use super::rules::Progress;
use super::validity::Limit;
use crate::time::civil::{DateTime, Utc};
use crate::time::Zone;

/// The customer's earns of one badge, sorted, for counting inside limit windows.
///
/// Instants are kept as epoch microseconds in `f64` (whole microseconds are
/// exact for every supported year, 1900–2200; limit windows are compared to the
/// microsecond): sorting them shares the sort code milestones already use
/// (wasm size).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EarnLog {
    /// Earns of unknown instant: they count in every window.
    unknown: u64,
    /// Reported instants, sorted.
    known: Vec<f64>,
    /// Computed instants, sorted ([`computed_earn`] adds them in time order).
    computed: Vec<f64>,
}

fn micros(t: DateTime<Utc>) -> f64 {
    t.timestamp_micros() as f64
}

/// How many of the sorted instants are at or before `t`.
fn up_to(sorted: &[f64], t: f64) -> usize {
    sorted.partition_point(|k| *k <= t)
}

impl EarnLog {
    /// A log of these earns (`None`: reported without an instant).
    ///
    /// ```
    /// use impactkit::{badges::{earns::EarnLog, validity::Limit}, time::Zone};
    /// let t = impactkit::time::civil::DateTime::from_timestamp(1_750_000_000, 0);
    /// let ever = Limit { max: 1, window: None };
    /// assert_eq!(EarnLog::new([t, None, t]).used(&ever, t.unwrap(), &Zone::utc()), 3);
    /// ```
    pub fn new(earns: impl IntoIterator<Item = Option<DateTime<Utc>>>) -> EarnLog {
        let mut log = EarnLog::default();
        for earn in earns {
            match earn {
                Some(t) => log.known.push(micros(t)),
                None => log.unknown += 1,
            }
        }
        log.known.sort_unstable_by(f64::total_cmp);
        log
    }

    /// How many earns the log holds.
    fn len(&self) -> u64 {
        self.unknown + self.known.len() as u64 + self.computed.len() as u64
    }

    /// Adds a computed earn at `t`, no earlier than the last one added.
    fn add(&mut self, t: DateTime<Utc>) {
        self.computed.push(micros(t));
    }

    /// Earns a limit counts at `now`: all of them for a lifetime limit; for a
    /// rolling window, those in `(now − window, now]` and those of unknown instant.
    pub fn used(&self, limit: &Limit, now: DateTime<Utc>, zone: &Zone) -> u64 {
        let Some(window) = limit.window else {
            return self.len();
        };
        // A window reaching back before the year 0 holds every earn up to now.
        let start = window.unit.shift(now, -i64::from(window.count), zone);
        let in_window = |sorted: &[f64]| {
            let after = start.map_or(0, |s| up_to(sorted, micros(s)));
            up_to(sorted, micros(now)).saturating_sub(after) as u64
        };
        self.unknown + in_window(&self.known) + in_window(&self.computed)
    }
}

/// The highest tier the history earns above `reported` (the backend's
/// highest tier), and when. Crossings are earned in time order; one instant
/// that reaches several tiers is one earn of the highest; a crossing while a
/// customer limit is full earns nothing; a tier below one already earned is
/// not earned again. Each computed earn is added to `log`. Inactive badges
/// earn nothing.
pub fn computed_earn(
    definition: &Definition,
    progress: &[Progress],
    reported: Option<usize>,
    log: &mut EarnLog,
    zone: &Zone,
) -> Option<(usize, DateTime<Utc>)> {
    if !definition.validity.active {
        return None;
    }
    // (instant, tier): the tier as the pair's value, to share the event list's code.
    let mut crossings: Vec<(DateTime<Utc>, f64)> = Vec::new();
    for (i, p) in progress
        .iter()
        .enumerate()
        .skip(reported.map_or(0, |r| r + 1))
    {
        if let Some(t) = p.reached_at {
            crossings.push((t, i as f64));
        }
    }
    let crossings = crate::sort::by_instant(crossings);
    let mut best: Option<(usize, DateTime<Utc>)> = None;
    let mut next = 0;
    while let Some(&(t, _)) = crossings.get(next) {
        let mut highest = 0.0f64;
        while let Some(&(_, tier)) = crossings.get(next).filter(|c| c.0 == t) {
            highest = highest.max(tier);
            next += 1;
        }
        let tier = highest as usize;
        // Customer limits only: no issued count is known at `t`.
        if best.map_or(true, |(b, _)| b < tier)
            && definition.limits.check_log(log, None, t, zone).is_none()
        {
            log.add(t);
            best = Some((tier, t));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::badges::validity::{Unit, Window};

    fn day(d: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_740_787_200 + d * 86_400, 0).unwrap_or_default()
        // 2025-03-01
    }

    #[test]
    fn reported_unknown_and_computed_earns_all_count_in_a_window() {
        let week = Limit {
            max: 3,
            window: Some(Window {
                count: 7,
                unit: Unit::Days,
            }),
        };
        let mut log = EarnLog::new([Some(day(0)), None, Some(day(20))]);
        log.add(day(3));
        log.add(day(9));
        let zone = Zone::utc();
        // (day 3, day 10]: the unknown one, day 9 (computed); days 0, 3 and 20 are outside.
        assert_eq!(log.used(&week, day(10), &zone), 2);
        // (day −1, day 6]: unknown, day 0 (reported), day 3 (computed).
        assert_eq!(log.used(&week, day(6), &zone), 3);
        let ever = Limit {
            max: 1,
            window: None,
        };
        assert_eq!(log.used(&ever, day(0), &zone), 5);
    }
}
