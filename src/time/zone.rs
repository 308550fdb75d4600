//! Timezones: UTC, fixed offsets and IANA names (through a host-supplied [`ZoneDb`]).

use super::text::datetime_text;
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::civil::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// UTC offsets of one IANA zone.
pub trait ZoneRules {
    /// Seconds east of UTC in effect at the instant `utc_seconds` (Unix time).
    fn offset_at(&self, utc_seconds: i64) -> i32;
}

/// Looks up IANA zone names.
pub trait ZoneDb {
    /// The rules of `name`, or `None` when the name is unknown.
    fn zone(&self, name: &str) -> Option<Box<dyn ZoneRules>>;
}

enum ZoneKind {
    Fixed(i32),
    Rules(Box<dyn ZoneRules>),
}

/// A resolved timezone.
///
/// ```
/// use impactkit::time::{Zone, TzDatabase};
/// let ny = Zone::parse("America/New_York", &TzDatabase).unwrap();
/// let t = impactkit::time::parse_instant_str("2025-01-01T04:30:00Z", &ny).unwrap();
/// assert_eq!(ny.format(t), "2024-12-31T23:30:00-05:00");
/// ```
pub struct Zone {
    name: String,
    kind: ZoneKind,
}

impl Zone {
    /// UTC, the documented default when `timezone` is omitted.
    ///
    /// ```
    /// assert_eq!(impactkit::time::Zone::utc().name(), "UTC");
    /// ```
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".to_owned(),
            kind: ZoneKind::Fixed(0),
        }
    }

    /// Parses `UTC`, `Z`, a fixed offset (`+05:30`, `-04:00`, `+09`) or an IANA name.
    ///
    /// ```
    /// use impactkit::time::{Zone, TzDatabase};
    /// assert!(Zone::parse("+05:30", &TzDatabase).is_some());
    /// assert!(Zone::parse("Mars/Olympus_Mons", &TzDatabase).is_none());
    /// ```
    pub fn parse(name: &str, db: &dyn ZoneDb) -> Option<Zone> {
        if name.eq_ignore_ascii_case("UTC") || name == "Z" || name.eq_ignore_ascii_case("Etc/UTC") {
            return Some(Zone::utc());
        }
        if let Some(seconds) = parse_fixed_offset(name) {
            return Some(Zone {
                name: name.to_owned(),
                kind: ZoneKind::Fixed(seconds),
            });
        }
        if name.is_empty() || name.len() > 64 {
            return None;
        }
        db.zone(name).map(|rules| Zone {
            name: name.to_owned(),
            kind: ZoneKind::Rules(rules),
        })
    }

    /// Reads the optional `timezone` field of an input object (default `UTC`).
    pub fn from_field(parent: &Json, db: &dyn ZoneDb) -> Result<Zone> {
        match parent.opt("timezone")? {
            None => Ok(Zone::utc()),
            Some(field) => {
                let name = field.str()?;
                Zone::parse(name, db).ok_or_else(|| {
                    field.error(
                        ErrorCode::UnknownTimezone,
                        crate::error::Message::new("unknown timezone ").user(name).text(
                        ": use an IANA name like \"America/New_York\", \"UTC\" or an offset like \"+05:30\"",
                        ),
                    )
                })
            }
        }
    }

    /// The name the zone was given by.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Seconds east of UTC at `instant`.
    pub fn offset_at(&self, instant: DateTime<Utc>) -> i32 {
        self.offset_at_second(instant.timestamp())
    }

    /// Seconds east of UTC at the Unix second `utc_seconds`.
    fn offset_at_second(&self, utc_seconds: i64) -> i32 {
        match &self.kind {
            ZoneKind::Fixed(s) => *s,
            ZoneKind::Rules(rules) => rules.offset_at(utc_seconds),
        }
    }

    /// Local wall-clock time of `instant`.
    ///
    /// ```
    /// use impactkit::time::{Zone, TzDatabase, parse_instant_str};
    /// let berlin = Zone::parse("Europe/Berlin", &TzDatabase).unwrap();
    /// let t = parse_instant_str("2024-03-31T01:30:00Z", &berlin).unwrap();
    /// assert_eq!(impactkit::time::text::datetime_text(berlin.local(t)), "2024-03-31T03:30:00");
    /// ```
    pub fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.naive_utc() + Duration::seconds(i64::from(self.offset_at(instant)))
    }

    /// The local calendar date of `instant`.
    pub fn date_of(&self, instant: DateTime<Utc>) -> NaiveDate {
        self.day_and_second(instant).0
    }

    /// The local calendar date of `instant` and the second of that day (0–86,399), straight
    /// from the seconds (no wall-clock date-time built).
    ///
    /// ```
    /// use impactkit::time::{parse_instant_str, TzDatabase, Zone};
    /// let ny = Zone::parse("America/New_York", &TzDatabase).unwrap();
    /// let t = parse_instant_str("2025-03-10T03:30:00Z", &ny).unwrap();
    /// let (date, second) = ny.day_and_second(t);
    /// assert_eq!((date.to_string(), second), ("2025-03-09".to_owned(), 23 * 3600 + 30 * 60));
    /// ```
    pub fn day_and_second(&self, instant: DateTime<Utc>) -> (NaiveDate, u32) {
        use crate::time::civil::Timelike;
        // The UTC date moved by at most a day (offsets are under a day).
        let utc = instant.naive_utc();
        let second =
            i64::from(utc.num_seconds_from_midnight()) + i64::from(self.offset_at(instant));
        let date = match second {
            _ if !crate::FAST_PATHS => None,
            ..0 => utc.date().pred_opt(),
            86_400.. => utc.date().succ_opt(),
            _ => Some(utc.date()),
        };
        match date {
            Some(date) => (date, second.rem_euclid(86_400) as u32),
            None => {
                let wall = self.local(instant);
                (
                    wall.date(),
                    crate::time::civil::Timelike::num_seconds_from_midnight(&wall),
                )
            }
        }
    }

    /// The instant a local wall-clock time denotes.
    ///
    /// Ambiguous times (the repeated hour when clocks go back) take the
    /// earlier instant; times skipped when clocks go forward are moved forward
    /// by the gap (02:30 on a spring-forward night in Berlin is 03:30).
    ///
    /// ```
    /// use impactkit::time::{Zone, TzDatabase};
    /// let berlin = Zone::parse("Europe/Berlin", &TzDatabase).unwrap();
    /// let gap = impactkit::time::civil::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap().and_hms_opt(2, 30, 0).unwrap();
    /// assert_eq!(berlin.format(berlin.resolve_local(gap)), "2024-03-31T03:30:00+02:00");
    /// ```
    pub fn resolve_local(&self, local: NaiveDateTime) -> DateTime<Utc> {
        // In whole Unix seconds (offsets are whole seconds; the fraction stays as it is).
        let as_utc = local.and_utc();
        let wall = as_utc.timestamp();
        let before = self.offset_at_second(wall - 86_400);
        let after = self.offset_at_second(wall + 86_400);
        let valid = |offset: i32| self.offset_at_second(wall - i64::from(offset)) == offset;
        // The earlier instant is the one with the larger offset.
        let offset = match (valid(before), valid(after)) {
            (true, true) => before.max(after),
            (false, true) => after,
            _ => before,
        };
        as_utc - Duration::seconds(i64::from(offset))
    }

    /// The instant local `date` begins (00:00, or the first valid time after a gap).
    pub fn start_of_day(&self, date: NaiveDate) -> DateTime<Utc> {
        self.resolve_local(date.and_time(NaiveTime::MIN))
    }

    /// `t` moved on this zone's local calendar by `step` (chrono's `checked_add_days`,
    /// `checked_add_months`, …) and resolved back to an instant; `None` when the
    /// result is not [`Zone::writable`]. Every calendar arithmetic whose result
    /// is an output goes through here, so no function writes a year past 9999.
    ///
    /// ```
    /// use impactkit::time::{Zone, parse_instant_str};
    /// use impactkit::time::civil::Months;
    /// let t = parse_instant_str("2025-01-31T12:00:00Z", &Zone::utc()).unwrap();
    /// let next = Zone::utc().shift_local(t, |l| l.checked_add_months(Months::new(1))).unwrap();
    /// assert_eq!(Zone::utc().format(next), "2025-02-28T12:00:00Z");
    /// assert!(Zone::utc().shift_local(t, |l| l.checked_add_months(Months::new(100_000))).is_none());
    /// ```
    #[inline]
    pub fn shift_local(
        &self,
        t: DateTime<Utc>,
        step: impl FnOnce(NaiveDateTime) -> Option<NaiveDateTime>,
    ) -> Option<DateTime<Utc>> {
        self.resolve_writable(step(self.local(t))?)
    }

    /// [`Zone::resolve_local`], or `None` when the instant is not [`Zone::writable`].
    pub fn resolve_writable(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        // Checked before resolving: resolve_local looks a day either side.
        if !(MIN_WRITABLE_YEAR..=MAX_WRITABLE_YEAR).contains(&local.year()) {
            return None;
        }
        let moved = self.resolve_local(local);
        self.writable(moved).then_some(moved)
    }

    /// Whether [`Zone::format`] writes `t` as RFC 3339 that `new Date()` reads:
    /// its year in this zone (the one written) lies in 0000–9999.
    ///
    /// ```
    /// use impactkit::time::{Zone, parse_instant_str};
    /// let t = parse_instant_str("2200-12-31T23:59:59Z", &Zone::utc()).unwrap();
    /// assert!(Zone::utc().writable(t));
    /// assert!(!Zone::utc().writable(impactkit::time::civil::DateTime::from_timestamp(253_402_300_800, 0).unwrap())); // 10000-01-01
    /// ```
    pub fn writable(&self, t: DateTime<Utc>) -> bool {
        (MIN_WRITABLE_YEAR..=MAX_WRITABLE_YEAR).contains(&self.local(t).year())
    }

    /// Whether local `date` happened in this zone: not the calendar days a zone
    /// skipped when it moved across the date line (Pacific/Apia 2011-12-30,
    /// Pacific/Kiritimati 1994-12-31).
    ///
    /// ```
    /// use impactkit::time::{Zone, TzDatabase};
    /// let apia = Zone::parse("Pacific/Apia", &TzDatabase).unwrap();
    /// let day = |d| impactkit::time::civil::NaiveDate::from_ymd_opt(2011, 12, d).unwrap();
    /// assert!(apia.date_exists(day(29)) && !apia.date_exists(day(30)) && apia.date_exists(day(31)));
    /// ```
    pub fn date_exists(&self, date: NaiveDate) -> bool {
        match self.kind {
            ZoneKind::Fixed(_) => true,
            ZoneKind::Rules(_) => self.date_of(self.start_of_day(date)) == date,
        }
    }

    /// Whether this is UTC itself (formatted with `Z`).
    pub fn is_utc(&self) -> bool {
        self.name == "UTC"
    }

    /// RFC 3339 with seconds in this zone (and milliseconds `.SSS` when the
    /// instant has them, as seed 001 writes instants); `Z` for UTC.
    ///
    /// ```
    /// let utc = impactkit::time::Zone::utc();
    /// let t = impactkit::time::parse_instant_str("2025-03-15T10:30:00.250Z", &utc).unwrap();
    /// assert_eq!(utc.format(t), "2025-03-15T10:30:00.250Z");
    /// let t = impactkit::time::parse_instant_str("2025-03-15T10:30:00Z", &utc).unwrap();
    /// assert_eq!(utc.format(t), "2025-03-15T10:30:00Z");
    /// ```
    pub fn format(&self, instant: DateTime<Utc>) -> String {
        let mut stamp = datetime_text(self.local(instant));
        if self.is_utc() {
            stamp.push('Z');
            return stamp;
        }
        let offset = self.offset_at(instant);
        let abs = offset.unsigned_abs();
        let (h, m, s) = (abs / 3600, (abs % 3600) / 60, abs % 60);
        if s != 0 {
            // Local mean time offsets (before ~1900) carry seconds; RFC 3339 does not,
            // so such instants are given in UTC.
            let mut utc = datetime_text(instant.naive_utc());
            utc.push('Z');
            return utc;
        }
        stamp.push(if offset < 0 { '-' } else { '+' });
        crate::numbers::push_digits(&mut stamp, u128::from(h), 2);
        stamp.push(':');
        crate::numbers::push_digits(&mut stamp, u128::from(m), 2);
        stamp
    }
}

