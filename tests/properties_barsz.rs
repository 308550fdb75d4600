//! What `impactkit/bars` was made smaller with still answers as before: tiers placed in one
//! pass pick what the sorted list picked, 128-bit quotients by 32-bit limbs are the quotients,
//! decimals convert back to the double their text reads as, and the shortest decimal of a
//! double is the one Rust prints.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::decimal::{Decimal, Display};
use impactkit::numbers::{div_rem_small, units_text};
use impactkit::tiers::{place, Tier};
use proptest::prelude::*;

/// A tier threshold: whole, decimal, tiny (some equal as 22-place decimals) or long.
fn threshold() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..2_000).prop_map(f64::from),
        (0u64..2_000_000).prop_map(|n| n as f64 / 1000.0),
        (1u32..5).prop_map(|n| f64::from(n) * 1e-23),
        (0.0f64..1e15),
    ]
}

/// The placement before it was one pass: sort by threshold, the reached ones are a prefix.
fn sorted_reference(mut tiers: Vec<Tier>, progress: f64) -> (Option<Tier>, Option<Tier>) {
    tiers.sort_unstable_by(|a, b| a.min_progress.total_cmp(&b.min_progress));
    let reached = tiers
        .iter()
        .take_while(|t| Decimal::from_f64(t.min_progress) <= Decimal::from_f64(progress))
        .count();
    let mut upper = tiers.split_off(reached);
    let next = (!upper.is_empty()).then(|| upper.remove(0));
    (tiers.pop(), next)
}

/// `units` of a [`Decimal`] (its `Debug` text: `Decimal { units: N }`).
fn units_of(d: Decimal) -> i128 {
    let text = format!("{d:?}");
    let digits = text
        .trim_start_matches("Decimal { units: ")
        .trim_end_matches(" }");
    digits.parse().expect("Decimal's Debug text")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn one_pass_places_like_the_sorted_list(
        starts in proptest::collection::vec(threshold(), 1..12),
        progress in threshold(),
    ) {
        let mut seen = Vec::new();
        let tiers: Vec<Tier> = starts
            .into_iter()
            .filter(|s| {
                let new = !seen.contains(&s.to_bits());
                seen.push(s.to_bits());
                new
            })
            .enumerate()
            .map(|(i, s)| Tier::new(&format!("t{i}"), s))
            .collect();
        let (current, next) = sorted_reference(tiers.clone(), progress);
        let got = place(tiers, progress, Display::default());
        prop_assert_eq!(got.current, current);
        prop_assert_eq!(got.next, next);
    }

    #[test]
    fn limb_division_is_the_quotient(n in any::<u128>(), d in 1u32..) {
        prop_assert_eq!(div_rem_small(n, d), (n / u128::from(d), (n % u128::from(d)) as u32));
    }

    #[test]
    fn differences_convert_to_the_double_their_text_reads_as(
        a in prop_oneof![0.0f64..1e15, 0.0f64..1e-3, (0u64..1u64 << 60).prop_map(|n| n as f64 / 1e6)],
        b in prop_oneof![0.0f64..1e15, 0.0f64..1e-3, (0u64..1u64 << 60).prop_map(|n| n as f64 / 1e6)],
    ) {
        let d = Decimal::from_f64(a) - Decimal::from_f64(b);
        let text = units_text(units_of(d));
        let expected: f64 = text.parse().expect("decimal text");
        prop_assert_eq!(d.to_f64().to_bits(), expected.to_bits(), "{}", text);
    }

    #[test]
    fn the_shortest_decimal_is_rusts(
        x in prop_oneof![
            (1000u64..1076, any::<u64>())
                .prop_map(|(e, f)| f64::from_bits(e << 52 | f & ((1 << 52) - 1))),
            (0u64..1 << 53, 0i32..23).prop_map(|(n, k)| n as f64 / 10f64.powi(k)),
        ]
    ) {
        prop_assume!((1e-6..1e16).contains(&x));
        prop_assert_eq!(units_text(units_of(Decimal::from_f64(x))), format!("{x}"));
    }
}
