//! Customer sessions answer exactly what the stateless functions answer: on every golden vector
//! (split into history and request, also with orders added later and after other calls), and a
//! cart applied to rule tallies equals re-evaluating the history with the cart.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // (only its vector loader is used here)
mod common;

use impactkit::badges::orders::{read_orders, Order};
use impactkit::badges::rules::{Context, Rule};
use impactkit::json::{Json, Node};
use impactkit::session::Customer;
use impactkit::time::{TzDatabase, Zone};
use serde_json::{json, Map, Value};

type Outcome = Result<Value, (String, String)>;

fn outcome<T: impactkit::json::ToJson>(r: impactkit::Result<T>) -> Outcome {
    r.map(|v| serde_json::from_str(&impactkit::json::to_json_text(&v)).unwrap_or(Value::Null))
        .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))
}

fn split(input: &Value, request_keys: &[&str]) -> (Value, Value) {
    let (mut history, mut request) = (Map::new(), Map::new());
    for (k, v) in input.as_object().into_iter().flatten() {
        let side = if request_keys.contains(&k.as_str()) {
            &mut request
        } else {
            &mut history
        };
        side.insert(k.clone(), v.clone());
    }
    (Value::Object(history), Value::Object(request))
}

const PREVIEW_KEYS: [&str; 5] = ["now", "cart", "decimals", "rounding", "locale"];
const STREAK_KEYS: [&str; 11] = [
    "period",
    "now",
    "weekStart",
    "restDays",
    "freezes",
    "minCount",
    "window",
    "repair",
    "repairs",
    "locale",
    "activity",
];

fn open(history: &Value) -> impactkit::Result<Customer> {
    Customer::open(&Json::root(&Node::from(history)), &TzDatabase)
}

/// The session's answer for a vector input; `before` runs first on the same customer.
fn via_session(function: &str, input: &Value, add_later: bool, before: Option<&Value>) -> Outcome {
    let keys: &[&str] = if function == "streak" {
        &STREAK_KEYS[..10]
    } else {
        &PREVIEW_KEYS
    };
    let (mut history, request) = split(input, keys);
    let mut added = None;
    if add_later {
        let field = if function == "streak" {
            "activity"
        } else {
            "orders"
        };
        if let Some(list) = history.get_mut(field).and_then(Value::as_array_mut) {
            added = Some(Value::Array(list.split_off(list.len() / 2)));
        }
    }
    // Half the events are added later too (`addEvents`).
    let mut added_events = None;
    if add_later && function != "streak" {
        if let Some(list) = history.get_mut("events").and_then(Value::as_array_mut) {
            added_events = Some(Value::Array(list.split_off(list.len() / 2)));
        }
    }
    let mut customer = open(&history).map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))?;
    if let Some(list) = added_events {
        let list = Node::from(&list);
        customer
            .add_events(&Json::root(&list))
            .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))?;
    }
    if let Some(list) = added {
        let list = Node::from(&list);
        let done = if function == "streak" {
            customer.add_activity(&Json::root(&list))
        } else {
            customer.add_orders(&Json::root(&list))
        };
        done.map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))?;
    }
    let ask = |c: &mut Customer, r: &Value| {
        let r = Node::from(r);
        if function == "streak" {
            outcome(c.streak(&Json::root(&r)))
        } else {
            outcome(c.badge_preview(&Json::root(&r)))
        }
    };
    if let Some(other) = before {
        let _ = ask(&mut customer, other);
    }
    ask(&mut customer, &request)
}

fn vectors() -> Vec<(String, Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut out = Vec::new();
    let files = std::fs::read_dir(dir).expect("vectors").flatten();
    for entry in files.filter(|e| e.path().extension().is_some_and(|x| x == "json")) {
        let text = std::fs::read_to_string(entry.path()).expect("readable");
        for v in serde_json::from_str::<Vec<Value>>(&text).expect("a vector list") {
            let f = v["fn"].as_str().unwrap_or_default().to_owned();
            if (f == "badgePreview" || f == "streak") && v["input"].is_object() {
                out.push((f, v["input"].clone()));
            }
        }
    }
    out
}

