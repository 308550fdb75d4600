//! Shareable impact cards: the `impactCard` function.
//!
//! A card is an SVG string built from the profile that
//! [`read_impact_profile`](crate::adapters::graphql::read_impact_profile)
//! returns (plus an optional `displayName` and `streak`), in one of four
//! [`Size`]s and any [`theme::Theme`]. Output is deterministic (no ids,
//! no clock), well-formed XML, and safe by construction: only the writer in
//! `svg.rs` emits markup, and all input text goes through [`escape`]. A `badge` card may
//! carry an Open Badges 3.0 credential, written and read by [`baked`].
//!
//! ```
//! let input = serde_json::json!({"profile": {"totalCo2Saved": 248.5, "totalOrders": 15, "displayName": "<script>"}});
//! let svg = impactkit::card::impact_card(&impactkit::json::Json::root(&impactkit::json::Node::from(&input)), &impactkit::time::TzDatabase).unwrap();
//! assert!(svg.starts_with("<svg") && svg.contains("&lt;script&gt;") && !svg.contains("<script"));
//! ```

pub mod baked;
pub mod color;
pub mod escape;
pub mod icons;
mod layout;
pub mod locale;
pub mod png;
mod svg;
pub mod text_width;
pub mod theme;

use crate::decimal::{percentage, Rounding};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::time::{instant, Zone, ZoneDb};
use color::Color;
use icons::Icon;
use locale::Locale;
use theme::Theme;

/// Card sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 1200×630, Open Graph / link previews (default).
    Og,
    /// 1080×1080, feed posts.
    Square,
    /// 1080×1920, stories.
    Story,
    /// 400×400, one badge ("you've earned…").
    Badge,
}

impl Size {
    /// Names accepted in `size`, in enum order.
    ///
    /// ```
    /// assert_eq!(impactkit::card::Size::NAMES[0], "og");
    /// ```
    pub const NAMES: [&'static str; 4] = ["og", "square", "story", "badge"];

    /// Width and height in px.
    ///
    /// ```
    /// assert_eq!(impactkit::card::Size::Og.dimensions(), (1200.0, 630.0));
    /// ```
    pub fn dimensions(self) -> (f64, f64) {
        match self {
            Size::Og => (1200.0, 630.0),
            Size::Square => (1080.0, 1080.0),
            Size::Story => (1080.0, 1920.0),
            Size::Badge => (400.0, 400.0),
        }
    }
}

/// A badge tier: one of the four known ones (coloured) or another name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tier {
    /// Bronze, Silver, Gold, Platinum as index 0–3.
    Known(usize),
    /// A programme's own tier name.
    Other(String),
}

/// A badge as drawn.
#[derive(Debug, Clone)]
pub struct Badge {
    /// Backend id.
    pub id: String,
    /// Display name (cleaned).
    pub name: String,
    /// Built-in icon.
    pub icon: Icon,
    /// Tier, if any.
    pub tier: Option<Tier>,
    /// Date earned (year, month, day) in the card's timezone.
    pub earned: Option<(i32, u32, u32)>,
}

/// The milestone shown on the card.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// Display name (cleaned).
    pub name: String,
    /// 0–100.
    pub percentage: f64,
}

/// A streak as drawn.
#[derive(Debug, Clone, Copy)]
pub struct Streak {
    /// Current length.
    pub current: u64,
    /// 0 = day, 1 = week, 2 = month; `None` when unknown.
    pub period: Option<usize>,
}

/// Everything a card shows, read and validated.
#[derive(Debug, Clone)]
pub struct Card {
    /// Size.
    pub size: Size,
    /// Colours.
    pub theme: Theme,
    /// Locale.
    pub locale: Locale,
    /// `displayName`, cleaned.
    pub display_name: Option<String>,
    /// `totalCo2Saved`.
    pub co2: f64,
    /// `co2Unit` (default `kg`).
    pub unit: String,
    /// `totalOrders`.
    pub orders: Option<f64>,
    /// Earned badges in input order.
    pub badges: Vec<Badge>,
    /// The first milestone not completed (else the last one).
    pub milestone: Option<Milestone>,
    /// Ranking sentence, already localised.
    pub ranking: Option<String>,
    /// Streak, when there is a live one.
    pub streak: Option<Streak>,
    /// Brand name.
    pub brand_name: Option<String>,
    /// Brand colour.
    pub brand_color: Option<Color>,
    /// Most badges drawn.
    pub max_badges: usize,
    /// For the `badge` size: the badge to show.
    pub badge_index: Option<usize>,
    /// For the `badge` size: the Open Badges 3.0 credential baked into the SVG.
    pub credential: Option<baked::Credential>,
}

fn opt_text(input: &Json, key: &str) -> Result<Option<String>> {
    Ok(input
        .opt_text(key)?
        .map(|s| escape::clean(&s))
        .filter(|s| !s.is_empty()))
}

fn tier(text: &str) -> Tier {
    match text.trim().to_ascii_lowercase().as_str() {
        "bronze" => Tier::Known(0),
        "silver" => Tier::Known(1),
        "gold" => Tier::Known(2),
        "platinum" => Tier::Known(3),
        _ => Tier::Other(escape::clean(text)),
    }
}

