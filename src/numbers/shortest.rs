//! Reading a double as the decimal JSON wrote it: the shortest decimal that
//! round-trips (what `JSON.stringify` and every JSON writer print), found with
//! exact integer arithmetic on the double's bits (no float formatting tables).

use crate::limits::MAX_INPUT_DECIMALS;

/// `x = mantissa · 2^exponent` exactly, with the sign apart.
fn parts(x: f64) -> (bool, u64, i32, bool) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let negative = bits >> 63 == 1;
    if biased == 0 {
        (negative, fraction, -1074, false)
    } else {
        // The gap below a power of two is half the gap above it.
        let narrow_below = fraction == 0 && biased > 1;
        (
            negative,
            fraction | (1u64 << 52),
            biased - 1075,
            narrow_below,
        )
    }
}

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
    let (negative, mantissa, exponent, narrow_below) = parts(x);
    let (units, scale) = if exponent >= 0 {
        // A whole number.
        let whole = i128::from(mantissa)
            .checked_shl(exponent.unsigned_abs())
            .filter(|u| u >> exponent.unsigned_abs() == i128::from(mantissa));
        (whole.unwrap_or(i128::MAX), 0)
    } else {
        fraction(mantissa, exponent.unsigned_abs(), narrow_below)
    };
    let units = units.saturating_mul(10i128.pow(MAX_INPUT_DECIMALS - scale));
    if negative {
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
    if !crate::FAST_PATHS {
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

/// `mantissa / 2^shift` as the shortest decimal inside its rounding interval,
/// `(4m − below, 4m + 2) / 2^(shift+2)` with its ends included when `m` is even
/// (ties go to the even mantissa); `below` is 1 just above a power of two.
fn fraction(mantissa: u64, shift: u32, narrow_below: bool) -> (i128, u32) {
    let below = if narrow_below { 1 } else { 2 };
    let mut power: u128 = 1;
    for scale in 0..=MAX_INPUT_DECIMALS {
        // m < 2^53 and power ≤ 10^22 < 2^74: no overflow.
        let exact = u128::from(mantissa) * power;
        // `exact / 2^shift` rounded half up (shift ≥ 1; 0 past 128 bits).
        let nearest = exact.checked_shr(shift - 1).map_or(0, |h| (h + 1) >> 1);
        if shift < 120 && exact < 1 << 124 {
            let (low, high) = (4 * exact - below * power, 4 * exact + 2 * power);
            // Just above a power of two the integer above may fit where the nearest does not.
            for units in [nearest, nearest + 1] {
                let at = units << (shift + 2);
                let inside = if mantissa % 2 == 0 {
                    low <= at && at <= high
                } else {
                    low < at && at < high
                };
                if inside {
                    return (units as i128, scale);
                }
            }
        }
        if scale == MAX_INPUT_DECIMALS {
            return (nearest as i128, scale);
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
    #[cfg_attr(feature = "lean", ignore = "a lean build has no fast paths")]
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
