//! Gameball v4 "Customer Progress" responses (seed 004): balance, tier-progress,
//! reward-campaigns-progress, referrals (list and count) and activities, read as the API sends them.

pub mod activities;
pub mod referrals;

use crate::campaigns::{summarize, Campaign, CampaignProgress};
use crate::decimal::Display;
use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::tiers::{progress_and_display, start_of, Placed, TierProgress};
use crate::time::{instant, Zone, ZoneDb};

/// The order of `items` by `key` from the greatest to the least, equal keys in input order,
/// through [`crate::unique::sorted_indices`] (one sort in the wasm module, not one per item type).
fn newest_first<T>(items: Vec<T>, key: impl Fn(&T) -> String) -> Vec<T> {
    let keys: Vec<String> = items.iter().rev().map(key).collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    // Ascending over the reversed list, then read backwards: descending, ties in input order.
    let order = crate::unique::sorted_indices(&keys);
    let mut slots: Vec<Option<T>> = items.into_iter().rev().map(Some).collect();
    order
        .into_iter()
        .rev()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// A sort key of an instant: UTC wall-clock text, which sorts as the instants do (four-digit years).
fn instant_key(t: &crate::time::civil::DateTime<crate::time::civil::Utc>) -> String {
    crate::time::text::datetime_text(t.naive_utc())
}

/// Whether `input` is Gameball's tier-progress shape: a `current` or `next` key and no `tiers`
/// (`current` is `null` below the lowest tier, `next` at the top).
///
/// ```
/// let v = serde_json::json!({"current": null, "next": {"name": "Basic", "minProgress": 0}, "progress": 0});
/// let v = impactkit::json::Node::from(&v);
/// assert!(impactkit::adapters::gameball::is_tier_progress(&impactkit::json::Json::root(&v)).unwrap());
/// ```
pub fn is_tier_progress(input: &Json) -> Result<bool> {
    let gameball = input
        .object()?
        .iter()
        .any(|(k, _)| k == "current" || k == "next");
    Ok(gameball && input.opt("tiers")?.is_none())
}

/// Reads the tier-progress response `{current, next, progress}` (`next: null` at the top tier).
///
/// ```
/// let v = serde_json::json!({"current": {"order": 1, "name": "Basic", "minProgress": 0},
///                            "next": {"order": 2, "name": "Gold", "minProgress": 190}, "progress": 50});
/// let v = impactkit::json::Node::from(&v);
/// let p = impactkit::adapters::gameball::tier_progress(&impactkit::json::Json::root(&v)).unwrap();
/// assert_eq!((p.percentage, p.remaining), (26.3, 140.0));
/// ```
pub fn tier_progress(input: &Json) -> Result<TierProgress> {
    read_tier_progress(input, |placed| placed.build())
}

/// Reads and checks `{current, next, progress}` as [`tier_progress`] does, then answers
/// `answer` of where its two tiers are.
///
/// # Errors
/// Those of [`tier_progress`], then `answer`'s.
pub fn read_tier_progress<R>(
    input: &Json,
    answer: impl FnOnce(Placed<'_>) -> Result<R>,
) -> Result<R> {
    let tier = |key| -> Result<Option<(Json, f64)>> {
        let Some(item) = input.opt(key)? else {
            return Ok(None);
        };
        Ok(Some((item, start_of(&item)?)))
    };
    let current = tier("current")?;
    let next = tier("next")?;
    if let (Some((_, low)), Some((item, high))) = (&current, &next) {
        if high <= low {
            return Err(item.field("minProgress")?.error(
                ErrorCode::OutOfRange,
                crate::error::Message::new("the next tier must start above the current one (")
                    .num(*high)
                    .text(" ≤ ")
                    .num(*low)
                    .text(")"),
            ));
        }
    }
    if current.is_none() && next.is_none() {
        // Neither tier: nothing to place the progress in (`missing_field` at `current`).
        input.field("current")?;
    }
    let (progress, display) = progress_and_display(input)?;
    answer(Placed {
        current,
        next,
        progress,
        display,
    })
}

fn optional_count(item: &Json, key: &str) -> Result<Option<u64>> {
    item.opt(key)?
        .map(|v| v.integer_in(0, 1 << 53).map(|n| n as u64))
        .transpose()
}

/// Reads one reward-campaigns-progress entry.
///
/// ```
/// let v = serde_json::json!({"rewardsCampaignName": "Birthday Reward 🎉", "rewardsCampaignId": 5860,
///     "isUnlocked": true, "completionPercentage": 100.0, "achievedCount": 1});
/// let v = impactkit::json::Node::from(&v);
/// let c = impactkit::adapters::gameball::campaign(&impactkit::json::Json::root(&v), impactkit::decimal::Display::default()).unwrap();
/// assert_eq!((c.id.as_str(), c.status), ("5860", impactkit::campaigns::CampaignStatus::Achieved));
/// ```
pub fn campaign(item: &Json, display: Display) -> Result<Campaign> {
    let raw = match item.opt("completionPercentage")? {
        Some(p) => p.number_in(0.0, 100.0)?,
        None => 0.0,
    };
    let percentage = display.percent(raw, 100.0);
    let achieved_count = optional_count(item, "achievedCount")?.unwrap_or(0);
    let is_unlocked = item.field("isUnlocked")?.bool()?;
    Ok(Campaign {
        id: item.field("rewardsCampaignId")?.id()?,
        name: item.field("rewardsCampaignName")?.str()?.to_owned(),
        status: Campaign::status_of(is_unlocked, percentage, achieved_count),
        percentage,
        achieved_count,
        current_streak: optional_count(item, "currentStreak")?,
        highest_streak: optional_count(item, "highestStreak")?,
        high_score_amount: item
            .opt("highScoreAmount")?
            .map(|h| h.number())
            .transpose()?,
    })
}

/// The `campaignProgress` function: `{campaigns: [...as Gameball sends them], decimals?}`,
/// or Gameball's reward-campaigns-progress array itself.
///
/// ```
/// let v = serde_json::json!({"campaigns": [
///   {"rewardsCampaignName": "Third Order Campaign 🛍️", "rewardsCampaignId": 5859, "isUnlocked": true, "completionPercentage": 33.0, "achievedCount": 0}]});
/// let v = impactkit::json::Node::from(&v);
/// let p = impactkit::adapters::gameball::campaign_progress(&impactkit::json::Json::root(&v)).unwrap();
/// assert_eq!(p.next_up.unwrap().percentage, 33.0);
/// ```
pub fn campaign_progress(input: &Json) -> Result<CampaignProgress> {
    if input.value().is_array() {
        return campaigns_from(input, Display::default());
    }
    let display = Display::from_json(input)?;
    campaigns_from(&input.field("campaigns")?, display)
}

fn campaigns_from(list: &Json, display: Display) -> Result<CampaignProgress> {
    // Read up to the first invalid campaign; a repeated id before it is reported first.
    let mut campaigns: Vec<Campaign> = Vec::new();
    let mut invalid = None;
    for item in list.items()? {
        match campaign(&item, display) {
            Ok(c) => campaigns.push(c),
            Err(e) => {
                invalid = Some(e);
                break;
            }
        }
    }
    if let Some(i) = crate::unique::first_repeat(&mut campaigns.iter().map(|c| c.id.as_str())) {
        let at = list.items()?.nth(i).unwrap_or(*list);
        let id = campaigns.get(i).map(|c| c.id.as_str()).unwrap_or_default();
        return Err(at.error(
            ErrorCode::Duplicate,
            ["campaign ", id, " is listed twice"].concat(),
        ));
    }
    match invalid {
        Some(e) => Err(e),
        None => Ok(summarize(campaigns)),
    }
}

/// A points balance, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// All points, pending included.
    pub total_points_balance: f64,
    /// Monetary value of all points.
    pub total_points_value: Option<f64>,
    /// Points usable now.
    pub available_points_balance: f64,
    /// Monetary value of usable points.
    pub available_points_value: Option<f64>,
    /// Points on hold during the return window.
    pub pending_points: f64,
    /// Monetary value of pending points.
    pub pending_points_value: Option<f64>,
    /// Currency of the values.
    pub currency: Option<String>,
    /// The programme's name for points ("Reward Points").
    pub points_name: Option<String>,
    /// Points expiring next.
    pub next_expiring_points_amount: Option<f64>,
    /// Their monetary value.
    pub next_expiring_points_value: Option<f64>,
    /// When they expire, RFC 3339 in the requested timezone.
    pub next_expiring_points_date: Option<String>,
    /// Lifetime points earned.
    pub total_earned_points: Option<f64>,
}

crate::to_json_struct!(Balance {
    total_points_balance: "totalPointsBalance",
    total_points_value: "totalPointsValue",
    available_points_balance: "availablePointsBalance",
    available_points_value: "availablePointsValue",
    pending_points: "pendingPoints",
    pending_points_value: "pendingPointsValue",
    currency: "currency",
    points_name: "pointsName",
    next_expiring_points_amount: "nextExpiringPointsAmount",
    next_expiring_points_value: "nextExpiringPointsValue",
    next_expiring_points_date: "nextExpiringPointsDate",
    total_earned_points: "totalEarnedPoints",
});

/// Reads the balance response; its naive `nextExpiringPointsDate` is read in `zone`.
///
/// ```
/// let v = serde_json::json!({"totalPointsBalance": 1500, "availablePointsBalance": 1200, "pendingPoints": 300,
///                            "nextExpiringPointsDate": "2024-12-01T00:00:00"});
/// let v = impactkit::json::Node::from(&v);
/// let b = impactkit::adapters::gameball::balance(&impactkit::json::Json::root(&v), &impactkit::time::Zone::utc()).unwrap();
/// assert_eq!(b.next_expiring_points_date.as_deref(), Some("2024-12-01T00:00:00Z"));
/// ```
pub fn balance(input: &Json, zone: &Zone) -> Result<Balance> {
    Ok(Balance {
        total_points_balance: input.field("totalPointsBalance")?.number()?,
        total_points_value: input.opt_number("totalPointsValue")?,
        available_points_balance: input.field("availablePointsBalance")?.number()?,
        available_points_value: input.opt_number("availablePointsValue")?,
        pending_points: input.opt_number("pendingPoints")?.unwrap_or(0.0),
        pending_points_value: input.opt_number("pendingPointsValue")?,
        currency: input.opt_text("currency")?,
        points_name: input.opt_text("pointsName")?,
        next_expiring_points_amount: input.opt_number("nextExpiringPointsAmount")?,
        next_expiring_points_value: input.opt_number("nextExpiringPointsValue")?,
        next_expiring_points_date: input
            .opt("nextExpiringPointsDate")?
            .map(|d| instant(&d, zone).map(|t| zone.format(t)))
            .transpose()?,
        total_earned_points: input.opt_number("totalEarnedPoints")?,
    })
}

/// The normalised result of `readGameball`.
#[derive(Debug, Clone, PartialEq)]
pub struct GameballProgress {
    /// From the balance response.
    pub balance: Option<Balance>,
    /// From the tier-progress response.
    pub tier: Option<TierProgress>,
    /// From the reward-campaigns-progress response.
    pub campaigns: Option<CampaignProgress>,
    /// From the referrals list and / or referrals count responses.
    pub referrals: Option<referrals::Referrals>,
    /// From the activities responses (pages merged, newest first): `streak`'s `activity` as is.
    pub activities: Option<Vec<activities::Activity>>,
}

crate::to_json_struct!(GameballProgress {
    balance: "balance"?,
    tier: "tier"?,
    campaigns: "campaigns"?,
    referrals: "referrals"?,
    activities: "activities"?,
});

/// The keys of `readGameball`'s input, one per endpoint response.
const ENDPOINT_KEYS: &str =
    "give at least one of `balance`, `tierProgress`, `campaigns`, `referrals`, `referralsCount`, `activities`";

/// The `readGameball` function: `{balance?, tierProgress?, campaigns?, referrals?, referralsCount?,
/// activities?, timezone?, decimals?}`. `timezone` (default UTC) is the zone Gameball's naive
/// dates and times are wall-clock time in (the store's Gameball account zone).
///
/// ```
/// let v = serde_json::json!({"tierProgress": {"current": {"name": "Basic", "minProgress": 0}, "next": null, "progress": 50}});
/// let v = impactkit::json::Node::from(&v);
/// let g = impactkit::adapters::gameball::read_gameball(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(g.tier.unwrap().percentage, 100.0);
/// ```
pub fn read_gameball(input: &Json, zones: &dyn ZoneDb) -> Result<GameballProgress> {
    let zone = Zone::from_field(input, zones)?;
    let display = Display::from_json(input)?;
    let list = input.opt("referrals")?;
    let counts = input.opt("referralsCount")?;
    let result = GameballProgress {
        balance: input
            .opt("balance")?
            .map(|b| balance(&b, &zone))
            .transpose()?,
        tier: input
            .opt("tierProgress")?
            .map(|t| tier_progress(&t))
            .transpose()?,
        campaigns: input
            .opt("campaigns")?
            .map(|c| campaigns_from(&c, display))
            .transpose()?,
        referrals: match (&list, &counts) {
            (None, None) => None,
            _ => Some(referrals::read(list.as_ref(), counts.as_ref(), &zone)?),
        },
        activities: input
            .opt("activities")?
            .map(|a| activities::read(&a, &zone))
            .transpose()?,
    };
    let GameballProgress {
        balance,
        tier,
        campaigns,
        referrals,
        activities,
    } = &result;
    if balance.is_none()
        && tier.is_none()
        && campaigns.is_none()
        && referrals.is_none()
        && activities.is_none()
    {
        return Err(Error::new(
            ErrorCode::MissingField,
            input.path().render(),
            ENDPOINT_KEYS,
        ));
    }
    Ok(result)
}
