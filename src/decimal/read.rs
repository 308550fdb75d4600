//! Reading a double as the decimal JSON wrote it: the shortest decimal that
//! round-trips (what `JSON.stringify` and every JSON writer print), found with
//! exact integer arithmetic on the double's bits (no float formatting tables).

use super::Decimal;
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

/// The shortest decimal `units / 10^scale` (scale ≤ [`MAX_INPUT_DECIMALS`])
/// that reads back as `x`; beyond that scale, `x` rounded half away from zero
/// at [`MAX_INPUT_DECIMALS`] places. Every double of magnitude ≥ 10⁻⁶ (and
/// below 2^53) is read exactly.
pub(super) fn shortest(x: f64) -> Decimal {
    let (negative, mantissa, exponent, narrow_below) = parts(x);
    let magnitude = if mantissa == 0 {
        Decimal::ZERO
    } else if exponent >= 0 {
        // A whole number; within the input limits the shift cannot overflow.
        let units = i128::from(mantissa)
            .checked_shl(exponent.unsigned_abs())
            .filter(|u| u >> exponent.unsigned_abs() == i128::from(mantissa))
            .unwrap_or(i128::MAX);
        Decimal { units, scale: 0 }
    } else {
        fraction(mantissa, exponent.unsigned_abs(), narrow_below)
    };
    if negative {
        Decimal::ZERO - magnitude
    } else {
        magnitude
    }
}

/// `mantissa / 2^shift` as the shortest decimal inside its rounding interval.
fn fraction(mantissa: u64, shift: u32, narrow_below: bool) -> Decimal {
    let m = u128::from(mantissa);
    for scale in 0..=MAX_INPUT_DECIMALS {
        let power = 10u128.pow(scale);
        let Some(found) = round_trip_at(m, shift, narrow_below, power) else {
            break;
        };
        if let Some(units) = found {
            return Decimal::new(units as i128, scale);
        }
    }
    Decimal::new(
        rounded(m, shift, 10u128.pow(MAX_INPUT_DECIMALS)) as i128,
        MAX_INPUT_DECIMALS,
    )
}

/// `m · power / 2^shift` rounded half up (0 when the shift is beyond u128).
fn rounded(m: u128, shift: u32, power: u128) -> u128 {
    let scaled = m.saturating_mul(power);
    if shift >= 128 {
        return 0;
    }
    let half = 1u128 << (shift - 1);
    (scaled >> shift) + u128::from(scaled & ((half << 1) - 1) >= half)
}

/// At `10^scale = power`: `Some(Some(units))` when the integer nearest to
/// `x · power` reads back as `x`, `Some(None)` when it does not, `None` when
/// the test no longer fits in 128 bits. The rounding interval of
/// `x = m / 2^shift` is `(4m − below, 4m + 2) / 2^(shift+2)`, its ends included
/// when `m` is even (ties go to the even mantissa).
fn round_trip_at(m: u128, shift: u32, narrow_below: bool, power: u128) -> Option<Option<u128>> {
    if shift + 2 >= 128 {
        return None;
    }
    let nearest = rounded(m, shift, power);
    let below = if narrow_below { 1 } else { 2 };
    let low = (4 * m - below).checked_mul(power)?;
    let high = (4 * m + 2).checked_mul(power)?;
    // With the narrow gap below a power of two, the integer above may fit
    // where the nearest (below) does not.
    for units in [nearest, nearest + 1] {
        let at = units
            .checked_shl(shift + 2)
            .filter(|a| a >> (shift + 2) == units)?;
        let inside = if m % 2 == 0 {
            low <= at && at <= high
        } else {
            low < at && at < high
        };
        if inside {
            return Some(Some(units));
        }
    }
    Some(None)
}
