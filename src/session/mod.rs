//! Customer sessions: a history read once, then asked many times.
//!
//! [`Customer::open`] reads `{orders?, events?, activity?, earned?, issued?, definitions?,
//! timezone?, options?}`: orders are parsed, de-duplicated and sorted once, events sorted once,
//! activity records dated once, and each badge rule's tally of the orders and events is built on
//! the first preview (and kept until `now` passes another order or event, or some are added). A method takes only what changes between calls
//! and answers exactly what the stateless function answers for the combined input:
//! [`crate::badges::preview::badge_preview`] is itself a session opened and asked once.

mod window;

pub use window::{Source, SOURCES};

use crate::achievements::{AchievementRequest, AchievementWindow};
use crate::badges::preview::{BadgeHistory, BadgePreview, PreviewRequest};
use crate::error::{Error, Result};
use crate::json::{scan, value_from_text, Json};
use crate::streaks::{Activity, Streak, StreakRequest};
use crate::time::{Zone, ZoneDb};

mod orders;

/// A part of the history, or the error a method needing it reports (it was absent).
type Part<T> = std::result::Result<T, Error>;

/// One customer's history, read once.
pub struct Customer {
    zone: Zone,
    badges: BadgeHistory,
    /// Why `badgePreview` cannot run: `orders` was absent (and none were added).
    no_orders: Option<Error>,
    activity: Part<Activity>,
    /// Each `achievementWindow` source's index, built on its first window.
    windows: window::Windows,
}

/// The history's `activity`, or why `streak` cannot run: the `missing_field` error of an absent
/// `activity`, kept for `streak` to throw. A bad `activity` is an error of the open itself.
fn read_activity(history: &Json, zone: &Zone) -> Result<Part<Activity>> {
    Ok(match history.opt("activity")? {
        Some(list) => Ok(Activity::read(&list, zone)?),
        None => Err(absent(history, "activity")
            .unwrap_or_else(|| history.error(crate::ErrorCode::MissingField, "activity"))),
    })
}

/// The `missing_field` error of an absent key.
fn absent(history: &Json, key: &str) -> Option<Error> {
    history.field(key).err()
}

impl Customer {
    /// Reads the history; an invalid part is an error at its path, as in the stateless
    /// functions. Absent `orders` / `activity` are errors of the methods that need them.
    ///
    /// ```
    /// let h = serde_json::json!({"orders": [], "activity": [{"date": "2025-03-14"}], "timezone": "UTC"});
    /// let h = impactkit::json::Node::from(&h);
    /// let mut c = impactkit::session::Customer::open(&impactkit::json::Json::root(&h), &impactkit::time::TzDatabase).unwrap();
    /// let r = serde_json::json!({"period": "day", "now": "2025-03-15T08:00:00Z"});
    /// assert_eq!(c.streak(&impactkit::json::Json::root(&impactkit::json::Node::from(&r))).unwrap().current, 1);
    /// ```
    pub fn open(history: &Json, zones: &dyn ZoneDb) -> Result<Customer> {
        let zone = Zone::from_field(history, zones)?;
        let badges = BadgeHistory::open(history, &zone, false)?;
        let no_orders = absent(history, "orders");
        let activity = read_activity(history, &zone)?;
        Ok(Customer {
            zone,
            badges,
            no_orders,
            activity,
            windows: window::Windows::default(),
        })
    }

    /// [`Customer::open`] of JSON text: the same customer or error, with `orders` and
    /// `activity` read straight from the text when they can be (the usual case: no parse
    /// tree, see [`crate::json::scan`]).
    ///
    /// ```
    /// let text = r#"{"activity": [{"date": "2025-03-14", "source": "app"}], "timezone": "UTC"}"#;
    /// let mut c = impactkit::session::Customer::open_text(text, &impactkit::time::TzDatabase).unwrap();
    /// let r = serde_json::json!({"period": "day", "now": "2025-03-15T08:00:00Z"});
    /// assert_eq!(c.streak(&impactkit::json::Json::root(&impactkit::json::Node::from(&r))).unwrap().current, 1);
    /// ```
    pub fn open_text(text: &str, zones: &dyn ZoneDb) -> Result<Customer> {
        match Self::scan(text, zones) {
            Some(customer) => Ok(customer),
            None => Customer::open(&Json::root(&value_from_text(text)?), zones),
        }
    }

