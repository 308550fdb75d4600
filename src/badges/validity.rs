//! When a badge can be earned (validity window, `active`), how often (earn
//! limits per customer and per badge) and when an earned badge expires.
//!
//! The model, as `badgePreview` reads it in a definition and
//! `readCapillaryBadge` writes it:
//!
//! ```json
//! "validity": {"startOn": "2025-01-01T00:00:00Z", "expiresOn": "2025-12-31T23:59:59Z", "active": true},
//! "limits": {"customer": [{"max": 1}, {"max": 2, "window": {"count": 30, "unit": "days"}}],
//!            "badge": [{"max": 10000}]},
//! "expiry": {"kind": "relative", "count": 2, "unit": "weeks"}
//! ```
//! Expiry kinds: `never`, `fixed` (`at`), `withBadge` (the badge's
//! `validity.expiresOn`), `relative` (`count` `unit`s after earning, in the
//! preview's timezone calendar).

use super::earns::EarnLog;
use crate::error::{ErrorCode, Result};
use crate::json::{Json, JsonWriter, ToJson};
use crate::time::civil::{DateTime, Days, Months, Utc};
use crate::time::{instant, Zone};

/// When a badge can be earned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Validity {
    /// Earnable from this instant on (`null`: always).
    pub start_on: Option<DateTime<Utc>>,
    /// Earnable before this instant (`null`: forever).
    pub expires_on: Option<DateTime<Utc>>,
    /// The activation flag.
    pub active: bool,
}

crate::to_json_struct!(Validity {
    start_on: "startOn",
    expires_on: "expiresOn",
    active: "active",
});

impl ToJson for DateTime<Utc> {
    /// RFC 3339 in UTC (`2025-01-01T00:00:00Z`).
    fn write_json(&self, out: &mut JsonWriter) {
        out.string(&Zone::utc().format(*self));
    }
}

impl Default for Validity {
    fn default() -> Self {
        Validity {
            start_on: None,
            expires_on: None,
            active: true,
        }
    }
}

/// Why a badge cannot be earned now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// `active` is false.
    Inactive,
    /// Before `validity.startOn`.
    NotStarted,
    /// At or after `validity.expiresOn`.
    Ended,
    /// The customer has earned it as often as a customer limit allows.
    CustomerLimit,
    /// The badge has been issued as often as a badge limit allows.
    BadgeLimit,
}

crate::to_json_enum!(Reason {
    Inactive => "inactive",
    NotStarted => "notStarted",
    Ended => "ended",
    CustomerLimit => "customerLimit",
    BadgeLimit => "badgeLimit",
});

impl Validity {
    /// Reads `{startOn?, expiresOn?, active?}` (instants per the contract; `active` defaults to true).
    ///
    /// ```
    /// use impactkit::{badges::validity::{Validity, Reason}, json::Json, time::Zone};
    /// let v = serde_json::json!({"startOn": "2025-01-01T00:00:00Z", "expiresOn": "2026-01-01T00:00:00Z"});
    /// let v = impactkit::json::Node::from(&v);
    /// let validity = Validity::from_json(&Json::root(&v), &Zone::utc()).unwrap();
    /// let at = |s| impactkit::time::parse_instant_str(s, &Zone::utc()).unwrap();
    /// assert_eq!(validity.check(at("2024-12-31T23:59:59Z")), Some(Reason::NotStarted));
    /// assert_eq!(validity.check(at("2025-06-01T00:00:00Z")), None);
    /// assert_eq!(validity.check(at("2026-01-01T00:00:00Z")), Some(Reason::Ended));
    /// ```
    pub fn from_json(input: &Json, zone: &Zone) -> Result<Validity> {
        let start_on = input
            .opt("startOn")?
            .map(|t| instant(&t, zone))
            .transpose()?;
        let expires_on = input
            .opt("expiresOn")?
            .map(|t| instant(&t, zone))
            .transpose()?;
        if let (Some(s), Some(e)) = (start_on, expires_on) {
            if e <= s {
                return Err(input
                    .field("expiresOn")?
                    .error(ErrorCode::OutOfRange, "expiresOn must be after startOn"));
            }
        }
        Ok(Validity {
            start_on,
            expires_on,
            active: input
                .opt("active")?
                .map(|a| a.bool())
                .transpose()?
                .unwrap_or(true),
        })
    }

