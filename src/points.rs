//! Points progress: what a points balance is worth, what expires and when, what can be redeemed
//! and what a cart would earn. Backend-neutral; [`crate::adapters::gameball_points`] reads
//! Gameball's balance response into [`Balance`].
//!
//! Values are exact decimals: with a redemption factor (0.1 → 10 points = 1 currency unit) every
//! value is `points × factor`; without one the balance's own values are passed through.

use crate::decimal::Decimal;
use crate::time::civil::{DateTime, Utc};
use crate::time::{format_date, Zone};

/// A points balance, backend-neutral.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// Points usable now.
    pub available: Amount,
    /// Points on hold during the return window.
    pub pending: Amount,
    /// All points, pending included.
    pub total: Amount,
    /// The next points to expire: amount, value and instant.
    pub expiring: Option<(Amount, DateTime<Utc>)>,
    /// The programme's name for points ("Reward Points").
    pub points_name: Option<String>,
    /// The currency of the values.
    pub currency: Option<String>,
    /// Lifetime points earned.
    pub total_earned: Option<f64>,
}

/// A number of points and, when known, their currency value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    /// Points.
    pub points: f64,
    /// Their value in the programme's currency (`null` when unknown).
    pub value: Option<f64>,
}

crate::to_json_struct!(Amount {
    points: "points",
    value: "value",
});

/// Programme rules and the moment the balance is looked at.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// Currency per point (`redemptionRewardFactor`, > 0).
    pub factor: Option<f64>,
    /// Spend that earns `reward_points` (`rewardThreshold`, > 0) and those points.
    pub earning: Option<(f64, f64)>,
    /// The cart's total, for `cartEarns`.
    pub cart_total: Option<f64>,
    /// Days left at or below which expiry is `lastChance` (default 7) and `soon` (default 30).
    pub urgency: (i64, i64),
    /// When the pending points were earned and the return window in days.
    pub pending_since: Option<(DateTime<Utc>, i64)>,
}

/// How close an expiry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Within the last-chance days (7 by default, the last day included).
    LastChance,
    /// Within the "soon" days (30 by default).
    Soon,
}

crate::to_json_enum!(Urgency {
    LastChance => "lastChance",
    Soon => "soon",
});

/// Pending points and the day they become usable.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// Points.
    pub points: f64,
    /// Their value.
    pub value: Option<f64>,
    /// Local date (`YYYY-MM-DD`) the return window ends; `null` without `pendingSince` or points.
    pub available_on: Option<String>,
}

crate::to_json_struct!(Pending {
    points: "points",
    value: "value",
    available_on: "availableOn",
});

/// The next points to expire.
#[derive(Debug, Clone, PartialEq)]
pub struct Expiring {
    /// Points.
    pub points: f64,
    /// Their value.
    pub value: Option<f64>,
    /// When they expire (RFC 3339 in the timezone).
    pub at: String,
    /// The last local day they can be used (the day before when `at` is local midnight).
    pub last_day: String,
    /// Whole local days from today to `last_day`: 0 on the last day and once expired.
    pub days_left: i64,
    /// `lastChance`, `soon` or `null` (also `null` once expired).
    pub urgency: Option<Urgency>,
    /// Whether `at` is at or before `now`: the balance still lists points that have expired.
    pub expired: bool,
}

crate::to_json_struct!(Expiring {
    points: "points",
    value: "value",
    at: "at",
    last_day: "lastDay",
    days_left: "daysLeft",
    urgency: "urgency",
    expired: "expired",
});

/// What can be redeemed now.
#[derive(Debug, Clone, PartialEq)]
pub struct Redeemable {
    /// Available points.
    pub points: f64,
    /// Their value.
    pub value: Option<f64>,
    /// Points to earn before the value reaches the next whole currency unit (needs the factor).
    pub to_next_unit: Option<f64>,
}

crate::to_json_struct!(Redeemable {
    points: "points",
    value: "value",
    to_next_unit: "toNextUnit",
});

/// What the cart would earn.
#[derive(Debug, Clone, PartialEq)]
pub struct CartEarns {
    /// Points the cart earns: `⌊total / rewardThreshold⌋ × rewardPoints`.
    pub points: f64,
    /// Their value (with the factor).
    pub value: Option<f64>,
    /// Spend more that earns the next `rewardPoints`.
    pub spend_to_next: f64,
}

crate::to_json_struct!(CartEarns {
    points: "points",
    value: "value",
    spend_to_next: "spendToNext",
});

/// The `pointsProgress` result.
#[derive(Debug, Clone, PartialEq)]
pub struct PointsProgress {
    /// The programme's name for points, passed through.
    pub points_name: Option<String>,
    /// The currency of every value, passed through.
    pub currency: Option<String>,
    /// Lifetime points earned, passed through.
    pub total_earned: Option<f64>,
    /// Usable points.
    pub available: Amount,
    /// Points in the return window.
    pub pending: Pending,
    /// All points.
    pub total: Amount,
    /// The next expiry (`null` when nothing expires).
    pub expiring: Option<Expiring>,
    /// What can be redeemed now.
    pub redeemable: Redeemable,
    /// What the cart earns (`null` without a cart).
    pub cart_earns: Option<CartEarns>,
}

