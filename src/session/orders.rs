//! Orders read straight from the JSON text of their array (no parse tree), for
//! [`super::Customer::open_text`]. Each field is read by the same [`Json`] reader the tree
//! path uses ([`crate::badges::orders::Order::from_json`]); an order that reader would refuse,
//! or one with a repeated key, makes the whole list `None` (then the tree path reads it).

use crate::badges::chains::Chains;
use crate::badges::orders::{unique_chronological, Amounts, Order, SupplyChain};
use crate::decimal::remaining;
use crate::json::scan::{first_time, plain_digits, Keys, Scan};
use crate::json::{Id, Json, Node};
use crate::limits::MAX_STRING_LEN;
use crate::time::civil::{DateTime, Utc};
use crate::time::{instant, utc_instant_text, Zone};
use std::borrow::Cow;

/// An order's keys the rules read, in the order histories usually write them (the scan tries
/// each key's successor first, [`Scan::fields`]); their positions are the bits of
/// [`OrderFields::seen`]. Any other key is skipped.
const KEYS: Keys<8> = Keys::new([
    "id",
    "placedAt",
    "co2Kg",
    "baselineCo2Kg",
    "recycledShare",
    "supplyChains",
    "co2SavedKg",
    "offsetKg",
]);

/// Where [`KEYS`]' amounts go in [`OrderFields::amounts`].
const AMOUNT_OF_KEY: [Option<usize>; 8] = [
    None,
    None,
    Some(0),
    Some(1),
    Some(3),
    None,
    Some(2),
    Some(4),
];

/// The orders of a history read from its text, each with its instant when the text gave it in
/// UTC; the rest wait for the zone (the history's `timezone` may come after its `orders`).
pub(super) struct ScannedOrders<'t> {
    /// The orders, not yet dated in the zone ([`Order::undated`]).
    orders: Vec<Order>,
    /// The `placedAt` values that need the zone, with their order's position.
    zoned: Vec<(usize, Node<'t>)>,
}

/// Reads the orders from the array (at nesting depth 1) `s` is at (no parse tree).
pub(super) fn scan_orders<'t>(s: &mut Scan<'t>) -> Option<ScannedOrders<'t>> {
    let mut scanned = ScannedOrders {
        orders: Vec::new(),
        zoned: Vec::new(),
    };
    s.array(1, |s| {
        let (order, zoned) = scan_order(s)?.order()?;
        if let Some(placed_at) = zoned {
            scanned.zoned.push((scanned.orders.len(), placed_at));
        }
        scanned.orders.push(order);
        Some(())
    })?;
    Some(scanned)
}

impl ScannedOrders<'_> {
    /// [`crate::badges::orders::read_orders`] of these orders in `zone`; `None` when the tree
    /// path would report an error (it then does).
    pub(super) fn read(mut self, zone: &Zone) -> Option<Vec<Order>> {
        for (i, placed_at) in self.zoned {
            self.orders.get_mut(i)?.placed_at = instant(&Json::root(&placed_at), zone).ok()?;
        }
        for order in &mut self.orders {
            order.date_in(zone);
        }
        let mut orders = unique_chronological(self.orders);
        orders.shrink_to_fit(); // a session keeps them
        Some(orders)
    }
}

/// A `placedAt` as read: its instant when the text gave it in UTC, else its value.
type PlacedAt<'t> = Result<DateTime<Utc>, Node<'t>>;

/// One order's fields as read from its text (`null` as absent).
#[derive(Default)]
struct OrderFields<'t> {
    /// The keys read so far (bits of their positions in [`KEYS`]): a repeated one declines.
    seen: u64,
    id: Option<Id>,
    /// `placedAt`: its instant when written in UTC, else its value.
    placed_at: Option<PlacedAt<'t>>,
    /// `co2Kg`, `baselineCo2Kg`, `co2SavedKg`, `recycledShare`, `offsetKg`, each with its text.
    amounts: [Option<(f64, &'t str)>; 5],
    chains: Option<Chains>,
}

/// One order object's fields (at depth 2), each key at most once, each value as the tree
/// path's readers would read it (`None` for a value they refuse).
fn scan_order<'t>(s: &mut Scan<'t>) -> Option<OrderFields<'t>> {
    let mut order = OrderFields::default();
    s.fields(2, &KEYS, |s, key| {
        let Some(i) = key else {
            return s.skip(3);
        };
        first_time(&mut order.seen, i)?;
        match i {
            0 => order.id = id(s)?,
            1 => order.placed_at = placed_at(s)?,
            5 => order.chains = Some(chains(s)?),
            _ => *order.amounts.get_mut((*AMOUNT_OF_KEY.get(i)?)?)? = amount(s)?,
        }
        Some(())
    })?;
    Some(order)
}

/// `id`: a plain string read in place, any other value as the tree path reads it; `None` when
/// that refuses it (`Some(None)` for `null`).
fn id(s: &mut Scan<'_>) -> Option<Option<Id>> {
    if let Some(text) = s.plain_str() {
        // `Json::str`'s limit: a longer id is the tree path's `too_large`.
        return (text.len() <= MAX_STRING_LEN).then(|| Some(Id::from(text)));
    }
    match s.scalar()?.not_null() {
        Some(value) => Some(Some(Json::root(&value).short_id().ok()?)),
        None => Some(None),
    }
}

