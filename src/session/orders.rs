//! Orders read straight from the JSON text of their array (no parse tree), for
//! [`super::Customer::open_text`]. Each field is read by the same [`Json`] reader the tree
//! path uses ([`crate::badges::orders::Order::from_json`]); an order that reader would refuse,
//! or one with a repeated key, makes the whole list `None` (then the tree path reads it).

use crate::badges::events::LocalTime;
use crate::badges::orders::{unique_chronological, Order, SupplyChain};
use crate::decimal::remaining;
use crate::json::scan::Scan;
use crate::json::{Json, Node};
use crate::time::{instant, Zone};

/// The keys of an order the rules read (any other is skipped).
const KEYS: [&str; 8] = [
    "id",
    "placedAt",
    "co2Kg",
    "baselineCo2Kg",
    "co2SavedKg",
    "recycledShare",
    "supplyChains",
    "offsetKg",
];
/// The index of `supplyChains` in [`KEYS`] (the one list).
const CHAINS: usize = 6;

/// [`crate::badges::orders::read_orders`] of the array `text` (at nesting depth 1), in `zone`.
pub(super) fn scan_orders(text: &str, zone: &Zone) -> Option<Vec<Order>> {
    let mut orders = Vec::new();
    let mut scan = Scan::new(text);
    scan.array(1, &mut |s| {
        orders.push(order(s, zone)?);
        Some(())
    })?;
    scan.finish().then(|| unique_chronological(orders))
}

/// Reads the object's keys of `keys` with `field` (each at most once), skipping the others.
fn entries<'t>(
    s: &mut Scan<'t>,
    depth: usize,
    keys: &[&str],
    field: &mut dyn FnMut(&mut Scan<'t>, usize) -> Option<()>,
) -> Option<()> {
    let mut seen = 0u32;
    s.object(depth, &mut |s, key| {
        // (Lengths first: most keys differ in length, and a comparison of lengths is cheap.)
        let Some(i) = keys.iter().position(|k| k.len() == key.len() && *k == key) else {
            return s.skip(depth + 1);
        };
        if seen & (1 << i) != 0 {
            return None; // a repeated key: the tree keeps the last one
        }
        seen |= 1 << i;
        field(s, i)
    })
}

/// One order object (at depth 2).
fn order(s: &mut Scan<'_>, zone: &Zone) -> Option<Order> {
    let mut fields: [Option<Node>; 8] = Default::default();
    let mut supply_chains = None;
    entries(s, 2, &KEYS, &mut |s, i| {
        if i == CHAINS {
            supply_chains = Some(chains(s)?);
        } else {
            *fields.get_mut(i)? = Some(s.scalar()?).filter(|v| !v.is_null());
        }
        Some(())
    })?;
    let [id, placed_at, co2, baseline, saved, share, _, offset] =
        fields.each_ref().map(|f| f.as_ref().map(Json::root));
    let placed_at = instant(&placed_at?, zone).ok()?;
    let co2_kg = co2?.non_negative().ok()?;
    let baseline_co2_kg = baseline?.non_negative().ok()?;
    let co2_saved_kg = match saved {
        Some(s) => s.non_negative().ok()?,
        None => remaining(baseline_co2_kg, co2_kg),
    };
    let local = LocalTime::of(placed_at, zone);
    Some(Order {
        id: id?.id().ok()?,
        placed_at,
        local_date: local.date,
        hour: local.hour,
        weekday: local.weekday,
        co2_kg,
        baseline_co2_kg,
        co2_saved_kg,
        recycled_share: share?.number_in(0.0, 1.0).ok()?,
        supply_chains: supply_chains?,
        offset_kg: match offset {
            Some(o) => o.non_negative().ok()?,
            None => 0.0,
        },
    })
}

/// `supplyChains`: `[{id, verified}]` (at depth 3).
fn chains(s: &mut Scan<'_>) -> Option<Vec<SupplyChain>> {
    let mut chains = Vec::new();
    s.array(3, &mut |s| {
        let mut fields: [Option<Node>; 2] = Default::default();
        entries(s, 4, &["id", "verified"], &mut |s, i| {
            *fields.get_mut(i)? = Some(s.scalar()?).filter(|v| !v.is_null());
            Some(())
        })?;
        let [id, verified] = fields.each_ref().map(|f| f.as_ref().map(Json::root));
        chains.push(SupplyChain {
            id: id?.id().ok()?,
            verified: verified?.bool().ok()?,
        });
        Some(())
    })?;
    Some(chains)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::Customer;
    use crate::time::TzDatabase;

    /// The fast path is taken for a usual history (a silent fallback would only be slower).
    #[test]
    fn a_usual_history_is_read_without_a_parse_tree() {
        let text = r#" {"orders": [{"id": "o1", "placedAt": "2025-01-01T10:00:00Z", "co2Kg": 1,
            "baselineCo2Kg": 2.5, "recycledShare": 0.5, "note": [1, {"a": "]"}], "co2SavedKg": null,
            "supplyChains": [{"id": 7, "verified": true, "x": {}}]}, {"id": "o\u00e9",
            "placedAt": 1735725600000, "co2Kg": 0, "baselineCo2Kg": 0, "recycledShare": 1,
            "supplyChains": []}], "activity": [{"at": 1735725600000}, {"date": "2025-01-02", "count": 3}],
            "timezone": "Europe/Berlin", "customer": {"name": "A \"B\""}} "#;
        let customer = Customer::scan(text, &TzDatabase).expect("read from the text");
        assert_eq!(customer.order_count(), 2);
        let repeated = text.replace("\"co2SavedKg\": null", "\"co2Kg\": 2");
        assert!(Customer::scan(&repeated, &TzDatabase).is_none());
        assert_eq!(
            Customer::open_text(&repeated, &TzDatabase).map(|c| c.order_count()),
            Ok(2)
        );
    }
}