crate::to_json_struct!(PointsProgress {
    points_name: "pointsName",
    currency: "currency",
    total_earned: "totalEarned",
    available: "available",
    pending: "pending",
    total: "total",
    expiring: "expiring",
    redeemable: "redeemable",
    cart_earns: "cartEarns",
});

/// `points × factor`, or the given value without a factor (`None` past the number range).
fn valued(amount: Amount, factor: Option<f64>) -> Amount {
    let value = match factor {
        Some(f) => Decimal::from_f64(amount.points)
            .checked_mul(Decimal::from_f64(f))
            .map(Decimal::to_f64),
        None => amount.value,
    };
    Amount { value, ..amount }
}

/// Computes points progress at `now` in `zone`.
///
/// ```
/// use impactkit::points::{progress, Amount, Balance, Rules};
/// let a = |points| Amount { points, value: None };
/// let b = Balance { available: a(1200.0), pending: a(300.0), total: a(1500.0), expiring: None,
///     points_name: None, currency: None, total_earned: None };
/// let rules = Rules { factor: Some(0.05), earning: None, cart_total: None, urgency: (7, 30), pending_since: None };
/// let now = impactkit::time::parse_instant_str("2024-11-20T12:00:00Z", &impactkit::time::Zone::utc()).unwrap();
/// let p = progress(&b, &rules, now, &impactkit::time::Zone::utc());
/// assert_eq!((p.available.value, p.redeemable.to_next_unit), (Some(60.0), Some(20.0)));
/// ```
pub fn progress(
    balance: &Balance,
    rules: &Rules,
    now: DateTime<Utc>,
    zone: &Zone,
) -> PointsProgress {
    let available = valued(balance.available, rules.factor);
    let pending = valued(balance.pending, rules.factor);
    PointsProgress {
        points_name: balance.points_name.clone(),
        currency: balance.currency.clone(),
        total_earned: balance.total_earned,
        available,
        pending: Pending {
            points: pending.points,
            value: pending.value,
            available_on: available_on(pending.points, rules, zone),
        },
        total: valued(balance.total, rules.factor),
        expiring: balance
            .expiring
            .as_ref()
            .map(|(amount, at)| expiring(valued(*amount, rules.factor), *at, now, zone, rules)),
        redeemable: Redeemable {
            points: available.points,
            value: available.value,
            to_next_unit: rules.factor.and_then(|f| to_next_unit(available.points, f)),
        },
        cart_earns: cart_earns(rules),
    }
}

fn available_on(points: f64, rules: &Rules, zone: &Zone) -> Option<String> {
    let (since, days) = rules.pending_since?;
    if points <= 0.0 {
        return None;
    }
    // Local calendar days: a DST change inside the window does not move the date.
    let days = crate::time::civil::Days::new(u64::try_from(days).ok()?);
    let at = zone.shift_local(since, |l| l.checked_add_days(days))?;
    Some(format_date(zone.date_of(at)))
}

fn expiring(
    amount: Amount,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    zone: &Zone,
    rules: &Rules,
) -> Expiring {
    let deadline = crate::tiers::retention::Deadline::of(at, now, zone);
    let days_left = if deadline.ended {
        0
    } else {
        deadline.days_left
    };
    let (last_chance, soon) = rules.urgency;
    let urgency = match days_left {
        _ if deadline.ended => None,
        d if d <= last_chance => Some(Urgency::LastChance),
        d if d <= soon => Some(Urgency::Soon),
        _ => None,
    };
    Expiring {
        points: amount.points,
        value: amount.value,
        at: zone.format(at),
        last_day: format_date(deadline.by),
        days_left,
        urgency,
        expired: deadline.ended,
    }
}

/// Points to earn before `points × factor` reaches the next whole currency unit.
fn to_next_unit(points: f64, factor: f64) -> Option<f64> {
    let (p, f) = (Decimal::from_f64(points), Decimal::from_f64(factor));
    let value = p.checked_mul(f)?;
    let next_unit = i64::try_from(value.div_floor(Decimal::from_int(1))?.checked_add(1)?).ok()?;
    let needed = i64::try_from(Decimal::from_int(next_unit).div_ceil(f)?).ok()?;
    Some((Decimal::from_int(needed) - p).to_f64())
}

fn cart_earns(rules: &Rules) -> Option<CartEarns> {
    let (threshold, reward) = rules.earning?;
    let total = Decimal::from_f64(rules.cart_total?);
    let step = Decimal::from_f64(threshold);
    let times = i64::try_from(total.div_floor(step)?.max(0)).ok()?;
    let points = Decimal::from_int(times).checked_mul(Decimal::from_f64(reward))?;
    let next = Decimal::from_int(times.checked_add(1)?).checked_mul(step)?;
    let earned = Amount {
        points: points.to_f64(),
        value: None,
    };
    Some(CartEarns {
        points: earned.points,
        value: valued(earned, rules.factor).value,
        spend_to_next: (next - total).to_f64(),
    })
}
