//! Property tests: invariants that must hold for every input, not just the vectors.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, decimal::Decimal, time::TzDatabase};
use proptest::prelude::*;

#[path = "common/fields.rs"]
mod fields;
use serde_json::{json, Value};

/// A JSON-representable amount with up to 3 decimals, as backends send them.
fn amount(max: u64) -> impl Strategy<Value = f64> {
    (0..=max * 1000).prop_map(|milli| milli as f64 / 1000.0)
}

fn milestone(current: f64, target: f64, extra: Value) -> Value {
    let mut input = json!({"current": current, "target": target});
    if let (Some(obj), Some(more)) = (input.as_object_mut(), extra.as_object()) {
        obj.extend(more.clone());
    }
    api::call("milestoneProgress", &input, &TzDatabase).expect("valid input")
}

/// Arbitrary JSON trees built from the field names and values of all ten entry points
/// (tests/common/fields.rs, shared with fuzz/), to show none panics on any shape.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-3i64..1000).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-zA-Z0-9 :+.-]{0,24}".prop_map(Value::String),
        prop::sample::select(fields::STRINGS).prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(prop::sample::select(fields::KEYS), inner, 0..8).prop_map(
                |m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            ),
        ]
    })
}

/// An independent reference for `period_sums`: a sorted map from period to sum.
fn sums_by_map(records: &[(i64, u64)]) -> Vec<(i64, u128)> {
    let mut sums = std::collections::BTreeMap::new();
    for &(period, count) in records {
        *sums.entry(period).or_insert(0u128) += u128::from(count);
    }
    sums.into_iter().collect()
}

proptest! {
    /// Counting per period (dense spans) and sorting (sparse spans) give the same sums.
    #[test]
    fn period_sums_match_sorting(
        records in prop::collection::vec((-40_000i64..80_000, 0u64..1_000_000_000_000_000), 0..300),
        dense in any::<bool>(),
    ) {
        let records: Vec<(i64, u64)> = if dense {
            records.into_iter().map(|(p, c)| (p % 500, c)).collect()
        } else {
            records
        };
        let expected = sums_by_map(&records);
        prop_assert_eq!(impactkit::streaks::period_sums(records), expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn percentage_stays_within_0_and_100(current in amount(1_000_000), target in amount(1_000_000)) {
        prop_assume!(target > 0.0);
        let out = milestone(current, target, json!({}));
        let pct = out["percentage"].as_f64().unwrap_or(-1.0);
        prop_assert!((0.0..=100.0).contains(&pct));
        prop_assert_eq!(pct == 100.0, current >= target);
        prop_assert_eq!(out["isCompleted"].as_bool(), Some(current >= target));
        prop_assert!(out["remaining"].as_f64().unwrap_or(-1.0) >= 0.0);
    }

    #[test]
    fn percentage_is_monotonic_in_current(a in amount(100_000), b in amount(100_000), target in amount(100_000), decimals in 0u32..=6, nearest in any::<bool>()) {
        prop_assume!(target > 0.0);
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let extra = json!({"decimals": decimals, "rounding": if nearest { "nearest" } else { "down" }});
        let p_low = milestone(low, target, extra.clone())["percentage"].as_f64();
        let p_high = milestone(high, target, extra)["percentage"].as_f64();
        prop_assert!(p_low <= p_high, "{:?} > {:?}", p_low, p_high);
    }

    #[test]
    fn remaining_is_exact_in_decimal(current in amount(1_000_000), gap in amount(1_000_000)) {
        let target = ((current * 1000.0).round() + (gap * 1000.0).round() + 1.0) / 1000.0;
        let out = milestone(current, target, json!({}));
        let remaining = out["remaining"].as_f64().unwrap_or(f64::NAN);
        // Milli-units are exact integers: the decimal difference must match them.
        let expected = ((target * 1000.0).round() - (current * 1000.0).round()) / 1000.0;
        prop_assert_eq!(remaining, expected);
    }

    #[test]
    fn short_decimals_round_trip_exactly(units in -1_000_000_000_000i64..1_000_000_000_000, decimals in 0i32..=6) {
        let x = units as f64 / 10f64.powi(decimals);
        prop_assert_eq!(Decimal::from_f64(x).to_f64(), x);
    }

    #[test]
    fn any_decimal_is_within_the_22_decimal_rounding(x in -1e6f64..1e6f64) {
        let back = Decimal::from_f64(x).to_f64();
        // Exact from 1e-6 up; smaller magnitudes rounded at 22 decimals (≤ 5e-23).
        prop_assert!((back - x).abs() <= 5e-23, "{} -> {}", x, back);
    }

    #[test]
    fn tier_progress_places_progress_between_thresholds(mut mins in prop::collection::btree_set(0u32..100_000, 1..12), progress in amount(120_000)) {
        let tiers: Vec<Value> = std::mem::take(&mut mins).into_iter().rev()
            .map(|m| json!({"name": format!("T{m}"), "minProgress": m})).collect();
        let out = api::call("tierProgress", &json!({"tiers": tiers, "progress": progress}), &TzDatabase).expect("valid");
        let pct = out["percentage"].as_f64().unwrap_or(-1.0);
        prop_assert!((0.0..=100.0).contains(&pct));
        if let Some(current) = out["current"]["minProgress"].as_f64() {
            prop_assert!(current <= progress);
        }
        match out["next"]["minProgress"].as_f64() {
            Some(next) => prop_assert!(next > progress && pct < 100.0),
            None => prop_assert!(pct == 100.0),
        }
    }

    #[test]
    fn no_entry_point_panics_on_any_json(input in any_json()) {
        for name in api::FUNCTION_NAMES {
            let _ = api::call(name, &input, &TzDatabase);
        }
    }
}

/// A daily activity history within the 120 days before 2025-03-31, with counts 0–3.
fn daily_activity() -> impl Strategy<Value = Vec<(u32, u32)>> {
    prop::collection::vec((0u32..120, 0u32..4), 0..80)
}

fn date_of(day: u32) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 12, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
        .expect("in range");
    date.format("%Y-%m-%d").to_string()
}

/// Orders as backends send them, with ids unique per position.
fn orders() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(
        (
            0u32..400,
            1u32..300,
            1u32..300,
            0u32..=100,
            0u32..8,
            any::<bool>(),
            0u32..4,
        ),
        0..40,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(
                |(i, (day, co2, baseline, recycled, chain, verified, offset))| {
                    json!({
                        "id": format!("o{i}"),
                        "placedAt": format!("{}T{:02}:30:00Z", date_of(day), (i * 7) % 24),
                        "co2Kg": f64::from(co2) / 10.0,
                        "baselineCo2Kg": f64::from(baseline) / 10.0,
                        "recycledShare": f64::from(recycled) / 100.0,
                        "supplyChains": [{"id": format!("sc{chain}"), "verified": verified}],
                        "offsetKg": f64::from(offset * co2) / 10.0,
                    })
                },
            )
            .collect()
    })
}

