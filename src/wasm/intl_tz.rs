//! IANA zones through the host's `Intl.DateTimeFormat` (no tz database in the module).

use crate::time::{ZoneDb, ZoneRules};
use js_sys::{Array, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, epoch_ms: f64) -> Array;

    /// `format` (one call, one string; ~10× cheaper across the boundary than `formatToParts`).
    #[wasm_bindgen(method, js_name = format)]
    fn format_text(this: &DateTimeFormat, epoch_ms: f64) -> String;
}

/// `[year, month, day, hour, minute, second]` from en-US text like "12/31/2024, 23:30:05".
fn parse_en_us(text: &str) -> Option<[i64; 6]> {
    let mut numbers = [0i64; 6];
    let mut count = 0;
    let mut current: Option<i64> = None;
    for c in text.chars().chain(std::iter::once(' ')) {
        match c.to_digit(10) {
            Some(d) => {
                current = Some(
                    current
                        .unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(i64::from(d)),
                )
            }
            None => {
                if let Some(n) = current.take() {
                    *numbers.get_mut(count)? = n;
                    count += 1;
                }
            }
        }
    }
    let [mo, d, y, h, mi, s] = numbers;
    (count == 6).then_some([y, mo, d, h, mi, s])
}

/// Zone lookup through `Intl`. Resolved zones (their `DateTimeFormat` and offset
/// caches) are kept for the next call: constructing a `DateTimeFormat` costs about
/// a millisecond, more than a whole 1,000-record streak.
pub struct IntlZones;

/// Most zones kept between calls; beyond it the cache starts over.
const MAX_CACHED_ZONES: usize = 8;

thread_local! {
    static ZONES: RefCell<HashMap<String, Rc<IntlRules>>> = RefCell::new(HashMap::new());
}

/// Shares one cached zone with a call.
struct Shared(Rc<IntlRules>);

impl ZoneRules for Shared {
    fn offset_at(&self, utc_seconds: i64) -> i32 {
        self.0.offset_at(utc_seconds)
    }
}

impl IntlZones {
    fn resolve(name: &str) -> Option<IntlRules> {
        let options = Object::new();
        let set = |k: &str, v: &str| Reflect::set(&options, &k.into(), &v.into()).is_ok();
        let ok = set("timeZone", name)
            && set("hourCycle", "h23")
            && ["year", "month", "day", "hour", "minute", "second"]
                .iter()
                .all(|k| set(k, "numeric"));
        if !ok {
            return None;
        }
        let format = DateTimeFormat::new("en-US", &options).ok()?;
        Some(IntlRules {
            format,
            last_day: Cell::new(None),
            days: RefCell::new(HashMap::new()),
            midnights: RefCell::new(HashMap::new()),
        })
    }
}

impl ZoneDb for IntlZones {
    fn zone(&self, name: &str) -> Option<Box<dyn ZoneRules>> {
        if let Some(known) = ZONES.with(|zones| zones.borrow().get(name).cloned()) {
            return Some(Box::new(Shared(known)));
        }
        let rules = Rc::new(IntlZones::resolve(name)?);
        ZONES.with(|zones| {
            let mut zones = zones.borrow_mut();
            if zones.len() >= MAX_CACHED_ZONES {
                zones.clear();
            }
            zones.insert(name.to_owned(), Rc::clone(&rules));
        });
        Some(Box::new(Shared(rules)))
    }
}

/// One UTC day's offsets: the offset at its start, and a transition inside it if any.
#[derive(Clone, Copy)]
struct DayOffsets {
    start: i32,
    transition: Option<(i64, i32)>,
}

struct IntlRules {
    format: DateTimeFormat,
    /// The day asked last: activity lists are mostly in time order, so most lookups hit it.
    last_day: Cell<Option<(i64, DayOffsets)>>,
    days: RefCell<HashMap<i64, DayOffsets>>,
    /// Offset at the start of each UTC day asked so far (shared by neighbouring days).
    midnights: RefCell<HashMap<i64, i32>>,
}

const DAY: i64 = 86_400;
/// Transitions are located to this precision (all zones change on quarter hours since 1900).
const STEP: i64 = 900;

impl IntlRules {
    /// Offset at `t` asked of Intl: local wall-clock fields minus UTC.
    fn ask(&self, t: i64) -> i32 {
        let fields = parse_en_us(&self.format.format_text(t as f64 * 1000.0))
            .unwrap_or_else(|| self.ask_parts(t));
        let [y, mo, d, h, mi, s] = fields;
        let local = chrono::NaiveDate::from_ymd_opt(y as i32, mo as u32, d as u32)
            .and_then(|date| date.and_hms_opt((h % 24) as u32, mi as u32, s as u32))
            .map(|dt| dt.and_utc().timestamp() + if h == 24 { DAY } else { 0 });
        local.map_or(0, |l| (l - t) as i32)
    }

    /// Wall-clock fields through `formatToParts` (fallback when `format` text is unexpected).
    fn ask_parts(&self, t: i64) -> [i64; 6] {
        let parts = self.format.format_to_parts(t as f64 * 1000.0);
        let mut fields = [0i64; 6];
        for part in parts.iter() {
            let kind = Reflect::get(&part, &"type".into())
                .ok()
                .and_then(|v| v.as_string());
            let value = Reflect::get(&part, &"value".into())
                .ok()
                .and_then(|v| v.as_string())
                .and_then(|s| s.parse::<i64>().ok());
            let slot = match kind.as_deref() {
                Some("year") => 0,
                Some("month") => 1,
                Some("day") => 2,
                Some("hour") => 3,
                Some("minute") => 4,
                Some("second") => 5,
                _ => continue,
            };
            if let (Some(v), Some(f)) = (value, fields.get_mut(slot)) {
                *f = v;
            }
        }
        fields
    }

    fn midnight(&self, day: i64) -> i32 {
        if let Some(known) = self.midnights.borrow().get(&day) {
            return *known;
        }
        let offset = self.ask(day * DAY);
        self.midnights.borrow_mut().insert(day, offset);
        offset
    }

    fn day(&self, day: i64) -> DayOffsets {
        if let Some((last, offsets)) = self.last_day.get() {
            if last == day {
                return offsets;
            }
        }
        let offsets = self.day_uncached(day);
        self.last_day.set(Some((day, offsets)));
        offsets
    }

    fn day_uncached(&self, day: i64) -> DayOffsets {
        if let Some(known) = self.days.borrow().get(&day) {
            return *known;
        }
        let (lo, hi) = (day * DAY, (day + 1) * DAY);
        let start = self.midnight(day);
        let end = self.midnight(day + 1);
        let transition = (start != end).then(|| {
            // Binary search for the first quarter hour with the new offset.
            let (mut a, mut b) = (lo, hi);
            while b - a > STEP {
                let mid = a + ((b - a) / 2 / STEP) * STEP;
                let mid = if mid == a { a + STEP } else { mid };
                if self.ask(mid) == start {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            (b, end)
        });
        let offsets = DayOffsets { start, transition };
        self.days.borrow_mut().insert(day, offsets);
        offsets
    }
}

impl ZoneRules for IntlRules {
    fn offset_at(&self, utc_seconds: i64) -> i32 {
        let offsets = self.day(utc_seconds.div_euclid(DAY));
        match offsets.transition {
            Some((at, after)) if utc_seconds >= at => after,
            _ => offsets.start,
        }
    }
}
