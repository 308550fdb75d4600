//! Native IANA zone lookup through the tz database compiled into `chrono-tz`.

use super::{ZoneDb, ZoneRules};
use chrono::{DateTime, Offset, TimeZone};

/// The tz database (native builds only; wasm asks the host's `Intl`).
///
/// ```
/// use impactkit::time::{TzDatabase, ZoneDb};
/// assert!(TzDatabase.zone("Europe/Berlin").is_some());
/// assert!(TzDatabase.zone("Nowhere/Special").is_none());
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TzDatabase;

struct TzRules(chrono_tz::Tz);

impl ZoneRules for TzRules {
    fn offset_at(&self, utc_seconds: i64) -> i32 {
        DateTime::from_timestamp(utc_seconds, 0)
            .map(|t| {
                self.0
                    .offset_from_utc_datetime(&t.naive_utc())
                    .fix()
                    .local_minus_utc()
            })
            .unwrap_or(0)
    }
}

impl ZoneDb for TzDatabase {
    fn zone(&self, name: &str) -> Option<Box<dyn ZoneRules>> {
        chrono_tz::Tz::from_str_insensitive(name)
            .ok()
            .map(|tz| Box::new(TzRules(tz)) as Box<dyn ZoneRules>)
    }
}
