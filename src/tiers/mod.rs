//! Tier progress: which tier a customer is in, the next one, and how far along;
//! [`retention`] adds what keeps the current tier and by when.

pub mod message;
pub mod retention;

use crate::decimal::{Decimal, Display};
use crate::error::{ErrorCode, Result};
use crate::json::Json;

/// One tier of a loyalty programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    /// Display name ("Gold").
    pub name: String,
    /// Progress needed to be in this tier.
    pub min_progress: f64,
    /// The backend's ordinal, if it sends one.
    pub order: Option<i64>,
    /// Icon URL or name, passed through untouched.
    pub icon: Option<String>,
    /// Progress that keeps this tier for another period (`retainProgress`; default `min_progress`).
    pub retain_progress: Option<f64>,
    /// On the next tier: the last local day (`YYYY-MM-DD`) the qualifying period counts.
    pub by: Option<String>,
    /// On the next tier: whole local days from today to `by` (0 on that day).
    pub days_left: Option<i64>,
}

crate::to_json_struct!(Tier {
    name: "name",
    min_progress: "minProgress",
    order: "order"?,
    icon: "icon"?,
    retain_progress: "retainProgress"?,
    by: "by"?,
    days_left: "daysLeft"?,
});

impl Tier {
    /// A tier with a name and threshold only.
    ///
    /// ```
    /// assert_eq!(impactkit::tiers::Tier::new("Gold", 190.0).min_progress, 190.0);
    /// ```
    pub fn new(name: &str, min_progress: f64) -> Tier {
        Tier {
            name: name.to_owned(),
            min_progress,
            order: None,
            icon: None,
            retain_progress: None,
            by: None,
            days_left: None,
        }
    }

    /// Reads `{name, minProgress, order?, icon?, retainProgress?}`.
    ///
    /// ```
    /// let v = serde_json::json!({"name": "Gold", "minProgress": 190, "order": 2});
    /// let v = impactkit::json::Node::from(&v);
    /// let t = impactkit::tiers::Tier::from_json(&impactkit::json::Json::root(&v)).unwrap();
    /// assert_eq!((t.name.as_str(), t.min_progress), ("Gold", 190.0));
    /// ```
    pub fn from_json(input: &Json) -> Result<Tier> {
        Ok(Tier {
            name: input.field("name")?.str()?.to_owned(),
            min_progress: input.field("minProgress")?.non_negative()?,
            order: input
                .opt("order")?
                .map(|o| o.integer_in(i64::MIN / 2, i64::MAX / 2))
                .transpose()?,
            icon: input
                .opt("icon")?
                .map(|i| i.str().map(str::to_owned))
                .transpose()?,
            retain_progress: input
                .opt("retainProgress")?
                .map(|r| r.non_negative())
                .transpose()?,
            by: None,
            days_left: None,
        })
    }
}

/// Tier progress output.
#[derive(Debug, Clone, PartialEq)]
pub struct TierProgress {
    /// The tier reached (`null` below the lowest tier).
    pub current: Option<Tier>,
    /// The next tier (`null` at the top).
    pub next: Option<Tier>,
    /// Progress from the current tier's threshold to the next one's; 100 at the top.
    pub percentage: f64,
    /// Progress still needed for the next tier (0 at the top).
    pub remaining: f64,
    /// The customer's progress value, as given.
    pub progress: f64,
    /// What keeps the current tier, when the input has a qualifying period, a period end or
    /// a `retainProgress` (see [`retention`]).
    pub retain: Option<retention::Retain>,
    /// The widget message in `locale` (only when the input has `locale`).
    pub message: Option<String>,
    /// The locale asked for and the one `message` is written in (only with `locale`).
    pub locale: Option<crate::locale::LocaleRequest>,
}

crate::to_json_struct!(TierProgress {
    current: "current",
    next: "next",
    percentage: "percentage",
    remaining: "remaining",
    progress: "progress",
    retain: "retain"?,
    message: "message"?,
    locale: "locale"?,
});

