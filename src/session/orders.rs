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
    let mut texts = [""; 8];
    let mut supply_chains = None;
    entries(s, 2, &KEYS, &mut |s, i| {
        if i == CHAINS {
            supply_chains = Some(chains(s)?);
        } else {
            let (value, text) = s.scalar_text()?;
            *fields.get_mut(i)? = Some(value).filter(|v| !v.is_null());
            *texts.get_mut(i)? = text;
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
        None => match (texts.get(3), texts.get(2)) {
            (Some(b), Some(c)) => remaining_of_texts(b, c),
            _ => None,
        }
        .unwrap_or_else(|| remaining(baseline_co2_kg, co2_kg)),
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

/// Fraction digits [`remaining_of_texts`] works with.
const PLACES: u32 = 9;

/// A plain decimal's text (`12.34`: digits, at most one point, at most [`PLACES`] after it,
/// at most 15 in all) in units of 10^-[`PLACES`]. With at most 15 significant digits a
/// decimal is the shortest text of the double it is read as, so this is the
/// [`crate::decimal::Decimal`] of the number as read.
fn units(text: &str) -> Option<i128> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || fraction.len() > PLACES as usize || whole.len() + fraction.len() > 15 {
        return None;
    }
    if !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let mut value = 0i128;
    for b in whole.bytes().chain(fraction.bytes()) {
        value = value * 10 + i128::from(b - b'0');
    }
    Some(value * 10i128.pow(PLACES - fraction.len() as u32))
}

/// [`remaining`]`(target, current)` of two numbers from their plain decimal texts, without the
/// shortest-digits search `remaining` does for any double; `None` for other texts or a
/// result beyond 2^53 units (then `remaining` itself). Both round the exact difference to the
/// nearest double the same way (one division of exact operands).
fn remaining_of_texts(target: &str, current: &str) -> Option<f64> {
    let mut difference = units(target)? - units(current)?;
    if difference <= 0 {
        return Some(0.0);
    }
    let mut scale = PLACES as i32;
    while scale > 0 && difference % 10 == 0 {
        (difference, scale) = (difference / 10, scale - 1);
    }
    (difference < 1 << 53).then(|| difference as f64 / 10f64.powi(scale))
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
    use super::{remaining, remaining_of_texts};
    use crate::time::TzDatabase;

    #[test]
    fn remaining_from_texts_is_remaining_of_the_numbers() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let texts = [
            "0",
            "0.1",
            "0.2",
            "0.3",
            "1e2",
            "-1",
            "1.",
            "123456789012.345",
            "0.000000001",
        ];
        let mut checked = 0;
        for i in 0..20_000 {
            let mut text = || {
                let pick = next(texts.len() as u64) as usize;
                let digits = next(8) as u32;
                let (whole, fraction, width) =
                    (next(10_u64.pow(digits)), next(1000), next(4) as usize);
                match i % 3 {
                    0 => texts[pick].to_owned(),
                    _ if width == 0 => whole.to_string(),
                    _ => format!("{whole}.{:0width$}", fraction % 10_u64.pow(width as u32)),
                }
            };
            let (a, b) = (text(), text());
            let (x, y) = (crate::numbers::parse_f64(&a), crate::numbers::parse_f64(&b));
            if let Some(fast) = remaining_of_texts(&a, &b) {
                assert_eq!(fast.to_bits(), remaining(x, y).to_bits(), "{a} − {b}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

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
