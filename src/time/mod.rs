//! Time as an input: instants, calendar dates and timezones.
//!
//! Nothing here reads the clock (chrono is built without its `clock`
//! feature). Timezones are `UTC`, fixed offsets (`+05:30`) or IANA names; IANA
//! names are resolved through a [`ZoneDb`] supplied by the host: the tz
//! database natively, the JS engine's `Intl` in wasm.

pub mod calendar;
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) mod learned;
#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod text;
#[cfg(not(target_arch = "wasm32"))]
pub use native::TzDatabase;

use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::limits::{MAX_YEAR, MIN_YEAR};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use text::{date_text, datetime_text, parse_date_text, parse_instant_text, InstantText};

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
                        format!(
                            "unknown timezone \"{}\": use an IANA name like \"America/New_York\", \"UTC\" or an offset like \"+05:30\"",
                            crate::json::truncate(name)
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
        match &self.kind {
            ZoneKind::Fixed(s) => *s,
            ZoneKind::Rules(rules) => rules.offset_at(instant.timestamp()),
        }
    }

    /// Local wall-clock time of `instant`.
    ///
    /// ```
    /// use impactkit::time::{Zone, TzDatabase, parse_instant_str};
    /// let berlin = Zone::parse("Europe/Berlin", &TzDatabase).unwrap();
    /// let t = parse_instant_str("2024-03-31T01:30:00Z", &berlin).unwrap();
    /// assert_eq!(berlin.local(t).to_string(), "2024-03-31 03:30:00");
    /// ```
    pub fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.naive_utc() + Duration::seconds(i64::from(self.offset_at(instant)))
    }

    /// The local calendar date of `instant`.
    pub fn date_of(&self, instant: DateTime<Utc>) -> NaiveDate {
        self.local(instant).date()
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
    /// let gap = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap().and_hms_opt(2, 30, 0).unwrap();
    /// assert_eq!(berlin.format(berlin.resolve_local(gap)), "2024-03-31T03:30:00+02:00");
    /// ```
    pub fn resolve_local(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let as_utc = local.and_utc();
        let before = self.offset_at(as_utc - Duration::days(1));
        let after = self.offset_at(as_utc + Duration::days(1));
        let candidate = |offset: i32| as_utc - Duration::seconds(i64::from(offset));
        let valid = |offset: i32| self.offset_at(candidate(offset)) == offset;
        match (valid(before), valid(after)) {
            (true, true) => candidate(before).min(candidate(after)),
            (true, false) => candidate(before),
            (false, true) => candidate(after),
            (false, false) => candidate(before),
        }
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
    /// use chrono::Months;
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
    /// assert!(!Zone::utc().writable(chrono::DateTime::from_timestamp(253_402_300_800, 0).unwrap())); // 10000-01-01
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
    /// let day = |d| chrono::NaiveDate::from_ymd_opt(2011, 12, d).unwrap();
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
        let stamp = datetime_text(self.local(instant));
        if self.is_utc() {
            return format!("{stamp}Z");
        }
        let offset = self.offset_at(instant);
        let sign = if offset < 0 { '-' } else { '+' };
        let abs = offset.unsigned_abs();
        let (h, m, s) = (abs / 3600, (abs % 3600) / 60, abs % 60);
        if s == 0 {
            format!("{stamp}{sign}{h:02}:{m:02}")
        } else {
            // Local mean time offsets (before ~1900) carry seconds; RFC 3339 does not,
            // so such instants are given in UTC.
            format!("{}Z", datetime_text(instant.naive_utc()))
        }
    }
}

