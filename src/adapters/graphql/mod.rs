//! The GraphQL gamification module (seed 000): `customerImpactProfile`,
//! `customerMilestones` and `impactLeaderboard` responses, validated and normalised.

pub mod leaderboard;

use crate::decimal::{percentage_differs, Decimal, Display};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::time::{instant, Zone, ZoneDb};

/// An earned badge as the backend reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileBadge {
    /// `badge_first_green`, …
    pub id: String,
    /// Display name.
    pub name: String,
    /// Description, if sent.
    pub description: Option<String>,
    /// Icon name (`seedling`, `tree`, …), if sent.
    pub icon: Option<String>,
    /// When it was earned (RFC 3339), if sent.
    pub earned_at: Option<String>,
    /// `BRONZE`, `SILVER`, `GOLD`, `PLATINUM` (or a programme's own tier name).
    pub tier: Option<String>,
}

crate::to_json_struct!(ProfileBadge {
    id: "id",
    name: "name",
    description: "description",
    icon: "icon",
    earned_at: "earnedAt",
    tier: "tier",
});

/// A milestone with its percentage recomputed client-side.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileMilestone {
    /// Backend id (absent in `customerMilestones.active`).
    pub id: Option<String>,
    /// Display name.
    pub name: String,
    /// Goal.
    pub target: f64,
    /// Progress.
    pub current: f64,
    /// Unit ("kg"), if sent.
    pub unit: Option<String>,
    /// Recomputed percentage (exact decimal, rounded down by default).
    pub percentage: f64,
    /// `target − current`, never negative.
    pub remaining: f64,
    /// Recomputed completion.
    pub is_completed: bool,
    /// What the server said, if it said anything.
    pub server_percentage: Option<f64>,
    /// True when the server's percentage is off by a display step or more,
    /// or its `isCompleted` disagrees.
    pub percentage_mismatch: bool,
}

crate::to_json_struct!(ProfileMilestone {
    id: "id",
    name: "name",
    target: "target",
    current: "current",
    unit: "unit",
    percentage: "percentage",
    remaining: "remaining",
    is_completed: "isCompleted",
    server_percentage: "serverPercentage",
    percentage_mismatch: "percentageMismatch",
});

/// A completed milestone from `customerMilestones.completed`.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletedMilestone {
    /// Display name.
    pub name: String,
    /// When it was completed (RFC 3339), if sent.
    pub completed_at: Option<String>,
}

crate::to_json_struct!(CompletedMilestone {
    name: "name",
    completed_at: "completedAt",
});

/// The customer's leaderboard standing.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Rank (1 = best).
    pub position: Option<u64>,
    /// "Top N %" figure.
    pub percentile: Option<f64>,
    /// The backend's sentence ("Top 15% of sustainable shoppers").
    pub description: Option<String>,
}

crate::to_json_struct!(Ranking {
    position: "position",
    percentile: "percentile",
    description: "description",
});

/// The normalised impact profile (input for cards and widgets).
#[derive(Debug, Clone, PartialEq)]
pub struct ImpactProfile {
    /// Total CO₂ saved (`null` when only milestones were queried).
    pub total_co2_saved: Option<f64>,
    /// Unit of `totalCo2Saved`: always `kg` in this schema.
    pub co2_unit: &'static str,
    /// Orders placed.
    pub total_orders: Option<u64>,
    /// Earned badges.
    pub badges: Vec<ProfileBadge>,
    /// Active milestones (profile ones first, then `customerMilestones.active` not already listed).
    pub milestones: Vec<ProfileMilestone>,
    /// Completed milestones.
    pub completed_milestones: Vec<CompletedMilestone>,
    /// Leaderboard standing, if sent.
    pub ranking: Option<Ranking>,
    /// The `impactLeaderboard` of the same response, if it has one (see `readLeaderboard`).
    pub leaderboard: Option<crate::leaderboard::Leaderboard>,
}

crate::to_json_struct!(ImpactProfile {
    total_co2_saved: "totalCo2Saved",
    co2_unit: "co2Unit",
    total_orders: "totalOrders",
    badges: "badges",
    milestones: "milestones",
    completed_milestones: "completedMilestones",
    ranking: "ranking",
    leaderboard: "leaderboard"?,
});

