//! Achievement windows ("3 orders in 7 days", "$500 in 2 months") in
//! Talon.One's period syntax: `1D`, `1W`, `1M`, `3M_U`, `1Y`, `12h`, `30D_D`.
//!
//! Calendar units (`D`, `W`, `M`, `Y`) move the customer's local wall clock:
//! `1D` from 09:30:45 ends at 09:30:45 the next day even across a 23- or
//! 25-hour DST day. Adding months to the 29th–31st clamps to the month's last
//! day (Jan 31 + `1M` = Feb 28/29). `s`, `m`, `h` are exact durations.

use crate::decimal::{Decimal, Display};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::time::{self, Zone, ZoneDb};
use chrono::{DateTime, Datelike, Days, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

/// The unit of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `s`
    Second,
    /// `m`
    Minute,
    /// `h`
    Hour,
    /// `D`: local calendar days.
    Day,
    /// `W`: 7 local calendar days; weeks run Monday–Sunday for `_U` and overrides.
    Week,
    /// `M`: calendar months (clamped to the month's last day).
    Month,
    /// `Y`: calendar years (Feb 29 + 1Y = Feb 28).
    Year,
}

/// How a period's end is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// No suffix: exactly start + period.
    Exact,
    /// `_U`: extended to the end of that day, week, month or year (shown as 23:59:59).
    EndOfUnit,
    /// `_D` (days only): rounded down to the start of that day.
    StartOfDay,
}

/// A parsed Talon.One period such as `3M_U`.
///
/// ```
/// use impactkit::achievements::{PeriodSpec, Unit, Rounding};
/// let p = PeriodSpec::parse("3M_U").unwrap();
/// assert_eq!((p.amount, p.unit, p.rounding), (3, Unit::Month, Rounding::EndOfUnit));
/// assert!(PeriodSpec::parse("3X").is_none());
/// assert!(PeriodSpec::parse("2h_U").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodSpec {
    /// How many units (1 – 1,000,000).
    pub amount: u32,
    /// The unit.
    pub unit: Unit,
    /// End rounding.
    pub rounding: Rounding,
}

impl PeriodSpec {
    /// Parses `<positive integer><s|m|h|D|W|M|Y>[_U|_D]`.
    pub fn parse(text: &str) -> Option<PeriodSpec> {
        let (body, rounding) = if let Some(b) = text.strip_suffix("_U") {
            (b, Rounding::EndOfUnit)
        } else if let Some(b) = text.strip_suffix("_D") {
            (b, Rounding::StartOfDay)
        } else {
            (text, Rounding::Exact)
        };
        let unit_char = body.chars().last()?;
        let digits = body.get(..body.len() - unit_char.len_utf8())?;
        if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let amount: u32 = digits.parse().ok()?;
        let unit = match unit_char {
            's' => Unit::Second,
            'm' => Unit::Minute,
            'h' => Unit::Hour,
            'D' => Unit::Day,
            'W' => Unit::Week,
            'M' => Unit::Month,
            'Y' => Unit::Year,
            _ => return None,
        };
        let rounding_ok = match rounding {
            Rounding::Exact => true,
            Rounding::EndOfUnit => !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour),
            Rounding::StartOfDay => unit == Unit::Day,
        };
        (rounding_ok && (1..=1_000_000).contains(&amount)).then_some(PeriodSpec {
            amount,
            unit,
            rounding,
        })
    }

    fn seconds(&self) -> Option<i64> {
        let unit = match self.unit {
            Unit::Second => 1,
            Unit::Minute => 60,
            Unit::Hour => 3600,
            _ => return None,
        };
        Some(i64::from(self.amount) * unit)
    }
}

/// Talon.One's `periodEndOverride`: the time point the window ends at, within
/// the day / week / month / year that start + period falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimePoint {
    /// Month 1–12 (`Y` periods).
    pub month: u32,
    /// Day of the month 1–31, clamped to the month's length (`M` and `Y` periods).
    pub day_of_month: u32,
    /// 1 = Monday … 7 = Sunday (`W` periods).
    pub day_of_week: u32,
    /// Hour 0–23.
    pub hour: u32,
    /// Minute 0–59.
    pub minute: u32,
    /// Second 0–59.
    pub second: u32,
}

