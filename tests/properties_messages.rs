//! Property tests for the localised widget messages of `streak`, `tierProgress`,
//! `achievementWindow` and `campaignProgress` (issue 20): a message is present exactly when
//! the input has `locale` (and nothing else changes), it never shows an unfilled `{…}`
//! placeholder, Arabic messages show no ASCII digit, and a customer session's `streak` says
//! what the stateless call says.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::json::{Json, Node};
use impactkit::{api, session::Customer, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The tags tried: every language, a region, an unknown language (English fallback).
const TAGS: [&str; 8] = ["en", "de-AT", "fr", "es", "ar", "ja-JP", "ar-EG", "pt-BR"];

/// `2025-02-20` + `day` days (the range crosses the DST changes of March).
fn date(day: u32) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2025, 2, 20).expect("a date")
        + chrono::Days::new(u64::from(day));
    d.format("%Y-%m-%d").to_string()
}

fn streak_input() -> impl Strategy<Value = Value> {
    (
        any::<u64>(),
        0usize..3,
        0u32..3,
        prop::option::of(1u32..4),
        0u32..24,
        30u32..64,
    )
        .prop_map(|(done, period, freezes, within, hour, today)| {
            let activity: Vec<Value> = (0..today + 1)
                .filter(|d| done & (1 << d) != 0)
                .map(|d| json!({"date": date(d)}))
                .collect();
            let period = ["day", "week", "month"][period];
            let mut v = json!({"activity": activity, "period": period,
                "timezone": "Europe/Berlin", "freezes": freezes, "window": 0,
                "now": format!("{}T{hour:02}:30:00", date(today))});
            if let Some(within) = within {
                v["repair"] = json!({"withinPeriods": within});
            }
            v
        })
}

fn tier_input() -> impl Strategy<Value = Value> {
    (1u32..2000, 0u32..3000, any::<bool>(), 0usize..3, 0u32..6).prop_map(
        |(gold, progress, retain, period, frac)| {
            let mut v = json!({"tiers": [{"name": "Basic", "minProgress": 0},
                {"name": "Gold", "minProgress": f64::from(gold) / 10.0, "retainProgress": gold},
                {"name": "Platinum", "minProgress": 2000.5}],
                "progress": f64::from(progress) + f64::from(frac) / 10.0});
            if retain {
                let period = ["calendarYear", "lifetime", "rolling12"][period];
                v["period"] = json!(period);
                v["periodStart"] = json!("2026-03-01T00:00:00Z");
                v["now"] = json!("2026-12-01T09:00:00Z");
            }
            v
        },
    )
}

fn window_input() -> impl Strategy<Value = Value> {
    let periods = ["1D", "1W", "1M", "3M_U", "12h", "30D_D"];
    (0usize..6, 0u32..120, prop::option::of(1u32..10), prop::collection::vec((0u32..120, 1u32..4), 0..6))
        .prop_map(move |(p, now, target, events)| {
            let events: Vec<Value> = events
                .iter()
                .map(|(d, v)| json!({"at": format!("{}T10:00:00", date(*d)), "value": v}))
                .collect();
            let mut v = json!({"start": "2025-03-10T09:30:00", "period": periods[p],
                "timezone": "Europe/Berlin", "now": format!("{}T12:00:00", date(now)), "events": events});
            if let Some(t) = target {
                v["target"] = json!(t);
            }
            v
        })
}

fn campaign_input() -> impl Strategy<Value = Value> {
    prop::collection::vec((0u32..=1000, any::<bool>(), 0u32..3), 0..5).prop_map(|list| {
        let campaigns: Vec<Value> = (list.iter().enumerate())
            .map(|(i, (pct, unlocked, achieved))| {
                json!({"rewardsCampaignName": "Order campaign",
                "rewardsCampaignId": i, "isUnlocked": unlocked,
                "completionPercentage": f64::from(*pct) / 10.0, "achievedCount": achieved})
            })
            .collect();
        json!({"campaigns": campaigns})
    })
}

fn any_call() -> impl Strategy<Value = (&'static str, Value)> {
    prop_oneof![
        streak_input().prop_map(|v| ("streak", v)),
        tier_input().prop_map(|v| ("tierProgress", v)),
        window_input().prop_map(|v| ("achievementWindow", v)),
        campaign_input().prop_map(|v| ("campaignProgress", v)),
    ]
}

/// The text between the first `{` and a later `}`, if any.
fn placeholder(text: &str) -> Option<&str> {
    let open = text.find('{')?;
    let close = text[open..].find('}')?;
    Some(&text[open..open + close + 1])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_message_iff_locale_filled_and_in_the_locales_digits((name, input) in any_call(), tag in 0usize..8) {
        let plain = api::call(name, &input, &TzDatabase).expect("valid input");
        prop_assert!(plain.get("message").is_none() && plain.get("locale").is_none(), "{plain}");
        let mut localised = input.clone();
        localised["locale"] = json!(TAGS[tag]);
        let mut out = api::call(name, &localised, &TzDatabase).expect("valid input");
        let message = out["message"].as_str().unwrap_or_else(|| panic!("no message: {out}")).to_owned();
        prop_assert!(!message.is_empty());
        prop_assert_eq!(placeholder(&message), None, "{}", message);
        if TAGS[tag].starts_with("ar") {
            prop_assert!(!message.bytes().any(|b| b.is_ascii_digit()), "{}", message);
        }
        prop_assert_eq!(&out["locale"]["requested"], &json!(TAGS[tag]));
        prop_assert_eq!(&out["locale"]["fallback"], &json!(TAGS[tag] == "pt-BR"));
        // Nothing else changes.
        let object = out.as_object_mut().expect("an object");
        object.remove("message");
        object.remove("locale");
        prop_assert_eq!(out, plain);
    }

    #[test]
    fn a_customer_sessions_streak_says_what_the_stateless_call_says(input in streak_input(), tag in 0usize..8) {
        let history = json!({"activity": input["activity"], "timezone": input["timezone"]});
        let history = Node::from(&history);
        let mut customer = Customer::open(&Json::root(&history), &TzDatabase).expect("valid history");
        let mut request = input.clone();
        request["locale"] = json!(TAGS[tag]);
        let stateless = api::call("streak", &request, &TzDatabase).expect("valid input");
        let object = request.as_object_mut().expect("an object");
        object.remove("activity");
        object.remove("timezone");
        let asked = customer.streak(&Json::root(&Node::from(&request))).expect("valid request");
        let asked: Value = serde_json::from_str(&impactkit::json::to_json_text(&asked)).expect("JSON");
        prop_assert_eq!(asked, stateless);
    }
}
