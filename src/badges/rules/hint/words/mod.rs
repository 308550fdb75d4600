//! The words of hints, one table per language. `{n}` is the amount still needed as the
//! locale writes it; other `{…}` placeholders are filled by the composition in [`super`].
//! A [`Forms`] entry holds one text per CLDR plural category of `{n}` (or of `{x}`).

mod ar;
mod de;
mod es;
mod fr;
mod ja;
mod packing;
mod table;

pub(super) use table::Table;

use crate::badges::rules::Field;
#[cfg(all(test, not(target_arch = "wasm32")))]
use crate::badges::rules::{Op, Period};
use crate::locale::plural::Forms;
use crate::locale::Lang;

/// The words of one event type: counted ("{n} more referrals"), a plural ("referrals") and
/// one with its article ("a referral"). Custom types have `{name}`.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct EventWords {
    pub(super) count: Forms,
    pub(super) many: &'static str,
    pub(super) one: &'static str,
}

/// A `period` rule's sentences for one period (month or week); `{from}` names the orders
/// that count, `{amount}` the counted amount, `{sum}` / `{field}` the compared fields.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct PeriodWords {
    pub(super) met_reached: &'static str,
    pub(super) met_covered: &'static str,
    pub(super) cover_first: &'static str,
    pub(super) cover: &'static str,
    pub(super) reach: &'static str,
}

