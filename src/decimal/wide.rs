//! 128-bit division and checked multiplication without compiler_builtins' general routines
//! (`__divti3`, `__rust_i128_mulo`: ~1.6 KB of wasm, ~0.75 KB gzip, in each module that divides
//! decimals). The decimals' divisors are few and their quotients small, so long division by
//! shifts and subtractions costs nothing that shows. The full build (`FOR_SPEED`) keeps `i128`'s
//! own operations.

/// `a / b` and `a % b` (for `b = 0`: `(0, a)`), by binary long division.
///
/// ```
/// use impactkit::decimal::wide::div_rem;
/// assert_eq!(div_rem(u128::MAX, 7), (u128::MAX / 7, u128::MAX % 7));
/// assert_eq!(div_rem(5, 9), (0, 5));
/// ```
pub fn div_rem(a: u128, b: u128) -> (u128, u128) {
    if b == 0 || a < b {
        return (0, a);
    }
    // The divisor's top bit moved under the dividend's, then one quotient bit per step down.
    let shift = b.leading_zeros() - a.leading_zeros();
    let (mut quotient, mut rest, mut divisor) = (0u128, a, b << shift);
    for _ in 0..=shift {
        quotient <<= 1;
        if rest >= divisor {
            rest -= divisor;
            quotient |= 1;
        }
        divisor >>= 1;
    }
    (quotient, rest)
}

/// `x` as the nearest double, ties to even (as `x as f64`, without compiler_builtins' conversion
/// in the builds for size).
///
/// ```
/// use impactkit::decimal::wide::to_f64;
/// assert_eq!((to_f64(-5), to_f64(i128::MIN)), (-5.0, -(2f64.powi(127))));
/// assert_eq!(to_f64((1 << 80) + (1 << 27) + 1), 2f64.powi(80) + 2f64.powi(28));
/// ```
pub fn to_f64(x: i128) -> f64 {
    if crate::FOR_SPEED {
        return x as f64;
    }
    halves_to_f64(x)
}

/// [`to_f64`]: the top 64 bits of the magnitude, the lowest of them marking any bits below
/// (they can only break a tie), converted in one instruction and scaled by a power of two.
fn halves_to_f64(x: i128) -> f64 {
    let magnitude = x.unsigned_abs();
    let shift = 64u32.saturating_sub(magnitude.leading_zeros());
    let top = (magnitude >> shift) as u64 | u64::from(magnitude & ((1 << shift) - 1) != 0);
    // 2^shift, shift ≤ 64: an exact power of two.
    let scaled = top as f64 * f64::from_bits(u64::from(1023 + shift) << 52);
    if x < 0 {
        -scaled
    } else {
        scaled
    }
}

/// `x` towards zero, within `i128`'s range, NaN as 0 (as `x as i128`, without compiler_builtins'
/// conversion: below 2^63, the usual case, one wasm instruction through `i64`).
///
/// ```
/// use impactkit::decimal::wide::from_f64;
/// assert_eq!((from_f64(-2.9), from_f64(1e20), from_f64(-1e40)), (-2, 100_000_000_000_000_000_000, i128::MIN));
/// ```
pub fn from_f64(x: f64) -> i128 {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    const TWO_127: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    let magnitude = x.abs();
    if magnitude.is_nan() || magnitude < TWO_63 {
        return x as i64 as i128;
    }
    if magnitude >= TWO_127 {
        return if x < 0.0 { i128::MIN } else { i128::MAX };
    }
    // A whole number 2^63 ≤ m < 2^127: its 53-bit significand shifted left by 11 to 74.
    let bits = magnitude.to_bits();
    let shift = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let whole = (((bits & ((1 << 52) - 1)) | (1 << 52)) as i128) << shift;
    if x < 0.0 {
        -whole
    } else {
        whole
    }
}

/// `a / b` rounded towards zero and whether it left a remainder, for `b > 0` (as `i128`'s `/`).
pub fn div_trunc(a: i128, b: i128) -> (i128, bool) {
    if crate::FOR_SPEED {
        return (a.wrapping_div(b), a.wrapping_rem(b) != 0);
    }
    long_div_trunc(a, b)
}

/// [`div_trunc`] by [`div_rem`].
fn long_div_trunc(a: i128, b: i128) -> (i128, bool) {
    let (quotient, rest) = div_rem(a.unsigned_abs(), b.unsigned_abs());
    let quotient = quotient as i128;
    let quotient = if (a < 0) != (b < 0) {
        quotient.wrapping_neg()
    } else {
        quotient
    };
    (quotient, rest != 0)
}

/// `⌊a / b⌋` and whether it left a remainder, for `b > 0` (as `i128::div_euclid`).
pub(super) fn div_floor(a: i128, b: i128) -> (i128, bool) {
    let (quotient, inexact) = div_trunc(a, b);
    match a < 0 && inexact {
        true => (quotient.wrapping_sub(1), inexact),
        false => (quotient, inexact),
    }
}

