//! IANA zones through the host's `Intl.DateTimeFormat` (no tz database in the module).
//!
//! The offset is computed in JS (a few lines of script are smaller than the same work in
//! wasm, and only a number crosses the boundary instead of the formatted text).

use crate::time::learned::{LearnedRules, OffsetOracle};
use crate::time::{ZoneDb, ZoneRules};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const OPTIONS = { hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" };
export function intlZone(name) {
  try {
    return new Intl.DateTimeFormat("en-US", { ...OPTIONS, timeZone: name });
  } catch {
    return undefined;
  }
}
const FIELDS = ["year", "month", "day", "hour", "minute", "second"];
// Wall-clock [y, mo, d, h, mi, s] through formatToParts (when the `format` text is unexpected).
function fromParts(format, ms) {
  const fields = [0, 0, 0, 0, 0, 0];
  for (const { type, value } of format.formatToParts(ms)) {
    const slot = FIELDS.indexOf(type);
    if (slot >= 0 && /^[+-]?\d+$/.test(value)) fields[slot] = Number(value);
  }
  return fields;
}
// Seconds east of UTC at Unix second `t`: the local wall-clock fields minus UTC (0 when
// they are not a valid date and time).
export function intlOffset(format, t) {
  const ms = t * 1000;
  // en-US text like "12/31/2024, 23:30:05".
  const n = format.format(ms).match(/[0-9]+/g);
  const [y, mo, d, h, mi, s] = n && n.length === 6 ? [n[2], n[0], n[1], n[3], n[4], n[5]].map(Number) : fromParts(format, ms);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h % 24, mi, s);
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && mi < 60 && s < 60;
  return valid ? date.getTime() / 1000 + (h === 24 ? 86400 : 0) - t : 0;
}
"#)]
extern "C" {
    /// An en-US `Intl.DateTimeFormat` of zone `name` (numeric fields, 24-hour clock), or
    /// `undefined` when `Intl` does not know the zone.
    #[wasm_bindgen(js_name = intlZone)]
    fn intl_zone(name: &str) -> JsValue;
    /// Seconds east of UTC at Unix second `t` by `format` ([`intl_zone`]).
    #[wasm_bindgen(js_name = intlOffset)]
    fn intl_offset(format: &JsValue, t: f64) -> i32;
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
        let format = intl_zone(name);
        (!format.is_undefined()).then_some(IntlRules { format })
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
    format: JsValue,
}

impl OffsetOracle for IntlRules {
    /// Offset at `t` asked of Intl: local wall-clock fields minus UTC.
    fn ask(&self, t: i64) -> i32 {
        intl_offset(&self.format, t as f64)
    }
}
