//! Times of day, local date-times and instants, as seconds and nanoseconds.

use super::date::{Datelike, Days, Months, NaiveDate};
use super::duration::{Duration, NANOS_PER_SECOND};
use super::DAY_SECONDS;
use core::fmt;
use core::marker::PhantomData;
use core::ops::{Add, Sub};

/// A time of day (no leap seconds: a text's `:60` is read as the minute's last instant).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NaiveTime {
    seconds: u32,
    nanos: u32,
}

impl NaiveTime {
    /// Midnight.
    pub const MIN: NaiveTime = NaiveTime {
        seconds: 0,
        nanos: 0,
    };

    /// The last instant of a day (23:59:59.999999999).
    pub const LAST: NaiveTime = NaiveTime {
        seconds: DAY_SECONDS as u32 - 1,
        nanos: NANOS_PER_SECOND - 1,
    };

    /// `hour`:`minute`:`second` and `nano` nanoseconds, if that is a time of day.
    pub const fn from_hms_nano_opt(
        hour: u32,
        minute: u32,
        second: u32,
        nano: u32,
    ) -> Option<NaiveTime> {
        if hour >= 24 || minute >= 60 || second >= 60 || nano >= NANOS_PER_SECOND {
            return None;
        }
        Some(NaiveTime {
            seconds: hour * 3600 + minute * 60 + second,
            nanos: nano,
        })
    }

    /// `hour`:`minute`:`second`.`milli`, if that is a time of day.
    pub const fn from_hms_milli_opt(
        hour: u32,
        minute: u32,
        second: u32,
        milli: u32,
    ) -> Option<NaiveTime> {
        if milli >= 1000 {
            return None;
        }
        NaiveTime::from_hms_nano_opt(hour, minute, second, milli * 1_000_000)
    }

    /// `hour`:`minute`:`second`, if that is a time of day.
    pub const fn from_hms_opt(hour: u32, minute: u32, second: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_nano_opt(hour, minute, second, 0)
    }

    /// The time `seconds` after midnight plus `nano` nanoseconds, if within the day.
    pub const fn from_num_seconds_from_midnight_opt(seconds: u32, nano: u32) -> Option<NaiveTime> {
        if seconds >= DAY_SECONDS as u32 || nano >= NANOS_PER_SECOND {
            return None;
        }
        Some(NaiveTime {
            seconds,
            nanos: nano,
        })
    }
}

/// The clock parts of a time (or of a date-time's time), as chrono's trait of the name.
pub trait Timelike {
    /// The time itself.
    fn time_part(&self) -> NaiveTime;

    /// Seconds since midnight.
    fn num_seconds_from_midnight(&self) -> u32 {
        self.time_part().seconds
    }

    /// The hour, 0..=23.
    fn hour(&self) -> u32 {
        self.num_seconds_from_midnight() / 3600
    }

    /// The minute, 0..=59.
    fn minute(&self) -> u32 {
        self.num_seconds_from_midnight() / 60 % 60
    }

    /// The second, 0..=59.
    fn second(&self) -> u32 {
        self.num_seconds_from_midnight() % 60
    }

    /// Nanoseconds past the second.
    fn nanosecond(&self) -> u32 {
        self.time_part().nanos
    }
}

impl Timelike for NaiveTime {
    fn time_part(&self) -> NaiveTime {
        *self
    }
}

/// A date and time of day without a timezone: seconds since 1970-01-01T00:00:00 on the same
/// wall clock, and nanoseconds.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NaiveDateTime {
    seconds: i64,
    nanos: u32,
}

impl NaiveDateTime {
    /// `date` at `time`.
    pub const fn new(date: NaiveDate, time: NaiveTime) -> NaiveDateTime {
        NaiveDateTime {
            seconds: date.epoch_days() as i64 * DAY_SECONDS + time.seconds as i64,
            nanos: time.nanos,
        }
    }

    /// The date-time `seconds` (and `nanos`) after 1970-01-01T00:00:00, if its date is within
    /// the supported years.
    const fn from_parts(seconds: i64, nanos: u32) -> Option<NaiveDateTime> {
        match NaiveDate::from_epoch_days(seconds.div_euclid(DAY_SECONDS)) {
            Some(_) => Some(NaiveDateTime { seconds, nanos }),
            None => None,
        }
    }

