//! Exact decimal arithmetic for percentages and remainders.
//!
//! Backends send `248.5` and `500`; in binary floating point
//! `248.5 / 500 * 100` is `49.699999999999996`, which rounds down to 49.6.
//! impactkit reads each number as the shortest decimal that round-trips
//! (what the JSON said) and does the division on integers, so 49.7 it is.

use crate::error::Result;
use crate::json::Json;
use crate::limits::{MAX_INPUT_DECIMALS, MAX_OUTPUT_DECIMALS};

/// 2^53: every integer below it is exact in an `f64`.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// How a percentage is rounded to its display decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Towards zero (default): 99.96 → 99.9, so 100 appears only when complete.
    #[default]
    Down,
    /// Half away from zero: 26.35 → 26.4 (but never 100 before completion).
    Nearest,
}

/// A decimal number `units / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    /// Reads a finite `f64` as the shortest decimal that round-trips to it.
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// assert_eq!(Decimal::from_f64(248.5).to_f64(), 248.5);
    /// assert!(Decimal::from_f64(f64::NAN) == Decimal::ZERO);
    /// ```
    pub fn from_f64(x: f64) -> Decimal {
        if !x.is_finite() {
            return Decimal::ZERO;
        }
        // Find the fewest decimals d such that some integer u has u / 10^d == x
        // exactly (IEEE division is correctly rounded, so this is the same test as
        // parsing the text "u·10^-d" back). No float formatting tables needed.
        let mut scale = 0;
        let mut power = 1.0;
        loop {
            let scaled = x * power;
            if scaled.abs() >= EXACT_INTEGER_LIMIT {
                // More significant digits than a float test can tell apart: take the
                // float's exact binary value, rounded at the decimal limit.
                return Decimal {
                    units: exact_units(x, MAX_INPUT_DECIMALS),
                    scale: MAX_INPUT_DECIMALS,
                }
                .normalized();
            }
            let nearest = scaled.round();
            for candidate in [nearest, nearest - 1.0, nearest + 1.0] {
                if candidate / power == x {
                    return Decimal::from_scaled(candidate, scale);
                }
            }
            if scale == MAX_INPUT_DECIMALS {
                return Decimal {
                    units: exact_units(x, scale),
                    scale,
                }
                .normalized();
            }
            scale += 1;
            power *= 10.0;
        }
    }

    fn from_scaled(units: f64, scale: u32) -> Decimal {
        Decimal {
            units: units as i128,
            scale,
        }
        .normalized()
    }

    /// Zero.
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    fn rescaled(self, scale: u32) -> i128 {
        self.units
            .saturating_mul(pow10(scale.saturating_sub(self.scale)))
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// The nearest `f64` (exact for values that came from `f64`).
    pub fn to_f64(self) -> f64 {
        // Both operands are exact below 2^53 and 10^22, and IEEE division rounds
        // correctly, so this is the double nearest to the decimal.
        let power = 10f64.powi(self.scale as i32);
        if (self.units.unsigned_abs() as f64) < EXACT_INTEGER_LIMIT {
            return self.units as f64 / power;
        }
        // Too many digits for one exact integer: whole part and fraction separately.
        let divisor = pow10(self.scale);
        (self.units / divisor) as f64 + (self.units % divisor) as f64 / power
    }
}

impl std::ops::Sub for Decimal {
    type Output = Decimal;

    /// `self − other`, exactly.
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// let r = Decimal::from_f64(500.0) - Decimal::from_f64(248.5);
    /// assert_eq!(r.to_f64(), 251.5);
    /// ```
    fn sub(self, other: Decimal) -> Decimal {
        let scale = self.scale.max(other.scale);
        Decimal {
            units: self.rescaled(scale).saturating_sub(other.rescaled(scale)),
            scale,
        }
        .normalized()
    }
}

