//! Finding the window to report and the progress inside it.

use super::request::Event;
use super::schedule::Schedule;
use super::{AchievementRequest, AchievementWindow, Activation, Status};
use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode, Result};
use crate::time::civil::{DateTime, Utc};
use crate::time::Zone;
use std::borrow::Borrow;

/// `(start, shown end, exclusive end)` of a window.
type Bounds = (DateTime<Utc>, DateTime<Utc>, DateTime<Utc>);

#[inline(never)]
fn period_error() -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        "$.period",
        "the window's end lies beyond the supported dates",
    )
}

/// The events a window counts, in time order: the request's own list (`[(at, value)]`, the
/// events up to `now`) or a session's index of its records.
pub trait WindowEvents {
    /// The instant of the first event at or after `t` and not after `now`.
    fn first_from(&self, t: DateTime<Utc>, now: DateTime<Utc>) -> Option<DateTime<Utc>>;

    /// The exact sum of the values of the events in `[from, until)` and not after `now`, and
    /// the event whose value brought the running sum to `target`; past ±1.7 · 10¹⁶ it is
    /// `out_of_range` at `$.events`.
    fn totals(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
        target: Option<Decimal>,
    ) -> Result<(Decimal, Option<DateTime<Utc>>)>;
}

/// The error of a window whose values add up past what [`Decimal`] holds.
#[inline(never)]
pub fn sum_error() -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        "$.events",
        "the values in the window add up to more than 1.7e16",
    )
}

// `#[inline]`: each function here has one caller; inlined, the `streaks` wasm module stays
// within its size budget (tests/size-budget.mjs).
impl AchievementRequest {
    /// The window that contains `now` (or the last one that ended) and the progress inside it.
    ///
    /// ```
    /// let v = serde_json::json!({"start": "2023-10-10T09:30:45", "period": "1D", "now": "2023-10-12T12:00:00Z",
    ///     "events": [{"at": "2023-10-12T10:00:00Z"}], "target": 2});
    /// let v = impactkit::json::Node::from(&v);
    /// let r = impactkit::achievements::AchievementRequest::from_json(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
    /// let w = r.compute().unwrap();
    /// assert_eq!((w.start.as_str(), w.current, w.percentage), ("2023-10-12T10:00:00Z", Some(1.0), Some(50.0)));
    /// ```
    #[inline]
    pub fn compute(&self) -> Result<AchievementWindow> {
        self.compute_over(&self.events)
    }
}

impl<Z: Borrow<Zone>> AchievementRequest<Z> {
    /// [`AchievementRequest::compute`] over `events` in place of the request's own list (a
    /// session's index of its records).
    #[inline]
    pub fn compute_over<E: WindowEvents>(&self, events: &E) -> Result<AchievementWindow> {
        let schedule = Schedule {
            spec: self.spec,
            point: self.point,
            cap: self.cap,
        };
        // Find the window to report: the one containing `now`, or the last one that ended.
        let (win_start, shown, exclusive) = match self.activation {
            Activation::UserAction => self.user_action_window(&schedule, events)?,
            Activation::FixedSchedule => self.fixed_schedule_window(&schedule)?,
        };
        let target = self.target.map(Decimal::from_f64);
        let (sum, completed_at) = events.totals(win_start, exclusive, self.now, target)?;
        let zone = self.zone.borrow();
        let now = self.now;
        let counts = self.has_events || self.target.is_some();
        let current = sum.to_f64();
        // Percentage and remainder from the same exact sum that decided completion.
        let progress = self
            .target
            .map(|t| self.display.progress_of(sum, Decimal::from_f64(t)));
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
            target: self.target,
            remaining: progress.map(|p| p.remaining),
            percentage: progress.map(|p| p.percentage),
            completed_at: completed_at.map(|t| zone.format(t)),
            ends_in_seconds: ends_in_ms.max(0) / 1000,
            message: None,
            locale: None,
        })
    }

    /// `user_action`: each window after the first starts with the first event at or after
    /// the previous one's end.
    #[inline]
    fn user_action_window<E: WindowEvents>(
        &self,
        schedule: &Schedule,
        events: &E,
    ) -> Result<Bounds> {
        let (zone, now) = (self.zone.borrow(), self.now);
        let mut s = self.start;
        let (mut shown, mut exclusive) = schedule.end(zone, s, 1).ok_or_else(period_error)?;
        while self.recurring && self.spec.is_some() && now >= exclusive {
            match events.first_from(exclusive, now) {
                Some(at) if !matches!(schedule.cap, Some(c) if at >= c) => {
                    s = at;
                    (shown, exclusive) = schedule.end(zone, s, 1).ok_or_else(period_error)?;
                }
                _ => break,
            }
        }
        Ok((s, shown, exclusive))
    }

    /// `fixed_schedule`: windows follow each other from `start`; a search from an estimate.
    #[inline]
    fn fixed_schedule_window(&self, schedule: &Schedule) -> Result<Bounds> {
        let (zone, start, now, recurring) =
            (self.zone.borrow(), self.start, self.now, self.recurring);
        let bounds = |k: i64| -> Result<Bounds> {
            let s = if k == 0 {
                start
            } else {
                schedule.end(zone, start, k).ok_or_else(period_error)?.1
            };
            let (shown, exclusive) = schedule.end(zone, start, k + 1).ok_or_else(period_error)?;
            Ok((s, shown, exclusive))
        };
        let mut k = if recurring {
            (schedule.periods_between(zone, start, now) - 2).max(0)
        } else {
            0
        };
        let mut w = bounds(k)?;
        while k > 0 && w.0 > now {
            k -= 1;
            w = bounds(k)?;
        }
        while recurring && self.spec.is_some() && now >= w.2 {
            let next = bounds(k + 1)?;
            if schedule.cap.is_some_and(|c| next.0 >= c) {
                break;
            }
            k += 1;
            w = next;
        }
        Ok(w)
    }
}

/// The request's own events: already only those up to `now`.
impl WindowEvents for Vec<Event> {
    #[inline]
    fn first_from(&self, t: DateTime<Utc>, _now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.get(self.partition_point(|e| e.0 < t)).map(|e| e.0)
    }

    #[inline]
    fn totals(
        &self,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
        _now: DateTime<Utc>,
        target: Option<Decimal>,
    ) -> Result<(Decimal, Option<DateTime<Utc>>)> {
        let mut sum = Decimal::ZERO;
        let mut completed_at = None;
        for (at, value) in self.iter().filter(|e| e.0 >= from && e.0 < until) {
            sum = sum
                .checked_add(Decimal::from_f64(*value))
                .ok_or_else(sum_error)?;
            if let (Some(t), None) = (target, completed_at) {
                if sum >= t {
                    completed_at = Some(*at);
                }
            }
        }
        Ok((sum, completed_at))
    }
}
