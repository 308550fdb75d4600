//! Seed 000's `impactLeaderboard { entries { rank customerId displayName co2Saved badgeCount }
//! currentUserPosition { rank percentile } }`, read into [`crate::leaderboard`].

use super::graphql_errors;
use crate::card::locale::Locale;
use crate::error::{Error, ErrorCode, Result};
use crate::json::Json;
use crate::leaderboard::{place, Entry, Leaderboard, Position};

fn rank(field: &Json) -> Result<u64> {
    Ok(field.integer_in(1, 1 << 53)? as u64)
}

fn entry(item: &Json) -> Result<Entry> {
    Ok(Entry {
        rank: rank(&item.field("rank")?)?,
        customer_id: item.field("customerId")?.id()?,
        display_name: item.opt_text("displayName")?,
        co2_saved: item
            .opt("co2Saved")?
            .map(|c| c.non_negative())
            .transpose()?,
        badge_count: item
            .opt("badgeCount")?
            .map(|b| b.integer_in(0, 1 << 53).map(|n| n as u64))
            .transpose()?,
        is_you: false,
        rank_text: String::new(),
    })
}

fn position(input: &Json) -> Result<Position> {
    Ok(Position {
        rank: input.opt("rank")?.map(|r| rank(&r)).transpose()?,
        percentile: input
            .opt("percentile")?
            .map(|p| p.number_in(0.0, 100.0))
            .transpose()?,
    })
}

/// Reads one `impactLeaderboard` object for the customer `options` names: its top-level
/// `customerId` (which row is yours) and `locale` (the ranking text's language, default `en`).
pub fn leaderboard(board: &Json, options: &Json) -> Result<Leaderboard> {
    let list = board.field("entries")?;
    let mut entries = Vec::new();
    for item in list.items()? {
        entries.push(entry(&item)?);
    }
    if let Some(i) =
        crate::unique::first_repeat(&mut entries.iter().map(|e| e.customer_id.as_str()))
    {
        let at = list.items()?.nth(i).unwrap_or(list);
        let id = entries
            .get(i)
            .map(|e| e.customer_id.as_str())
            .unwrap_or_default();
        return Err(at.error(
            ErrorCode::Duplicate,
            ["shopper ", id, " is listed twice"].concat(),
        ));
    }
    let position = match board.opt("currentUserPosition")? {
        Some(p) => position(&p)?,
        None => Position::default(),
    };
    let customer = options.opt("customerId")?.map(|c| c.id()).transpose()?;
    let locale = Locale::from_json(options)?;
    Ok(place(entries, position, customer.as_deref(), locale))
}

/// The `readLeaderboard` function: a GraphQL response `{data: {impactLeaderboard}}` or its `data`
/// `{impactLeaderboard}`, with optional top-level `customerId` and `locale`. GraphQL `errors`
/// throw `graphql_error`.
///
/// ```
/// let v = serde_json::json!({"data": {"impactLeaderboard": {"entries": [
///     {"rank": 1, "customerId": "cust_9", "displayName": "Ana", "co2Saved": 512.25, "badgeCount": 5},
///     {"rank": 2, "customerId": "cust_123", "displayName": "Sam", "co2Saved": 248.5, "badgeCount": 2}],
///   "currentUserPosition": {"rank": 2, "percentile": 15}}}, "customerId": "cust_123"});
/// let v = impactkit::json::Node::from(&v);
/// let b = impactkit::adapters::graphql::leaderboard::read_leaderboard(&impactkit::json::Json::root(&v)).unwrap();
/// assert_eq!(b.you.unwrap().gap_above, Some(263.75));
/// ```
pub fn read_leaderboard(input: &Json) -> Result<Leaderboard> {
    graphql_errors(input)?;
    if let Some(board) = input.opt("impactLeaderboard")? {
        return leaderboard(&board, input);
    }
    let data = input.opt("data")?.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            input.path().render() + ".data",
            "expected a GraphQL response `{data: {impactLeaderboard}}` or its `data`",
        )
    })?;
    leaderboard(&data.field("impactLeaderboard")?, input)
}
