//! Differential tests of the readers straight from JSON text (issue 17, `src/json/scan.rs`):
//! on random histories with odd whitespace, escapes, unknown fields, nested junk, repeated keys,
//! invalid values and broken syntax, `Customer::open_text` and `streak_from_text` give exactly
//! what the parse tree path gives (the same answers, or the same error code, path and message).
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // (only its vector loader is used here)
mod common;

use impactkit::json::{to_json_text, value_from_text, Json, Node};
use impactkit::session::Customer;
use impactkit::streaks::{streak, streak_from_text};
use impactkit::time::TzDatabase;
use proptest::prelude::*;
use serde_json::json;

/// Whitespace the parser accepts between tokens.
fn ws() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "", "", " ", "\n  ", "\t", "\r\n"]).prop_map(str::to_owned)
}

/// A value no rule reads: nested arrays and objects, escapes, numbers of every shape.
fn junk() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "null",
        "true",
        "-0.5e-3",
        "12345678901234567890",
        r#""a \"quoted\" ] } [ {""#,
        r#""\u00e9\ud83d\ude00\\""#,
        r#""\ud800 lone""#,
        "[]",
        "{}",
    ])
    .prop_map(str::to_owned);
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| format!("[{}]", v.join(" , "))),
            prop::collection::vec(inner, 0..3).prop_map(|v| {
                let entries: Vec<String> = v
                    .iter()
                    .enumerate()
                    .map(|(i, x)| format!("\"k\\u00{:02x}{i}\" :{x}", 0x61 + i))
                    .collect();
                format!("{{{}}}", entries.join(","))
            }),
        ]
    })
}

/// An instant as the rules accept it (or not).
fn instant(valid: bool) -> impl Strategy<Value = String> {
    (0i64..400, if valid { 0usize..8 } else { 0..13 }).prop_map(|(hours, shape)| {
        let ms = 1_735_689_600_000 + hours * 3_600_000 + hours * 7_919;
        let t = chrono::DateTime::from_timestamp_millis(ms).expect("in range");
        match shape {
            0 | 1 => format!("\"{}\"", t.format("%Y-%m-%dT%H:%M:%S%.3fZ")),
            2 => ms.to_string(),
            3 => (ms / 1000).to_string(),
            4 => format!("\"{}\"", t.format("%Y-%m-%dT%H:%M:%S+05:30")),
            5 => format!("\"{}\"", t.format("%Y-%m-%dT%H:%M")),
            6 => format!("\"{}\"", t.format("%Y-%m-%d")),
            7 => format!("\"{}\"", t.format("%Y-%m-%d\\u0054%H:%M:%SZ")),
            8 => "\"not a date\"".to_owned(),
            9 => "99999999999".to_owned(), // seconds: the year 5138
            10 => "2e15".to_owned(),       // beyond the supported magnitude
            11 => "-1500000000000.5".to_owned(),
            _ => "null".to_owned(),
        }
    })
}

/// A number field: mostly valid, sometimes negative, quoted, huge or missing.
fn amount(valid: bool) -> impl Strategy<Value = Option<String>> {
    (0u32..2000, if valid { 5usize..15 } else { 0..18 }).prop_map(|(n, shape)| match shape {
        14 => None,
        0 => None,
        15 => Some(format!("0{n}")), // a leading zero: not JSON
        16 => Some(format!("{n}.")), // a point without digits: not JSON
        17 => Some("1234567890123456.5".to_owned()), // beyond the supported magnitude
        1 => Some("-1".to_owned()),
        2 => Some(format!("\"{n}\"")),
        3 => Some("1e400".to_owned()),
        4 => Some("null".to_owned()),
        5 => Some(format!("{}e-2", n)),
        6 => Some(format!("{}.{:013}", n / 100, n)), // more digits than a plain number has
        7 => Some(format!("{n}.0")),
        _ => Some(format!("{}.{:02}", n / 100, n % 100)),
    })
}

/// One object from `(key, value)` pairs (absent values left out), with junk keys and spacing.
fn object(fields: Vec<(&str, Option<String>)>, junk: Vec<String>, sp: &[String]) -> String {
    let mut entries: Vec<String> = fields
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("\"{k}\"{}:{}", sp[0], v)))
        .collect();
    for (i, j) in junk.into_iter().enumerate() {
        entries.insert(i.min(entries.len()), format!("\"note{i}\":{}{j}", sp[1]));
    }
    format!(
        "{{{}{}{}}}",
        sp[2],
        entries.join(&format!(",{}", sp[3])),
        sp[1]
    )
}

