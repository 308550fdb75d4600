//! Reading and writing date/time text by hand: RFC 3339 instants, naive local
//! date-times and `YYYY-MM-DD` dates. (chrono's strftime machinery would add
//! ~25 KB to the wasm module for these few fixed formats.)

use crate::numbers::push_digits;
use crate::time::civil::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// What an instant text denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstantText {
    /// A wall-clock time with its UTC offset in seconds (`…Z`, `…+02:00`).
    Offset(NaiveDateTime, i32),
    /// A wall-clock time without offset (read in the caller's timezone).
    Naive(NaiveDateTime),
    /// A bare calendar date.
    Date(NaiveDate),
}

/// `YYYY-MM-DD` at the start of `text`, and the text after it.
fn date_head(text: &[u8]) -> Option<(NaiveDate, &[u8])> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, ref rest @ ..] = *text else {
        return None;
    };
    let year = digits(&[y0, y1, y2, y3])? as i32;
    let date = NaiveDate::from_ymd_opt(year, digits(&[m0, m1])?, digits(&[d0, d1])?)?;
    Some((date, rest))
}

/// `HH:MM[:SS[.fff]]` at the start of `text` (a leap second `:60` as the minute's last
/// instant), and the text after it.
fn time_head(text: &[u8]) -> Option<(NaiveTime, &[u8])> {
    let [h0, h1, b':', i0, i1, ref rest @ ..] = *text else {
        return None;
    };
    let (hour, minute) = (digits(&[h0, h1])?, digits(&[i0, i1])?);
    let (second, nanos, rest) = match *rest {
        [b':', s0, s1, ref rest @ ..] => {
            let (nanos, rest) = fraction(rest)?;
            (digits(&[s0, s1])?, nanos, rest)
        }
        _ => (0, 0, rest),
    };
    // A leap second is shown as the last instant of its minute.
    let (second, nanos) = match second {
        60 => (59, 999_999_999),
        _ => (second, nanos),
    };
    Some((
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?,
        rest,
    ))
}

/// An optional `.fff` / `,fff` (at least one digit; those after the ninth are ignored) as
/// nanoseconds, and the text after it.
fn fraction(text: &[u8]) -> Option<(u32, &[u8])> {
    let [b'.' | b',', ref rest @ ..] = *text else {
        return Some((0, text));
    };
    let count = rest.iter().take_while(|d| d.is_ascii_digit()).count();
    let (fraction, rest) = rest.split_at_checked(count)?;
    let nanos = (fraction.iter().chain(b"00000000"))
        .take(9)
        .fold(0, |n, &d| n * 10 + u32::from(d - b'0'));
    (count > 0).then_some((nanos, rest))
}

/// `Z` or `±HH:MM` / `±HHMM` as seconds east of UTC.
fn offset(text: &[u8]) -> Option<i32> {
    let (sign, h0, h1, m0, m1) = match *text {
        [b'Z' | b'z'] => return Some(0),
        [sign @ (b'+' | b'-'), h0, h1, b':', m0, m1] | [sign @ (b'+' | b'-'), h0, h1, m0, m1] => {
            (sign, h0, h1, m0, m1)
        }
        _ => return None,
    };
    let (hours, minutes) = (digits(&[h0, h1])?, digits(&[m0, m1])?);
    let seconds = (hours * 3600 + minutes * 60) as i32;
    (hours <= 23 && minutes <= 59).then_some(if sign == b'-' { -seconds } else { seconds })
}

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` (`T`, `t` or a space) with
/// an optional `Z` / `±HH:MM` offset. Anything else is `None`.
///
/// ```
/// use impactkit::time::text::{parse_instant_text, InstantText};
/// assert!(matches!(parse_instant_text("2025-03-15T10:30:00Z"), Some(InstantText::Offset(_, 0))));
/// assert!(matches!(parse_instant_text("2024-12-01T00:00:00"), Some(InstantText::Naive(_))));
/// assert!(matches!(parse_instant_text("2024-12-01"), Some(InstantText::Date(_))));
/// assert!(parse_instant_text("2024-13-01").is_none());
/// ```
pub fn parse_instant_text(text: &str) -> Option<InstantText> {
    let (date, rest) = date_head(text.as_bytes())?;
    let [b'T' | b't' | b' ', ref rest @ ..] = *rest else {
        return rest.is_empty().then_some(InstantText::Date(date));
    };
    let (time, rest) = time_head(rest)?;
    let wall = date.and_time(time);
    if rest.is_empty() {
        return Some(InstantText::Naive(wall));
    }
    Some(InstantText::Offset(wall, offset(rest)?))
}

