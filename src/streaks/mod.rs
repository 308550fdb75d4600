//! Streaks: consecutive days, weeks or months with activity, counted in the
//! customer's own calendar (their timezone decides what "today" is).
//!
//! States: `active` (the current period is done), `pending` (not done yet, but
//! the streak is still alive: nothing is broken at 00:30), `broken` and `none`.
//! Rest days never break a daily streak and count toward its length when they
//! lie inside it; freezes bridge missed periods (Duolingo-style) and are listed.

use crate::error::Result;
use crate::json::Json;
use crate::locale::LocaleRequest;
use crate::time::civil::{DateTime, NaiveDate, Utc};
use crate::time::{Zone, ZoneDb};

mod activity;
mod compute;
mod earned;
mod message;
mod repair;
mod repair_check;
mod request;

pub use activity::{Activity, ScannedActivity};
pub use earned::{read_freezes, EarnedFreezes, MAX_EARN_EVERY};
pub use message::streak_message;
pub use repair::{RejectedRepair, RepairPolicy, Repairable, StreakExtras, MAX_REPAIRS};
pub use request::streak_from_text;

pub use crate::time::calendar::{Calendar, Period, WeekStart};
pub use compute::period_sums;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

crate::to_json_enum!(StreakState {
    Active => "active",
    Pending => "pending",
    Broken => "broken",
    None => "none",
});

/// What one period of the `periods` strip shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// A missed period repaired (`repairs`).
    Repaired,
}

crate::to_json_enum!(PeriodStatus {
    Done => "done",
    Frozen => "frozen",
    Rest => "rest",
    Open => "open",
    Missed => "missed",
    Repaired => "repaired",
});

/// One period of the recent-history strip.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodCell {
    /// First day of the period (`YYYY-MM-DD`).
    pub start: String,
    /// Sum of the counts in the period.
    pub count: f64,
    /// How the period counts for the streak.
    pub status: PeriodStatus,
}

crate::to_json_struct!(PeriodCell {
    start: "start",
    count: "count",
    status: "status",
});

/// The output of [`streak`].
#[derive(Debug, Clone, PartialEq)]
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
    /// Freezes earned by kept periods (`freezes: {earnEvery, max}`), spent or not.
    pub freezes_earned: u32,
    /// The latest break, when `repair` is given and it can still be repaired.
    pub repairable: Option<Repairable>,
    /// First days of the periods repaired (accepted `repairs`), oldest first.
    pub repaired_dates: Vec<String>,
    /// The `repairs` not accepted, with the reason.
    pub repairs_rejected: Vec<RejectedRepair>,
    /// The widget message in `locale` (only when the input has `locale`).
    pub message: Option<String>,
    /// The locale asked for and the one `message` is written in (only with `locale`).
    pub locale: Option<LocaleRequest>,
}

crate::to_json_struct!(Streak {
    current: "current",
    longest: "longest",
    total: "total",
    current_start: "currentStart",
    current_end: "currentEnd",
    longest_start: "longestStart",
    longest_end: "longestEnd",
    state: "state",
    today_done: "todayDone",
    at_risk_at: "atRiskAt",
    frozen_dates: "frozenDates",
    freezes_used: "freezesUsed",
    freezes_left: "freezesLeft",
    active_periods: "activePeriods",
    periods: "periods",
    freezes_earned: "freezesEarned",
    repairable: "repairable",
    repaired_dates: "repairedDates",
    repairs_rejected: "repairsRejected",
    message: "message"?,
    locale: "locale"?,
});

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
    /// Earned freezes and repairs (all off by default).
    pub extras: StreakExtras,
    /// `locale`, when given: the result gets a `message`.
    pub locale: Option<LocaleRequest>,
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
    Ok(StreakRequest::from_json(input, zones)?.evaluate())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
