//! A customer's badge history read once ([`BadgeHistory`]): orders and events parsed and sorted,
//! definitions, reported earns and `issued` counts, and each rule's tally of the orders and
//! events up to the last `now` asked about. A preview reads only `now`, the display options and the cart; the cart is
//! applied to the tallies instead of re-evaluating the history.

use super::backend::{backend_badge, by_definition, read_backend, BackendEarn};
use super::collect::{Collector, Scene};
use super::inputs::{in_window, in_window_events, read_issued, read_options, Options};
use super::BadgePreview;
use crate::badges::catalogue::builtin;
use crate::badges::definition::{read_definitions, Definition};
use crate::badges::events::{read_events, Event};
use crate::badges::orders::{chronological, Order};
use crate::badges::rules::{tally_all, Context, Rule, Tally};
use crate::decimal::Display;
use crate::error::Result;
use crate::json::Json;
use crate::json::{Id, IdSet};
use crate::locale::LocaleRequest;
use crate::time::civil::{DateTime, Duration, Utc};
use crate::time::{instant, Zone};

/// How many orders and events (from the start of each list) a tally has seen.
type Known = (usize, usize);

/// Everything of a `badgePreview` input but `now`, `cart`, `decimals` and `rounding`, read once.
pub struct BadgeHistory {
    options: Options,
    /// Chronological, without duplicate ids.
    orders: Vec<Order>,
    /// Chronological (events at one instant in input order).
    events: Vec<Event>,
    definitions: Vec<Definition>,
    backend: Vec<BackendEarn>,
    issued: Vec<Option<u64>>,
    /// Each definition's tier tallies over the first `.0` orders and events.
    tallies: Option<(Known, Vec<Vec<Tally>>)>,
}

/// The per-call part of a preview: `{now, cart?, decimals?, rounding?, locale?}`.
pub struct PreviewRequest {
    now: DateTime<Utc>,
    display: Display,
    cart: Option<Order>,
    locale: Option<LocaleRequest>,
}

impl PreviewRequest {
    /// Reads `now`, `decimals`/`rounding`, `cart` and `locale` (in that order) in `zone`.
    pub fn from_json(input: &Json, zone: &Zone) -> Result<PreviewRequest> {
        let now = instant(&input.field("now")?, zone)?;
        let display = Display::from_json(input)?;
        let cart = input
            .opt("cart")?
            .map(|c| Order::cart(&c, zone, now))
            .transpose()?;
        let locale = LocaleRequest::from_json(input)?;
        Ok(PreviewRequest {
            now,
            display,
            cart,
            locale,
        })
    }
}

impl BadgeHistory {
    /// Reads `{orders, events?, definitions?, earned?, issued?, options?}` (in the stateless
    /// function's order: options, orders, events, definitions, earned, issued).
    /// Without `require_orders`, absent `orders` are an empty list.
    pub fn open(input: &Json, zone: &Zone, require_orders: bool) -> Result<BadgeHistory> {
        let options = read_options(input)?;
        let orders = match input.opt("orders")? {
            Some(list) => crate::badges::orders::read_orders(&list, zone)?,
            None if require_orders => {
                return Err(input
                    .field("orders")
                    .err()
                    .unwrap_or_else(|| input.error(crate::ErrorCode::MissingField, "orders")))
            }
            None => Vec::new(),
        };
        Self::open_with(input, options, orders, zone)
    }

    /// [`BadgeHistory::open`] with the orders already read (by [`crate::session`]'s reader
    /// straight from JSON text); `input`'s own `orders` are not read.
    pub(crate) fn open_with_orders(input: &Json, orders: Vec<Order>, zone: &Zone) -> Result<Self> {
        Self::open_with(input, read_options(input)?, orders, zone)
    }

    fn open_with(input: &Json, options: Options, orders: Vec<Order>, zone: &Zone) -> Result<Self> {
        let events = match input.opt("events")? {
            Some(list) => read_events(&list, zone)?,
            None => Vec::new(),
        };
        let definitions = match input.opt("definitions")? {
            Some(list) => read_definitions(&list, zone)?,
            None => builtin(),
        };
        let backend = match input.opt("earned")? {
            Some(list) => read_backend(&list, &definitions, zone)?,
            None => Vec::new(),
        };
        let issued = read_issued(input.opt("issued")?, &definitions)?;
        Ok(BadgeHistory {
            options,
            orders,
            events,
            definitions,
            backend,
            issued,
            tallies: None,
        })
    }

