//! `customer.achievementWindow` answers what the stateless `achievementWindow` answers with the
//! history's timezone and the named records as `events`: over random histories (orders with
//! repeated ids, dated and timed activity, huge values), random requests, orders and activity
//! added later (in order or back-dated) and windows asked before and after they were added.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::badges::orders::read_orders;
use impactkit::json::{to_json_text, Json, Node};
use impactkit::session::Customer;
use impactkit::time::{TzDatabase, Zone};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// 2025-01-01T00:00:00Z in Unix seconds.
const START: i64 = 1_735_689_600;
const HOUR: i64 = 3_600;
const ZONES: [&str; 4] = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"];
const PERIODS: [&str; 8] = ["1D", "7D", "12h", "1W_U", "1M", "30D_D", "3D", "90m"];
const SOURCES: [&str; 4] = ["orders", "co2SavedKg", "offsetKg", "activity"];
const OFFSETS: [f64; 4] = [0.0, 0.5, 3.0, 1e15];

type Outcome = Result<Value, (String, String)>;

fn outcome<T: impactkit::json::ToJson>(r: impactkit::Result<T>) -> Outcome {
    r.map(|v| serde_json::from_str(&to_json_text(&v)).unwrap_or(Value::Null))
        .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))
}

/// An order: (id, minutes after START, co2Kg tenths, baseline tenths, co2SavedKg tenths?, offset).
type OrderRow = (u8, i64, u8, u8, Option<u8>, usize);
/// An activity record: (dated, minutes after START, count?).
type ActivityRow = (bool, i64, Option<u8>);
/// A request: (source, start hours, period, now hours, target tenths?, fixed, once, end hours?,
/// locale).
type RequestRow = (
    usize,
    i64,
    usize,
    i64,
    Option<u32>,
    bool,
    bool,
    Option<i64>,
    bool,
);

fn order(row: &OrderRow) -> Value {
    let (id, minutes, co2, baseline, saved, offset) = *row;
    let mut o = json!({"id": format!("o{id}"), "placedAt": (START + minutes * 60) * 1000,
        "co2Kg": f64::from(co2) / 10.0, "baselineCo2Kg": f64::from(baseline) / 10.0,
        "recycledShare": 0, "supplyChains": [], "offsetKg": OFFSETS[offset]});
    if let Some(s) = saved {
        o["co2SavedKg"] = json!(f64::from(s) / 10.0);
    }
    o
}

fn record(row: &ActivityRow) -> Value {
    let (dated, minutes, count) = *row;
    let at = (START + minutes * 60) * 1000;
    let mut r = if dated {
        let date = chrono::DateTime::from_timestamp_millis(at).expect("in range");
        json!({"date": date.format("%Y-%m-%d").to_string()})
    } else {
        json!({"at": at})
    };
    if let Some(c) = count {
        r["count"] = json!(c);
    }
    r
}

/// The session's request and the stateless input it stands for.
fn requests(row: &RequestRow, zone: &str, orders: &[Value], activity: &[Value]) -> (Value, Value) {
    let (source, start, period, now, target, fixed, once, end, locale) = *row;
    let mut r = Map::new();
    r.insert("start".into(), json!((START + start * HOUR) * 1000));
    r.insert("period".into(), json!(PERIODS[period]));
    r.insert("now".into(), json!((START + now * HOUR) * 1000));
    if let Some(t) = target {
        r.insert("target".into(), json!(f64::from(t) / 10.0));
    }
    if fixed {
        r.insert("activationPolicy".into(), json!("fixed_schedule"));
    }
    if once {
        r.insert("recurrencePolicy".into(), json!("no_recurrence"));
    }
    if let Some(e) = end {
        r.insert("end".into(), json!((START + (start + e) * HOUR) * 1000));
    }
    if locale {
        r.insert("locale".into(), json!("de"));
    }
    let mut stateless = r.clone();
    r.insert("events".into(), json!(SOURCES[source]));
    stateless.insert("timezone".into(), json!(zone));
    stateless.insert(
        "events".into(),
        Value::Array(events(source, zone, orders, activity)),
    );
    (Value::Object(r), Value::Object(stateless))
}

