//! Gameball's customer activities endpoint (seed 004): one page `{activities, count, hasMore}` or
//! the pages a `startAfter` / `limit` walk fetched, merged into one list that `streak` reads as is.
//!
//! `activityDate` ("October 20, 2024") and `activityTime` ("19:27:33") carry no offset: they are
//! wall-clock time in the Gameball account's (the store's) timezone, read in the input's
//! `timezone`. A time the clocks skipped moves forward by the gap and a repeated time takes the
//! earlier instant, as everywhere in impactkit ([`Zone::resolve_local`]).

use crate::error::{ErrorCode, Message, Result};
use crate::json::Json;
use crate::limits::{MAX_ARRAY_LEN, MAX_YEAR, MIN_YEAR};
use crate::time::civil::{DateTime, NaiveDate, Utc};
use crate::time::text::digits;
use crate::time::{parse_instant_str, Zone};

/// One activity, normalised: `streak({activity: [...]})` reads its `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// `activityId`, if sent (the key pages are de-duplicated by).
    pub id: Option<String>,
    /// When it happened, RFC 3339 in the input's `timezone`.
    pub at: String,
    /// `activityType` as sent ("TierUpgraded", "Cashback Rewarded", …).
    pub kind: Option<String>,
    /// Points earned (negative when spent or expired), if sent.
    pub points: Option<f64>,
    /// The tier of a tier event, if sent.
    pub tier_name: Option<String>,
    /// The rewards campaign of a campaign event, if sent.
    pub campaign_name: Option<String>,
}

crate::to_json_struct!(Activity {
    id: "id",
    at: "at",
    kind: "type",
    points: "points",
    tier_name: "tierName",
    campaign_name: "campaignName",
});

/// Reads `activities`: one page response or an array of them. Pages are merged, an `activityId`
/// seen before (overlapping pages) is kept once (its first copy), and the list is sorted newest
/// first (equal instants keep their input order).
///
/// ```
/// let v = serde_json::json!([{"activities": [{"activityId": 1, "activityDate": "October 11, 2024", "activityTime": "18:51:29"}]},
///                            {"activities": [{"activityId": 1, "activityDate": "October 11, 2024", "activityTime": "18:51:29"},
///                                            {"activityId": 2, "activityDate": "October 20, 2024", "activityTime": "19:27:33"}]}]);
/// let v = impactkit::json::Node::from(&v);
/// let a = impactkit::adapters::gameball::activities::read(&impactkit::json::Json::root(&v), &impactkit::time::Zone::utc()).unwrap();
/// assert_eq!(a.iter().map(|x| x.at.as_str()).collect::<Vec<_>>(), ["2024-10-20T19:27:33Z", "2024-10-11T18:51:29Z"]);
/// ```
pub fn read(input: &Json, zone: &Zone) -> Result<Vec<Activity>> {
    let mut read: Vec<(DateTime<Utc>, Activity)> = Vec::new();
    if input.value().is_array() {
        for page in input.items()? {
            read_page(&page, zone, &mut read)?;
        }
    } else {
        read_page(input, zone, &mut read)?;
    }
    let kept = super::newest_first(first_copies(read), |(at, _)| super::instant_key(at));
    Ok(kept.into_iter().map(|(_, a)| a).collect())
}

fn read_page(page: &Json, zone: &Zone, out: &mut Vec<(DateTime<Utc>, Activity)>) -> Result<()> {
    let list = page.field("activities")?;
    let items = list.items()?;
    if out.len().saturating_add(items.len()) > MAX_ARRAY_LEN {
        return Err(list.error(
            ErrorCode::TooLarge,
            Message::new("the pages hold more than ")
                .int(MAX_ARRAY_LEN as i128)
                .text(" activities"),
        ));
    }
    for item in items {
        out.push(activity(&item, zone)?);
    }
    Ok(())
}