/// Every word of a hint in one language.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct Words {
    /// "{n} more orders" and "{n} more green orders".
    pub(super) orders: Forms,
    pub(super) green_orders: Forms,
    /// A counted noun and its qualifier: "{count}{qual}".
    pub(super) count: &'static str,
    /// The qualifier's parts: orders' local time, events' local time, the other clauses.
    pub(super) placed: &'static str,
    pub(super) at: &'static str,
    pub(super) with: &'static str,
    /// An amount still needed per summed field (see [`Words::unit`]): "{n} more kg CO2 saved".
    pub(super) units: [Forms; 9],
    /// "{amount}{from}" and which orders count: green ones, filtered ones (`{qual}`).
    pub(super) sum: &'static str,
    pub(super) from_green: &'static str,
    pub(super) from_orders: &'static str,
    pub(super) in_green: &'static str,
    pub(super) in_orders: &'static str,
    /// Consecutive months / weeks with `{one}`.
    pub(super) streaks: [Forms; 2],
    pub(super) a_green_order: &'static str,
    pub(super) an_order: &'static str,
    /// A `period` rule, per month / week.
    pub(super) periods: [PeriodWords; 2],
    /// A filter clause on a number, per field (see [`Words::amount`]): "{op} {x} kg CO2".
    pub(super) amounts: [Forms; 9],
    /// gt, gte, lt, lte, eq against a number, then against another field.
    pub(super) ops: [&'static str; 5],
    pub(super) field_ops: [&'static str; 5],
    /// "{a} {op} {b}" (two fields), "{field} {values}" (`in`), "tier {names}".
    pub(super) versus: &'static str,
    pub(super) one_of: &'static str,
    pub(super) tier_is: &'static str,
    /// Field names (see [`Words::noun`]).
    pub(super) nouns: [&'static str; 12],
    /// Joining clauses, and lists ("a, b or c").
    pub(super) and: &'static str,
    pub(super) comma: &'static str,
    pub(super) or: &'static str,
    /// Local time: "between {from} and {to}", none, and "{hours} {days}".
    pub(super) hours: &'static str,
    pub(super) no_hour: &'static str,
    pub(super) hours_days: &'static str,
    /// Monday to Sunday; a run alone, a run in a list, a list, none.
    pub(super) days: [&'static str; 7],
    pub(super) days_from_to: &'static str,
    pub(super) days_range: &'static str,
    pub(super) days_on: &'static str,
    pub(super) no_day: &'static str,
    /// Events: signup, referral, review, tierReached, any other type.
    pub(super) events: [EventWords; 5],
    pub(super) event_sum: &'static str,
    pub(super) a_event: &'static str,
    pub(super) reach_tier: &'static str,
    pub(super) sign_up: &'static str,
}

/// How many texts a [`Words`] holds.
const TEXTS: usize = 104;

/// The words of `lang` (read from its packed texts, [`packing`]).
pub(super) fn words(lang: Lang) -> &'static Table {
    packing::words(lang)
}

/// The entry of `field` in a per-field run of texts (`units`, `amounts`, the first nine
/// `nouns`): fields never summed nor compared with a number share the last one with `value`.
fn by_field(field: Field) -> usize {
    match field {
        Field::Co2Kg => 0,
        Field::BaselineCo2Kg => 1,
        Field::Co2SavedKg => 2,
        Field::RecycledShare => 3,
        Field::OffsetKg => 4,
        Field::TreesSaved => 5,
        Field::SupplyChains => 6,
        Field::VerifiedSupplyChains => 7,
        Field::Value | Field::Tier | Field::Hour | Field::Weekday => 8,
    }
}

/// The words as written, read field by field: what [`Table`]'s test checks its indices against.
#[cfg(all(test, not(target_arch = "wasm32")))]
impl Words {
    /// The amount still needed of a summed field (fields never summed share `value`'s).
    pub(super) fn unit(&self, field: Field) -> Forms {
        written_by_field(&self.units, field)
    }

    /// A filter clause comparing `field` with a number.
    pub(super) fn amount(&self, field: Field) -> Forms {
        written_by_field(&self.amounts, field)
    }

    /// What `field` is called.
    pub(super) fn noun(&self, field: Field) -> &'static str {
        let [co2, baseline, saved, recycled, offset, trees, chains, verified, hour, weekday, value, tier] =
            self.nouns;
        match field {
            Field::Hour => hour,
            Field::Weekday => weekday,
            Field::Value => value,
            Field::Tier => tier,
            other => written_by_field(
                &[
                    co2, baseline, saved, recycled, offset, trees, chains, verified, value,
                ],
                other,
            ),
        }
    }

    /// An operator against a number (`number`) or against another field.
    pub(super) fn op(&self, op: Op, number: bool) -> &'static str {
        let [gt, gte, lt, lte, eq] = if number { self.ops } else { self.field_ops };
        match op {
            Op::Gt => gt,
            Op::Gte => gte,
            Op::Lt => lt,
            Op::Lte => lte,
            // `in` compares with a list, never with one number or field.
            Op::Eq | Op::In => eq,
        }
    }

    /// The words of an event type.
    pub(super) fn event(&self, kind: &str) -> &EventWords {
        let [signup, referral, review, tier, other] = &self.events;
        match kind {
            "signup" => signup,
            "referral" => referral,
            "review" => review,
            crate::badges::events::TIER_REACHED => tier,
            _ => other,
        }
    }

    /// The sentences of a `period` rule over months or weeks.
    pub(super) fn period(&self, period: Period) -> &PeriodWords {
        let [month, week] = &self.periods;
        match period {
            Period::Month => month,
            Period::Week => week,
        }
    }

    /// Consecutive months or weeks.
    pub(super) fn streak(&self, period: Period) -> Forms {
        let [month, week] = self.streaks;
        match period {
            Period::Month => month,
            Period::Week => week,
        }
    }
}

/// The entry of a per-field table (`units`, `amounts`): fields never summed nor compared with
/// a number share the last one with `value`.
#[cfg(all(test, not(target_arch = "wasm32")))]
fn written_by_field<T: Copy>(table: &[T; 9], field: Field) -> T {
    let [co2, baseline, saved, recycled, offset, trees, chains, verified, value] = *table;
    match field {
        Field::Co2Kg => co2,
        Field::BaselineCo2Kg => baseline,
        Field::Co2SavedKg => saved,
        Field::RecycledShare => recycled,
        Field::OffsetKg => offset,
        Field::TreesSaved => trees,
        Field::SupplyChains => chains,
        Field::VerifiedSupplyChains => verified,
        Field::Value | Field::Tier | Field::Hour | Field::Weekday => value,
    }
}

/// Comparing two fields, in every language but English.
const SYMBOLS: [&str; 5] = [">", "≥", "<", "≤", "="];

