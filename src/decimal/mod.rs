//! Exact decimal arithmetic for percentages and remainders.
//!
//! Backends send `248.5` and `500`; in binary floating point
//! `248.5 / 500 * 100` is `49.699999999999996`, which rounds down to 49.6.
//! impactkit reads each number as the shortest decimal that round-trips
//! (what the JSON said) and does the division on integers, so 49.7 it is.

use crate::error::Result;
use crate::json::Json;
#[cfg(doc)]
use crate::limits::MAX_INPUT_DECIMALS;
use crate::limits::MAX_OUTPUT_DECIMALS;

mod percent;
pub mod wide;

pub use crate::numbers::show;
use crate::numbers::{shortest_units, units_text};
pub use percent::{percentage, percentage_differs, progress, Progress};

/// Decimal places every [`Decimal`] holds: [`MAX_INPUT_DECIMALS`].
const SCALE: u32 = crate::limits::MAX_INPUT_DECIMALS;

/// `10^SCALE`, exact in an `f64` too (powers of ten are exact up to 10²²).
const ONE: i128 = 10i128.pow(SCALE);

/// How a percentage is rounded to its display decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Towards zero (default): 99.96 → 99.9, so 100 appears only when complete.
    #[default]
    Down,
    /// Half away from zero: 26.35 → 26.4 (but never 100 before completion).
    Nearest,
}

/// A decimal number with 22 places (`units / 10²²`): every input (at most
/// 10¹⁵) fits an `i128` exactly, so comparisons and differences are plain
/// integer arithmetic. Beyond ±1.7 · 10¹⁶ arithmetic saturates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Decimal {
    units: i128,
}

impl Decimal {
    /// Reads a finite `f64` as the shortest decimal that round-trips to it: the
    /// number as JSON wrote it. Exact for every double of magnitude ≥ 10⁻⁶;
    /// smaller ones are rounded at [`MAX_INPUT_DECIMALS`] places.
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// assert_eq!(Decimal::from_f64(248.5).to_f64(), 248.5);
    /// assert!(Decimal::from_f64(0.9999999999999999) < Decimal::from_f64(1.0));
    /// assert!(Decimal::from_f64(f64::NAN) == Decimal::ZERO);
    /// ```
    pub fn from_f64(x: f64) -> Decimal {
        if !x.is_finite() {
            return Decimal::ZERO;
        }
        Decimal {
            units: shortest_units(x),
        }
    }

    /// Zero.
    pub const ZERO: Decimal = Decimal { units: 0 };

    /// `self + other`, or `None` past ±1.7 · 10¹⁶ (sums of many inputs).
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// let s = Decimal::from_f64(0.1).checked_add(Decimal::from_f64(0.2));
    /// assert_eq!(s, Some(Decimal::from_f64(0.3)));
    /// ```
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        self.units
            .checked_add(other.units)
            .map(|units| Decimal { units })
    }

    /// The value in units of 10⁻²² (for writers that print it without float formatting).
    pub(crate) fn units(self) -> i128 {
        self.units
    }

    /// The value of `units` units of 10⁻²² (the inverse of [`Decimal::units`]).
    pub(crate) fn from_units(units: i128) -> Decimal {
        Decimal { units }
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// The nearest `f64` (ties to even): exact for values that came from `f64`.
    pub fn to_f64(self) -> f64 {
        if crate::FAST_NUMBERS {
            if let Some(x) = self.few_places_f64() {
                return x;
            }
        }
        // Trailing zeros off (251.5 is 2515 · 10⁻¹, not 2515 · 10²¹ · 10⁻²²).
        let (mut units, mut scale) = (self.units.unsigned_abs(), i64::from(SCALE));
        while scale > 0 {
            match crate::numbers::div_rem_small(units, 10) {
                (tenth, 0) => (units, scale) = (tenth, scale - 1),
                _ => break,
            }
        }
        // Exactly rounded as JSON numbers are read (one IEEE division below 2⁵³).
        let x = match u64::try_from(units) {
            Ok(m) => crate::numbers::scaled_f64(m, -scale),
            Err(_) => crate::numbers::parse_f64(&units_text(self.units)).abs(),
        };
        if self.units < 0 {
            -x
        } else {
            x
        }
    }
}

impl Decimal {
    /// [`Decimal::to_f64`] of a value with at most 8 places and fewer than 2⁵³ units of them
    /// (amounts, shares, percentages), in 64-bit arithmetic: one 128-bit division instead of one
    /// per trailing zero.
    fn few_places_f64(self) -> Option<f64> {
        const E14: i128 = 10i128.pow(SCALE - 8);
        if self.units % E14 != 0 {
            return None;
        }
        let mut units = i64::try_from(self.units / E14).ok()?;
        let mut scale = 8;
        while scale > 0 && units % 10 == 0 {
            (units, scale) = (units / 10, scale - 1);
        }
        // Both exact in binary, and IEEE division rounds correctly.
        (units.unsigned_abs() < 1 << 53).then(|| units as f64 / 10f64.powi(scale))
    }