/// The records whose `activityId` was not seen before (records without one are all kept).
fn first_copies(read: Vec<(DateTime<Utc>, Activity)>) -> Vec<(DateTime<Utc>, Activity)> {
    let ids: Vec<&str> = read.iter().filter_map(|(_, a)| a.id.as_deref()).collect();
    let first = crate::unique::first_equal(&ids);
    let mut with_id = 0;
    let mut keep = Vec::with_capacity(read.len());
    for (_, a) in &read {
        keep.push(match a.id {
            None => true,
            Some(_) => {
                with_id += 1;
                first.get(with_id - 1) == Some(&(with_id - 1))
            }
        });
    }
    read.into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

fn activity(item: &Json, zone: &Zone) -> Result<(DateTime<Utc>, Activity)> {
    let at = instant_of(item, zone)?;
    Ok((
        at,
        Activity {
            id: item.opt("activityId")?.map(|i| i.id()).transpose()?,
            at: zone.format(at),
            kind: item.opt_text("activityType")?,
            points: item.opt_number("points")?,
            tier_name: item.opt_text("tierName")?,
            campaign_name: item.opt_text("campaignName")?,
        },
    ))
}

/// `activityDate` + `activityTime` as an instant in `zone`.
fn instant_of(item: &Json, zone: &Zone) -> Result<DateTime<Utc>> {
    let date_field = item.field("activityDate")?;
    let date_text = date_field.str()?;
    let date = parse_long_date(date_text).ok_or_else(|| {
        date_field.error(
            ErrorCode::InvalidDate,
            Message::default()
                .user(date_text)
                .text(" is not a date like \"October 20, 2024\""),
        )
    })?;
    let time_field = item.field("activityTime")?;
    let time_text = time_field.str()?;
    let time_text = time_text.trim_ascii();
    // Wall-clock digits only: an offset here would silently override `timezone`.
    let plain = time_text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
    let wall = [crate::time::format_date(date).as_str(), "T", time_text].concat();
    match parse_instant_str(&wall, zone) {
        Some(at) if plain => Ok(at),
        Some(_) | None if !plain || crate::time::text::parse_instant_text(&wall).is_none() => {
            Err(time_field.error(
                ErrorCode::InvalidDate,
                Message::default()
                    .user(time_text)
                    .text(" is not a local time like \"19:27:33\""),
            ))
        }
        _ => Err(date_field.error(
            ErrorCode::InvalidDate,
            Message::default()
                .user(date_text)
                .text(" is outside the years ")
                .int(MIN_YEAR.into())
                .text("–")
                .int(MAX_YEAR.into()),
        )),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Parses Gameball's `activityDate`: an English month name (or its first three letters, any
/// case), the day and the year, as in "October 20, 2024" or "Oct 20 2024"; also `YYYY-MM-DD`.
///
/// ```
/// use impactkit::adapters::gameball::activities::parse_long_date;
/// let d = |y, m, d| impactkit::time::civil::NaiveDate::from_ymd_opt(y, m, d);
/// assert_eq!(parse_long_date("October 20, 2024"), d(2024, 10, 20));
/// assert_eq!(parse_long_date("sep 3 2024"), d(2024, 9, 3));
/// assert_eq!(parse_long_date("2024-10-20"), d(2024, 10, 20));
/// assert_eq!(parse_long_date("February 30, 2024"), None);
/// assert_eq!(parse_long_date("Octobre 20, 2024"), None);
/// ```
pub fn parse_long_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim_ascii();
    if let Some(date) = crate::time::text::parse_date_text(text) {
        return Some(date);
    }
    if !text.is_ascii() {
        return None;
    }
    let mut words = (text.as_bytes())
        .split(|&b| b == b' ' || b == b',')
        .filter(|w| !w.is_empty());
    let (month, day, year) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    let month = month.to_ascii_lowercase();
    let index = MONTHS.iter().position(|m| {
        m.as_bytes() == month.as_slice() || (month.len() == 3 && m.as_bytes().starts_with(&month))
    })?;
    let number = |w: &[u8], max: usize| (w.len() <= max).then(|| digits(w)).flatten();
    let (day, year) = (number(day, 2)?, number(year, 4)?);
    if year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, index as u32 + 1, day)
}
