//! Decimal text → the nearest `f64` (ties to even), without the standard
//! library's parser: its Eisel–Lemire table of 128-bit powers of five alone is
//! 10 KB of a module that reads a handful of numbers. Short numbers (what JSON
//! writers print: < 2⁵³ and exponents within ±22) take one IEEE operation; the rest
//! are decided by a few exact comparisons on big integers near a floating-point estimate.

use super::big::{Big, Scaled};
use std::cmp::Ordering;

/// Significant digits that decide any `f64`: a double or a midpoint between two has
/// at most 767, so the digits after these only count as "something more".
const MAX_DIGITS: usize = 800;

/// `10^0 ..= 10^22`, exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `10^n`, exact for `n ≤ 22` (a table lookup, not `powi`'s loop); beyond, infinity.
///
/// ```
/// assert_eq!(impactkit::numbers::pow10(6), 1e6);
/// ```
pub fn pow10(n: u32) -> f64 {
    POW10.get(n as usize).copied().unwrap_or(f64::INFINITY)
}

/// The number `text` (JSON number syntax, already checked) denotes, rounded to the
/// nearest `f64`: `±Infinity` beyond the largest double, `±0` below the smallest.
///
/// ```
/// use impactkit::numbers::parse_f64;
/// assert_eq!(parse_f64("248.5"), 248.5);
/// assert_eq!(parse_f64("0.30000000000000004"), 0.1 + 0.2);
/// assert_eq!(parse_f64("-12.25e-3"), -0.01225);
/// assert_eq!(parse_f64("1e400"), f64::INFINITY);
/// ```
pub fn parse_f64(text: &str) -> f64 {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let magnitude = Digits::read(body.as_bytes()).value();
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// A decimal number as `str::parse::<f64>` reads one (`+1`, `1.`, `.5`, `1e-3`;
/// not `inf` or `nan`), rounded to the nearest `f64`; `None` when it is not one.
///
/// ```
/// use impactkit::numbers::parse_decimal;
/// assert_eq!(parse_decimal("+.5e1"), Some(5.0));
/// assert_eq!(parse_decimal("1."), Some(1.0));
/// assert_eq!(parse_decimal("1e"), None);
/// assert_eq!(parse_decimal("."), None);
/// ```
pub fn parse_decimal(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let bytes = body.as_bytes();
    let digits = |from: usize| {
        bytes
            .iter()
            .skip(from)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let whole = digits(0);
    let mut end = whole;
    let mut fraction = 0;
    if bytes.get(end) == Some(&b'.') {
        fraction = digits(end + 1);
        end += 1 + fraction;
    }
    if whole + fraction == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(end) {
        let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
        let exponent = digits(end + 1 + sign);
        if exponent == 0 {
            return None;
        }
        end += 1 + sign + exponent;
    }
    if end != bytes.len() {
        return None;
    }
    let magnitude = Digits::read(bytes).value();
    Some(if text.starts_with('-') {
        -magnitude
    } else {
        magnitude
    })
}

/// A decimal number's significant digits: `digits · 10^exponent`.
struct Digits<'t> {
    /// The mantissa's digits (integer and fraction part, the point skipped).
    text: &'t [u8],
    /// The first up to 19 significant digits as an integer.
    leading: u64,
    /// How many significant digits there are (from the first non-zero one).
    count: i64,
    /// Whether a non-zero digit lies beyond the first 19 significant ones.
    inexact: bool,
    /// Exponent of the last digit of `leading`.
    exponent: i64,
    /// The exponent written after `e` (0 without one).
    explicit: i64,
}

impl<'t> Digits<'t> {
    fn read(body: &'t [u8]) -> Digits<'t> {
        let end = body
            .iter()
            .position(|&b| b == b'e' || b == b'E')
            .unwrap_or(body.len());
        let (mantissa, exponent_text) = body.split_at(end);
        let explicit = exponent_of(exponent_text.get(1..).unwrap_or_default());
        let mut digits = Digits {
            text: mantissa,
            leading: 0,
            count: 0,
            inexact: false,
            exponent: explicit,
            explicit,
        };
        let mut point_seen = false;
        for &b in mantissa {
            if b == b'.' {
                point_seen = true;
                continue;
            }
            let digit = u64::from(b.wrapping_sub(b'0'));
            if point_seen {
                digits.exponent -= 1;
            }
            if digits.count == 0 && digit == 0 {
                continue;
            }
            digits.count += 1;
            if digits.count <= 19 {
                digits.leading = digits.leading * 10 + digit;
            } else {
                // The digit moves the exponent of `leading` instead.
                digits.exponent += 1;
                digits.inexact |= digit != 0;
            }
        }
        digits
    }

    fn value(&self) -> f64 {
        if self.leading == 0 {
            return 0.0;
        }
        if !self.inexact {
            return scaled(self.leading, self.exponent);
        }
        match self.magnitude(self.count.min(19)) {
            Some(x) => x,
            None => {
                let (digits, exponent) = self.big();
                nearest(
                    &Scaled::new(digits, exponent),
                    estimate(self.leading, self.exponent),
                )
            }
        }
    }

    /// `±Infinity` or 0 when the value, `leading · 10^exponent` with `count` digits in
    /// `leading`, lies beyond every double (or below half the smallest one); `None` otherwise.
    fn magnitude(&self, count: i64) -> Option<f64> {
        // The value lies in [10^(magnitude - 1), 10^magnitude).
        let magnitude = self.exponent + count;
        if magnitude > 310 {
            Some(f64::INFINITY)
        } else if magnitude < -324 {
            Some(0.0)
        } else {
            None
        }
    }

    /// Every significant digit (up to [`MAX_DIGITS`], then a 1 for the rest) as a
    /// big integer with its exponent.
    fn big(&self) -> (Big, i64) {
        let mut big = Big::default();
        let mut pending = (0u64, 1u64); // digits not yet in `big`, 10^their count
        let (mut taken, mut exponent, mut rest_nonzero) = (0usize, 0i64, false);
        let mut point_seen = false;
        for &b in self.text {
            if b == b'.' {
                point_seen = true;
                continue;
            }
            let digit = u64::from(b.wrapping_sub(b'0'));
            if point_seen {
                exponent -= 1;
            }
            if taken == 0 && digit == 0 {
                continue;
            }
            if taken == MAX_DIGITS {
                exponent += 1;
                rest_nonzero |= digit != 0;
                continue;
            }
            taken += 1;
            pending = (pending.0 * 10 + digit, pending.1 * 10);
            if pending.1 == 10_000_000_000_000_000_000 {
                big.mul_add(pending.1, pending.0);
                pending = (0, 1);
            }
        }
        big.mul_add(pending.1, pending.0);
        if rest_nonzero {
            big.mul_add(10, 1);
            exponent -= 1;
        }
        (big, exponent + self.explicit)
    }
}

/// `m · 10^e` (`m ≥ 1`) rounded to the nearest double, ties to even: one IEEE operation
/// when `m < 2^53` and `|e| ≤ 22` (both operands exact, what JSON writers print),
/// else exact comparisons on big integers near the floating-point estimate.
///
/// ```
/// assert_eq!(impactkit::numbers::parse_f64("9007199254740993"), 9007199254740992.0);
/// ```
pub(crate) fn scaled(m: u64, e: i64) -> f64 {
    if m == 0 {
        return 0.0;
    }
    if m < 1 << 53 {
        if let Some(x) = estimate(m, e) {
            return x;
        }
    }
    let digits = Digits {
        text: &[],
        leading: m,
        count: i64::from(m.ilog10()) + 1,
        inexact: false,
        exponent: e,
        explicit: e,
    };
    if let Some(x) = digits.magnitude(digits.count) {
        return x;
    }
    let mut big = Big::default();
    big.mul_add(1, m);
    nearest(&Scaled::new(big, e), estimate(m, e))
}

/// `m · 10^e` in floating point for `|e| ≤ 22` (two roundings at most: within an ulp of
/// the value, and exactly rounded when `m < 2^53`); `None` for other exponents.
fn estimate(m: u64, e: i64) -> Option<f64> {
    // (No `as usize`: on wasm32 it would wrap an exponent of 2³² to 0.)
    let power = *POW10.get(usize::try_from(e.unsigned_abs()).ok()?)?;
    Some(if e < 0 {
        m as f64 / power
    } else {
        m as f64 * power
    })
}

/// The double nearest to `value` (ties to even) by bisection over the (ordered) bit
/// patterns of the positive doubles, each step one exact comparison; started a few
/// ulps around `estimate` when the comparisons confirm that it lies there.
fn nearest(value: &Scaled, estimate: Option<f64>) -> f64 {
    let at = |bits: u64| {
        let (m, e) = binary(bits);
        value.cmp(m, e)
    };
    // Invariant: the double of `below` ≤ value < the double of `above`.
    let (mut below, mut above) = (0u64, f64::INFINITY.to_bits());
    if let Some(x) = estimate {
        let bits = x.to_bits();
        let (low, high) = (bits.saturating_sub(4), bits.saturating_add(4));
        if at(low) != Ordering::Less {
            below = low;
        }
        if high < above && at(high) == Ordering::Less {
            above = high;
        }
    }
    while above - below > 1 {
        let middle = below + (above - below) / 2;
        if at(middle) == Ordering::Less {
            above = middle;
        } else {
            below = middle;
        }
    }
    // `below` is the largest double ≤ value; the midpoint to the next decides.
    let (m, e) = binary(below);
    let up = match value.cmp(2 * m + 1, e - 1) {
        Ordering::Less => false,
        Ordering::Greater => true,
        Ordering::Equal => m % 2 == 1,
    };
    f64::from_bits(below + u64::from(up))
}

/// The exponent after `e`, saturated far beyond any double's range.
fn exponent_of(text: &[u8]) -> i64 {
    let (sign, digits) = match text.first() {
        Some(b'-') => (-1, text.get(1..).unwrap_or_default()),
        Some(b'+') => (1, text.get(1..).unwrap_or_default()),
        _ => (1, text),
    };
    let magnitude = digits.iter().fold(0i64, |n, &b| {
        (n * 10 + i64::from(b.wrapping_sub(b'0'))).min(1 << 40)
    });
    sign * magnitude
}

/// A positive double's bits as `m · 2^e` (subnormals included).
pub(super) fn binary(bits: u64) -> (u64, i64) {
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}