pub(super) fn parse_fixed_offset(name: &str) -> Option<i32> {
    let (sign, rest) = if let Some(rest) = name.strip_prefix('+') {
        (1, rest)
    } else {
        (-1, name.strip_prefix('-')?)
    };
    let (h, m) = match rest.len() {
        2 => (rest, "00"),
        4 => (rest.get(0..2)?, rest.get(2..4)?),
        5 if rest.as_bytes().get(2) == Some(&b':') => (rest.get(0..2)?, rest.get(3..5)?),
        _ => return None,
    };
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |text: &str| text.bytes().fold(0, |n, b| n * 10 + i32::from(b - b'0'));
    let (h, m) = (number(h), number(m));
    if h > 18 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

/// The years RFC 3339 (four digits) and `new Date()` read: output instants stay within them.
const MIN_WRITABLE_YEAR: i32 = 0;
/// See [`MIN_WRITABLE_YEAR`].
const MAX_WRITABLE_YEAR: i32 = 9999;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::time::TzDatabase;

    /// The date and second from the seconds are the wall clock's, on both sides of every
    /// midnight, in zones far east and west of UTC and across transitions.
    #[test]
    fn day_and_second_is_the_wall_clock() {
        for name in [
            "America/New_York",
            "Pacific/Kiritimati",
            "Pacific/Pago_Pago",
            "America/St_Johns",
            "UTC",
        ] {
            let zone = Zone::parse(name, &TzDatabase).unwrap();
            for t in (1_400_000_000..1_500_000_000).step_by(3_599) {
                let at = DateTime::from_timestamp(t, 0).unwrap();
                let wall = zone.local(at);
                let expected = (
                    wall.date(),
                    crate::time::civil::Timelike::num_seconds_from_midnight(&wall),
                );
                assert_eq!(zone.day_and_second(at), expected, "{name} at {t}");
            }
        }
    }
}
