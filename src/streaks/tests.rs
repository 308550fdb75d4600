//! The streak computation against an independent day-by-day reference.

use super::*;
use crate::time;
use crate::time::civil::{Datelike, Days, Months};

/// An independent, day-by-day reference over period start dates.
struct Reference {
    current: u32,
    longest: u32,
    longest_start: Option<NaiveDate>,
    current_start: Option<NaiveDate>,
    state: StreakState,
    frozen: Vec<NaiveDate>,
    freezes_left: u32,
}

fn period_start(r: &StreakRequest, d: NaiveDate) -> NaiveDate {
    match r.calendar.period {
        Period::Day => d,
        Period::Week => chrono::NaiveDate::from(d)
            .week(match r.calendar.week_start {
                WeekStart::Monday => chrono::Weekday::Mon,
                WeekStart::Sunday => chrono::Weekday::Sun,
            })
            .first_day()
            .into(),
        Period::Month => d.with_day(1).unwrap(),
    }
}

fn next(r: &StreakRequest, d: NaiveDate) -> NaiveDate {
    match r.calendar.period {
        Period::Day => d + Days::new(1),
        Period::Week => d + Days::new(7),
        Period::Month => d + Months::new(1),
    }
}

fn reference(r: &StreakRequest) -> Reference {
    let today = period_start(r, r.zone.date_of(r.now));
    let rest = |d: NaiveDate| {
        r.calendar.period == Period::Day
            && r.rest_days & (1 << d.weekday().num_days_from_monday()) != 0
    };
    let sum = |p: NaiveDate| -> u64 {
        r.activity
            .iter()
            .filter(|(d, _)| period_start(r, *d) == p)
            .map(|(_, c)| *c)
            .sum()
    };
    let mut freezes_left = r.freezes;
    let mut frozen = Vec::new();
    // (first, last, frozen inside, length)
    let mut run: Option<(NaiveDate, NaiveDate, u32)> = None;
    let mut best: Option<(NaiveDate, u32)> = None;
    let mut missed: Vec<NaiveDate> = Vec::new();
    let len = |first: NaiveDate, last: NaiveDate, fr: u32| {
        let mut n = 0;
        let mut p = first;
        while p <= last {
            n += 1;
            p = next(r, p);
        }
        n - fr
    };
    let Some(first) = r.activity.iter().map(|a| period_start(r, a.0)).min() else {
        return Reference {
            current: 0,
            longest: 0,
            longest_start: None,
            current_start: None,
            state: StreakState::None,
            frozen,
            freezes_left,
        };
    };
    let mut p = first;
    while p <= today {
        if sum(p) >= r.min_count {
            run = Some(match run {
                Some((f, _, fr)) if missed.len() as u32 <= freezes_left => {
                    freezes_left -= missed.len() as u32;
                    frozen.extend(missed.iter().copied());
                    (f, p, fr + missed.len() as u32)
                }
                Some((f, l, fr)) => {
                    let n = len(f, l, fr);
                    if best.map_or(true, |b| n > b.1) {
                        best = Some((f, n));
                    }
                    (p, p, 0)
                }
                None => (p, p, 0),
            });
            missed.clear();
        } else if !rest(p) && p < today && run.is_some() {
            missed.push(p);
        }
        p = next(r, p);
    }
    let mut state = StreakState::None;
    let mut live = None;
    if let Some((f, l, fr)) = run {
        let n = len(f, l, fr);
        if best.map_or(true, |b| n > b.1) {
            best = Some((f, n));
        }
        if l == today {
            state = StreakState::Active;
            live = Some((f, n));
        } else if missed.len() as u32 <= freezes_left {
            freezes_left -= missed.len() as u32;
            frozen.extend(missed.iter().copied());
            state = StreakState::Pending;
            live = Some((f, n));
        } else {
            state = StreakState::Broken;
        }
    }
    Reference {
        current: live.map_or(0, |l| l.1),
        longest: best.map_or(0, |b| b.1),
        longest_start: best.map(|b| b.0),
        current_start: live.map(|l| l.0),
        state,
        frozen,
        freezes_left,
    }
}

#[test]
fn matches_a_day_by_day_reference_on_random_inputs() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rand = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let base = NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
    for case in 0..3000 {
        let period = match rand(3) {
            0 => Period::Day,
            1 => Period::Week,
            _ => Period::Month,
        };
        let span = match period {
            Period::Day => 40,
            Period::Week => 200,
            Period::Month => 900,
        };
        let records = rand(30);
        let activity: Vec<(NaiveDate, u64)> = (0..records)
            .map(|_| (base + Days::new(rand(span)), rand(3)))
            .collect();
        let now_day = base + Days::new(rand(span + 10));
        let rest_days = if period == Period::Day {
            (rand(128) as u8) & 0x3f
        } else {
            0
        };
        let r = StreakRequest {
            calendar: Calendar {
                period,
                week_start: if rand(2) == 0 {
                    WeekStart::Monday
                } else {
                    WeekStart::Sunday
                },
            },
            zone: Zone::utc(),
            now: now_day.and_hms_opt(12, 0, 0).unwrap().and_utc(),
            rest_days,
            freezes: rand(4) as u32,
            extras: StreakExtras::default(),
            locale: None,
            min_count: 1 + rand(2),
            window: 7,
            activity: activity
                .into_iter()
                .filter(|(d, _)| *d <= now_day)
                .collect(),
        };
        let got = r.compute();
        let want = reference(&r);
        let ctx = format!("case {case}: {:?} {:?}", r.calendar, r.activity);
        assert_eq!(got.current, want.current, "{ctx}");
        assert_eq!(got.longest, want.longest, "{ctx}");
        assert_eq!(got.state, want.state, "{ctx}");
        assert_eq!(
            got.longest_start,
            want.longest_start.map(time::format_date),
            "{ctx}"
        );
        assert_eq!(
            got.current_start,
            want.current_start.map(time::format_date),
            "{ctx}"
        );
        let frozen: Vec<String> = want.frozen.into_iter().map(time::format_date).collect();
        assert_eq!(got.frozen_dates, frozen, "{ctx}");
        assert_eq!(got.freezes_left, want.freezes_left, "{ctx}");
    }
}

#[test]
fn periods_round_trip_through_their_first_day() {
    for period in [Period::Day, Period::Week, Period::Month] {
        for week_start in [WeekStart::Monday, WeekStart::Sunday] {
            let cal = Calendar { period, week_start };
            let mut d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            while d.year() < 2201 {
                let first = cal.first_day(cal.index(d)).unwrap();
                assert!(first <= d && cal.index(first) == cal.index(d));
                assert_eq!(cal.index(first - Days::new(1)), cal.index(d) - 1);
                d = d + Days::new(13);
            }
        }
    }
}