    /// Whether `t` lies inside the window (ignores `active`): `startOn ≤ t < expiresOn`.
    ///
    /// ```
    /// let v = impactkit::badges::validity::Validity::default();
    /// assert!(v.contains(impactkit::time::civil::DateTime::UNIX_EPOCH));
    /// ```
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start_on.map_or(true, |s| t >= s) && self.expires_on.map_or(true, |e| t < e)
    }

    /// Why the badge cannot be earned at `now`, if it cannot (see [`Validity::from_json`]).
    ///
    /// ```
    /// use impactkit::badges::validity::{Reason, Validity};
    /// let off = Validity { active: false, ..Validity::default() };
    /// assert_eq!(off.check(impactkit::time::civil::DateTime::UNIX_EPOCH), Some(Reason::Inactive));
    /// ```
    pub fn check(&self, now: DateTime<Utc>) -> Option<Reason> {
        if !self.active {
            Some(Reason::Inactive)
        } else if self.start_on.is_some_and(|s| now < s) {
            Some(Reason::NotStarted)
        } else if self.expires_on.is_some_and(|e| now >= e) {
            Some(Reason::Ended)
        } else {
            None
        }
    }
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Calendar days.
    Days,
    /// 7 calendar days.
    Weeks,
    /// Calendar months (the same day of month, clamped to its end).
    Months,
}

crate::to_json_enum!(Unit {
    Days => "days",
    Weeks => "weeks",
    Months => "months",
});

impl Unit {
    /// Reads `"days"`, `"weeks"` or `"months"`.
    ///
    /// ```
    /// use impactkit::{badges::validity::Unit, json::Json};
    /// let v = serde_json::json!("weeks");
    /// assert_eq!(Unit::from_json(&Json::root(&impactkit::json::Node::from(&v))).unwrap(), Unit::Weeks);
    /// ```
    pub fn from_json(value: &Json) -> Result<Unit> {
        value.choice(&[
            ("days", Unit::Days),
            ("weeks", Unit::Weeks),
            ("months", Unit::Months),
        ])
    }

    /// `t` moved by `count` units (backwards when negative) on the local calendar
    /// of `zone`; `None` when the result leaves the years 0000–9999 ([`Zone::shift_local`]).
    ///
    /// ```
    /// use impactkit::{badges::validity::Unit, time::{Zone, TzDatabase, parse_instant_str}};
    /// let z = Zone::parse("Europe/Berlin", &TzDatabase).unwrap();
    /// let t = parse_instant_str("2025-01-31T12:00:00+01:00", &z).unwrap();
    /// assert_eq!(z.format(Unit::Months.shift(t, 1, &z).unwrap()), "2025-02-28T12:00:00+01:00");
    /// assert_eq!(z.format(Unit::Days.shift(t, 60, &z).unwrap()), "2025-04-01T12:00:00+02:00");
    /// assert_eq!(Unit::Months.shift(t, 100_000, &z), None); // the year 10358
    /// ```
    pub fn shift(self, t: DateTime<Utc>, count: i64, zone: &Zone) -> Option<DateTime<Utc>> {
        let n = count.unsigned_abs();
        zone.shift_local(t, |local| match (self, count >= 0) {
            (Unit::Days, true) => local.checked_add_days(Days::new(n)),
            (Unit::Days, false) => local.checked_sub_days(Days::new(n)),
            (Unit::Weeks, true) => local.checked_add_days(Days::new(n.checked_mul(7)?)),
            (Unit::Weeks, false) => local.checked_sub_days(Days::new(n.checked_mul(7)?)),
            (Unit::Months, true) => local.checked_add_months(Months::new(u32::try_from(n).ok()?)),
            (Unit::Months, false) => local.checked_sub_months(Months::new(u32::try_from(n).ok()?)),
        })
    }
}

