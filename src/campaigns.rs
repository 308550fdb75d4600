//! Reward-campaign progress and the "you're almost there" nudge.

pub mod message;

/// Where a customer stands in a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignStatus {
    /// Achieved at least once, or at 100 %.
    Achieved,
    /// Unlocked and under way.
    InProgress,
    /// Not unlocked for this customer yet.
    Locked,
}

crate::to_json_enum!(CampaignStatus {
    Achieved => "achieved",
    InProgress => "inProgress",
    Locked => "locked",
});

/// One campaign with its computed status.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    /// Backend id (as text).
    pub id: String,
    /// Display name (emoji and all).
    pub name: String,
    /// Derived status.
    pub status: CampaignStatus,
    /// Completion, 0–100, rounded per the display options.
    pub percentage: f64,
    /// Times achieved.
    pub achieved_count: u64,
    /// Current daily-visit streak (streak campaigns only).
    pub current_streak: Option<u64>,
    /// Highest daily-visit streak (streak campaigns only).
    pub highest_streak: Option<u64>,
    /// Best score (high-score campaigns only).
    pub high_score_amount: Option<f64>,
}

crate::to_json_struct!(Campaign {
    id: "id",
    name: "name",
    status: "status",
    percentage: "percentage",
    achieved_count: "achievedCount",
    current_streak: "currentStreak",
    highest_streak: "highestStreak",
    high_score_amount: "highScoreAmount",
});

impl Campaign {
    /// The status rule: locked unless unlocked; achieved when achieved at least once or at 100 %.
    ///
    /// ```
    /// use impactkit::campaigns::{Campaign, CampaignStatus};
    /// assert_eq!(Campaign::status_of(true, 33.0, 0), CampaignStatus::InProgress);
    /// assert_eq!(Campaign::status_of(true, 100.0, 1), CampaignStatus::Achieved);
    /// assert_eq!(Campaign::status_of(false, 80.0, 0), CampaignStatus::Locked);
    /// ```
    pub fn status_of(is_unlocked: bool, percentage: f64, achieved_count: u64) -> CampaignStatus {
        if !is_unlocked {
            CampaignStatus::Locked
        } else if achieved_count > 0 || percentage >= 100.0 {
            CampaignStatus::Achieved
        } else {
            CampaignStatus::InProgress
        }
    }
}

/// All campaigns plus the nudge.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignProgress {
    /// Campaigns in input order.
    pub campaigns: Vec<Campaign>,
    /// The unlocked, not yet achieved campaign closest to completion (earliest on ties).
    pub next_up: Option<Campaign>,
    /// How many campaigns are achieved.
    pub achieved: usize,
    /// The widget message in `locale` (only when the input has `locale`).
    pub message: Option<String>,
    /// The locale asked for and the one `message` is written in (only with `locale`).
    pub locale: Option<crate::locale::LocaleRequest>,
}

crate::to_json_struct!(CampaignProgress {
    campaigns: "campaigns",
    next_up: "nextUp",
    achieved: "achieved",
    message: "message"?,
    locale: "locale"?,
});

/// Picks `nextUp` and counts achievements.
///
/// ```
/// use impactkit::campaigns::{summarize, Campaign, CampaignStatus};
/// let c = |id: &str, pct: f64| Campaign { id: id.into(), name: id.into(), status: Campaign::status_of(true, pct, 0), percentage: pct, achieved_count: 0, current_streak: None, highest_streak: None, high_score_amount: None };
/// let p = summarize(vec![c("a", 33.0), c("b", 60.0), c("c", 100.0)]);
/// assert_eq!((p.next_up.unwrap().id.as_str(), p.achieved), ("b", 1));
/// ```
pub fn summarize(campaigns: Vec<Campaign>) -> CampaignProgress {
    let next_up = campaigns
        .iter()
        .filter(|c| c.status == CampaignStatus::InProgress)
        .fold(None::<&Campaign>, |best, c| match best {
            Some(b) if b.percentage >= c.percentage => Some(b),
            _ => Some(c),
        })
        .cloned();
    let achieved = campaigns
        .iter()
        .filter(|c| c.status == CampaignStatus::Achieved)
        .count();
    CampaignProgress {
        campaigns,
        next_up,
        achieved,
        message: None,
        locale: None,
    }
}
