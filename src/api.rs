//! The JS contract's function table: one JSON object in, one value out.
//!
//! `for_each_function!` lists every exported function once; the wasm
//! bindings and the native [`call`] dispatcher (used by the golden-vector
//! tests) are both generated from it, so they cannot drift apart.

use crate::error::Result;
#[cfg(not(target_arch = "wasm32"))]
use crate::error::{Error, ErrorCode};
use crate::json::Json;
#[cfg(not(target_arch = "wasm32"))]
use crate::json::{to_json_text, Node, ToJson};
use crate::time::ZoneDb;
#[cfg(not(target_arch = "wasm32"))]
use serde_json::Value;

/// Calls `$apply!` with the table `(jsName, rust_name, module, InputType, OutputType, [doc lines])`;
/// `module` is the capability module (Cargo feature and npm subpath `impactkit/<module>`) that
/// exports it besides the full build; the
/// types are the TypeScript ones (every input may also be given as JSON text or its UTF-8 bytes); the doc lines become
/// the JSDoc of the export in the built `.d.ts` (one sentence and an `@example`).
macro_rules! for_each_function {
    ($apply:ident) => {
        $apply! {
            ("milestoneProgress", milestone_progress, "progress", "MilestoneInput | string | Uint8Array | ArrayBuffer", "MilestoneProgress", [
                " Percentage, remaining amount and completion of a milestone (or of several levels),",
                " in exact decimal arithmetic: 100 only when complete; with `history`, the pace and ETA.",
                " @example",
                " milestoneProgress({ current: 248.5, target: 500 });",
                " // → { percentage: 49.7, remaining: 251.5, isCompleted: false }",
                " milestoneProgress({ current: 248.5, target: 500, now: \"2025-03-11T12:00:00Z\",",
                "   history: [{ at: \"2025-03-01\", value: 198.5 }] }).eta; // → \"2025-05-01\"",
            ]),
            ("tierProgress", tier_progress, "progress", "TierInput | string | Uint8Array | ArrayBuffer", "TierProgress", [
                " The current and next tier and the progress between them, from a tier list or",
                " Gameball's tier-progress response as is; `locale` adds a localised `message`.",
                " @example",
                " tierProgress({ current: { order: 1, name: \"Basic\", minProgress: 0 },",
                "   next: { order: 2, name: \"Gold\", minProgress: 190 }, progress: 50 });",
                " // → { percentage: 26.3, remaining: 140, next: { name: \"Gold\", … }, … }",
            ]),
            ("pointsProgress", points_progress, "profile", "PointsInput | string | Uint8Array | ArrayBuffer", "PointsProgress", [
                " A points balance (Gameball's balance response as is) with values, the next expiry's",
                " days left and urgency, pending points' release day, the redeem nudge and what a cart earns.",
                " @example",
                " pointsProgress({ balance: { totalPointsBalance: 1500, availablePointsBalance: 1200, pendingPoints: 300 },",
                "   now: \"2024-11-20T12:00:00Z\", redemptionRewardFactor: 0.05 }).redeemable;",
                " // → { points: 1200, value: 60, toNextUnit: 20 }",
            ]),
            ("campaignProgress", campaign_progress, "progress", "CampaignInput | GameballCampaign[] | string | Uint8Array | ArrayBuffer", "CampaignProgress", [
                " Gameball reward campaigns with a status each and the \"almost there\" nudge (`nextUp`);",
                " `locale` adds a localised `message`.",
                " @example",
                " campaignProgress({ campaigns: [{ rewardsCampaignName: \"Third Order\", rewardsCampaignId: 5859,",
                "   isUnlocked: true, completionPercentage: 33, achievedCount: 0 }] }).nextUp?.name;",
                " // → \"Third Order\"",
            ]),
            ("readImpactProfile", read_impact_profile, "profile", "GraphqlResponse | string | Uint8Array | ArrayBuffer", "ImpactProfile", [
                " Reads the GraphQL gamification module's response (seed 000): totals, milestones with",
                " recomputed percentages, badges, leaderboard; GraphQL `errors` throw `graphql_error`.",
                " @example",
                " readImpactProfile({ data: { customerImpactProfile: { totalCo2Saved: 248.5, totalOrders: 15 } } })",
                "   .totalCo2Saved; // → 248.5",
            ]),
            ("readLeaderboard", read_leaderboard, "profile", "LeaderboardInput | string | Uint8Array | ArrayBuffer", "Leaderboard", [
                " Reads seed 000's `impactLeaderboard` (a GraphQL response or its `data`): rows with `isYou`,",
                " your rank, percentile, the card's ranking text in `locale` and the gap to the row above.",
                " @example",
                " readLeaderboard({ data: { impactLeaderboard: { entries: [], currentUserPosition: { rank: 142, percentile: 15 } } },",
                "   locale: \"de\" }).you?.rankingText; // → \"Top 15 % der nachhaltigen Käufer\"",
            ]),
            ("readGameball", read_gameball, "profile", "GameballInput | string | Uint8Array | ArrayBuffer", "GameballProgress", [
                " Reads Gameball v4 responses (balance, tier progress, campaigns, referrals, activities),",
                " one key per endpoint; `activities` feed `streak` as they are.",
                " @example",
                " readGameball({ balance: { totalPointsBalance: 1500, availablePointsBalance: 1200 } })",
                "   .balance?.availablePointsBalance; // → 1200",
            ]),
            ("streak", streak, "streaks", "StreakInput | string | Uint8Array | ArrayBuffer", "StreakResult", [
                " A daily, weekly or monthly streak over activity records, in the customer's timezone,",
                " with freezes (given or earned) and streak repair; `locale` adds a localised `message`.",
                " @example",
                " streak({ activity: [{ date: \"2025-03-06\" }, { date: \"2025-03-07\" }], period: \"day\",",
                "   now: \"2025-03-07T12:00:00Z\", timezone: \"UTC\" }).current; // → 2",
            ]),
            ("achievementWindow", achievement_window, "streaks", "AchievementWindowInput | string | Uint8Array | ArrayBuffer", "AchievementWindow", [
                " The Talon.One-style achievement window (`1D`, `1W`, `1M`, `3M_U`, …) that contains `now`;",
                " `locale` adds a localised `message`.",
                " @example",
                " achievementWindow({ start: \"2023-10-10T09:30:45\", period: \"1D\", now: \"2023-10-10T12:00:00Z\" }).end;",
                " // → \"2023-10-11T09:30:45Z\"",
            ]),
            ("impactCard", impact_card, "cards", "ImpactCardInput | string | Uint8Array | ArrayBuffer", "string", [
                " A safe, deterministic share card as SVG text (sizes og, square, story, badge).",
                " @example",
                " const svg = impactCard({ profile: { totalCo2Saved: 248.5, totalOrders: 15 }, size: \"og\" });",
            ]),
            ("readBakedCredential", read_baked_credential, "cards", "ReadBakedCredentialInput | string | Uint8Array | ArrayBuffer", "BakedCredential | null", [
                " The Open Badges 3.0 credential baked into an SVG (`{ credential }` or `{ jws }`), or null;",
                " takes the SVG text itself or `{ svg }`.",
                " @example",
                " readBakedCredential(impactCard({ profile, size: \"badge\", credential }));",
                " // → { credential: { type: [\"VerifiableCredential\", \"OpenBadgeCredential\"], … } }",
            ]),
            ("badgePreview", badge_preview, "badges", "BadgePreviewInput | string | Uint8Array | ArrayBuffer", "BadgePreview", [
                " Earned and locked badges with hints from an order history and events, and what a cart would unlock.",
                " @example",
                " badgePreview({ orders: [], now: \"2025-06-15T12:00:00Z\" }).locked[0]?.hint;",
                " // → \"1 more green order\"",
                " badgePreview({ orders: [], now: \"2025-06-15T12:00:00Z\", locale: \"de\" }).locked[0]?.hint;",
                " // → \"noch 1 grüne Bestellung\" (en, de, fr, es, ar, ja; `locale` in the result)",
            ]),
            ("readCapillaryBadge", read_capillary_badge, "badges", "CapillaryBadge | string | Uint8Array | ArrayBuffer", "BadgeMeta", [
                " Reads a Capillary badge definition (seed 001): validity, earn limits, tiers.",
                " @example",
                " readCapillaryBadge(capillaryBadgeResponse).validity;",
            ]),
        }
    };
}
#[allow(unused_imports)]
pub(crate) use for_each_function;

