//! Talon.One's period syntax (`3M_U`) and `periodEndOverride` time points.

use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::civil::{Datelike, Days, Months, NaiveDate};

/// The unit of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `s`
    Second,
    /// `m`
    Minute,
    /// `h`
    Hour,
    /// `D`: local calendar days.
    Day,
    /// `W`: 7 local calendar days; weeks run Monday–Sunday for `_U` and overrides.
    Week,
    /// `M`: calendar months (clamped to the month's last day).
    Month,
    /// `Y`: calendar years (Feb 29 + 1Y = Feb 28).
    Year,
}

/// How a period's end is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// No suffix: exactly start + period.
    Exact,
    /// `_U`: extended to the end of that day, week, month or year (shown as 23:59:59).
    EndOfUnit,
    /// `_D` (days only): rounded down to the start of that day.
    StartOfDay,
}

/// A parsed Talon.One period such as `3M_U`.
///
/// ```
/// use impactkit::achievements::{PeriodSpec, Unit, Rounding};
/// let p = PeriodSpec::parse("3M_U").unwrap();
/// assert_eq!((p.amount, p.unit, p.rounding), (3, Unit::Month, Rounding::EndOfUnit));
/// assert!(PeriodSpec::parse("3X").is_none());
/// assert!(PeriodSpec::parse("2h_U").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodSpec {
    /// How many units (1 – 1,000,000).
    pub amount: u32,
    /// The unit.
    pub unit: Unit,
    /// End rounding.
    pub rounding: Rounding,
}

impl PeriodSpec {
    /// Parses `<positive integer><s|m|h|D|W|M|Y>[_U|_D]`.
    pub fn parse(text: &str) -> Option<PeriodSpec> {
        let (body, rounding) = if let Some(b) = text.strip_suffix("_U") {
            (b, Rounding::EndOfUnit)
        } else if let Some(b) = text.strip_suffix("_D") {
            (b, Rounding::StartOfDay)
        } else {
            (text, Rounding::Exact)
        };
        let unit_char = body.chars().last()?;
        let digits = body.get(..body.len() - unit_char.len_utf8())?;
        if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let amount: u32 = digits.parse().ok()?;
        let unit = match unit_char {
            's' => Unit::Second,
            'm' => Unit::Minute,
            'h' => Unit::Hour,
            'D' => Unit::Day,
            'W' => Unit::Week,
            'M' => Unit::Month,
            'Y' => Unit::Year,
            _ => return None,
        };
        let rounding_ok = match rounding {
            Rounding::Exact => true,
            Rounding::EndOfUnit => !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour),
            Rounding::StartOfDay => unit == Unit::Day,
        };
        (rounding_ok && (1..=1_000_000).contains(&amount)).then_some(PeriodSpec {
            amount,
            unit,
            rounding,
        })
    }

    pub(super) fn seconds(&self) -> Option<i64> {
        let unit = match self.unit {
            Unit::Second => 1,
            Unit::Minute => 60,
            Unit::Hour => 3600,
            _ => return None,
        };
        Some(i64::from(self.amount) * unit)
    }
}

/// Talon.One's `periodEndOverride`: the time point the window ends at, within
/// the day / week / month / year that start + period falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimePoint {
    /// Month 1–12 (`Y` periods).
    pub month: u32,
    /// Day of the month 1–31, clamped to the month's length (`M` and `Y` periods).
    pub day_of_month: u32,
    /// 1 = Monday … 7 = Sunday (`W` periods).
    pub day_of_week: u32,
    /// Hour 0–23.
    pub hour: u32,
    /// Minute 0–59.
    pub minute: u32,
    /// Second 0–59.
    pub second: u32,
}

impl TimePoint {
    pub(super) fn from_json(j: &Json, unit: Unit) -> Result<TimePoint> {
        let int = |key: &str, lo: i64, hi: i64| -> Result<u32> {
            Ok(j.field(key)?.integer_in(lo, hi)? as u32)
        };
        let mut point = TimePoint {
            month: 1,
            day_of_month: 1,
            day_of_week: 1,
            hour: int("hour", 0, 23)?,
            minute: int("minute", 0, 59)?,
            second: int("second", 0, 59)?,
        };
        match unit {
            Unit::Week => point.day_of_week = int("dayOfWeek", 1, 7)?,
            Unit::Month => point.day_of_month = int("dayOfMonth", 1, 31)?,
            Unit::Year => {
                point.month = int("month", 1, 12)?;
                point.day_of_month = int("dayOfMonth", 1, 31)?;
            }
            Unit::Day => {}
            Unit::Second | Unit::Minute | Unit::Hour => {
                return Err(j.error(
                    ErrorCode::InvalidValue,
                    "periodEndOverride needs a period in D, W, M or Y",
                ))
            }
        }
        Ok(point)
    }

    /// The date of this point within the unit containing `date`.
    pub(super) fn date_in(&self, date: NaiveDate, unit: Unit) -> Option<NaiveDate> {
        match unit {
            Unit::Week => {
                let monday = date - Days::new(u64::from(date.weekday().num_days_from_monday()));
                monday.checked_add_days(Days::new(u64::from(self.day_of_week - 1)))
            }
            Unit::Month => clamped(date.year(), date.month(), self.day_of_month),
            Unit::Year => clamped(date.year(), self.month, self.day_of_month),
            _ => Some(date),
        }
    }
}

fn clamped(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    first.checked_add_days(Days::new(u64::from(day.min(last.day()) - 1)))
}

pub(super) fn last_day_of_unit(date: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Week => date.checked_add_days(Days::new(
            6 - u64::from(date.weekday().num_days_from_monday()),
        )),
        Unit::Month => clamped(date.year(), date.month(), 31),
        Unit::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31),
        _ => Some(date),
    }
}
