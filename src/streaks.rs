//! Streaks: consecutive days, weeks or months with activity, counted in the
//! customer's own calendar (their timezone decides what "today" is).
//!
//! States: `active` (the current period is done), `pending` (not done yet, but
//! the streak is still alive: nothing is broken at 00:30), `broken` and `none`.
//! Rest days never break a daily streak and count toward its length when they
//! lie inside it; freezes bridge missed periods (Duolingo-style) and are listed.

use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::{self, Zone, ZoneDb};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

pub use crate::time::calendar::{Calendar, Period, WeekStart};

/// Most freezes accepted in one call.
///
/// ```
/// assert_eq!(impactkit::streaks::MAX_FREEZES, 1000);
/// ```
pub const MAX_FREEZES: u32 = 1000;

/// Most periods returned in `periods` (`window`).
///
/// ```
/// assert_eq!(impactkit::streaks::MAX_WINDOW, 366);
/// ```
pub const MAX_WINDOW: u32 = 366;

/// A streak's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StreakState {
    /// The current period is done.
    Active,
    /// The current period is not done yet but the streak is alive.
    Pending,
    /// There was activity, but the last streak is over.
    Broken,
    /// No activity at all (up to `now`).
    None,
}

/// What one period of the `periods` strip shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PeriodStatus {
    /// Total count reached `minCount`.
    Done,
    /// Bridged by a freeze.
    Frozen,
    /// A rest day without enough activity.
    Rest,
    /// The current period, not done yet.
    Open,
    /// A past period without enough activity.
    Missed,
}

/// One period of the recent-history strip.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodCell {
    /// First day of the period (`YYYY-MM-DD`).
    pub start: String,
    /// Sum of the counts in the period.
    pub count: f64,
    /// How the period counts for the streak.
    pub status: PeriodStatus,
}

/// The output of [`streak`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Streak {
    /// Length of the live streak in periods (0 when broken or none).
    pub current: u32,
    /// Length of the longest streak (earliest on ties).
    pub longest: u32,
    /// Sum of all counts up to `now` (rest days and below-`minCount` periods included).
    pub total: f64,
    /// First day of the first period of the live streak.
    pub current_start: Option<String>,
    /// First day of the last done period of the live streak.
    pub current_end: Option<String>,
    /// First day of the first period of the longest streak.
    pub longest_start: Option<String>,
    /// First day of the last period of the longest streak.
    pub longest_end: Option<String>,
    /// `active` | `pending` | `broken` | `none`.
    pub state: StreakState,
    /// Whether the current period (today, this week, this month) is done.
    pub today_done: bool,
    /// When the live streak breaks if nothing more happens (RFC 3339 in the
    /// customer's zone), rest days and remaining freezes taken into account.
    pub at_risk_at: Option<String>,
    /// First days of the periods bridged by freezes, oldest first.
    pub frozen_dates: Vec<String>,
    /// Freezes spent (`frozenDates.length`).
    pub freezes_used: u32,
    /// Freezes still available.
    pub freezes_left: u32,
    /// How many periods up to `now` are done (reached `minCount`), in or out of streaks.
    pub active_periods: u32,
    /// The last `window` periods up to and including the current one, oldest first.
    pub periods: Vec<PeriodCell>,
}

