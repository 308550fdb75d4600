//! `NaiveDate`: a proleptic Gregorian date as its day number.

use super::clock::{NaiveDateTime, NaiveTime};
use super::duration::Duration;
use super::{civil_from_days, days_from_civil, days_in_month, DAY_SECONDS};
use core::fmt;
use core::ops::{Add, Sub};

/// A calendar date without a timezone, like chrono's (years −262143..=262142).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NaiveDate(i32);

/// chrono's first year.
const MIN_YEAR: i32 = -262_143;
/// chrono's last year.
const MAX_YEAR: i32 = 262_142;
/// The first day number chrono's dates reach (−262143-01-01).
const MIN_DAY: i32 = days_from_civil(MIN_YEAR, 1, 1);
/// The last one (+262142-12-31).
const MAX_DAY: i32 = days_from_civil(MAX_YEAR, 12, 31);
/// 0001-01-01 is day 1 of the common era (chrono's `num_days_from_ce`).
const CE_OFFSET: i32 = 1 - days_from_civil(1, 1, 1);

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// The day `days` (taken modulo 7) after a Monday.
    const fn after_monday(days: u32) -> Weekday {
        match days % 7 {
            0 => Weekday::Mon,
            1 => Weekday::Tue,
            2 => Weekday::Wed,
            3 => Weekday::Thu,
            4 => Weekday::Fri,
            5 => Weekday::Sat,
            _ => Weekday::Sun,
        }
    }

    /// Monday 0 … Sunday 6.
    pub const fn num_days_from_monday(self) -> u32 {
        self as u32
    }

    /// Monday 1 … Sunday 7.
    pub const fn number_from_monday(self) -> u32 {
        self as u32 + 1
    }

    /// Sunday 0 … Saturday 6.
    pub const fn num_days_from_sunday(self) -> u32 {
        (self as u32 + 1) % 7
    }

    /// The next day of the week.
    pub const fn succ(self) -> Weekday {
        Weekday::after_monday(self as u32 + 1)
    }

    /// The previous day of the week.
    pub const fn pred(self) -> Weekday {
        Weekday::after_monday(self as u32 + 6)
    }
}

/// A number of days to add to or subtract from a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Days(u64);

impl Days {
    /// `days` days.
    pub const fn new(days: u64) -> Days {
        Days(days)
    }
}

/// A number of calendar months to add to or subtract from a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Months(u32);

impl Months {
    /// `months` months.
    pub const fn new(months: u32) -> Months {
        Months(months)
    }
}

/// The calendar parts of a date (or of a date-time's date), as chrono's trait of the name.
pub trait Datelike {
    /// The date itself.
    fn date_part(&self) -> NaiveDate;

    /// The year (1 BCE is 0).
    fn year(&self) -> i32 {
        self.date_part().ymd().0
    }

    /// The month, 1..=12.
    fn month(&self) -> u32 {
        self.date_part().ymd().1
    }

    /// The month, 0..=11.
    fn month0(&self) -> u32 {
        self.month() - 1
    }

    /// The day of the month, 1..=31.
    fn day(&self) -> u32 {
        self.date_part().ymd().2
    }

    /// The day of the year, 1..=366.
    fn ordinal(&self) -> u32 {
        let date = self.date_part();
        (date.0 - days_from_civil(date.year(), 1, 1) + 1) as u32
    }

    /// The day of the week.
    fn weekday(&self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::after_monday((self.date_part().0 + 3).rem_euclid(7) as u32)
    }

    /// Days since 0001-01-01, which is day 1.
    fn num_days_from_ce(&self) -> i32 {
        self.date_part().0 + CE_OFFSET
    }
}

impl Datelike for NaiveDate {
    fn date_part(&self) -> NaiveDate {
        *self
    }
}

impl NaiveDate {
    /// The earliest date.
    pub const MIN: NaiveDate = NaiveDate(MIN_DAY);
    /// The latest date.
    pub const MAX: NaiveDate = NaiveDate(MAX_DAY);
    /// 1970-01-01's day of the common era ([`Datelike::num_days_from_ce`]).
    pub const UNIX_EPOCH_CE_DAY: i32 = CE_OFFSET;

    /// The date of day number `days` (days since 1970-01-01), if within the supported years.
    pub const fn from_epoch_days(days: i64) -> Option<NaiveDate> {
        if days < MIN_DAY as i64 || days > MAX_DAY as i64 {
            return None;
        }
        Some(NaiveDate(days as i32))
    }

