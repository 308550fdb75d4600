//! Streak repair (Duolingo's Streak Repair, SpanishDict's weekly repair): `repair:
//! {withinPeriods, maxPerMonth?}` offers the latest break as `repairable`, and `repairs` restores
//! the breaks the customer repaired. A repair restores a *whole* break: every missed period of
//! a gap that broke the streak; a repaired period then counts like a rest day (it never breaks
//! the streak and counts toward its length once the streak goes on), so repairs neither spend
//! nor earn freezes and never lower `current` or `longest`.

use super::{EarnedFreezes, PeriodStatus, Streak, StreakRequest};
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::civil::{DateTime, Datelike, NaiveDate, Utc};
use crate::time::{self, Zone};

/// Most `repairs` accepted in one call.
///
/// ```
/// assert_eq!(impactkit::streaks::MAX_REPAIRS, 1000);
/// ```
pub const MAX_REPAIRS: usize = 1000;

/// How missed periods may be repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepairPolicy {
    /// A missed period may be repaired until the end of the `withinPeriods`-th period after it.
    pub within: u32,
    /// Most periods repaired per calendar month (of the missed period), if limited.
    pub max_per_month: Option<u32>,
}

/// One repair: a date in the missed period and, if known, when it was made (else `now`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Repair {
    pub(super) date: NaiveDate,
    pub(super) at: Option<DateTime<Utc>>,
}

/// Earned freezes and repairs of a streak request; all off by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StreakExtras {
    /// How kept periods earn freezes.
    pub earn: Option<EarnedFreezes>,
    /// The repair policy.
    pub policy: Option<RepairPolicy>,
    pub(super) repairs: Vec<Repair>,
    /// Period indices of the accepted repairs, sorted (set while evaluating).
    pub(super) repaired: Vec<i64>,
}

/// The latest break, while it can be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repairable {
    /// First days of the missed periods to repair, oldest first.
    pub missed: Vec<String>,
    /// When the repair window closes (RFC 3339, customer's zone): repairs are accepted before it.
    pub until: String,
    /// The last local date on which a repair is accepted.
    pub last_date: String,
}

crate::to_json_struct!(Repairable {
    missed: "missed",
    until: "until",
    last_date: "lastDate",
});

/// Why a repair was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectReason {
    /// The period was done, frozen, a rest day, is not over yet, or precedes all activity.
    NotMissed,
    /// Made (`at`) after `now`.
    NotYet,
    /// Made after the window closed (or before the period ended).
    OutsideWindow,
    /// The break has missed periods no repair covers.
    Partial,
    /// The month (of the missed period) already has `maxPerMonth` repairs.
    MonthlyLimit,
    /// The same period is repaired twice.
    Duplicate,
}

crate::to_json_enum!(RejectReason {
    NotMissed => "notMissed",
    NotYet => "notYet",
    OutsideWindow => "outsideWindow",
    Partial => "partial",
    MonthlyLimit => "monthlyLimit",
    Duplicate => "duplicate",
});

/// A repair that was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRepair {
    /// The date given.
    pub date: String,
    /// Why it was ignored.
    pub reason: RejectReason,
}

crate::to_json_struct!(RejectedRepair {
    date: "date",
    reason: "reason",
});

impl StreakExtras {
    /// Reads `repair: {withinPeriods, maxPerMonth?}` and `repairs: [date | {date, at?}]` (`at` in
    /// `zone`); `repairs` need `repair`.
    pub fn read(input: &Json, zone: &Zone, earn: Option<EarnedFreezes>) -> Result<StreakExtras> {
        let policy = match input.opt("repair")? {
            None => None,
            Some(r) => {
                r.object()?;
                let within = r.field("withinPeriods")?.integer_in(1, 366)? as u32;
                let max_per_month = match r.opt("maxPerMonth")? {
                    None => None,
                    Some(m) => Some(m.integer_in(0, 31)? as u32),
                };
                Some(RepairPolicy {
                    within,
                    max_per_month,
                })
            }
        };
        let mut repairs = Vec::new();
        if let Some(list) = input.opt("repairs")? {
            if policy.is_none() {
                return Err(list.error(
                    ErrorCode::InvalidValue,
                    "`repairs` need `repair` ({withinPeriods, maxPerMonth?})",
                ));
            }
            let items = list.items()?;
            if items.len() > MAX_REPAIRS {
                return Err(list.error(ErrorCode::InvalidValue, "at most 1000 repairs"));
            }
            for item in items {
                repairs.push(read_repair(&item, zone)?);
            }
        }
        Ok(StreakExtras {
            earn,
            policy,
            repairs,
            repaired: Vec::new(),
        })
    }

    /// Whether period `index` is repaired.
    pub(super) fn is_repaired(&self, index: i64) -> bool {
        !self.repaired.is_empty() && self.repaired.binary_search(&index).is_ok()
    }

    /// The freezes the `kept`-th kept period earns.
    pub(super) fn earn_step(&self, kept: u32) -> u32 {
        self.earn.map_or(0, |e| e.step(kept))
    }

    /// Freezes earned by `kept` kept periods.
    pub(super) fn earned(&self, kept: u32) -> u32 {
        self.earn.map_or(0, |e| e.earned(kept))
    }
}

fn read_repair(item: &Json, zone: &Zone) -> Result<Repair> {
    if item.value().is_string() {
        return Ok(Repair {
            date: time::date(item)?,
            at: None,
        });
    }
    item.object()?;
    let at = match item.opt("at")? {
        None => None,
        Some(a) => Some(time::instant(&a, zone)?),
    };
    Ok(Repair {
        date: time::date(&item.field("date")?)?,
        at,
    })
}

impl StreakRequest {
    /// Computes the streak with earned freezes and repairs: first without repairs (which fixes
    /// where freezes go), then with the accepted ones, then the repairable latest break.
    pub(super) fn evaluate_repairs(&mut self) -> Streak {
        let plain = self.compute();
        let Some(policy) = self.extras.policy else {
            return plain;
        };
        let (accepted, rejected) = self.check_repairs(&plain, policy);
        let mut streak = if accepted.is_empty() {
            plain
        } else {
            self.extras.repaired = accepted;
            let mut streak = self.compute();
            for cell in &mut streak.periods {
                let index = parse_date(&cell.start).map(|d| self.calendar.index(d));
                if index.is_some_and(|p| self.extras.is_repaired(p)) {
                    cell.status = PeriodStatus::Repaired;
                }
            }
            streak
        };
        streak.repaired_dates = (self.extras.repaired.iter())
            .filter_map(|p| self.calendar.first_day(*p).map(time::format_date))
            .collect();
        streak.repairs_rejected = rejected;
        streak.repairable = self.repairable(&streak, policy);
        self.extras.repaired = Vec::new();
        streak
    }
}

pub(super) fn parse_date(text: &str) -> Option<NaiveDate> {
    time::parse_date_str(text)
}

/// A month key (year * 12 + month0) of a period's first day.
pub(super) fn month_of(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}
