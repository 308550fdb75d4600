//! Capillary badge metadata (seed 001, `/api_gateway/v1/badges/badgeMeta`):
//! validity, earn limits and earned/issued-badge expiry, read into impactkit's
//! badge model ([`crate::badges::validity`]).
//!
//! **Epochs.** Capillary sends instants as epoch seconds (`"startOn": 1764679795`),
//! epoch milliseconds (`"expiresOn": 1796215795000`) or ISO 8601 strings
//! (`startOnISO`, which wins over `startOn`). A number (or a string of digits)
//! whose magnitude is below 10¹¹ is read as **seconds**, anything else as
//! **milliseconds**: 10¹¹ s is the year 5138 and 10¹¹ ms is 1973-03-03, so
//! seconds are always read right in the supported years (1900–2200), and so
//! are milliseconds except for instants between 1966-10-31 and 1973-03-03:
//! those read as seconds (mostly outside 1900–2200, hence `invalid_date`;
//! within ±7.3·10⁹ ms of 1970 as a wrong date).

use crate::badges::validity::{Expiry, Limit, Limits, Reason, Unit, Validity, Window};
use crate::error::{ErrorCode, Result};
use crate::json::{Json, Node};
use crate::time::civil::{DateTime, Utc};
use crate::time::{epoch_at, instant, Zone};

/// Epoch numbers with a magnitude below this are seconds; the rest milliseconds
/// (the rule every epoch input follows: [`crate::time::EPOCH_SECONDS_BELOW`]).
///
/// ```
/// assert_eq!(impactkit::adapters::capillary::SECONDS_BELOW, 1e11);
/// ```
pub const SECONDS_BELOW: f64 = crate::time::EPOCH_SECONDS_BELOW;

/// A Capillary badge in impactkit's model: spread it into a definition and add `tiers`.
#[derive(Debug, Clone, PartialEq)]
pub struct BadgeMeta {
    /// Badge id (`id` or `badgeMetaId`).
    pub id: String,
    /// Name.
    pub name: String,
    /// Description, if any.
    pub description: Option<String>,
    /// URL of the `EARNED` image (or the first image), if any.
    pub icon: Option<String>,
    /// `startOn` / `expiresOn` / `active`.
    pub validity: Validity,
    /// `customerConstraints` and `badgeConstraints`.
    pub limits: Limits,
    /// `earnedBadgeExpiry`.
    pub expiry: Expiry,
    /// `issuedBadgeExpiry`, if given.
    pub issued_expiry: Option<Expiry>,
    /// With `now` in the input: whether the badge can be earned then (validity only).
    pub earnable: Option<bool>,
    /// With `now`: why not.
    pub reason: Option<Reason>,
}

crate::to_json_struct!(BadgeMeta {
    id: "id",
    name: "name",
    description: "description",
    icon: "icon",
    validity: "validity",
    limits: "limits",
    expiry: "expiry",
    issued_expiry: "issuedExpiry",
    earnable: "earnable"?,
    reason: "reason"?,
});

/// Reads a Capillary instant: epoch seconds or milliseconds (see the module
/// docs), as a number or a string of digits, or an ISO 8601 string (UTC when
/// it has no offset).
///
/// ```
/// use impactkit::{adapters::capillary::epoch_or_iso, json::Json, time::Zone};
/// let v = serde_json::json!([1764679795, 1764679795000i64, "1764679795", "2025-12-02T12:49:55Z"]);
/// for item in Json::root(&impactkit::json::Node::from(&v)).items().unwrap() {
///     assert_eq!(Zone::utc().format(epoch_or_iso(&item).unwrap()), "2025-12-02T12:49:55Z");
/// }
/// ```
pub fn epoch_or_iso(field: &Json) -> Result<DateTime<Utc>> {
    let number = match field.value() {
        Node::Number(_) => Some(field.number()?),
        Node::String(s) => {
            let digits = s.strip_prefix('-').unwrap_or(s);
            if !digits.is_empty()
                && digits.len() <= 16
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                s.parse::<i64>().ok().map(|n| n as f64)
            } else {
                None
            }
        }
        _ => None,
    };
    let Some(x) = number else {
        return instant(field, &Zone::utc());
    };
    epoch_at(field, x)
}

