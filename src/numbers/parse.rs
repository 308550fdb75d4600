//! Decimal text → the nearest `f64` (ties to even), without the standard
//! library's parser: its Eisel–Lemire table of 128-bit powers of five alone is
//! 10 KB of a module that reads a handful of numbers. Short numbers (what JSON
//! writers print: ≤ 19 significant digits, exponents within ±27) are exact in
//! `u128` arithmetic; the rest are decided by exact comparisons on big integers.

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
            if let Some(x) = short(self.leading, self.exponent) {
                return x;
            }
        }
        // The value lies in [10^(magnitude - 1), 10^magnitude).
        let magnitude = self.exponent + self.count.min(19);
        if magnitude > 310 {
            return f64::INFINITY;
        }
        if magnitude < -324 {
            return 0.0; // below half the smallest subnormal
        }
        self.exact()
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

    /// The nearest double by bisection over the (ordered) bit patterns of the
    /// positive doubles, each step one exact comparison.
    fn exact(&self) -> f64 {
        let (digits, exponent) = self.big();
        let value = Scaled::new(digits, exponent);
        let (mut below, mut above) = (0u64, f64::INFINITY.to_bits());
        while above - below > 1 {
            let middle = below + (above - below) / 2;
            let (m, e) = binary(middle);
            if value.cmp(m, e) == Ordering::Less {
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

/// `m · 10^e` for `m ≥ 1` and `|e| ≤ 27`, exactly rounded (`None` for other `e`):
/// `m · 5^e` fits in 128 bits, and so does a quotient by `5^-e` with 64 significant
/// bits and a remainder.
pub(crate) fn short(m: u64, e: i64) -> Option<f64> {
    if m < 1 << 53 && (-22..=22).contains(&e) {
        // Both operands exact: one correctly rounded IEEE operation.
        let power = POW10.get(e.unsigned_abs() as usize).copied().unwrap_or(1.0);
        return Some(if e < 0 {
            m as f64 / power
        } else {
            m as f64 * power
        });
    }
    if (-21..0).contains(&e) {
        return Some(divided(m, e.unsigned_abs() as usize));
    }
    if !(-27..=27).contains(&e) {
        return None;
    }
    let five = 5u128.pow(e.unsigned_abs() as u32);
    if e >= 0 {
        // `as` rounds to nearest, ties to even; times 2^e is exact.
        return Some((u128::from(m) * five) as f64 * power_of_two(e as i32));
    }
    let shift = u128::from(m).leading_zeros() - 1;
    let scaled = u128::from(m) << shift;
    let (quotient, sticky) = (scaled / five, scaled % five != 0);
    Some(round(quotient, sticky, e as i32 - shift as i32))
}

/// `m / 10^k` for `k ≤ 21`: the quotient of the two nearest doubles is within two
/// ulps of it, and exact comparisons with the midpoints around it (128-bit products,
/// no 128-bit division, which wasm lacks) move it to the nearest double.
fn divided(m: u64, k: usize) -> f64 {
    let power = POW10.get(k).copied().unwrap_or(1.0);
    let mut x = m as f64 / power;
    // `m / 10^k` against the midpoint between `c` and the double above it.
    let against_midpoint = |c: f64| -> Ordering {
        let (mantissa, e) = binary(c.to_bits());
        let mut right = u128::from(2 * mantissa + 1) * 10u128.pow(k as u32);
        let mut left = u128::from(m);
        let shift = (e - 1).unsigned_abs() as u32;
        if e > 0 {
            if shift > right.leading_zeros() {
                return Ordering::Less;
            }
            right <<= shift;
        } else {
            if shift > left.leading_zeros() {
                return Ordering::Greater;
            }
            left <<= shift;
        }
        left.cmp(&right)
    };
    let odd = |c: f64| c.to_bits() % 2 == 1;
    for _ in 0..3 {
        match against_midpoint(x) {
            Ordering::Greater => x = f64::from_bits(x.to_bits() + 1),
            Ordering::Equal if odd(x) => x = f64::from_bits(x.to_bits() + 1),
            _ => break,
        }
    }
    for _ in 0..3 {
        let below = f64::from_bits(x.to_bits() - 1);
        match against_midpoint(below) {
            Ordering::Less => x = below,
            Ordering::Equal if odd(x) => x = below,
            _ => break,
        }
    }
    x
}

/// `(q + a fraction, non-zero when `sticky`) · 2^e` rounded to 53 bits, for
/// `q ≥ 2^63` and a result in the normal range.
fn round(q: u128, sticky: bool, e: i32) -> f64 {
    let drop = 128 - q.leading_zeros() - 53;
    let mut mantissa = (q >> drop) as u64;
    let rest = q & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rest > half || (rest == half && (sticky || mantissa % 2 == 1)) {
        mantissa += 1;
    }
    // (2^53 after rounding up is still exact in an f64.)
    mantissa as f64 * power_of_two(e + drop as i32)
}

/// `2^e` for `e` in the normal exponent range.
fn power_of_two(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// A positive double's bits as `m · 2^e` (subnormals included).
fn binary(bits: u64) -> (u64, i64) {
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}
