//! readGameball's activities feed `streak` as they are, and the page merge is order-free:
//! whatever pages overlap and in whatever order they come, each activity is listed once,
//! newest first.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api::call, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Value};

fn activity(id: u64, date: &str, time: &str) -> Value {
    json!({"activityId": id, "activityType": "PaymentReward", "activityDate": date, "activityTime": time, "points": 10})
}

#[test]
fn read_gameball_activities_feed_streak_as_they_are() {
    // Three evenings in a row in New York, the middle one across two overlapping pages; the
    // last is 23:30 local, already the next day in UTC.
    let pages = json!([
        {"activities": [activity(3, "November 3, 2024", "01:30:00"), activity(2, "November 2, 2024", "23:30:00")], "hasMore": true},
        {"activities": [activity(2, "November 2, 2024", "23:30:00"), activity(1, "November 1, 2024", "20:00:00")], "hasMore": false},
    ]);
    let zone = "America/New_York";
    let read = call(
        "readGameball",
        &json!({"activities": pages, "timezone": zone}),
        &TzDatabase,
    )
    .unwrap();
    let activities = read["activities"].clone();
    assert_eq!(activities.as_array().map(Vec::len), Some(3));
    let streak = call(
        "streak",
        &json!({"activity": activities, "period": "day", "now": "2024-11-03T12:00:00-05:00", "timezone": zone}),
        &TzDatabase,
    )
    .unwrap();
    assert_eq!(streak["current"], 3, "{streak}");
}

/// A day in October 2024 and a time, as Gameball writes them.
fn stamp(minutes: u32) -> (String, String) {
    let day = minutes / (24 * 60) + 1;
    let (h, m) = (minutes / 60 % 24, minutes % 60);
    (format!("October {day}, 2024"), format!("{h:02}:{m:02}:00"))
}

proptest! {
    #[test]
    fn pages_merge_once_newest_first(
        times in prop::collection::vec(0u32..(30 * 24 * 60), 0..40),
        cuts in prop::collection::vec((0usize..40, 0usize..40), 0..6),
    ) {
        let all: Vec<Value> = times.iter().enumerate().map(|(i, &t)| {
            let (date, time) = stamp(t);
            activity(i as u64, &date, &time)
        }).collect();
        // Pages are arbitrary (overlapping, out of order, empty) slices; one page has them all.
        let mut pages: Vec<Value> = cuts.iter().map(|&(a, b)| {
            let (a, b) = (a.min(all.len()), b.min(all.len()));
            json!({"activities": all[a.min(b)..a.max(b)].to_vec()})
        }).collect();
        pages.insert(cuts.len() / 2, json!({"activities": all.clone()}));
        let out = call("readGameball", &json!({"activities": pages}), &TzDatabase).unwrap();
        let list = out["activities"].as_array().unwrap();
        prop_assert_eq!(list.len(), all.len());
        let mut ids: Vec<&str> = list.iter().map(|a| a["id"].as_str().unwrap()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), all.len());
        let ats: Vec<&str> = list.iter().map(|a| a["at"].as_str().unwrap()).collect();
        prop_assert!(ats.windows(2).all(|w| w[0] >= w[1]), "not newest first: {:?}", ats);
    }
}
