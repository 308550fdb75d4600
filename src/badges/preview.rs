//! `badgePreview`: earned badges, locked-badge progress, what the cart would
//! unlock, and badges about to expire — computed from the order history.

use super::catalogue::{builtin, DEFAULT_KG_CO2_PER_TREE};
use super::definition::{read_definitions, Definition};
use super::earns::{computed_earn, EarnLog};
use super::orders::{read_orders, Order};
use super::rules::{Context, Progress};
use super::validity::{Reason, Validity};
use crate::decimal::{remaining, Display};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::time::{instant, Zone, ZoneDb};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// Where an earned badge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// The backend reported it (`earned`).
    Backend,
    /// Computed from the order history, above what the backend reported: new.
    Computed,
}

/// An earned badge (its highest tier).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// `backend` or `computed` (newly earned, not yet known to the backend).
    pub source: Source,
}

/// Progress towards a locked badge's next tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    /// English sentence: "2 more orders with over 50 % recycled content".
    pub hint: String,
    /// Whether the badge can be earned now (validity and limits).
    pub earnable: bool,
    /// Why not, when not earnable.
    pub reason: Option<Reason>,
}

/// A tier the cart would unlock.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CartUnlock {
    /// Badge id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The highest tier the cart would reach.
    pub tier: String,
}

/// An earned badge that expires within `options.expiringSoonDays`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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

/// `badgePreview` output.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
}

/// A backend-reported earn (seed 000 `badges` entry).
struct BackendEarn {
    id: String,
    name: Option<String>,
    tier: Option<String>,
    rank: Option<usize>,
    earned_at: Option<DateTime<Utc>>,
    expires_at: Option<DateTime<Utc>>,
}

/// The index of tier `name` of definition `d` (number `i`), via a map built once per definition.
fn tier_of<'d>(
    maps: &mut Vec<Option<HashMap<&'d str, usize>>>,
    i: usize,
    d: &'d Definition,
    name: &str,
) -> Option<usize> {
    if maps.len() <= i {
        maps.resize_with(i + 1, || None);
    }
    let map = maps.get_mut(i)?;
    let map = map
        .get_or_insert_with(|| crate::unique::index(&mut d.tiers.iter().map(|t| t.tier.as_str())));
    map.get(name).copied()
}

fn read_backend(list: &Json, definitions: &[Definition], zone: &Zone) -> Result<Vec<BackendEarn>> {
    let mut earns = Vec::new();
    let by_id = crate::unique::index(&mut definitions.iter().map(|d| d.id.as_str()));
    // Tier indices by name, per definition, built when an earn first needs them.
    let mut tier_index: Vec<Option<HashMap<&str, usize>>> = Vec::new();
    for item in list.items()? {
        let id = item.field("id")?.id()?;
        let found = by_id.get(id.as_str()).copied();
        let definition = found.and_then(|i| definitions.get(i));
        let tier_json = item.opt("tier")?;
        let tier = tier_json.map(|t| t.str().map(str::to_owned)).transpose()?;
        let rank = match (definition, &tier, &tier_json) {
            (Some(d), Some(name), Some(at)) => Some(
                tier_of(&mut tier_index, found.unwrap_or_default(), d, name).ok_or_else(|| {
                    let names: Vec<&str> = d.tiers.iter().map(|t| t.tier.as_str()).collect();
                    at.error(
                        ErrorCode::InvalidValue,
                        format!(
                            "\"{}\" is not a tier of {}: {}",
                            crate::json::truncate(name),
                            d.id,
                            names.join(", ")
                        ),
                    )
                })?,
            ),
            (Some(_), _, _) => Some(0),
            (None, _, _) => None,
        };
        let at = |key: &str| -> Result<Option<DateTime<Utc>>> {
            item.opt(key)?.map(|t| instant(&t, zone)).transpose()
        };
        earns.push(BackendEarn {
            tier: tier.or_else(|| {
                definition
                    .and_then(|d| d.tiers.first())
                    .map(|t| t.tier.clone())
            }),
            name: item
                .opt_text("name")?
                .or_else(|| definition.map(|d| d.name.clone())),
            id,
            rank,
            earned_at: at("earnedAt")?,
            expires_at: at("expiresAt")?,
        });
    }
    Ok(earns)
}

/// Orders inside a badge's validity window (all of them when it has none).
fn in_window<'a, 'o>(orders: &'a [&'o Order], validity: &Validity) -> Cow<'a, [&'o Order]> {
    if validity.start_on.is_none() && validity.expires_on.is_none() {
        Cow::Borrowed(orders)
    } else {
        Cow::Owned(
            orders
                .iter()
                .copied()
                .filter(|o| validity.contains(o.placed_at))
                .collect(),
        )
    }
}

struct Options {
    kg_co2_per_tree: f64,
    expiring_soon_days: i64,
}