/// The instant of `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.fffZ` (what `toISOString` and
/// most backends write), read in one step: the fast path of [`crate::time::parse_instant_str`]
/// in the builds made for speed (the full build, `impactkit/sessions`), which gives the same
/// instant for these texts as [`parse_instant_text`] (property test
/// `utc_instant_is_the_general_reading`). `None` for any other text, and for a leap second
/// (`:60`), which the general reader handles. With the instant comes its (UTC) year.
///
/// ```
/// let (t, year) = impactkit::time::text::utc_instant("2025-03-15T10:30:00.250Z").unwrap();
/// assert_eq!((t.timestamp(), t.timestamp_subsec_millis(), year), (1_742_034_600, 250, 2025));
/// assert!(impactkit::time::text::utc_instant("2023-02-29T00:00:00Z").is_none());
/// ```
pub fn utc_instant(
    text: &str,
) -> Option<(crate::time::civil::DateTime<crate::time::civil::Utc>, i32)> {
    let (head, tail) = text.as_bytes().split_at_checked(19)?;
    let millis = match tail {
        [b'Z'] => 0,
        [b'.', a, b, c, b'Z'] => digits(&[*a, *b, *c])?,
        _ => return None,
    };
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, b'T', h0, h1, b':', i0, i1, b':', s0, s1] =
        *head
    else {
        return None;
    };
    let year = digits(&[y0, y1, y2, y3])?;
    let date = NaiveDate::from_ymd_opt(year as i32, digits(&[m0, m1])?, digits(&[d0, d1])?)?;
    let (hour, minute, second) = (digits(&[h0, h1])?, digits(&[i0, i1])?, digits(&[s0, s1])?);
    // A leap second (`:60`) is the general reader's.
    let time =
        NaiveTime::from_hms_milli_opt(hour, minute, second, millis).filter(|_| second < 60)?;
    Some((date.and_time(time).and_utc(), year as i32))
}

/// ASCII digits as a number (`None` when one is not a digit).
pub(crate) fn digits(text: &[u8]) -> Option<u32> {
    text.iter().try_fold(0u32, |n, &d| {
        let digit = d.wrapping_sub(b'0');
        (digit < 10).then(|| n * 10 + u32::from(digit))
    })
}

/// Parses exactly `YYYY-MM-DD`.
///
/// ```
/// assert!(impactkit::time::text::parse_date_text("2024-02-29").is_some());
/// assert!(impactkit::time::text::parse_date_text("2024-2-29").is_none());
/// ```
pub fn parse_date_text(text: &str) -> Option<NaiveDate> {
    match date_head(text.as_bytes())? {
        (date, []) => Some(date),
        _ => None,
    }
}

/// `YYYY-MM-DD`.
///
/// ```
/// let d = impactkit::time::civil::NaiveDate::from_ymd_opt(2024, 2, 9).unwrap();
/// assert_eq!(impactkit::time::text::date_text(d), "2024-02-09");
/// ```
pub fn date_text(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_date(&mut out, date);
    out
}

fn push_date(out: &mut String, date: NaiveDate) {
    // (As `{:04}` writes it: the sign counts towards the four places.)
    let year = date.year();
    if year < 0 {
        out.push('-');
    }
    push_digits(
        out,
        u128::from(year.unsigned_abs()),
        if year < 0 { 3 } else { 4 },
    );
    out.push('-');
    push_digits(out, u128::from(date.month()), 2);
    out.push('-');
    push_digits(out, u128::from(date.day()), 2);
}

/// `YYYY-MM-DDTHH:MM:SS`, with `.SSS` (seed 001's milliseconds) when the
/// instant has a non-zero millisecond part; no offset.
///
/// ```
/// let d = impactkit::time::civil::NaiveDate::from_ymd_opt(2023, 10, 10).unwrap();
/// let t = d.and_hms_opt(9, 30, 45).unwrap();
/// assert_eq!(impactkit::time::text::datetime_text(t), "2023-10-10T09:30:45");
/// let t = d.and_time(impactkit::time::civil::NaiveTime::from_hms_milli_opt(9, 30, 45, 7).unwrap());
/// assert_eq!(impactkit::time::text::datetime_text(t), "2023-10-10T09:30:45.007");
/// ```
pub fn datetime_text(t: NaiveDateTime) -> String {
    let mut out = String::with_capacity(32);
    push_date(&mut out, t.date());
    for (separator, n) in [('T', t.hour()), (':', t.minute()), (':', t.second())] {
        out.push(separator);
        push_digits(&mut out, u128::from(n), 2);
    }
    let millis = t.nanosecond() / 1_000_000;
    if millis != 0 {
        out.push('.');
        push_digits(&mut out, u128::from(millis), 3);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod reference;
#[cfg(test)]
mod tests;