fn parse_fixed_offset(name: &str) -> Option<i32> {
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
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 18 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

/// The years RFC 3339 (four digits) and `new Date()` read: output instants stay within them.
const MIN_WRITABLE_YEAR: i32 = 0;
/// See [`MIN_WRITABLE_YEAR`].
const MAX_WRITABLE_YEAR: i32 = 9999;

fn in_supported_range(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

fn range_error() -> String {
    format!("dates must lie between the years {MIN_YEAR} and {MAX_YEAR}")
}

/// Parses an instant string: RFC 3339 (`2025-03-15T10:30:00Z`, `…+02:00`),
/// a naive local date-time (`2024-12-01T00:00:00`, read in `zone`) or a
/// bare date (`2024-12-01`, local midnight in `zone`).
///
/// ```
/// use impactkit::time::{parse_instant_str, Zone};
/// let t = parse_instant_str("2023-10-10T09:30:45", &Zone::utc()).unwrap();
/// assert_eq!(t.timestamp(), 1696930245);
/// assert!(parse_instant_str("yesterday", &Zone::utc()).is_none());
/// ```
pub fn parse_instant_str(text: &str, zone: &Zone) -> Option<DateTime<Utc>> {
    let instant = match parse_instant_text(text.trim())? {
        InstantText::Offset(wall, offset) => {
            (wall - Duration::seconds(i64::from(offset))).and_utc()
        }
        InstantText::Naive(wall) => zone.resolve_local(wall),
        InstantText::Date(date) => zone.start_of_day(date),
    };
    in_supported_range(instant.year()).then_some(instant)
}

/// Parses a strict `YYYY-MM-DD` date within the supported years.
///
/// ```
/// assert!(impactkit::time::parse_date_str("2024-02-29").is_some());
/// assert!(impactkit::time::parse_date_str("2023-02-29").is_none());
/// assert!(impactkit::time::parse_date_str("2024-2-9").is_none());
/// ```
pub fn parse_date_str(text: &str) -> Option<NaiveDate> {
    parse_date_text(text).filter(|d| in_supported_range(d.year()))
}

/// Reads an instant field: an RFC 3339 / naive / date string, or an epoch
/// number ([`epoch`]: seconds below 10¹¹ in magnitude, else milliseconds).
///
/// ```
/// use impactkit::{json::Json, time::{instant, Zone}};
/// let v = serde_json::json!({"ms": 1742034600000i64, "s": 1742034600});
/// let v = impactkit::json::Node::from(&v);
/// for key in ["ms", "s"] {
///     let t = instant(&Json::root(&v).field(key).unwrap(), &Zone::utc()).unwrap();
///     assert_eq!(Zone::utc().format(t), "2025-03-15T10:30:00Z");
/// }
/// ```
pub fn instant(field: &Json, zone: &Zone) -> Result<DateTime<Utc>> {
    if field.value().is_number() || field.is_non_finite() {
        return epoch_at(field, field.number()?);
    }
    let text = field.str().map_err(|_| {
        field.error(
            ErrorCode::InvalidType,
            "expected an instant: an RFC 3339 string or epoch seconds or milliseconds",
        )
    })?;
    parse_instant_str(text, zone).ok_or_else(|| invalid_instant(field, text))
}

/// The instant of the epoch number `x` that `field` holds (as a number or as
/// digits); outside the supported years it is `invalid_date` at `field`.
pub fn epoch_at(field: &Json, x: f64) -> Result<DateTime<Utc>> {
    epoch(x).ok_or_else(|| {
        field.error(
            ErrorCode::InvalidDate,
            format!(
                "epoch {} is outside the years {MIN_YEAR}–{MAX_YEAR} (below 1e11 it is read as seconds, else milliseconds)",
                crate::decimal::show(x)
            ),
        )
    })
}

fn invalid_instant(field: &Json, text: &str) -> Error {
    field.error(
        ErrorCode::InvalidDate,
        format!(
            "\"{}\" is not an instant: use RFC 3339 like \"2025-03-15T10:30:00Z\" or epoch milliseconds ({})",
            crate::json::truncate(text),
            range_error()
        ),
    )
}

/// Epoch numbers with a magnitude below this are seconds, the rest milliseconds
/// (seed 001's rule, for every epoch input): 10¹¹ s is the year 5138 and 10¹¹ ms
/// is 1973-03-03, so seconds always read right in the supported years, and
/// milliseconds too except between 1966-10-31 and 1973-03-03.
///
/// ```
/// assert_eq!(impactkit::time::EPOCH_SECONDS_BELOW, 1e11);
/// ```
pub const EPOCH_SECONDS_BELOW: f64 = 1e11;

/// The instant an epoch number denotes ([`EPOCH_SECONDS_BELOW`]), if it lies in the
/// supported years: `1741000000` (seconds) and `1741000000000` (milliseconds) are
/// the same instant, never 1970.
///
/// ```
/// use impactkit::time::{epoch, Zone};
/// assert_eq!(Zone::utc().format(epoch(1741000000.0).unwrap()), "2025-03-03T11:06:40Z");
/// assert_eq!(epoch(1741000000.0), epoch(1741000000000.0));
/// assert!(epoch(99_999_999_999.0).is_none()); // seconds: the year 5138
/// ```
pub fn epoch(x: f64) -> Option<DateTime<Utc>> {
    let ms = if x.abs() < EPOCH_SECONDS_BELOW {
        x * 1000.0
    } else {
        x
    };
    epoch_millis(ms).filter(|t| in_supported_range(t.year()))
}

/// The instant `ms` milliseconds after the Unix epoch, if representable.
pub fn epoch_millis(ms: f64) -> Option<DateTime<Utc>> {
    if !ms.is_finite() || ms.abs() > 1e16 {
        return None;
    }
    DateTime::from_timestamp_millis(ms.floor() as i64)
}

/// Orders `(instant, value)` pairs by instant: the one sort achievement events
/// and badge tier crossings share (one copy of the sort code in the wasm module).
pub fn by_instant(a: &(DateTime<Utc>, f64), b: &(DateTime<Utc>, f64)) -> std::cmp::Ordering {
    a.0.cmp(&b.0)
}

/// Reads a `YYYY-MM-DD` date field.
pub fn date(field: &Json) -> Result<NaiveDate> {
    let text = field.str()?;
    parse_date_str(text).ok_or_else(|| {
        field.error(
            ErrorCode::InvalidDate,
            format!(
                "\"{}\" is not a date in YYYY-MM-DD form ({})",
                crate::json::truncate(text),
                range_error()
            ),
        )
    })
}

/// Formats a date as `YYYY-MM-DD`.
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(1969, 12, 31).unwrap();
/// assert_eq!(impactkit::time::format_date(d), "1969-12-31");
/// ```
pub fn format_date(date: NaiveDate) -> String {
    date_text(date)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        parse_instant_str(text, &Zone::utc()).unwrap()
    }

    #[test]
    fn fixed_offsets() {
        assert_eq!(parse_fixed_offset("+05:30"), Some(19800));
        assert_eq!(parse_fixed_offset("-0400"), Some(-14400));
        assert_eq!(parse_fixed_offset("+09"), Some(32400));
        assert_eq!(parse_fixed_offset("+19:00"), None);
        assert_eq!(parse_fixed_offset("+5:30"), None);
        let z = Zone::parse("+05:30", &TzDatabase).unwrap();
        assert_eq!(
            z.format(at("2025-01-01T00:00:00Z")),
            "2025-01-01T05:30:00+05:30"
        );
    }

    #[test]
    fn overlap_takes_the_earlier_instant() {
        let ny = Zone::parse("America/New_York", &TzDatabase).unwrap();
        let local = NaiveDate::from_ymd_opt(2024, 11, 3)
            .and_then(|d| d.and_hms_opt(1, 30, 0))
            .unwrap();
        assert_eq!(
            ny.format(ny.resolve_local(local)),
            "2024-11-03T01:30:00-04:00"
        );
    }

    #[test]
    fn naive_and_date_only_strings_use_the_zone() {
        let ny = Zone::parse("America/New_York", &TzDatabase).unwrap();
        let t = parse_instant_str("2024-12-01T00:00:00", &ny).unwrap();
        assert_eq!(Zone::utc().format(t), "2024-12-01T05:00:00Z");
        let d = parse_instant_str("2024-07-01", &ny).unwrap();
        assert_eq!(Zone::utc().format(d), "2024-07-01T04:00:00Z");
    }

    #[test]
    fn out_of_range_years_are_rejected() {
        assert!(parse_instant_str("1899-12-31T23:59:59Z", &Zone::utc()).is_none());
        assert!(parse_instant_str("2201-01-01T00:00:00Z", &Zone::utc()).is_none());
        assert!(parse_instant_str("1960-01-01T00:00:00Z", &Zone::utc()).is_some());
    }
}