/// `<key>ISO` if present, else `<key>` (required).
fn badge_instant(input: &Json, key: &str, iso_key: &str) -> Result<DateTime<Utc>> {
    match input.opt(iso_key)? {
        Some(iso) => epoch_or_iso(&iso),
        None => epoch_or_iso(&input.field(key)?),
    }
}

fn unit(value: &Json) -> Result<Unit> {
    value.choice(&[
        ("DAYS", Unit::Days),
        ("WEEKS", Unit::Weeks),
        ("MONTHS", Unit::Months),
    ])
}

fn count(value: &Json) -> Result<u32> {
    Ok(value.integer_in(1, 100_000)? as u32)
}

fn max_earn(value: &Json) -> Result<u64> {
    Ok(value.integer_in(0, 1 << 53)? as u64)
}

/// Reads an `earnedBadgeExpiry` / `issuedBadgeExpiry` object.
fn expiry(input: &Json) -> Result<Expiry> {
    Ok(
        match input
            .field("expiryType")?
            .one_of(&["ABSOLUTE", "RELATIVE", "NEVER"])?
        {
            0 => {
                let with_meta = input
                    .opt("expireWithBadgeMeta")?
                    .map(|b| b.bool())
                    .transpose()?
                    .unwrap_or(false);
                let fixed = match input.opt("type")? {
                    Some(t) => t.one_of(&["FIXED_DATE", "WITH_BADGE_META"])? == 0,
                    None => !with_meta,
                };
                if fixed {
                    Expiry::Fixed {
                        at: epoch_or_iso(&input.field("expiresOn")?)?,
                    }
                } else {
                    Expiry::WithBadge
                }
            }
            1 => {
                // The API's own example spells it `relativeExpirytype`.
                let kind = match input.opt("relativeExpirytype")? {
                    Some(k) if input.opt("relativeExpiryType")?.is_none() => k,
                    _ => input.field("relativeExpiryType")?,
                };
                Expiry::Relative {
                    count: count(&input.field("value")?)?,
                    unit: unit(&kind)?,
                }
            }
            _ => Expiry::Never,
        },
    )
}

/// One object or an array of them.
fn each(input: &Json, key: &str, f: &mut dyn FnMut(&Json) -> Result<()>) -> Result<()> {
    match input.opt(key)? {
        None => Ok(()),
        Some(list) if list.value().is_array() => {
            for item in list.items()? {
                f(&item)?;
            }
            Ok(())
        }
        Some(one) => f(&one),
    }
}

fn customer_constraint(c: &Json, limits: &mut Vec<Limit>) -> Result<()> {
    let kind = c.field("constraintType")?.one_of(&[
        "CUSTOMER_BADGE_FIXED_VALUE",
        "CUSTOMER_BADGE_ROLLING_WINDOW",
    ])?;
    if kind == 0 {
        limits.push(Limit {
            max: max_earn(&c.field("maxEarnLimit")?)?,
            window: None,
        });
        return Ok(());
    }
    let before = limits.len();
    for (max_key, roll_key, unit) in [
        ("maxEarnForDays", "rollForDays", Unit::Days),
        ("maxEarnForWeeks", "rollForWeeks", Unit::Weeks),
        ("maxEarnForMonths", "rollForMonths", Unit::Months),
    ] {
        if let Some(max) = c.opt(max_key)? {
            limits.push(Limit {
                max: max_earn(&max)?,
                window: Some(Window {
                    count: count(&c.field(roll_key)?)?,
                    unit,
                }),
            });
        }
    }
    if limits.len() == before {
        c.field("maxEarnForDays")?;
    }
    Ok(())
}

