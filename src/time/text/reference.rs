//! The general reader this module had before (a cursor over the text), kept as the tests'
//! reference: the present reader must read every text as it did.

use super::InstantText;
use crate::time::civil::{NaiveDate, NaiveTime};

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
pub(super) fn parse_instant_text(text: &str) -> Option<InstantText> {
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

/// Parses exactly `YYYY-MM-DD`.
///
pub(super) fn parse_date_text(text: &str) -> Option<NaiveDate> {
    let mut c = Cursor {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let day = date(&mut c)?;
    c.at_end().then_some(day)
}