/// The records of `source` as `achievementWindow` events (orders as the badge reader reads them:
/// first occurrence of an id, `co2SavedKg` defaulted from the baseline).
fn events(source: usize, zone: &str, orders: &[Value], activity: &[Value]) -> Vec<Value> {
    if SOURCES[source] == "activity" {
        let at = |r: &Value| r.get("at").or(r.get("date")).cloned();
        return activity
            .iter()
            .map(|r| json!({"at": at(r), "value": r.get("count").cloned().unwrap_or(json!(1))}))
            .collect();
    }
    let zone = Zone::parse(zone, &TzDatabase).expect("zone");
    let list = Value::Array(orders.to_vec());
    let read = read_orders(&Json::root(&Node::from(&list)), &zone).expect("valid orders");
    read.iter()
        .map(|o| {
            let value = match SOURCES[source] {
                "orders" => 1.0,
                "co2SavedKg" => o.co2_saved_kg,
                _ => o.offset_kg,
            };
            json!({"at": o.placed_at.timestamp_millis(), "value": value})
        })
        .collect()
}

fn stateless_window(input: &Value) -> Outcome {
    impactkit::api::call("achievementWindow", input, &TzDatabase)
        .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))
}

fn ask(customer: &mut Customer, request: &Value) -> Outcome {
    outcome(customer.achievement_window(&Json::root(&Node::from(request))))
}

fn add(customer: &mut Customer, orders: &[Value], activity: &[Value]) {
    let orders = Value::Array(orders.to_vec());
    let activity = Value::Array(activity.to_vec());
    customer
        .add_orders(&Json::root(&Node::from(&orders)))
        .expect("valid orders");
    customer
        .add_activity(&Json::root(&Node::from(&activity)))
        .expect("valid activity");
}

fn order_rows() -> impl Strategy<Value = Vec<OrderRow>> {
    let row = (
        0u8..30,
        0i64..60 * 24 * 90,
        0u8..50,
        0u8..50,
        prop::option::of(0u8..30),
        0..4usize,
    );
    prop::collection::vec(row, 0..40)
}

fn activity_rows() -> impl Strategy<Value = Vec<ActivityRow>> {
    let row = (any::<bool>(), 0i64..60 * 24 * 90, prop::option::of(0u8..4));
    prop::collection::vec(row, 0..40)
}