/// A validated `streak` request.
pub struct StreakRequest {
    /// Periods and week start.
    pub calendar: Calendar,
    /// The customer's timezone.
    pub zone: Zone,
    /// The instant the streak is evaluated at.
    pub now: DateTime<Utc>,
    /// Rest weekdays as a bit mask (bit 0 = Monday); daily streaks only.
    pub rest_days: u8,
    /// Missed periods that may be bridged.
    pub freezes: u32,
    /// Count a period needs to be done.
    pub min_count: u64,
    /// Periods returned in `periods`.
    pub window: u32,
    /// `(local date, count)` of every record up to `now`.
    pub activity: Vec<(NaiveDate, u64)>,
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn weekday_of(item: &Json) -> Result<u8> {
    let text = item.str()?;
    let lower = text.to_ascii_lowercase();
    WEEKDAYS
        .iter()
        .position(|d| *d == lower)
        .or_else(|| WEEKDAY_NAMES.iter().position(|d| *d == lower))
        .map(|i| i as u8)
        .ok_or_else(|| {
            item.error(
                ErrorCode::InvalidValue,
                format!(
                    "\"{}\" is not a weekday: use mon, tue, wed, thu, fri, sat or sun",
                    crate::json::truncate(text)
                ),
            )
        })
}

impl StreakRequest {
    /// Reads `{activity, period, now, timezone?, weekStart?, restDays?, freezes?, minCount?, window?}`.
    ///
    /// ```
    /// let v = serde_json::json!({"activity": [{"date": "2025-03-14"}], "period": "day", "now": "2025-03-15T08:00:00Z"});
    /// let v = impactkit::json::Node::from(&v);
    /// let r = impactkit::streaks::StreakRequest::from_json(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
    /// assert_eq!((r.activity.len(), r.min_count), (1, 1));
    /// ```
    pub fn from_json(input: &Json, zones: &dyn ZoneDb) -> Result<StreakRequest> {
        let zone = Zone::from_field(input, zones)?;
        let period_field = input.field("period")?;
        let period = match period_field.one_of(&["day", "week", "month"])? {
            0 => Period::Day,
            1 => Period::Week,
            _ => Period::Month,
        };
        let week_start = match input.opt("weekStart")? {
            None => WeekStart::Monday,
            Some(w) => match w.one_of(&["monday", "sunday"])? {
                0 => WeekStart::Monday,
                _ => WeekStart::Sunday,
            },
        };
        let now = time::instant(&input.field("now")?, &zone)?;
        let mut rest_days = 0u8;
        if let Some(list) = input.opt("restDays")? {
            for item in list.items()? {
                let bit = 1u8 << weekday_of(&item)?;
                if rest_days & bit != 0 {
                    return Err(item.error(ErrorCode::Duplicate, "weekday listed twice"));
                }
                rest_days |= bit;
            }
            if rest_days != 0 && period != Period::Day {
                return Err(list.error(
                    ErrorCode::InvalidValue,
                    "restDays apply to daily streaks only (period \"day\")",
                ));
            }
            if rest_days == 0x7f {
                return Err(list.error(
                    ErrorCode::InvalidValue,
                    "at least one weekday must not be a rest day",
                ));
            }
        }
        let freezes = match input.opt("freezes")? {
            None => 0,
            Some(f) => f.integer_in(0, i64::from(MAX_FREEZES))? as u32,
        };
        let min_count = match input.opt("minCount")? {
            None => 1,
            Some(m) => m.integer_in(1, 1_000_000_000_000_000)? as u64,
        };
        let window = match input.opt("window")? {
            None => 7,
            Some(w) => w.integer_in(0, i64::from(MAX_WINDOW))? as u32,
        };
        let today = zone.date_of(now);
        let list = input.field("activity")?;
        let items = list.items()?;
        let mut activity = Vec::with_capacity(items.len());
        for item in items {
            item.object()?;
            let count = match item.opt("count")? {
                None => 1,
                Some(c) => c.integer_in(0, 1_000_000_000_000_000)? as u64,
            };
            let date = match (item.opt("date")?, item.opt("at")?) {
                (Some(d), None) => {
                    let date = time::date(&d)?;
                    (date <= today).then_some(date)
                }
                (None, Some(a)) => {
                    let at = time::instant(&a, &zone)?;
                    (at <= now).then(|| zone.date_of(at))
                }
                (Some(_), Some(a)) => {
                    return Err(a.error(
                        ErrorCode::InvalidValue,
                        "give either `date` or `at`, not both",
                    ))
                }
                (None, None) => {
                    let mut error = match item.field("date") {
                        Err(e) => e,
                        Ok(d) => d.error(ErrorCode::MissingField, ""),
                    };
                    error.message =
                        "each record needs `date` (YYYY-MM-DD) or `at` (an instant)".into();
                    return Err(error);
                }
            };
            if let Some(date) = date {
                activity.push((date, count));
            }
        }
        Ok(StreakRequest {
            calendar: Calendar { period, week_start },
            zone,
            now,
            rest_days,
            freezes,
            min_count,
            window,
            activity,
        })
    }

    fn is_rest(&self, index: i64) -> bool {
        // Day 1 of the common era is a Monday.
        self.calendar.period == Period::Day
            && self.rest_days & (1u8 << (index - 1).rem_euclid(7)) != 0
    }

    /// Whether period `index` is a day the customer's zone skipped (crossing the
    /// date line): it can be neither done nor missed, and is not part of any streak.
    fn never_existed(&self, index: i64) -> bool {
        self.calendar.period == Period::Day
            && self
                .calendar
                .first_day(index)
                .is_some_and(|date| !self.zone.date_exists(date))
    }

    /// The periods strictly between `from` and `to`: the missed ones (neither rest days
    /// nor skipped), or `None` when more than `budget`.
    fn gap_between(&self, from: i64, to: i64, budget: u32) -> Option<Gap> {
        let mut gap = Gap::default();
        let mut p = from + 1;
        while p < to {
            if self.never_existed(p) {
                gap.skipped += 1;
            } else if !self.is_rest(p) {
                if gap.missed.len() as u32 >= budget {
                    return None;
                }
                gap.missed.push(p);
            }
            p += 1;
        }
        Some(gap)
    }

