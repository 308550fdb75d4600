//! Fixed-point decimal text without `core::fmt`'s float machinery (which would
//! add ~10 KB to the wasm module): round to `decimals` places, half away from zero.

/// `x` rounded to `decimals` places (at most 6) as (sign, integer digits,
/// fraction digits without trailing zeros).
///
/// ```
/// use impactkit::numbers::fixed::split;
/// assert_eq!(split(248.5, 1), (false, "248".to_string(), "5".to_string()));
/// assert_eq!(split(-0.04, 1), (false, "0".to_string(), String::new()));
/// assert_eq!(split(1.25, 3), (false, "1".to_string(), "25".to_string()));
/// assert_eq!(split(-9.96, 1), (true, "10".to_string(), String::new()));
/// ```
pub fn split(x: f64, decimals: usize) -> (bool, String, String) {
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals as u32);
    // |x| ≤ 1e15 (input limit) × 1e6 stays below u64::MAX.
    let n = (x.abs() * scale as f64).round().min(u64::MAX as f64) as u64;
    let mut int = String::new();
    crate::numbers::push_digits(&mut int, u128::from(n / scale), 1);
    // `decimals` digits, zeros in front (one digit when there are none, trimmed below).
    let mut frac = String::new();
    crate::numbers::push_digits(&mut frac, u128::from(n % scale), decimals.max(1));
    let trimmed = crate::numbers::without_trailing_zeros(&frac).len();
    frac.truncate(trimmed);
    (x < 0.0 && n > 0, int, frac)
}

/// `x` as plain text with at most `decimals` places (`12.5`, `-3`, `0.07`).
///
/// ```
/// assert_eq!(impactkit::numbers::fixed::text(310.125, 1), "310.1");
/// assert_eq!(impactkit::numbers::fixed::text(1.41666, 3), "1.417");
/// assert_eq!(impactkit::numbers::fixed::text(-0.0, 1), "0");
/// ```
pub fn text(x: f64, decimals: usize) -> String {
    let (negative, int, frac) = split(x, decimals);
    let mut out = String::with_capacity(int.len() + frac.len() + 2);
    if negative {
        out.push('-');
    }
    out.push_str(&int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    }
    out
}
