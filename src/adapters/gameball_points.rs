//! `pointsProgress` over Gameball v4's balance response (seed 004): the balance as
//! [`crate::adapters::gameball::balance`] reads it, plus the programme's rules
//! (`redemptionRewardFactor`, `rewardThreshold`, … as seed 004's activities name them).

use crate::adapters::gameball;
use crate::decimal::Decimal;
use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::points::{progress, Amount, Balance, PointsProgress, Rules};
use crate::time::{instant, parse_instant_str, Zone, ZoneDb};

/// Days a return window lasts when `returnWindowDays` is not given (seed 004's example).
pub const RETURN_WINDOW_DAYS: i64 = 14;

/// The `pointsProgress` function: `{balance, now, timezone?, redemptionRewardFactor?,
/// rewardThreshold?, rewardPoints?, cart?, urgency?, pendingSince?, returnWindowDays?, locale?}`.
///
/// ```
/// let v = serde_json::json!({"balance": {"totalPointsBalance": 1500, "availablePointsBalance": 1200,
///     "pendingPoints": 300, "nextExpiringPointsAmount": 200, "nextExpiringPointsDate": "2024-12-01T00:00:00"},
///     "now": "2024-11-28T12:00:00Z", "redemptionRewardFactor": 0.05});
/// let v = impactkit::json::Node::from(&v);
/// let p = impactkit::adapters::gameball_points::points_progress(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
/// let e = p.expiring.unwrap();
/// assert_eq!((e.days_left, e.value), (2, Some(10.0)));
/// ```
pub fn points_progress(input: &Json, zones: &dyn ZoneDb) -> Result<PointsProgress> {
    let zone = Zone::from_field(input, zones)?;
    let balance = read_balance(&input.field("balance")?, &zone)?;
    let now = instant(&input.field("now")?, &zone)?;
    let rules = read_rules(input, &zone)?;
    if let Some(locale) = input.opt("locale")? {
        locale.str()?;
    }
    Ok(progress(&balance, &rules, now, &zone))
}

/// Reads the balance response into the backend-neutral [`Balance`].
pub fn read_balance(input: &Json, zone: &Zone) -> Result<Balance> {
    let b = gameball::balance(input, zone)?;
    let amount = |points, value| Amount { points, value };
    let expiring = match (b.next_expiring_points_amount, &b.next_expiring_points_date) {
        (Some(points), Some(date)) if points > 0.0 => parse_instant_str(date, zone)
            .map(|at| (amount(points, b.next_expiring_points_value), at)),
        _ => None,
    };
    Ok(Balance {
        available: amount(b.available_points_balance, b.available_points_value),
        pending: amount(b.pending_points, b.pending_points_value),
        total: amount(b.total_points_balance, b.total_points_value),
        expiring,
        points_name: b.points_name,
        currency: b.currency,
        total_earned: b.total_earned_points,
    })
}

/// A number that must be above zero (at least 1e-22, the decimal resolution): `invalid_value`
/// at the field otherwise.
fn above_zero(input: &Json, key: &str) -> Result<Option<f64>> {
    let Some(field) = input.opt(key)? else {
        return Ok(None);
    };
    let x = field.number()?;
    // Below 1e-22 the exact decimal is 0: every value (or cart) would silently come out 0.
    if x <= 0.0 || Decimal::from_f64(x) == Decimal::ZERO {
        return Err(field.error(
            ErrorCode::InvalidValue,
            crate::error::Message::new("must be at least 1e-22, got ").num(x),
        ));
    }
    Ok(Some(x))
}

#[inline(never)]
fn missing(input: &Json, key: &str, why: &str) -> Error {
    Error::new(
        ErrorCode::MissingField,
        [input.path().render().as_str(), ".", key].concat(),
        why,
    )
}

fn read_rules(input: &Json, zone: &Zone) -> Result<Rules> {
    let factor = above_zero(input, "redemptionRewardFactor")?;
    let threshold = above_zero(input, "rewardThreshold")?;
    let reward = input
        .opt("rewardPoints")?
        .map(|r| r.non_negative())
        .transpose()?;
    let cart_total = match input.opt("cart")? {
        None => None,
        Some(c) if c.value().is_number() => Some(c.non_negative()?),
        Some(c) => Some(c.field("total")?.non_negative()?),
    };
    let earning = match (threshold, reward) {
        (Some(t), Some(r)) => Some((t, r)),
        _ if cart_total.is_none() => None,
        (None, _) => {
            return Err(missing(
                input,
                "rewardThreshold",
                "a cart needs `rewardThreshold` (spend per reward)",
            ))
        }
        (_, None) => {
            return Err(missing(
                input,
                "rewardPoints",
                "a cart needs `rewardPoints` (points per `rewardThreshold` spent)",
            ))
        }
    };
    let pending_since = match input.opt("pendingSince")? {
        None => None,
        Some(since) => {
            let days = match input.opt("returnWindowDays")? {
                Some(d) => d.integer_in(0, 365)?,
                None => RETURN_WINDOW_DAYS,
            };
            Some((instant(&since, zone)?, days))
        }
    };
    Ok(Rules {
        factor,
        earning,
        cart_total,
        urgency: read_urgency(input)?,
        pending_since,
    })
}

/// `urgency: {lastChance?, soon?}` in days (defaults 7 and 30), `lastChance ≤ soon`.
fn read_urgency(input: &Json) -> Result<(i64, i64)> {
    let Some(u) = input.opt("urgency")? else {
        return Ok((7, 30));
    };
    let day = |key, default| -> Result<i64> {
        u.opt(key)?.map_or(Ok(default), |d| d.integer_in(0, 3650))
    };
    let (last_chance, soon) = (day("lastChance", 7)?, day("soon", 30)?);
    if last_chance > soon {
        return Err(u.field("lastChance")?.error(
            ErrorCode::InvalidValue,
            "lastChance must not exceed soon (days before expiry)",
        ));
    }
    Ok((last_chance, soon))
}
