//! Review of the fast paths of the text readers and the grouped tallies (review 30): each gives
//! exactly what the general path gives. Ids at the string limit; tiers of event-sourced,
//! `period` and mixed-source rules tallied in one pass against each rule's own `Rule::add` loop.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/customers.rs"]
mod customers;

use customers::{answers, both_customers, error_text};
use impactkit::limits::MAX_STRING_LEN;

/// Opened from the text and from its parse tree: the same answers.
fn assert_same_customer(text: &str) {
    let (fast, tree) = both_customers(text);
    assert_eq!(fast, tree, "{}", text.get(..300).unwrap_or(text));
}

/// Order and chain ids as plain strings at and beyond the string limit: the tree path refuses
/// one longer than [`MAX_STRING_LEN`] (`too_large`), so the text path must too.
#[test]
fn ids_at_the_string_limit_read_as_the_tree_reads_them() {
    for len in [MAX_STRING_LEN - 1, MAX_STRING_LEN, MAX_STRING_LEN + 1] {
        let long = "i".repeat(len);
        let order = |id: &str, chain: &str| {
            format!(
                r#"{{"id": "{id}", "placedAt": "2025-03-15T10:30:00Z", "co2Kg": 1, "baselineCo2Kg": 2,
                "recycledShare": 0.5, "supplyChains": [{{"id": "{chain}", "verified": true}}]}}"#
            )
        };
        for (id, chain) in [(long.as_str(), "c1"), ("o1", long.as_str())] {
            let text = format!(r#"{{"orders": [{}], "timezone": "UTC"}}"#, order(id, chain));
            assert_same_customer(&text);
        }
    }
}

mod tallies {
    use impactkit::badges::events::{read_events, Event, Item};
    use impactkit::badges::orders::{read_orders, Order};
    use impactkit::badges::rules::{tally_all, Context, Rule, Source, Tally};
    use impactkit::json::{Json, Node};
    use impactkit::time::Zone;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// 2025-01-01T00:00:00Z in Unix seconds.
    const START: i64 = 1_735_689_600;
    const HOUR: i64 = 3_600;

    /// One order or event: (hours after START, amount, kind 0–3, flag).
    type Row = (i64, u32, usize, bool);

    fn rows() -> impl Strategy<Value = Vec<Row>> {
        prop::collection::vec((0i64..24 * 120, 0u32..12, 0usize..4, any::<bool>()), 0..50)
    }

    fn ms(hours: i64) -> i64 {
        (START + hours * HOUR) * 1000
    }

    fn orders(rows: &[Row]) -> Vec<Order> {
        let list: Vec<Value> = rows
            .iter()
            .enumerate()
            .map(|(i, &(hours, amount, kind, flag))| {
                json!({"id": i, "placedAt": ms(hours), "co2Kg": amount % 5,
                    "baselineCo2Kg": amount, "recycledShare": if flag { 0.75 } else { 0.25 },
                    "offsetKg": kind, "supplyChains": [{"id": format!("c{}", amount % 4), "verified": flag}]})
            })
            .collect();
        let list = Value::Array(list);
        let list = Node::from(&list);
        read_orders(&Json::root(&list), &Zone::utc()).expect("valid orders")
    }

    fn events(rows: &[Row]) -> Vec<Event> {
        let list: Vec<Value> = rows
            .iter()
            .map(|&(hours, amount, kind, flag)| {
                let kind = ["referral", "review", "signup", "tierReached"][kind];
                json!({"type": kind, "at": ms(hours), "value": f64::from(amount) / 4.0,
                    "tier": if flag { "Gold" } else { "silver" }})
            })
            .collect();
        let list = Value::Array(list);
        let list = Node::from(&list);
        read_events(&Json::root(&list), &Zone::utc()).expect("valid events")
    }

    /// Rules over orders and over events, several with the same measure over another source.
    fn rule(kind: usize, target: u32) -> Rule {
        let t = 1 + target % 12;
        let value = match kind {
            0 => json!({"kind": "count", "target": t}),
            1 => json!({"kind": "count", "event": "referral", "target": t}),
            2 => json!({"kind": "count", "event": "review", "target": t}),
            3 => {
                json!({"kind": "sum", "event": "referral", "field": "value", "target": f64::from(t) / 2.0})
            }
            4 => {
                json!({"kind": "streak", "event": "review", "period": "week", "target": 1 + t % 4})
            }
            5 => json!({"kind": "streak", "period": "week", "target": 1 + t % 5}),
            6 => {
                json!({"kind": "count", "event": "tierReached", "where": {"tier": {"eq": "gold"}}, "target": 1 + t % 3})
            }
            7 => json!({"kind": "first", "event": "signup"}),
            8 => json!({"kind": "period", "period": "week", "sum": "co2Kg", "atLeast": t}),
            9 => {
                json!({"kind": "period", "period": "month", "sum": "offsetKg", "atLeast": "co2Kg"})
            }
            10 => json!({"kind": "sum", "field": "co2SavedKg", "target": t * 2}),
            _ => json!({"kind": "distinct", "field": "supplyChains", "target": 1 + t % 5}),
        };
        Rule::from_json(&Json::root(&Node::from(&value))).expect("a valid rule")
    }