    /// The fast path of [`Customer::open_text`]: `None` leaves the text to the tree path.
    fn scan(text: &str, zones: &dyn ZoneDb) -> Option<Customer> {
        let (mut orders, mut activity) = (None, None);
        let rest = scan::split(text, &["orders", "activity"], |i, s| {
            match i {
                0 => orders = Some(orders::scan_orders(s)?),
                _ => activity = Some(Activity::scan(s)?),
            }
            Some(())
        })?;
        let history = Json::root(&rest);
        let zone = Zone::from_field(&history, zones).ok()?;
        let (badges, no_orders) = match orders {
            Some(scanned) => {
                let orders = scanned.read(&zone)?;
                let badges = BadgeHistory::open_with_orders(&history, orders, &zone);
                (badges.ok()?, None)
            }
            None => (
                BadgeHistory::open(&history, &zone, false).ok()?,
                absent(&history, "orders"),
            ),
        };
        let activity = match activity {
            Some(scanned) => Ok(scanned.read(&zone)?),
            None => read_activity(&history, &zone).ok()?,
        };
        Some(Customer {
            zone,
            badges,
            no_orders,
            activity,
            windows: window::Windows::default(),
        })
    }

    /// `badgePreview` of the history with `{now, cart?, decimals?, rounding?, locale?}`.
    /// Errors come in the stateless function's order: `now`, the display options, a missing
    /// `orders`, then `cart`.
    pub fn badge_preview(&mut self, request: &Json) -> Result<BadgePreview> {
        if let Some(error) = &self.no_orders {
            crate::time::instant(&request.field("now")?, &self.zone)?;
            crate::decimal::Display::from_json(request)?;
            return Err(error.clone());
        }
        let request = PreviewRequest::from_json(request, &self.zone)?;
        self.badges.preview(&request, &self.zone)
    }

    /// Builds the rule tallies of the whole history ahead of the first preview (one at a `now`
    /// before the last order builds those of the orders up to it instead).
    pub fn prepare(&mut self) {
        self.badges.prepare_all(&self.zone);
    }

    /// `streak` of the history's activity with `{period, now, weekStart?, restDays?, freezes?,
    /// minCount?, window?}`.
    pub fn streak(&mut self, request: &Json) -> Result<Streak> {
        let mut request = StreakRequest::params(request, &self.zone)?;
        let activity = self.activity.as_ref().map_err(Clone::clone)?;
        // The request borrows the customer's zone for the computation (zones are not copied).
        std::mem::swap(&mut request.zone, &mut self.zone);
        let streak = request.compute_over(activity);
        std::mem::swap(&mut request.zone, &mut self.zone);
        Ok(streak)
    }

    /// `achievementWindow` of the history's records with `{start, period?, end?,
    /// periodEndOverride?, now, target?, activationPolicy?, recurrencePolicy?, decimals?,
    /// rounding?, locale?, events}`, where `events` names the records counted ([`SOURCES`]):
    /// equal to `achievementWindow` with the history's `timezone` and those records as
    /// `events` (`{at, value}`). Errors come in the stateless function's order, then a missing
    /// `orders` / `activity`. The cost does not grow with the history (binary searches in the
    /// source's index; a `user_action` window after many resets takes one search per reset).
    pub fn achievement_window(&mut self, request: &Json) -> Result<AchievementWindow> {
        let mut source = Source::Orders;
        let request = AchievementRequest::read_in(request, &self.zone, |input, _, _| {
            source = input.field("events")?.choice(&SOURCES)?;
            Ok((true, Vec::new()))
        })?;
        let activity = match (source, &self.no_orders) {
            (Source::Activity, _) => Some(self.activity.as_ref().map_err(Clone::clone)?),
            (_, Some(error)) => return Err(error.clone()),
            (_, None) => None,
        };
        let index = self
            .windows
            .index(source, self.badges.orders(), activity, &self.zone);
        let mut window = request.compute_over(index)?;
        if let Some(locale) = request.locale {
            window.message = Some(crate::achievements::window_message(locale.locale, &window));
            window.locale = Some(locale);
        }
        Ok(window)
    }

