//! Numbers as JSON text without `core::fmt` or float-formatting tables: integers by a
//! digit loop; a finite double as text that reads back as the same double: the shortest
//! decimal, which [`Decimal::from_f64`] already finds for every input number (magnitudes
//! 10⁻⁶ to 10¹⁶, i.e. every value impactkit computes), and the exact value rounded to 17
//! significant digits for the rest (tiny or huge inputs echoed back).

use crate::decimal::Decimal;
pub(super) use crate::numbers::push_u64 as push_digits;

/// Appends finite `x` to `out`, always with a `.` or an exponent (`500.0`, `49.7`,
/// `1.5e-7`), as `serde_json` writes doubles; `-0.0` keeps its sign.
pub(super) fn push_finite(out: &mut String, x: f64) {
    push_finite_with(out, x, crate::FAST_NUMBERS);
}

/// [`push_finite`], with the double-arithmetic fast path or without it (the lean modules): the
/// same text either way.
fn push_finite_with(out: &mut String, x: f64, fast: bool) {
    if x.is_sign_negative() {
        out.push('-');
    }
    let magnitude = x.abs();
    if let Some((units, places)) = if fast { few_places(magnitude) } else { None } {
        let power = 10u64.pow(places);
        push_digits(out, units / power, 1);
        out.push('.');
        push_digits(out, units % power, places.max(1) as usize);
    } else if let Some(units) = plain_units(magnitude) {
        crate::numbers::push_units(out, units, true);
    } else {
        push_scientific(out, magnitude);
    }
}

/// The units (10⁻²²) of the shortest decimal of finite `x ≥ 0` when it is written plainly:
/// from 1e-6 to 1e16, and what [`few_places`] writes (which the lean modules leave to this):
/// zero, and smaller numbers that read back from at most 8 places.
fn plain_units(x: f64) -> Option<u128> {
    const EIGHT_PLACES: u64 = 10u64.pow(crate::limits::MAX_INPUT_DECIMALS - 8);
    let units = Decimal::from_f64(x).units().unsigned_abs();
    if (1e-6..1e16).contains(&x) {
        return Some(units);
    }
    // Below 1e-6 (fewer than 10¹⁶ units; 64-bit arithmetic, no 128-bit division).
    let small = u64::try_from(units).ok()?;
    let reads_back = crate::numbers::scaled_f64(small / EIGHT_PLACES, -8) == x;
    (small % EIGHT_PLACES == 0 && reads_back).then_some(units)
}

/// Finite `x ≥ 0` as `units / 10^places` with the fewest `places` (at most 8) and
/// `units < 2⁵³`, when that reads back as `x`: the fast path for the numbers results
/// hold (percentages, amounts). Both are exact doubles, so their IEEE quotient is the
/// correctly rounded value of the decimal, which is what a JSON reader makes of it.
fn few_places(x: f64) -> Option<(u64, u32)> {
    let mut scale = 1.0;
    for places in 0..=8 {
        let units = (x * scale + 0.5).floor();
        if units >= 9_007_199_254_740_992.0 {
            return None;
        }
        if units / scale == x {
            return Some((units as u64, places));
        }
        scale *= 10.0;
    }
    None
}

/// Finite `x > 0` as `d.ddde±n`: its exact decimal value rounded half up to 17
/// significant digits (always enough to read back as `x`), trailing zeros off.
fn push_scientific(out: &mut String, x: f64) {
    let (mut digits, exponent) = crate::numbers::digits17(x);
    let mut count = 17;
    while digits % 10 == 0 && count > 1 {
        (digits, count) = (digits / 10, count - 1);
    }
    let mut text = String::new();
    push_digits(&mut text, digits, 1);
    let (first, rest) = text.split_at(1);
    out.push_str(first);
    out.push('.');
    out.push_str(if rest.is_empty() { "0" } else { rest });
    out.push('e');
    let exponent = exponent + 16;
    if exponent < 0 {
        out.push('-');
    }
    push_digits(out, exponent.unsigned_abs(), 1);
}

#[cfg(test)]
mod tests {
    use super::push_finite;

    fn text(x: f64) -> String {
        let mut out = String::new();
        push_finite(&mut out, x);
        out
    }

    #[test]
    fn common_values_print_shortest() {
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (500.0, "500.0"),
            (49.7, "49.7"),
            (-251.5, "-251.5"),
            (1e15, "1000000000000000.0"),
            (0.000001, "0.000001"),
            (1e-7, "0.0000001"),
            (99.999999, "99.999999"),
            // Past the fast path: more places or more digits than it takes.
            (0.1 + 0.2, "0.30000000000000004"),
            (1e-5 / 3.0, "0.0000033333333333333337"),
            (2f64.powi(53) + 2.0, "9007199254740994.0"),
        ];
        for (x, want) in cases {
            assert_eq!(text(x), want);
        }
    }

    #[test]
    fn every_value_reads_back_exactly() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut samples = vec![
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            1e16,
            1e21,
            2f64.powi(60),
            1e-7,
            0.1 + 0.2,
        ];
        samples.extend([1e16 - 2.0, 1.2345678901234567e-300, 2f64.powi(53) - 1.0]);
        for _ in 0..20_000 {
            // xorshift: doubles with random bits, every exponent alike.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            samples.push(f64::from_bits(state >> 1));
            samples.push((state >> 11) as f64 / 1e6);
            samples.push((state >> 11) as f64 * 1e-21);
            samples.push((state >> 40) as f64 / 1e6);
        }
        for x in samples.into_iter().filter(|x| x.is_finite()) {
            for x in [x, -x] {
                let t = text(x);
                assert!(t.contains(['.', 'e']), "{t}");
                assert_eq!(t.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()), "{t}");
                assert!(serde_json::from_str::<serde_json::Value>(&t).is_ok(), "{t}");
            }
        }
    }

    /// The lean modules' writer (no double-arithmetic fast path) writes what the full build's does.
    #[test]
    fn lean_writer_writes_the_same_text() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut samples = vec![0.0, 1e-7, 1e-8, 5e-9, 1e-7 / 3.0, 1.5e-7, 49.7, 1e15 + 0.5];
        samples.extend([f64::from_bits(1e-7f64.to_bits() + 1), 2.5e-8, 99.999999]);
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            samples.push((state >> 40) as f64 / 1e8);
            samples.push((state >> 50) as f64 / 1e8);
            samples.push((state >> 11) as f64 * 1e-21);
            samples.push(f64::from_bits(state >> 2));
        }
        for x in samples.into_iter().filter(|x| x.is_finite()) {
            let (mut fast, mut lean) = (String::new(), String::new());
            super::push_finite_with(&mut fast, x, true);
            super::push_finite_with(&mut lean, x, false);
            assert_eq!(fast, lean, "{x:e}");
        }
    }

    #[test]
    fn huge_and_tiny_values_have_17_digits_at_most() {
        assert_eq!(text(1e21), "1.0e21");
        assert_eq!(text(2f64.powi(70)), "1.1805916207174113e21");
        assert_eq!(text(1e-9 / 3.0), "3.3333333333333337e-10");
        assert_eq!(text(5e-324), "4.9406564584124654e-324");
        assert_eq!(text(f64::MAX), "1.7976931348623157e308");
        assert_eq!(text(9.999999999999999e307), "9.9999999999999981e307");
    }
}
