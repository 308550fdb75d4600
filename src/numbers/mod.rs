//! Numbers ↔ decimal text by hand, without `core::fmt` or the standard float
//! parser (each costs kilobytes in every wasm module): decimal text → the nearest
//! `f64`, an `f64` → the shortest decimal that reads back as it, and integer and
//! decimal text for messages. A leaf: it depends on nothing but [`crate::limits`].

mod big;
mod digits;
pub mod fixed;
mod parse;
mod shortest;

pub use digits::digits17;
pub(crate) use parse::scaled as scaled_f64;
pub use parse::{parse_decimal, parse_f64, pow10};
pub(crate) use shortest::shortest_units;

use crate::limits::MAX_INPUT_DECIMALS;

/// Appends the decimal text of `n` (`-42`).
///
/// ```
/// let mut s = String::from("n = ");
/// impactkit::numbers::push_int(&mut s, -1_000_000);
/// assert_eq!(s, "n = -1000000");
/// ```
pub fn push_int(out: &mut String, n: i128) {
    if n < 0 {
        out.push('-');
    }
    push_digits(out, n.unsigned_abs(), 1);
}

/// Appends `n` in decimal with at least `width` digits (zeros in front).
pub(crate) fn push_digits(out: &mut String, n: u128, width: usize) {
    match u64::try_from(n) {
        Ok(small) => push_u64(out, small, width),
        Err(_) => {
            let (high, low) = div_rem_small(n, 1_000_000_000);
            push_digits(out, high, width.saturating_sub(9));
            push_u64(out, u64::from(low), 9);
        }
    }
}

/// `n / d` and `n % d` for `d > 0` by 32-bit limbs in 64-bit arithmetic: wasm has no 128-bit
/// division, and compiler_builtins' general one costs every module a kilobyte.
///
/// ```
/// assert_eq!(impactkit::numbers::div_rem_small(u128::MAX, 10), (u128::MAX / 10, 5));
/// assert_eq!(impactkit::numbers::div_rem_small(7, 0), (0, 7));
/// ```
pub fn div_rem_small(n: u128, d: u32) -> (u128, u32) {
    let Some(d) = std::num::NonZeroU64::new(u64::from(d)) else {
        return (0, n as u32);
    };
    let (mut quotient, mut rest) = (0u128, 0u64);
    for shift in [96u32, 64, 32, 0] {
        // `rest < d < 2^32`: the part fits 64 bits, its quotient 32.
        let part = rest << 32 | (n >> shift) as u64 & 0xffff_ffff;
        quotient |= u128::from(part / d) << shift;
        rest = part % d;
    }
    (quotient, rest as u32)
}

/// [`push_digits`] in 64-bit arithmetic.
pub(crate) fn push_u64(out: &mut String, n: u64, width: usize) {
    let (mut power, mut count) = (1u64, 1usize);
    while n / power >= 10 {
        (power, count) = (power * 10, count + 1);
    }
    for _ in count..width {
        out.push('0');
    }
    loop {
        out.push(char::from(b'0' + (n / power % 10) as u8));
        if power == 1 {
            break;
        }
        power /= 10;
    }
}

/// `units / 10^22` (a [`crate::decimal::Decimal`]'s units) as plain decimal text,
/// without trailing zeros: `2485 · 10^21` is `248.5`.
///
/// ```
/// assert_eq!(impactkit::numbers::units_text(-2_485 * 10i128.pow(21)), "-248.5");
/// assert_eq!(impactkit::numbers::units_text(5), "0.0000000000000000000005");
/// ```
pub fn units_text(units: i128) -> String {
    let mut out = String::new();
    if units < 0 {
        out.push('-');
    }
    push_units(&mut out, units.unsigned_abs(), false);
    out
}

/// `digits` without its trailing `0`s (by bytes: std's char matching is ~0.1 KB of wasm).
pub(crate) fn without_trailing_zeros(digits: &str) -> &str {
    let end = digits
        .bytes()
        .rposition(|b| b != b'0')
        .map_or(0, |last| last + 1);
    digits.get(..end).unwrap_or(digits)
}

/// Appends `units / 10^22` as `int.frac` without the fraction's trailing zeros; without a
/// fraction, `int` alone or, when `point`, `int.0`.
pub(crate) fn push_units(out: &mut String, units: u128, point: bool) {
    let mut digits = String::new();
    push_digits(&mut digits, units, MAX_INPUT_DECIMALS as usize + 1);
    let (int_part, frac_part) = digits.split_at(digits.len() - MAX_INPUT_DECIMALS as usize);
    let frac_part = without_trailing_zeros(frac_part);
    out.push_str(int_part);
    if !frac_part.is_empty() {
        out.push('.');
        out.push_str(frac_part);
    } else if point {
        out.push_str(".0");
    }
}

/// Shows a number the way the JSON wrote it (for messages): `-500`, `248.5`, `0.000001`.
///
/// ```
/// assert_eq!(impactkit::numbers::show(-500.0), "-500");
/// assert_eq!(impactkit::numbers::show(248.5), "248.5");
/// assert_eq!(impactkit::numbers::show(f64::NAN), "NaN");
/// ```
pub fn show(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if x.abs() >= 1e16 {
        // Beyond a decimal's range (and every input limit).
        if x > 0.0 {
            "a number over 1e16"
        } else {
            "a number under -1e16"
        }
        .to_owned()
    } else {
        units_text(shortest_units(x))
    }
}
