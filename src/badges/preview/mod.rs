//! `badgePreview`: earned badges, locked-badge progress, what the cart would
//! unlock, and badges about to expire — computed from the order history.

mod backend;
mod collect;
mod history;
mod inputs;

pub use history::{BadgeHistory, PreviewRequest};

use super::validity::Reason;
use crate::decimal::Display;
use crate::error::Result;
use crate::json::Json;
use crate::locale::LocaleRequest;
use crate::time::{instant, Zone, ZoneDb};

/// Where an earned badge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The backend reported it (`earned`).
    Backend,
    /// Computed from the order history, above what the backend reported: new.
    Computed,
}

crate::to_json_enum!(Source {
    Backend => "backend",
    Computed => "computed",
});

/// An earned badge (its highest tier).
#[derive(Debug, Clone, PartialEq)]
pub struct EarnedBadge {
    /// Badge id.
    pub id: String,
    /// Display name, if known.
    pub name: Option<String>,
    /// The highest tier earned.
    pub tier: Option<String>,
    /// When: the instant of the order that crossed the threshold, or the backend's.
    pub earned_at: Option<String>,
    /// When it expires, if it does.
    pub expires_at: Option<String>,
    /// `backend` or `computed` (newly earned, not yet known to the backend).
    pub source: Source,
}

crate::to_json_struct!(EarnedBadge {
    id: "id",
    name: "name",
    tier: "tier",
    earned_at: "earnedAt",
    expires_at: "expiresAt"?,
    source: "source",
});

/// Progress towards a locked badge's next tier.
#[derive(Debug, Clone, PartialEq)]
pub struct LockedBadge {
    /// Badge id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The next tier to earn.
    pub next_tier: String,
    /// Progress so far in the rule's unit.
    pub current: f64,
    /// The threshold.
    pub target: f64,
    /// `current / target`, exact, rounded per `decimals`/`rounding`.
    pub percentage: f64,
    /// `target − current`, never negative.
    pub remaining: f64,
    /// What is still needed, in the requested locale: "2 more orders with over 50 % recycled
    /// content", "noch 2 Bestellungen mit über 50 % Recyclinganteil".
    pub hint: String,
    /// Whether the badge can be earned now (validity and limits).
    pub earnable: bool,
    /// Why not, when not earnable.
    pub reason: Option<Reason>,
}

crate::to_json_struct!(LockedBadge {
    id: "id",
    name: "name",
    next_tier: "nextTier",
    current: "current",
    target: "target",
    percentage: "percentage",
    remaining: "remaining",
    hint: "hint",
    earnable: "earnable",
    reason: "reason",
});

/// A tier the cart would unlock.
#[derive(Debug, Clone, PartialEq)]
pub struct CartUnlock {
    /// Badge id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The highest tier the cart would reach.
    pub tier: String,
}

crate::to_json_struct!(CartUnlock {
    id: "id",
    name: "name",
    tier: "tier",
});

/// An earned badge that expires within `options.expiringSoonDays`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpiringBadge {
    /// Badge id.
    pub id: String,
    /// Tier.
    pub tier: Option<String>,
    /// When it expires.
    pub expires_at: String,
    /// Whole days left, rounded up.
    pub days_left: i64,
}

crate::to_json_struct!(ExpiringBadge {
    id: "id",
    tier: "tier",
    expires_at: "expiresAt",
    days_left: "daysLeft",
});

/// `badgePreview` output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BadgePreview {
    /// Earned, unexpired badges: definitions' order, then backend badges without a definition.
    pub earned: Vec<EarnedBadge>,
    /// Badges with a tier still to earn.
    pub locked: Vec<LockedBadge>,
    /// What buying the cart would unlock.
    pub unlocked_by_cart: Vec<CartUnlock>,
    /// Earned badges expiring soon.
    pub expiring_soon: Vec<ExpiringBadge>,
    /// Earned badges that have expired.
    pub expired: Vec<EarnedBadge>,
    /// The `locale` asked for and the one the hints use (only when the input has `locale`).
    pub locale: Option<LocaleRequest>,
}

crate::to_json_struct!(BadgePreview {
    earned: "earned",
    locked: "locked",
    unlocked_by_cart: "unlockedByCart",
    expiring_soon: "expiringSoon",
    expired: "expired",
    locale: "locale"?,
});

