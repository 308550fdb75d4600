//! `Duration`: a signed span of time, as seconds and nanoseconds (chrono's `TimeDelta`).

use core::ops::{Add, Neg, Sub};

pub(super) const NANOS_PER_SECOND: u32 = 1_000_000_000;
/// chrono's bound: a duration is at most `i64::MAX` milliseconds either way.
const MAX_SECONDS: i64 = i64::MAX / 1000;

/// A signed span of time: `seconds` and `nanos` (0..1e9) after them, so −1.5 s is
/// (−2 s, 500,000,000 ns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    seconds: i64,
    nanos: u32,
}

impl Duration {
    /// `seconds` + `nanos` (which may be a second or more).
    pub(super) const fn new(seconds: i64, nanos: u32) -> Duration {
        Duration {
            seconds: seconds.saturating_add((nanos / NANOS_PER_SECOND) as i64),
            nanos: nanos % NANOS_PER_SECOND,
        }
    }

    /// (seconds, nanoseconds 0..1e9).
    pub(super) const fn parts(self) -> (i64, u32) {
        (self.seconds, self.nanos)
    }

    /// No time.
    pub const fn zero() -> Duration {
        Duration::new(0, 0)
    }

    /// `seconds` seconds.
    pub const fn seconds(seconds: i64) -> Duration {
        Duration::new(seconds, 0)
    }

    /// `seconds` seconds, if within chrono's bound (`i64::MAX` milliseconds).
    pub const fn try_seconds(seconds: i64) -> Option<Duration> {
        if seconds < -MAX_SECONDS || seconds > MAX_SECONDS {
            return None;
        }
        Some(Duration::seconds(seconds))
    }

    /// `minutes` minutes.
    pub const fn minutes(minutes: i64) -> Duration {
        Duration::seconds(minutes.saturating_mul(60))
    }

    /// `hours` hours.
    pub const fn hours(hours: i64) -> Duration {
        Duration::seconds(hours.saturating_mul(3600))
    }

    /// `days` days of 24 hours.
    pub const fn days(days: i64) -> Duration {
        Duration::seconds(days.saturating_mul(86_400))
    }

    /// `millis` milliseconds.
    pub const fn milliseconds(millis: i64) -> Duration {
        Duration::new(
            millis.div_euclid(1000),
            millis.rem_euclid(1000) as u32 * 1_000_000,
        )
    }

    /// Whole seconds, rounded towards zero.
    pub const fn num_seconds(&self) -> i64 {
        if self.seconds < 0 && self.nanos > 0 {
            self.seconds + 1
        } else {
            self.seconds
        }
    }

    /// Whole milliseconds, rounded towards zero.
    pub const fn num_milliseconds(&self) -> i64 {
        let subsec_nanos = if self.seconds < 0 && self.nanos > 0 {
            self.nanos as i64 - NANOS_PER_SECOND as i64
        } else {
            self.nanos as i64
        };
        // (Saturating: spans past chrono's `i64::MAX` milliseconds, which chrono cannot build,
        // stay at the ends.)
        (self.num_seconds().saturating_mul(1000)).saturating_add(subsec_nanos / 1_000_000)
    }

    /// Whole minutes, rounded towards zero.
    pub const fn num_minutes(&self) -> i64 {
        self.num_seconds() / 60
    }

    /// Whole hours, rounded towards zero.
    pub const fn num_hours(&self) -> i64 {
        self.num_seconds() / 3600
    }

    /// Whole days of 24 hours, rounded towards zero.
    pub const fn num_days(&self) -> i64 {
        self.num_seconds() / 86_400
    }

    /// The length of this span, without its sign.
    pub fn abs(self) -> Duration {
        if self.seconds < 0 {
            -self
        } else {
            self
        }
    }
}

impl Neg for Duration {
    type Output = Duration;

    fn neg(self) -> Duration {
        match self.nanos {
            0 => Duration::new(self.seconds.saturating_neg(), 0),
            nanos => Duration::new(
                self.seconds.saturating_neg().saturating_sub(1),
                NANOS_PER_SECOND - nanos,
            ),
        }
    }
}

impl Add for Duration {
    type Output = Duration;

    fn add(self, other: Duration) -> Duration {
        Duration::new(
            self.seconds.saturating_add(other.seconds),
            self.nanos + other.nanos,
        )
    }
}

impl Sub for Duration {
    type Output = Duration;

    fn sub(self, other: Duration) -> Duration {
        self + -other
    }
}