fn read_options(input: &Json) -> Result<Options> {
    let mut options = Options {
        kg_co2_per_tree: DEFAULT_KG_CO2_PER_TREE,
        expiring_soon_days: 30,
    };
    if let Some(o) = input.opt("options")? {
        if let Some(k) = o.opt("kgCo2PerTree")? {
            options.kg_co2_per_tree = k.positive()?;
        }
        if let Some(d) = o.opt("expiringSoonDays")? {
            options.expiring_soon_days = d.integer_in(0, 36_500)?;
        }
    }
    Ok(options)
}

struct Collector<'z> {
    zone: &'z Zone,
    now: DateTime<Utc>,
    soon: DateTime<Utc>,
    out: BadgePreview,
}

impl Collector<'_> {
    fn add_earned(&mut self, badge: EarnedBadge, expires_at: Option<DateTime<Utc>>) {
        let badge = EarnedBadge {
            expires_at: expires_at.map(|t| self.zone.format(t)),
            ..badge
        };
        match expires_at {
            Some(t) if t <= self.now => self.out.expired.push(badge),
            Some(t) => {
                if t <= self.soon {
                    let seconds = (t - self.now).num_seconds();
                    self.out.expiring_soon.push(ExpiringBadge {
                        id: badge.id.clone(),
                        tier: badge.tier.clone(),
                        expires_at: self.zone.format(t),
                        days_left: (seconds + 86_399) / 86_400,
                    });
                }
                self.out.earned.push(badge);
            }
            None => self.out.earned.push(badge),
        }
    }
}

/// The `badgePreview` function: `{orders, definitions?, earned?, issued?, now,
/// timezone?, cart?, options?, decimals?, rounding?}`.
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
    let now = instant(&input.field("now")?, &zone)?;
    let display = Display::from_json(input)?;
    let options = read_options(input)?;
    let orders = read_orders(&input.field("orders")?, &zone)?;
    let definitions = match input.opt("definitions")? {
        Some(list) => read_definitions(&list, &zone)?,
        None => builtin(),
    };
    let backend = match input.opt("earned")? {
        Some(list) => read_backend(&list, &definitions, &zone)?,
        None => Vec::new(),
    };
    let cart = input
        .opt("cart")?
        .map(|c| Order::cart(&c, &zone, now))
        .transpose()?;
    let issued_counts = read_issued(input.opt("issued")?, &definitions)?;

    // Orders after `now` have not happened yet (the orders are chronological).
    let mut history: Vec<&Order> = orders.iter().collect();
    history.truncate(placed_by(&history, now));
    let with_cart: Option<Vec<&Order>> = cart.as_ref().map(|c| {
        let at = placed_by(&history, c.placed_at);
        let mut all = Vec::with_capacity(history.len() + 1);
        all.extend_from_slice(history.get(..at).unwrap_or(&[]));
        all.push(c);
        all.extend_from_slice(history.get(at..).unwrap_or(&[]));
        all
    });
    let ctx = Context {
        kg_co2_per_tree: options.kg_co2_per_tree,
        now,
        today: zone.date_of(now),
        zone: &zone,
    };
    let mut collector = Collector {
        zone: &zone,
        now,
        soon: now + Duration::days(options.expiring_soon_days),
        out: BadgePreview {
            earned: Vec::new(),
            locked: Vec::new(),
            unlocked_by_cart: Vec::new(),
            expiring_soon: Vec::new(),
            expired: Vec::new(),
        },
    };

    // Each definition's backend earns, in backend order (definition ids are unique).
    let by_id = crate::unique::index(&mut definitions.iter().map(|d| d.id.as_str()));
    let mut backend_of: Vec<Vec<&BackendEarn>> = definitions.iter().map(|_| Vec::new()).collect();
    for b in &backend {
        if let Some(mine) = by_id
            .get(b.id.as_str())
            .and_then(|&i| backend_of.get_mut(i))
        {
            mine.push(b);
        }
    }
    for (index, d) in definitions.iter().enumerate() {
        let orders = in_window(&history, &d.validity);
        let progress: Vec<Progress> = d
            .tiers
            .iter()
            .map(|t| t.rule.progress(&orders, &ctx))
            .collect();
        let mine: Vec<&BackendEarn> = by_id
            .get(d.id.as_str())
            .and_then(|&i| backend_of.get_mut(i))
            .map(std::mem::take)
            .unwrap_or_default();
        let reported = mine
            .iter()
            .copied()
            .max_by(|a, b| a.rank.cmp(&b.rank).then(a.earned_at.cmp(&b.earned_at)));
        // Computed earns count against the customer's limits like reported ones.
        let mut log = EarnLog::new(mine.iter().map(|b| b.earned_at));
        let computed = computed_earn(d, &progress, reported.and_then(|b| b.rank), &mut log, &zone);
        let earned_rank = match (reported, computed) {
            (_, Some((i, at))) => {
                let badge = EarnedBadge {
                    id: d.id.clone(),
                    name: Some(d.name.clone()),
                    tier: d.tiers.get(i).map(|t| t.tier.clone()),
                    earned_at: Some(zone.format(at)),
                    expires_at: None,
                    source: Source::Computed,
                };
                let expires = d.expiry.expires_at(Some(at), &d.validity, &zone);
                let Ok(expires) = expires else {
                    return Err(expiry_beyond(index));
                };
                collector.add_earned(badge, expires);
                Some(i)
            }
            (Some(b), None) => {
                let Ok(expires) = expiry_of(d, b, &zone) else {
                    return Err(expiry_beyond(index));
                };
                collector.add_earned(backend_badge(b, &zone), expires);
                b.rank
            }
            (None, None) => None,
        };

        let next = earned_rank.map_or(0, |r| r + 1);
        let (Some(tier), Some(p)) = (d.tiers.get(next), progress.get(next)) else {
            continue;
        };
        let issued = issued_counts.get(index).copied().flatten();
        let reason = d
            .validity
            .check(now)
            .or_else(|| d.limits.check_log(&log, issued, now, &zone));
        collector.out.locked.push(LockedBadge {
            id: d.id.clone(),
            name: d.name.clone(),
            next_tier: tier.tier.clone(),
            current: p.current,
            target: p.target,
            percentage: shown_percentage(&display, p),
            remaining: remaining(p.target, p.current),
            hint: tier.rule.hint(p),
            earnable: reason.is_none(),
            reason,
        });
        if let (Some(all), None) = (&with_cart, reason) {
            let all = in_window(all, &d.validity);
            let unlocked = (next..d.tiers.len()).rev().find(|&i| {
                d.tiers
                    .get(i)
                    .is_some_and(|t| t.rule.progress(&all, &ctx).reached_at.is_some())
            });
            if let Some(t) = unlocked.and_then(|i| d.tiers.get(i)) {
                collector.out.unlocked_by_cart.push(CartUnlock {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    tier: t.tier.clone(),
                });
            }
        }
    }
    // Backend badges without a definition are passed through.
    for b in backend.iter().filter(|b| b.rank.is_none()) {
        collector.add_earned(backend_badge(b, &zone), b.expires_at);
    }
    Ok(collector.out)
}