/// Computes progress between a tier's threshold and the next one's.
///
/// ```
/// use impactkit::{tiers::{Tier, between}, decimal::Display};
/// let basic = Tier::new("Basic", 0.0);
/// let gold = Tier::new("Gold", 190.0);
/// let p = between(Some(basic), Some(gold), 50.0, Display::default());
/// assert_eq!((p.percentage, p.remaining), (26.3, 140.0));
/// ```
pub fn between(
    current: Option<Tier>,
    next: Option<Tier>,
    progress: f64,
    display: Display,
) -> TierProgress {
    let (percentage, remaining) = match &next {
        None => (100.0, 0.0),
        Some(next) => {
            let floor = Decimal::from_f64(current.as_ref().map_or(0.0, |t| t.min_progress));
            let step = display.progress_of(
                Decimal::from_f64(progress) - floor,
                Decimal::from_f64(next.min_progress) - floor,
            );
            (step.percentage, step.remaining)
        }
    };
    TierProgress {
        current,
        next,
        percentage,
        remaining,
        progress,
        retain: None,
        message: None,
        locale: None,
    }
}

/// Places `progress` within a list of tiers (any order; thresholds must be unique).
///
/// ```
/// use impactkit::{tiers::{Tier, place}, decimal::Display};
/// let tiers = vec![
///     Tier::new("Gold", 190.0),
///     Tier::new("Basic", 0.0),
/// ];
/// let p = place(tiers, 500.0, Display::default());
/// assert_eq!((p.current.unwrap().name.as_str(), p.next.is_none(), p.percentage), ("Gold", true, 100.0));
/// ```
pub fn place(tiers: Vec<Tier>, progress: f64, display: Display) -> TierProgress {
    // One pass, no sort: the highest tier reached and the lowest one above (`tier_progress`
    // refuses two tiers with one `minProgress`, so both are unique).
    let at = Decimal::from_f64(progress);
    let (mut current, mut next): (Option<Tier>, Option<Tier>) = (None, None);
    for tier in tiers {
        let reached = Decimal::from_f64(tier.min_progress) <= at;
        let (slot, better) = if reached {
            (&mut current, std::cmp::Ordering::Greater)
        } else {
            (&mut next, std::cmp::Ordering::Less)
        };
        if slot.as_ref().map_or(true, |t| {
            tier.min_progress.total_cmp(&t.min_progress) == better
        }) {
            *slot = Some(tier);
        }
    }
    between(current, next, progress, display)
}

/// Tier progress from `{tiers, progress}` (Gameball's `{current, next, progress}` shape is
/// read by [`crate::adapters::gameball::tier_progress`]; [`crate::api::tier_progress`] picks one).
///
/// ```
/// let v = serde_json::json!({"tiers": [{"name": "Basic", "minProgress": 0}, {"name": "Gold", "minProgress": 190}], "progress": 50});
/// let v = impactkit::json::Node::from(&v);
/// let p = impactkit::tiers::tier_progress(&impactkit::json::Json::root(&v)).unwrap();
/// assert_eq!(p.percentage, 26.3);
/// ```
pub fn tier_progress(input: &Json) -> Result<TierProgress> {
    let list = input.field("tiers")?;
    // Read up to the first invalid tier; a repeated start before it is reported first.
    let mut tiers: Vec<Tier> = Vec::new();
    let mut invalid = None;
    for item in list.items()? {
        match Tier::from_json(&item) {
            Ok(tier) => tiers.push(tier),
            Err(e) => {
                invalid = Some(e);
                break;
            }
        }
    }
    let starts: Vec<f64> = tiers.iter().map(|t| t.min_progress).collect();
    if let Some(i) = crate::unique::first_repeat_number(&starts) {
        let at = list.items()?.nth(i).unwrap_or(list);
        let start = starts.get(i).copied().unwrap_or_default();
        return Err(at.error(
            ErrorCode::Duplicate,
            crate::error::Message::new("two tiers start at minProgress ").num(start),
        ));
    }
    if let Some(e) = invalid {
        return Err(e);
    }
    if tiers.is_empty() {
        return Err(list.error(ErrorCode::OutOfRange, "tiers must not be empty"));
    }
    let progress = input.field("progress")?.non_negative()?;
    Ok(place(tiers, progress, Display::from_json(input)?))
}