fn badge(item: &Json, zone: &Zone) -> Result<Badge> {
    let earned = match item.opt("earnedAt")? {
        Some(field) => {
            let at = instant(&field, zone)?;
            let d = zone.date_of(at);
            Some((
                crate::time::civil::Datelike::year(&d),
                crate::time::civil::Datelike::month(&d),
                crate::time::civil::Datelike::day(&d),
            ))
        }
        None => None,
    };
    Ok(Badge {
        id: item
            .opt("id")?
            .map(|i| i.id())
            .transpose()?
            .unwrap_or_default(),
        name: escape::clean(item.field("name")?.str()?),
        icon: item
            .opt("icon")?
            .map(|i| i.str().map(Icon::named))
            .transpose()?
            .unwrap_or(Icon::Medal),
        tier: opt_text(item, "tier")?.map(|t| tier(&t)),
        earned,
    })
}

fn milestone(item: &Json) -> Result<(Milestone, bool)> {
    let name = escape::clean(item.field("name")?.str()?);
    let current = item.opt("current")?.map(|c| c.non_negative()).transpose()?;
    let target = item.opt("target")?.map(|t| t.positive()).transpose()?;
    let pct = match (item.opt("percentage")?, current, target) {
        (Some(p), _, _) => p.number_in(0.0, 100.0)?,
        (None, Some(c), Some(t)) => percentage(c, t, 1, Rounding::Down),
        (None, _, _) => {
            return Err(item.error(
                ErrorCode::MissingField,
                "a milestone needs `percentage`, or `current` and `target`",
            ))
        }
    };
    let completed = match item.opt("isCompleted")? {
        Some(c) => c.bool()?,
        None => pct >= 100.0,
    };
    // Never a full bar or "100%" for a milestone the backend says is not complete.
    let pct = if completed { pct } else { pct.min(99.9) };
    Ok((
        Milestone {
            name,
            percentage: pct,
        },
        completed,
    ))
}

fn ranking(input: &Json, locale: Locale) -> Result<Option<String>> {
    let percentile = input
        .opt("percentile")?
        .map(|p| p.non_negative())
        .transpose()?;
    let position = input
        .opt("position")?
        .map(|p| p.integer_in(0, 1 << 53))
        .transpose()?;
    let description = opt_text(input, "description")?;
    Ok(ranking_text(locale, percentile, description, position))
}

/// The ranking line of a card (and of `readLeaderboard`): "Top 15% of sustainable shoppers"
/// from a percentile, else the backend's description, else "Rank #142", in `locale`.
///
/// ```
/// use impactkit::card::{locale::Locale, ranking_text};
/// assert_eq!(ranking_text(Locale::EN, Some(15.0), None, Some(142)).as_deref(), Some("Top 15% of sustainable shoppers"));
/// assert_eq!(ranking_text(Locale::from_tag("de").unwrap(), None, None, Some(3)).as_deref(), Some("Platz 3"));
/// ```
pub fn ranking_text(
    locale: Locale,
    percentile: Option<f64>,
    description: Option<String>,
    position: Option<i64>,
) -> Option<String> {
    let (top, rank) = locale.ranking_words();
    match (percentile, description, position) {
        (Some(p), _, _) if p <= 100.0 => Some(locale::fill(top, &locale.percent(p))),
        (_, Some(d), _) => Some(d),
        (_, _, Some(n)) if n > 0 => Some(locale::fill(rank, &locale.number(n as f64, 0))),
        _ => None,
    }
}

fn streak(input: &Json) -> Result<Option<Streak>> {
    let current = input.field("current")?.integer_in(0, 1 << 53)? as u64;
    let live = match input.opt("state")? {
        Some(s) => !matches!(
            s.str()?.to_ascii_lowercase().as_str(),
            "broken" | "lost" | "expired" | "inactive" | "none"
        ),
        None => true,
    };
    let period = match input.opt("period")?.or(input.opt("unit")?) {
        Some(p) => match p.str()?.to_ascii_lowercase().trim_end_matches('s') {
            "day" | "dai" => Some(0),
            "week" => Some(1),
            "month" => Some(2),
            _ => None,
        },
        None => None,
    };
    Ok((live && current > 0).then_some(Streak { current, period }))
}