#[test]
fn sessions_answer_what_the_stateless_functions_answer_on_every_vector() {
    let (mut compared, mut failures) = (0, Vec::new());
    for (function, input) in vectors() {
        let stateless: Outcome = impactkit::api::call(&function, &input, &TzDatabase)
            .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()));
        let Ok(want) = stateless else { continue };
        let earlier = json!({"now": "2001-01-01T00:00:00Z", "period": "week",
                             "cart": {"co2Kg": 0, "baselineCo2Kg": 9, "recycledShare": 1, "supplyChains": []}});
        for (add_later, before) in [(false, None), (true, None), (false, Some(&earlier))] {
            compared += 1;
            let got = via_session(&function, &input, add_later, before);
            if got.as_ref() != Ok(&want) {
                failures.push(format!(
                    "{function} {input} (added later: {add_later}, before: {before:?}): {got:?}"
                ));
            }
        }
    }
    for f in failures.iter().take(5) {
        eprintln!("FAIL {}", &f[..f.len().min(2000)]);
    }
    println!(
        "sessions vs stateless: {compared} compared, {} differ",
        failures.len()
    );
    assert!(compared > 300 && failures.is_empty());
}

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn order(rng: &mut Rng, id: usize, at_ms: i64) -> Value {
    let chains: Vec<Value> = (0..rng.below(3))
        .map(|_| json!({"id": format!("c{}", rng.below(12)), "verified": rng.below(2) == 0}))
        .collect();
    json!({"id": format!("o{id}"), "placedAt": at_ms, "co2Kg": rng.below(6), "baselineCo2Kg": rng.below(6),
           "recycledShare": rng.below(11) as f64 / 10.0, "offsetKg": rng.below(4), "supplyChains": chains})
}

const RULES: &str = r#"[
 {"kind": "first", "where": {"co2Kg": {"lt": "baselineCo2Kg"}}},
 {"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": 6},
 {"kind": "sum", "field": "treesSaved", "target": 1},
 {"kind": "sum", "field": "offsetKg", "target": 25},
 {"kind": "distinct", "field": "verifiedSupplyChains", "target": 7},
 {"kind": "distinct", "field": "supplyChains", "where": {"offsetKg": {"gte": 2}}, "target": 9},
 {"kind": "streak", "period": "month", "where": {"co2Kg": {"lt": "baselineCo2Kg"}}, "target": 3},
 {"kind": "streak", "period": "week", "where": {"recycledShare": {"gte": 0.3}}, "target": 4},
 {"kind": "period", "period": "month", "sum": "offsetKg", "atLeast": "co2Kg"},
 {"kind": "period", "period": "week", "sum": "offsetKg", "atLeast": 6}
]"#;

#[test]
fn a_cart_applied_to_tallies_equals_re_evaluating_the_history() {
    let rules: Value = serde_json::from_str(RULES).expect("rules");
    let rules: Vec<Rule> = rules
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| Rule::from_json(&Json::root(&Node::from(r))).expect("a rule"))
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut checked, mut re_evaluated) = (0, 0);
    // São Paulo changed clocks at midnight (dates repeat or skip): period keys can go back.
    for zone_name in ["UTC", "America/Sao_Paulo", "Asia/Kolkata"] {
        let zone = Zone::parse(zone_name, &TzDatabase).expect("zone");
        for case in 0..120 {
            let start = 1_540_000_000_000i64; // 2018-10
            let spread = [3_600_000i64, 86_400_000, 5 * 86_400_000][case % 3];
            let n = rng.below(40) as usize;
            let list: Vec<Value> = (0..n)
                .map(|i| {
                    let at = start + rng.below(n as u64 + 1) as i64 * spread;
                    order(&mut rng, i, at)
                })
                .collect();
            let orders =
                read_orders(&Json::root(&Node::from(&Value::Array(list))), &zone).expect("orders");
            let history: Vec<&Order> = orders.iter().collect();
            let cart_at = start + rng.below(n as u64 + 3) as i64 * spread;
            let cart_json = order(&mut rng, 999, cart_at);
            let cart = Order::from_json(&Json::root(&Node::from(&cart_json)), &zone).expect("cart");
            let now = orders
                .last()
                .map_or(cart.placed_at, |o| o.placed_at.max(cart.placed_at));
            let ctx = Context {
                kg_co2_per_tree: 3.0,
                now,
                today: zone.date_of(now),
                zone: &zone,
            };
            let at = history.partition_point(|o| o.placed_at <= cart.placed_at);
            let mut with: Vec<&Order> = history.clone();
            with.insert(at, &cart);
            for rule in &rules {
                let tally = rule.tally(&history, &[], &ctx);
                assert_eq!(
                    rule.progress_of(&tally, &ctx),
                    rule.progress(&history, &[], &ctx)
                );
                let want = rule.progress(&with, &[], &ctx).reached_at.is_some();
                match rule.reached_with(&tally, &cart, &ctx) {
                    Some(got) => assert_eq!(got, want, "{rule:?} in {zone_name}, case {case}"),
                    None => re_evaluated += 1,
                }
                checked += 1;
            }
        }
    }
    println!("what-ifs: {checked} checked, {re_evaluated} left to re-evaluation");
    assert!(re_evaluated * 20 < checked);
}

