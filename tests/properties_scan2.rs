//! A second, targeted differential review of the readers straight from JSON text (issue 17):
//! `Customer::open_text` and `streak_from_text` against the parse tree path on hand-picked
//! values of every field the fast path reads itself (plain numbers, whole numbers, UTC
//! instants, epochs, ids, chains, counts), each in several zones and with the zone before or
//! after the lists. The histories carry badge definitions whose answers expose every order
//! field (sums, `eq` filters, hours, weekdays, chains), so a value read differently shows.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/customers.rs"]
mod customers;

use customers::{both_customers, error_text};
use impactkit::json::{to_json_text, value_from_text, Json};
use impactkit::streaks::{streak, streak_from_text};
use impactkit::time::TzDatabase;
use proptest::prelude::*;

/// Badges whose progress shows each order field the rules read (exact sums to 9 decimals, exact
/// comparisons, local hour and weekday, chains).
const DEFINITIONS: &str = r#"[
 {"id": "co2", "name": "co2", "tiers": [{"tier": "T", "rule": {"kind": "sum", "field": "co2Kg", "target": 1e14}}]},
 {"id": "base", "name": "base", "tiers": [{"tier": "T", "rule": {"kind": "sum", "field": "baselineCo2Kg", "target": 1e14}}]},
 {"id": "saved", "name": "saved", "tiers": [{"tier": "T", "rule": {"kind": "sum", "field": "co2SavedKg", "target": 1e14}}]},
 {"id": "share", "name": "share", "tiers": [{"tier": "T", "rule": {"kind": "sum", "field": "recycledShare", "target": 1e14}}]},
 {"id": "offset", "name": "offset", "tiers": [{"tier": "T", "rule": {"kind": "sum", "field": "offsetKg", "target": 1e14}}]},
 {"id": "trees", "name": "trees", "tiers": [{"tier": "T", "rule": {"kind": "sum", "field": "treesSaved", "target": 1e14}}]},
 {"id": "whole", "name": "whole", "tiers": [{"tier": "T", "rule": {"kind": "count", "where": {"recycledShare": {"eq": 1}}, "target": 1000}}]},
 {"id": "green", "name": "green", "tiers": [{"tier": "T", "rule": {"kind": "count", "where": {"co2SavedKg": {"gt": "offsetKg"}, "co2Kg": {"lt": "baselineCo2Kg"}}, "target": 1000}}]},
 {"id": "exact", "name": "exact", "tiers": [{"tier": "T", "rule": {"kind": "count", "where": {"co2SavedKg": {"eq": 0.2}}, "target": 1000}}]},
 {"id": "night", "name": "night", "tiers": [{"tier": "T", "rule": {"kind": "count", "where": {"hour": {"in": [22, 23, 0, 1, 2, 3, 4, 5]}}, "target": 1000}}]},
 {"id": "noon", "name": "noon", "tiers": [{"tier": "T", "rule": {"kind": "count", "where": {"hour": {"in": [10, 11, 12, 13, 14, 15]}}, "target": 1000}}]},
 {"id": "sunday", "name": "sunday", "tiers": [{"tier": "T", "rule": {"kind": "count", "where": {"weekday": {"eq": 7}}, "target": 1000}}]},
 {"id": "chains", "name": "chains", "tiers": [{"tier": "T", "rule": {"kind": "distinct", "field": "supplyChains", "target": 1000}}]},
 {"id": "verified", "name": "verified", "tiers": [{"tier": "T", "rule": {"kind": "distinct", "field": "verifiedSupplyChains", "target": 1000}}]},
 {"id": "weeks", "name": "weeks", "tiers": [{"tier": "T", "rule": {"kind": "streak", "period": "week", "target": 1000}}]},
 {"id": "month", "name": "month", "tiers": [{"tier": "T", "rule": {"kind": "period", "period": "month", "sum": "co2SavedKg", "atLeast": 1e14}}]}
]"#;

