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
