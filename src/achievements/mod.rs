//! Achievement windows ("3 orders in 7 days", "$500 in 2 months") in
//! Talon.One's period syntax: `1D`, `1W`, `1M`, `3M_U`, `1Y`, `12h`, `30D_D`.
//!
//! Calendar units (`D`, `W`, `M`, `Y`) move the customer's local wall clock:
//! `1D` from 09:30:45 ends at 09:30:45 the next day even across a 23- or
//! 25-hour DST day. Adding months to the 29th–31st clamps to the month's last
//! day (Jan 31 + `1M` = Feb 28/29). `s`, `m`, `h` are exact durations.

mod compute;
mod message;
mod period;
mod request;
mod schedule;

pub use compute::{sum_error, WindowEvents};
pub use message::window_message;
pub use period::{PeriodSpec, Rounding, TimePoint, Unit};
pub use request::{AchievementRequest, Event};

use crate::error::Result;
use crate::json::Json;
use crate::time::ZoneDb;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `now` is before the window's start.
    NotStarted,
    /// Running, target not reached (or no target).
    InProgress,
    /// Target reached in this window.
    Completed,
    /// The window ended without reaching the target.
    Expired,
}

crate::to_json_enum!(Status {
    NotStarted => "not_started",
    InProgress => "inprogress",
    Completed => "completed",
    Expired => "expired",
});

/// The output of [`achievement_window`].
#[derive(Debug, Clone, PartialEq)]
pub struct AchievementWindow {
    /// Window start (RFC 3339 in the customer's zone).
    pub start: String,
    /// When the window ends and resets (RFC 3339; `_U` ends show the last second, 23:59:59).
    pub end: String,
    /// `not_started` | `inprogress` | `completed` | `expired`.
    pub status: Status,
    /// Sum of event values in the window up to `now` (with `events` or `target`).
    pub current: Option<f64>,
    /// The target, echoed.
    pub target: Option<f64>,
    /// `target − current`, exact, never negative.
    pub remaining: Option<f64>,
    /// `current / target` per the display options.
    pub percentage: Option<f64>,
    /// The event that reached the target.
    pub completed_at: Option<String>,
    /// Whole seconds from `now` to `end` (0 once it has passed).
    pub ends_in_seconds: i64,
    /// The widget message in `locale` (only when the input has `locale`).
    pub message: Option<String>,
    /// The locale asked for and the one `message` is written in (only with `locale`).
    pub locale: Option<crate::locale::LocaleRequest>,
}

crate::to_json_struct!(AchievementWindow {
    start: "start",
    end: "end",
    status: "status",
    current: "current"?,
    target: "target"?,
    remaining: "remaining"?,
    percentage: "percentage"?,
    completed_at: "completedAt"?,
    ends_in_seconds: "endsInSeconds",
    message: "message"?,
    locale: "locale"?,
});

/// The `achievementWindow` function of the JS contract.
///
/// ```
/// let v = serde_json::json!({"start": "2023-10-10T09:30:45", "period": "3M_U", "now": "2023-12-01T00:00:00Z"});
/// let v = impactkit::json::Node::from(&v);
/// let w = impactkit::achievements::achievement_window(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(w.end, "2024-01-31T23:59:59Z");
/// ```
pub fn achievement_window(input: &Json, zones: &dyn ZoneDb) -> Result<AchievementWindow> {
    let request = AchievementRequest::from_json(input, zones)?;
    let mut window = request.compute()?;
    if let Some(locale) = request.locale {
        window.message = Some(window_message(locale.locale, &window));
        window.locale = Some(locale);
    }
    Ok(window)
}