/// `milestoneProgress`: see [`crate::milestones::milestone_progress`].
pub fn milestone_progress(
    input: &Json,
    zones: &dyn ZoneDb,
) -> Result<crate::milestones::MilestoneProgress> {
    crate::milestones::milestone_progress(input, zones)
}

/// `tierProgress`: Gameball's shape (see [`crate::adapters::gameball::is_tier_progress`]) is read
/// by [`crate::adapters::gameball::tier_progress`], a tier list by [`crate::tiers::tier_progress`].
/// Either way [`crate::tiers::retention::apply`] adds `retain` and the deadline when asked.
pub fn tier_progress(input: &Json, zones: &dyn ZoneDb) -> Result<crate::tiers::TierProgress> {
    let mut progress = tier_numbers(input)?;
    crate::tiers::retention::apply(&mut progress, input, zones)?;
    crate::tiers::message::apply(&mut progress, input)?;
    Ok(progress)
}

/// `tierProgress`'s tiers and numbers, without retention and message: Gameball's shape or a tier
/// list (the part [`crate::bars`] shares).
pub fn tier_numbers(input: &Json) -> Result<crate::tiers::TierProgress> {
    if crate::adapters::gameball::is_tier_progress(input)? {
        crate::adapters::gameball::tier_progress(input)
    } else {
        crate::tiers::tier_progress(input)
    }
}