fn badge_constraint(c: &Json, limits: &mut Vec<Limit>) -> Result<()> {
    let kind = c
        .field("constraintType")?
        .one_of(&["BADGE_FIXED_VALUE", "BADGE_ROLLING_WINDOW"])?;
    let max = max_earn(&c.field("maxEarnLimit")?)?;
    let window = if kind == 0 {
        None
    } else {
        Some(Window {
            count: count(&c.field("rollValue")?)?,
            unit: unit(&c.field("rollType")?)?,
        })
    };
    limits.push(Limit { max, window });
    Ok(())
}

fn icon(input: &Json) -> Result<Option<String>> {
    let Some(images) = input.opt("images")? else {
        return Ok(None);
    };
    let mut first: Option<String> = None;
    for image in images.items()? {
        let url = image.opt("url")?.map(|u| u.str()).transpose()?;
        let tag = image.opt("tag")?.map(|t| t.str()).transpose()?;
        if tag == Some("EARNED") && url.is_some() {
            return Ok(url.map(str::to_owned));
        }
        if first.is_none() {
            first = url.map(str::to_owned);
        }
    }
    Ok(first)
}

/// The `readCapillaryBadge` function: a seed 001 badge object (plus an
/// optional `now` to report whether it can be earned then).
///
/// ```
/// let v = serde_json::json!({"id": "b1", "name": "Badge Issue", "startOn": 1764679795,
///   "expiresOn": 1796215795000i64, "isActive": true,
///   "earnedBadgeExpiry": {"relativeExpirytype": "WEEKS", "value": 2, "expiryType": "RELATIVE"},
///   "customerConstraints": [{"constraintType": "CUSTOMER_BADGE_FIXED_VALUE", "maxEarnLimit": 1}]});
/// let v = impactkit::json::Node::from(&v);
/// let m = impactkit::adapters::capillary::read_capillary_badge(&impactkit::json::Json::root(&v)).unwrap();
/// let out: serde_json::Value = serde_json::from_str(&impactkit::json::to_json_text(&m)).unwrap();
/// assert_eq!(out["validity"]["startOn"], "2025-12-02T12:49:55Z");
/// assert_eq!(out["expiry"], serde_json::json!({"kind": "relative", "count": 2, "unit": "weeks"}));
/// assert_eq!(out["limits"]["customer"][0]["max"], 1);
/// ```
pub fn read_capillary_badge(input: &Json) -> Result<BadgeMeta> {
    let id = match input.opt("id")? {
        Some(id) => id.id()?,
        None => match input.opt("badgeMetaId")? {
            Some(id) => id.id()?,
            None => input.field("id")?.id()?,
        },
    };
    let start_on = badge_instant(input, "startOn", "startOnISO")?;
    let expires_on = badge_instant(input, "expiresOn", "expiresOnISO")?;
    if expires_on <= start_on {
        let at = match input.opt("expiresOnISO")? {
            Some(_) => "expiresOnISO",
            None => "expiresOn",
        };
        return Err(input
            .field(at)?
            .error(ErrorCode::OutOfRange, "expiresOn must be after startOn"));
    }
    let active = match (input.opt("active")?, input.opt("isActive")?) {
        (Some(a), _) | (None, Some(a)) => a.bool()?,
        (None, None) => input.field("active")?.bool()?,
    };
    let validity = Validity {
        start_on: Some(start_on),
        expires_on: Some(expires_on),
        active,
    };
    let mut limits = Limits::default();
    each(input, "customerConstraints", &mut |c| {
        customer_constraint(c, &mut limits.customer)
    })?;
    each(input, "badgeConstraints", &mut |c| {
        badge_constraint(c, &mut limits.badge)
    })?;
    let now = input
        .opt("now")?
        .map(|n| instant(&n, &Zone::utc()))
        .transpose()?;
    let reason = now.and_then(|n| validity.check(n));
    Ok(BadgeMeta {
        id,
        name: input.field("name")?.str()?.to_owned(),
        description: input.opt_text("description")?,
        icon: icon(input)?,
        validity,
        limits,
        expiry: expiry(&input.field("earnedBadgeExpiry")?)?,
        issued_expiry: input
            .opt("issuedBadgeExpiry")?
            .map(|e| expiry(&e))
            .transpose()?,
        earnable: now.map(|_| reason.is_none()),
        reason,
    })
}