    /// The rule's own pass with [`Rule::add`] (from its empty tally) over the items of its source.
    fn own_pass(rule: &Rule, orders: &[&Order], events: &[&Event], ctx: &Context) -> Tally {
        let mut tally = rule.tally(&[], &[], ctx);
        match rule.source {
            Source::Orders => orders
                .iter()
                .for_each(|o| rule.add(&mut tally, Item::Order(o), ctx)),
            Source::Events(_) => events
                .iter()
                .for_each(|e| rule.add(&mut tally, Item::Event(e), ctx)),
        }
        tally
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Each tier's grouped tally (events and `period` rules among them) is its own pass's,
        /// and so is `Rule::tally`'s (the full build's one loop).
        #[test]
        fn grouped_tallies_of_any_source_are_each_rules_own(
            order_rows in rows(),
            event_rows in rows(),
            tiers in prop::collection::vec((0usize..12, 0u32..40), 1..9),
            now_hours in 0i64..24 * 130,
        ) {
            let (orders, events) = (orders(&order_rows), events(&event_rows));
            let (orders, events): (Vec<&Order>, Vec<&Event>) = (orders.iter().collect(), events.iter().collect());
            let now = impactkit::time::civil::DateTime::from_timestamp(START + now_hours * HOUR, 0).expect("in range");
            let ctx = Context { kg_co2_per_tree: 21.77, now, today: now.date_naive(), zone: &Zone::utc() };
            let rules: Vec<Rule> = tiers.iter().map(|&(kind, target)| rule(kind, target)).collect();
            let rules: Vec<&Rule> = rules.iter().collect();
            let own: Vec<Tally> = rules.iter().map(|r| own_pass(r, &orders, &events, &ctx)).collect();
            let single: Vec<Tally> = rules.iter().map(|r| r.tally(&orders, &events, &ctx)).collect();
            prop_assert_eq!(&single, &own);
            prop_assert_eq!(tally_all(&rules, &orders, &events, &ctx), own);
        }
    }
}

mod unique_orders {
    use impactkit::badges::orders::read_orders;
    use impactkit::json::{Json, Node};
    use impactkit::time::Zone;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    /// 2025-01-01T00:00:00Z in Unix milliseconds.
    const START_MS: i64 = 1_735_689_600_000;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Repeated ids dropped (the first in input order kept, wherever it sorts), the rest
        /// sorted by `(placedAt, id)`: as dropping them first and then sorting. Few ids and
        /// instants (ties at one second and at one millisecond), lists sorted or not.
        #[test]
        fn repeated_ids_dropped_then_sorted(
            rows in prop::collection::vec((0u32..8, 0i64..6, 0i64..3, 0u32..3), 0..40),
            sorted in any::<bool>(),
        ) {
            let mut rows: Vec<(String, i64, u32)> = rows
                .iter()
                .map(|&(id, second, milli, co2)| (format!("o{id}"), START_MS + second * 1000 + milli * 250, co2))
                .collect();
            if sorted {
                rows.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
            }
            let list: Vec<Value> = rows
                .iter()
                .map(|(id, at, co2)| json!({"id": id, "placedAt": at, "co2Kg": co2,
                    "baselineCo2Kg": 3, "recycledShare": 0, "supplyChains": []}))
                .collect();
            let list = Value::Array(list);
            let list = Node::from(&list);
            let orders = read_orders(&Json::root(&list), &Zone::utc()).expect("valid orders");
            let got: Vec<(String, i64, f64)> = orders
                .iter()
                .map(|o| (o.id.to_string(), o.placed_at.timestamp_millis(), o.co2_kg))
                .collect();
            let mut want: Vec<(String, i64, f64)> = Vec::new();
            for (id, at, co2) in &rows {
                if !want.iter().any(|w| w.0 == *id) {
                    want.push((id.clone(), *at, f64::from(*co2)));
                }
            }
            want.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
            prop_assert_eq!(got, want);
        }
    }
}

mod near_keys {
    use super::{answers, error_text};
    use impactkit::json::{to_json_text, value_from_text, Json};
    use impactkit::session::Customer;
    use impactkit::streaks::{streak, streak_from_text};
    use impactkit::time::TzDatabase;
    use proptest::prelude::*;

