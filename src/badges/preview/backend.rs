//! The backend's earns (`earned`), matched to definitions and their tiers.

use super::{EarnedBadge, Source};
use crate::badges::definition::Definition;
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::civil::{DateTime, Utc};
use crate::time::{instant, Zone};

/// A backend-reported earn (seed 000 `badges` entry).
pub(super) struct BackendEarn {
    pub(super) id: String,
    pub(super) name: Option<String>,
    pub(super) tier: Option<String>,
    pub(super) rank: Option<usize>,
    pub(super) earned_at: Option<DateTime<Utc>>,
    pub(super) expires_at: Option<DateTime<Utc>>,
}

/// The index of tier `name` of definition `d` (number `i`), via a map built once per definition.
fn tier_of<'d>(
    maps: &mut Vec<Option<crate::unique::Index<'d>>>,
    i: usize,
    d: &'d Definition,
    name: &str,
) -> Option<usize> {
    if maps.len() <= i {
        maps.resize_with(i + 1, || None);
    }
    let map = maps.get_mut(i)?;
    let map = map
        .get_or_insert_with(|| crate::unique::index(&mut d.tiers.iter().map(|t| t.tier.as_str())));
    map.get(name).copied()
}

pub(super) fn read_backend(
    list: &Json,
    definitions: &[Definition],
    zone: &Zone,
) -> Result<Vec<BackendEarn>> {
    let mut earns = Vec::new();
    let by_id = crate::unique::index(&mut definitions.iter().map(|d| d.id.as_str()));
    // Tier indices by name, per definition, built when an earn first needs them.
    let mut tier_index: Vec<Option<crate::unique::Index>> = Vec::new();
    for item in list.items()? {
        let id = item.field("id")?.id()?;
        let found = by_id.get(id.as_str()).copied();
        let definition = found.and_then(|i| definitions.get(i));
        let tier_json = item.opt("tier")?;
        let tier = tier_json.map(|t| t.str().map(str::to_owned)).transpose()?;
        let rank = match (definition, &tier, &tier_json) {
            (Some(d), Some(name), Some(at)) => Some(
                tier_of(&mut tier_index, found.unwrap_or_default(), d, name).ok_or_else(|| {
                    at.error(
                        ErrorCode::InvalidValue,
                        crate::error::Message::default()
                            .user(name)
                            .text(" is not a tier of ")
                            .text(&d.id)
                            .text(": ")
                            .list(d.tiers.iter().map(|t| t.tier.as_str())),
                    )
                })?,
            ),
            (Some(_), _, _) => Some(0),
            (None, _, _) => None,
        };
        let at = |key: &str| -> Result<Option<DateTime<Utc>>> {
            item.opt(key)?.map(|t| instant(&t, zone)).transpose()
        };
        earns.push(BackendEarn {
            tier: tier.or_else(|| {
                definition
                    .and_then(|d| d.tiers.first())
                    .map(|t| t.tier.clone())
            }),
            name: item
                .opt_text("name")?
                .or_else(|| definition.map(|d| d.name.clone())),
            id,
            rank,
            earned_at: at("earnedAt")?,
            expires_at: at("expiresAt")?,
        });
    }
    Ok(earns)
}

pub(super) fn backend_badge(b: &BackendEarn, zone: &Zone) -> EarnedBadge {
    EarnedBadge {
        id: b.id.clone(),
        name: b.name.clone(),
        tier: b.tier.clone(),
        earned_at: b.earned_at.map(|t| zone.format(t)),
        expires_at: None,
        source: Source::Backend,
    }
}

pub(super) fn expiry_of(
    d: &Definition,
    b: &BackendEarn,
    zone: &Zone,
) -> std::result::Result<Option<DateTime<Utc>>, ()> {
    match b.expires_at {
        Some(t) => Ok(Some(t)),
        None => d.expiry.expires_at(b.earned_at, &d.validity, zone),
    }
}

/// Each definition's backend earns (by definition index), in backend order.
pub(super) fn by_definition<'b>(
    definitions: &[Definition],
    backend: &'b [BackendEarn],
) -> Vec<Vec<&'b BackendEarn>> {
    // Definition ids are unique, so an id's index is its definition's.
    let by_id = crate::unique::index(&mut definitions.iter().map(|d| d.id.as_str()));
    let mut backend_of: Vec<Vec<&BackendEarn>> = definitions.iter().map(|_| Vec::new()).collect();
    for b in backend {
        if let Some(mine) = by_id
            .get(b.id.as_str())
            .and_then(|&i| backend_of.get_mut(i))
        {
            mine.push(b);
        }
    }
    backend_of
}