    fn date_text(&self, index: i64) -> Option<String> {
        self.calendar.first_day(index).map(time::format_date)
    }

    /// Computes the streak.
    ///
    /// ```
    /// let v = serde_json::json!({"activity": [{"date": "2025-03-13"}, {"date": "2025-03-14"}],
    ///     "period": "day", "now": "2025-03-15T00:30:00Z"});
    /// let v = impactkit::json::Node::from(&v);
    /// let r = impactkit::streaks::StreakRequest::from_json(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
    /// let s = r.compute();
    /// assert_eq!((s.current, s.state), (2, impactkit::streaks::StreakState::Pending));
    /// ```
    pub fn compute(&self) -> Streak {
        let cal = self.calendar;
        let today = cal.index(self.zone.date_of(self.now));
        // Sum counts per period.
        let records: Vec<(i64, u64)> = self
            .activity
            .iter()
            .map(|(d, c)| (cal.index(*d), *c))
            .collect();
        let sums = period_sums(records);
        let total: u128 = sums.iter().map(|s| s.1).sum();
        let min = u128::from(self.min_count);

        let mut freezes_left = self.freezes;
        let mut frozen: Vec<i64> = Vec::new();
        let mut best: Option<Run> = None;
        let mut run: Option<Run> = None;
        for &(p, _) in sums.iter().filter(|s| s.1 >= min) {
            run = Some(match run {
                None => Run::new(p),
                Some(mut r) => match self.gap_between(r.last, p, freezes_left) {
                    Some(Gap { missed, skipped }) => {
                        freezes_left -= missed.len() as u32;
                        r.frozen += missed.len() as u32;
                        r.skipped += skipped;
                        frozen.extend(missed);
                        r.last = p;
                        r
                    }
                    None => {
                        best = Run::longer(best, r);
                        Run::new(p)
                    }
                },
            });
        }
        let today_done = sums.last().is_some_and(|s| s.0 == today && s.1 >= min);
        let (state, live) = match run {
            None => (StreakState::None, None),
            Some(r) if r.last == today => (StreakState::Active, Some(r)),
            Some(r) => match self.gap_between(r.last, today, freezes_left) {
                Some(Gap { missed, .. }) => {
                    freezes_left -= missed.len() as u32;
                    frozen.extend(missed);
                    (StreakState::Pending, Some(r))
                }
                None => (StreakState::Broken, None),
            },
        };
        if let Some(r) = run {
            best = Run::longer(best, r);
        }
        let at_risk_at = live.and_then(|_| self.at_risk_at(today, today_done, freezes_left));
        let periods = self.periods(today, &sums, &frozen);
        Streak {
            current: live.map_or(0, Run::length),
            longest: best.map_or(0, Run::length),
            total: total as f64,
            current_start: live.and_then(|r| self.date_text(r.first)),
            current_end: live.and_then(|r| self.date_text(r.last)),
            longest_start: best.and_then(|r| self.date_text(r.first)),
            longest_end: best.and_then(|r| self.date_text(r.last)),
            state,
            today_done,
            at_risk_at,
            frozen_dates: frozen.iter().filter_map(|p| self.date_text(*p)).collect(),
            freezes_used: self.freezes - freezes_left,
            freezes_left,
            active_periods: sums.iter().filter(|s| s.1 >= min).count() as u32,
            periods,
        }
    }

    /// The start of the first period after the last one that may still pass undone.
    fn at_risk_at(&self, today: i64, today_done: bool, mut freezes: u32) -> Option<String> {
        let mut p = if today_done { today + 1 } else { today };
        loop {
            if self.is_rest(p) || self.never_existed(p) {
                p += 1;
            } else if freezes > 0 {
                freezes -= 1;
                p += 1;
            } else {
                break;
            }
        }
        let next = self.calendar.first_day(p + 1)?;
        Some(self.zone.format(self.zone.start_of_day(next)))
    }

