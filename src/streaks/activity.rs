//! Activity records read once: each record's local date (and instant, for `at` records) and
//! count, so a streak at any `now` only filters them.

use crate::error::{ErrorCode, Result};
use crate::json::scan::{first_time, Keys, Scan};
use crate::json::{Json, Node};
use crate::time::civil::{DateTime, NaiveDate, Utc};
use crate::time::{self, Zone};

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
    /// let now = impactkit::time::utc_instant_text("2025-03-15T08:00:00Z").unwrap();
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

    /// The fields of the records of the array (at nesting depth 1) `scan` is at, read straight
    /// from the text (no parse tree); [`ScannedActivity::read`] makes them an [`Activity`] once
    /// the zone is known (the history's `timezone` may come after its `activity`). `None` when
    /// the list has something the fast path leaves to the tree path: a syntax error, a record
    /// that is not an object or repeats a key (see [`crate::json::scan`]).
    ///
    /// ```
    /// use impactkit::{json::scan::Scan, streaks::Activity, time::Zone};
    /// let read = |text| Activity::scan(&mut Scan::new(text))?.read(&Zone::utc()).map(|a| a.len());
    /// assert_eq!(read(r#"[{"date": "2025-03-14", "note": {"x": [1]}}, {"at": 1741946400000}]"#), Some(2));
    /// assert_eq!(read(r#"[{"date": "2025-3-14"}]"#), None);
    /// ```
    pub fn scan<'t>(scan: &mut Scan<'t>) -> Option<ScannedActivity<'t>> {
        scan_records(scan)
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
    let (count, date, at) = (item.opt("count")?, item.opt("date")?, item.opt("at")?);
    if let (None, None) = (&date, &at) {
        let mut error = match item.field("date") {
            Err(e) => e,
            Ok(d) => d.error(ErrorCode::MissingField, ""),
        };
        error.message = "each record needs `date` (YYYY-MM-DD) or `at` (an instant)".into();
        return Err(error);
    }
    record(count, date, at, zone)
}

/// A record from its fields (`null` ones as `None`): the one reading both paths share.
fn record(
    count: Option<Json>,
    date: Option<Json>,
    at: Option<Json>,
    zone: &Zone,
) -> Result<Record> {
    let count = match count {
        None => 1,
        Some(c) => c.integer_in(0, 1_000_000_000_000_000)? as u64,
    };
    match (date, at) {
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
        (None, None) => Err(crate::error::Error::new(
            ErrorCode::MissingField,
            "$",
            "each record needs `date` (YYYY-MM-DD) or `at` (an instant)",
        )),
    }
}

/// The keys of a record the scan reads, in the order records usually write them (the scan tries
/// each key's successor first, [`Scan::fields`]).
const RECORD_KEYS: Keys<3> = Keys::new(["at", "count", "date"]);

/// The `at`, `count` and `date` of one record as written (`null` as absent).
type RecordFields<'t> = [Option<Node<'t>>; 3];

/// Activity records read from the text by [`Activity::scan`], not yet dated in the zone: the
/// usual ones (`{at: <instant in UTC or epoch number>, count?: <whole number>}`) read, the
/// others' fields kept for the general record reader.
pub struct ScannedActivity<'t> {
    /// Every record in input order: a usual one with its instant and count (its date is the
    /// zone's), any other a placeholder.
    records: Vec<Record>,
    /// The fields of the other records, with their position.
    others: Vec<(usize, RecordFields<'t>)>,
}

impl ScannedActivity<'_> {
    /// The records in `zone`, read by the tree path's own reader; `None` when one of them is
    /// an error there (the tree path then reports it).
    pub fn read(self, zone: &Zone) -> Option<Activity> {
        let ScannedActivity {
            mut records,
            others,
        } = self;
        for record in &mut records {
            if let Some(at) = record.at {
                record.date = zone.date_of(at);
            }
        }
        for (i, fields) in others {
            let [at, count, date] = fields.each_ref().map(|f| f.as_ref().map(Json::root));
            *records.get_mut(i)? = record(count, date, at, zone).ok()?;
        }
        records.shrink_to_fit(); // a session keeps them
        Some(Activity(records))
    }
}

/// The largest `count` ([`record`]'s limit).
const MAX_COUNT: u64 = 1_000_000_000_000_000;

/// The usual record, `{at: <instant text in UTC or epoch number>, count?: <whole number>}`,
/// read as [`record`] reads it (the same instant, the same count) but not yet dated (its date
/// depends on the zone); `None` for any other (then [`record`] reads it, or reports why it is
/// not a record).
fn usual_record(fields: &RecordFields<'_>) -> Option<Record> {
    let count = match fields {
        [_, None, _] => 1,
        [_, Some(Node::Number(crate::json::Number::Unsigned(n))), _] if *n <= MAX_COUNT => *n,
        _ => return None,
    };
    let at = match fields {
        [Some(Node::String(text)), _, None] => time::utc_instant_text(text)?,
        // Epoch seconds or milliseconds, within the magnitude `Json::number` accepts.
        [Some(Node::Number(n)), _, None] if n.as_f64().abs() <= crate::limits::MAX_ABS_NUMBER => {
            time::epoch(n.as_f64())?
        }
        _ => return None,
    };
    Some(Record {
        date: NaiveDate::MIN,
        at: Some(at),
        count,
    })
}

/// Reads the records of the array `scan` is at (no parse tree); `None` when the text is not
/// valid or a record is not an object or repeats a key (then read it with [`Activity::read`]).
fn scan_records<'t>(scan: &mut Scan<'t>) -> Option<ScannedActivity<'t>> {
    let mut scanned = ScannedActivity {
        records: Vec::new(),
        others: Vec::new(),
    };
    scan.array(1, |s| {
        let start = s.position();
        if let Some(record) = utc_record(s) {
            scanned.records.push(record);
            return Some(());
        }
        s.rewind(start);
        let fields = scan_record(s)?;
        let record = usual_record(&fields).unwrap_or_else(|| {
            scanned.others.push((scanned.records.len(), fields));
            Record {
                date: NaiveDate::MIN,
                at: None,
                count: 0,
            }
        });
        scanned.records.push(record);
        Some(())
    })?;
    Some(scanned)
}

/// The commonest record, `{"at": "<instant in UTC>", "count": <whole number>}` (`count`
/// optional, keys in any order), read with no parse value built: [`usual_record`]'s reading of
/// it. `None` for any other record, or one with other keys (then read it with [`scan_record`]
/// from its start).
#[inline]
fn utc_record(s: &mut Scan<'_>) -> Option<Record> {
    let (mut at, mut count, mut seen) = (None, 1, 0);
    s.fields(2, &RECORD_KEYS, |s, key| {
        let i = key.filter(|&i| i < 2)?;
        first_time(&mut seen, i)?;
        match i {
            0 => at = Some(time::utc_instant_text(s.plain_str()?)?),
            _ => count = s.whole_number().filter(|&n| n <= MAX_COUNT)?,
        }
        Some(())
    })?;
    Some(Record {
        date: NaiveDate::MIN,
        at: Some(at?),
        count,
    })
}

/// One record's fields (at depth 2), each key at most once.
fn scan_record<'t>(s: &mut Scan<'t>) -> Option<RecordFields<'t>> {
    let mut fields: RecordFields = [None, None, None];
    let mut seen = 0;
    s.fields(2, &RECORD_KEYS, |s, key| {
        let Some(i) = key else {
            return s.skip(3);
        };
        first_time(&mut seen, i)?;
        *fields.get_mut(i)? = s.scalar()?.not_null();
        Some(())
    })?;
    Some(fields)
}