/// `pointsProgress`: see [`crate::adapters::gameball_points::points_progress`].
pub fn points_progress(input: &Json, zones: &dyn ZoneDb) -> Result<crate::points::PointsProgress> {
    crate::adapters::gameball_points::points_progress(input, zones)
}

/// `campaignProgress`: see [`crate::adapters::gameball::campaign_progress`].
pub fn campaign_progress(
    input: &Json,
    _zones: &dyn ZoneDb,
) -> Result<crate::campaigns::CampaignProgress> {
    let mut progress = crate::adapters::gameball::campaign_progress(input)?;
    crate::campaigns::message::apply(&mut progress, input)?;
    Ok(progress)
}

/// `readImpactProfile`: see [`crate::adapters::graphql::read_impact_profile`].
pub fn read_impact_profile(
    input: &Json,
    zones: &dyn ZoneDb,
) -> Result<crate::adapters::graphql::ImpactProfile> {
    crate::adapters::graphql::read_impact_profile(input, zones)
}

/// `readLeaderboard`: see [`crate::adapters::graphql::leaderboard::read_leaderboard`].
pub fn read_leaderboard(
    input: &Json,
    _zones: &dyn ZoneDb,
) -> Result<crate::leaderboard::Leaderboard> {
    crate::adapters::graphql::leaderboard::read_leaderboard(input)
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

/// The JSON text the call of JS function `name` reads from input `text`: `text` itself, except
/// that `readBakedCredential` takes markup (text starting with `<`, which is never JSON) as the
/// SVG document itself, that is as a JSON string. Both bindings (wasm-bindgen and the raw ABI)
/// read their inputs through this.
///
/// # Example
/// ```
/// assert_eq!(impactkit::api::input_json_text("readBakedCredential", " <svg/>".into()), r#"" <svg/>""#);
/// assert_eq!(impactkit::api::input_json_text("impactCard", "<svg/>".into()), "<svg/>");
/// ```
pub fn input_json_text(name: &str, text: String) -> String {
    let reads_markup =
        cfg!(any(feature = "full", feature = "cards")) && name == "readBakedCredential";
    if reads_markup && text.trim_start().starts_with('<') {
        crate::json::to_json_text(&text)
    } else {
        text
    }
}

/// What `impactCardPng` rasterises: see [`crate::card::png::card_for_png`] (exported to JS
/// as `__cardForPng`, outside the typed API).
pub fn card_for_png(input: &Json, zones: &dyn ZoneDb) -> Result<crate::card::png::CardForPng> {
    crate::card::png::card_for_png(input, zones)
}

/// `readBakedCredential`: see [`crate::card::baked::read_baked_credential`].
pub fn read_baked_credential(
    input: &Json,
    _zones: &dyn ZoneDb,
) -> Result<Option<crate::card::baked::BakedCredential>> {
    crate::card::baked::read_baked_credential(input)
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
    ($(($js:literal, $rust:ident, $module:tt, $in_ty:literal, $out_ty:literal, [$($doc:literal),* $(,)?])),* $(,)?) => {
        /// Every exported function's JS name.
        pub const FUNCTION_NAMES: &[&str] = &[$($js),*];

        /// Runs an exported function by its JS name on a `serde_json` value (native builds).
        ///
        /// ```
        /// let out = impactkit::api::call("milestoneProgress", &serde_json::json!({"current": 248.5, "target": 500}), &impactkit::time::TzDatabase).unwrap();
        /// assert_eq!(out["percentage"], 49.7);
        /// ```
        #[cfg(not(target_arch = "wasm32"))]
        pub fn call(name: &str, input: &Value, zones: &dyn ZoneDb) -> Result<Value> {
            call_node(name, &Node::from(input), zones)
        }

        /// Runs an exported function by its JS name on a parsed document (native builds): the
        /// result is the JSON text the wasm bindings return, read back with `serde_json`.
        ///
        /// ```
        /// let doc = impactkit::json::value_from_text(r#"{"current": 248.5, "target": 500}"#).unwrap();
        /// let out = impactkit::api::call_node("milestoneProgress", &doc, &impactkit::time::TzDatabase).unwrap();
        /// assert_eq!(out["remaining"], 251.5);
        /// ```
        #[cfg(not(target_arch = "wasm32"))]
        pub fn call_node(name: &str, input: &Node, zones: &dyn ZoneDb) -> Result<Value> {
            let root = Json::root(input);
            match name {
                $($js => Ok(native_value(&$rust(&root, zones)?)),)*
                _ => Err(Error::new(ErrorCode::InvalidValue, "$", ["no function named \"", name, "\""].concat())),
            }
        }
    };
}
for_each_function!(native_dispatch);

/// A result as a `serde_json` value, through the same [`to_json_text`] the wasm bindings use.
#[cfg(not(target_arch = "wasm32"))]
fn native_value<T: ToJson>(output: &T) -> Value {
    serde_json::from_str(&to_json_text(output)).unwrap_or(Value::Null)
}
