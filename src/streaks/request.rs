//! Reading a `streak` request.

use super::{Activity, Calendar, Period, StreakExtras, StreakRequest, WeekStart, MAX_WINDOW};
use crate::error::{ErrorCode, Result};
use crate::json::{scan, value_from_text, Json};
use crate::time::{self, Zone, ZoneDb};

/// Weekday names, Monday first: each is accepted whole or as its first three letters,
/// in any case.
const WEEKDAYS: [&str; 7] = [
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
    WEEKDAYS
        .iter()
        .position(|d| {
            d.eq_ignore_ascii_case(text) || d.get(..3).is_some_and(|s| s.eq_ignore_ascii_case(text))
        })
        .map(|i| i as u8)
        .ok_or_else(|| {
            item.error(
                ErrorCode::InvalidValue,
                crate::error::Message::default()
                    .user(text)
                    .text(" is not a weekday: use mon, tue, wed, thu, fri, sat or sun"),
            )
        })
}

/// The optional whole-number field `key` in `lo..=hi`, or `default`.
fn opt_int(input: &Json, key: &str, lo: i64, hi: i64, default: i64) -> Result<i64> {
    match input.opt(key)? {
        None => Ok(default),
        Some(f) => f.integer_in(lo, hi),
    }
}

impl StreakRequest {
    /// Reads `{activity, period, now, timezone?, weekStart?, restDays?, freezes?, minCount?, window?,
    /// repair?, repairs?, locale?}`.
    ///
    /// ```
    /// let v = serde_json::json!({"activity": [{"date": "2025-03-14"}], "period": "day", "now": "2025-03-15T08:00:00Z"});
    /// let v = impactkit::json::Node::from(&v);
    /// let r = impactkit::streaks::StreakRequest::from_json(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
    /// assert_eq!((r.activity.len(), r.min_count), (1, 1));
    /// ```
    pub fn from_json(input: &Json, zones: &dyn ZoneDb) -> Result<StreakRequest> {
        let zone = Zone::from_field(input, zones)?;
        let mut request = StreakRequest::params(input, &zone)?;
        request.zone = zone;
        let today = request.zone.date_of(request.now);
        let activity = Activity::read(&input.field("activity")?, &request.zone)?;
        request.activity = activity.up_to(request.now, today);
        Ok(request)
    }

    /// [`StreakRequest::from_json`] of JSON text with the activity records read straight from
    /// the text (no parse tree); `None` when the text has something the fast path leaves to
    /// the tree path (an error, an unusual record: see [`crate::json::scan`]).
    fn scan(text: &str, zones: &dyn ZoneDb) -> Option<StreakRequest> {
        let mut records = None;
        let rest = scan::split(text, &["activity"], |_, s| {
            records = Some(Activity::scan(s)?);
            Some(())
        })?;
        let records = records?;
        let rest = Json::root(&rest);
        let zone = Zone::from_field(&rest, zones).ok()?;
        let mut request = StreakRequest::params(&rest, &zone).ok()?;
        request.zone = zone;
        let activity = records.read(&request.zone)?;
        let today = request.zone.date_of(request.now);
        request.activity = activity.up_to(request.now, today);
        Some(request)
    }

    /// Reads everything but `activity` and `timezone`, instants in `zone`; the request's
    /// `activity` is empty and its `zone` UTC until the caller sets them.
    pub fn params(input: &Json, zone: &Zone) -> Result<StreakRequest> {
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
        let now = time::instant(&input.field("now")?, zone)?;
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
        let (freezes, earn) = super::read_freezes(input)?;
        let min_count = opt_int(input, "minCount", 1, 1_000_000_000_000_000, 1)? as u64;
        let window = opt_int(input, "window", 0, MAX_WINDOW.into(), 7)? as u32;
        let activity = Vec::new();
        Ok(StreakRequest {
            calendar: Calendar { period, week_start },
            zone: Zone::utc(),
            now,
            rest_days,
            freezes,
            min_count,
            window,
            activity,
            extras: StreakExtras::read(input, zone, earn)?,
            locale: crate::locale::LocaleRequest::from_json(input)?,
        })
    }

    /// Computes the streak over `activity` (with this request's `activity` left empty).
    pub fn compute_over(&mut self, activity: &Activity) -> super::Streak {
        let today = self.zone.date_of(self.now);
        self.activity = activity.up_to(self.now, today);
        let streak = self.evaluate();
        self.activity = Vec::new();
        streak
    }
}

/// [`super::streak`] of JSON text: the same result or error, with the activity records read
/// straight from the text when they can be (the usual case: no parse tree, ~2× faster).
///
/// ```
/// let text = r#"{"activity": [{"date": "2025-03-14"}, {"date": "2025-03-15"}], "period": "day",
///     "now": "2025-03-15T12:00:00Z"}"#;
/// let s = impactkit::streaks::streak_from_text(text, &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(s.current, 2);
/// let e = impactkit::streaks::streak_from_text("{\"activity\": [}", &impactkit::time::TzDatabase);
/// assert_eq!(e.unwrap_err().code.as_str(), "invalid_json");
/// ```
pub fn streak_from_text(text: &str, zones: &dyn ZoneDb) -> Result<super::Streak> {
    if let Some(mut request) = StreakRequest::scan(text, zones) {
        return Ok(request.evaluate());
    }
    super::streak(&Json::root(&value_from_text(text)?), zones)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::StreakRequest;
    use crate::time::TzDatabase;

    /// The fast path is taken for a usual request (a silent fallback would only be slower).
    #[test]
    fn a_usual_request_is_read_without_a_parse_tree() {
        let text = r#"{"timezone": "America/New_York", "activity": [{"at": "2025-03-14T10:00:00Z",
            "count": 2, "source": {"app": [1]}}, {"date": "2025-03-15"}], "period": "day",
            "now": "2025-03-15T20:00:00Z", "restDays": ["sun"]}"#;
        let request = StreakRequest::scan(text, &TzDatabase).expect("read from the text");
        assert_eq!(request.activity.len(), 2);
        assert!(
            StreakRequest::scan(&text.replace("\"count\": 2", "\"count\": 2.5"), &TzDatabase)
                .is_none()
        );
    }
}