    /// `self × other`, exact (digits past 22 places are cut towards zero), or `None` on overflow.
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// let v = Decimal::from_f64(1200.0).checked_mul(Decimal::from_f64(0.05));
    /// assert_eq!(v.map(Decimal::to_f64), Some(60.0));
    /// ```
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let (a, za) = strip_zeros(self.units);
        let (b, zb) = strip_zeros(other.units);
        let product = wide::checked_mul(a, b)?;
        let shift = za + zb;
        let units = if shift >= SCALE {
            (SCALE..shift).try_fold(product, |p, _| wide::checked_mul(p, 10))?
        } else {
            wide::div_trunc(product, 10i128.pow(SCALE - shift)).0
        };
        Some(Decimal { units })
    }

    /// The whole number `n`.
    ///
    /// ```
    /// assert_eq!(impactkit::decimal::Decimal::from_int(61).to_f64(), 61.0);
    /// ```
    pub fn from_int(n: i64) -> Decimal {
        Decimal {
            units: wide::checked_mul(i128::from(n), ONE).unwrap_or(match n < 0 {
                true => i128::MIN,
                false => i128::MAX,
            }),
        }
    }

    /// `⌊self / other⌋` for `other > 0` as a whole number (`None` when `other ≤ 0`).
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// assert_eq!(Decimal::from_f64(120.0).div_floor(Decimal::from_f64(50.0)), Some(2));
    /// assert_eq!(Decimal::from_f64(-0.5).div_floor(Decimal::from_f64(1.0)), Some(-1));
    /// ```
    pub fn div_floor(self, other: Decimal) -> Option<i128> {
        (other.units > 0).then(|| wide::div_floor(self.units, other.units).0)
    }

    /// `self / n` for a whole `n > 0`, cut towards zero at 22 places (`None` when `n ≤ 0`).
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// let third = Decimal::from_f64(0.3).div_int(3);
    /// assert_eq!(third.map(Decimal::to_f64), Some(0.1));
    /// ```
    pub fn div_int(self, n: i64) -> Option<Decimal> {
        (n > 0).then(|| Decimal {
            units: wide::div_trunc(self.units, i128::from(n)).0,
        })
    }

    /// `⌈self / other⌉` for `other > 0` as a whole number (`None` when `other ≤ 0`).
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// assert_eq!(Decimal::from_f64(61.0).div_ceil(Decimal::from_f64(0.05)), Some(1220));
    /// assert_eq!(Decimal::from_f64(1.0).div_ceil(Decimal::from_f64(0.3)), Some(4));
    /// ```
    pub fn div_ceil(self, other: Decimal) -> Option<i128> {
        let (floor, inexact) =
            (other.units > 0).then(|| wide::div_floor(self.units, other.units))?;
        if inexact {
            floor.checked_add(1)
        } else {
            Some(floor)
        }
    }
}

/// `units` as `(m, z)` with `units = m · 10^z` and `m` not a multiple of 10 (0 is `(0, 0)`).
fn strip_zeros(units: i128) -> (i128, u32) {
    let (mut magnitude, mut zeros) = (units.unsigned_abs(), 0);
    loop {
        let (tenth, digit) = crate::numbers::div_rem_small(magnitude, 10);
        if magnitude == 0 || digit != 0 {
            break;
        }
        (magnitude, zeros) = (tenth, zeros + 1);
    }
    // (At most the magnitude it came from: `i128::MIN` only if nothing was stripped.)
    let magnitude = magnitude as i128;
    (
        if units < 0 {
            magnitude.wrapping_neg()
        } else {
            magnitude
        },
        zeros,
    )
}

impl std::ops::Sub for Decimal {
    type Output = Decimal;

    /// `self − other`, exact within the input limits.
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// let r = Decimal::from_f64(500.0) - Decimal::from_f64(248.5);
    /// assert_eq!(r.to_f64(), 251.5);
    /// ```
    fn sub(self, other: Decimal) -> Decimal {
        Decimal {
            units: self.units.saturating_sub(other.units),
        }
    }
}

/// Display options shared by every percentage impactkit computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    /// Decimal places (0–6, default 1).
    pub decimals: u32,
    /// Rounding mode (default: down).
    pub rounding: Rounding,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            decimals: 1,
            rounding: Rounding::Down,
        }
    }
}

impl Display {
    /// Reads optional `decimals` (0–6) and `rounding` (`"down"` | `"nearest"`) fields.
    ///
    /// ```
    /// let v = serde_json::json!({"decimals": 2, "rounding": "nearest"});
    /// let v = impactkit::json::Node::from(&v);
    /// let d = impactkit::decimal::Display::from_json(&impactkit::json::Json::root(&v)).unwrap();
    /// assert_eq!(d.decimals, 2);
    /// ```
    pub fn from_json(input: &Json) -> Result<Display> {
        let mut display = Display::default();
        if let Some(d) = input.opt("decimals")? {
            display.decimals = d.integer_in(0, i64::from(MAX_OUTPUT_DECIMALS))? as u32;
        }
        if let Some(r) = input.opt("rounding")? {
            display.rounding =
                r.choice(&[("down", Rounding::Down), ("nearest", Rounding::Nearest)])?;
        }
        Ok(display)
    }