/// `x · 10^scale`, rounded half away from zero, computed exactly from the
/// float's bits (`x = m · 2^e`). Saturates for magnitudes beyond i128.
fn exact_units(x: f64, scale: u32) -> i128 {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = (bits & ((1u64 << 52) - 1)) as i128;
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1i128 << 52), biased - 1075)
    };
    let scaled = mantissa.saturating_mul(pow10(scale));
    let magnitude = if exponent >= 0 {
        if exponent > 30 {
            i128::MAX
        } else {
            scaled.saturating_mul(1i128 << exponent)
        }
    } else {
        let shift = -exponent;
        if shift >= 126 {
            0
        } else {
            (scaled + (1i128 << (shift - 1))) >> shift
        }
    };
    if bits >> 63 == 1 {
        -magnitude
    } else {
        magnitude
    }
}

fn pow10(exp: u32) -> i128 {
    10i128.saturating_pow(exp)
}

fn format_units(units: i128, scale: u32) -> String {
    let negative = units < 0;
    let digits = units.unsigned_abs().to_string();
    let scale = scale as usize;
    let padded = if digits.len() <= scale {
        format!("{}{}", "0".repeat(scale + 1 - digits.len()), digits)
    } else {
        digits
    };
    let (int_part, frac_part) = padded.split_at(padded.len() - scale);
    let sign = if negative { "-" } else { "" };
    if frac_part.is_empty() {
        format!("{sign}{int_part}")
    } else {
        format!("{sign}{int_part}.{frac_part}")
    }
}

/// `part / whole × 100`, rounded to `decimals` places, capped to `0..=100`.
///
/// A share below the whole never shows 100 (rounding stops one step below),
/// and `whole` must be positive (callers validate it).
///
/// ```
/// use impactkit::decimal::{percentage, Rounding};
/// assert_eq!(percentage(248.5, 500.0, 1, Rounding::Down), 49.7);
/// assert_eq!(percentage(50.0, 190.0, 1, Rounding::Down), 26.3);
/// assert_eq!(percentage(99.96, 100.0, 1, Rounding::Nearest), 99.9);
/// assert_eq!(percentage(600.0, 500.0, 1, Rounding::Down), 100.0);
/// ```
pub fn percentage(part: f64, whole: f64, decimals: u32, rounding: Rounding) -> f64 {
    let decimals = decimals.min(MAX_OUTPUT_DECIMALS);
    let part = Decimal::from_f64(part);
    let whole = Decimal::from_f64(whole);
    if whole.units <= 0 || part.units <= 0 {
        return 0.0;
    }
    let scale = part.scale.max(whole.scale);
    let p = part.rescaled(scale);
    let w = whole.rescaled(scale);
    if p >= w {
        return 100.0;
    }
    let numerator = p.saturating_mul(pow10(2 + decimals));
    let mut q = match rounding {
        Rounding::Down => numerator / w,
        Rounding::Nearest => (numerator.saturating_mul(2).saturating_add(w)) / w.saturating_mul(2),
    };
    let full = 100 * pow10(decimals);
    if q >= full {
        q = full - 1;
    }
    Decimal {
        units: q,
        scale: decimals,
    }
    .to_f64()
}

/// Shows a number the way the JSON wrote it (for messages), without float
/// formatting machinery: `-500`, `248.5`, `0.000001`.
///
/// ```
/// assert_eq!(impactkit::decimal::show(-500.0), "-500");
/// assert_eq!(impactkit::decimal::show(248.5), "248.5");
/// assert_eq!(impactkit::decimal::show(f64::NAN), "NaN");
/// ```
pub fn show(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if x.abs() >= 1e21 {
        if x > 0.0 {
            "a number over 1e21"
        } else {
            "a number under -1e21"
        }
        .to_owned()
    } else {
        let d = Decimal::from_f64(x);
        format_units(d.units, d.scale)
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
            display.rounding = match r.one_of(&["down", "nearest"])? {
                0 => Rounding::Down,
                _ => Rounding::Nearest,
            };
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
            assert_eq!(format_units(d.units, d.scale), format!("{x}"), "{x}");
            assert_eq!(d.to_f64(), x);
        }
    }
}
