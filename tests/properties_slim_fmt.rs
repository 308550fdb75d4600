//! The hand-written number text of `impactkit::numbers` agrees with the standard
//! library's (correctly rounded) parser and formatter, and messages built without
//! `core::fmt` read as before.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::numbers::{parse_decimal, parse_f64, push_int, show, units_text};
use proptest::prelude::*;

fn same(text: &str) {
    let expected: f64 = text.parse().expect("valid number text");
    let got = parse_f64(text);
    assert_eq!(
        got.to_bits(),
        expected.to_bits(),
        "{text}: {got:e} ≠ {expected:e}"
    );
}

#[test]
fn ties_extremes_and_long_mantissas_round_like_the_standard_parser() {
    let cases = [
        "0",
        "-0",
        "0.0",
        "0e999999999999",
        "1",
        "-1",
        "248.5",
        "0.1",
        "0.30000000000000004",
        "9007199254740992",
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.000000000000000001",
        "18446744073709551615",
        "18446744073709551616",
        "123456789012345678901234567890",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-400",
        "-1e-400",
        "1e-27",
        "1e27",
        "9999999999999999999e27",
        "9999999999999999999e-27",
        "1.2345678901234567e-28",
        "7e22",
        "7e23",
        "4.35679e-5",
        "0.000000000000000000000000000001",
        "1e00000000000000000000000000001",
        "100000000000000000000000000000000000000000000000000000e-50",
    ];
    for text in cases {
        same(text);
    }
    // Exactly half the smallest subnormal is a tie: to even, 0; a digit more is not.
    let exact_half = "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324";
    same(exact_half);
    let mantissa = exact_half.strip_suffix("e-324").unwrap_or_default();
    same(&format!("{mantissa}1e-324"));
    same(&format!("{mantissa}{}1e-324", "0".repeat(900)));
    same(&format!("-{mantissa}{}1e-324", "0".repeat(900)));
    // A midpoint above 2^53 written with more digits than any double needs.
    same(&format!("9007199254740993.{}1", "0".repeat(1000)));
    same(&format!("9007199254740993.{}", "0".repeat(1000)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn decimal_text_rounds_like_the_standard_parser(
        text in "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?"
    ) {
        same(&text);
    }

    #[test]
    fn long_mantissas_with_short_exponents_round_exactly(m in (1u64 << 53).., k in 0u32..28, ulps in -3i64..=3) {
        same(&format!("{m}e-{k}"));
        same(&format!("{m}e{k}"));
        // Texts a few units away from a double's own 17 digits (near midpoints).
        let x = (m as f64) / 10f64.powi(k as i32);
        let near = format!("{x:.16e}");
        let (digits, exponent) = near.split_once('e').unwrap_or_default();
        let digits: i64 = digits.replace('.', "").parse().unwrap_or_default();
        same(&format!("{}e{}", digits + ulps, exponent.parse::<i64>().unwrap_or_default() - 16));
    }

    #[test]
    fn css_numbers_read_like_the_standard_parser(text in "[-+]?[0-9]{0,4}[.]?[0-9]{0,4}([eE][-+]?[0-9]{0,3})?[.eE+-]?") {
        let expected = text.parse::<f64>().ok().filter(|x| x.is_finite());
        let got = parse_decimal(&text).filter(|x| x.is_finite());
        prop_assert_eq!(got.map(f64::to_bits), expected.map(f64::to_bits), "{}", text);
    }

    #[test]
    fn every_double_reads_back_from_its_text(bits in any::<u64>(), digits in 0usize..30) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        same(&format!("{x:e}"));
        same(&format!("{x}"));
        same(&format!("{x:.digits$e}"));
    }

    #[test]
    fn integers_and_units_read_like_core_fmt(n in any::<i128>(), units in -10i128.pow(38)..10i128.pow(38)) {
        let mut s = String::new();
        push_int(&mut s, n);
        prop_assert_eq!(s, n.to_string());
        let text = units_text(units);
        let digits = format!("{:023}", units.unsigned_abs());
        let (int_part, frac_part) = digits.split_at(digits.len() - 22);
        let frac_part = frac_part.trim_end_matches('0');
        let sign = if units < 0 { "-" } else { "" };
        let expected = if frac_part.is_empty() { format!("{sign}{int_part}") } else { format!("{sign}{int_part}.{frac_part}") };
        prop_assert_eq!(text, expected);
    }

    #[test]
    fn shown_numbers_are_the_shortest_round_trip(x in -1e15f64..1e15) {
        prop_assert_eq!(show(x), format!("{x}"));
    }
}

/// `readImpactProfile` keeps an active milestone only when neither its name nor its
/// id was listed or kept before (the reference: hash sets, in input order).
fn expected_milestones(
    listed: &[(u8, Option<u8>)],
    active: &[(u8, Option<u8>)],
) -> Vec<(u8, Option<u8>)> {
    use std::collections::HashSet;
    let (mut names, mut ids) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for &(name, id) in listed {
        names.insert(name);
        ids.extend(id);
        out.push((name, id));
    }
    for &(name, id) in active {
        if !names.contains(&name) && !id.is_some_and(|i| ids.contains(&i)) {
            names.insert(name);
            ids.extend(id);
            out.push((name, id));
        }
    }
    out
}

fn milestone_json(&(name, id): &(u8, Option<u8>)) -> serde_json::Value {
    let mut m = serde_json::json!({"name": format!("m{name}"), "target": 10, "current": 1});
    if let Some(id) = id {
        m["id"] = format!("id{id}").into();
    }
    m
}

proptest! {
    #[test]
    fn active_milestones_are_added_once_by_name_and_id(
        listed in prop::collection::vec((0u8..4, prop::option::of(0u8..4)), 0..5),
        active in prop::collection::vec((0u8..5, prop::option::of(0u8..5)), 0..8),
    ) {
        let input = serde_json::json!({"data": {
            "customerImpactProfile": {"totalCo2Saved": 1, "totalOrders": 1,
                "milestones": listed.iter().map(milestone_json).collect::<Vec<_>>()},
            "customerMilestones": {"active": active.iter().map(milestone_json).collect::<Vec<_>>()},
        }});
        let out = impactkit::api::call("readImpactProfile", &input, &impactkit::time::TzDatabase).unwrap();
        let got: Vec<serde_json::Value> = out["milestones"].as_array().unwrap().iter()
            .map(|m| serde_json::json!([m["name"], m["id"]])).collect();
        let want: Vec<serde_json::Value> = expected_milestones(&listed, &active).iter()
            .map(|&(n, id)| serde_json::json!([format!("m{n}"), id.map(|i| format!("id{i}"))])).collect();
        prop_assert_eq!(got, want);
    }
}