    fn periods(&self, today: i64, sums: &[(i64, u128)], frozen: &[i64]) -> Vec<PeriodCell> {
        let min = u128::from(self.min_count);
        // The last `window` periods that existed (a skipped day is not shown).
        let mut shown: Vec<i64> = (0..)
            .map(|back| today - back)
            .filter(|p| !self.never_existed(*p))
            .take(self.window as usize)
            .collect();
        shown.reverse();
        shown
            .into_iter()
            .filter_map(|p| {
                let count = sums
                    .binary_search_by_key(&p, |s| s.0)
                    .ok()
                    .and_then(|i| sums.get(i))
                    .map_or(0, |s| s.1);
                let status = if count >= min {
                    PeriodStatus::Done
                } else if frozen.binary_search(&p).is_ok() {
                    PeriodStatus::Frozen
                } else if self.is_rest(p) {
                    PeriodStatus::Rest
                } else if p == today {
                    PeriodStatus::Open
                } else {
                    PeriodStatus::Missed
                };
                Some(PeriodCell {
                    start: self.date_text(p)?,
                    count: count as f64,
                    status,
                })
            })
            .collect()
    }
}

/// The periods between two done ones.
#[derive(Debug, Default)]
struct Gap {
    /// Missed periods (neither rest days nor skipped).
    missed: Vec<i64>,
    /// Days the zone skipped.
    skipped: u32,
}

/// A run of done periods, possibly bridged by freezes and skipped days.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: i64,
    last: i64,
    frozen: u32,
    skipped: u32,
}

impl Run {
    fn new(p: i64) -> Run {
        Run {
            first: p,
            last: p,
            frozen: 0,
            skipped: 0,
        }
    }

    /// Periods from the first to the last done one, rest days included, frozen and
    /// skipped ones not.
    fn length(self) -> u32 {
        u32::try_from(self.last - self.first + 1)
            .unwrap_or(u32::MAX)
            .saturating_sub(self.frozen)
            .saturating_sub(self.skipped)
    }

    /// The longer of two runs; the earlier one on ties.
    fn longer(best: Option<Run>, candidate: Run) -> Option<Run> {
        match best {
            Some(b) if b.length() >= candidate.length() => Some(b),
            _ => Some(candidate),
        }
    }
}

/// The `streak` function of the JS contract.
///
/// ```
/// let v = serde_json::json!({"activity": [{"date": "2024-12-31", "count": 2}, {"date": "2025-01-01"}],
///     "period": "day", "now": "2025-01-01T12:00:00", "timezone": "America/New_York"});
/// let v = impactkit::json::Node::from(&v);
/// let s = impactkit::streaks::streak(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!((s.current, s.total, s.at_risk_at.as_deref()), (2, 3.0, Some("2025-01-03T00:00:00-05:00")));
/// ```
pub fn streak(input: &Json, zones: &dyn ZoneDb) -> Result<Streak> {
    Ok(StreakRequest::from_json(input, zones)?.compute())
}

/// Sums the counts per period index, in period order (a period with only zero
/// counts is kept, with sum 0). Periods are dates 1900–2200, so a counting pass over
/// the span is used when it is at most a few times the number of records (the usual
/// case: 100k records over three years); a sort otherwise.
///
/// ```
/// use impactkit::streaks::period_sums;
/// assert_eq!(period_sums(vec![(5, 1), (3, 2), (5, 4), (9, 0)]), [(3, 2), (5, 5), (9, 0)]);
/// assert_eq!(period_sums(vec![(i64::MAX, 1), (i64::MIN, 1)]), [(i64::MIN, 1), (i64::MAX, 1)]);
/// ```
pub fn period_sums(mut records: Vec<(i64, u64)>) -> Vec<(i64, u128)> {
    let first = records.iter().map(|r| r.0).min();
    let last = records.iter().map(|r| r.0).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let span = last
        .checked_sub(first)
        .and_then(|s| usize::try_from(s).ok())
        .and_then(|s| s.checked_add(1));
    match span {
        Some(span) if span <= records.len().saturating_mul(4).max(4096) => {
            let mut totals: Vec<Option<u128>> = vec![None; span];
            for (p, c) in records {
                let slot = usize::try_from(p - first)
                    .ok()
                    .and_then(|i| totals.get_mut(i));
                if let Some(slot) = slot {
                    *slot = Some(slot.unwrap_or(0) + u128::from(c));
                }
            }
            (first..)
                .zip(totals)
                .filter_map(|(p, t)| t.map(|t| (p, t)))
                .collect()
        }
        _ => {
            records.sort_unstable_by_key(|r| r.0);
            let mut sums: Vec<(i64, u128)> = Vec::new();
            for (p, c) in records {
                match sums.last_mut() {
                    Some(last) if last.0 == p => last.1 += u128::from(c),
                    _ => sums.push((p, u128::from(c))),
                }
            }
            sums
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use chrono::{Datelike, Days, Months, Weekday};

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
            Period::Week => d
                .week(match r.calendar.week_start {
                    WeekStart::Monday => Weekday::Mon,
                    WeekStart::Sunday => Weekday::Sun,
                })
                .first_day(),
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
}
