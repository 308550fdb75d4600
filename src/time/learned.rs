//! Zone rules learned from a slow offset oracle (the host's `Intl` in wasm).
//!
//! The oracle answers "which offset is in effect at this second"; what it answered is
//! kept as spans of constant offset, merged when they touch, so a zone costs a few
//! spans per year however many instants are asked. Unknown UTC days are learned
//! whole: the offsets at both ends, and where they differ every transition inside,
//! located to the second by bisection (transitions are not on quarter hours:
//! St John's changed at 00:01 local, Monrovia at 00:44:30 UTC).
//!
//! Assumption: no zone changes offset and back within one UTC day (the closest
//! transitions in the tz database since 1900 are 4 days apart).

use super::ZoneRules;
use std::cell::{Cell, RefCell};

/// Answers which UTC offset is in effect at an instant (one host call each).
pub trait OffsetOracle {
    /// Seconds east of UTC at `utc_seconds` (Unix time).
    fn ask(&self, utc_seconds: i64) -> i32;
}

const DAY: i64 = 86_400;
/// Most spans one zone keeps (bounded memory and insertion cost however scattered the
/// asked dates are); beyond it the zone starts over. A zone asked over contiguous days
/// holds one span per transition.
const MAX_SPANS: usize = 2048;
/// Recently asked UTC days whose offset holds all day, one slot per day number modulo this
/// (about three years of days, 16 KB per zone).
const DAYS_CACHED: usize = 1024;

/// The offset `offset` holds on `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: i64,
    end: i64,
    offset: i32,
}

impl Span {
    fn contains(&self, t: i64) -> bool {
        self.start <= t && t < self.end
    }
}

/// Zone rules learned from an [`OffsetOracle`], remembered as spans of constant offset.
pub struct LearnedRules<O> {
    oracle: O,
    /// Known spans, disjoint, in time order.
    spans: RefCell<Vec<Span>>,
    /// The span found last: instants are mostly asked in time order.
    last: Cell<Option<Span>>,
    /// `(UTC day number, offset)` of recently asked days inside one span (long lists of
    /// instants in no order, such as activity records, ask the same few hundred days).
    days: [Cell<(i64, i32)>; DAYS_CACHED],
}

impl<O: OffsetOracle> LearnedRules<O> {
    /// Rules that know nothing yet.
    pub fn new(oracle: O) -> Self {
        LearnedRules {
            oracle,
            spans: RefCell::new(Vec::new()),
            last: Cell::new(None),
            days: std::array::from_fn(|_| Cell::new((i64::MIN, 0))),
        }
    }

    /// Number of spans held (tests).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub fn span_count(&self) -> usize {
        self.spans.borrow().len()
    }

    fn known(&self, t: i64) -> Option<Span> {
        let spans = self.spans.borrow();
        let after = spans.partition_point(|s| s.start <= t);
        let span = *spans.get(after.checked_sub(1)?)?;
        span.contains(t).then_some(span)
    }

    fn offset_or_ask(&self, t: i64) -> i32 {
        self.known(t)
            .map_or_else(|| self.oracle.ask(t), |span| span.offset)
    }

    /// Learns the UTC day holding `t` (its end second included); returns the span holding `t`.
    fn learn_day(&self, t: i64) -> Span {
        let lo = t.div_euclid(DAY) * DAY;
        let hi = lo + DAY;
        let (mut from, mut offset) = (lo, self.offset_or_ask(lo));
        let end_offset = self.offset_or_ask(hi);
        let mut pieces = Vec::with_capacity(2);
        while offset != end_offset && from < hi {
            let (at, after) = self.first_change(from, offset, hi);
            pieces.push(Span {
                start: from,
                end: at,
                offset,
            });
            (from, offset) = (at, after);
        }
        pieces.push(Span {
            start: from,
            end: hi + 1,
            offset,
        });
        for piece in &pieces {
            self.insert(*piece);
        }
        let found = pieces.iter().copied().find(|p| p.contains(t));
        found.unwrap_or_else(|| Span {
            start: t,
            end: t + 1,
            offset: self.oracle.ask(t),
        })
    }

    /// The first second in `(from, to]` whose offset is not `offset` (the one at `from`;
    /// the one at `to` differs), and the offset there.
    fn first_change(&self, from: i64, offset: i32, to: i64) -> (i64, i32) {
        let (mut a, mut b) = (from, to);
        let mut at_b = self.oracle.ask(b);
        while b - a > 1 {
            let mid = a + (b - a) / 2;
            let at_mid = self.oracle.ask(mid);
            if at_mid == offset {
                a = mid;
            } else {
                (b, at_b) = (mid, at_mid);
            }
        }
        (b, at_b)
    }

    /// Adds a span, merged with the spans of the same offset it touches or overlaps.
    fn insert(&self, mut span: Span) {
        if span.start >= span.end {
            return;
        }
        let mut spans = self.spans.borrow_mut();
        if spans.len() >= MAX_SPANS {
            spans.clear();
            self.last.set(None);
        }
        let mut at = spans.partition_point(|s| s.start <= span.start);
        if let Some(before) = at.checked_sub(1).and_then(|i| spans.get(i)).copied() {
            if before.end >= span.start && before.offset == span.offset {
                at -= 1;
                spans.remove(at);
                span.start = before.start;
                span.end = span.end.max(before.end);
            }
        }
        while let Some(next) = spans.get(at).copied() {
            if next.start > span.end || next.offset != span.offset {
                break;
            }
            spans.remove(at);
            span.end = span.end.max(next.end);
        }
        spans.insert(at, span);
    }
}

