//! Property tests for issue 14's number classes: 100 % only when complete,
//! for every function that computes a percentage, on float-summed totals and
//! doubles just below a goal; `percentageMismatch` symmetric; card
//! percentages rounded like the functions.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, card::locale::Locale, decimal::Decimal, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

fn call(function: &str, input: &Value) -> Value {
    api::call(function, input, &TzDatabase).expect("valid input")
}

/// A goal as backends send it: a short decimal, or any double of the exact domain.
fn goal() -> impl Strategy<Value = f64> {
    prop_oneof![
        (1u64..=1_000_000_000, 0i32..=6).prop_map(|(u, d)| u as f64 / 10f64.powi(d)),
        (1e-6f64..1e15),
    ]
}

/// A value strictly below `goal`: a few ulps below, a fraction of it, or a
/// float sum of equal parts (ten additions of 0.1 is 0.9999999999999999).
fn below(goal: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        (1u64..2000).prop_map(move |k| f64::from_bits(goal.to_bits().saturating_sub(k))),
        (0.0f64..1.0).prop_map(move |u| goal * u),
        (2u32..40).prop_map(move |n| (0..n).fold(0.0, |s, _| s + goal / f64::from(n))),
    ]
    .prop_filter("strictly below", move |x| *x < goal && *x >= 0.0)
}

/// A value within a few ulps of `x`, either side (or `x` itself), within the input limit.
fn near(x: f64) -> impl Strategy<Value = f64> {
    (-60i64..=60)
        .prop_map(move |k| f64::from_bits(x.to_bits().saturating_add_signed(k)))
        .prop_filter("within the input limit", |y| *y <= 1e15)
}

fn display() -> impl Strategy<Value = Value> {
    (0u32..=6, any::<bool>()).prop_map(|(decimals, nearest)| {
        json!({"decimals": decimals, "rounding": if nearest { "nearest" } else { "down" }})
    })
}

fn with(mut input: Value, extra: &Value) -> Value {
    if let (Some(obj), Some(more)) = (input.as_object_mut(), extra.as_object()) {
        obj.extend(more.clone());
    }
    input
}

