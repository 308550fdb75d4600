//! The `Customer` class: a history read once (`openCustomer`), asked many times. Methods take
//! only what changes between calls (JS object, JSON text or UTF-8 bytes) and return what the
//! stateless function returns for the combined input. wasm-bindgen gives the class `free()`,
//! `[Symbol.dispose]` and a `FinalizationRegistry` that frees a handle that was dropped.

use super::intl_tz::IntlZones;
use super::{from_json_text, input_text, to_js_error};
use crate::json::{to_json_text, value_from_text, Json, ToJson};
use wasm_bindgen::prelude::*;

/// Reads `input` as JSON (object, text or bytes) and hands it to `f`.
fn with_input<T>(input: &JsValue, f: impl FnOnce(&Json) -> crate::Result<T>) -> Result<T, JsValue> {
    let text = input_text(input).map_err(to_js_error)?;
    let value = value_from_text(&text).map_err(to_js_error)?;
    f(&Json::root(&value)).map_err(to_js_error)
}

/// A result as a JS value (through JSON text and the engine's `JSON.parse`).
fn answer<T: ToJson>(output: T) -> Result<JsValue, JsValue> {
    Ok(from_json_text(&to_json_text(&output)))
}

/// One customer's history, read once: badge previews and streaks on it without re-reading it.
/// Free it with `free()` or `using` (`Symbol.dispose`); a dropped handle is freed by the
/// garbage collector eventually.
#[wasm_bindgen]
pub struct Customer {
    inner: crate::session::Customer,
}

/// Reads a customer's history once: `{orders?, events?, activity?, earned?, issued?,
/// definitions?, timezone?, options?}` as an object, JSON text, `Uint8Array` or `ArrayBuffer`.
/// @example
/// using customer = openCustomer(await res.arrayBuffer());
/// customer.badgePreview({ now: new Date(), cart }).unlockedByCart; // ≈ µs per call
#[wasm_bindgen(js_name = openCustomer)]
pub fn open_customer(
    #[wasm_bindgen(unchecked_param_type = "CustomerHistory | string | Uint8Array | ArrayBuffer")]
    history: JsValue,
) -> Result<Customer, JsValue> {
    let text = input_text(&history).map_err(to_js_error)?;
    let mut inner = crate::session::Customer::open_text(&text, &IntlZones).map_err(to_js_error)?;
    drop(text);
    inner.prepare();
    Ok(Customer { inner })
}

#[wasm_bindgen]
impl Customer {
    /// `badgePreview` of the history with `{now, cart?, decimals?, rounding?, locale?}`: the cart is
    /// applied to the history's tallies (cost independent of the history's length).
    /// @example
    /// customer.badgePreview({ now: "2025-06-15T12:00:00Z", cart: { co2Kg: 1, baselineCo2Kg: 3, recycledShare: 0.6, supplyChains: [] } });
    #[wasm_bindgen(js_name = badgePreview, unchecked_return_type = "BadgePreview")]
    pub fn badge_preview(
        &mut self,
        #[wasm_bindgen(
            unchecked_param_type = "CustomerPreviewInput | string | Uint8Array | ArrayBuffer"
        )]
        request: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(with_input(&request, |r| self.inner.badge_preview(r))?)
    }

    /// `streak` of the history's `activity` with `{period, now, weekStart?, restDays?,
    /// freezes?, minCount?, window?}` (timezone: the history's).
    /// @example
    /// customer.streak({ period: "week", now: new Date() }).current;
    #[wasm_bindgen(unchecked_return_type = "StreakResult")]
    pub fn streak(
        &mut self,
        #[wasm_bindgen(
            unchecked_param_type = "CustomerStreakInput | string | Uint8Array | ArrayBuffer"
        )]
        request: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(with_input(&request, |r| self.inner.streak(r))?)
    }

    /// `achievementWindow` over the history's records: its input without `events` and
    /// `timezone` (the history's), plus `events` naming what is counted — `"orders"` (1 per
    /// order), `"co2SavedKg"` / `"offsetKg"` (each order's value) or `"activity"` (each record's
    /// `count`). Binary searches in an index built on the first call: cost independent of the
    /// history's length.
    /// @example
    /// customer.achievementWindow({ start: "2025-06-01", period: "7D", now: new Date(), target: 3, events: "orders" }).status;
    #[wasm_bindgen(js_name = achievementWindow, unchecked_return_type = "AchievementWindow")]
    pub fn achievement_window(
        &mut self,
        #[wasm_bindgen(
            unchecked_param_type = "CustomerWindowInput | string | Uint8Array | ArrayBuffer"
        )]
        request: JsValue,
    ) -> Result<JsValue, JsValue> {
        answer(with_input(&request, |r| self.inner.achievement_window(r))?)
    }

    /// Appends orders as if they had been part of `orders` (an id already present keeps its
    /// first order); nothing changes when one is invalid.
    /// @example
    /// customer.addOrders([newOrder]);
    #[wasm_bindgen(js_name = addOrders)]
    pub fn add_orders(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "BadgeOrder[] | string | Uint8Array | ArrayBuffer")]
        orders: JsValue,
    ) -> Result<(), JsValue> {
        with_input(&orders, |o| self.inner.add_orders(o))
    }

    /// Appends events (`{type, at, value?, tier?}`) as if they had been part of `events`;
    /// nothing changes when one is invalid.
    /// @example
    /// customer.addEvents([{ type: "referral", at: new Date() }]);
    #[wasm_bindgen(js_name = addEvents)]
    pub fn add_events(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "BadgeEvent[] | string | Uint8Array | ArrayBuffer")]
        events: JsValue,
    ) -> Result<(), JsValue> {
        with_input(&events, |e| self.inner.add_events(e))
    }

    /// Appends activity records as if they had been part of `activity`; nothing changes when
    /// one is invalid.
    /// @example
    /// customer.addActivity([{ date: "2025-03-15" }]);
    #[wasm_bindgen(js_name = addActivity)]
    pub fn add_activity(
        &mut self,
        #[wasm_bindgen(
            unchecked_param_type = "StreakActivity[] | string | Uint8Array | ArrayBuffer"
        )]
        activity: JsValue,
    ) -> Result<(), JsValue> {
        with_input(&activity, |a| self.inner.add_activity(a))
    }

    /// How many orders the history holds (duplicates removed).
    #[wasm_bindgen(getter, js_name = orderCount)]
    pub fn order_count(&self) -> f64 {
        self.inner.order_count() as f64
    }

    /// How many events the history holds.
    #[wasm_bindgen(getter, js_name = eventCount)]
    pub fn event_count(&self) -> f64 {
        self.inner.event_count() as f64
    }
}