/// `a · b`, or `None` when it does not fit an `i128` (as `i128::checked_mul`).
///
/// ```
/// use impactkit::decimal::wide::checked_mul;
/// assert_eq!(checked_mul(-3, 1 << 100), Some(-3 << 100));
/// assert_eq!(checked_mul(i128::MIN, -1), None);
/// assert_eq!(checked_mul(i128::MIN, 1), Some(i128::MIN));
/// ```
pub fn checked_mul(a: i128, b: i128) -> Option<i128> {
    if crate::FOR_SPEED {
        return a.checked_mul(b);
    }
    halves_checked_mul(a, b)
}

/// `a · b`, or the end of `i128`'s range it passes (as `i128::saturating_mul`).
///
/// ```
/// use impactkit::decimal::wide::saturating_mul;
/// assert_eq!(saturating_mul(-3, 1 << 100), -3 << 100);
/// assert_eq!((saturating_mul(i128::MAX, -2), saturating_mul(i128::MIN, -1)), (i128::MIN, i128::MAX));
/// ```
pub fn saturating_mul(a: i128, b: i128) -> i128 {
    checked_mul(a, b).unwrap_or(if (a < 0) != (b < 0) {
        i128::MIN
    } else {
        i128::MAX
    })
}

/// [`checked_mul`] from 64-bit halves.
fn halves_checked_mul(a: i128, b: i128) -> Option<i128> {
    let magnitude = checked_mul_u128(a.unsigned_abs(), b.unsigned_abs())?;
    if (a < 0) != (b < 0) {
        // (−2^127 is the one magnitude without a positive twin.)
        (magnitude <= i128::MIN.unsigned_abs()).then(|| (magnitude as i128).wrapping_neg())
    } else {
        i128::try_from(magnitude).ok()
    }
}

/// `a · b`, or `None` past `u128::MAX`, from 64-bit halves.
fn checked_mul_u128(a: u128, b: u128) -> Option<u128> {
    let (a_high, a_low) = ((a >> 64) as u64, a as u64);
    let (b_high, b_low) = ((b >> 64) as u64, b as u64);
    if a_high != 0 && b_high != 0 {
        return None;
    }
    // One of the two cross terms is 0.
    let cross = u128::from(a_high) * u128::from(b_low) + u128::from(a_low) * u128::from(b_high);
    if cross >> 64 != 0 {
        return None;
    }
    (u128::from(a_low) * u128::from(b_low)).checked_add(cross << 64)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Small, large and edge magnitudes of both signs.
    fn wide() -> impl Strategy<Value = i128> {
        prop_oneof![
            any::<i128>(),
            any::<i64>().prop_map(i128::from),
            (0u32..127, any::<bool>()).prop_map(|(bits, neg)| {
                let x = 1i128 << bits;
                if neg {
                    -x
                } else {
                    x
                }
            }),
            prop_oneof![Just(i128::MIN), Just(i128::MAX), Just(0), Just(1), Just(-1)],
        ]
    }

    /// The ends of the conversions' ranges.
    #[test]
    fn doubles_at_the_ends_convert_as_the_standard_ones() {
        let two_127 = 2f64.powi(127);
        let ends = [
            two_127,
            -two_127,
            2f64.powi(63),
            -(2f64.powi(63)),
            2f64.powi(63) - 1024.0,
        ];
        let more = [
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -0.0,
            0.5,
        ];
        for x in ends
            .into_iter()
            .chain(more)
            .chain([two_127 * (1.0 - f64::EPSILON / 2.0)])
        {
            assert_eq!(from_f64(x), x as i128, "{x}");
            assert_eq!(from_f64(-x), -x as i128, "{x}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// The long division and the multiplication by halves (what the modules built for
        /// size run) agree with `i128`'s own operations bit for bit.
        #[test]
        fn as_the_standard_operations(a in wide(), b in wide()) {
            prop_assert_eq!(halves_checked_mul(a, b), a.checked_mul(b));
            prop_assert_eq!(saturating_mul(a, b), a.saturating_mul(b));
            prop_assert_eq!(halves_to_f64(a), a as f64);
            prop_assert_eq!(to_f64(a), a as f64);
            for x in [a as f64, a as f64 * 1.5, a as f64 / 3e9, f64::from_bits(a as u64)] {
                prop_assert_eq!(from_f64(x), x as i128, "{}", x);
            }
            let (ua, ub) = (a.unsigned_abs(), b.unsigned_abs());
            if ub != 0 {
                prop_assert_eq!(div_rem(ua, ub), (ua / ub, ua % ub));
            }
            if b > 0 {
                prop_assert_eq!(div_floor(a, b), (a.div_euclid(b), a.rem_euclid(b) != 0));
                prop_assert_eq!(long_div_trunc(a, b), (a.wrapping_div(b), a.wrapping_rem(b) != 0));
            }
        }
    }
}
