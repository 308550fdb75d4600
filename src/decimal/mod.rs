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
mod read;

pub use percent::{percentage, percentage_differs, progress, Progress};

/// Largest magnitude of aligned units: ten times it still fits an `i128`, and
/// every input (≤ 10¹⁵ at 22 decimals) fits it without rounding.
const ALIGNED_LIMIT: i128 = 10i128.pow(37);

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
        read::shortest(x)
    }

    fn new(units: i128, scale: u32) -> Decimal {
        Decimal { units, scale }.normalized()
    }

    /// Zero.
    pub const ZERO: Decimal = Decimal { units: 0, scale: 0 };

    #[inline(never)]
    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    /// The units at `scale`: exact when going finer (`None` past
    /// [`ALIGNED_LIMIT`]), rounded half away from zero when going coarser.
    #[inline(never)]
    fn at(self, scale: u32) -> Option<i128> {
        let mut units = self.units;
        if scale < self.scale {
            let divisor = pow10(self.scale - scale);
            units = (units + units.signum() * (divisor / 2)) / divisor;
        }
        for _ in self.scale..scale {
            if units.abs() > ALIGNED_LIMIT / 10 {
                return None;
            }
            units *= 10;
        }
        (units.abs() <= ALIGNED_LIMIT).then_some(units)
    }

    /// Both numbers in units of one scale: the finer of the two scales when
    /// that fits, else the finest that does (magnitudes beyond 10¹⁵ at 22
    /// decimals, i.e. large sums, lose their last digits there).
    #[inline(never)]
    fn align(self, other: Decimal) -> (i128, i128, u32) {
        let mut scale = self.scale.max(other.scale);
        loop {
            if let (Some(a), Some(b)) = (self.at(scale), other.at(scale)) {
                return (a, b, scale);
            }
            if scale == 0 {
                // Beyond every documented limit: saturate rather than fail.
                return (
                    self.units.signum() * ALIGNED_LIMIT,
                    other.units.signum() * ALIGNED_LIMIT,
                    0,
                );
            }
            scale -= 1;
        }
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// The nearest `f64` (ties to even): exact for values that came from `f64`.
    pub fn to_f64(self) -> f64 {
        if self.units.unsigned_abs() < 1 << 53 && self.scale <= 22 {
            // Both exact in binary, and IEEE division rounds correctly.
            return self.units as f64 / 10f64.powi(self.scale as i32);
        }
        // Longer decimals: the correctly rounded parse that reads JSON numbers.
        format_units(self.units, self.scale).parse().unwrap_or(0.0)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    /// Compares exactly (as decimals, not as the doubles they came from).
    fn cmp(&self, other: &Decimal) -> std::cmp::Ordering {
        let (a, b, _) = self.align(*other);
        a.cmp(&b)
    }
}

impl std::ops::Sub for Decimal {
    type Output = Decimal;

    /// `self − other`, exact within the input limits (add as `a - (ZERO - b)`).
    ///
    /// ```
    /// use impactkit::decimal::Decimal;
    /// let r = Decimal::from_f64(500.0) - Decimal::from_f64(248.5);
    /// assert_eq!(r.to_f64(), 251.5);
    /// let zero = Decimal::ZERO;
    /// let sum = Decimal::from_f64(0.1) - (zero - Decimal::from_f64(0.2));
    /// assert_eq!(sum, Decimal::from_f64(0.3));
    /// ```
    fn sub(self, other: Decimal) -> Decimal {
        let (a, b, scale) = self.align(other);
        Decimal::new(a - b, scale)
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
            let text: f64 = format_units(d.units, d.scale).parse().unwrap_or(f64::NAN);
            assert_eq!(text, x, "{x:e}");
            assert_eq!(format_units(d.units, d.scale), format!("{x}"), "{x:e}");
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
            assert_eq!(format_units(d.units, d.scale), format!("{x}"), "{x}");
            assert_eq!(d.to_f64(), x);
        }
    }
}