fn opt_instant(input: &Json, key: &str, zone: &Zone) -> Result<Option<String>> {
    input
        .opt(key)?
        .map(|v| instant(&v, zone).map(|t| zone.format(t)))
        .transpose()
}

fn badge(item: &Json, zone: &Zone) -> Result<ProfileBadge> {
    Ok(ProfileBadge {
        id: item.field("id")?.id()?,
        name: item.field("name")?.str()?.to_owned(),
        description: item.opt_text("description")?,
        icon: item.opt_text("icon")?,
        earned_at: opt_instant(item, "earnedAt", zone)?,
        tier: item.opt_text("tier")?,
    })
}

fn milestone(item: &Json, display: Display) -> Result<ProfileMilestone> {
    let target = item.field("target")?.positive()?;
    let current = item.field("current")?.non_negative()?;
    let (current_dec, target_dec) = (Decimal::from_f64(current), Decimal::from_f64(target));
    let progress = display.progress_of(current_dec, target_dec);
    let is_completed = progress.is_completed;
    let server_percentage = item.opt("percentage")?.map(|p| p.number()).transpose()?;
    let server_completed = item.opt("isCompleted")?.map(|c| c.bool()).transpose()?;
    let percentage_mismatch = server_percentage.is_some_and(|s| {
        percentage_differs(
            Decimal::from_f64(s),
            current_dec,
            target_dec,
            display.decimals,
        )
    }) || server_completed.is_some_and(|c| c != is_completed);
    Ok(ProfileMilestone {
        id: item.opt("id")?.map(|i| i.id()).transpose()?,
        name: item.field("name")?.str()?.to_owned(),
        target,
        current,
        unit: item.opt_text("unit")?,
        percentage: progress.percentage,
        remaining: progress.remaining,
        is_completed,
        server_percentage,
        percentage_mismatch,
    })
}

fn ranking(input: &Json) -> Result<Ranking> {
    Ok(Ranking {
        position: input
            .opt("position")?
            .map(|p| p.integer_in(0, 1 << 53).map(|n| n as u64))
            .transpose()?,
        percentile: input
            .opt("percentile")?
            .map(|p| p.number_in(0.0, 100.0))
            .transpose()?,
        description: input.opt_text("description")?,
    })
}

pub(crate) fn graphql_errors(input: &Json) -> Result<()> {
    let Some(errors) = input.opt("errors")? else {
        return Ok(());
    };
    if let Some(first) = errors.items()?.next() {
        let message = first
            .opt("message")?
            .and_then(|m| m.str().ok())
            .unwrap_or("(no message)");
        return Err(first.error(
            ErrorCode::GraphqlError,
            "the GraphQL server answered with an error: ".to_owned()
                + &crate::error::truncate(message),
        ));
    }
    Ok(())
}

/// Appends `customerMilestones.active` entries whose name and id are not listed yet.
fn add_active(listed: &mut Vec<ProfileMilestone>, active: &Json, display: Display) -> Result<()> {
    let mut parsed = Vec::new();
    for item in active.items()? {
        parsed.push(milestone(&item, display)?);
    }
    let keep = new_ones(listed, &parsed);
    for (m, new) in parsed.into_iter().zip(keep) {
        if new {
            listed.push(m);
        }
    }
    Ok(())
}

