//! A leaderboard with the customer placed on it: which entry is "you", your rank and
//! percentile, the card's ranking line in the customer's language, and how far the entry
//! above you is ahead. Backend field names are read in `adapters::graphql::leaderboard`.

use crate::card::{locale::Locale, ranking_text};
use crate::decimal::Decimal;

/// One leaderboard row.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Rank (1 = best; tied entries share one).
    pub rank: u64,
    /// The shopper's id.
    pub customer_id: String,
    /// Display name, if sent.
    pub display_name: Option<String>,
    /// CO₂ saved in kg, if sent.
    pub co2_saved: Option<f64>,
    /// Badges earned, if sent.
    pub badge_count: Option<u64>,
    /// Whether this row is the customer the board is shown to.
    pub is_you: bool,
    /// The rank in words of the locale ("Rank #3", "Platz 3", "3位").
    pub rank_text: String,
}

crate::to_json_struct!(Entry {
    rank: "rank",
    customer_id: "customerId",
    display_name: "displayName",
    co2_saved: "co2Saved",
    badge_count: "badgeCount",
    is_you: "isYou",
    rank_text: "rankText",
});

/// The customer's own standing.
#[derive(Debug, Clone, PartialEq)]
pub struct You {
    /// Rank: the backend's `currentUserPosition.rank`, else your row's.
    pub rank: Option<u64>,
    /// "Top N %" figure (`currentUserPosition.percentile`), if sent.
    pub percentile: Option<f64>,
    /// Whether your row is among the entries.
    pub in_list: bool,
    /// Your rank in words, as the rows have it ("Rank #142"): for a row of yours below the list.
    pub rank_text: Option<String>,
    /// The ranking line the impact card shows ("Top 15% of sustainable shoppers", else "Rank #142").
    pub ranking_text: Option<String>,
    /// kg of CO₂ the nearest better-ranked entry saved beyond you (exact decimal): `null` when you
    /// are first, either row is missing from the list or has no `co2Saved`, or the entry above saved
    /// less than you (a board not ranked by CO₂).
    pub gap_above: Option<f64>,
}

crate::to_json_struct!(You {
    rank: "rank",
    percentile: "percentile",
    in_list: "inList",
    rank_text: "rankText",
    ranking_text: "rankingText",
    gap_above: "gapAbove",
});

/// The result of `readLeaderboard` (and `readImpactProfile`'s `leaderboard`).
#[derive(Debug, Clone, PartialEq)]
pub struct Leaderboard {
    /// The entries by rank (ties in input order).
    pub entries: Vec<Entry>,
    /// Your standing: `null` when the backend gives no position and no entry is yours.
    pub you: Option<You>,
    /// Unit of `co2Saved` and `gapAbove`: always `kg`.
    pub co2_unit: &'static str,
}

crate::to_json_struct!(Leaderboard {
    entries: "entries",
    you: "you",
    co2_unit: "co2Unit",
});

/// The backend's `currentUserPosition`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Position {
    /// Rank, if sent.
    pub rank: Option<u64>,
    /// Percentile ("top N %"), if sent.
    pub percentile: Option<f64>,
}

/// Places the customer on `entries` (any order; `is_you` and `rank_text` are set here).
/// Your row is the one with `customer_id` when given, else the only row at `position.rank`.
///
/// ```
/// use impactkit::leaderboard::{place, Entry, Position};
/// let row = |rank, id: &str, kg| Entry { rank, customer_id: id.into(), display_name: None,
///     co2_saved: Some(kg), badge_count: None, is_you: false, rank_text: String::new() };
/// let board = place(vec![row(2, "b", 240.5), row(1, "a", 300.0)], Position { rank: Some(2), percentile: Some(15.0) },
///     Some("b"), impactkit::card::locale::Locale::EN);
/// let you = board.you.unwrap();
/// assert_eq!((board.entries[1].is_you, you.gap_above), (true, Some(59.5)));
/// assert_eq!(you.ranking_text.as_deref(), Some("Top 15% of sustainable shoppers"));
/// ```
pub fn place(
    entries: Vec<Entry>,
    position: Position,
    customer_id: Option<&str>,
    locale: Locale,
) -> Leaderboard {
    let mut entries = by_rank(entries);
    let mine = match customer_id {
        Some(id) => entries.iter().position(|e| e.customer_id == id),
        None => position.rank.and_then(|r| only_one(&entries, r)),
    };
    let rank_text = |rank: u64| ranking_text(locale, None, None, Some(rank as i64));
    for (i, e) in entries.iter_mut().enumerate() {
        e.is_you = Some(i) == mine;
        e.rank_text = rank_text(e.rank).unwrap_or_default();
    }
    let row = mine.and_then(|i| entries.get(i));
    let rank = position.rank.or(row.map(|e| e.rank));
    let you = (rank.is_some() || position.percentile.is_some()).then(|| You {
        rank,
        percentile: position.percentile,
        in_list: row.is_some(),
        rank_text: rank.and_then(rank_text),
        ranking_text: ranking_text(locale, position.percentile, None, rank.map(|r| r as i64)),
        gap_above: row.and_then(|r| gap_above(&entries, r)),
    });
    Leaderboard {
        entries,
        you,
        co2_unit: "kg",
    }
}

/// `entries` by rank, ties in input order (through [`crate::unique::sorted_indices`] on
/// zero-padded ranks: one sort in the wasm module, not one per item type).
fn by_rank(entries: Vec<Entry>) -> Vec<Entry> {
    let keys: Vec<String> = entries
        .iter()
        .map(|e| {
            let mut key = String::with_capacity(16);
            crate::numbers::push_digits(&mut key, u128::from(e.rank), 16);
            key
        })
        .collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
    crate::unique::sorted_indices(&keys)
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// The index of the only entry at `rank` (none when it is shared or absent).
fn only_one(entries: &[Entry], rank: u64) -> Option<usize> {
    let mut at = entries.iter().enumerate().filter(|(_, e)| e.rank == rank);
    match (at.next(), at.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// `co2Saved` of the last entry ranked strictly better than `you`, minus yours.
fn gap_above(entries: &[Entry], you: &Entry) -> Option<f64> {
    let above = entries.iter().rev().find(|e| e.rank < you.rank)?;
    let gap = Decimal::from_f64(above.co2_saved?) - Decimal::from_f64(you.co2_saved?);
    (!gap.is_negative()).then(|| gap.to_f64())
}
