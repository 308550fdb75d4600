//! Pace and ETA of a milestone from its history ("at your pace: 500 kg around 14 March").
//!
//! `history` is `[{at, value}]`: the milestone's cumulative total `value` at the instant `at`, in
//! any order. The trend runs from one *base* point to `current` today (the milestone's `current`
//! is the value at `now`, so it wins over a differing newest point):
//! - the base is the newest point at least [`WINDOW_DAYS`] local days before today (the trend
//!   then spans at least that window); when no point is that old, the oldest point;
//!   of points in the same millisecond the one listed last counts; points after `now` are ignored;
//! - `pace.perDay` = (`current` − base value) / whole local days from the base's day to today,
//!   exact in decimal (cut at 22 places); `pace.since` is the base's local day;
//! - `eta` is today plus ⌈remaining / perDay⌉ local days: the local day the trend reaches
//!   `target`. Calendar days in `timezone`, so DST changes nothing.
//!
//! `pace` is `null` with no base before today (empty history, only points of today or after
//! `now`); `eta` is `null` then, when the pace is zero or negative, when the milestone is
//! complete, and when the day would fall after 9999-12-31.

use crate::decimal::Decimal;
use crate::error::Result;
use crate::json::Json;
use crate::time::civil::{DateTime, Datelike, Days, NaiveDate, Utc};
use crate::time::{format_date, instant, Zone, ZoneDb};

/// Local days before today the trend reaches back at least, when the history does.
///
/// ```
/// assert_eq!(impactkit::milestones::pace::WINDOW_DAYS, 90);
/// ```
pub const WINDOW_DAYS: u64 = 90;

/// The recent trend of a milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Pace {
    /// Progress per local day (0 or negative when progress stalled or went back).
    pub per_day: f64,
    /// The local day (`YYYY-MM-DD`) the trend is measured from.
    pub since: String,
}

crate::to_json_struct!(Pace {
    per_day: "perDay",
    since: "since",
});

/// Pace and ETA, present in the result when `history` was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// The trend, `null` with too little history.
    pub pace: Option<Pace>,
    /// The local day (`YYYY-MM-DD`) the trend reaches the target, or `null`.
    pub eta: Option<String>,
}

/// Reads `history`, `now` and `timezone`: `None` without `history`.
///
/// ```
/// use impactkit::{decimal::Decimal, json::{Json, Node}, time::TzDatabase};
/// let v = serde_json::json!({"history": [{"at": "2025-03-01", "value": 100}], "now": "2025-03-11T12:00:00Z"});
/// let v = Node::from(&v);
/// let d = Decimal::from_f64;
/// let t = impactkit::milestones::pace::trend(&Json::root(&v), d(150.0), d(500.0), &TzDatabase).unwrap().unwrap();
/// assert_eq!((t.pace.unwrap().per_day, t.eta.as_deref()), (5.0, Some("2025-05-20")));
/// ```
pub fn trend(
    input: &Json,
    current: Decimal,
    target: Decimal,
    zones: &dyn ZoneDb,
) -> Result<Option<Trend>> {
    let Some(history) = input.opt("history")? else {
        return Ok(None);
    };
    let zone = Zone::from_field(input, zones)?;
    let now = instant(&input.field("now")?, &zone)?;
    let today = zone.date_of(now);
    let base = base_point(&history, &zone, now, today)?;
    let Some((since, days, delta)) = base
        .map(|(at, value)| {
            let since = zone.date_of(at);
            (since, (today - since).num_days(), current - value)
        })
        .filter(|(_, days, _)| *days > 0)
    else {
        return Ok(Some(Trend {
            pace: None,
            eta: None,
        }));
    };
    let eta = (delta > Decimal::ZERO && current < target)
        .then(|| eta(today, target - current, days, delta))
        .flatten();
    Ok(Some(Trend {
        pace: Some(Pace {
            per_day: delta.div_int(days).map_or(0.0, Decimal::to_f64),
            since: format_date(since),
        }),
        eta: eta.map(format_date),
    }))
}

/// A history point: `(at, value)`.
type Point = (i64, f64);

/// The base point `(at, value)` of the trend (module docs), validating every point.
fn base_point(
    history: &Json,
    zone: &Zone,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Option<(DateTime<Utc>, Decimal)>> {
    // Points before `cut` lie at least WINDOW_DAYS local days before today.
    let cut = today
        .checked_sub_days(Days::new(WINDOW_DAYS - 1))
        .map(|d| zone.start_of_day(d).timestamp_millis());
    let now = now.timestamp_millis();
    let (mut old, mut first): (Option<Point>, Option<Point>) = (None, None);
    for point in history.items()? {
        let at = instant(&point.field("at")?, zone)?.timestamp_millis();
        let value = point.field("value")?.non_negative()?;
        if at > now {
            continue;
        }
        if cut.is_some_and(|cut| at < cut) && old.map_or(true, |(t, _)| at >= t) {
            old = Some((at, value));
        }
        if first.map_or(true, |(t, _)| at <= t) {
            first = Some((at, value));
        }
    }
    Ok(old
        .or(first)
        .and_then(|(at, v)| Some((DateTime::from_timestamp_millis(at)?, Decimal::from_f64(v)))))
}

/// Today plus ⌈remaining × days / delta⌉ days (`delta > 0`), if that day is at most 9999-12-31.
/// Exact while `remaining × days` stays within the decimal range (remaining below ~10¹¹), else in
/// floating point (then off by a day at most when the quotient is within 10⁻¹⁵ of whole).
fn eta(today: NaiveDate, remaining: Decimal, days: i64, delta: Decimal) -> Option<NaiveDate> {
    let need = remaining
        .checked_mul(Decimal::from_int(days))
        .and_then(|product| product.div_ceil(delta))
        .unwrap_or_else(|| (remaining.to_f64() * days as f64 / delta.to_f64()).ceil() as i128);
    let date = today.checked_add_days(Days::new(u64::try_from(need).ok()?))?;
    (date.year() <= 9999).then_some(date)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::{api, time::TzDatabase};
    use serde_json::json;

    #[test]
    fn without_history_the_result_is_unchanged() {
        for history in [None, Some(json!(null))] {
            let mut input = json!({"current": 248.5, "target": 500, "now": "2025-03-11T12:00:00Z"});
            if let Some(h) = history {
                input["history"] = h;
            }
            let out = api::call("milestoneProgress", &input, &TzDatabase).unwrap();
            let expected = json!({"percentage": 49.7, "remaining": 251.5, "isCompleted": false});
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn with_history_pace_and_eta_are_written_even_when_null() {
        let input =
            json!({"current": 1, "target": 5, "now": "2025-03-11T12:00:00Z", "history": []});
        let out = api::call("milestoneProgress", &input, &TzDatabase).unwrap();
        assert_eq!((&out["pace"], &out["eta"]), (&json!(null), &json!(null)));
        assert!(out.as_object().unwrap().contains_key("eta"));
    }
}