fn request_rows() -> impl Strategy<Value = Vec<RequestRow>> {
    let row = (
        0..SOURCES.len(),
        -100i64..1_500,
        0..PERIODS.len(),
        0i64..2_400,
        prop::option::of(1u32..60),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(1i64..900),
        any::<bool>(),
    );
    prop::collection::vec(row, 1..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_session_window_equals_the_stateless_window_of_its_records(
        zone in 0..ZONES.len(),
        order_rows in order_rows(),
        activity_rows in activity_rows(),
        requests_rows in request_rows(),
        (split_orders, split_activity) in (0usize..41, 0usize..41),
        ask_before_adding in any::<bool>(),
    ) {
        let zone = ZONES[zone];
        let orders: Vec<Value> = order_rows.iter().map(order).collect();
        let activity: Vec<Value> = activity_rows.iter().map(record).collect();
        let (so, sa) = (split_orders.min(orders.len()), split_activity.min(activity.len()));
        let history = json!({"orders": orders[..so], "activity": activity[..sa], "timezone": zone});
        let mut customer = Customer::open(&Json::root(&Node::from(&history)), &TzDatabase).expect("open");
        if ask_before_adding {
            // Builds the indexes that adding has to extend or rebuild.
            for row in &requests_rows {
                let (request, stateless) = requests(row, zone, &orders[..so], &activity[..sa]);
                let want = stateless_window(&stateless);
                prop_assert_eq!(ask(&mut customer, &request), want, "before adding: {}", request);
            }
        }
        add(&mut customer, &orders[so..], &activity[sa..]);
        for row in &requests_rows {
            let (request, stateless) = requests(row, zone, &orders, &activity);
            let want = stateless_window(&stateless);
            prop_assert_eq!(ask(&mut customer, &request), want, "{}", request);
        }
    }
}

fn open(history: &Value) -> Customer {
    Customer::open(&Json::root(&Node::from(history)), &TzDatabase).expect("open")
}

/// Values past what one window's exact sum holds: a history adding up past 2¹²⁸ units still
/// answers a window within the limit, and one past it is `out_of_range` as in the stateless call.
#[test]
fn huge_histories_sum_exactly_and_fail_where_the_stateless_call_fails() {
    let orders: Vec<Value> = (0..400)
        .map(|i| order(&(0, i * 60, 0, 0, None, 3)))
        .collect();
    let orders: Vec<Value> = orders
        .into_iter()
        .enumerate()
        .map(|(i, mut o)| {
            o["id"] = json!(i);
            o
        })
        .collect();
    let mut customer = open(&json!({"orders": orders, "timezone": "UTC"}));
    for (period, now_hours) in [("10h", 9), ("2D", 47), ("30D", 399), ("1D", 399)] {
        let row = (2, 0, 0, now_hours, Some(25), true, false, None, false);
        let (mut request, mut stateless) = requests(&row, "UTC", &orders, &[]);
        request["period"] = json!(period);
        stateless["period"] = json!(period);
        let want = stateless_window(&stateless);
        assert_eq!(ask(&mut customer, &request), want, "{period}");
        if period == "30D" {
            let error = ("out_of_range".to_owned(), "$.events".to_owned());
            assert_eq!(want, Err(error));
        }
    }
}

/// A bad request is refused at the path the stateless call names; `events` names a source.
#[test]
fn request_errors_are_the_stateless_errors() {
    let history = json!({"orders": [order(&(1, 0, 1, 2, None, 1))], "timezone": "Europe/Berlin"});
    let mut customer = open(&history);
    let base =
        json!({"start": "2025-01-01", "period": "7D", "now": "2025-01-03", "events": "orders"});
    let error = |customer: &mut Customer, patch: Value| {
        let mut request = base.clone();
        for (k, v) in patch.as_object().into_iter().flatten() {
            request[k] = v.clone();
        }
        ask(customer, &request).expect_err("refused")
    };
    let e = |code: &str, path: &str| (code.to_owned(), path.to_owned());
    assert_eq!(
        error(&mut customer, json!({"events": "sales"})),
        e("invalid_value", "$.events")
    );
    let unknown = customer
        .achievement_window(&Json::root(&Node::from(
            &json!({"start": 0, "period": "1D", "now": 0, "events": "x"}),
        )))
        .unwrap_err();
    assert!(
        unknown
            .message
            .contains("orders, co2SavedKg, offsetKg, activity"),
        "{}",
        unknown.message
    );
    assert_eq!(
        error(&mut customer, json!({"events": 3})),
        e("invalid_type", "$.events")
    );
    for (patch, key) in [
        (json!({"start": "soon"}), "start"),
        (json!({"period": "7X"}), "period"),
        (json!({"target": -1}), "target"),
        (json!({"activationPolicy": "later"}), "activationPolicy"),
        (json!({"decimals": 9}), "decimals"),
        (json!({"locale": 5}), "locale"),
    ] {
        let mut stateless = base.clone();
        stateless["events"] = json!([]);
        stateless["timezone"] = json!("Europe/Berlin");
        for (k, v) in patch.as_object().into_iter().flatten() {
            stateless[k] = v.clone();
        }
        let want = stateless_window(&stateless).expect_err("refused");
        assert_eq!(want.1, format!("$.{key}"));
        assert_eq!(error(&mut customer, patch), want);
    }
    // `events` is read where the stateless call reads it: after the display options.
    let mut request = base.clone();
    request.as_object_mut().map(|r| r.remove("events"));
    request["rounding"] = json!("sideways");
    assert_eq!(ask(&mut customer, &request).unwrap_err().1, "$.rounding");
    request.as_object_mut().map(|r| r.remove("rounding"));
    assert_eq!(
        ask(&mut customer, &request),
        Err(e("missing_field", "$.events"))
    );
    // A history without the records named: the error of the absent list, after the request's.
    let mut activity_only = open(&json!({"activity": [], "timezone": "UTC"}));
    assert_eq!(
        ask(&mut activity_only, &base),
        Err(e("missing_field", "$.orders"))
    );
    assert_eq!(error(&mut activity_only, json!({"now": "?"})).1, "$.now");
    let mut orders_only = open(&history);
    let activity = json!({"events": "activity"});
    assert_eq!(
        error(&mut orders_only, activity),
        e("missing_field", "$.activity")
    );
}
