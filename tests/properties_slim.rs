//! The card text written without `core::fmt` (colours, fixed-point numbers, dates) reads
//! exactly as the `format!` it replaced; the sorted key index finds what a hash map found.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::card::color::Color;
use impactkit::card::locale::Locale;
use impactkit::numbers::fixed;
use proptest::prelude::*;

/// What `fixed::text` wrote with `to_string` and zero padding.
fn fixed_before(x: f64, decimals: usize) -> String {
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals as u32);
    let n = (x.abs() * scale as f64).round().min(u64::MAX as f64) as u64;
    let mut frac = format!("{:0width$}", n % scale, width = decimals);
    frac.truncate(frac.trim_end_matches('0').len());
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{sign}{}{dot}{frac}", n / scale)
}

proptest! {
    #[test]
    fn index_finds_each_keys_first_position(keys in proptest::collection::vec("[a-c]{0,2}", 0..40), probe in "[a-c]{0,2}") {
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let index = impactkit::unique::index(&mut refs.iter().copied());
        for key in refs.iter().copied().chain([probe.as_str()]) {
            prop_assert_eq!(index.get(key).copied(), refs.iter().position(|k| *k == key));
        }
    }

    #[test]
    fn hex_matches_format(r: u8, g: u8, b: u8, a: u8) {
        let expected = if a == 255 {
            format!("#{r:02x}{g:02x}{b:02x}")
        } else {
            format!("#{r:02x}{g:02x}{b:02x}{a:02x}")
        };
        prop_assert_eq!(Color { r, g, b, a }.hex(), expected);
    }

    #[test]
    fn fixed_text_matches_format(x in -1e15f64..1e15, decimals in 0usize..8) {
        prop_assert_eq!(fixed::text(x, decimals), fixed_before(x, decimals));
    }

    #[test]
    fn dates_match_format(year in 1900i32..2201, month in 1u32..13, day in 1u32..32) {
        let at = |tag: &str| Locale::from_tag(tag).unwrap().date(year, month, day);
        prop_assert_eq!(at("en"), format!("{month}/{day}/{year}"));
        prop_assert_eq!(at("de"), format!("{day}.{month}.{year}"));
        prop_assert_eq!(at("fr"), format!("{day:02}/{month:02}/{year}"));
        prop_assert_eq!(at("es"), format!("{day}/{month}/{year}"));
        prop_assert_eq!(at("ja"), format!("{year}/{month}/{day}"));
        let arabic: String = format!("{day}/{month}/{year}")
            .chars()
            .map(|c| c.to_digit(10).map_or(c, |d| char::from_u32(0x660 + d).unwrap()))
            .collect();
        prop_assert_eq!(at("ar"), arabic);
    }
}

#[test]
fn small_fractions_and_negative_zero() {
    for (x, d) in [
        (0.0, 0),
        (-0.0, 1),
        (0.05, 1),
        (-0.04, 1),
        (9.9996, 3),
        (1e15, 6),
        (0.000001, 6),
    ] {
        assert_eq!(fixed::text(x, d), fixed_before(x, d), "{x} {d}");
    }
}