    /// Appends orders (`[order]`, like `orders`); nothing changes when one is invalid.
    pub fn add_orders(&mut self, orders: &Json) -> Result<()> {
        self.badges.add_orders(orders, &self.zone)?;
        self.no_orders = None;
        Ok(())
    }

    /// Appends events (`[{type, at, value?, tier?}]`, like `events`); nothing changes when one
    /// is invalid.
    pub fn add_events(&mut self, events: &Json) -> Result<()> {
        self.badges.add_events(events, &self.zone)
    }

    /// Appends activity records (`[{date | at, count?}]`); nothing changes when one is invalid.
    pub fn add_activity(&mut self, activity: &Json) -> Result<()> {
        match &mut self.activity {
            Ok(existing) => existing.extend(activity, &self.zone),
            Err(_) => {
                self.activity = Ok(Activity::read(activity, &self.zone)?);
                Ok(())
            }
        }
    }

    /// How many orders the history holds (after de-duplication).
    pub fn order_count(&self) -> usize {
        self.badges.len()
    }

    /// How many events the history holds.
    pub fn event_count(&self) -> usize {
        self.badges.event_count()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::json::{to_json_text, Node};
    use crate::time::TzDatabase;
    use serde_json::json;

    #[test]
    fn added_events_answer_what_the_stateless_call_answers_and_a_bad_one_changes_nothing() {
        let e = |t: &str, at: &str| json!({"type": t, "at": at});
        let first = json!([
            e("signup", "2025-01-05T10:00:00Z"),
            e("referral", "2025-02-01")
        ]);
        let later = json!([e("referral", "2025-03-01"), e("referral", "2025-01-20")]);
        let history = json!({"orders": [], "events": first, "timezone": "Europe/Paris"});
        let mut customer = Customer::open(&Json::root(&Node::from(&history)), &TzDatabase).unwrap();
        let request = json!({"now": "2025-06-01T00:00:00Z"});
        let ask = |c: &mut Customer| {
            to_json_text(&c.badge_preview(&Json::root(&Node::from(&request))).unwrap())
        };
        let before = ask(&mut customer);
        let bad = json!([e("review", "2025-03-01"), e("review", "not a date")]);
        let error = customer
            .add_events(&Json::root(&Node::from(&bad)))
            .unwrap_err();
        assert_eq!(
            (error.code.as_str(), error.path.as_str()),
            ("invalid_date", "$[1].at")
        );
        assert_eq!((customer.event_count(), ask(&mut customer)), (2, before));
        customer
            .add_events(&Json::root(&Node::from(&later)))
            .unwrap();
        let mut all = first.as_array().unwrap().clone();
        all.extend(later.as_array().unwrap().iter().cloned());
        let stateless = json!({"orders": [], "events": all, "timezone": "Europe/Paris",
                               "now": "2025-06-01T00:00:00Z"});
        let want = crate::badges::preview::badge_preview(
            &Json::root(&Node::from(&stateless)),
            &TzDatabase,
        );
        let got = ask(&mut customer);
        assert_eq!(got, to_json_text(&want.unwrap()));
        assert!(got.contains(
            "\"badge_referral_champion\",\"name\":\"Referral Champion\",\"tier\":\"SILVER\""
        ));
    }
}