    /// The date.
    pub const fn date(&self) -> NaiveDate {
        NaiveDate::at_epoch_day(self.seconds.div_euclid(DAY_SECONDS) as i32)
    }

    /// The time of day.
    pub const fn time(&self) -> NaiveTime {
        NaiveTime {
            seconds: self.seconds.rem_euclid(DAY_SECONDS) as u32,
            nanos: self.nanos,
        }
    }

    /// This wall-clock time read in UTC.
    pub const fn and_utc(self) -> DateTime<Utc> {
        DateTime {
            utc: self,
            zone: PhantomData,
        }
    }

    /// `self + duration`, if within the supported years.
    pub fn checked_add_signed(self, duration: Duration) -> Option<NaiveDateTime> {
        let (seconds, nanos) = duration.parts();
        let mut seconds = self.seconds.checked_add(seconds)?;
        let mut nanos = self.nanos + nanos;
        if nanos >= NANOS_PER_SECOND {
            nanos -= NANOS_PER_SECOND;
            seconds = seconds.checked_add(1)?;
        }
        NaiveDateTime::from_parts(seconds, nanos)
    }

    /// `self - duration`, if within the supported years.
    pub fn checked_sub_signed(self, duration: Duration) -> Option<NaiveDateTime> {
        self.checked_add_signed(-duration)
    }

    /// The same time of day `days` later, if within the supported years.
    pub fn checked_add_days(self, days: Days) -> Option<NaiveDateTime> {
        Some(self.date().checked_add_days(days)?.and_time(self.time()))
    }

    /// The same time of day `days` earlier, if within the supported years.
    pub fn checked_sub_days(self, days: Days) -> Option<NaiveDateTime> {
        Some(self.date().checked_sub_days(days)?.and_time(self.time()))
    }

    /// The same time of day `months` later (on that month's last day when it is shorter).
    pub fn checked_add_months(self, months: Months) -> Option<NaiveDateTime> {
        Some(
            self.date()
                .checked_add_months(months)?
                .and_time(self.time()),
        )
    }

    /// The same time of day `months` earlier (on that month's last day when it is shorter).
    pub fn checked_sub_months(self, months: Months) -> Option<NaiveDateTime> {
        Some(
            self.date()
                .checked_sub_months(months)?
                .and_time(self.time()),
        )
    }

    /// `self - other`.
    pub fn signed_duration_since(self, other: NaiveDateTime) -> Duration {
        match self.nanos.checked_sub(other.nanos) {
            Some(nanos) => Duration::new(self.seconds - other.seconds, nanos),
            None => Duration::new(
                self.seconds - other.seconds - 1,
                self.nanos + NANOS_PER_SECOND - other.nanos,
            ),
        }
    }
}

impl Datelike for NaiveDateTime {
    fn date_part(&self) -> NaiveDate {
        self.date()
    }
}

impl Timelike for NaiveDateTime {
    fn time_part(&self) -> NaiveTime {
        self.time()
    }
}

/// `+ Duration`; a result beyond the supported years stays at the nearest end of them (chrono
/// panics there; the engine only adds durations it has checked).
impl Add<Duration> for NaiveDateTime {
    type Output = NaiveDateTime;

    fn add(self, duration: Duration) -> NaiveDateTime {
        self.checked_add_signed(duration)
            .unwrap_or(if duration < Duration::zero() {
                NaiveDate::MIN.and_time(NaiveTime::MIN)
            } else {
                NaiveDate::MAX.and_time(NaiveTime::LAST)
            })
    }
}

impl Sub<Duration> for NaiveDateTime {
    type Output = NaiveDateTime;

    fn sub(self, duration: Duration) -> NaiveDateTime {
        self + -duration
    }
}

impl Sub for NaiveDateTime {
    type Output = Duration;

    fn sub(self, other: NaiveDateTime) -> Duration {
        self.signed_duration_since(other)
    }
}

/// The UTC timezone (the only one instants carry here; others are [`crate::time::Zone`]s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Utc;

/// An instant, as chrono's `DateTime<Utc>`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DateTime<Z> {
    utc: NaiveDateTime,
    zone: PhantomData<Z>,
}

