//! Gameball's customer referrals endpoints (seed 004): the list `{referredFriends, count, hasMore}`
//! and the count `{count, totalPending, totalActive}`, summarised for a "friends referred" widget.

use crate::error::{ErrorCode, Message, Result};
use crate::json::Json;
use crate::time::civil::{DateTime, Utc};
use crate::time::{instant, Zone};

/// A referred friend, for display (the list's email and mobile number are left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Friend {
    /// The friend's `customerId`.
    pub customer_id: String,
    /// `displayName`, if sent.
    pub display_name: Option<String>,
    /// `joinDate` (naive, read in the input's `timezone`) as RFC 3339, if sent.
    pub joined_at: Option<String>,
    /// `active` or `pending` (Gameball's `Active` / `Pending`); another status as sent, ASCII lower-cased.
    pub status: String,
}

crate::to_json_struct!(Friend {
    customer_id: "customerId",
    display_name: "displayName",
    joined_at: "joinedAt",
    status: "status",
});

/// The referral summary of `readGameball`.
#[derive(Debug, Clone, PartialEq)]
pub struct Referrals {
    /// Friends who completed the referral: the count response's `totalActive`, else counted in the list.
    pub active: u64,
    /// Friends who joined but have not completed it yet (`totalPending`, else counted in the list).
    pub pending: u64,
    /// All friends referred (`count` of the count response, else the list's length).
    pub total: u64,
    /// The list page's friends, newest `joinDate` first (those without one last).
    pub recent: Vec<Friend>,
    /// The list page's `hasMore`: without a count response the figures above count this page only.
    pub has_more: bool,
}

crate::to_json_struct!(Referrals {
    active: "active",
    pending: "pending",
    total: "total",
    recent: "recent",
    has_more: "hasMore",
});

fn count(input: &Json, key: &str) -> Result<u64> {
    Ok(input.field(key)?.integer_in(0, 1 << 53)? as u64)
}

/// Reads the list response and / or the count response (at least one is given).
///
/// ```
/// use impactkit::{adapters::gameball::referrals::read, json::{Json, Node}, time::Zone};
/// let count = serde_json::json!({"count": 15, "totalPending": 5, "totalActive": 10});
/// let count = Node::from(&count);
/// let r = read(None, Some(&Json::root(&count)), &Zone::utc()).unwrap();
/// assert_eq!((r.active, r.pending, r.total), (10, 5, 15));
/// ```
pub fn read(list: Option<&Json>, counts: Option<&Json>, zone: &Zone) -> Result<Referrals> {
    let (recent, has_more) = match list {
        Some(l) => (
            friends(l, zone)?,
            l.opt("hasMore")?.map(|h| h.bool()).transpose()?,
        ),
        None => (Vec::new(), None),
    };
    let listed = |status: &str| recent.iter().filter(|f| f.status == status).count() as u64;
    let (active, pending, total) = match counts {
        Some(c) => {
            let (active, pending, total) = (
                count(c, "totalActive")?,
                count(c, "totalPending")?,
                count(c, "count")?,
            );
            if total < active + pending {
                return Err(c.field("count")?.error(
                    ErrorCode::OutOfRange,
                    Message::new("the total ")
                        .int(total.into())
                        .text(" is below totalActive + totalPending (")
                        .int((active + pending).into())
                        .text(")"),
                ));
            }
            (active, pending, total)
        }
        None => (listed("active"), listed("pending"), recent.len() as u64),
    };
    Ok(Referrals {
        active,
        pending,
        total,
        recent,
        has_more: has_more.unwrap_or(false),
    })
}

/// The list's friends, newest first; a `customerId` listed twice is `duplicate`.
fn friends(list: &Json, zone: &Zone) -> Result<Vec<Friend>> {
    let items = list.field("referredFriends")?;
    let mut read: Vec<(Option<DateTime<Utc>>, Friend)> = Vec::new();
    for item in items.items()? {
        read.push(friend(&item, zone)?);
    }
    if let Some(i) =
        crate::unique::first_repeat(&mut read.iter().map(|(_, f)| f.customer_id.as_str()))
    {
        let at = items.items()?.nth(i).unwrap_or(items);
        let id = read
            .get(i)
            .map(|(_, f)| f.customer_id.as_str())
            .unwrap_or_default();
        return Err(at.error(
            ErrorCode::Duplicate,
            ["friend ", id, " is listed twice"].concat(),
        ));
    }
    // Newest first; friends without a join date (key "") after the dated ones, in input order.
    let sorted = super::newest_first(read, |(joined, _)| {
        joined.as_ref().map(super::instant_key).unwrap_or_default()
    });
    Ok(sorted.into_iter().map(|(_, f)| f).collect())
}

fn friend(item: &Json, zone: &Zone) -> Result<(Option<DateTime<Utc>>, Friend)> {
    let joined = item
        .opt("joinDate")?
        .map(|d| instant(&d, zone))
        .transpose()?;
    let status = item
        .field("status")?
        .str()?
        .trim_ascii()
        .to_ascii_lowercase();
    Ok((
        joined,
        Friend {
            customer_id: item.field("customerId")?.id()?,
            display_name: item.opt_text("displayName")?,
            joined_at: joined.map(|t| zone.format(t)),
            status,
        },
    ))
}