/// A usual order's fields as text, in order.
const ORDER: [(&str, &str); 8] = [
    ("id", r#""o1""#),
    ("placedAt", r#""2025-03-15T10:30:00Z""#),
    ("co2Kg", "0.1"),
    ("baselineCo2Kg", "0.3"),
    ("co2SavedKg", ""),
    ("recycledShare", "0.5"),
    (
        "supplyChains",
        r#"[{"id": "c1", "verified": true}, {"id": 7, "verified": false}]"#,
    ),
    ("offsetKg", ""),
];

/// The usual order with `key` written as `value` (`""`: left out).
fn order_with(key: &str, value: &str) -> String {
    let fields = ORDER
        .iter()
        .map(|&(k, v)| (k, if k == key { value } else { v }));
    let entries: Vec<String> = fields
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("\"{k}\": {v}"))
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// Zones, and whether the `timezone` comes before the lists.
const ZONES: [(&str, bool); 5] = [
    (r#""UTC""#, false),
    (r#""Europe/Berlin""#, true),
    (r#""Europe/Berlin""#, false),
    (r#""+05:30""#, false),
    (r#""America/New_York""#, true),
];

/// A history of these orders and records in a zone.
fn history(orders: &[String], records: &[String], zone: &str, zone_first: bool) -> String {
    let (orders, records) = (orders.join(", "), records.join(", "));
    let lists = format!("\"orders\": [{orders}], \"activity\": [{records}]");
    let zone = format!("\"timezone\": {zone}");
    let defs = format!("\"definitions\": {DEFINITIONS}");
    if zone_first {
        format!("{{{zone}, {defs}, {lists}}}")
    } else {
        format!("{{{lists}, {defs}, {zone}}}")
    }
}

/// Both paths' `streak` answers for a history text with `period` and `now` added.
fn both_streaks(text: &str) -> (String, String) {
    let show = |r: impactkit::Result<impactkit::streaks::Streak>| match r {
        Ok(s) => to_json_text(&s),
        Err(e) => error_text(e),
    };
    let text = match text.strip_suffix('}') {
        Some(open) => format!("{open}, \"period\": \"day\", \"now\": \"2025-04-10T00:00:00Z\"}}"),
        None => text.to_owned(),
    };
    let tree = value_from_text(&text).and_then(|v| streak(&Json::root(&v), &TzDatabase));
    (show(streak_from_text(&text, &TzDatabase)), show(tree))
}

/// Asserts that both paths agree on the history in every zone; returns how many opened.
fn assert_same(orders: &[String], records: &[String]) -> usize {
    let mut opened = 0;
    for (zone, first) in ZONES {
        let text = history(orders, records, zone, first);
        let (fast, tree) = both_customers(&text);
        assert_eq!(fast, tree, "customer of {text}");
        opened += usize::from(!tree.starts_with("error"));
        let (fast, tree) = both_streaks(&text);
        assert_eq!(fast, tree, "streak of {text}");
    }
    opened
}

/// Numbers of every shape the plain-number readers see first.
#[rustfmt::skip]
const NUMBERS: &[&str] = &[
    "0", "-0", "0.0", "-0.0", "00", "01", "01.5", "1.", ".5", "1.5.3", "1e2", "1E+2", "1.5e-1",
    "0e0", "7", "0.1", "0.2", "0.3", "2.675", "1.10", "17.5", "0.000000001", "0.0000000001",
    "0.000000000000001", "99999999999999.9", "123456789012345", "1234567890123456",
    "999999999999999", "1000000000000000", "1000000000000001", "1e15", "1.0000000000000001e15",
    "12345678901234567890", "0.30000000000000004", "1e400", "-1", "-1e-9", "null", "true", r#""1""#,
    "[]", "{}", "1x", " 5 ", "\n5\t", "5 ", "1.0", "1.000000000000001", "1.0000000000000001",
    "0.99999999999999999", "10e-1", "9007199254740993", "0.00000000000001", "0.12345678901234",
    "9.99999999999999", "1000000000000000.0",
];

#[test]
fn every_amount_reads_as_the_tree_reads_it() {
    let mut opened = 0;
    for key in [
        "co2Kg",
        "baselineCo2Kg",
        "co2SavedKg",
        "recycledShare",
        "offsetKg",
    ] {
        for &number in NUMBERS {
            opened += assert_same(&[order_with(key, number)], &[]);
        }
        opened += assert_same(&[order_with(key, "")], &[]); // absent
    }
    assert!(opened > 400, "{opened}");
}

/// Plain decimal texts for the derived `co2SavedKg` (the remaining of the two texts).
#[rustfmt::skip]
const DECIMALS: &[&str] = &[
    "0", "0.1", "0.2", "0.3", "1", "1.5", "2.675", "3", "10", "0.000000001", "0.0000000001",
    "123456789012.345", "999999999999999", "12345678.123456789", "0.123456789012345",
    "99999999.99999999", "1e1", "-0", "0.30000000000000004", "4503599627.370497",
    "4503599627370497",
];

#[test]
fn derived_savings_read_as_the_tree_reads_them() {
    let mut opened = 0;
    for &base in DECIMALS {
        // (The last one, beyond the supported magnitude, only alone: it fails the history.)
        let orders: Vec<String> = DECIMALS
            .iter()
            .enumerate()
            .map(|(i, co2)| {
                let o = order_with("baselineCo2Kg", base).replace(r#""o1""#, &format!("\"o{i}\""));
                o.replace("\"co2Kg\": 0.1", &format!("\"co2Kg\": {co2}"))
            })
            .collect();
        opened += assert_same(orders.split_last().map_or(&[], |(_, rest)| rest), &[]);
        for o in &orders {
            let (fast, tree) =
                both_customers(&history(std::slice::from_ref(o), &[], r#""UTC""#, false));
            assert_eq!(fast, tree, "{o}");
        }
    }
    assert!(opened > 50, "{opened}");
}

/// Instants of every shape (strings in UTC or not, naive, dates, epochs, out of range).
#[rustfmt::skip]
const INSTANTS: &[&str] = &[
    r#""2025-03-15T10:30:00Z""#, r#""2025-03-15T10:30:00.250Z""#, r#""2025-03-15T10:30:00.25Z""#,
    r#""2025-03-15T10:30:00.2500Z""#, r#""2025-03-15T10:30:00.123456789Z""#,
    r#""2025-03-15t10:30:00z""#, r#""2025-03-15 10:30:00Z""#, r#""2025-03-15T10:30:00+00:00""#,
    r#""2025-03-15T10:30:00-00:00""#, r#""2025-03-15T10:30:00+05:30""#, r#""2025-03-15T10:30:00""#,
    r#""2025-03-15T10:30""#, r#""2025-03-15""#, r#""2025-03-30T02:30:00""#,
    r#"" 2025-03-15T10:30:00Z""#, r#""2025-03-15T10:30:00Z ""#, r#""2025-03-15\u005410:30:00Z""#,
    r#""2016-12-31T23:59:60Z""#, r#""2016-12-31T23:59:60.500Z""#, r#""2025-03-15T24:00:00Z""#,
    r#""2025-02-29T10:00:00Z""#, r#""2024-02-29T10:00:00Z""#, r#""1899-12-31T23:59:59Z""#,
    r#""1900-01-01T00:00:00Z""#, r#""2200-12-31T23:59:59.999Z""#, r#""2201-01-01T00:00:00Z""#,
    r#""0000-01-01T00:00:00Z""#, r#""+2025-03-15T10:30:00Z""#, r#""2025-03-15T10:30:00.Z""#,
    r#""2025-3-15T10:30:00Z""#, r#""""#, r#""not a date""#, "0", "-0", "1742034600",
    "1742034600000", "1742034600000.5", "1742034600000.0", "1.7420346e12", r#""1742034600000""#,
    "1742034600.5", "99999999999", "100000000000", "-2208988800", "-2208988801", "7258118400",
    "7289654400000", "1e12", "1000000000000000", "1000000000000001", "1e16", "-1", "null", "true",
    "[]",
];

#[test]
fn every_placed_at_reads_as_the_tree_reads_it() {
    let mut opened = 0;
    for &at in INSTANTS {
        opened += assert_same(&[order_with("placedAt", at)], &[]);
    }
    assert!(opened > 60, "{opened}");
}

#[test]
fn ids_and_chains_read_as_the_tree_reads_them() {
    let ids = [
        r#""a""#,
        r#""""#,
        r#""\u0061""#,
        r#""a\"b""#,
        "0",
        "1",
        "-1",
        "-0",
        "1.0",
        "1.5",
        "1e2",
        "123456789012345",
        "12345678901234567890",
        "18446744073709551616",
        "null",
        "true",
        "[]",
        "{}",
        r#""o1""#,
    ];
    let chains = [
        "[]",
        "null",
        "{}",
        r#"[{"id": "c1", "verified": true}, {"id": "c1", "verified": true}]"#,
        r#"[{"id": 1, "verified": false}, {"id": "1", "verified": true}]"#,
        r#"[{"id": "c1", "verified": null}]"#,
        r#"[{"id": null, "verified": true}]"#,
        r#"[{"id": "c1", "verified": 1}]"#,
        r#"[{"id": "c1"}]"#,
        r#"[{"id": "c1", "verified": true, "id": "c2"}]"#,
        r#"[{"id": "c\u0031", "verified": true, "x": [{"y": 1}]}]"#,
        r#"["c1"]"#,
    ];
    let mut opened = 0;
    for id in ids {
        // Twice: the second order with the same id is dropped (the first one is kept).
        let first = order_with("id", id);
        let second = first
            .replace("10:30:00Z", "09:00:00Z")
            .replace("0.5", "0.25");
        opened += assert_same(&[first, second], &[]);
    }
    for chain in chains {
        opened += assert_same(&[order_with("supplyChains", chain)], &[]);
    }
    assert!(opened > 40, "{opened}");
}

#[test]
fn odd_order_objects_read_as_the_tree_reads_them() {
    let usual = order_with("", "");
    let objects = [
        usual.replace("\"co2Kg\": 0.1", "\"co2Kg\": 0.1, \"co2Kg\": 0.2"),
        usual.replace("\"co2Kg\": 0.1", "\"co2Kg\": null, \"co2Kg\": 0.2"),
        usual.replace("\"co2Kg\": 0.1", "\"co2Kg\": 0.1, \"co2Kg\": null"),
        usual.replace("\"co2Kg\"", "\"co2\\u004bg\""),
        usual.replace("\"placedAt\"", "\"placedAt\": 0, \"placedAt\""),
        usual.replace("\"id\": \"o1\"", "\"id\": \"o1\", \"co2SavedKg\": null"),
        usual.replace("\"id\": \"o1\"", "\"id\": \"o1\", \"offsetKg\": null"),
        usual.replace(
            "\"id\": \"o1\"",
            "\"id\" : \"o1\" , \"extra\" : [1, {\"co2Kg\": -1}]",
        ),
        usual.replace("\"id\": \"o1\", ", ""),
        // Keys a known key starts, ends or is a prefix of; long and non-ASCII unknown keys.
        usual.replace(
            "\"id\": \"o1\"",
            "\"idx\": 1, \"i\": 2, \"id\": \"o1\", \"placedAtX\": 3, \"xid\": 4, \"\": 5",
        ),
        usual.replace(
            "\"id\": \"o1\"",
            "\"baselineCo2Kg and more than sixteen\": 1, \"id\": \"o1\", \"plé\": [\"\\\"\"]",
        ),
        usual.replace("\"supplyChains\": [", "\"supplyChainsX\": 1, \"supplyChains\": [{\"id\": \"c\", \"verifiedX\": 1, \"verified\": true, \"i\": 2}, "),
        usual.replace(", \"recycledShare\": 0.5", ""),
        usual.replace("0.5,", "0.5 ,"),
        usual.replace(": ", ":"),
        usual.replace(": ", " :\n\t"),
        "null".to_owned(),
        "[]".to_owned(),
        "{}".to_owned(),
        "1".to_owned(),
    ];
    for object in &objects {
        assert_same(std::slice::from_ref(object), &[]);
        assert_same(&[usual.replace("o1", "o0"), object.clone()], &[]);
    }
}

/// A record with `count` and `at` (`""`: left out), or with a `date`.
fn record(count: &str, at: &str, date: &str) -> String {
    let fields = [("count", count), ("at", at), ("date", date)];
    let entries: Vec<String> = fields
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("\"{k}\": {v}"))
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// Counts of every shape (the usual reader takes plain whole numbers).
#[rustfmt::skip]
const COUNTS: &[&str] = &[
    "", "null", "0", "-0", "1", "1.0", "1e0", "2", "01", "999999999999999", "1000000000000000",
    "1000000000000000.0", "1e15", "1000000000000000000", "1000000000000000001",
    "18446744073709551616", "-1", "1.5", r#""1""#, "true",
];

#[test]
fn every_record_reads_as_the_tree_reads_it() {
    let mut opened = 0;
    for &count in COUNTS {
        let records = [
            record(count, r#""2025-04-09T10:00:00Z""#, ""),
            record(count, "", r#""2025-04-08""#),
            record(count, "1744100000000", ""),
        ];
        // Each alone too: one record the tree refuses makes the whole list the tree's.
        opened += assert_same(&[], &records);
        for r in records {
            opened += assert_same(&[], &[r]);
        }
    }
    for &at in INSTANTS {
        opened += assert_same(&[], &[record("", at, "")]);
        opened += assert_same(&[], &[record("2", at, r#""2025-04-09""#)]);
    }
    // Keys a known key starts or is a prefix of, in any order, and the last key of the text
    // (fewer than 16 bytes after its quote).
    for odd in [
        r#"{"atX": 1, "a": 2, "count": 3, "at": 1744100000000, "countX": 4}"#,
        r#"{"count": 2, "dateX": 1, "at": "2025-04-09T10:00:00Z"}"#,
        r#"{"at": "2025-04-09T10:00:00Z", "count": 2, "at": 1}"#,
        r#"{"d":1,"date":"2025-04-08","count":1}"#,
    ] {
        opened += assert_same(&[], &[odd.to_owned()]);
    }
    for date in [
        r#""2025-04-09""#,
        r#""2025-4-9""#,
        r#""2025-02-29""#,
        r#""1899-12-31""#,
        "20250409",
        "null",
    ] {
        opened += assert_same(&[], &[record("", "", date)]);
    }
    assert!(opened > 100, "{opened}");
}

/// Random mixes of the values above: several orders and records in one history.
fn mixed() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    let order =
        (0usize..8, 0..NUMBERS.len(), 0..INSTANTS.len(), 0u32..6).prop_map(|(key, n, at, id)| {
            let keys = [
                "co2Kg",
                "baselineCo2Kg",
                "co2SavedKg",
                "recycledShare",
                "offsetKg",
            ];
            let o = match keys.get(key) {
                Some(k) => order_with(k, NUMBERS[n]),
                None => order_with("placedAt", INSTANTS[at]),
            };
            o.replace("\"o1\"", &format!("\"o{id}\""))
        });
    let record = (0..COUNTS.len(), 0..INSTANTS.len())
        .prop_map(|(c, at)| record(COUNTS[c], INSTANTS[at], ""));
    (
        prop::collection::vec(order, 0..6),
        prop::collection::vec(record, 0..6),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mixed_histories_read_as_the_tree_reads_them((orders, records) in mixed()) {
        for (zone, first) in ZONES {
            let text = history(&orders, &records, zone, first);
            let (fast, tree) = both_customers(&text);
            prop_assert_eq!(fast, tree, "{}", text);
            let (fast, tree) = both_streaks(&text);
            prop_assert_eq!(fast, tree, "{}", text);
        }
    }
}