/// The `badgePreview` function: `{orders, definitions?, earned?, issued?, now,
/// timezone?, cart?, options?, decimals?, rounding?, locale?}`. With `locale` (a BCP 47 tag)
/// the hints are in its language (en, de, fr, es, ar, ja; others fall back to English) and
/// the result reports `locale: {requested, used, fallback}`.
///
/// ```
/// let o = |id: &str, at: &str, share: f64| serde_json::json!({"id": id, "placedAt": at, "co2Kg": 5,
///     "baselineCo2Kg": 4, "recycledShare": share, "supplyChains": []});
/// let v = serde_json::json!({"now": "2025-06-30T12:00:00Z",
///     "orders": (0..8).map(|i| o(&format!("o{i}"), &format!("2025-06-0{}T10:00:00Z", i + 1), 0.6)).collect::<Vec<_>>(),
///     "cart": {"co2Kg": 5, "baselineCo2Kg": 4, "recycledShare": 0.5, "supplyChains": []}});
/// let v = impactkit::json::Node::from(&v);
/// let p = impactkit::badges::preview::badge_preview(&impactkit::json::Json::root(&v), &impactkit::time::TzDatabase).unwrap();
/// let hero = p.locked.iter().find(|l| l.id == "badge_circular_hero").unwrap();
/// assert_eq!((hero.current, hero.percentage), (8.0, 80.0));
/// assert_eq!(hero.hint, "2 more orders with over 50 % recycled content");
/// assert!(p.unlocked_by_cart.is_empty()); // 0.5 is not over 50 %
/// ```
pub fn badge_preview(input: &Json, zones: &dyn ZoneDb) -> Result<BadgePreview> {
    let zone = Zone::from_field(input, zones)?;
    // `now` and the display options are checked before the history, as they always were.
    instant(&input.field("now")?, &zone)?;
    Display::from_json(input)?;
    let mut history = BadgeHistory::open(input, &zone, true)?;
    history.preview(&PreviewRequest::from_json(input, &zone)?, &zone)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::time::TzDatabase;
    use serde_json::{json, Value};

    fn orders() -> Vec<Value> {
        (0..40)
            .map(|i| {
                json!({"id": format!("o{}", i % 37), "placedAt": 1_700_000_000_000i64 + i * 86_400_000 * 9,
                       "co2Kg": (i % 5) as f64, "baselineCo2Kg": 3.5, "recycledShare": (i % 10) as f64 / 10.0,
                       "offsetKg": (i % 7) as f64,
                       "supplyChains": [{"id": format!("c{}", i % 6), "verified": i % 3 != 0}]})
            })
            .collect()
    }

    fn preview(orders: Vec<Value>, cart: Option<Value>) -> Value {
        let mut input =
            json!({"orders": orders, "now": "2024-09-01T00:00:00Z", "timezone": "Asia/Tokyo"});
        if let Some(c) = cart {
            input["cart"] = c;
        }
        let out =
            badge_preview(&Json::root(&crate::json::Node::from(&input)), &TzDatabase).unwrap();
        serde_json::from_str(&crate::json::to_json_text(&out)).unwrap()
    }

    #[test]
    fn input_order_does_not_matter() {
        // Duplicated ids keep their first occurrence, so only shuffle unique ids.
        let unique: Vec<Value> = orders().into_iter().take(37).collect();
        let mut rotated = unique.clone();
        rotated.rotate_left(11);
        assert_eq!(preview(unique, None), preview(rotated, None));
    }

    #[test]
    fn locale_is_reported_only_when_asked_for() {
        let text = |locale: Option<&str>| {
            let mut input = json!({"orders": [], "now": "2024-09-01T00:00:00Z"});
            if let Some(tag) = locale {
                input["locale"] = json!(tag);
            }
            let out =
                badge_preview(&Json::root(&crate::json::Node::from(&input)), &TzDatabase).unwrap();
            crate::json::to_json_text(&out)
        };
        assert!(!text(None).contains("\"locale\""));
        let english = text(Some("en"));
        assert!(english.contains(r#""locale":{"requested":"en","used":"en","fallback":false}"#));
        // The hints themselves are the same as without `locale`.
        let without = text(None);
        assert_eq!(
            english.split(",\"locale\"").next(),
            without.strip_suffix('}')
        );
    }

    #[test]
    fn the_cart_only_adds_unlocked_by_cart() {
        let cart = json!({"co2Kg": 0, "baselineCo2Kg": 900, "recycledShare": 0.9, "offsetKg": 50,
                          "supplyChains": [{"id": "new", "verified": true}]});
        let mut without = preview(orders(), None);
        let mut with = preview(orders(), Some(cart));
        assert!(!with["unlockedByCart"].as_array().unwrap().is_empty());
        with["unlockedByCart"] = Value::Null;
        without["unlockedByCart"] = Value::Null;
        assert_eq!(with, without);
    }
}