impl DateTime<Utc> {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: DateTime<Utc> = NaiveDateTime {
        seconds: 0,
        nanos: 0,
    }
    .and_utc();

    /// The instant `seconds` (and `nanos`) after the Unix epoch, if within the supported years.
    pub const fn from_timestamp(seconds: i64, nanos: u32) -> Option<DateTime<Utc>> {
        if nanos >= NANOS_PER_SECOND {
            return None;
        }
        match NaiveDateTime::from_parts(seconds, nanos) {
            Some(utc) => Some(utc.and_utc()),
            None => None,
        }
    }

    /// The instant `millis` milliseconds after the Unix epoch, if within the supported years.
    pub const fn from_timestamp_millis(millis: i64) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(
            millis.div_euclid(1000),
            millis.rem_euclid(1000) as u32 * 1_000_000,
        )
    }

    /// Seconds since the Unix epoch (rounded down).
    pub const fn timestamp(&self) -> i64 {
        self.utc.seconds
    }

    /// Milliseconds since the Unix epoch (rounded down).
    pub const fn timestamp_millis(&self) -> i64 {
        self.utc.seconds * 1000 + (self.utc.nanos / 1_000_000) as i64
    }

    /// Microseconds since the Unix epoch (rounded down).
    pub const fn timestamp_micros(&self) -> i64 {
        self.utc.seconds * 1_000_000 + (self.utc.nanos / 1000) as i64
    }

    /// Milliseconds past the second.
    pub const fn timestamp_subsec_millis(&self) -> u32 {
        self.utc.nanos / 1_000_000
    }

    /// Nanoseconds past the second.
    pub const fn timestamp_subsec_nanos(&self) -> u32 {
        self.utc.nanos
    }

    /// The UTC date.
    pub const fn date_naive(&self) -> NaiveDate {
        self.utc.date()
    }

    /// The UTC wall-clock time.
    pub const fn naive_utc(&self) -> NaiveDateTime {
        self.utc
    }

    /// The UTC time of day.
    pub const fn time(&self) -> NaiveTime {
        self.utc.time()
    }

    /// `self + duration`, if within the supported years.
    pub fn checked_add_signed(self, duration: Duration) -> Option<DateTime<Utc>> {
        Some(self.utc.checked_add_signed(duration)?.and_utc())
    }

    /// `self - duration`, if within the supported years.
    pub fn checked_sub_signed(self, duration: Duration) -> Option<DateTime<Utc>> {
        Some(self.utc.checked_sub_signed(duration)?.and_utc())
    }

    /// `self - other`.
    pub fn signed_duration_since(self, other: DateTime<Utc>) -> Duration {
        self.utc.signed_duration_since(other.utc)
    }
}

impl Datelike for DateTime<Utc> {
    fn date_part(&self) -> NaiveDate {
        self.utc.date()
    }
}

impl Timelike for DateTime<Utc> {
    fn time_part(&self) -> NaiveTime {
        self.utc.time()
    }
}

impl Add<Duration> for DateTime<Utc> {
    type Output = DateTime<Utc>;

    fn add(self, duration: Duration) -> DateTime<Utc> {
        (self.utc + duration).and_utc()
    }
}

impl Sub<Duration> for DateTime<Utc> {
    type Output = DateTime<Utc>;

    fn sub(self, duration: Duration) -> DateTime<Utc> {
        (self.utc - duration).and_utc()
    }
}

impl Sub for DateTime<Utc> {
    type Output = Duration;

    fn sub(self, other: DateTime<Utc>) -> Duration {
        self.signed_duration_since(other)
    }
}

impl fmt::Debug for NaiveTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.hour(), self.minute(), self.second());
        write!(f, "{h:02}:{m:02}:{s:02}")?;
        match self.nanos {
            0 => Ok(()),
            n if n % 1_000_000 == 0 => write!(f, ".{:03}", n / 1_000_000),
            n if n % 1000 == 0 => write!(f, ".{:06}", n / 1000),
            n => write!(f, ".{n:09}"),
        }
    }
}

impl fmt::Debug for NaiveDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}T{:?}", self.date(), self.time())
    }
}

impl fmt::Debug for DateTime<Utc> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}Z", self.utc)
    }
}