fn order(valid: bool) -> impl Strategy<Value = String> {
    let from = if valid { 4usize } else { 0 };
    (
        (0u32..40, if valid { 4usize..14 } else { 0..12 }),
        instant(valid),
        (amount(valid), amount(valid), amount(valid), amount(valid)),
        (0u32..=100, from..12),
        prop::collection::vec((0u32..8, any::<bool>(), from..10), 0..3),
        prop::collection::vec(junk(), 0..2),
        prop::collection::vec(ws(), 4),
    )
        .prop_map(
            |(
                (id, id_shape),
                at,
                (co2, base, saved, offset),
                (share, share_shape),
                chains,
                junk,
                sp,
            )| {
                let id = match id_shape {
                    0 | 12 => Some(id.to_string()),
                    1 | 13 => Some(format!("\"o\\u0030{id}\"")),
                    2 => Some("1.5".to_owned()),
                    3 => None,
                    _ => Some(format!("\"o{id}\"")),
                };
                let share = match share_shape {
                    0 => Some("1.5".to_owned()),
                    1 => None,
                    _ => Some(format!("{}", f64::from(share) / 100.0)),
                };
                let chains: Vec<String> = chains
                    .iter()
                    .map(|&(c, v, shape)| match shape {
                        0 => format!("{{\"id\":\"c{c}\"}}"),
                        1 => "\"c1\"".to_owned(),
                        2 => format!("{{\"id\":\"c{c}\",\"verified\":{v},\"verified\":{}}}", !v),
                        _ => format!("{{ \"verified\" : {v}, \"id\":\"c{c}\", \"x\": [[]] }}"),
                    })
                    .collect();
                let mut fields = vec![
                    ("id", id),
                    ("placedAt", Some(at)),
                    ("co2Kg", co2.or(Some("1".into()))),
                    ("baselineCo2Kg", base.or(Some("2".into()))),
                    ("co2SavedKg", saved),
                    ("recycledShare", share),
                    ("supplyChains", Some(format!("[{}]", chains.join(",")))),
                    ("offsetKg", offset),
                ];
                if co2_first(&fields) {
                    fields.push(("co2Kg", Some("0".into()))); // a repeated key: the last one counts
                }
                object(fields, junk, &sp)
            },
        )
}

/// Whether to repeat `co2Kg` (about one order in ten).
fn co2_first(fields: &[(&str, Option<String>)]) -> bool {
    fields
        .get(1)
        .and_then(|f| f.1.as_ref())
        .is_some_and(|at| at.ends_with("7\""))
}

fn record(valid: bool) -> impl Strategy<Value = String> {
    (
        instant(valid),
        if valid { 3usize..12 } else { 0..12 },
        0u32..4,
        prop::collection::vec(junk(), 0..2),
        prop::collection::vec(ws(), 4),
    )
        .prop_map(|(at, shape, count, junk, sp)| {
            let date = at.get(..11).map(|d| format!("{d}\""));
            let count = match count {
                0 => None,
                1 => Some("1.0".to_owned()), // whole, written with a point
                _ => Some(count.to_string()),
            };
            let fields = match shape {
                0 => vec![("date", date), ("at", Some(at))],
                1 => vec![("count", count)],
                2 => vec![("count", Some("1.5".into())), ("at", Some(at))],
                3 | 4 => vec![("date", date), ("count", count)],
                _ => vec![("at", Some(at)), ("count", count)],
            };
            object(fields, junk, &sp)
        })
}

/// A whole history text, sometimes broken (cut short, trailing text, a key twice).
fn history(valid: bool) -> impl Strategy<Value = String> {
    let shapes = (0..24).filter(|&s| !valid || !(5..7).contains(&s));
    (
        prop::collection::vec(order(valid), 0..8),
        prop::collection::vec(record(valid), 0..8),
        prop::sample::select(if valid {
            vec![0, 1, 2, 4, 5]
        } else {
            (0..6).collect()
        }),
        prop::sample::select(shapes.collect::<Vec<usize>>()),
        prop::collection::vec(junk(), 0..2),
        prop::collection::vec(ws(), 4),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(orders, records, zone, shape, junk, sp, cut)| {
            let zone = [
                "\"UTC\"",
                "\"Europe/Berlin\"",
                "\"America/New_York\"",
                "\"Mars/Base\"",
                "null",
                "\"+05:30\"",
            ][zone];
            let list =
                |items: Vec<String>| format!("[{}{}]", sp[0], items.join(&format!("{},", sp[1])));
            let mut fields = vec![
                ("orders", Some(list(orders))),
                ("activity", Some(list(records))),
                ("timezone", Some(zone.to_owned())),
            ];
            match shape {
                0 => fields.swap(0, 2),
                1 => fields[0].1 = None,
                2 => fields[1].1 = Some("null".into()),
                3 => fields.push(("orders", Some("[]".into()))),
                4 => fields.push(("options", Some("{\"window\": {\"days\": 30}}".into()))),
                _ => {}
            }
            let text = format!("{}{}", sp[2], object(fields, junk, &sp));
            match shape {
                5 => {
                    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
                    text[..*cut.get(&cuts)].to_owned()
                }
                6 => format!("{text} x"),
                _ => text,
            }
        })
}