/// `placedAt`: a plain string read in place (its instant when in UTC), any other value as
/// [`utc_or_value`] reads it (`Some(None)` for `null`).
fn placed_at<'t>(s: &mut Scan<'t>) -> Option<Option<PlacedAt<'t>>> {
    if let Some(text) = s.plain_str() {
        let value = Node::String(Cow::Borrowed(text));
        return Some(Some(utc_instant_text(text).ok_or(value)));
    }
    Some(s.scalar()?.not_null().map(utc_or_value))
}

/// A `placedAt` value's instant when the text gives it without a zone (an instant in UTC or an
/// epoch number), else the value.
fn utc_or_value(value: Node<'_>) -> Result<DateTime<Utc>, Node<'_>> {
    let instant = match &value {
        Node::String(text) => utc_instant_text(text),
        Node::Number(_) => instant(&Json::root(&value), &Zone::utc()).ok(),
        _ => None,
    };
    instant.ok_or(value)
}

/// An amount: a non-negative number within the supported magnitude (its value and its text),
/// `None` for `null`; declines for anything the tree path would refuse.
fn amount<'t>(s: &mut Scan<'t>) -> Option<Option<(f64, &'t str)>> {
    if let Some(number) = s.plain_number() {
        return Some(Some(number));
    }
    let (value, text) = s.scalar_text()?;
    match value.not_null() {
        Some(value) => Some(Some((Json::root(&value).non_negative().ok()?, text))),
        None => Some(None),
    }
}

impl<'t> OrderFields<'t> {
    /// The order (not yet dated) and its `placedAt` value when that needs the zone; `None` when
    /// the tree path would refuse the order.
    fn order(self) -> Option<(Order, Option<Node<'t>>)> {
        let [co2, baseline, saved, share, offset] = self.amounts;
        let ((co2_kg, co2_text), (baseline_co2_kg, baseline_text)) = (co2?, baseline?);
        let recycled_share = share?.0;
        if recycled_share > 1.0 {
            return None;
        }
        let amounts = Amounts {
            co2_kg,
            baseline_co2_kg,
            co2_saved_kg: match saved {
                Some((saved, _)) => saved,
                None => remaining_of_texts(baseline_text, co2_text)
                    .unwrap_or_else(|| remaining(baseline_co2_kg, co2_kg)),
            },
            recycled_share,
            offset_kg: offset.map_or(0.0, |o| o.0),
        };
        let (placed_at, zoned) = match self.placed_at? {
            Ok(instant) => (instant, None),
            Err(value) => (DateTime::UNIX_EPOCH, Some(value)),
        };
        let order = Order::undated(self.id?, placed_at, amounts, self.chains?);
        Some((order, zoned))
    }
}

/// Most fraction digits [`remaining_of_texts`] works with.
const PLACES: usize = 9;

/// A plain decimal's text (`12.34`: see [`plain_digits`], at most [`PLACES`] after the
/// point) as its digits and the number of them after the point. With at most 15 significant
/// digits a decimal is the shortest text of the double it is read as, so this is the
/// [`crate::decimal::Decimal`] of the number as read.
fn units(text: &str) -> Option<(u64, usize)> {
    let digits = plain_digits(text.as_bytes())?;
    (digits.len == text.len() && digits.places <= PLACES).then_some((digits.units, digits.places))
}

/// [`remaining`]`(target, current)` of two numbers from their plain decimal texts, without the
/// shortest-digits search `remaining` does for any double; `None` for other texts or a
/// result beyond 2^53 units (then `remaining` itself). Both round the exact difference to the
/// nearest double the same way (one division of exact operands). In 64-bit integers: 128-bit
/// division is a library call in wasm.
fn remaining_of_texts(target: &str, current: &str) -> Option<f64> {
    let ((a, a_places), (b, b_places)) = (units(target)?, units(current)?);
    let places = a_places.max(b_places);
    let scaled = |x: u64, p: usize| x.checked_mul(10u64.checked_pow((places - p) as u32)?);
    let (a, b) = (scaled(a, a_places)?, scaled(b, b_places)?);
    if a <= b {
        return Some(0.0);
    }
    let (mut difference, mut scale) = (a - b, places as i32);
    while scale > 0 && difference % 10 == 0 {
        (difference, scale) = (difference / 10, scale - 1);
    }
    (difference < 1 << 53).then(|| difference as f64 / 10f64.powi(scale))
}

/// A supply chain's keys the rules read.
const CHAIN_KEYS: Keys<2> = Keys::new(["id", "verified"]);

/// `supplyChains`: `[{id, verified}]` (at depth 3).
fn chains(s: &mut Scan<'_>) -> Option<Chains> {
    let mut chains = Chains::default();
    s.array(3, |s| {
        let (mut id_read, mut verified, mut seen) = (None, None, 0);
        s.fields(4, &CHAIN_KEYS, |s, key| {
            let Some(i) = key else {
                return s.skip(5);
            };
            first_time(&mut seen, i)?;
            match i {
                0 => id_read = id(s)?,
                _ => verified = Some(s.boolean()?),
            }
            Some(())
        })?;
        chains.push(SupplyChain {
            id: id_read?,
            verified: verified?,
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
            "baselineCo2Kg and more": 1, "idx": 2, "i": 3, "supplyChainsX": 4, "plé": 5,
            "supplyChains": [{"id": 7, "verified": true, "x": {}}]}, {"id": "o\u00e9",
            "placedAt": 1735725600000, "co2Kg": 0, "baselineCo2Kg": 0, "recycledShare": 1,
            "supplyChains": []}], "activity": [{"at": 1735725600000, "atX": 1}, {"date": "2025-01-02", "count": 3}],
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
