//! Activity records read once: each record's local date (and instant, for `at` records) and
//! count, so a streak at any `now` only filters them.

use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::{self, Zone};
use chrono::{DateTime, NaiveDate, Utc};

/// One activity record: its date in the customer's zone, the instant for `at` records, a count.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Record {
    date: NaiveDate,
    at: Option<DateTime<Utc>>,
    count: u64,
}

/// A customer's activity records, in input order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Activity(Vec<Record>);

impl Activity {
    /// Reads `[{date | at, count?}]` in `zone`.
    ///
    /// ```
    /// use impactkit::{json::Json, streaks::Activity, time::Zone};
    /// let v = serde_json::json!([{"date": "2025-03-14"}, {"at": "2025-03-15T10:00:00Z", "count": 2}]);
    /// let a = Activity::read(&Json::root(&impactkit::json::Node::from(&v)), &Zone::utc()).unwrap();
    /// let now = chrono::DateTime::parse_from_rfc3339("2025-03-15T08:00:00Z").unwrap().to_utc();
    /// assert_eq!(a.up_to(now, now.date_naive()).len(), 1);
    /// ```
    pub fn read(list: &Json, zone: &Zone) -> Result<Activity> {
        let mut activity = Activity::default();
        activity.extend(list, zone)?;
        Ok(activity)
    }

    /// Appends the records of another list (nothing is appended when one is invalid).
    pub fn extend(&mut self, list: &Json, zone: &Zone) -> Result<()> {
        let items = list.items_appended_to(self.0.len())?;
        let mut records = Vec::with_capacity(items.len());
        for item in items {
            records.push(read_record(&item, zone)?);
        }
        self.0.append(&mut records);
        Ok(())
    }

    /// `(local date, count)` of every record up to `now` (dated records: up to `today`).
    pub fn up_to(&self, now: DateTime<Utc>, today: NaiveDate) -> Vec<(NaiveDate, u64)> {
        self.0
            .iter()
            .filter(|r| match r.at {
                Some(at) => at <= now,
                None => r.date <= today,
            })
            .map(|r| (r.date, r.count))
            .collect()
    }

    /// The instant (`at`, or the start of `date` in `zone`) and count of each record from
    /// the `from`-th on, in input order.
    pub fn instants<'a>(
        &'a self,
        from: usize,
        zone: &'a Zone,
    ) -> impl Iterator<Item = (DateTime<Utc>, u64)> + 'a {
        let records = self.0.get(from..).unwrap_or_default();
        records
            .iter()
            .map(|r| (r.at.unwrap_or_else(|| zone.start_of_day(r.date)), r.count))
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn read_record(item: &Json, zone: &Zone) -> Result<Record> {
    item.object()?;
    let count = match item.opt("count")? {
        None => 1,
        Some(c) => c.integer_in(0, 1_000_000_000_000_000)? as u64,
    };
    match (item.opt("date")?, item.opt("at")?) {
        (Some(d), None) => Ok(Record {
            date: time::date(&d)?,
            at: None,
            count,
        }),
        (None, Some(a)) => {
            let at = time::instant(&a, zone)?;
            Ok(Record {
                date: zone.date_of(at),
                at: Some(at),
                count,
            })
        }
        (Some(_), Some(a)) => Err(a.error(
            ErrorCode::InvalidValue,
            "give either `date` or `at`, not both",
        )),
        (None, None) => {
            let mut error = match item.field("date") {
                Err(e) => e,
                Ok(d) => d.error(ErrorCode::MissingField, ""),
            };
            error.message = "each record needs `date` (YYYY-MM-DD) or `at` (an instant)".into();
            Err(error)
        }
    }
}