    /// The date of day number `days`, which the caller has checked.
    pub(super) const fn at_epoch_day(days: i32) -> NaiveDate {
        NaiveDate(days)
    }

    /// Days since 1970-01-01 (negative before).
    pub const fn epoch_days(self) -> i32 {
        self.0
    }

    /// The date `year`-`month`-`day`, if it exists.
    pub const fn from_ymd_opt(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        if month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        if year < MIN_YEAR || year > MAX_YEAR {
            return None;
        }
        Some(NaiveDate(days_from_civil(year, month, day)))
    }

    /// The date that is day `days` of the common era (0001-01-01 is day 1).
    pub const fn from_num_days_from_ce_opt(days: i32) -> Option<NaiveDate> {
        NaiveDate::from_epoch_days(days as i64 - CE_OFFSET as i64)
    }

    /// (year, month, day).
    fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// This date in another day of the same month, if that day exists.
    pub fn with_day(self, day: u32) -> Option<NaiveDate> {
        let (year, month, _) = self.ymd();
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// The date `days` days later, if within the supported years.
    pub fn checked_add_days(self, days: Days) -> Option<NaiveDate> {
        let days = i64::try_from(days.0).ok()?;
        NaiveDate::from_epoch_days(self.0 as i64 + days)
    }

    /// The date `days` days earlier, if within the supported years.
    pub fn checked_sub_days(self, days: Days) -> Option<NaiveDate> {
        let days = i64::try_from(days.0).ok()?;
        NaiveDate::from_epoch_days(self.0 as i64 - days)
    }

    /// The same day `months` later, or that month's last day when it is shorter.
    pub fn checked_add_months(self, months: Months) -> Option<NaiveDate> {
        self.shift_months(i64::from(months.0))
    }

    /// The same day `months` earlier, or that month's last day when it is shorter.
    pub fn checked_sub_months(self, months: Months) -> Option<NaiveDate> {
        self.shift_months(-i64::from(months.0))
    }

    fn shift_months(self, months: i64) -> Option<NaiveDate> {
        let (year, month, day) = self.ymd();
        let index = i64::from(year) * 12 + i64::from(month) - 1 + months;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = index.rem_euclid(12) as u32 + 1;
        NaiveDate::from_ymd_opt(year, month, day.min(days_in_month(year, month)))
    }

    /// The next day.
    pub fn succ_opt(self) -> Option<NaiveDate> {
        NaiveDate::from_epoch_days(self.0 as i64 + 1)
    }

    /// The previous day.
    pub fn pred_opt(self) -> Option<NaiveDate> {
        NaiveDate::from_epoch_days(self.0 as i64 - 1)
    }

    /// This date at `time`.
    pub const fn and_time(self, time: NaiveTime) -> NaiveDateTime {
        NaiveDateTime::new(self, time)
    }

    /// This date at `hour`:`minute`:`second`, if that is a time of day.
    pub fn and_hms_opt(self, hour: u32, minute: u32, second: u32) -> Option<NaiveDateTime> {
        Some(self.and_time(NaiveTime::from_hms_opt(hour, minute, second)?))
    }

    /// `self - other` in whole days.
    pub fn signed_duration_since(self, other: NaiveDate) -> Duration {
        Duration::seconds((i64::from(self.0) - i64::from(other.0)) * DAY_SECONDS)
    }
}

impl Sub for NaiveDate {
    type Output = Duration;

    fn sub(self, other: NaiveDate) -> Duration {
        self.signed_duration_since(other)
    }
}

/// `+ Days`; a result after the supported years is their last day (chrono panics there).
impl Add<Days> for NaiveDate {
    type Output = NaiveDate;

    fn add(self, days: Days) -> NaiveDate {
        self.checked_add_days(days).unwrap_or(NaiveDate::MAX)
    }
}

/// `+ Months` ([`NaiveDate::checked_add_months`]); after the supported years, their last day.
impl Add<Months> for NaiveDate {
    type Output = NaiveDate;

    fn add(self, months: Months) -> NaiveDate {
        self.checked_add_months(months).unwrap_or(NaiveDate::MAX)
    }
}

/// `- Days`; a result before the supported years is their first day (chrono panics there).
impl Sub<Days> for NaiveDate {
    type Output = NaiveDate;

    fn sub(self, days: Days) -> NaiveDate {
        self.checked_sub_days(days).unwrap_or(NaiveDate::MIN)
    }
}

impl fmt::Debug for NaiveDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}-{month:02}-{day:02}")
        } else {
            write!(f, "{year:+05}-{month:02}-{day:02}")
        }
    }
}

impl fmt::Display for NaiveDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
