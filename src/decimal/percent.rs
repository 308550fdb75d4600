//! Percentage, remainder and completion, all three from one reading of the
//! numbers, so that 100 % appears exactly when the goal is reached.

use super::{Decimal, Rounding};
use crate::limits::MAX_OUTPUT_DECIMALS;

/// Where `current` stands against `target`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// `current / target × 100`, rounded to the display decimals, 0–100;
    /// 100 exactly when `is_completed`.
    pub percentage: f64,
    /// `target − current`, exact in decimal, never below 0; above 0 exactly
    /// when not completed.
    pub remaining: f64,
    /// Whether `current ≥ target`.
    pub is_completed: bool,
}

/// Progress of `current` towards `target` (> 0), from one exact comparison.
///
/// ```
/// use impactkit::decimal::{progress, Decimal, Rounding};
/// let sum = (0..10).fold(0.0, |s, _| s + 0.1); // 0.9999999999999999
/// let p = progress(Decimal::from_f64(sum), Decimal::from_f64(1.0), 1, Rounding::Nearest);
/// assert_eq!((p.percentage, p.is_completed), (99.9, false));
/// assert!(p.remaining > 0.0);
/// ```
pub fn progress(current: Decimal, target: Decimal, decimals: u32, rounding: Rounding) -> Progress {
    let (c, t) = (current.units, target.units);
    if c >= t {
        return Progress {
            percentage: 100.0,
            remaining: 0.0,
            is_completed: true,
        };
    }
    let decimals = decimals.min(MAX_OUTPUT_DECIMALS);
    let percentage = if c <= 0 {
        0.0
    } else {
        // Below 10^8: exact in an f64, and the division rounds correctly.
        digits(c, t, decimals, rounding) as i64 as f64 / crate::numbers::pow10(decimals)
    };
    Progress {
        percentage,
        remaining: (target - current).to_f64(),
        is_completed: false,
    }
}

/// `part / whole × 10^(2 + decimals)` for `0 < part < whole`, capped one
/// step below 100 %.
fn digits(part: i128, whole: i128, decimals: u32, rounding: Rounding) -> i128 {
    let (mut quotient, rest) = divide(part, whole, 2 + decimals);
    if rounding == Rounding::Nearest && rest * 2 >= whole {
        quotient += 1;
    }
    quotient.min(100 * 10i128.pow(decimals) - 1)
}

/// `part · 10^places / whole` for `0 ≤ part < whole`, by long division (no
/// intermediate product can overflow, each quotient digit found by subtraction: no
/// 128-bit division): quotient and rest.
fn divide(part: i128, whole: i128, places: u32) -> (i128, i128) {
    let (mut part, mut whole) = (part.unsigned_abs(), whole.unsigned_abs());
    // (Only saturated sums come near i128::MAX; drop a digit of both then.)
    while whole > i128::MAX as u128 / 10 {
        (part, whole) = (div10(part), div10(whole));
    }
    let (mut quotient, mut rest) = (0u128, part);
    for _ in 0..places {
        rest *= 10;
        let mut digit = 0;
        while rest >= whole && digit < 10 {
            (rest, digit) = (rest - whole, digit + 1);
        }
        quotient = quotient * 10 + digit;
    }
    (quotient as i128, rest as i128)
}

/// `n / 10`.
fn div10(n: u128) -> u128 {
    crate::numbers::div_rem_small(n, 10).0
}

/// Whether `server` (a percentage a backend sent) is off from the exact
/// ratio `current / target × 100` (capped at 100) by one display step
/// (`10^-decimals`) or more, in either direction. Exact: no float error
/// decides it.
///
/// ```
/// use impactkit::decimal::{percentage_differs, Decimal};
/// let (c, t) = (Decimal::from_f64(248.5), Decimal::from_f64(500.0)); // 49.7 %
/// let off = |s: f64| percentage_differs(Decimal::from_f64(s), c, t, 1);
/// assert_eq!((off(49.6), off(49.8)), (true, true));
/// assert_eq!((off(49.61), off(49.79), off(49.7)), (false, false, false));
/// ```
pub fn percentage_differs(
    server: Decimal,
    current: Decimal,
    target: Decimal,
    decimals: u32,
) -> bool {
    let step = 10i128.pow(super::SCALE - decimals.min(MAX_OUTPUT_DECIMALS));
    let (c, t, s) = (current.units, target.units, server.units);
    // The ratio × 10^SCALE is `ratio` plus a fraction in [0, 1) (none when `rest` is 0).
    let (ratio, rest) = if c >= t {
        (100 * super::ONE, 0)
    } else {
        divide(c.max(0), t, 2 + super::SCALE)
    };
    // |s| ≤ 10³⁷ and step ≤ 10²²: no overflow.
    let (above, below) = (s - step, s + step);
    above > ratio || (above == ratio && rest == 0) || below <= ratio
}

/// `part / whole × 100`, rounded to `decimals` places, capped to `0..=100`:
/// the percentage of [`progress`] for two numbers as JSON wrote them.
///
/// ```
/// use impactkit::decimal::{percentage, Rounding};
/// assert_eq!(percentage(248.5, 500.0, 1, Rounding::Down), 49.7);
/// assert_eq!(percentage(50.0, 190.0, 1, Rounding::Down), 26.3);
/// assert_eq!(percentage(99.96, 100.0, 1, Rounding::Nearest), 99.9);
/// assert_eq!(percentage(600.0, 500.0, 1, Rounding::Down), 100.0);
/// ```
pub fn percentage(part: f64, whole: f64, decimals: u32, rounding: Rounding) -> f64 {
    if whole <= 0.0 || whole.is_nan() {
        return 0.0;
    }
    progress(
        Decimal::from_f64(part),
        Decimal::from_f64(whole),
        decimals,
        rounding,
    )
    .percentage
}
