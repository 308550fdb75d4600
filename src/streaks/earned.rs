//! Earned freezes: the streak itself pays for freezes, one per `earnEvery` kept periods, up
//! to `max` earned over the history (`freezes: {earnEvery, max, start?}`).

use super::MAX_FREEZES;
use crate::error::Result;
use crate::json::Json;

/// Most kept periods one earned freeze may cost (`earnEvery`).
///
/// ```
/// assert_eq!(impactkit::streaks::MAX_EARN_EVERY, 366);
/// ```
pub const MAX_EARN_EVERY: u32 = 366;

/// How kept periods earn freezes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EarnedFreezes {
    /// Kept periods per earned freeze.
    pub every: u32,
    /// Most freezes earned over the whole history.
    pub max: u32,
}

impl EarnedFreezes {
    /// Freezes earned once `kept` periods are kept: `min(max, kept / every)`.
    ///
    /// ```
    /// let e = impactkit::streaks::EarnedFreezes { every: 7, max: 2 };
    /// assert_eq!((e.earned(6), e.earned(7), e.earned(13), e.earned(100)), (0, 1, 1, 2));
    /// ```
    pub fn earned(self, kept: u32) -> u32 {
        (kept / self.every.max(1)).min(self.max)
    }

    /// The freezes the `kept`-th kept period earns (0 or 1).
    pub fn step(self, kept: u32) -> u32 {
        self.earned(kept) - self.earned(kept.saturating_sub(1))
    }
}

/// Reads `freezes`: a number (freezes in hand, as before) or `{earnEvery, max, start?}` (earned
/// freezes, with `start` in hand from the beginning of the history). Returns `(start, earning)`.
///
/// ```
/// use impactkit::{json::{Json, Node}, streaks::{read_freezes, EarnedFreezes}};
/// let v = serde_json::json!({"freezes": {"earnEvery": 7, "max": 2, "start": 1}});
/// let v = Node::from(&v);
/// assert_eq!(read_freezes(&Json::root(&v)).unwrap(), (1, Some(EarnedFreezes { every: 7, max: 2 })));
/// ```
pub fn read_freezes(input: &Json) -> Result<(u32, Option<EarnedFreezes>)> {
    let Some(field) = input.opt("freezes")? else {
        return Ok((0, None));
    };
    if !field.value().is_object() {
        return Ok((field.integer_in(0, i64::from(MAX_FREEZES))? as u32, None));
    }
    field.object()?;
    let every = field
        .field("earnEvery")?
        .integer_in(1, i64::from(MAX_EARN_EVERY))? as u32;
    let max = field.field("max")?.integer_in(0, i64::from(MAX_FREEZES))? as u32;
    let start = match field.opt("start")? {
        None => 0,
        Some(s) => s.integer_in(0, i64::from(MAX_FREEZES))? as u32,
    };
    Ok((start, Some(EarnedFreezes { every, max })))
}
