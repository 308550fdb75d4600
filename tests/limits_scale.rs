//! Duplicate checks and look-ups at scale (README "Limits and guarantees": no hangs
//! within the limits). A per-item linear search over n items needs n²/2 steps: hours at
//! the 1,000,000-item array limit, minutes at [`DEBUG_N`]. A watchdog turns that into a
//! failure after [`BOUND`], far above what the O(n log n) code needs in a debug build.
//!
//! Cheap inputs run at the limit by default; the heavy ones (whole badge definitions,
//! profile milestones, campaigns) run at [`DEBUG_N`] by default and at the limit with
//! `cargo test --release --test limits_scale -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, json::value_from_text, limits::MAX_ARRAY_LEN, time::TzDatabase};
use serde_json::Value;
use std::fmt::Write;
use std::sync::mpsc;
use std::time::Duration;

/// Generous: the O(n log n) code needs a few seconds for these inputs in a debug build.
const BOUND: Duration = Duration::from_secs(300);
const LIMIT: usize = MAX_ARRAY_LEN;
/// Items for the heavy inputs in the default (debug) run: quadratic there is minutes.
const DEBUG_N: usize = 200_000;

/// Calls `function` on JSON `text` in a thread; fails when it takes longer than [`BOUND`].
fn call(function: &'static str, text: String) -> Result<Value, (String, String)> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let out = value_from_text(&text)
            .and_then(|doc| api::call_node(function, &doc, &TzDatabase))
            .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()));
        let _ = send.send(out);
    });
    receive
        .recv_timeout(BOUND)
        .unwrap_or_else(|_| panic!("{function} took longer than {BOUND:?}"))
}

/// `[item(0), item(1), …, item(n − 1)]`.
fn list(n: usize, item: impl Fn(&mut String, usize)) -> String {
    let mut out = String::with_capacity(n * 64);
    out.push('[');
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        item(&mut out, i);
    }
    out.push(']');
    out
}

