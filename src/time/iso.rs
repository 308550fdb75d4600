//! The instant shape nearly every backend and `Date.prototype.toISOString` write,
//! `YYYY-MM-DDTHH:MM:SS(.sss)?Z`, read without the general parser's date and time types: a
//! history holds 100,000 of them. Anything else (another precision, an offset, a leap second,
//! lower case) is `None` and goes to the general parser, which reads these the same way.
//! (Used by the readers of big lists only: the small modules keep just the general parser.)

use crate::error::Result;
use crate::json::Json;
use crate::limits::{MAX_YEAR, MIN_YEAR};
use chrono::{DateTime, Utc};

/// [`super::instant`] with [`utc_instant`] tried first: the same instant or error.
///
/// ```
/// use impactkit::{json::{Json, Node}, time::{iso::instant, Zone}};
/// let v = serde_json::json!(["2025-03-15T10:30:00.000Z", "2025-03-15T11:30:00+01:00", "x"]);
/// let v = Node::from(&v);
/// let all: Vec<_> = Json::root(&v).items().unwrap().map(|t| instant(&t, &Zone::utc())).collect();
/// assert_eq!(all[0].as_ref().ok(), all[1].as_ref().ok());
/// assert_eq!(all[2].as_ref().unwrap_err().code.as_str(), "invalid_date");
/// ```
pub fn instant(field: &Json, zone: &super::Zone) -> Result<DateTime<Utc>> {
    match field.value().as_str().and_then(utc_instant) {
        Some(instant) => Ok(instant),
        None => super::instant(field, zone),
    }
}

/// The number written with the `n` digits at `at`, if they are all digits.
fn number(bytes: &[u8], at: usize, n: usize) -> Option<u32> {
    let mut value = 0u32;
    for &b in bytes.get(at..at + n)? {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(b - b'0');
    }
    Some(value)
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` in the supported years; `None` for
/// anything else (the general parser's business).
///
/// ```
/// use impactkit::time::{iso::utc_instant, parse_instant_str, Zone};
/// for s in ["2025-03-15T10:30:00Z", "2024-02-29T23:59:59.999Z", "1900-01-01T00:00:00.000Z"] {
///     assert_eq!(utc_instant(s), parse_instant_str(s, &Zone::utc()), "{s}");
/// }
/// for s in ["2023-02-29T00:00:00Z", "2025-03-15T10:30:60Z", "2025-03-15T10:30:00.5Z", "1899-12-31T23:59:59Z"] {
///     assert_eq!(utc_instant(s), None, "{s}");
/// }
/// ```
pub fn utc_instant(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let millis = match b.len() {
        20 => 0,
        24 if b.get(19) == Some(&b'.') => number(b, 20, 3)?,
        _ => return None,
    };
    let marks = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if b.last() != Some(&b'Z') || marks.iter().any(|&(i, m)| b.get(i) != Some(&m)) {
        return None;
    }
    let year = number(b, 0, 4)?;
    let (month, day) = (number(b, 5, 2)?, number(b, 8, 2)?);
    let (hour, minute, second) = (number(b, 11, 2)?, number(b, 14, 2)?, number(b, 17, 2)?);
    let valid = (MIN_YEAR..=MAX_YEAR).contains(&(year as i32))
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 60;
    if !valid {
        return None;
    }
    let days = days_from_civil(year.into(), month.into(), day.into());
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    DateTime::from_timestamp(seconds, millis * 1_000_000)
}