const EN: Words = Words {
    orders: crate::forms!["{n} more order", "{n} more orders"],
    green_orders: crate::forms!["{n} more green order", "{n} more green orders"],
    count: "{count}{qual}",
    placed: " placed {when}",
    at: " {when}",
    with: " with {with}",
    units: [
        crate::forms!["{n} more kg CO2"],
        crate::forms!["{n} more kg baseline CO2"],
        crate::forms!["{n} more kg CO2 saved"],
        crate::forms!["{n} more recycled share"],
        crate::forms!["{n} more kg CO2 offset"],
        crate::forms!["{n} more tree saved", "{n} more trees saved"],
        crate::forms!["{n} more supply chain", "{n} more supply chains"],
        crate::forms![
            "{n} more verified supply chain",
            "{n} more verified supply chains",
        ],
        crate::forms!["{n} more in value"],
    ],
    sum: "{amount}{from}",
    from_green: " from green orders",
    from_orders: " from orders{qual}",
    in_green: " in green orders",
    in_orders: " in orders{qual}",
    streaks: [
        crate::forms![
            "{n} more consecutive month with {one}",
            "{n} more consecutive months with {one}",
        ],
        crate::forms![
            "{n} more consecutive week with {one}",
            "{n} more consecutive weeks with {one}",
        ],
    ],
    a_green_order: "a green order",
    an_order: "an order{qual}",
    periods: [
        PeriodWords {
            met_reached: "reached so far this month{from}: earned when the month ends",
            met_covered: "covered so far this month{from}: earned when the month ends",
            cover_first: "an order this month whose {sum} cover the month's {field}{from}",
            cover: "{amount} this month to cover this month's {field}{from}",
            reach: "{amount} this month{from}",
        },
        PeriodWords {
            met_reached: "reached so far this week{from}: earned when the week ends",
            met_covered: "covered so far this week{from}: earned when the week ends",
            cover_first: "an order this week whose {sum} cover the week's {field}{from}",
            cover: "{amount} this week to cover this week's {field}{from}",
            reach: "{amount} this week{from}",
        },
    ],
    amounts: [
        crate::forms!["{op} {x} kg CO2"],
        crate::forms!["{op} {x} kg baseline CO2"],
        crate::forms!["{op} {x} kg CO2 saved"],
        crate::forms!["{op} {x} % recycled content"],
        crate::forms!["{op} {x} kg CO2 offset"],
        crate::forms!["{op} {x} tree saved", "{op} {x} trees saved"],
        crate::forms!["{op} {x} supply chain", "{op} {x} supply chains"],
        crate::forms![
            "{op} {x} verified supply chain",
            "{op} {x} verified supply chains",
        ],
        crate::forms!["a value {op} {x}"],
    ],
    ops: ["over", "at least", "under", "at most", "exactly"],
    field_ops: ["above", "at or above", "below", "at or below", "equal to"],
    versus: "{a} {op} {b}",
    one_of: "{field} {values}",
    tier_is: "tier {names}",
    nouns: [
        "CO2",
        "the baseline",
        "CO2 saved",
        "recycled content",
        "offsets",
        "trees saved",
        "supply chains",
        "verified supply chains",
        "the hour",
        "the weekday",
        "the value",
        "the tier",
    ],
    and: " and ",
    comma: ", ",
    or: " or ",
    hours: "between {from} and {to}",
    no_hour: "at no hour",
    hours_days: "{hours} {days}",
    days: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    days_from_to: "from {a} to {b}",
    days_range: "{a} to {b}",
    days_on: "on {days}",
    no_day: "on no day",
    events: [
        EventWords {
            count: crate::forms!["{n} more sign-up", "{n} more sign-ups"],
            many: "sign-ups",
            one: "a sign-up",
        },
        EventWords {
            count: crate::forms!["{n} more referral", "{n} more referrals"],
            many: "referrals",
            one: "a referral",
        },
        EventWords {
            count: crate::forms!["{n} more review", "{n} more reviews"],
            many: "reviews",
            one: "a review",
        },
        EventWords {
            count: crate::forms!["{n} more tier reached", "{n} more tiers reached"],
            many: "tiers reached",
            one: "a tier reached",
        },
        EventWords {
            count: crate::forms!["{n} more \"{name}\" event", "{n} more \"{name}\" events"],
            many: "\"{name}\" events",
            one: "a \"{name}\" event",
        },
    ],
    event_sum: "{amount} from {events}{qual}",
    a_event: "{a}{qual}",
    reach_tier: "reach the {tier} tier",
    sign_up: "sign up",
};
