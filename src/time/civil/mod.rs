//! Calendar dates, wall-clock times, instants and durations: the part of chrono's API
//! the engine uses, on plain day and second numbers.
//!
//! The types keep chrono's names and meaning (`NaiveDate`, `DateTime<Utc>`, `Duration`,
//! `checked_add_months` clamping to the month's last day, `None` outside chrono's years
//! −262143..=262142), so the engine reads as it did with chrono. Two differences: there are no
//! leap seconds (chrono's nanoseconds ≥ 10⁹ at second 59 are `None` here; a text's `:60` is read as
//! the minute's last instant), and where chrono panics (a date-time plus a duration beyond its
//! years, a duration beyond `i64::MAX` milliseconds) these stay at the ends of the range. What differs is the
//! representation: a date is its day number since 1970-01-01 and an instant its Unix seconds
//! and nanoseconds, so a date's year, month and day are a few integer divisions (Howard
//! Hinnant's `civil_from_days`) instead of chrono's lookup tables. This saves each wasm module
//! ~1.5 KB gzip (docs/modules.md, "Sizes"). chrono itself stays natively, for the tz database
//! (`chrono-tz`), and in the tests, which check these types against it.
//!
//! ```
//! use impactkit::time::civil::{Datelike, Months, NaiveDate};
//! let d = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
//! let feb = d.checked_add_months(Months::new(1)).unwrap();
//! assert_eq!((feb.year(), feb.month(), feb.day()), (2024, 2, 29));
//! ```

mod clock;
mod date;
mod duration;
#[cfg(not(target_arch = "wasm32"))]
mod interop;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use clock::{DateTime, NaiveDateTime, NaiveTime, Timelike, Utc};
pub use date::{Datelike, Days, Months, NaiveDate, Weekday};
pub use duration::Duration;

/// Seconds in a day.
const DAY_SECONDS: i64 = 86_400;

/// The day number (days since 1970-01-01) of a proleptic Gregorian date; `month` 1..=12 and
/// `day` 1..=31 (not checked here).
const fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month as i32 + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day as i32 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date (year, month 1..=12, day 1..=31) of a day number.
const fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + (month <= 2) as i32;
    (year, month as u32, day as u32)
}

const fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in `month` (1..=12) of `year`.
const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