impl<O: OffsetOracle> ZoneRules for LearnedRules<O> {
    fn offset_at(&self, utc_seconds: i64) -> i32 {
        if let Some(last) = self.last.get().filter(|s| s.contains(utc_seconds)) {
            return last.offset;
        }
        let day = utc_seconds.div_euclid(DAY);
        let slot = self.days.get(day.rem_euclid(DAYS_CACHED as i64) as usize);
        if let Some((_, offset)) = slot.map(Cell::get).filter(|s| s.0 == day) {
            return offset;
        }
        let span = self
            .known(utc_seconds)
            .unwrap_or_else(|| self.learn_day(utc_seconds));
        self.last.set(Some(span));
        let whole_day = span.start <= day.saturating_mul(DAY)
            && day.saturating_add(1).saturating_mul(DAY) <= span.end;
        if let Some(slot) = slot.filter(|_| whole_day) {
            slot.set((day, span.offset));
        }
        span.offset
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::time::{TzDatabase, ZoneDb};
    use std::cell::Cell;

    /// The tz database as an oracle, counting the questions.
    struct Tz(Box<dyn ZoneRules>, Cell<u32>);

    impl OffsetOracle for Tz {
        fn ask(&self, t: i64) -> i32 {
            self.1.set(self.1.get() + 1);
            self.0.offset_at(t)
        }
    }

    fn learned(name: &str) -> (LearnedRules<Tz>, Box<dyn ZoneRules>) {
        let oracle = Tz(TzDatabase.zone(name).unwrap(), Cell::new(0));
        (LearnedRules::new(oracle), TzDatabase.zone(name).unwrap())
    }

    const ODD_ZONES: [&str; 10] = [
        "America/St_Johns",
        "America/Goose_Bay",
        "America/Moncton",
        "Asia/Gaza",
        "Asia/Hebron",
        "Antarctica/Casey",
        "Pacific/Kiritimati",
        "Africa/Monrovia",
        "Pacific/Apia",
        "Europe/Berlin",
    ];

    #[test]
    fn every_second_around_each_transition_matches_the_tz_database() {
        for name in ODD_ZONES {
            let (rules, tz) = learned(name);
            // Every 6 hours over 1900–2040 (changes are days apart), ±90 s around each change.
            let mut t = -2_208_988_800i64;
            let mut prev = tz.offset_at(t);
            while t < 2_208_988_800 {
                let now = tz.offset_at(t);
                if now != prev {
                    let (mut lo, mut hi) = (t - 21_600, t);
                    while hi - lo > 1 {
                        let mid = (lo + hi) / 2;
                        if tz.offset_at(mid) == prev {
                            lo = mid
                        } else {
                            hi = mid
                        }
                    }
                    for s in hi - 90..hi + 90 {
                        assert_eq!(rules.offset_at(s), tz.offset_at(s), "{name} at {s}");
                    }
                }
                assert_eq!(rules.offset_at(t), now, "{name} at {t}");
                prev = now;
                t += 21_600;
            }
        }
    }

    /// Instants in no order, each day asked many times (activity records): the day cache gives
    /// the tz database's offset, also on transition days (never cached: not one offset all day).
    #[test]
    fn instants_in_no_order_match_the_tz_database() {
        for zone in ["America/New_York", "America/St_Johns", "Asia/Gaza"] {
            let (rules, truth) = learned(zone);
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            for _ in 0..60_000 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let t = 1_600_000_000 + (x % (3 * 365 * DAY as u64)) as i64;
                assert_eq!(rules.offset_at(t), truth.offset_at(t), "{zone} at {t}");
            }
        }
    }

    #[test]
    fn st_johns_changes_at_00_01_local() {
        let (rules, _) = learned("America/St_Johns");
        // 2010-11-07T02:31:00Z is 00:01 NDT: from then on -03:30.
        assert_eq!(rules.offset_at(1_289_097_059), -9000);
        assert_eq!(rules.offset_at(1_289_097_060), -12600);
        assert_eq!(rules.offset_at(1_289_097_600), -12600);
    }

    #[test]
    fn contiguous_days_keep_one_span_per_offset_and_ask_once_a_day() {
        let (rules, _) = learned("Europe/Berlin");
        let start = 1_704_067_200; // 2024-01-01
        for day in 0..366 {
            rules.offset_at(start + day * DAY + 43_200);
        }
        assert_eq!(rules.span_count(), 3);
        let asked = rules.oracle.1.get();
        assert!(asked < 366 + 2 * 40, "{asked} questions");
        let before = rules.oracle.1.get();
        for s in (start..start + 366 * DAY).step_by(3600) {
            rules.offset_at(s);
        }
        assert_eq!(rules.oracle.1.get(), before, "all known");
    }

    #[test]
    fn scattered_days_stay_bounded() {
        let (rules, tz) = learned("America/New_York");
        let mut seed = 7u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let t = -2_208_988_800 + ((seed >> 20) % 9_467_280_000) as i64;
            assert_eq!(rules.offset_at(t), tz.offset_at(t));
            assert!(rules.span_count() <= MAX_SPANS);
        }
    }
}