/// Each definition's `issued` count (`{badgeId: count}`), read whole before any badge is looked
/// at, so a bad count errors whether or not its badge has a tier left to earn. Keys that name no
/// definition are not read (a backend may count badges the storefront does not define).
fn read_issued(map: Option<Json>, definitions: &[Definition]) -> Result<Vec<Option<u64>>> {
    let Some(map) = map else {
        return Ok(vec![None; definitions.len()]);
    };
    let index = crate::unique::index(&mut map.object()?.iter().map(|(k, _)| k.as_ref()));
    definitions
        .iter()
        .map(|d| {
            index
                .get(d.id.as_str())
                .and_then(|&i| map.entry(i))
                .map(|n| n.integer_in(0, 1 << 53).map(|n| n as u64))
                .transpose()
        })
        .collect()
}

fn backend_badge(b: &BackendEarn, zone: &Zone) -> EarnedBadge {
    EarnedBadge {
        id: b.id.clone(),
        name: b.name.clone(),
        tier: b.tier.clone(),
        earned_at: b.earned_at.map(|t| zone.format(t)),
        expires_at: None,
        source: Source::Backend,
    }
}

fn expiry_of(
    d: &Definition,
    b: &BackendEarn,
    zone: &Zone,
) -> std::result::Result<Option<DateTime<Utc>>, ()> {
    match b.expires_at {
        Some(t) => Ok(Some(t)),
        None => d.expiry.expires_at(b.earned_at, &d.validity, zone),
    }
}

/// How many of the chronological `orders` were placed at or before `t`.
fn placed_by(orders: &[&Order], t: DateTime<Utc>) -> usize {
    orders.partition_point(|o| o.placed_at <= t)
}

/// A relative expiry that ends past the year 9999: `out_of_range` at its count.
fn expiry_beyond(index: usize) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        format!("$.definitions[{index}].expiry.count"),
        "expires after the year 9999",
    )
}

/// A locked tier's percentage: 100 only once its rule is met (a `period` rule
/// met so far in the running period is not yet: the period must end).
fn shown_percentage(display: &Display, p: &Progress) -> f64 {
    let percentage = display.percent(p.current, p.target);
    // The largest percentage below 100 at 0–6 decimals.
    const BELOW_100: [f64; 7] = [99.0, 99.9, 99.99, 99.999, 99.9999, 99.99999, 99.999999];
    if percentage >= 100.0 && p.reached_at.is_none() {
        BELOW_100
            .get(display.decimals as usize)
            .copied()
            .unwrap_or(99.999999)
    } else {
        percentage
    }
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
        serde_json::to_value(out).unwrap()
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