    /// `part / whole` as a percentage in this display.
    ///
    /// ```
    /// let d = impactkit::decimal::Display::default();
    /// assert_eq!(d.percent(248.5, 500.0), 49.7);
    /// ```
    pub fn percent(&self, part: f64, whole: f64) -> f64 {
        percentage(part, whole, self.decimals, self.rounding)
    }

    /// Percentage, remainder and completion of `current` towards `target`
    /// (> 0), from one reading of both numbers.
    ///
    /// ```
    /// let p = impactkit::decimal::Display::default().progress(189.99999999999997, 190.0);
    /// assert_eq!((p.percentage, p.is_completed), (99.9, false));
    /// ```
    pub fn progress(&self, current: f64, target: f64) -> Progress {
        self.progress_of(Decimal::from_f64(current), Decimal::from_f64(target))
    }

    /// [`Display::progress`] for numbers already read as decimals.
    pub fn progress_of(&self, current: Decimal, target: Decimal) -> Progress {
        progress(current, target, self.decimals, self.rounding)
    }
}

/// `a − b`, exact in decimal, never below zero.
///
/// ```
/// assert_eq!(impactkit::decimal::remaining(500.0, 248.5), 251.5);
/// assert_eq!(impactkit::decimal::remaining(500.0, 600.0), 0.0);
/// ```
pub fn remaining(target: f64, current: f64) -> f64 {
    let r = Decimal::from_f64(target) - Decimal::from_f64(current);
    if r.is_negative() {
        0.0
    } else {
        r.to_f64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_traps_come_out_exact() {
        assert_eq!(percentage(248.5, 500.0, 1, Rounding::Down), 49.7);
        assert_eq!(percentage(0.1 + 0.2, 1.0, 2, Rounding::Down), 30.0);
        assert_eq!(percentage(57.0, 100.0, 0, Rounding::Down), 57.0);
        assert_eq!(percentage(1.0, 3.0, 3, Rounding::Down), 33.333);
        assert_eq!(percentage(2.0, 3.0, 1, Rounding::Nearest), 66.7);
        assert_eq!(percentage(2.0, 3.0, 1, Rounding::Down), 66.6);
    }

    #[test]
    fn never_one_hundred_before_completion() {
        assert_eq!(percentage(99.96, 100.0, 1, Rounding::Down), 99.9);
        assert_eq!(
            percentage(999_999.0, 1_000_000.0, 0, Rounding::Nearest),
            99.0
        );
        assert_eq!(percentage(100.0, 100.0, 1, Rounding::Down), 100.0);
    }

    #[test]
    fn tiny_and_huge_values() {
        assert_eq!(percentage(1e-13, 1.0, 6, Rounding::Down), 0.0);
        assert_eq!(percentage(1.0, 1e15, 6, Rounding::Down), 0.0);
        assert_eq!(percentage(5e14, 1e15, 6, Rounding::Down), 50.0);
        assert_eq!(
            (Decimal::from_f64(1e15) - Decimal::from_f64(0.5)).to_f64(),
            999_999_999_999_999.5
        );
    }

    #[test]
    fn every_double_reads_as_its_shortest_text_and_back() {
        // Random bit patterns over the exact domain 1e-6 ..= 1e15, plus powers of two.
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut checked = 0;
        while checked < 200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x = f64::from_bits(seed >> 1);
            let x = if checked % 10 == 0 {
                f64::from_bits(seed >> 1 & !((1 << 52) - 1))
            } else {
                x
            };
            if !(1e-6..=1e15).contains(&x) {
                continue;
            }
            checked += 1;
            let d = Decimal::from_f64(x);
            let text: f64 = units_text(d.units).parse().unwrap_or(f64::NAN);
            assert_eq!(text, x, "{x:e}");
            assert_eq!(units_text(d.units), format!("{x}"), "{x:e}");
            assert_eq!(d.to_f64(), x, "{x:e}");
            assert_eq!((Decimal::ZERO - d).to_f64(), -x);
        }
    }

    #[test]
    fn shortest_decimal_agrees_with_rusts_own_formatting() {
        // Deterministic LCG over values with 0–6 decimals and magnitudes up to 1e9.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let decimals = (seed >> 60) as i32 % 7;
            let units = (seed >> 20) % 1_000_000_000_000;
            let x = units as f64 / 10f64.powi(decimals);
            let d = Decimal::from_f64(x);
            assert_eq!(units_text(d.units), format!("{x}"), "{x}");
            assert_eq!(d.to_f64(), x);
        }
    }
}