/// A rolling window: the last `count` `unit`s up to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// How many units.
    pub count: u32,
    /// Days, weeks or months.
    pub unit: Unit,
}

crate::to_json_struct!(Window {
    count: "count",
    unit: "unit",
});

/// At most `max` earns (in a rolling `window`, or ever).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The most earns allowed.
    pub max: u64,
    /// The rolling window, or `null` for a fixed (lifetime) limit.
    pub window: Option<Window>,
}

crate::to_json_struct!(Limit {
    max: "max",
    window: "window",
});

impl Limit {
    fn from_json(input: &Json) -> Result<Limit> {
        let window = match input.opt("window")? {
            None => None,
            Some(w) => Some(Window {
                count: w.field("count")?.integer_in(1, 100_000)? as u32,
                unit: Unit::from_json(&w.field("unit")?)?,
            }),
        };
        Ok(Limit {
            max: input.field("max")?.integer_in(0, 1 << 53)? as u64,
            window,
        })
    }
}

/// Earn limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// Per customer: counted from the customer's earns of this badge.
    pub customer: Vec<Limit>,
    /// Per badge, across customers: compared with the issued count the caller passes.
    pub badge: Vec<Limit>,
}

crate::to_json_struct!(Limits {
    customer: "customer",
    badge: "badge",
});

impl Limits {
    /// Reads `{customer?: [{max, window?}], badge?: [{max, window?}]}`.
    ///
    /// ```
    /// use impactkit::{badges::validity::{Limits, Unit}, json::Json};
    /// let v = serde_json::json!({"customer": [{"max": 2, "window": {"count": 30, "unit": "days"}}]});
    /// let v = impactkit::json::Node::from(&v);
    /// let l = Limits::from_json(&Json::root(&v)).unwrap();
    /// assert_eq!((l.customer[0].max, l.customer[0].window.unwrap().unit), (2, Unit::Days));
    /// ```
    pub fn from_json(input: &Json) -> Result<Limits> {
        let list = |key: &str| -> Result<Vec<Limit>> {
            match input.opt(key)? {
                None => Ok(Vec::new()),
                Some(items) => {
                    let mut limits = Vec::new();
                    for item in items.items()? {
                        limits.push(Limit::from_json(&item)?);
                    }
                    Ok(limits)
                }
            }
        };
        Ok(Limits {
            customer: list("customer")?,
            badge: list("badge")?,
        })
    }

    /// Which limit, if any, stops another earn at `now`. `earns` are the
    /// customer's earns of the badge (an unknown instant counts in every
    /// window); `issued` is the badge's issued count in its current window, if known.
    ///
    /// ```
    /// use impactkit::badges::validity::{Limits, Limit, Reason};
    /// use impactkit::time::Zone;
    /// let limits = Limits { customer: vec![Limit { max: 1, window: None }], badge: vec![] };
    /// let now = impactkit::time::civil::DateTime::from_timestamp(1_750_000_000, 0).unwrap();
    /// assert_eq!(limits.check(&[Some(now)], None, now, &Zone::utc()), Some(Reason::CustomerLimit));
    /// assert_eq!(limits.check(&[], None, now, &Zone::utc()), None);
    /// ```
    pub fn check(
        &self,
        earns: &[Option<DateTime<Utc>>],
        issued: Option<u64>,
        now: DateTime<Utc>,
        zone: &Zone,
    ) -> Option<Reason> {
        self.check_log(&EarnLog::new(earns.iter().copied()), issued, now, zone)
    }

    /// [`Limits::check`] over an [`EarnLog`] (reported and computed earns).
    pub fn check_log(
        &self,
        log: &EarnLog,
        issued: Option<u64>,
        now: DateTime<Utc>,
        zone: &Zone,
    ) -> Option<Reason> {
        let customer_full = self
            .customer
            .iter()
            .any(|limit| log.used(limit, now, zone) >= limit.max);
        if customer_full {
            return Some(Reason::CustomerLimit);
        }
        let badge_full = issued.is_some_and(|n| self.badge.iter().any(|l| n >= l.max));
        badge_full.then_some(Reason::BadgeLimit)
    }
}

