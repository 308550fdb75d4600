//! Calendar periods numbered consecutively (days, weeks, months), used by streaks and by the
//! badge rules' `streak` and `period` measures, so a run of periods is a run of integers.

use crate::time::civil::{Datelike, NaiveDate};

/// The length of one calendar period (one streak step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar days in the customer's timezone.
    Day,
    /// Calendar weeks starting on [`Calendar::week_start`].
    Week,
    /// Calendar months.
    Month,
}

/// The first day of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekStart {
    /// ISO weeks (default).
    Monday,
    /// US-style weeks.
    Sunday,
}

/// Numbers calendar periods consecutively, so a streak is a run of integers.
///
/// ```
/// use impactkit::time::calendar::{Calendar, Period, WeekStart};
/// use impactkit::time::civil::NaiveDate;
/// let weeks = Calendar { period: Period::Week, week_start: WeekStart::Sunday };
/// let sat = NaiveDate::from_ymd_opt(2025, 3, 15).unwrap();
/// let sun = NaiveDate::from_ymd_opt(2025, 3, 16).unwrap();
/// assert_eq!(weeks.index(sun), weeks.index(sat) + 1);
/// assert_eq!(weeks.first_day(weeks.index(sat)), NaiveDate::from_ymd_opt(2025, 3, 9));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    /// Day, week or month.
    pub period: Period,
    /// First day of a week (weekly streaks only).
    pub week_start: WeekStart,
}

impl Calendar {
    fn week_offset(&self) -> i64 {
        // Day 1 of the common era (0001-01-01) is a Monday; day 0 a Sunday.
        match self.week_start {
            WeekStart::Monday => 1,
            WeekStart::Sunday => 0,
        }
    }

    /// The number of the period `date` falls in.
    pub fn index(&self, date: NaiveDate) -> i64 {
        let day = i64::from(date.num_days_from_ce());
        match self.period {
            Period::Day => day,
            Period::Week => (day - self.week_offset()).div_euclid(7),
            Period::Month => i64::from(date.year()) * 12 + i64::from(date.month0()),
        }
    }

    /// The first day of period `index`.
    pub fn first_day(&self, index: i64) -> Option<NaiveDate> {
        let from_day = |d: i64| NaiveDate::from_num_days_from_ce_opt(i32::try_from(d).ok()?);
        match self.period {
            Period::Day => from_day(index),
            Period::Week => from_day(index.checked_mul(7)?.checked_add(self.week_offset())?),
            Period::Month => NaiveDate::from_ymd_opt(
                i32::try_from(index.div_euclid(12)).ok()?,
                u32::try_from(index.rem_euclid(12)).ok()? + 1,
                1,
            ),
        }
    }
}