impl TimePoint {
    fn from_json(j: &Json, unit: Unit) -> Result<TimePoint> {
        let int = |key: &str, lo: i64, hi: i64| -> Result<u32> {
            Ok(j.field(key)?.integer_in(lo, hi)? as u32)
        };
        let mut point = TimePoint {
            month: 1,
            day_of_month: 1,
            day_of_week: 1,
            hour: int("hour", 0, 23)?,
            minute: int("minute", 0, 59)?,
            second: int("second", 0, 59)?,
        };
        match unit {
            Unit::Week => point.day_of_week = int("dayOfWeek", 1, 7)?,
            Unit::Month => point.day_of_month = int("dayOfMonth", 1, 31)?,
            Unit::Year => {
                point.month = int("month", 1, 12)?;
                point.day_of_month = int("dayOfMonth", 1, 31)?;
            }
            Unit::Day => {}
            Unit::Second | Unit::Minute | Unit::Hour => {
                return Err(j.error(
                    ErrorCode::InvalidValue,
                    "periodEndOverride needs a period in D, W, M or Y",
                ))
            }
        }
        Ok(point)
    }

    /// The date of this point within the unit containing `date`.
    fn date_in(&self, date: NaiveDate, unit: Unit) -> Option<NaiveDate> {
        match unit {
            Unit::Week => {
                let monday = date - Days::new(u64::from(date.weekday().num_days_from_monday()));
                monday.checked_add_days(Days::new(u64::from(self.day_of_week - 1)))
            }
            Unit::Month => clamped(date.year(), date.month(), self.day_of_month),
            Unit::Year => clamped(date.year(), self.month, self.day_of_month),
            _ => Some(date),
        }
    }
}

fn clamped(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    first.checked_add_days(Days::new(u64::from(day.min(last.day()) - 1)))
}

fn last_day_of_unit(date: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Week => date.checked_add_days(Days::new(
            6 - u64::from(date.weekday().num_days_from_monday()),
        )),
        Unit::Month => clamped(date.year(), date.month(), 31),
        Unit::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31),
        _ => Some(date),
    }
}

/// How windows begin after the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// `user_action` (default): a window starts with the customer's action
    /// (`start`, then their first event at or after the previous reset).
    UserAction,
    /// `fixed_schedule`: windows follow each other from `start` for everyone.
    FixedSchedule,
}

/// Achievement status, with Talon.One's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    /// `now` is before the window's start.
    #[serde(rename = "not_started")]
    NotStarted,
    /// Running, target not reached (or no target).
    #[serde(rename = "inprogress")]
    InProgress,
    /// Target reached in this window.
    #[serde(rename = "completed")]
    Completed,
    /// The window ended without reaching the target.
    #[serde(rename = "expired")]
    Expired,
}

/// The output of [`achievement_window`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementWindow {
    /// Window start (RFC 3339 in the customer's zone).
    pub start: String,
    /// When the window ends and resets (RFC 3339; `_U` ends show the last second, 23:59:59).
    pub end: String,
    /// `not_started` | `inprogress` | `completed` | `expired`.
    pub status: Status,
    /// Sum of event values in the window up to `now` (with `events` or `target`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<f64>,
    /// The target, echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// `target − current`, exact, never negative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remaining: Option<f64>,
    /// `current / target` per the display options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percentage: Option<f64>,
    /// The event that reached the target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// Whole seconds from `now` to `end` (0 once it has passed).
    pub ends_in_seconds: i64,
}

/// How window ends are computed.
struct Schedule {
    spec: Option<PeriodSpec>,
    point: Option<TimePoint>,
    /// A fixed last moment: no window extends past it or starts at or after it.
    cap: Option<DateTime<Utc>>,
}

