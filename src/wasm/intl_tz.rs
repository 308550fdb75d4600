//! IANA zones through the host's `Intl.DateTimeFormat` (no tz database in the module).

use crate::time::learned::{LearnedRules, OffsetOracle};
use crate::time::{ZoneDb, ZoneRules};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
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

/// Zone lookup through `Intl`. Resolved zones (their `DateTimeFormat` and the spans
/// learned from it) are kept for later calls, the least recently used dropped first:
/// constructing a `DateTimeFormat` costs about 0.15 ms and, in V8, ~25 KB of native
/// memory that is returned late (20k constructions grew a Node process by 500 MB).
pub struct IntlZones;

/// Most zones kept between calls (a live `DateTimeFormat` holds ~46 KB in V8; the
/// learned spans of a zone at most `MAX_SPANS`).
pub const MAX_CACHED_ZONES: usize = 64;

type Rules = Rc<LearnedRules<IntlRules>>;

thread_local! {
    /// `(lower-case name, rules)`, least recently used first.
    static ZONES: RefCell<Vec<(String, Rules)>> = const { RefCell::new(Vec::new()) };
}

/// Shares one cached zone with a call.
struct Shared(Rules);

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
        Some(IntlRules { format })
    }

    /// The cached rules of `key`, marked as used most recently.
    fn cached(key: &str) -> Option<Rules> {
        ZONES.with(|zones| {
            let mut zones = zones.borrow_mut();
            let i = zones.iter().position(|(k, _)| k == key)?;
            let entry = zones.remove(i);
            let rules = Rc::clone(&entry.1);
            zones.push(entry);
            Some(rules)
        })
    }
}

impl ZoneDb for IntlZones {
    fn zone(&self, name: &str) -> Option<Box<dyn ZoneRules>> {
        // IANA names are case-insensitive (Intl and the tz database agree).
        let key = name.to_ascii_lowercase();
        if let Some(known) = IntlZones::cached(&key) {
            return Some(Box::new(Shared(known)));
        }
        let rules = Rc::new(LearnedRules::new(IntlZones::resolve(name)?));
        ZONES.with(|zones| {
            let mut zones = zones.borrow_mut();
            if zones.len() >= MAX_CACHED_ZONES {
                zones.remove(0);
            }
            zones.push((key, Rc::clone(&rules)));
        });
        Some(Box::new(Shared(rules)))
    }
}

/// One zone's `Intl.DateTimeFormat`: the offset oracle its spans are learned from.
struct IntlRules {
    format: DateTimeFormat,
}

const DAY: i64 = 86_400;

impl OffsetOracle for IntlRules {
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
}

impl IntlRules {
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
}