fn pct(out: &Value) -> f64 {
    out["percentage"].as_f64().unwrap_or(f64::NAN)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn below_the_target_is_never_100_and_never_complete(
        (target, current) in goal().prop_flat_map(|t| (Just(t), below(t))),
        extra in display(),
    ) {
        let out = call("milestoneProgress", &with(json!({"current": current, "target": target}), &extra));
        prop_assert!(pct(&out) < 100.0, "{} of {}: {}", current, target, out);
        prop_assert!(out["remaining"].as_f64().unwrap_or(0.0) > 0.0, "{}", out);
        prop_assert_eq!(out["isCompleted"].as_bool(), Some(false));

        let levels = call("milestoneProgress", &with(json!({"current": current, "levels": [target]}), &extra));
        prop_assert_eq!(levels["level"].as_u64(), Some(0));
        prop_assert!(levels["levelPercentage"].as_f64().unwrap_or(100.0) < 100.0);

        let profile = call("readImpactProfile", &with(json!({"data": {"customerMilestones": {"active": [
            {"name": "m", "target": target, "current": current}]}}}), &extra));
        let m = &profile["milestones"][0];
        prop_assert!(pct(m) < 100.0 && m["isCompleted"] == json!(false), "{}", m);
    }

    #[test]
    fn completion_percentage_and_remaining_agree_everywhere(
        (target, current) in goal().prop_flat_map(|t| (Just(t), prop_oneof![goal(), near(t)])),
        extra in display(),
    ) {
        let out = call("milestoneProgress", &with(json!({"current": current, "target": target}), &extra));
        let done = out["isCompleted"].as_bool() == Some(true);
        prop_assert_eq!(done, current >= target);
        prop_assert_eq!(pct(&out) == 100.0, done);
        prop_assert_eq!(out["remaining"].as_f64() == Some(0.0), done);
    }

    #[test]
    fn a_tier_just_out_of_reach_is_still_next(
        (next, progress) in goal().prop_flat_map(|t| (Just(t), below(t))),
        extra in display(),
    ) {
        let tiers = with(json!({"tiers": [{"name": "Basic", "minProgress": 0}, {"name": "Gold", "minProgress": next}], "progress": progress}), &extra);
        let out = call("tierProgress", &tiers);
        prop_assert_eq!(out["next"]["name"].as_str(), Some("Gold"));
        prop_assert!(pct(&out) < 100.0 && out["remaining"].as_f64().unwrap_or(0.0) > 0.0, "{}", out);
        let gameball = with(json!({"current": null, "next": {"name": "Gold", "minProgress": next}, "progress": progress}), &extra);
        let out = call("tierProgress", &gameball);
        prop_assert!(pct(&out) < 100.0 && out["remaining"].as_f64().unwrap_or(0.0) > 0.0, "{}", out);
    }

    #[test]
    fn a_campaign_below_100_is_not_achieved(raw in below(100.0), extra in display()) {
        let input = with(json!({"campaigns": [{"rewardsCampaignName": "c", "rewardsCampaignId": 1, "isUnlocked": true, "completionPercentage": raw, "achievedCount": 0}]}), &extra);
        let out = call("campaignProgress", &input);
        prop_assert_eq!(out["campaigns"][0]["status"].as_str(), Some("inProgress"));
        prop_assert!(pct(&out["campaigns"][0]) < 100.0);
        prop_assert_eq!(out["achieved"].as_u64(), Some(0));
    }

    #[test]
    fn an_achievement_sum_below_the_target_is_not_completed(
        (target, parts) in goal().prop_flat_map(|t| (Just(t), 1u32..30)),
        extra in display(),
    ) {
        // `parts` float additions of target/parts, minus one ulp: a total just below the target.
        let share = f64::from_bits((target / f64::from(parts)).to_bits() - 1);
        let events: Vec<Value> = (0..parts).map(|i| json!({"at": format!("2025-03-04T00:{:02}:00Z", i), "value": share})).collect();
        let sum = events.iter().fold(Decimal::ZERO, |s, e| s.checked_add(Decimal::from_f64(e["value"].as_f64().unwrap_or(0.0))).unwrap_or(s));
        let input = with(json!({"start": "2025-03-03T00:00:00Z", "period": "7D", "target": target,
            "now": "2025-03-05T00:00:00Z", "events": events}), &extra);
        let out = call("achievementWindow", &input);
        let done = out["status"] == json!("completed");
        prop_assert_eq!(done, sum >= Decimal::from_f64(target));
        prop_assert_eq!(pct(&out) == 100.0, done, "{}", out);
        prop_assert_eq!(out["remaining"].as_f64() == Some(0.0), done);
    }

    #[test]
    fn percentage_mismatch_is_symmetric_and_exact(tenths in 0u32..1000, off in 0u32..30, decimals in 1u32..=2) {
        // current / 1000 × 100 = tenths / 10 exactly; the server is `off` hundredths away.
        let exact = f64::from(tenths) / 10.0;
        let step = if decimals == 1 { 10 } else { 1 };
        for server in [(f64::from(tenths) * 10.0 + f64::from(off)) / 100.0, (f64::from(tenths) * 10.0 - f64::from(off)) / 100.0] {
            let input = json!({"decimals": decimals, "data": {"customerMilestones": {"active": [
                {"name": "m", "target": 1000, "current": f64::from(tenths), "percentage": server}]}}});
            let out = call("readImpactProfile", &input);
            prop_assert_eq!(out["milestones"][0]["percentageMismatch"].as_bool(), Some(off >= step), "{} vs {}", server, exact);
        }
    }

    #[test]
    fn card_percentages_never_round_up_to_100(x in below(100.0), locale in prop::sample::select(vec!["en", "de", "fr", "ar", "ja"])) {
        let text = Locale::from_tag(locale).map(|l| l.percent(x)).unwrap_or_default();
        prop_assert!(!text.starts_with("100") && !text.starts_with("١٠٠"), "{} → {}", x, text);
    }

    #[test]
    fn every_double_of_the_exact_domain_reads_back_as_itself(x in 1e-6f64..1e15) {
        let d = Decimal::from_f64(x);
        prop_assert_eq!(d.to_f64(), x);
        let next = f64::from_bits(x.to_bits() + 1);
        prop_assert!(Decimal::from_f64(next) > d);
    }
}