#[test]
fn milestone_levels_at_the_limit() {
    let n = LIMIT;
    let levels = list(n, |s, i| write!(s, "{}", i + 1).unwrap_or_default());
    let input = format!(r#"{{"current": 500000.5, "levels": {levels}}}"#);
    assert_eq!(call("milestoneProgress", input).unwrap()["level"], 500_000);
    // The duplicate reported is the first repeat in input order, at its path.
    let levels = list(n, |s, i| {
        write!(s, "{}", if i == n - 1 { 7 } else { i + 1 }).unwrap_or_default()
    });
    let input = format!(r#"{{"current": 1, "levels": {levels}}}"#);
    let err = call("milestoneProgress", input).unwrap_err();
    assert_eq!(err, ("duplicate".into(), format!("$.levels[{}]", n - 1)));
}

#[test]
fn tiers_at_the_limit() {
    let n = LIMIT;
    let tiers = list(n, |s, i| {
        write!(s, r#"{{"name":"T{i}","minProgress":{}}}"#, n - i).unwrap_or_default()
    });
    let input = format!(r#"{{"progress": 10.5, "tiers": {tiers}}}"#);
    let out = call("tierProgress", input).unwrap();
    assert_eq!(out["current"]["name"], format!("T{}", n - 10));
}

fn campaigns(n: usize) {
    let campaigns = list(n, |s, i| {
        write!(
            s,
            r#"{{"rewardsCampaignName":"C","rewardsCampaignId":{i},"isUnlocked":true,"completionPercentage":{}}}"#,
            i % 100
        )
        .unwrap_or_default()
    });
    let input = format!(r#"{{"campaigns": {campaigns}}}"#);
    let out = call("campaignProgress", input.clone()).unwrap();
    assert_eq!(out["nextUp"]["percentage"], 99.0);
    let out = call("readGameball", input).unwrap();
    assert_eq!(out["campaigns"]["nextUp"]["percentage"], 99.0);
}

fn profile_milestones(n: usize) {
    // Every other active milestone repeats the previous one's name: half are skipped.
    let active = list(n, |s, i| {
        write!(s, r#"{{"name":"M{}","target":9,"current":1}}"#, i / 2).unwrap_or_default()
    });
    let input = format!(r#"{{"data": {{"customerMilestones": {{"active": {active}}}}}}}"#);
    let out = call("readImpactProfile", input).unwrap();
    assert_eq!(out["milestones"].as_array().map(Vec::len), Some(n / 2));
}

fn definition(s: &mut String, id: usize) {
    write!(
        s,
        r#"{{"id":"b{id}","name":"B","tiers":[{{"tier":"GOLD","rule":{{"kind":"count","target":2}}}}]}}"#
    )
    .unwrap_or_default();
}

fn preview(definitions: &str, more: &str) -> Result<Value, (String, String)> {
    let input = format!(
        r#"{{"now":"2025-01-01T00:00:00Z","orders":[],"definitions":{definitions}{more}}}"#
    );
    call("badgePreview", input)
}

/// n definitions, n earns of them (in reverse order), then n `issued` counts.
fn definitions_earns_issued(n: usize) {
    let definitions = list(n, definition);
    let earned = list(n, |s, i| {
        write!(s, r#"{{"id":"b{}","tier":"GOLD"}}"#, n - 1 - i).unwrap_or_default()
    });
    let out = preview(&definitions, &format!(r#","earned":{earned}"#)).unwrap();
    assert_eq!(out["earned"].as_array().map(Vec::len), Some(n));
    let mut issued = String::from("{");
    for i in 0..n {
        let comma = if i > 0 { "," } else { "" };
        write!(issued, r#"{comma}"b{i}":{}"#, i % 3).unwrap_or_default();
    }
    issued.push('}');
    let out = preview(&definitions, &format!(r#","issued":{issued}"#)).unwrap();
    assert_eq!(out["locked"].as_array().map(Vec::len), Some(n));
}

/// One definition with n tiers and n earns of them; n definitions with a repeated id.
fn badge_tiers_and_duplicates(n: usize) {
    let tiers = list(n, |s, i| {
        write!(
            s,
            r#"{{"tier":"T{i}","rule":{{"kind":"count","target":{}}}}}"#,
            i + 1
        )
        .unwrap_or_default()
    });
    let earned = list(n, |s, i| {
        write!(s, r#"{{"id":"big","tier":"T{i}"}}"#).unwrap_or_default()
    });
    let big = format!(r#"[{{"id":"big","name":"Big","tiers":{tiers}}}]"#);
    let out = preview(&big, &format!(r#","earned":{earned}"#)).unwrap();
    assert_eq!(out["earned"][0]["tier"], format!("T{}", n - 1));
    // A repeated definition id at the end: reported at the repeat's `id`.
    let definitions = list(n, |s, i| definition(s, if i == n - 1 { 3 } else { i }));
    let err = preview(&definitions, "").unwrap_err();
    assert_eq!(
        err,
        ("duplicate".into(), format!("$.definitions[{}].id", n - 1))
    );
}

#[test]
fn campaigns_at_scale() {
    campaigns(DEBUG_N);
}

#[test]
fn profile_milestones_at_scale() {
    profile_milestones(DEBUG_N);
}

#[test]
fn badge_definitions_earns_and_issued_at_scale() {
    definitions_earns_issued(DEBUG_N);
}

#[test]
fn badge_tiers_and_duplicates_at_scale() {
    badge_tiers_and_duplicates(DEBUG_N);
}

#[test]
#[ignore = "1M items: run with --release -- --ignored"]
fn heavy_inputs_at_the_limit() {
    campaigns(LIMIT);
    profile_milestones(LIMIT);
    definitions_earns_issued(LIMIT);
    badge_tiers_and_duplicates(LIMIT);
}
