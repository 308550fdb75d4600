//! Conversions to and from chrono's types (native builds, where chrono is a dependency for the
//! tz database): for callers that hold chrono values, and for the tests that check these types
//! against chrono.

use super::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};

impl From<chrono::NaiveDate> for NaiveDate {
    fn from(date: chrono::NaiveDate) -> NaiveDate {
        use chrono::Datelike as _;
        let days = i64::from(date.num_days_from_ce()) - i64::from(NaiveDate::UNIX_EPOCH_CE_DAY);
        NaiveDate::from_epoch_days(days).unwrap_or(NaiveDate::MIN)
    }
}

impl From<NaiveDate> for chrono::NaiveDate {
    fn from(date: NaiveDate) -> chrono::NaiveDate {
        chrono::NaiveDate::from_num_days_from_ce_opt(date.num_days_from_ce())
            .unwrap_or(chrono::NaiveDate::MIN)
    }
}

impl From<chrono::DateTime<chrono::Utc>> for DateTime<Utc> {
    fn from(t: chrono::DateTime<chrono::Utc>) -> DateTime<Utc> {
        DateTime::from_timestamp(t.timestamp(), t.timestamp_subsec_nanos().min(999_999_999))
            .unwrap_or(DateTime::UNIX_EPOCH)
    }
}

impl From<DateTime<Utc>> for chrono::DateTime<chrono::Utc> {
    fn from(t: DateTime<Utc>) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(t.timestamp(), t.timestamp_subsec_nanos())
            .unwrap_or(chrono::DateTime::UNIX_EPOCH)
    }
}

impl From<chrono::NaiveDateTime> for NaiveDateTime {
    fn from(t: chrono::NaiveDateTime) -> NaiveDateTime {
        DateTime::<Utc>::from(t.and_utc()).naive_utc()
    }
}
