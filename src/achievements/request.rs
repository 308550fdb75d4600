//! Reading an `achievementWindow` request.

use super::{Activation, PeriodSpec, Rounding, TimePoint};
use crate::decimal::Display;
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::civil::{DateTime, Utc};
use crate::time::{self, Zone, ZoneDb};
use std::borrow::Borrow;

/// `(at, value)` of one event.
pub type Event = (DateTime<Utc>, f64);

/// A validated `achievementWindow` request.
pub struct AchievementRequest<Z = Zone> {
    /// The customer's timezone (a `Zone`, or a `&Zone` a customer session lends).
    pub zone: Z,
    /// When the first window starts.
    pub start: DateTime<Utc>,
    /// The period (`None`: one window from `start` to `end`).
    pub spec: Option<PeriodSpec>,
    /// `periodEndOverride`, if given.
    pub point: Option<TimePoint>,
    /// `end`: a fixed last moment, if given.
    pub cap: Option<DateTime<Utc>>,
    /// The instant the window is looked up at.
    pub now: DateTime<Utc>,
    /// The target, if given.
    pub target: Option<f64>,
    /// How windows begin after the first.
    pub activation: Activation,
    /// Whether windows recur (`recurrencePolicy` `on_expiration`, the default).
    pub recurring: bool,
    /// Rounding of `percentage`.
    pub display: Display,
    /// Whether `events` was given.
    pub has_events: bool,
    /// `(at, value)` of the events up to `now`, in time order.
    pub events: Vec<(DateTime<Utc>, f64)>,
    /// `locale`, when given: the window gets a `message`.
    pub locale: Option<crate::locale::LocaleRequest>,
}

// `#[inline]`: each function here has one caller; inlined, the `streaks` wasm module stays
// within its size budget (tests/size-budget.mjs).
impl AchievementRequest {
    /// Reads `{start, period?, end?, periodEndOverride?, now, timezone?, target?, events?,
    /// activationPolicy?, recurrencePolicy?, decimals?, rounding?, locale?}`.
    ///
    /// ```
    /// let v = serde_json::json!({"start": "2023-10-10T09:30:45", "period": "1D", "now": "2023-10-10T12:00:00Z",
    ///     "events": [{"at": "2023-10-10T10:00:00Z", "value": 2}, {"at": "2023-10-11T10:00:00Z"}]});
    /// let v = impactkit::json::Node::from(&v);
    /// let r = impactkit::achievements::AchievementRequest::from_json(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
    /// assert_eq!((r.events.len(), r.recurring), (1, true)); // events after `now` are left out
    /// ```
    #[inline]
    pub fn from_json(input: &Json, zones: &dyn ZoneDb) -> Result<AchievementRequest> {
        let zone = Zone::from_field(input, zones)?;
        Self::read_in(input, zone, |input, zone, now| {
            Ok(match input.opt("events")? {
                Some(list) => (true, read_events(&list, zone, now)?),
                None => (false, Vec::new()),
            })
        })
    }
}

// `Z`: the request's zone, owned (the stateless function) or borrowed from a customer session.
impl<Z: Borrow<Zone>> AchievementRequest<Z> {
    /// Reads the request in `zone` (its own `timezone` is not read), with `events(input, zone,
    /// now)` reading `(has_events, events)` where `events` is read: a session names its
    /// records there instead of listing them.
    #[inline]
    pub fn read_in(
        input: &Json,
        zone: Z,
        events: impl FnOnce(&Json, &Zone, DateTime<Utc>) -> Result<(bool, Vec<Event>)>,
    ) -> Result<AchievementRequest<Z>> {
        let z = zone.borrow();
        let start = time::instant(&input.field("start")?, z)?;
        let end_field = input.opt("end")?;
        let cap = end_field
            .as_ref()
            .map(|e| time::instant(e, z))
            .transpose()?;
        if let (Some(cap), Some(e)) = (cap, &end_field) {
            if cap <= start {
                return Err(e.error(ErrorCode::OutOfRange, "`end` must be after `start`"));
            }
        }
        let spec = read_spec(input, cap.is_some())?;
        let point = read_point(input, spec)?;
        let now = time::instant(&input.field("now")?, z)?;
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
        let (has_events, events) = events(input, z, now)?;
        Ok(AchievementRequest {
            zone,
            start,
            spec,
            point,
            cap,
            now,
            target,
            activation,
            recurring,
            display,
            has_events,
            events,
            locale: crate::locale::LocaleRequest::from_json(input)?,
        })
    }
}

/// `period` (it may be left out when `end` is given).
#[inline]
fn read_spec(input: &Json, has_end: bool) -> Result<Option<PeriodSpec>> {
    Ok(match (input.opt("period")?, has_end) {
        (Some(p), _) => {
            let text = p.str()?;
            Some(PeriodSpec::parse(text).ok_or_else(|| {
                p.error(
                    ErrorCode::InvalidValue,
                    crate::error::Message::default().user(text).text(
                    " is not a period: use a whole number and a unit s, m, h, D, W, M or Y, optionally with _U (end of unit; D/W/M/Y) or _D (start of day; D), like \"7D\" or \"3M_U\"",
                    ),
                )
            })?)
        }
        (None, true) => None,
        (None, false) => {
            input.field("period")?;
            None
        }
    })
}

/// `periodEndOverride`, which needs an unrounded `period`.
#[inline]
fn read_point(input: &Json, spec: Option<PeriodSpec>) -> Result<Option<TimePoint>> {
    Ok(match (input.opt("periodEndOverride")?, spec) {
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
    })
}

/// The events up to `now`, in time order (every event is checked).
#[inline]
fn read_events(list: &Json, zone: &Zone, now: DateTime<Utc>) -> Result<Vec<Event>> {
    let mut events: Vec<Event> = Vec::new();
    for item in list.items()? {
        item.object()?;
        let at = time::instant(&item.field("at")?, zone)?;
        let value = match item.opt("value")? {
            Some(v) => v.non_negative()?,
            None => 1.0,
        };
        if at <= now {
            events.push((at, value));
        }
    }
    Ok(crate::sort::by_instant(events))
}