/// Reads and validates an `impactCard` input.
///
/// ```
/// let v = serde_json::json!({"profile": {"totalCo2Saved": 1}, "size": "poster"});
/// let v = impactkit::json::Node::from(&v);
/// let e = impactkit::card::read_card(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap_err();
/// assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_value", "$.size"));
/// ```
pub fn read_card(input: &Json, zones: &dyn ZoneDb) -> Result<Card> {
    let size = match input.opt("size")? {
        Some(s) => match s.one_of(&Size::NAMES)? {
            1 => Size::Square,
            2 => Size::Story,
            3 => Size::Badge,
            _ => Size::Og,
        },
        None => Size::Og,
    };
    let credential = input
        .opt("credential")?
        .map(|c| baked::credential(&c, size))
        .transpose()?;
    let theme = Theme::from_json(input)?;
    let locale = Locale::from_json(input)?;
    let options = input.opt("options")?;
    let zone = match &options {
        Some(o) => Zone::from_field(o, zones)?,
        None => Zone::utc(),
    };
    let profile = input.field("profile")?;
    let display_name = opt_text(&profile, "displayName")?;
    let co2 = profile.field("totalCo2Saved")?.non_negative()?;
    let unit = opt_text(&profile, "co2Unit")?.unwrap_or_else(|| "kg".to_owned());
    if unit.chars().count() > 12 {
        return Err(Error::new(
            ErrorCode::TooLarge,
            profile.path().render() + ".co2Unit",
            "co2Unit is longer than 12 characters",
        ));
    }
    let orders = profile
        .opt("totalOrders")?
        .map(|o| o.non_negative())
        .transpose()?;
    let mut badges = Vec::new();
    if let Some(list) = profile.opt("badges")? {
        for item in list.items()? {
            badges.push(badge(&item, &zone)?);
        }
    }
    let mut shown: Option<Milestone> = None;
    if let Some(list) = profile.opt("milestones")? {
        for item in list.items()? {
            let (m, completed) = milestone(&item)?;
            let keep_looking = shown.is_none() || completed;
            if keep_looking {
                shown = Some(m);
            }
            if !completed {
                break;
            }
        }
    }
    let ranking = profile
        .opt("ranking")?
        .map(|r| ranking(&r, locale))
        .transpose()?
        .flatten();
    let streak = profile
        .opt("streak")?
        .map(|s| streak(&s))
        .transpose()?
        .flatten();

    let mut card = Card {
        size,
        theme,
        locale,
        display_name,
        co2,
        unit,
        orders,
        badges,
        milestone: shown,
        ranking,
        streak,
        brand_name: None,
        brand_color: None,
        max_badges: match size {
            Size::Og | Size::Square => 4,
            Size::Story => 8,
            Size::Badge => 1,
        },
        badge_index: None,
        credential,
    };
    if let Some(o) = &options {
        card.brand_name = opt_text(o, "brandName")?;
        card.brand_color = o
            .opt("brandColor")?
            .map(|c| Color::from_json(&c))
            .transpose()?;
        if let Some(m) = o.opt("maxBadges")? {
            card.max_badges = card.max_badges.min(m.integer_in(0, 1000)? as usize);
        }
        if let Some(id) = o.opt("badgeId")? {
            let wanted = id.id()?;
            let index = card
                .badges
                .iter()
                .position(|b| b.id == wanted)
                .ok_or_else(|| {
                    id.error(
                        ErrorCode::InvalidValue,
                        crate::error::Message::new("no badge with id ")
                            .quoted(&wanted)
                            .text(" in profile.badges"),
                    )
                })?;
            card.badge_index = Some(index);
        }
    }
    if size == Size::Badge && card.badges.is_empty() {
        return Err(Error::new(
            ErrorCode::MissingField,
            profile.path().render() + ".badges",
            "the `badge` size needs at least one badge in profile.badges",
        ));
    }
    Ok(card)
}

/// The `impactCard` function: `{profile, size?, theme?, locale?, options?, credential?}` → SVG
/// text. `options.timezone` (UTC, an offset or an IANA name resolved by `zones`) dates badges;
/// `credential` (size `badge` only) is baked into the SVG as Open Badges 3.0 says ([`baked`]).
///
/// ```
/// let input = serde_json::json!({"profile": {"totalCo2Saved": 248.5}, "size": "square", "theme": "dark"});
/// let input = impactkit::json::Node::from(&input);
/// let svg = impactkit::card::impact_card(&impactkit::json::Json::root(&input), &impactkit::time::TzDatabase).unwrap();
/// assert!(svg.contains("viewBox=\"0 0 1080 1080\""));
/// ```
pub fn impact_card(input: &Json, zones: &dyn ZoneDb) -> Result<String> {
    Ok(read_card(input, zones)?.render())
}

impl Card {
    /// The SVG text of this card.
    ///
    /// ```
    /// let v = serde_json::json!({"profile": {"totalCo2Saved": 3}, "size": "badge", "options": {}});
    /// let v2 = serde_json::json!({"profile": {"totalCo2Saved": 3, "badges": [{"id": "b", "name": "Tree Saver", "icon": "tree"}]}, "size": "badge"});
    /// assert!(impactkit::card::read_card(&impactkit::json::Json::root(&impactkit::json::Node::from(&v)), &impactkit::time::TzDatabase).is_err());
    /// let v2 = impactkit::json::Node::from(&v2);
    /// let card = impactkit::card::read_card(&impactkit::json::Json::root(&v2), &impactkit::time::TzDatabase).unwrap();
    /// assert!(card.render().contains(">Tree Saver<"));
    /// ```
    pub fn render(&self) -> String {
        let mut svg = layout::render(self);
        if let Some(credential) = &self.credential {
            baked::bake(&mut svg, credential);
        }
        svg
    }
}
