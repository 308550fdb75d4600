//! The request's options, `issued` counts and order windows.

use crate::badges::catalogue::DEFAULT_KG_CO2_PER_TREE;
use crate::badges::definition::Definition;
use crate::badges::events::Event;
use crate::badges::orders::Order;
use crate::badges::validity::Validity;
use crate::error::Result;
use crate::json::Json;
use std::borrow::Cow;

pub(super) struct Options {
    pub(super) kg_co2_per_tree: f64,
    pub(super) expiring_soon_days: i64,
}

pub(super) fn read_options(input: &Json) -> Result<Options> {
    let mut options = Options {
        kg_co2_per_tree: DEFAULT_KG_CO2_PER_TREE,
        expiring_soon_days: 30,
    };
    if let Some(o) = input.opt("options")? {
        if let Some(k) = o.opt("kgCo2PerTree")? {
            options.kg_co2_per_tree = k.positive()?;
        }
        if let Some(d) = o.opt("expiringSoonDays")? {
            options.expiring_soon_days = d.integer_in(0, 36_500)?;
        }
    }
    Ok(options)
}

/// Each definition's `issued` count (`{badgeId: count}`), read whole before any badge is looked
/// at, so a bad count errors whether or not its badge has a tier left to earn. Keys that name no
/// definition are not read (a backend may count badges the storefront does not define).
pub(super) fn read_issued(
    map: Option<Json>,
    definitions: &[Definition],
) -> Result<Vec<Option<u64>>> {
    let Some(map) = map else {
        return Ok(vec![None; definitions.len()]);
    };
    let index = crate::unique::index(&mut map.object()?.iter().map(|(k, _)| k.as_ref()));
    let mut issued = Vec::with_capacity(definitions.len());
    for d in definitions {
        let at = index.get(d.id.as_str()).and_then(|&i| map.entry(i));
        issued.push(match at {
            Some(n) => Some(n.integer_in(0, 1 << 53)? as u64),
            None => None,
        });
    }
    Ok(issued)
}

/// Orders inside a badge's validity window (all of them when it has none).
pub(super) fn in_window<'a, 'o>(
    orders: &'a [&'o Order],
    validity: &Validity,
) -> Cow<'a, [&'o Order]> {
    if validity.start_on.is_none() && validity.expires_on.is_none() {
        Cow::Borrowed(orders)
    } else {
        Cow::Owned(
            orders
                .iter()
                .copied()
                .filter(|o| windowed(o, validity))
                .collect(),
        )
    }
}

/// Whether an order counts for a badge with this validity window (see [`in_window`]).
pub(super) fn windowed(order: &Order, validity: &Validity) -> bool {
    (validity.start_on.is_none() && validity.expires_on.is_none())
        || validity.contains(order.placed_at)
}

/// Events inside a badge's validity window (all of them when it has none).
pub(super) fn in_window_events<'e>(events: &'e [Event], validity: &Validity) -> Vec<&'e Event> {
    let all = validity.start_on.is_none() && validity.expires_on.is_none();
    events
        .iter()
        .filter(|e| all || validity.contains(e.at))
        .collect()
}