    /// `key` as written: itself (with odd spacing before the `:`), or a key that only looks
    /// like it (a prefix, a longer key, an escape, other case, a non-ASCII letter, a long key).
    fn written(key: &str, shape: usize) -> String {
        let head = key.get(..1).unwrap_or_default();
        let tail = key.get(1..).unwrap_or_default();
        match shape {
            0 => format!("\"{key}\" :"),
            1 => format!("\"{key}\"\n\t:"),
            2 => format!("\"{}\":", key.get(..key.len() - 1).unwrap_or_default()),
            3 => format!("\"{key}X\":"),
            4 => format!("\"{key} \":"),
            5 => format!("\"\\u00{:02x}{tail}\":", head.as_bytes()[0]),
            6 => format!("\"{}{tail}\":", head.to_uppercase()),
            7 => format!("\"{key}é\":"),
            8 => format!("\"{key}{}\":", "_".repeat(16)),
            9 => format!("\"{tail}\":"),
            _ => format!("\"{key}\":"),
        }
    }

    /// Mostly the key itself, sometimes one that only looks like it.
    fn shape() -> impl Strategy<Value = usize> {
        prop_oneof![3 => Just(20usize), 1 => 0usize..10]
    }

    /// `{key: value}` entries in the given order (a permutation index), joined.
    fn object(entries: Vec<(String, &str)>, rotate: usize) -> String {
        let mut entries: Vec<String> = entries
            .into_iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        let n = entries.len().max(1);
        entries.rotate_left(rotate % n);
        format!("{{{}}}", entries.join(", "))
    }

    const VERIFIED: [&str; 9] = [
        "true", "false", "true ", "null", "truex", "tru", "\"true\"", "1", "falsee",
    ];

    fn order() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(shape(), 10),
            0u32..4,
            0usize..VERIFIED.len(),
            0usize..8,
            0usize..3,
        )
            .prop_map(|(shapes, id, verified, rotate, chain_rotate)| {
                let chain = object(
                    vec![
                        (written("id", shapes[8]), "\"c1\""),
                        (written("verified", shapes[9]), VERIFIED[verified]),
                    ],
                    chain_rotate,
                );
                let chains = format!("[{chain}]");
                let id = format!("\"o{id}\"");
                let fields = [
                    ("id", id.as_str()),
                    ("placedAt", "\"2025-04-05T10:30:00Z\""),
                    ("co2Kg", "1"),
                    ("baselineCo2Kg", "2.5"),
                    ("recycledShare", "0.75"),
                    ("supplyChains", chains.as_str()),
                    // Optional ones: missed, they would read as absent (derived, 0).
                    ("co2SavedKg", "0.7"),
                    ("offsetKg", "3"),
                ];
                let entries = fields
                    .iter()
                    .zip(&shapes)
                    .map(|(&(k, v), &s)| (written(k, s), v))
                    .collect();
                object(entries, rotate)
            })
    }

    fn record() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(shape(), 3),
            0usize..3,
            0usize..4,
            0u32..20,
        )
            .prop_map(|(shapes, rotate, kind, day)| {
                let at = format!("\"2025-03-{:02}T10:30:00Z\"", 1 + day);
                let date = format!("\"2025-03-{:02}\"", 1 + day);
                let mut entries = vec![(written("count", shapes[1]), "2")];
                if kind != 1 {
                    entries.push((written("at", shapes[0]), at.as_str()));
                }
                if kind != 0 {
                    entries.push((written("date", shapes[2]), date.as_str()));
                }
                object(entries, rotate)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Keys that look like known ones (and the known ones with odd spacing) read as the tree
        /// reads them, wherever they stand; lists last in the text (short tails) too.
        #[test]
        fn near_keys_read_as_the_tree_reads_them(
            orders in prop::collection::vec(order(), 0..4),
            records in prop::collection::vec(record(), 0..4),
            zone_first in any::<bool>(),
        ) {
            let lists = format!("\"orders\":[{}],\"activity\":[{}]", orders.join(","), records.join(","));
            let text = if zone_first {
                format!("{{\"timezone\":\"UTC\",{lists}}}")
            } else {
                format!("{{{lists},\"timezone\":\"UTC\"}}")
            };
            let tree = value_from_text(&text).and_then(|v| Customer::open(&Json::root(&v), &TzDatabase));
            prop_assert_eq!(answers(Customer::open_text(&text, &TzDatabase)), answers(tree), "{}", text);
            let request = format!("{{\"period\":\"day\",\"now\":\"2025-04-01T00:00:00Z\",{lists}}}");
            let show = |r: impactkit::Result<impactkit::streaks::Streak>| r.map_or_else(error_text, |s| to_json_text(&s));
            let tree = value_from_text(&request).and_then(|v| streak(&Json::root(&v), &TzDatabase));
            prop_assert_eq!(show(streak_from_text(&request, &TzDatabase)), show(tree), "{}", request);
        }
    }
}