/// Native timing at 100,000 orders (`cargo test --release --test sessions -- --ignored --nocapture`):
/// open, first preview (builds the tallies), then what-ifs with the tallies kept.
#[test]
#[ignore]
fn what_if_at_100k_orders() {
    let mut rng = Rng(7);
    let start = 1_600_000_000_000i64;
    let orders: Vec<Value> = (0..100_000)
        .map(|i| order(&mut rng, i, start + i as i64 * 900_000))
        .collect();
    let history = json!({"orders": orders, "timezone": "Europe/Berlin"});
    let text = history.to_string();
    let t = std::time::Instant::now();
    let doc = impactkit::json::value_from_text(&text).expect("json");
    let parsed = t.elapsed();
    let mut customer = Customer::open(&Json::root(&doc), &TzDatabase).expect("open");
    let opened = t.elapsed();
    let request = |i: u64| {
        json!({"now": "2026-06-01T12:00:00Z", "cart": {"co2Kg": i % 5, "baselineCo2Kg": 3, "recycledShare": 0.9,
               "offsetKg": 40, "supplyChains": [{"id": format!("new{i}"), "verified": true}]}})
    };
    let t = std::time::Instant::now();
    let first_request = request(0);
    let first_request = Node::from(&first_request);
    let first = customer
        .badge_preview(&Json::root(&first_request))
        .expect("preview");
    let first_time = t.elapsed();
    let mut times: Vec<std::time::Duration> = (1..200)
        .map(|i| {
            let r = request(i);
            let r = Node::from(&r);
            let t = std::time::Instant::now();
            let p = customer.badge_preview(&Json::root(&r)).expect("preview");
            let e = t.elapsed();
            assert_eq!(p.locked.len(), first.locked.len());
            e
        })
        .collect();
    times.sort();
    println!(
        "100k orders ({} MB JSON): parse {parsed:?}, parse+open {opened:?}, first preview {first_time:?}, what-if median {:?}",
        text.len() / 1_000_000,
        times[times.len() / 2]
    );
}

/// Appending cannot grow a history past the array limit that one stateless call enforces.
#[test]
fn appended_records_are_held_to_the_array_limit() {
    let records = |n: usize| Value::Array(vec![json!({"date": "2025-03-14"}); n]);
    let limit = impactkit::limits::MAX_ARRAY_LEN;
    let mut customer = open(&json!({"activity": records(limit - 2), "timezone": "UTC"})).unwrap();
    let (two, one) = (records(2), records(1));
    assert!(customer
        .add_activity(&Json::root(&Node::from(&two)))
        .is_ok());
    let error = customer
        .add_activity(&Json::root(&Node::from(&one)))
        .unwrap_err();
    assert_eq!(
        (error.code.as_str(), error.path.as_str()),
        ("too_large", "$")
    );
    // Nothing was appended: the history still answers.
    let request = json!({"period": "day", "now": "2025-03-14T12:00:00Z"});
    let request = Node::from(&request);
    assert_eq!(customer.streak(&Json::root(&request)).unwrap().current, 1);

    let mut orders = open(&json!({"orders": [], "timezone": "UTC"})).unwrap();
    let order = |i: usize| {
        json!({"id": i.to_string(), "placedAt": "2025-03-14T10:00:00Z", "co2Kg": 1,
               "baselineCo2Kg": 3, "recycledShare": 0.2, "supplyChains": []})
    };
    let first = Value::Array((0..limit / 2).map(order).collect());
    assert!(orders.add_orders(&Json::root(&Node::from(&first))).is_ok());
    let rest = Value::Array((limit / 2..=limit).map(order).collect());
    let error = orders
        .add_orders(&Json::root(&Node::from(&rest)))
        .unwrap_err();
    assert_eq!(error.code.as_str(), "too_large");
}

