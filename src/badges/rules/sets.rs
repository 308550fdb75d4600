//! The values a local-time clause allows, as bit sets, and their runs (for hints: "between
//! 22:00 and 04:00", "from Monday to Friday").

use super::{Clause, Operand};

/// The local hours (bits 0–23) or weekdays (bits 0–6: Monday–Sunday) a clause on `hour` /
/// `weekday` with numbers allows; `None` for any other clause.
pub(super) fn time_set(c: &Clause) -> Option<u32> {
    let (min, max) = c.field.range()?;
    let mut set = 0;
    for v in min..=max {
        let v = v as f64;
        let holds = match &c.operand {
            Operand::Number(x) => c.op.holds(v, *x),
            Operand::List(xs) => xs.contains(&v),
            _ => return None,
        };
        if holds {
            set |= 1 << (v as i64 - min);
        }
    }
    Some(set)
}

/// The runs of set bits of an `n`-bit circular set, as (start, length), the first starting
/// after a gap.
pub(super) fn runs(set: u32, n: u32) -> Vec<(u32, u32)> {
    let has = |i: u32| set & (1 << (i % n)) != 0;
    let Some(gap) = (0..n).find(|&i| !has(i)) else {
        return vec![(0, n)];
    };
    let mut out: Vec<(u32, u32)> = Vec::new();
    for i in gap + 1..=gap + n {
        match out.last_mut() {
            Some((_, len)) if has(i) && has(i - 1) => *len += 1,
            _ if has(i) => out.push((i % n, 1)),
            _ => {}
        }
    }
    out
}
