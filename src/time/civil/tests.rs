//! These types against chrono, which they replace in the engine.

use super::*;
use chrono::{Datelike as _, Timelike as _};
use proptest::prelude::*;

fn chrono_date(days: i32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_num_days_from_ce_opt(days.checked_add(NaiveDate::UNIX_EPOCH_CE_DAY)?)
}

fn same_date(ours: NaiveDate, theirs: chrono::NaiveDate) {
    assert_eq!(
        (ours.year(), ours.month(), ours.day(), ours.ordinal()),
        (
            theirs.year(),
            theirs.month(),
            theirs.day(),
            theirs.ordinal()
        ),
    );
    assert_eq!(
        ours.weekday().num_days_from_monday(),
        theirs.weekday().num_days_from_monday()
    );
    assert_eq!(ours.num_days_from_ce(), theirs.num_days_from_ce());
    assert_eq!(chrono::NaiveDate::from(ours), theirs);
}

/// A day number: anywhere in (and a little beyond) chrono's years, or near one of their ends.
fn day_number() -> impl Strategy<Value = i32> {
    let (min, max) = (NaiveDate::MIN.epoch_days(), NaiveDate::MAX.epoch_days());
    prop_oneof![
        (min - 3)..=(max + 3),
        -800_000..800_000,
        (min - 3)..(min + 800),
        (max - 800)..(max + 3),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn dates_are_chronos(days in day_number()) {
        let ours = NaiveDate::from_epoch_days(days.into());
        prop_assert_eq!(ours.is_some(), chrono_date(days).is_some());
        if let (Some(ours), Some(theirs)) = (ours, chrono_date(days)) {
            same_date(ours, theirs);
            prop_assert_eq!(ours.succ_opt().map(chrono::NaiveDate::from), theirs.succ_opt());
            prop_assert_eq!(ours.pred_opt().map(chrono::NaiveDate::from), theirs.pred_opt());
            prop_assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        }
    }

    #[test]
    fn year_month_day_are_chronos(year in -262_150i32..262_150, month in 0u32..14, day in 0u32..33) {
        let ours = NaiveDate::from_ymd_opt(year, month, day).map(chrono::NaiveDate::from);
        prop_assert_eq!(ours, chrono::NaiveDate::from_ymd_opt(year, month, day));
    }

    #[test]
    fn day_and_month_steps_are_chronos(
        days in day_number(),
        step in prop_oneof![0u64..2000, any::<u64>(), 0u64..200_000_000],
        months in prop_oneof![0u32..40, any::<u32>(), 0u32..7_000_000],
    ) {
        let (Some(ours), Some(theirs)) = (NaiveDate::from_epoch_days(days.into()), chrono_date(days)) else {
            return Ok(());
        };
        let to_chrono = |d: Option<NaiveDate>| d.map(chrono::NaiveDate::from);
        prop_assert_eq!(to_chrono(ours.checked_add_days(Days::new(step))), theirs.checked_add_days(chrono::Days::new(step)));
        prop_assert_eq!(to_chrono(ours.checked_sub_days(Days::new(step))), theirs.checked_sub_days(chrono::Days::new(step)));
        prop_assert_eq!(to_chrono(ours.checked_add_months(Months::new(months))), theirs.checked_add_months(chrono::Months::new(months)));
        prop_assert_eq!(to_chrono(ours.checked_sub_months(Months::new(months))), theirs.checked_sub_months(chrono::Months::new(months)));
    }

    #[test]
    fn instants_are_chronos(
        seconds in prop_oneof![any::<i64>(), -9_000_000_000_000i64..9_000_000_000_000, -100_000_000_000i64..100_000_000_000],
        nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
        millis in any::<i64>(),
    ) {
        let ours = DateTime::from_timestamp(seconds, nanos);
        let theirs = chrono::DateTime::from_timestamp(seconds, nanos);
        prop_assert_eq!(ours.map(chrono::DateTime::from), theirs);
        if let (Some(ours), Some(theirs)) = (ours, theirs) {
            same_date(ours.date_naive(), theirs.date_naive());
            prop_assert_eq!((ours.hour(), ours.minute(), ours.second()), (theirs.hour(), theirs.minute(), theirs.second()));
            prop_assert_eq!(ours.num_seconds_from_midnight(), theirs.num_seconds_from_midnight());
            prop_assert_eq!(ours.timestamp_millis(), theirs.timestamp_millis());
            prop_assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        }
        prop_assert_eq!(
            DateTime::from_timestamp_millis(millis).map(chrono::DateTime::from),
            chrono::DateTime::from_timestamp_millis(millis)
        );
    }

    #[test]
    fn differences_and_shifts_are_chronos(
        a in -10_000_000_000_000i64..10_000_000_000_000,
        b in -10_000_000_000_000i64..10_000_000_000_000,
        na in 0u32..1_000_000_000,
        nb in 0u32..1_000_000_000,
        shift in prop_oneof![-1_000_000i64..1_000_000, -9_000_000_000_000i64..9_000_000_000_000],
    ) {
        let (Some(x), Some(y)) = (DateTime::from_timestamp(a, na), DateTime::from_timestamp(b, nb)) else {
            return Ok(());
        };
        let (cx, cy) = (chrono::DateTime::<chrono::Utc>::from(x), chrono::DateTime::<chrono::Utc>::from(y));
        let (ours, theirs) = (x - y, cx - cy);
        prop_assert_eq!(ours.num_seconds(), theirs.num_seconds());
        prop_assert_eq!(ours.num_milliseconds(), theirs.num_milliseconds());
        prop_assert_eq!(ours.num_days(), theirs.num_days());
        prop_assert_eq!((ours.abs().num_milliseconds(), (-ours).num_milliseconds()), (theirs.abs().num_milliseconds(), (-theirs).num_milliseconds()));
        prop_assert_eq!(ours < Duration::zero(), theirs < chrono::TimeDelta::zero());
        let step = Duration::seconds(shift) + Duration::milliseconds(i64::from(na / 1_000_000));
        let chrono_step = chrono::TimeDelta::seconds(shift) + chrono::TimeDelta::milliseconds(i64::from(na / 1_000_000));
        prop_assert_eq!(x.checked_add_signed(step).map(chrono::DateTime::from), cx.checked_add_signed(chrono_step));
        prop_assert_eq!(x.checked_sub_signed(step).map(chrono::DateTime::from), cx.checked_sub_signed(chrono_step));
        prop_assert_eq!(Duration::try_seconds(shift.saturating_mul(2_000_000)).is_some(), chrono::TimeDelta::try_seconds(shift.saturating_mul(2_000_000)).is_some());
    }
}

#[test]
fn past_the_ends_values_stay_at_them() {
    let last = NaiveDate::MAX.and_hms_opt(12, 0, 0).expect("a time");
    assert_eq!(
        last + Duration::days(1),
        NaiveDate::MAX.and_time(NaiveTime::LAST)
    );
    assert!(last + Duration::days(1) > last);
    let first = NaiveDate::MIN.and_hms_opt(12, 0, 0).expect("a time");
    assert_eq!(
        first - Duration::days(1),
        NaiveDate::MIN.and_time(NaiveTime::MIN)
    );
    assert_eq!(
        Duration::days(200_000_000_000_000).num_milliseconds(),
        i64::MAX
    );
    assert_eq!(
        Duration::days(-200_000_000_000_000).num_milliseconds(),
        i64::MIN
    );
}

#[test]
fn the_ends_of_the_years_are_chronos() {
    same_date(NaiveDate::MIN, chrono::NaiveDate::MIN);
    same_date(NaiveDate::MAX, chrono::NaiveDate::MAX);
    assert_eq!(NaiveDate::MAX.succ_opt(), None);
    assert_eq!(NaiveDate::MIN.pred_opt(), None);
    let epoch = chrono::DateTime::UNIX_EPOCH;
    assert_eq!(chrono::DateTime::from(DateTime::UNIX_EPOCH), epoch);
    assert_eq!(Weekday::Sun.succ(), Weekday::Mon);
    assert_eq!(Weekday::Mon.pred(), Weekday::Sun);
    assert_eq!(Weekday::Sun.num_days_from_sunday(), 0);
}