/// Which of `parsed` have a name and an id (if any) that no listed milestone and no
/// earlier new one has: equal keys are grouped once by sorting, no hashing.
fn new_ones(listed: &[ProfileMilestone], parsed: &[ProfileMilestone]) -> Vec<bool> {
    let all: Vec<&ProfileMilestone> = listed.iter().chain(parsed).collect();
    let names: Vec<&str> = all.iter().map(|m| m.name.as_str()).collect();
    let name_group = crate::unique::first_equal(&names);
    let (owners, ids): (Vec<usize>, Vec<&str>) = (all.iter().enumerate())
        .filter_map(|(i, m)| m.id.as_deref().map(|id| (i, id)))
        .unzip();
    let mut id_group = vec![None; all.len()];
    for (&owner, group) in owners.iter().zip(crate::unique::first_equal(&ids)) {
        if let Some(slot) = id_group.get_mut(owner) {
            *slot = owners.get(group).copied();
        }
    }
    // Groups are named by their first item's index in `all`.
    let mut taken = vec![(false, false); all.len()];
    let mut keep = Vec::with_capacity(parsed.len());
    for (i, (name, id)) in name_group.into_iter().zip(id_group).enumerate() {
        let name_taken = taken.get(name).is_some_and(|t| t.0);
        let id_taken = id.is_some_and(|g| taken.get(g).is_some_and(|t| t.1));
        let new = i < listed.len() || (!name_taken && !id_taken);
        if new {
            if let Some(t) = taken.get_mut(name) {
                t.0 = true;
            }
            if let Some(t) = id.and_then(|g| taken.get_mut(g)) {
                t.1 = true;
            }
        }
        if i >= listed.len() {
            keep.push(new);
        }
    }
    keep
}

/// The `readImpactProfile` function: a seed 000 GraphQL response (`{data: {...}}`)
/// with `customerImpactProfile`, `customerMilestones`, `impactLeaderboard` or several of them.
/// Optional top-level `timezone` (default UTC) formats instants, `decimals`/`rounding` shape
/// percentages, `customerId` and `locale` place the customer on the leaderboard.
///
/// ```
/// let v = serde_json::json!({"data": {"customerImpactProfile": {"totalCo2Saved": 248.5, "totalOrders": 15,
///   "milestones": [{"id": "milestone_500kg", "name": "500 kg CO2 Saved", "target": 500, "current": 248.5, "percentage": 49.7, "isCompleted": false}]}}});
/// let v = impactkit::json::Node::from(&v);
/// let p = impactkit::adapters::graphql::read_impact_profile(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(p.milestones[0].percentage, 49.7);
/// assert!(!p.milestones[0].percentage_mismatch);
/// ```
pub fn read_impact_profile(input: &Json, zones: &dyn ZoneDb) -> Result<ImpactProfile> {
    graphql_errors(input)?;
    let zone = Zone::from_field(input, zones)?;
    let display = Display::from_json(input)?;
    let data = input.field("data")?;
    let profile = data.opt("customerImpactProfile")?;
    let milestones_query = data.opt("customerMilestones")?;
    let board = data.opt("impactLeaderboard")?;
    if profile.is_none() && milestones_query.is_none() && board.is_none() {
        return Err(Error::new(
            ErrorCode::MissingField,
            data.path().render() + ".customerImpactProfile",
            "expected `customerImpactProfile`, `customerMilestones` or `impactLeaderboard` in `data`",
        ));
    }
    let mut result = ImpactProfile {
        total_co2_saved: None,
        co2_unit: "kg",
        total_orders: None,
        badges: Vec::new(),
        milestones: Vec::new(),
        completed_milestones: Vec::new(),
        ranking: None,
        leaderboard: board
            .map(|b| leaderboard::leaderboard(&b, input))
            .transpose()?,
    };
    if let Some(p) = profile {
        result.total_co2_saved = Some(p.field("totalCo2Saved")?.non_negative()?);
        result.total_orders = Some(p.field("totalOrders")?.integer_in(0, 1 << 53)? as u64);
        if let Some(badges) = p.opt("badges")? {
            for item in badges.items()? {
                result.badges.push(badge(&item, &zone)?);
            }
        }
        if let Some(milestones) = p.opt("milestones")? {
            for item in milestones.items()? {
                result.milestones.push(milestone(&item, display)?);
            }
        }
        result.ranking = p.opt("ranking")?.map(|r| ranking(&r)).transpose()?;
    }
    if let Some(m) = milestones_query {
        if let Some(active) = m.opt("active")? {
            add_active(&mut result.milestones, &active, display)?;
        }
        if let Some(completed) = m.opt("completed")? {
            for item in completed.items()? {
                result.completed_milestones.push(CompletedMilestone {
                    name: item.field("name")?.str()?.to_owned(),
                    completed_at: opt_instant(&item, "completedAt", &zone)?,
                });
            }
        }
    }
    Ok(result)
}
