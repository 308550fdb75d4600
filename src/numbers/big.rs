//! Exact comparisons of a long decimal with doubles and midpoints, for the
//! numbers [`super::parse_f64`] cannot settle in 128 bits: big integers with
//! multiplication by a word, shifts and comparison, nothing more.

use std::cmp::Ordering;

/// A decimal `digits · 10^exponent` prepared for comparisons with `m · 2^e`:
/// the power of ten on whichever side keeps both integers.
pub(super) struct Scaled {
    /// `digits · 10^exponent` when the exponent is ≥ 0, else `digits`.
    left: Big,
    /// `10^-exponent` when the exponent is < 0, else 1.
    right: Big,
}

impl Scaled {
    pub(super) fn new(mut digits: Big, exponent: i64) -> Scaled {
        let mut right = Big::default();
        right.mul_add(1, 1);
        let target = if exponent >= 0 {
            &mut digits
        } else {
            &mut right
        };
        let mut n = exponent.unsigned_abs();
        while n > 0 {
            let step = n.min(19);
            target.mul_add(10u64.pow(step as u32), 0);
            n -= step;
        }
        Scaled {
            left: digits,
            right,
        }
    }

    /// The decimal compared with `m · 2^e`.
    pub(super) fn cmp(&self, m: u64, e: i64) -> Ordering {
        let mut left = self.left.clone();
        let mut right = self.right.clone();
        right.mul_add(m, 0);
        if e >= 0 {
            right.shift_left(e as u32);
        } else {
            left.shift_left(e.unsigned_abs() as u32);
        }
        left.cmp(&right)
    }
}

/// A non-negative big integer, 32-bit limbs, least significant first.
#[derive(Clone, Default)]
pub(super) struct Big(Vec<u32>);

impl Big {
    /// `self · k + add`.
    pub(super) fn mul_add(&mut self, k: u64, add: u64) {
        let mut carry = u128::from(add);
        for limb in &mut self.0 {
            let product = u128::from(*limb) * u128::from(k) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        while carry > 0 {
            self.0.push(carry as u32);
            carry >>= 32;
        }
    }

    /// `self · 2^bits`.
    fn shift_left(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        let mut shifted = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            let wide = u64::from(limb) << bits | u64::from(carry);
            shifted.push(wide as u32);
            carry = (wide >> 32) as u32;
        }
        shifted.push(carry);
        self.0 = shifted;
    }

    /// Compares by value (high zero limbs do not count).
    fn cmp(&self, other: &Big) -> Ordering {
        let (a, b) = (&self.0, &other.0);
        let mut i = a.len().max(b.len());
        while i > 0 {
            i -= 1;
            let (x, y) = (a.get(i).unwrap_or(&0), b.get(i).unwrap_or(&0));
            if x != y {
                return x.cmp(y);
            }
        }
        Ordering::Equal
    }
}
