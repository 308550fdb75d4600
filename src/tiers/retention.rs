//! Tier retention: how much more progress keeps the current tier, and the deadline (the end of
//! the qualifying period) for keeping it and for reaching the next one.
//!
//! Qualifying periods (`period`):
//! - `"rolling12"`: twelve months from `periodStart` (or up to an explicit `periodEnd`);
//! - `"calendarYear"`: the calendar year of `now` in `timezone` (or up to `periodEnd`);
//! - `"lifetime"`: progress never lapses, so there is no deadline (`by` and `daysLeft` null).
//!
//! Without `period`, a `periodEnd` (or `tierExpiresAt`, e.g. Smile's `vipTierExpiresAt`) is the
//! deadline. `by` is the last local day that counts: the local date of the end, or the day before
//! when the period ends as a local day starts (`2027-01-01T00:00:00` → `2026-12-31`; where DST
//! skips midnight, the day starts at the first valid time).

use super::TierProgress;
use crate::decimal::Display;
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::civil::{DateTime, Datelike, Months, NaiveDate, NaiveTime, Utc};
use crate::time::{format_date, instant, Zone, ZoneDb};

/// The qualifying period a tier is earned and kept over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The twelve months from `periodStart`.
    Rolling12,
    /// The calendar year.
    CalendarYear,
    /// The customer's whole lifetime (no deadline).
    Lifetime,
}

/// What keeps the current tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Retain {
    /// The current tier's name.
    pub tier: String,
    /// Progress that keeps it (`retainProgress`, default its `minProgress`).
    pub required: f64,
    /// Progress still needed to keep it (0 once secured), exact in decimal.
    pub remaining: f64,
    /// `progress / required` as a percentage: 100 only when secured.
    pub percentage: f64,
    /// Whether the tier is kept for the next period already.
    pub secured: bool,
    /// The last local day (`YYYY-MM-DD`) of the qualifying period; `null` without a deadline.
    pub by: Option<String>,
    /// Whole local days from today to `by` (0 on that day and after); `null` without a deadline.
    pub days_left: Option<i64>,
    /// Whether the period had ended at `now` (the backend's data is from before the end).
    pub ended: bool,
}

crate::to_json_struct!(Retain {
    tier: "tier",
    required: "required",
    remaining: "remaining",
    percentage: "percentage",
    secured: "secured",
    by: "by",
    days_left: "daysLeft",
    ended: "ended",
});

/// A qualifying period's end as the customer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The last local day that counts.
    pub by: NaiveDate,
    /// Whole local days from the local date of `now` to `by`, never below 0.
    pub days_left: i64,
    /// Whether `now` is at or after the period's end.
    pub ended: bool,
}

impl Deadline {
    /// The deadline of a period ending at `end`, seen at `now` in `zone`.
    ///
    /// ```
    /// use impactkit::time::{parse_instant_str, Zone};
    /// let utc = Zone::utc();
    /// let t = |s| parse_instant_str(s, &utc).unwrap();
    /// let d = impactkit::tiers::retention::Deadline::of(t("2027-01-01T00:00:00Z"), t("2026-12-01T09:00:00Z"), &utc);
    /// assert_eq!((d.by.to_string().as_str(), d.days_left, d.ended), ("2026-12-31", 30, false));
    /// ```
    pub fn of(end: DateTime<Utc>, now: DateTime<Utc>, zone: &Zone) -> Deadline {
        let date = zone.date_of(end);
        // The start of its local day: 00:00, or the first valid time when DST skips midnight.
        let by = if zone.start_of_day(date) == end {
            date.pred_opt().unwrap_or(date)
        } else {
            date
        };
        let days = (by - zone.date_of(now)).num_days();
        Deadline {
            by,
            days_left: days.max(0),
            ended: now >= end,
        }
    }
}

/// The input fields that ask for retention (besides a `retainProgress` on the current tier).
pub const FIELDS: [&str; 4] = ["period", "periodEnd", "tierExpiresAt", "periodStart"];

/// Whether `input` asks for retention: a qualifying period, a period end or a `retainProgress`
/// on the current tier.
fn wanted(progress: &TierProgress, input: &Json) -> Result<bool> {
    let keyed = FIELDS.iter().try_fold(false, |any, key| {
        Ok::<bool, crate::Error>(any || input.opt(key)?.is_some())
    })?;
    let tier_asks = progress
        .current
        .as_ref()
        .is_some_and(|t| t.retain_progress.is_some());
    Ok(keyed || tier_asks)
}