impl Schedule {
    /// `(shown end, exclusive end)` of the window that starts counting at `base`, `times` periods on.
    fn end(
        &self,
        zone: &Zone,
        base: DateTime<Utc>,
        times: i64,
    ) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let Some(spec) = self.spec else {
            let cap = self.cap?;
            return Some((cap, cap));
        };
        let (shown, exclusive) = if let Some(seconds) = spec.seconds() {
            let t = base.checked_add_signed(Duration::try_seconds(seconds.checked_mul(times)?)?)?;
            (t, t)
        } else {
            let n = u64::try_from(times)
                .ok()?
                .checked_mul(u64::from(spec.amount))?;
            // Through the shared calendar arithmetic: no end past the year 9999.
            let mut raw: Option<NaiveDateTime> = None;
            zone.shift_local(base, |local| {
                raw = match spec.unit {
                    Unit::Day => local.checked_add_days(Days::new(n)),
                    Unit::Week => local.checked_add_days(Days::new(n.checked_mul(7)?)),
                    Unit::Month => local.checked_add_months(Months::new(u32::try_from(n).ok()?)),
                    _ => local
                        .checked_add_months(Months::new(u32::try_from(n.checked_mul(12)?).ok()?)),
                };
                raw
            })?;
            let raw = raw?;
            match (self.point, spec.rounding) {
                (Some(p), _) => {
                    let date = p.date_in(raw.date(), spec.unit)?;
                    let t = zone.resolve_local(date.and_hms_opt(p.hour, p.minute, p.second)?);
                    (t, t)
                }
                (None, Rounding::Exact) => {
                    let t = zone.resolve_local(raw);
                    (t, t)
                }
                (None, Rounding::StartOfDay) => {
                    let t = zone.start_of_day(raw.date());
                    (t, t)
                }
                (None, Rounding::EndOfUnit) => {
                    let next = last_day_of_unit(raw.date(), spec.unit)?.succ_opt()?;
                    let t = zone.start_of_day(next);
                    (t - Duration::seconds(1), t)
                }
            }
        };
        let (shown, exclusive) = match self.cap {
            Some(cap) if cap < exclusive => (cap.min(shown), cap),
            _ => (shown, exclusive),
        };
        zone.writable(shown).then_some((shown, exclusive))
    }

    /// Roughly how many whole periods lie between `anchor` and `now` (never more).
    fn periods_between(&self, zone: &Zone, anchor: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
        let Some(spec) = self.spec else { return 0 };
        let amount = i64::from(spec.amount);
        if let Some(seconds) = spec.seconds() {
            return (now - anchor).num_seconds() / seconds;
        }
        let (a, b) = (zone.date_of(anchor), zone.date_of(now));
        let days = (b - a).num_days();
        let months =
            i64::from(b.year() - a.year()) * 12 + i64::from(b.month()) - i64::from(a.month());
        match spec.unit {
            Unit::Day => days / amount,
            Unit::Week => days / (7 * amount),
            Unit::Month => months / amount,
            _ => months / (12 * amount),
        }
    }
}

/// `(at, value)` of one event.
type Event = (DateTime<Utc>, f64);

