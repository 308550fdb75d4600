//! Tier progress: which tier a customer is in, the next one, and how far along;
//! [`retention`] adds what keeps the current tier and by when.

pub mod message;
pub mod retention;

use crate::decimal::{Decimal, Display};
use crate::error::Result;
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
        let name = input.field("name")?.str()?;
        let mut tier = Tier::new(name, input.field("minProgress")?.non_negative()?);
        if let Some(order) = input.opt("order")? {
            tier.order = Some(order.integer_in(i64::MIN / 2, i64::MAX / 2)?);
        }
        if let Some(icon) = input.opt("icon")? {
            tier.icon = Some(icon.str()?.to_owned());
        }
        if let Some(retain) = input.opt("retainProgress")? {
            tier.retain_progress = Some(retain.non_negative()?);
        }
        Ok(tier)
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
    let starts = (
        current.as_ref().map(|t| t.min_progress),
        next.as_ref().map(|t| t.min_progress),
    );
    let (percentage, remaining) = step(starts, progress, display);
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

/// `(percentage, remaining)` from the current tier's start (0 below the lowest tier) to the
/// next one's (100 and 0 at the top), exact in decimal.
fn step(starts: (Option<f64>, Option<f64>), progress: f64, display: Display) -> (f64, f64) {
    match starts {
        (_, None) => (100.0, 0.0),
        (current, Some(next)) => {
            let floor = Decimal::from_f64(current.unwrap_or(0.0));
            let step = display.progress_of(
                Decimal::from_f64(progress) - floor,
                Decimal::from_f64(next) - floor,
            );
            (step.percentage, step.remaining)
        }
    }
}

/// A `tierProgress` input read and checked, its two tiers not built yet: where the current and
/// the next tier are in the input (each with its `minProgress`), the progress and how to show
/// percentages. [`Placed::build`] makes the [`TierProgress`]; `impactkit/bars` writes its
/// answer from it without one (src/bars.rs).
pub struct Placed<'j> {
    /// The current tier's object and start (`None` below the lowest tier).
    pub current: Option<(Json<'j>, f64)>,
    /// The next tier's object and start (`None` at the top).
    pub next: Option<(Json<'j>, f64)>,
    /// The customer's progress value, as given.
    pub progress: f64,
    /// How percentages are shown (`decimals`, `rounding`).
    pub display: Display,
}

impl Placed<'_> {
    /// `(percentage, remaining)` from the current tier to the next (see [`between`]).
    pub fn step(&self) -> (f64, f64) {
        let start = |t: &Option<(Json, f64)>| t.as_ref().map(|&(_, s)| s);
        step(
            (start(&self.current), start(&self.next)),
            self.progress,
            self.display,
        )
    }

    /// The [`TierProgress`], its tiers read from their objects.
    ///
    /// # Errors
    /// None for tiers a reader placed (each was read once already).
    pub fn build(self) -> Result<TierProgress> {
        let tier = |t: Option<(Json, f64)>| t.map(|(item, _)| Tier::from_json(&item)).transpose();
        let current = tier(self.current)?;
        Ok(between(
            current,
            tier(self.next)?,
            self.progress,
            self.display,
        ))
    }
}

/// The input's `progress` and how to show percentages, read after its tiers (by both shapes'
/// readers).
///
/// # Errors
/// `progress`'s (a number ≥ 0), then [`Display::from_json`]'s.
pub fn progress_and_display(input: &Json) -> Result<(f64, Display)> {
    let progress = input.field("progress")?.non_negative()?;
    Ok((progress, Display::from_json(input)?))
}

/// A tier object read as [`Tier::from_json`] reads it (every field checked): its `minProgress`.
///
/// # Errors
/// Those of [`Tier::from_json`].
pub fn start_of(item: &Json) -> Result<f64> {
    Tier::from_json(item).map(|t| t.min_progress)
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
    let starts: Vec<f64> = tiers.iter().map(|t| t.min_progress).collect();
    let (current, next) = pick(&starts, progress);
    let mut slots: Vec<Option<Tier>> = tiers.into_iter().map(Some).collect();
    let mut take = |i: Option<usize>| i.and_then(|i| slots.get_mut(i)).and_then(Option::take);
    let current = take(current);
    between(current, take(next), progress, display)
}

/// The indices in `starts` (tiers' `minProgress`) of the highest tier reached at `progress` and
/// of the lowest one above it, in one pass without a sort (`tier_progress` refuses two tiers
/// with one `minProgress`, so both are unique); compared as decimals, like the percentage.
fn pick(starts: &[f64], progress: f64) -> (Option<usize>, Option<usize>) {
    let at = Decimal::from_f64(progress);
    let (mut current, mut next): (Option<usize>, Option<usize>) = (None, None);
    for (i, &start) in starts.iter().enumerate() {
        let (slot, better) = if Decimal::from_f64(start) <= at {
            (&mut current, std::cmp::Ordering::Greater)
        } else {
            (&mut next, std::cmp::Ordering::Less)
        };
        let beats = |j: usize| starts.get(j).map_or(true, |s| start.total_cmp(s) == better);
        if slot.map_or(true, beats) {
            *slot = Some(i);
        }
    }
    (current, next)
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
    read_list(input, |placed| placed.build())
}

/// Reads and checks `{tiers, progress}` as [`tier_progress`] does, then answers `answer` of
/// where its current and next tier are.
///
/// # Errors
/// Those of [`tier_progress`], then `answer`'s.
pub fn read_list<R>(input: &Json, answer: impl FnOnce(Placed<'_>) -> Result<R>) -> Result<R> {
    let list = input.field("tiers")?;
    // Every tier read and checked, keeping only its start: `answer` reads the two it needs again.
    let starts = crate::unique::read_numbers_once(
        &list,
        start_of,
        |start| crate::error::Message::new("two tiers start at minProgress ").num(start),
        "tiers must not be empty",
    )?;
    let (progress, display) = progress_and_display(input)?;
    let (current, next) = pick(&starts, progress);
    let at = |i: Option<usize>| Some((list.items().ok()?.nth(i?)?, *starts.get(i?)?));
    answer(Placed {
        current: at(current),
        next: at(next),
        progress,
        display,
    })
}
