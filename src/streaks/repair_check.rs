//! Which repairs are accepted, and which break is still repairable (see `repair.rs`).

use super::repair::{month_of, parse_date, RejectReason, RejectedRepair, RepairPolicy, Repairable};
use super::{period_sums, Streak, StreakRequest, StreakState};
use crate::time;
use crate::time::civil::{DateTime, Utc};

impl StreakRequest {
    /// The done periods up to `now`, in order.
    fn done_periods(&self) -> Vec<i64> {
        let cal = self.calendar;
        let records = self.activity.iter().map(|(d, c)| (cal.index(*d), *c));
        let min = u128::from(self.min_count);
        period_sums(records.collect())
            .into_iter()
            .filter(|s| s.1 >= min)
            .map(|s| s.0)
            .collect()
    }

    fn today(&self) -> i64 {
        self.calendar.index(self.zone.date_of(self.now))
    }

    /// The start of period `index` in the customer's zone.
    fn period_start(&self, index: i64) -> Option<DateTime<Utc>> {
        Some(self.zone.start_of_day(self.calendar.first_day(index)?))
    }

    /// The missed periods strictly between `from` and `to` (neither rest, repaired nor
    /// skipped), at most `cap` + 1 of them.
    fn gap_missed(&self, from: i64, to: i64, cap: usize) -> Vec<i64> {
        let mut missed = Vec::new();
        let mut p = from + 1;
        while p < to && missed.len() <= cap {
            if !self.is_rest(p) && !self.never_existed(p) {
                missed.push(p);
            }
            p += 1;
        }
        missed
    }

    /// Why one repair of period `p` cannot be accepted on its own, if so.
    fn reject_reason(
        &self,
        p: i64,
        at: Option<DateTime<Utc>>,
        within: u32,
        done: &[i64],
        frozen: &[i64],
    ) -> Option<RejectReason> {
        let never_missed = p >= self.today()
            || done.binary_search(&p).is_ok()
            || frozen.binary_search(&p).is_ok()
            || self.is_rest(p)
            || self.never_existed(p);
        if never_missed {
            return Some(RejectReason::NotMissed);
        }
        let at = at.unwrap_or(self.now);
        if at > self.now {
            return Some(RejectReason::NotYet);
        }
        let opens = self.period_start(p + 1);
        let closes = self.period_start(p + i64::from(within) + 1);
        match (opens, closes) {
            (Some(opens), Some(closes)) if opens <= at && at < closes => None,
            _ => Some(RejectReason::OutsideWindow),
        }
    }

    /// Splits `repairs` into the accepted periods (sorted) and the rejected repairs (input order),
    /// given the streak without repairs.
    pub(super) fn check_repairs(
        &self,
        plain: &Streak,
        policy: RepairPolicy,
    ) -> (Vec<i64>, Vec<RejectedRepair>) {
        let cal = self.calendar;
        let done = self.done_periods();
        let frozen: Vec<i64> = (plain.frozen_dates.iter())
            .filter_map(|d| parse_date(d).map(|d| cal.index(d)))
            .collect();
        let repairs = &self.extras.repairs;
        // Repairs by period (then input order), kept sorted by insertion: no sort code in wasm.
        let mut order: Vec<(i64, usize)> = Vec::with_capacity(repairs.len());
        for (i, r) in repairs.iter().enumerate() {
            let key = (cal.index(r.date), i);
            order.insert(order.partition_point(|o| *o < key), key);
        }
        let mut reasons: Vec<Option<RejectReason>> = vec![None; repairs.len()];
        let mut candidates: Vec<(i64, usize)> = Vec::new();
        for (p, i) in order {
            let reason = if candidates.last().is_some_and(|c| c.0 == p) {
                Some(RejectReason::Duplicate)
            } else {
                let at = repairs.get(i).and_then(|r| r.at);
                self.reject_reason(p, at, policy.within, &done, &frozen)
            };
            match (reason, reasons.get_mut(i)) {
                (Some(reason), Some(slot)) => *slot = Some(reason),
                _ => candidates.push((p, i)),
            }
        }
        let accepted = self.accept_whole_breaks(&candidates, &done, &mut reasons, policy);
        let rejected = (repairs.iter().zip(reasons))
            .filter_map(|(r, reason)| {
                let date = time::format_date(r.date);
                Some(RejectedRepair {
                    date,
                    reason: reason?,
                })
            })
            .collect();
        (accepted, rejected)
    }

