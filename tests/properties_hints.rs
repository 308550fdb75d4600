//! Property tests for localised badge hints (issue 20, "Localised messages"): for any rule the
//! language accepts and any progress, every locale's hint is a filled sentence (no `{…}`
//! placeholder left), Arabic writes every number in Arabic-Indic digits, and without a
//! requested locale the English hint is the `en` one (digit grouping aside).
#![cfg(not(target_arch = "wasm32"))]

use impactkit::badges::rules::{Progress, Rule};
use impactkit::json::{Json, Node};
use impactkit::locale::Locale;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const LOCALES: [&str; 6] = ["en", "de", "fr", "es", "ar", "ja"];
const EVENTS: [&str; 5] = [
    "signup",
    "referral",
    "review",
    "tierReached",
    "webinarAttended",
];
const ORDER_FIELDS: [&str; 10] = [
    "co2Kg",
    "baselineCo2Kg",
    "co2SavedKg",
    "recycledShare",
    "offsetKg",
    "treesSaved",
    "supplyChains",
    "verifiedSupplyChains",
    "hour",
    "weekday",
];
const EVENT_FIELDS: [&str; 4] = ["value", "tier", "hour", "weekday"];
const OPS: [&str; 6] = ["gt", "gte", "lt", "lte", "eq", "in"];
const KINDS: [&str; 6] = ["first", "count", "sum", "distinct", "streak", "period"];

/// A number with up to two decimals, whole half of the time.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..200).prop_map(f64::from),
        (0u32..20_000).prop_map(|x| f64::from(x) / 100.0)
    ]
}

/// A clause operand: a number, a list, another field or tier names (letters only).
fn operand(field: &'static str) -> impl Strategy<Value = (usize, Value)> {
    let names = prop::collection::vec("[A-Z][a-z]{0,6}", 1..3);
    (
        0..OPS.len(),
        number(),
        prop::collection::vec(0u32..24, 1..4),
        names,
        0..ORDER_FIELDS.len(),
    )
        .prop_map(move |(op, x, list, names, other)| {
            let value = match (field, OPS[op]) {
                ("tier", "in") => json!(names),
                ("tier", _) => json!(names[0]),
                ("hour", "in") => json!(list),
                ("hour", _) => json!(list[0]),
                ("weekday", "in") => json!(list.iter().map(|d| d % 7 + 1).collect::<Vec<_>>()),
                ("weekday", _) => json!(list[0] % 7 + 1),
                (_, "in") => json!(list),
                _ if other % 3 == 0 => json!(ORDER_FIELDS[other]),
                _ => json!(x),
            };
            (op, value)
        })
}

/// A `where` object over `fields`.
fn filter(fields: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop::collection::vec(
        (0..fields.len()).prop_flat_map(move |f| (Just(f), operand(fields[f]))),
        0..4,
    )
    .prop_map(move |clauses| {
        let mut w = Map::new();
        for (f, (op, value)) in clauses {
            let op = if fields[f] == "tier" && op != 5 {
                4
            } else {
                op
            };
            w.insert(fields[f].into(), json!({ OPS[op]: value }));
        }
        Value::Object(w)
    })
}

/// A rule as JSON; some are refused by the rule language (then skipped).
fn rule() -> impl Strategy<Value = Value> {
    let event = prop::option::of(0..EVENTS.len());
    (
        0..KINDS.len(),
        event,
        filter(&ORDER_FIELDS),
        filter(&EVENT_FIELDS),
        0..ORDER_FIELDS.len(),
        1u32..150,
        any::<bool>(),
    )
        .prop_map(|(kind, event, orders, events, field, target, week)| {
            let mut r = json!({"kind": KINDS[kind]});
            let (w, sum) = match event {
                Some(e) => {
                    r["event"] = json!(EVENTS[e]);
                    (events, "value")
                }
                None => (orders, ORDER_FIELDS[field % 6]),
            };
            if !w.as_object().is_some_and(Map::is_empty) {
                r["where"] = w;
            }
            let period = if week { "week" } else { "month" };
            match KINDS[kind] {
                "count" | "streak" => r["target"] = json!(target),
                "sum" => (r["field"], r["target"]) = (json!(sum), json!(f64::from(target) / 4.0)),
                "distinct" => {
                    (r["field"], r["target"]) = (json!(ORDER_FIELDS[6 + field % 2]), json!(target))
                }
                _ => {}
            }
            if matches!(KINDS[kind], "streak" | "period") {
                r["period"] = json!(period);
            }
            if KINDS[kind] == "period" {
                r["sum"] = json!(sum);
                r["atLeast"] = if target % 2 == 0 {
                    json!(ORDER_FIELDS[field % 6])
                } else {
                    json!(target)
                };
            }
            r
        })
}

fn read(rule: &Value) -> Option<Rule> {
    Rule::from_json(&Json::root(&Node::from(rule))).ok()
}

/// `text` without the group separators of its numbers ("1,000" → "1000"; "a, b" stays).
fn ungrouped(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    let grouping = |i: usize| chars[i] == ',' && digit(i.checked_sub(1)) && digit(Some(i + 1));
    (0..chars.len())
        .filter(|&i| !grouping(i))
        .map(|i| chars[i])
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_hint_is_filled_and_arabic_has_no_ascii_digits(
        rule in rule(), current in number(), target in number()
    ) {
        let rule = read(&rule);
        prop_assume!(rule.is_some());
        let Some(rule) = rule else { return Ok(()) };
        let progress = Progress { reached_at: None, current, target };
        for tag in LOCALES {
            let hint = rule.hint_in(&progress, Locale::from_tag(tag).unwrap());
            prop_assert!(!hint.is_empty(), "{tag}: empty hint for {rule:?}");
            prop_assert!(!hint.contains(['{', '}']), "{tag}: unfilled placeholder in {hint:?}");
            if tag == "ar" {
                prop_assert!(!hint.bytes().any(|b| b.is_ascii_digit()), "ar: ASCII digit in {hint:?}");
            }
        }
        prop_assert_eq!(rule.hint(&progress), ungrouped(&rule.hint_in(&progress, Locale::EN)));
    }
}
