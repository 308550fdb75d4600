//! Reading a double as the decimal JSON wrote it: the shortest decimal that
//! round-trips (what `JSON.stringify` and every JSON writer print), found with
//! exact integer arithmetic on the double's bits and checked by the exact reader
//! ([`super::parse`]), so no float formatting tables.

use crate::limits::MAX_INPUT_DECIMALS;

/// The shortest decimal that reads back as the finite `x`, as units of
/// 10^-[`MAX_INPUT_DECIMALS`]; beyond those places, `x` rounded half up there.
/// Every double of magnitude ≥ 10⁻⁶ is read exactly; beyond ±1.7 · 10¹⁶ the units saturate.
pub(crate) fn shortest_units(x: f64) -> i128 {
    match few_places(x.abs()) {
        Some((units, places)) => {
            let units = i128::from(units) * 10i128.pow(MAX_INPUT_DECIMALS - places);
            if x < 0.0 {
                -units
            } else {
                units
            }
        }
        None => exact_units(x),
    }
}

/// [`shortest_units`] by exact integer arithmetic on `x`'s bits, for every double.
fn exact_units(x: f64) -> i128 {
    let magnitude = x.abs();
    let (units, places) = if magnitude >= 9_007_199_254_740_992.0 {
        // 2⁵³ and beyond: a whole number (saturated past 2¹²⁷).
        (i128::try_from(magnitude as u128).unwrap_or(i128::MAX), 0)
    } else {
        fraction(magnitude)
    };
    let units = (places..MAX_INPUT_DECIMALS).fold(units, |u, _| {
        if u > i128::MAX / 10 {
            i128::MAX
        } else {
            u * 10
        }
    });
    if x.is_sign_negative() {
        -units
    } else {
        units
    }
}

/// The shortest decimal of finite `x ≥ 0` in double arithmetic, when it has at most 8 places
/// and fewer than 2⁵¹ units of them (what amounts, shares and percentages are): the fast path
/// of [`shortest_units`], without 128-bit arithmetic.
///
/// Why it finds what [`fraction`] finds: at `p` places with `x · 10^p < 2⁵¹`, the interval of
/// decimals that round to `x` is narrower than half a unit (a double's spacing is at most
/// `x · 2⁻⁵²`), so at most one `p`-place decimal lies in it, within a quarter unit of `x · 10^p`;
/// the product is off by less than a quarter unit, so that decimal is one of the three integers
/// tried. `u / 10^p == x` (both exact doubles, the quotient correctly rounded) holds exactly
/// when the decimal rounds to `x`. The first `p` that has one is the shortest.
fn few_places(x: f64) -> Option<(u64, u32)> {
    const LIMIT: f64 = 2_251_799_813_685_248.0; // 2⁵¹
    if !crate::FAST_NUMBERS {
        return None;
    }
    let mut scale = 1.0;
    for places in 0..=8 {
        let scaled = x * scale;
        if scaled.is_nan() || scaled >= LIMIT {
            return None;
        }
        let nearest = (scaled + 0.5).floor();
        for units in [nearest, nearest - 1.0, nearest + 1.0] {
            if units >= 0.0 && units / scale == x {
                return Some((units as u64, places));
            }
        }
        scale *= 10.0;
    }
    None
}

/// Finite `0 ≤ x < 2⁵³` as `(units, places)`: for the fewest places, the integer nearest to
/// `x · 10^places` (ties up), or the one above it, that reads back as `x` (just above a power
/// of two the interval of `x` reaches further up than down); at [`MAX_INPUT_DECIMALS`] places,
/// the nearest.
fn fraction(x: f64) -> (i128, u32) {
    let bits = x.to_bits();
    let biased = (bits >> 52) as u32;
    let (mantissa, shift) = match biased {
        0 => (bits, 1074),
        _ => (
            bits & ((1 << 52) - 1) | 1 << 52,
            1075u32.saturating_sub(biased),
        ),
    };
    let mut power: u128 = 1;
    for places in 0..=MAX_INPUT_DECIMALS {
        // m < 2^53 and power ≤ 10^22 < 2^74: no overflow.
        let exact = u128::from(mantissa) * power;
        // `exact / 2^shift` rounded half up (0 past 128 bits).
        let nearest = match shift {
            0 => exact,
            _ => exact.checked_shr(shift - 1).map_or(0, |h| (h + 1) >> 1),
        };
        if places == MAX_INPUT_DECIMALS {
            return (nearest as i128, places);
        }
        for units in [nearest, nearest + 1] {
            let reads = u64::try_from(units).map(|u| super::parse::scaled(u, -i64::from(places)));
            if reads == Ok(x) {
                return (units as i128, places);
            }
        }
        power *= 10;
    }
    (0, 0)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fast_units(x: f64) -> Option<i128> {
        few_places(x.abs()).map(|(units, places)| {
            let units = i128::from(units) * 10i128.pow(MAX_INPUT_DECIMALS - places);
            if x < 0.0 {
                -units
            } else {
                units
            }
        })
    }

    proptest! {
        /// The double-arithmetic fast path finds what the exact search finds, for decimals
        /// as JSON writes them (up to 10 places, so some miss the fast path) and any bits.
        #[test]
        fn fast_path_is_exact(units in 0u64..(1 << 54), places in 0u32..=10, bits in any::<u64>(), negative in any::<bool>()) {
            let decimal = units as f64 / 10f64.powi(places as i32);
            let neighbours = [f64::from_bits(decimal.to_bits() + 1), f64::from_bits(decimal.to_bits().saturating_sub(1))];
            for x in [decimal, f64::from_bits(bits), neighbours[0], neighbours[1]] {
                let x = if negative { -x } else { x };
                if let (true, Some(fast)) = (x.is_finite(), fast_units(x)) {
                    prop_assert_eq!(fast, exact_units(x), "{}", x);
                }
            }
        }
    }

    #[test]
    #[cfg_attr(
        any(feature = "lean", feature = "lean-numbers"),
        ignore = "a lean build has no fast paths"
    )]
    fn fast_path_takes_amounts_and_shares() {
        for (x, units) in [
            (248.5, 2485),
            (0.1, 1),
            (0.3, 3),
            (0.0, 0),
            (1e8, 100_000_000),
        ] {
            assert!(fast_units(x).is_some(), "{x}");
            assert_eq!(shortest_units(x), exact_units(x));
            assert_eq!(shortest_units(-x), -exact_units(x));
            assert_eq!(few_places(x).map(|f| f.0), Some(units));
        }
        assert_eq!(few_places(0.1 + 0.2), None); // 17 significant digits
        assert_eq!(few_places(1e-9), None);
    }
}
