//! Structured inputs: JSON trees built by `arbitrary` from the field names and
//! value shapes the entry points know, so the fuzzer reaches deep validation
//! and computation paths quickly.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
mod common;

use impactkit::{api, time::TzDatabase};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

/// Field names of every entry point's input (kept broad on purpose).
const KEYS: &[&str] = &[
    "current", "target", "levels", "decimals", "rounding", "tiers", "progress", "name", "minProgress",
    "order", "icon", "next", "campaigns", "rewardsCampaignName", "rewardsCampaignId", "isUnlocked",
    "completionPercentage", "achievedCount", "currentStreak", "highestStreak", "highScoreAmount",
    "data", "errors", "message", "customerImpactProfile", "customerMilestones", "totalCo2Saved",
    "totalOrders", "badges", "milestones", "ranking", "position", "percentile", "description", "id",
    "earnedAt", "tier", "percentage", "isCompleted", "active", "completed", "completedAt", "unit",
    "balance", "tierProgress", "timezone", "totalPointsBalance", "availablePointsBalance",
    "pendingPoints", "nextExpiringPointsDate", "now", "orders", "placedAt", "co2Kg", "baselineCo2Kg",
    "co2SavedKg", "recycledShare", "supplyChains", "verified", "offsetKg", "definitions", "earned",
    "cart", "options", "kgCo2PerTree", "rule", "kind", "filter", "field", "count", "months", "weeks",
    "activity", "date", "at", "period", "weekStart", "restDays", "freezes", "minCount", "start",
    "end", "periodEndOverride", "events", "value", "profile", "displayName", "size", "theme",
    "locale", "base", "accent", "background", "text", "startOn", "expiresOn", "maxEarnLimit",
    "where", "sum", "atLeast", "validity", "limits", "expiry", "window", "max", "issued",
    "expiringSoonDays", "customer", "badge", "earnedBadgeExpiry", "issuedBadgeExpiry", "expiryType",
    "type", "relativeExpiryType", "customerConstraints", "badgeConstraints", "constraintType",
    "isActive", "startOnISO", "maxEarnForDays", "rollForDays", "rollType", "rollValue", "gt", "lt",
];

const STRINGS: &[&str] = &[
    "", "UTC", "America/New_York", "Europe/Berlin", "+05:30", "Mars/Base", "2025-03-15T10:30:00Z",
    "2024-02-29", "2023-10-10T09:30:45", "1899-12-31", "2201-01-01T00:00:00Z", "day", "week",
    "month", "monday", "sunday", "sat", "sun", "1D", "1W", "1M", "3M_U", "1Y", "down", "nearest",
    "BRONZE", "GOLD", "og", "story", "dark", "auto", "#fff", "red;background:url(x)",
    "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "ar", "ja", "🌱🌱🌱", "مرحبا",
    "first", "count", "sum", "distinct", "streak", "period", "treesSaved", "recycledShare",
    "verifiedSupplyChains", "co2Kg", "RELATIVE", "ABSOLUTE", "NEVER", "DAYS", "MONTHS",
    "CUSTOMER_BADGE_ROLLING_WINDOW", "BADGE_FIXED_VALUE", "relative", "withBadge", "days",
];

fn value(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let pick = if depth == 0 { u.int_in_range(0..=5)? } else { u.int_in_range(0..=7)? };
    Ok(match pick {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.int_in_range(-3i64..=1000)?),
        3 => serde_json::Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        4 => Value::from(*u.choose(STRINGS)?),
        5 => Value::from(u.arbitrary::<String>()?),
        6 => {
            let len = u.int_in_range(0..=6)?;
            Value::Array((0..len).map(|_| value(u, depth - 1)).collect::<Result<_>>()?)
        }
        _ => {
            let len = u.int_in_range(0..=8)?;
            let mut map = Map::new();
            for _ in 0..len {
                map.insert((*u.choose(KEYS)?).to_owned(), value(u, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}

#[derive(Debug)]
struct Input {
    function: usize,
    value: Value,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Input {
            function: u.arbitrary()?,
            value: value(u, 5)?,
        })
    }
}

fuzz_target!(|input: Input| {
    let _ = api::call(common::function(input.function), &input.value, &TzDatabase);
});