/// When an earned badge expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// Never.
    Never,
    /// At a fixed instant.
    Fixed {
        /// The instant.
        at: DateTime<Utc>,
    },
    /// With the badge itself (`validity.expiresOn`).
    WithBadge,
    /// `count` `unit`s after it was earned.
    Relative {
        /// How many units.
        count: u32,
        /// Days, weeks or months.
        unit: Unit,
    },
}

impl ToJson for Expiry {
    /// `{"kind": "never" | "fixed" | "withBadge" | "relative", …}` with the variant's fields.
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        match self {
            Expiry::Never => out.field("kind", "never"),
            Expiry::Fixed { at } => {
                out.field("kind", "fixed");
                out.field("at", at);
            }
            Expiry::WithBadge => out.field("kind", "withBadge"),
            Expiry::Relative { count, unit } => {
                out.field("kind", "relative");
                out.field("count", count);
                out.field("unit", unit);
            }
        }
        out.end_object();
    }
}

impl Expiry {
    /// Reads `{kind: "never" | "fixed" | "withBadge" | "relative", at?, count?, unit?}`.
    ///
    /// ```
    /// use impactkit::{badges::validity::{Expiry, Validity}, json::Json, time::{Zone, parse_instant_str}};
    /// let v = serde_json::json!({"kind": "relative", "count": 2, "unit": "weeks"});
    /// let v = impactkit::json::Node::from(&v);
    /// let e = Expiry::from_json(&Json::root(&v), &Zone::utc()).unwrap();
    /// let t = parse_instant_str("2025-03-15T10:30:00Z", &Zone::utc()).unwrap();
    /// let at = e.expires_at(Some(t), &Validity::default(), &Zone::utc()).unwrap().unwrap();
    /// assert_eq!(Zone::utc().format(at), "2025-03-29T10:30:00Z");
    /// ```
    pub fn from_json(input: &Json, zone: &Zone) -> Result<Expiry> {
        Ok(
            match input
                .field("kind")?
                .one_of(&["never", "fixed", "withBadge", "relative"])?
            {
                0 => Expiry::Never,
                1 => Expiry::Fixed {
                    at: instant(&input.field("at")?, zone)?,
                },
                2 => Expiry::WithBadge,
                _ => Expiry::Relative {
                    count: input.field("count")?.integer_in(1, 100_000)? as u32,
                    unit: Unit::from_json(&input.field("unit")?)?,
                },
            },
        )
    }

    /// When a badge earned at `earned_at` expires (`Ok(None)`: never, or unknown);
    /// `Err(())` when a relative expiry lies past the year 9999.
    ///
    /// ```
    /// use impactkit::{badges::validity::{Expiry, Unit, Validity}, time::Zone};
    /// let end = impactkit::time::civil::DateTime::from_timestamp(1_800_000_000, 0);
    /// let validity = Validity { expires_on: end, ..Validity::default() };
    /// assert_eq!(Expiry::WithBadge.expires_at(None, &validity, &Zone::utc()), Ok(end));
    /// assert_eq!(Expiry::Never.expires_at(end, &validity, &Zone::utc()), Ok(None));
    /// let far = Expiry::Relative { count: 100_000, unit: Unit::Months };
    /// assert!(far.expires_at(end, &validity, &Zone::utc()).is_err());
    /// ```
    #[allow(clippy::result_unit_err)]
    pub fn expires_at(
        &self,
        earned_at: Option<DateTime<Utc>>,
        validity: &Validity,
        zone: &Zone,
    ) -> std::result::Result<Option<DateTime<Utc>>, ()> {
        match *self {
            Expiry::Never => Ok(None),
            Expiry::Fixed { at } => Ok(Some(at)),
            Expiry::WithBadge => Ok(validity.expires_on),
            Expiry::Relative { count, unit } => earned_at
                .map(|t| unit.shift(t, i64::from(count), zone).ok_or(()))
                .transpose(),
        }
    }
}