/// Text a customer or backend might send: markup, quotes, controls, bidi, emoji, CJK.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        prop::sample::select(vec![
            "<script>alert(1)</script>".to_owned(),
            "\"><svg onload=alert(1)>".to_owned(),
            "</text><script>x</script>".to_owned(),
            "<![CDATA[ ]]> &amp; &#x3c;".to_owned(),
            "\u{202e}evil\u{0}\u{7}\u{fffe}".to_owned(),
            "🌱🌳🔥".repeat(20),
            "محمد علي".to_owned(),
            "山田太郎".to_owned(),
            "javascript:alert(1)".to_owned(),
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn streak_current_never_exceeds_longest_nor_the_periods(activity in daily_activity(), period in prop::sample::select(vec!["day", "week", "month"]), zone in prop::sample::select(vec!["UTC", "America/New_York", "Asia/Kolkata"])) {
        let records: Vec<Value> = activity.iter().map(|(d, c)| json!({"date": date_of(*d), "count": c})).collect();
        let input = json!({"activity": records, "period": period, "now": "2025-03-31T12:00:00Z", "timezone": zone});
        let out = api::call("streak", &input, &TzDatabase).expect("valid input");
        let current = out["current"].as_f64().unwrap_or(f64::MAX);
        let longest = out["longest"].as_f64().unwrap_or(0.0);
        // 2024-12-01 .. 2025-03-31: 121 days, 19 Monday weeks, 4 months.
        let periods = match period { "day" => 121.0, "week" => 19.0, _ => 4.0 };
        prop_assert!(current <= longest && longest <= periods, "{} {} {}", current, longest, periods);
        let state = out["state"].as_str().unwrap_or("");
        if state == "broken" || state == "none" {
            prop_assert_eq!(current, 0.0);
        }
        let total: u32 = activity.iter().map(|(_, c)| c).sum();
        prop_assert_eq!(out["total"].as_f64(), Some(f64::from(total)));
    }

    #[test]
    fn shuffling_or_duplicating_orders_never_changes_badges(orders in orders(), seed in any::<u64>(), zone in prop::sample::select(vec!["UTC", "Europe/Berlin", "America/New_York"])) {
        let base = json!({"orders": orders, "now": "2026-03-01T00:00:00Z", "timezone": zone});
        let expected = api::call("badgePreview", &base, &TzDatabase).expect("valid input");
        // A deterministic shuffle with every third order repeated.
        let mut shuffled = orders.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let duplicates: Vec<Value> = orders.iter().step_by(3).cloned().collect();
        shuffled.extend(duplicates);
        let again = api::call("badgePreview", &json!({"orders": shuffled, "now": "2026-03-01T00:00:00Z", "timezone": zone}), &TzDatabase).expect("valid input");
        prop_assert_eq!(expected, again);
    }

    #[test]
    fn cards_are_strict_xml_without_active_content(name in hostile_text(), badge in hostile_text(), description in hostile_text(), size in prop::sample::select(vec!["og", "square", "story", "badge"]), theme in prop::sample::select(vec!["light", "dark", "auto"]), locale in prop::sample::select(vec!["en", "de", "ar", "ja"])) {
        let input = json!({
            "profile": {
                "displayName": name, "totalCo2Saved": 248.5, "totalOrders": 15, "co2Unit": "kg",
                "badges": [{"id": "b1", "name": badge, "icon": "javascript:alert(1)", "tier": "GOLD", "earnedAt": "2025-06-22T14:15:00Z"}],
                "milestones": [{"name": description, "current": 248.5, "target": 500}],
                "ranking": {"percentile": 15, "description": description},
            },
            "size": size, "theme": theme, "locale": locale, "options": {"brandName": name},
        });
        let svg = api::call("impactCard", &input, &TzDatabase).expect("valid input");
        let svg = svg.as_str().unwrap_or("");
        let doc = roxmltree::Document::parse(svg);
        prop_assert!(doc.is_ok(), "not well-formed: {:?}", doc.err());
        if let Ok(doc) = doc {
            for node in doc.descendants().filter(|n| n.is_element()) {
                let tag = node.tag_name().name();
                prop_assert!(!["script", "foreignObject", "image", "a", "use", "iframe"].contains(&tag), "element {}", tag);
                for attribute in node.attributes() {
                    let key = attribute.name();
                    prop_assert!(!key.starts_with("on") && key != "href" && key != "style", "attribute {}", key);
                    prop_assert!(!attribute.value().contains("url(") && !attribute.value().contains("javascript:"), "value {}", attribute.value());
                }
            }
        }
    }
}
