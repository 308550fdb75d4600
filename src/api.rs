//! The JS contract's function table: one JSON object in, one value out.
//!
//! [`for_each_function!`] lists every exported function once; the wasm
//! bindings and the native [`call`] dispatcher (used by the golden-vector
//! tests) are both generated from it, so they cannot drift apart.

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Json, Node};
use crate::time::ZoneDb;
use serde_json::Value;

/// Calls `$apply!` with the table `(jsName, rust_name, InputType, OutputType)`; the types are
/// the TypeScript ones (every input may also be given as JSON text).
macro_rules! for_each_function {
    ($apply:ident) => {
        $apply! {
            ("milestoneProgress", milestone_progress, "MilestoneInput | string", "MilestoneProgress"),
            ("tierProgress", tier_progress, "TierInput | string", "TierProgress"),
            ("campaignProgress", campaign_progress, "CampaignInput | string", "CampaignProgress"),
            ("readImpactProfile", read_impact_profile, "GraphqlResponse | string", "ImpactProfile"),
            ("readGameball", read_gameball, "GameballInput | string", "GameballProgress"),
            ("streak", streak, "StreakInput | string", "StreakResult"),
            ("achievementWindow", achievement_window, "AchievementWindowInput | string", "AchievementWindow"),
            ("impactCard", impact_card, "ImpactCardInput | string", "string"),
            ("badgePreview", badge_preview, "BadgePreviewInput | string", "BadgePreview"),
            ("readCapillaryBadge", read_capillary_badge, "CapillaryBadge | string", "BadgeMeta"),
        }
    };
}
#[allow(unused_imports)]
pub(crate) use for_each_function;

/// `milestoneProgress`: see [`crate::milestones::milestone_progress`].
pub fn milestone_progress(
    input: &Json,
    _zones: &dyn ZoneDb,
) -> Result<crate::milestones::MilestoneProgress> {
    crate::milestones::milestone_progress(input)
}

/// `tierProgress`: see [`crate::tiers::tier_progress`].
pub fn tier_progress(input: &Json, _zones: &dyn ZoneDb) -> Result<crate::tiers::TierProgress> {
    crate::tiers::tier_progress(input)
}

/// `campaignProgress`: see [`crate::adapters::gameball::campaign_progress`].
pub fn campaign_progress(
    input: &Json,
    _zones: &dyn ZoneDb,
) -> Result<crate::campaigns::CampaignProgress> {
    crate::adapters::gameball::campaign_progress(input)
}

/// `readImpactProfile`: see [`crate::adapters::graphql::read_impact_profile`].
pub fn read_impact_profile(
    input: &Json,
    zones: &dyn ZoneDb,
) -> Result<crate::adapters::graphql::ImpactProfile> {
    crate::adapters::graphql::read_impact_profile(input, zones)
}

/// `readGameball`: see [`crate::adapters::gameball::read_gameball`].
pub fn read_gameball(
    input: &Json,
    zones: &dyn ZoneDb,
) -> Result<crate::adapters::gameball::GameballProgress> {
    crate::adapters::gameball::read_gameball(input, zones)
}

/// `streak`: see [`crate::streaks::streak`].
pub fn streak(input: &Json, zones: &dyn ZoneDb) -> Result<crate::streaks::Streak> {
    crate::streaks::streak(input, zones)
}

/// `achievementWindow`: see [`crate::achievements::achievement_window`].
pub fn achievement_window(
    input: &Json,
    zones: &dyn ZoneDb,
) -> Result<crate::achievements::AchievementWindow> {
    crate::achievements::achievement_window(input, zones)
}

/// `impactCard`: see [`crate::card::impact_card`].
pub fn impact_card(input: &Json, zones: &dyn ZoneDb) -> Result<String> {
    crate::card::impact_card(input, zones)
}

/// `badgePreview`: see [`crate::badges::preview::badge_preview`].
pub fn badge_preview(
    input: &Json,
    zones: &dyn ZoneDb,
) -> Result<crate::badges::preview::BadgePreview> {
    crate::badges::preview::badge_preview(input, zones)
}

/// `readCapillaryBadge`: see [`crate::adapters::capillary::read_capillary_badge`].
pub fn read_capillary_badge(
    input: &Json,
    _zones: &dyn ZoneDb,
) -> Result<crate::adapters::capillary::BadgeMeta> {
    crate::adapters::capillary::read_capillary_badge(input)
}

macro_rules! native_dispatch {
    ($(($js:literal, $rust:ident, $in_ty:literal, $out_ty:literal)),* $(,)?) => {
        /// Every exported function's JS name.
        pub const FUNCTION_NAMES: &[&str] = &[$($js),*];

        /// Runs an exported function by its JS name on a `serde_json` value.
        ///
        /// ```
        /// let out = impactkit::api::call("milestoneProgress", &serde_json::json!({"current": 248.5, "target": 500}), &impactkit::time::TzDatabase).unwrap();
        /// assert_eq!(out["percentage"], 49.7);
        /// ```
        pub fn call(name: &str, input: &Value, zones: &dyn ZoneDb) -> Result<Value> {
            call_node(name, &Node::from(input), zones)
        }

        /// Runs an exported function by its JS name on a parsed document.
        ///
        /// ```
        /// let doc = impactkit::json::value_from_text(r#"{"current": 248.5, "target": 500}"#).unwrap();
        /// let out = impactkit::api::call_node("milestoneProgress", &doc, &impactkit::time::TzDatabase).unwrap();
        /// assert_eq!(out["remaining"], 251.5);
        /// ```
        pub fn call_node(name: &str, input: &Node, zones: &dyn ZoneDb) -> Result<Value> {
            let root = Json::root(input);
            match name {
                $($js => Ok(serde_json::to_value($rust(&root, zones)?).unwrap_or(Value::Null)),)*
                _ => Err(Error::new(ErrorCode::InvalidValue, "$", format!("no function named \"{name}\""))),
            }
        }
    };
}
for_each_function!(native_dispatch);
