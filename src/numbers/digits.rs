//! A double's exact value rounded to 17 significant digits (always enough to read back as
//! it), for the numbers JSON text writes in scientific notation: found by bisection, each step
//! one exact comparison of a decimal with the double ([`super::big::Scaled`], the reader's),
//! so no big-integer division and no digit arrays.

use super::big::{Big, Scaled};
use std::cmp::Ordering;

/// Finite `x > 0` as `(digits, exponent)`: its exact value rounded half up to 17 significant
/// digits is `digits · 10^exponent`, `10^16 ≤ digits < 10^17`.
///
/// ```
/// assert_eq!(impactkit::numbers::digits17(1e21), (10_000_000_000_000_000, 5));
/// assert_eq!(impactkit::numbers::digits17(5e-324), (49_406_564_584_124_654, -340));
/// ```
pub fn digits17(x: f64) -> (u64, i64) {
    let (m, e) = super::parse::binary(x.to_bits());
    // Whether `n · 10^exponent ≤ x · 2^double` (`double` 0 or 1), exactly.
    let at_most = |n: u64, exponent: i64, double: i64| {
        let mut big = Big::default();
        big.mul_add(1, n);
        Scaled::new(big, exponent).cmp(m, e + double) != Ordering::Greater
    };
    // The largest power of ten ≤ x: 10^-324 ≤ x < 10^309.
    let (mut low, mut high) = (-324i64, 309i64);
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if at_most(1, middle, 0) {
            low = middle;
        } else {
            high = middle;
        }
    }
    let exponent = low - 16;
    // The largest `d` whose lower midpoint `(2d − 1) · 10^exponent / 2` is ≤ x (ties round up):
    // 10^16 qualifies, 10^17 + 1 does not (x < 10^17 · 10^exponent).
    let (mut low, mut high) = (10_000_000_000_000_000u64, 100_000_000_000_000_001u64);
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if at_most(2 * middle - 1, exponent, 1) {
            low = middle;
        } else {
            high = middle;
        }
    }
    if low == 100_000_000_000_000_000 {
        (low / 10, exponent + 1)
    } else {
        (low, exponent)
    }
}