/// The `achievementWindow` function of the JS contract.
///
/// ```
/// let v = serde_json::json!({"start": "2023-10-10T09:30:45", "period": "3M_U", "now": "2023-12-01T00:00:00Z"});
/// let v = impactkit::json::Node::from(&v);
/// let w = impactkit::achievements::achievement_window(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(w.end, "2024-01-31T23:59:59Z");
/// ```
pub fn achievement_window(input: &Json, zones: &dyn ZoneDb) -> Result<AchievementWindow> {
    let zone = Zone::from_field(input, zones)?;
    let start = time::instant(&input.field("start")?, &zone)?;
    let end_field = input.opt("end")?;
    let cap = end_field
        .as_ref()
        .map(|e| time::instant(e, &zone))
        .transpose()?;
    if let (Some(cap), Some(e)) = (cap, &end_field) {
        if cap <= start {
            return Err(e.error(ErrorCode::OutOfRange, "`end` must be after `start`"));
        }
    }
    let spec = match (input.opt("period")?, cap) {
        (Some(p), _) => {
            let text = p.str()?;
            Some(PeriodSpec::parse(text).ok_or_else(|| {
                p.error(
                    ErrorCode::InvalidValue,
                    format!(
                        "\"{}\" is not a period: use a whole number and a unit s, m, h, D, W, M or Y, optionally with _U (end of unit; D/W/M/Y) or _D (start of day; D), like \"7D\" or \"3M_U\"",
                        crate::json::truncate(text)
                    ),
                )
            })?)
        }
        (None, Some(_)) => None,
        (None, None) => {
            input.field("period")?;
            None
        }
    };
    let point = match (input.opt("periodEndOverride")?, spec) {
        (Some(o), Some(spec)) => {
            if spec.rounding != Rounding::Exact {
                return Err(o.error(
                    ErrorCode::InvalidValue,
                    "use either a _U/_D period or periodEndOverride, not both",
                ));
            }
            Some(TimePoint::from_json(&o, spec.unit)?)
        }
        (Some(o), None) => {
            return Err(o.error(
                ErrorCode::InvalidValue,
                "periodEndOverride needs a `period`",
            ))
        }
        (None, _) => None,
    };
    let now = time::instant(&input.field("now")?, &zone)?;
    let target = input.opt("target")?.map(|t| t.positive()).transpose()?;
    let activation = match input.opt("activationPolicy")? {
        None => Activation::UserAction,
        Some(a) => match a.one_of(&["user_action", "fixed_schedule"])? {
            0 => Activation::UserAction,
            _ => Activation::FixedSchedule,
        },
    };
    let recurring = match input.opt("recurrencePolicy")? {
        None => true,
        Some(r) => r.one_of(&["on_expiration", "no_recurrence"])? == 0,
    };
    let display = Display::from_json(input)?;
    let events_field = input.opt("events")?;
    let mut events: Vec<Event> = Vec::new();
    if let Some(list) = &events_field {
        for item in list.items()? {
            item.object()?;
            let at = time::instant(&item.field("at")?, &zone)?;
            let value = match item.opt("value")? {
                Some(v) => v.non_negative()?,
                None => 1.0,
            };
            if at <= now {
                events.push((at, value));
            }
        }
    }
    events.sort_unstable_by(time::by_instant);
    let schedule = Schedule { spec, point, cap };
    let period_error = || -> Error {
        Error::new(
            ErrorCode::OutOfRange,
            "$.period",
            "the window's end lies beyond the supported dates",
        )
    };

    // Find the window to report: the one containing `now`, or the last one that ended.
    let (win_start, shown, exclusive) = match activation {
        Activation::UserAction => {
            let mut s = start;
            let (mut shown, mut exclusive) = schedule.end(&zone, s, 1).ok_or_else(period_error)?;
            while recurring && spec.is_some() && now >= exclusive {
                let next = events.partition_point(|e| e.0 < exclusive);
                match events.get(next) {
                    Some(e) if !matches!(schedule.cap, Some(c) if e.0 >= c) => {
                        s = e.0;
                        (shown, exclusive) = schedule.end(&zone, s, 1).ok_or_else(period_error)?;
                    }
                    _ => break,
                }
            }
            (s, shown, exclusive)
        }
        Activation::FixedSchedule => {
            let bounds = |k: i64| -> Result<(DateTime<Utc>, DateTime<Utc>, DateTime<Utc>)> {
                let s = if k == 0 {
                    start
                } else {
                    schedule.end(&zone, start, k).ok_or_else(period_error)?.1
                };
                let (shown, exclusive) =
                    schedule.end(&zone, start, k + 1).ok_or_else(period_error)?;
                Ok((s, shown, exclusive))
            };
            let mut k = if recurring {
                (schedule.periods_between(&zone, start, now) - 2).max(0)
            } else {
                0
            };
            let mut w = bounds(k)?;
            while k > 0 && w.0 > now {
                k -= 1;
                w = bounds(k)?;
            }
            while recurring && spec.is_some() && now >= w.2 {
                let next = bounds(k + 1)?;
                if schedule.cap.is_some_and(|c| next.0 >= c) {
                    break;
                }
                k += 1;
                w = next;
            }
            w
        }
    };

    // Progress inside the window.
    let counts = events_field.is_some() || target.is_some();
    let mut sum = Decimal::ZERO;
    let mut completed_at = None;
    let target_dec = target.map(Decimal::from_f64);
    for (at, value) in events
        .iter()
        .filter(|e| e.0 >= win_start && e.0 < exclusive)
    {
        sum = sum.checked_add(Decimal::from_f64(*value)).ok_or_else(|| {
            Error::new(
                ErrorCode::OutOfRange,
                "$.events",
                "the values in the window add up to more than 1.7e16",
            )
        })?;
        if let (Some(t), None) = (target_dec, completed_at) {
            if sum >= t {
                completed_at = Some(*at);
            }
        }
    }
    let current = sum.to_f64();
    // Percentage and remainder from the same exact sum that decided completion.
    let progress = target_dec.map(|t| display.progress_of(sum, t));
    let status = if now < win_start {
        Status::NotStarted
    } else if completed_at.is_some() {
        Status::Completed
    } else if now >= exclusive {
        Status::Expired
    } else {
        Status::InProgress
    };
    let ends_in_ms = (shown - now).num_milliseconds();
    Ok(AchievementWindow {
        start: zone.format(win_start),
        end: zone.format(shown),
        status,
        current: counts.then_some(current),
        target,
        remaining: progress.map(|p| p.remaining),
        percentage: progress.map(|p| p.percentage),
        completed_at: completed_at.map(|t| zone.format(t)),
        ends_in_seconds: ends_in_ms.max(0) / 1000,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::time::TzDatabase;

    #[test]
    fn fixed_schedule_search_matches_stepping_window_by_window() {
        let periods = [
            "1D", "3D", "2W", "1M", "3M_U", "1Y", "7h", "90m", "1W_U", "30D_D", "1M_U", "2Y_U",
        ];
        let zones = [
            "UTC",
            "Europe/Berlin",
            "America/New_York",
            "Australia/Lord_Howe",
        ];
        let mut seed: u64 = 42;
        let mut rand = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for case in 0..1500 {
            let period = periods[rand(periods.len() as u64) as usize];
            let zone_name = zones[rand(zones.len() as u64) as usize];
            let anchor = 1_577_836_800 + rand(400 * 86_400) as i64; // 2020
            let horizon = if period.ends_with('h') || period.ends_with('m') {
                20 * 86_400
            } else {
                6 * 365 * 86_400
            };
            let now = anchor + rand(horizon) as i64;
            let input = serde_json::json!({
                "start": anchor * 1000, "now": now * 1000, "period": period,
                "timezone": zone_name, "activationPolicy": "fixed_schedule"
            });
            let got =
                achievement_window(&Json::root(&crate::json::Node::from(&input)), &TzDatabase)
                    .unwrap();

            let zone = Zone::parse(zone_name, &TzDatabase).unwrap();
            let schedule = Schedule {
                spec: PeriodSpec::parse(period),
                point: None,
                cap: None,
            };
            let start = DateTime::from_timestamp(anchor, 0).unwrap();
            let now_t = DateTime::from_timestamp(now, 0).unwrap();
            let (mut s, mut k) = (start, 1);
            let (mut shown, mut exclusive) = schedule.end(&zone, start, k).unwrap();
            while exclusive <= now_t {
                s = exclusive;
                k += 1;
                (shown, exclusive) = schedule.end(&zone, start, k).unwrap();
            }
            assert_eq!(
                (got.start.as_str(), got.end.as_str()),
                (zone.format(s).as_str(), zone.format(shown).as_str()),
                "case {case}: {input}"
            );
            assert!(s <= now_t && now_t < exclusive, "case {case}: {input}");
        }
    }

    #[test]
    fn period_syntax() {
        for ok in [
            "1D", "7D", "30s", "40m", "1h", "5D", "7W", "10M", "15Y", "23W_U", "30D_D",
        ] {
            assert!(PeriodSpec::parse(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "D", "1", "-1D", "1.5D", "0D", "1d", "1D_X", "1h_D", "1M_D", " 1D", "1é",
        ] {
            assert!(PeriodSpec::parse(bad).is_none(), "{bad}");
        }
    }
}
