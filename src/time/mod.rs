//! Time as an input: instants, calendar dates and timezones.
//!
//! Nothing here reads the clock (chrono is built without its `clock`
//! feature). Timezones are `UTC`, fixed offsets (`+05:30`) or IANA names; IANA
//! names are resolved through a [`ZoneDb`] supplied by the host: the tz
//! database natively, the JS engine's `Intl` in wasm.

pub mod calendar;
pub mod civil;
#[cfg(any(target_arch = "wasm32", test))]
// (The raw ABI, feature `raw`, has no Intl zones to learn from.)
#[cfg_attr(feature = "raw", allow(dead_code))]
pub(crate) mod learned;
#[cfg(not(target_arch = "wasm32"))]
mod native;
pub mod text;
mod zone;
#[cfg(not(target_arch = "wasm32"))]
pub use native::TzDatabase;
pub use zone::{Zone, ZoneDb, ZoneRules};

use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::limits::{MAX_YEAR, MIN_YEAR};
use crate::time::civil::{DateTime, Datelike, Duration, NaiveDate, Utc};
use text::{date_text, parse_date_text, parse_instant_text, InstantText};

fn in_supported_range(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

/// `message` and `(dates must lie between the years 1900 and 2200)`.
fn with_range(message: crate::error::Message) -> crate::error::Message {
    message
        .text("(dates must lie between the years ")
        .int(MIN_YEAR.into())
        .text(" and ")
        .int(MAX_YEAR.into())
        .text(")")
}

/// Parses an instant string: RFC 3339 (`2025-03-15T10:30:00Z`, `…+02:00`),
/// a naive local date-time (`2024-12-01T00:00:00`, read in `zone`) or a
/// bare date (`2024-12-01`, local midnight in `zone`). ASCII whitespace around it is ignored.
///
/// ```
/// use impactkit::time::{parse_instant_str, Zone};
/// let t = parse_instant_str(" 2023-10-10T09:30:45\n", &Zone::utc()).unwrap();
/// assert_eq!(t.timestamp(), 1696930245);
/// assert!(parse_instant_str("yesterday", &Zone::utc()).is_none());
/// ```
pub fn parse_instant_str(text: &str, zone: &Zone) -> Option<DateTime<Utc>> {
    if crate::FAST_NUMBERS {
        if let Some((instant, year)) = text::utc_instant(text) {
            return in_supported_range(year).then_some(instant);
        }
    }
    let instant = match parse_instant_text(text.trim_ascii())? {
        InstantText::Offset(wall, offset) => {
            (wall - Duration::seconds(i64::from(offset))).and_utc()
        }
        InstantText::Naive(wall) => zone.resolve_local(wall),
        InstantText::Date(date) => zone.start_of_day(date),
    };
    in_supported_range(instant.year()).then_some(instant)
}

/// The instant of an RFC 3339 text in UTC (`2025-03-15T10:30:00Z`, milliseconds optional)
/// within the supported years, as [`parse_instant_str`] reads it in any zone; `None` for any
/// other text (which may still be an instant in a zone).
///
/// ```
/// let t = impactkit::time::utc_instant_text("2025-03-15T10:30:00.250Z").unwrap();
/// assert_eq!(t.timestamp_millis(), 1742034600250);
/// assert!(impactkit::time::utc_instant_text("2025-03-15T10:30:00").is_none());
/// ```
pub fn utc_instant_text(text: &str) -> Option<DateTime<Utc>> {
    let (instant, year) = text::utc_instant(text)?;
    in_supported_range(year).then_some(instant)
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
            crate::error::Message::new("epoch ")
                .num(x)
                .text(" is outside the years ")
                .int(MIN_YEAR.into())
                .text("–")
                .int(MAX_YEAR.into())
                .text(" (below 1e11 it is read as seconds, else milliseconds)"),
        )
    })
}

#[inline(never)]
fn invalid_instant(field: &Json, text: &str) -> Error {
    field.error(
        ErrorCode::InvalidDate,
        with_range(crate::error::Message::default().user(text).text(
            " is not an instant: use RFC 3339 like \"2025-03-15T10:30:00Z\" or epoch milliseconds ",
        )),
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

/// Reads a `YYYY-MM-DD` date field.
pub fn date(field: &Json) -> Result<NaiveDate> {
    let text = field.str()?;
    parse_date_str(text).ok_or_else(|| {
        field.error(
            ErrorCode::InvalidDate,
            with_range(
                crate::error::Message::default()
                    .user(text)
                    .text(" is not a date in YYYY-MM-DD form "),
            ),
        )
    })
}

/// Formats a date as `YYYY-MM-DD`.
///
/// ```
/// let d = impactkit::time::civil::NaiveDate::from_ymd_opt(1969, 12, 31).unwrap();
/// assert_eq!(impactkit::time::format_date(d), "1969-12-31");
/// ```
pub fn format_date(date: NaiveDate) -> String {
    date_text(date)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::zone::parse_fixed_offset;
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