/// With no `orders` and a bad `cart`, the session reports what the stateless call reports.
#[test]
fn a_missing_orders_list_is_reported_before_a_bad_cart() {
    let history = json!({"timezone": "UTC"});
    let request = json!({"now": "2025-03-14T12:00:00Z", "cart": {"co2Kg": "x"}});
    let mut combined = history.clone();
    combined["now"] = request["now"].clone();
    combined["cart"] = request["cart"].clone();
    let stateless = impactkit::api::call("badgePreview", &combined, &TzDatabase).unwrap_err();
    let request = Node::from(&request);
    let session = open(&history)
        .unwrap()
        .badge_preview(&Json::root(&request))
        .unwrap_err();
    assert_eq!(stateless.path, "$.orders");
    assert_eq!(
        (session.code, &session.path),
        (stateless.code, &stateless.path)
    );
}

/// Every `achievementWindow` vector through a session: its `events` become orders whose
/// `offsetKg` is the event's value (`events: "offsetKg"`), half of them added later, and the
/// session answers what the stateless call answers for that input (`events: []` when absent).
#[test]
fn achievement_window_vectors_answer_the_same_through_a_session() {
    let (mut compared, mut failures) = (0, Vec::new());
    for (name, input) in vectors_of("achievementWindow") {
        let mut stateless = input.clone();
        let events = stateless["events"].take();
        let events = events.as_array().cloned().unwrap_or_default();
        stateless["events"] = Value::Array(events.clone());
        let Ok(want) = impactkit::api::call("achievementWindow", &stateless, &TzDatabase) else {
            continue;
        };
        let orders: Vec<Value> = events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                json!({"id": i, "placedAt": e["at"], "co2Kg": 0, "baselineCo2Kg": 0, "recycledShare": 0,
                       "supplyChains": [], "offsetKg": e.get("value").cloned().unwrap_or(json!(1))})
            })
            .collect();
        let (mut request, _) = split(&stateless, &[]);
        let zone = request.as_object_mut().and_then(|r| r.remove("timezone"));
        request["events"] = json!("offsetKg");
        for later in [0, orders.len() / 2] {
            let (first, rest) = orders.split_at(orders.len() - later);
            let history =
                json!({"orders": first, "timezone": zone.clone().unwrap_or(json!("UTC"))});
            let mut customer = open(&history).expect("open");
            let _ = customer.achievement_window(&Json::root(&Node::from(&request)));
            let rest = Value::Array(rest.to_vec());
            customer
                .add_orders(&Json::root(&Node::from(&rest)))
                .expect("orders");
            compared += 1;
            let got = outcome(customer.achievement_window(&Json::root(&Node::from(&request))));
            if got != Ok(want.clone()) {
                failures.push(format!("{name} (added later: {later}): {got:?}"));
            }
        }
    }
    for f in failures.iter().take(5) {
        eprintln!("FAIL {f}");
    }
    println!(
        "achievementWindow sessions vs stateless: {compared} compared, {} differ",
        failures.len()
    );
    assert!(compared > 100 && failures.is_empty());
}

/// `(name, input)` of every vector of `function` with an object input.
fn vectors_of(function: &str) -> Vec<(String, Value)> {
    let all = common::vectors::all().into_iter();
    all.filter(|v| v.function == function && v.input.is_object())
        .map(|v| (v.name, v.input))
        .collect()
}