    /// Appends orders (a list like `orders`): ids already present keep their first
    /// occurrence, as if the list had been part of `orders` from the start.
    pub fn add_orders(&mut self, list: &Json, zone: &Zone) -> Result<()> {
        let mut added = Vec::new();
        for item in list.items_appended_to(self.orders.len())? {
            added.push(Order::from_json(&item, zone)?);
        }
        let keep: Vec<bool> = {
            let mut seen: IdSet<&Id> = self.orders.iter().map(|o| &o.id).collect();
            added.iter().map(|o| seen.insert(&o.id)).collect()
        };
        let mut orders = std::mem::take(&mut self.orders);
        orders.extend(
            added
                .into_iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(o, _)| o),
        );
        self.orders = chronological(orders);
        self.tallies = None;
        Ok(())
    }

    /// Appends events (a list like `events`), as if the list had been part of `events`.
    pub fn add_events(&mut self, list: &Json, zone: &Zone) -> Result<()> {
        let mut added = Vec::new();
        for item in list.items_appended_to(self.events.len())? {
            added.push(Event::from_json(&item, zone)?);
        }
        let mut events = std::mem::take(&mut self.events);
        events.append(&mut added);
        self.events = crate::badges::events::chronological(events);
        self.tallies = None;
        Ok(())
    }

    /// How many events the history holds.
    pub fn event_count(&self) -> usize {
        self.events.len()
    }

    /// The orders, chronological (by `placedAt`, then id), without duplicate ids.
    pub fn orders(&self) -> &[Order] {
        &self.orders
    }

    /// How many orders the history holds.
    pub fn len(&self) -> usize {
        self.orders.len()
    }

    /// Whether the history has no orders.
    pub fn is_empty(&self) -> bool {
        self.orders.is_empty()
    }

    fn context<'z>(&self, now: DateTime<Utc>, zone: &'z Zone) -> Context<'z> {
        Context {
            kg_co2_per_tree: self.options.kg_co2_per_tree,
            now,
            today: zone.date_of(now),
            zone,
        }
    }

    /// Tallies every tier's rule over the whole history (a `now` after the last order or event).
    pub fn prepare_all(&mut self, zone: &Zone) {
        let last_order = self.orders.last().map(|o| o.placed_at);
        if let Some(last) = last_order.max(self.events.last().map(|e| e.at)) {
            self.prepare(last, zone);
        }
    }

    /// How many orders and events happened by `now` (both lists are chronological).
    fn known(&self, now: DateTime<Utc>) -> Known {
        (
            self.orders.partition_point(|o| o.placed_at <= now),
            self.events.partition_point(|e| e.at <= now),
        )
    }

    /// Tallies every tier's rule over the orders and events by `now` (kept for the next call);
    /// later ones have not happened yet.
    pub fn prepare(&mut self, now: DateTime<Utc>, zone: &Zone) {
        let known = self.known(now);
        if self.tallies.as_ref().is_some_and(|t| t.0 == known) {
            return;
        }
        let ctx = self.context(now, zone);
        let history: Vec<&Order> = self
            .orders
            .get(..known.0)
            .unwrap_or_default()
            .iter()
            .collect();
        let events = self.events.get(..known.1).unwrap_or_default();
        let tallies = self
            .definitions
            .iter()
            .map(|d| {
                let orders = in_window(&history, &d.validity);
                let events = in_window_events(events, &d.validity);
                let rules: Vec<&Rule> = d.tiers.iter().map(|t| &t.rule).collect();
                tally_all(&rules, &orders, &events, &ctx)
            })
            .collect();
        self.tallies = Some((known, tallies));
    }

    /// The preview at `request.now`: equal to `badgePreview` on the history plus the request.
    pub fn preview(&mut self, request: &PreviewRequest, zone: &Zone) -> Result<BadgePreview> {
        let now = request.now;
        self.prepare(now, zone);
        let (known, tallies) = match &self.tallies {
            Some((known, tallies)) => (*known, tallies.as_slice()),
            None => ((0, 0), [].as_slice()),
        };
        let scene = Scene {
            ctx: self.context(now, zone),
            display: request.display,
            history: self.orders.get(..known.0).unwrap_or_default(),
            events: self.events.get(..known.1).unwrap_or_default(),
            tallies,
            cart: request.cart.as_ref(),
            issued: &self.issued,
            locale: request.locale.as_ref().map(|l| l.locale),
        };
        let mut collector = Collector {
            zone,
            now,
            soon: now + Duration::days(self.options.expiring_soon_days),
            out: BadgePreview {
                locale: request.locale.clone(),
                ..BadgePreview::default()
            },
        };
        let backend_of = by_definition(&self.definitions, &self.backend);
        for ((index, d), mine) in self.definitions.iter().enumerate().zip(&backend_of) {
            collector.definition(&scene, index, d, mine)?;
        }
        // Backend badges without a definition are passed through.
        for b in self.backend.iter().filter(|b| b.rank.is_none()) {
            collector.add_earned(backend_badge(b, zone), b.expires_at);
        }
        Ok(collector.out)
    }
}
