//! Customer events beyond orders (`signup`, `referral`, `review`, `tierReached`, custom names),
//! and [`Item`]: an order or an event, as a rule sees it.

use super::orders::Order;
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::civil::{DateTime, Datelike, NaiveDate, Utc};
use crate::time::{instant, Zone};

/// The event type that needs a `tier`.
pub const TIER_REACHED: &str = "tierReached";

/// One event: `{type, at, value?, tier?}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `type`: `signup`, `referral`, `review`, `tierReached` or a programme's own name.
    pub kind: String,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// `at`'s local time in the preview's timezone.
    pub local: LocalTime,
    /// `value` (≥ 0; 0 when absent): what a `sum` rule adds up.
    pub value: f64,
    /// `tier`: the tier reached (required for `tierReached`).
    pub tier: Option<String>,
}

/// An instant's local calendar date, hour and ISO weekday in the preview's timezone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// The local date.
    pub date: NaiveDate,
    /// The local hour, 0–23 (DST-correct: the offset in force at the instant).
    pub hour: u32,
    /// The ISO weekday, 1 (Monday) – 7 (Sunday).
    pub weekday: u32,
}

impl LocalTime {
    /// `instant` on the wall clock of `zone`.
    ///
    /// ```
    /// use impactkit::{badges::events::LocalTime, time::{parse_instant_str, TzDatabase, Zone}};
    /// let ny = Zone::parse("America/New_York", &TzDatabase).unwrap();
    /// let t = parse_instant_str("2025-03-10T03:30:00Z", &ny).unwrap(); // EDT since the 9th
    /// let l = LocalTime::of(t, &ny);
    /// assert_eq!((l.date.to_string(), l.hour, l.weekday), ("2025-03-09".into(), 23, 7));
    /// ```
    pub fn of(instant: DateTime<Utc>, zone: &Zone) -> LocalTime {
        let (date, second) = zone.day_and_second(instant);
        LocalTime {
            date,
            hour: second / 3600,
            weekday: date.weekday().number_from_monday(),
        }
    }
}

impl Event {
    /// Reads `{type, at, value?, tier?}` in `zone`.
    ///
    /// ```
    /// use impactkit::{badges::events::Event, json::{Json, Node}, time::Zone};
    /// let v = serde_json::json!({"type": "tierReached", "at": "2025-03-15T10:30:00Z", "tier": "GOLD"});
    /// let e = Event::from_json(&Json::root(&Node::from(&v)), &Zone::utc()).unwrap();
    /// assert_eq!((e.kind.as_str(), e.tier.as_deref(), e.value), ("tierReached", Some("GOLD"), 0.0));
    /// let bad = serde_json::json!({"type": "tierReached", "at": "2025-03-15"});
    /// assert_eq!(Event::from_json(&Json::root(&Node::from(&bad)), &Zone::utc()).unwrap_err().path, "$.tier");
    /// ```
    pub fn from_json(item: &Json, zone: &Zone) -> Result<Event> {
        let kind = read_kind(&item.field("type")?)?;
        let at = instant(&item.field("at")?, zone)?;
        let value = match item.opt("value")? {
            Some(v) => v.non_negative()?,
            None => 0.0,
        };
        let tier = match item.opt("tier")? {
            Some(t) => Some(t.str()?.to_owned()),
            None if kind == TIER_REACHED => {
                return Err(item
                    .field("tier")
                    .err()
                    .unwrap_or_else(|| item.error(ErrorCode::MissingField, "tier")))
            }
            None => None,
        };
        Ok(Event {
            kind,
            at,
            local: LocalTime::of(at, zone),
            value,
            tier,
        })
    }
}

/// An event type: a non-empty string.
pub(crate) fn read_kind(value: &Json) -> Result<String> {
    let kind = value.str()?;
    if kind.is_empty() {
        return Err(value.error(ErrorCode::InvalidValue, "an event type is a non-empty name"));
    }
    Ok(kind.to_owned())
}

/// Reads an event list, sorted by `at`.
///
/// ```
/// use impactkit::{badges::events::read_events, json::{Json, Node}, time::Zone};
/// let v = serde_json::json!([{"type": "review", "at": "2025-02-01"}, {"type": "signup", "at": "2025-01-01"}]);
/// let events = read_events(&Json::root(&Node::from(&v)), &Zone::utc()).unwrap();
/// assert_eq!(events[0].kind, "signup");
/// ```
pub fn read_events(list: &Json, zone: &Zone) -> Result<Vec<Event>> {
    let mut events = Vec::new();
    for item in list.items()? {
        events.push(Event::from_json(&item, zone)?);
    }
    Ok(chronological(events))
}

/// Sorts events by `at` ([`crate::sort::by_time`]: linear time in the full build and sessions, a
/// merge sort in `impactkit/badges`); events at one instant keep
/// their input order (no rule can tell them apart by order).
pub(crate) fn chronological(events: Vec<Event>) -> Vec<Event> {
    crate::sort::by_time(events, |e| e.at, |_, _| std::cmp::Ordering::Equal)
}

/// What a rule sees: an order or an event.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// An order (of the history or the cart).
    Order(&'a Order),
    /// An event.
    Event(&'a Event),
}

impl Item<'_> {
    /// When it happened.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            Item::Order(o) => o.placed_at,
            Item::Event(e) => e.at,
        }
    }

    /// Its local date, hour and weekday.
    pub fn local(&self) -> LocalTime {
        match self {
            Item::Order(o) => LocalTime {
                date: o.local_date,
                hour: o.hour,
                weekday: o.weekday,
            },
            Item::Event(e) => e.local,
        }
    }
}

impl<'a> From<&'a Order> for Item<'a> {
    fn from(order: &'a Order) -> Self {
        Item::Order(order)
    }
}

impl<'a> From<&'a Event> for Item<'a> {
    fn from(event: &'a Event) -> Self {
        Item::Event(event)
    }
}