    /// The periods of `candidates` (sorted `(period, input index)`, each acceptable alone) whose
    /// break they repair whole within the monthly limit, oldest break first; the others get
    /// their reason in `reasons`.
    fn accept_whole_breaks(
        &self,
        candidates: &[(i64, usize)],
        done: &[i64],
        reasons: &mut [Option<RejectReason>],
        policy: RepairPolicy,
    ) -> Vec<i64> {
        let mut accepted = Vec::new();
        let mut months = Vec::new();
        let mut rest = candidates;
        while let Some(&(p, _)) = rest.first() {
            let at = done.partition_point(|d| *d < p);
            let next = done.get(at).copied().unwrap_or(self.today());
            let size = rest.iter().take_while(|c| c.0 < next).count();
            let (group, tail) = rest.split_at(size);
            rest = tail;
            let periods: Vec<i64> = group.iter().map(|c| c.0).collect();
            let reason = match at.checked_sub(1).and_then(|i| done.get(i)) {
                None => Some(RejectReason::NotMissed),
                Some(&prev) if self.gap_missed(prev, next, periods.len()) != periods => {
                    Some(RejectReason::Partial)
                }
                Some(_) if !self.within_month_limit(&periods, &mut months, policy) => {
                    Some(RejectReason::MonthlyLimit)
                }
                Some(_) => None,
            };
            match reason {
                Some(reason) => {
                    for c in group {
                        if let Some(slot) = reasons.get_mut(c.1) {
                            *slot = Some(reason);
                        }
                    }
                }
                None => accepted.extend(periods),
            }
        }
        accepted
    }

    /// Whether `periods` fit the monthly limit on top of `months` (the month key of each repaired
    /// period), which they are then added to.
    fn within_month_limit(
        &self,
        periods: &[i64],
        months: &mut Vec<i64>,
        policy: RepairPolicy,
    ) -> bool {
        let mut added = Vec::with_capacity(periods.len());
        for p in periods {
            let Some(day) = self.calendar.first_day(*p) else {
                return false;
            };
            added.push(month_of(day));
        }
        // Only the months this break touches can go over (at most 1000 × 1000 comparisons).
        let count = |m: &i64| (months.iter().chain(&added)).filter(|n| *n == m).count();
        let fits = policy
            .max_per_month
            .map_or(true, |max| added.iter().all(|m| count(m) <= max as usize));
        if fits {
            months.extend(added);
        }
        fits
    }

    /// The latest break of `streak` (with the accepted repairs applied), if every missed period
    /// of it is still in its window and the monthly limit allows repairing them all.
    pub(super) fn repairable(&self, streak: &Streak, policy: RepairPolicy) -> Option<Repairable> {
        let cal = self.calendar;
        let done = self.done_periods();
        let today = self.today();
        let end = match streak.state {
            StreakState::Broken => today,
            StreakState::Active | StreakState::Pending => {
                cal.index(parse_date(streak.current_start.as_deref()?)?)
            }
            StreakState::None => return None,
        };
        let from = *done.get(done.partition_point(|d| *d < end).checked_sub(1)?)?;
        let within = i64::from(policy.within);
        let mut missed = Vec::new();
        let mut p = from + 1;
        while p < end {
            if !self.is_rest(p) && !self.never_existed(p) {
                if p + within < today {
                    return None;
                }
                missed.push(p);
            }
            p += 1;
        }
        let first = *missed.first()?;
        let mut months = Vec::new();
        for q in &self.extras.repaired {
            months.push(month_of(cal.first_day(*q)?));
        }
        if !self.within_month_limit(&missed, &mut months, policy) {
            return None;
        }
        let closes = cal.first_day(first + within + 1)?;
        Some(Repairable {
            missed: (missed.iter())
                .filter_map(|p| cal.first_day(*p).map(time::format_date))
                .collect(),
            until: self.zone.format(self.zone.start_of_day(closes)),
            last_date: time::format_date(closes.pred_opt()?),
        })
    }
}