/// Adds `retain` and `next.by` / `next.daysLeft` to `progress` when `input` asks for them
/// (`period`, `periodEnd` / `tierExpiresAt`, `periodStart`, `now`, `timezone`).
///
/// ```
/// use impactkit::{json::{Json, Node}, tiers::retention::apply, time::TzDatabase};
/// let v = serde_json::json!({"tiers": [{"name": "Basic", "minProgress": 0},
///   {"name": "Gold", "minProgress": 190, "retainProgress": 150}, {"name": "Platinum", "minProgress": 500}],
///   "progress": 360, "period": "calendarYear", "now": "2026-12-01T09:00:00Z"});
/// let v = Node::from(&v);
/// let input = Json::root(&v);
/// let mut p = impactkit::tiers::tier_progress(&input).unwrap();
/// apply(&mut p, &input, &TzDatabase).unwrap();
/// let r = p.retain.unwrap();
/// assert_eq!((r.secured, r.by.as_deref(), r.days_left), (true, Some("2026-12-31"), Some(30)));
/// let next = p.next.unwrap();
/// assert_eq!((next.by.as_deref(), next.days_left), (Some("2026-12-31"), Some(30)));
/// ```
pub fn apply(progress: &mut TierProgress, input: &Json, zones: &dyn ZoneDb) -> Result<()> {
    if !wanted(progress, input)? {
        return Ok(());
    }
    let zone = Zone::from_field(input, zones)?;
    let deadline = deadline(input, &zone)?;
    let display = Display::from_json(input)?;
    let by = deadline.as_ref().map(|d| format_date(d.by));
    let days_left = deadline.as_ref().map(|d| d.days_left);
    if let Some(next) = progress.next.as_mut() {
        next.by.clone_from(&by);
        next.days_left = days_left;
    }
    progress.retain = progress.current.as_ref().map(|tier| {
        let required = tier.retain_progress.unwrap_or(tier.min_progress);
        let step = display.progress(progress.progress, required);
        Retain {
            tier: tier.name.clone(),
            required,
            remaining: step.remaining,
            percentage: step.percentage,
            secured: step.is_completed,
            by,
            days_left,
            ended: deadline.as_ref().is_some_and(|d| d.ended),
        }
    });
    Ok(())
}

fn read_period(input: &Json) -> Result<Option<Period>> {
    input
        .opt("period")?
        .map(|p| {
            p.choice(&[
                ("rolling12", Period::Rolling12),
                ("calendarYear", Period::CalendarYear),
                ("lifetime", Period::Lifetime),
            ])
        })
        .transpose()
}

/// The qualifying period's deadline, or `None` for a lifetime period / no end at all.
fn deadline(input: &Json, zone: &Zone) -> Result<Option<Deadline>> {
    let period = read_period(input)?;
    let explicit = match (input.opt("periodEnd")?, input.opt("tierExpiresAt")?) {
        (Some(end), _) | (None, Some(end)) => Some(instant(&end, zone)?),
        (None, None) => None,
    };
    if period == Some(Period::Lifetime) {
        if let Some(end) = input.opt("periodEnd")?.or(input.opt("tierExpiresAt")?) {
            return Err(end.error(
                ErrorCode::InvalidValue,
                "a lifetime period has no end: drop the end or choose another period",
            ));
        }
        return Ok(None);
    }
    if period.is_none() && explicit.is_none() {
        return Ok(None);
    }
    let now = instant(&input.field("now")?, zone)?;
    let end = match (explicit, period) {
        (Some(end), _) => end,
        (None, Some(Period::CalendarYear)) => year_end(now, zone, input)?,
        (None, _) => rolling_end(input, zone)?,
    };
    Ok(Some(Deadline::of(end, now, zone)))
}

/// Local midnight starting the year after `now`'s.
fn year_end(now: DateTime<Utc>, zone: &Zone, input: &Json) -> Result<DateTime<Utc>> {
    NaiveDate::from_ymd_opt(zone.date_of(now).year() + 1, 1, 1)
        .and_then(|d| zone.resolve_writable(d.and_time(NaiveTime::MIN)))
        .ok_or_else(|| {
            crate::error::Error::new(
                ErrorCode::InvalidDate,
                [input.path().render().as_str(), ".now"].concat(),
                "the year after `now` is past the year 9999",
            )
        })
}

/// Twelve local months after `periodStart` (required for a rolling period without `periodEnd`).
fn rolling_end(input: &Json, zone: &Zone) -> Result<DateTime<Utc>> {
    let field = input.opt("periodStart")?.ok_or_else(|| {
        crate::error::Error::new(
            ErrorCode::MissingField,
            [input.path().render().as_str(), ".periodEnd"].concat(),
            "a rolling12 period needs `periodStart` or `periodEnd`",
        )
    })?;
    let start = instant(&field, zone)?;
    zone.shift_local(start, |l| l.checked_add_months(Months::new(12)))
        .ok_or_else(|| {
            field.error(
                ErrorCode::InvalidDate,
                "twelve months later is past the year 9999",
            )
        })
}
