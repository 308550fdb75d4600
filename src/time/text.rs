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

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, expected: u8) -> Option<()> {
        (self.peek()? == expected).then(|| self.pos += 1)
    }

    fn eat_any(&mut self, options: &[u8]) -> Option<u8> {
        let b = self.peek().filter(|b| options.contains(b))?;
        self.pos += 1;
        Some(b)
    }

    fn digits(&mut self, count: usize) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..count {
            let b = self.peek().filter(u8::is_ascii_digit)?;
            value = value * 10 + u32::from(b - b'0');
            self.pos += 1;
        }
        Some(value)
    }

    fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
}

fn date(c: &mut Cursor) -> Option<NaiveDate> {
    let year = c.digits(4)?;
    c.eat(b'-')?;
    let month = c.digits(2)?;
    c.eat(b'-')?;
    let day = c.digits(2)?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

fn time(c: &mut Cursor) -> Option<NaiveTime> {
    let hour = c.digits(2)?;
    c.eat(b':')?;
    let minute = c.digits(2)?;
    let (mut second, mut nanos) = (0, 0);
    if c.eat(b':').is_some() {
        second = c.digits(2)?;
        if c.eat_any(b".,").is_some() {
            let start = c.pos;
            let mut scale = 100_000_000;
            while let Some(d) = c.peek().filter(u8::is_ascii_digit) {
                nanos += u32::from(d - b'0') * scale;
                scale /= 10;
                c.pos += 1;
            }
            if c.pos == start {
                return None;
            }
        }
    }
    if second == 60 {
        // A leap second is shown as the last instant of its minute.
        second = 59;
        nanos = 999_999_999;
    }
    NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
}

fn offset(c: &mut Cursor) -> Option<i32> {
    if c.eat_any(b"Zz").is_some() {
        return Some(0);
    }
    let sign = match c.eat_any(b"+-")? {
        b'-' => -1,
        _ => 1,
    };
    let hours = c.digits(2)?;
    let _ = c.eat(b':');
    let minutes = c.digits(2)?;
    (hours <= 23 && minutes <= 59).then(|| sign * (hours * 3600 + minutes * 60) as i32)
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
    let mut c = Cursor {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let day = date(&mut c)?;
    if c.at_end() {
        return Some(InstantText::Date(day));
    }
    c.eat_any(b"Tt ")?;
    let wall = day.and_time(time(&mut c)?);
    if c.at_end() {
        return Some(InstantText::Naive(wall));
    }
    let seconds = offset(&mut c)?;
    c.at_end().then_some(InstantText::Offset(wall, seconds))
}

/// The instant of `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.fffZ` (what `toISOString` and
/// most backends write), read without building a calendar date: the fast path of
/// [`crate::time::parse_instant_str`], which gives the same instant for these texts. `None` for
/// any other text, and for a leap second (`:60`), which the general reader handles. With the
/// instant comes its (UTC) year.
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
fn digits(text: &[u8]) -> Option<u32> {
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
    let mut c = Cursor {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let day = date(&mut c)?;
    c.at_end().then_some(day)
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
    // (A leap second's nanoseconds run past 10^9; its fraction is still nanos mod 10^9.)
    let millis = t.nanosecond() % 1_000_000_000 / 1_000_000;
    if millis != 0 {
        out.push('.');
        push_digits(&mut out, u128::from(millis), 3);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_offsets_and_rejections() {
        let Some(InstantText::Offset(t, off)) = parse_instant_text("2025-03-15T10:30:00.250+05:30")
        else {
            panic!("should parse");
        };
        assert_eq!((t.and_utc().timestamp_subsec_millis(), off), (250, 19800));
        assert!(parse_instant_text("2025-03-15 10:30").is_some());
        for bad in [
            "",
            "2025",
            "2025-03-15T",
            "2025-03-15T25:00",
            "2025-03-15T10:30:00+24:00",
            "2025-03-15T10:30:00.",
            "2025-03-15T10:30:00Zjunk",
            "２０２５-03-15",
        ] {
            assert!(parse_instant_text(bad).is_none(), "{bad}");
        }
    }

    /// Every day of 1899–2101, the days around the end of February of every year 0–9999 and
    /// every 97th day of the rest, at a few times of day: the date arithmetic of the fast path
    /// is the calendar's (and the text of a day that does not exist is not an instant).
    /// chrono (native only) is the calendar.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn utc_instant_dates_are_the_calendars() {
        use chrono::Datelike as _;
        let mut date = chrono::NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
        let (mut days, mut checked) = (0, 0);
        while date.year() <= 9999 {
            let february_end = date.month() <= 3 && (date.day() >= 27 || date.day() <= 2);
            if (1899..=2101).contains(&date.year()) || february_end || days % 97 == 0 {
                let time = ["00:00:00", "23:59:59.999", "12:34:56.007"][days % 3];
                let text = format!("{}T{time}Z", date.format("%Y-%m-%d"));
                let (t, year) = utc_instant(&text).unwrap_or_else(|| panic!("{text}"));
                let day = chrono::NaiveDate::from(t.date_naive());
                assert_eq!((day, year), (date, date.year()), "{text}");
                checked += 1;
            }
            days += 1;
            date = date.succ_opt().unwrap();
        }
        assert!(checked > 200_000, "{checked}");
        for text in [
            "2023-02-29T00:00:00Z",
            "2100-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-00-10T00:00:00Z",
            "2024-13-10T00:00:00Z",
            "2024-01-00T00:00:00Z",
            "2024-01-1:T00:00:00Z",
            "2024-01-1/T00:00:00Z",
            "2024-01-10T24:00:00Z",
        ] {
            assert!(utc_instant(text).is_none(), "{text}");
        }
        assert!(utc_instant("2000-02-29T00:00:00Z").is_some());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The fast reader gives the general reader's instant for every text of its shapes,
        /// invalid dates and times included (it declines those, and leap seconds).
        #[test]
        fn utc_instant_is_the_general_reading(
            y in 0u32..10_000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62,
            s in 0u32..62, ms in proptest::option::of(0u32..1000),
        ) {
            let fraction = ms.map_or(String::new(), |ms| format!(".{ms:03}"));
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}Z");
            let general = match parse_instant_text(&text) {
                Some(InstantText::Offset(wall, 0)) => Some(wall.and_utc()),
                _ => None,
            };
            let fast = utc_instant(&text).map(|(t, year)| {
                assert_eq!(year, t.year());
                t
            });
            proptest::prop_assert!(fast.is_none() || fast == general, "{}", text);
            proptest::prop_assert!(fast.is_some() || general.is_none() || s == 60, "{}", text);
        }
    }
}