/// Mostly histories every reader accepts (the fast path's case), a quarter with errors.
fn histories() -> impl Strategy<Value = String> {
    prop_oneof![3 => history(true), 1 => history(false)]
}

/// What a customer answers (or the error it was opened with), as text.
fn answers(customer: impactkit::Result<Customer>) -> String {
    let mut customer = match customer {
        Ok(c) => c,
        Err(e) => return format!("error {} {} {}", e.code.as_str(), e.path, e.message),
    };
    let show = |r: impactkit::Result<String>| {
        r.unwrap_or_else(|e| format!("error {} {} {}", e.code.as_str(), e.path, e.message))
    };
    let preview = json!({"now": "2025-01-10T00:00:00Z", "cart": {"co2Kg": 1, "baselineCo2Kg": 3, "recycledShare": 0.5, "supplyChains": []}});
    let streak = json!({"period": "day", "now": "2025-01-10T00:00:00Z"});
    let p = show(
        customer
            .badge_preview(&Json::root(&Node::from(&preview)))
            .map(|p| to_json_text(&p)),
    );
    let s = show(
        customer
            .streak(&Json::root(&Node::from(&streak)))
            .map(|s| to_json_text(&s)),
    );
    format!("{} orders\n{p}\n{s}", customer.order_count())
}

fn stateless_streak(result: impactkit::Result<impactkit::streaks::Streak>) -> String {
    match result {
        Ok(s) => to_json_text(&s),
        Err(e) => format!("error {} {} {}", e.code.as_str(), e.path, e.message),
    }
}

/// The history as a `streak` request: `period` and `now` added after the activity.
fn streak_text(history: &str) -> String {
    match history.trim_end().strip_suffix('}') {
        Some(open) if open.trim_end().ends_with('{') => {
            format!("{open}\"period\": \"week\", \"now\": 1736467200000}}")
        }
        Some(open) => format!("{open}, \"period\": \"week\", \"now\": 1736467200000}}"),
        None => history.to_owned(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn customers_read_from_text_answer_as_the_tree_ones(text in histories()) {
        let tree = value_from_text(&text).and_then(|v| Customer::open(&Json::root(&v), &TzDatabase));
        prop_assert_eq!(answers(Customer::open_text(&text, &TzDatabase)), answers(tree), "{}", text);
    }

    #[test]
    fn streaks_read_from_text_answer_as_the_tree_ones(text in histories()) {
        let text = streak_text(&text);
        let tree = value_from_text(&text).and_then(|v| streak(&Json::root(&v), &TzDatabase));
        prop_assert_eq!(stateless_streak(streak_from_text(&text, &TzDatabase)), stateless_streak(tree), "{}", text);
    }
}

/// Every golden vector's input, as JSON text.
fn vector_inputs() -> Vec<(String, String)> {
    let all = common::vectors::all().into_iter();
    all.map(|v| (format!("{}: {}", v.function, v.name), v.input.to_string()))
        .collect()
}

/// On every golden vector's input (whatever its function), a customer opened from the text and
/// the stateless streak from the text answer as the tree path does (the customer asked with the
/// input itself as the request: `now`, `cart`, `period`, …).
#[test]
fn every_vector_input_reads_the_same_from_text() {
    let (mut streaks, mut customers) = (0, 0);
    for (name, text) in vector_inputs() {
        let tree = value_from_text(&text);
        let want = tree
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|v| streak(&Json::root(v), &TzDatabase));
        streaks += usize::from(want.is_ok());
        assert_eq!(
            stateless_streak(streak_from_text(&text, &TzDatabase)),
            stateless_streak(want),
            "{name}"
        );
        let ask = |c: impactkit::Result<Customer>| {
            let Ok(doc) = value_from_text(&text) else {
                return answers(c);
            };
            let request = Json::root(&doc);
            match c {
                Ok(mut c) => {
                    let p = c.badge_preview(&request).map(|p| to_json_text(&p));
                    let s = c.streak(&request).map(|s| to_json_text(&s));
                    format!("{} {:?} {:?}", c.order_count(), p, s)
                }
                Err(e) => format!("error {e:?}"),
            }
        };
        let want = ask(tree
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|v| Customer::open(&Json::root(v), &TzDatabase)));
        customers += usize::from(!want.starts_with("error"));
        assert_eq!(ask(Customer::open_text(&text, &TzDatabase)), want, "{name}");
    }
    assert!(
        streaks > 50 && customers > 100,
        "{streaks} streaks, {customers} customers compared"
    );
}
