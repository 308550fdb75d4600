//! A language's hint words as the hints read them: its texts in [`super::packing`]'s order,
//! looked up by index. Rebuilding the [`Words`] struct from the packed texts was a load and a
//! store per field, a kilobyte of code; filling this array is one loop (−0.8 KB gzip of
//! `impactkit/badges`). The tables stay written as [`Words`] structs, checked by the compiler;
//! the indices below follow `packing::texts`, and `every_table_reads_as_written` reads each
//! language's every word through these accessors against its struct.

#[cfg(doc)]
use super::Words;
use super::{by_field, EventWords, PeriodWords, TEXTS};
use crate::badges::rules::{Field, Op, Period};
use crate::locale::plural::Forms;

/// Where each text (or the first of a run) sits, in `packing::texts`' order.
const ORDERS: usize = 0;
const GREEN_ORDERS: usize = ORDERS + 1;
const COUNT: usize = GREEN_ORDERS + 1;
const PLACED: usize = COUNT + 1;
const AT: usize = PLACED + 1;
const WITH: usize = AT + 1;
const UNITS: usize = WITH + 1;
const SUM: usize = UNITS + 9;
const FROM_GREEN: usize = SUM + 1;
const FROM_ORDERS: usize = FROM_GREEN + 1;
const IN_GREEN: usize = FROM_ORDERS + 1;
const IN_ORDERS: usize = IN_GREEN + 1;
const STREAKS: usize = IN_ORDERS + 1;
const A_GREEN_ORDER: usize = STREAKS + 2;
const AN_ORDER: usize = A_GREEN_ORDER + 1;
/// Two periods of five sentences.
const PERIODS: usize = AN_ORDER + 1;
const AMOUNTS: usize = PERIODS + 10;
const OPS: usize = AMOUNTS + 9;
const FIELD_OPS: usize = OPS + 5;
const VERSUS: usize = FIELD_OPS + 5;
const ONE_OF: usize = VERSUS + 1;
const TIER_IS: usize = ONE_OF + 1;
const NOUNS: usize = TIER_IS + 1;
const AND: usize = NOUNS + 12;
const COMMA: usize = AND + 1;
const OR: usize = COMMA + 1;
const HOURS: usize = OR + 1;
const NO_HOUR: usize = HOURS + 1;
const HOURS_DAYS: usize = NO_HOUR + 1;
const DAYS: usize = HOURS_DAYS + 1;
const DAYS_FROM_TO: usize = DAYS + 7;
const DAYS_RANGE: usize = DAYS_FROM_TO + 1;
const DAYS_ON: usize = DAYS_RANGE + 1;
const NO_DAY: usize = DAYS_ON + 1;
/// Five event types of three texts.
const EVENTS: usize = NO_DAY + 1;
const EVENT_SUM: usize = EVENTS + 15;
const A_EVENT: usize = EVENT_SUM + 1;
const REACH_TIER: usize = A_EVENT + 1;
const SIGN_UP: usize = REACH_TIER + 1;
const _ALL_TEXTS: () = assert!(SIGN_UP + 1 == TEXTS, "the indices do not cover the texts");

/// Every word of a hint in one language (see [`Words`] for what each is).
pub(in super::super) struct Table(pub(super) [&'static str; TEXTS]);

/// One accessor per text, named as [`Words`]' field (so `from_green`, not a conversion).
macro_rules! texts {
    ($($name:ident: $index:ident),+ $(,)?) => {
        $(#[allow(clippy::wrong_self_convention)]
        pub(in super::super) fn $name(&self) -> &'static str {
            self.text($index)
        })+
    };
}

macro_rules! forms {
    ($($name:ident: $index:ident),+ $(,)?) => {
        $(pub(in super::super) fn $name(&self) -> Forms {
            Forms(self.text($index))
        })+
    };
}

impl Table {
    /// The text at `index` (empty past the last).
    fn text(&self, index: usize) -> &'static str {
        self.0.get(index).copied().unwrap_or_default()
    }

    forms!(orders: ORDERS, green_orders: GREEN_ORDERS);
    texts!(
        count: COUNT,
        placed: PLACED,
        at: AT,
        with: WITH,
        sum: SUM,
        from_green: FROM_GREEN,
        from_orders: FROM_ORDERS,
        in_green: IN_GREEN,
        in_orders: IN_ORDERS,
        a_green_order: A_GREEN_ORDER,
        an_order: AN_ORDER,
        versus: VERSUS,
        one_of: ONE_OF,
        tier_is: TIER_IS,
        and: AND,
        comma: COMMA,
        or: OR,
        hours: HOURS,
        no_hour: NO_HOUR,
        hours_days: HOURS_DAYS,
        days_from_to: DAYS_FROM_TO,
        days_range: DAYS_RANGE,
        days_on: DAYS_ON,
        no_day: NO_DAY,
        event_sum: EVENT_SUM,
        a_event: A_EVENT,
        reach_tier: REACH_TIER,
        sign_up: SIGN_UP,
    );

    /// The amount still needed of a summed field (fields never summed share `value`'s).
    pub(in super::super) fn unit(&self, field: Field) -> Forms {
        Forms(self.text(UNITS + by_field(field)))
    }

    /// A filter clause comparing `field` with a number.
    pub(in super::super) fn amount(&self, field: Field) -> Forms {
        Forms(self.text(AMOUNTS + by_field(field)))
    }

    /// What `field` is called.
    pub(in super::super) fn noun(&self, field: Field) -> &'static str {
        let index = match field {
            Field::Hour => 8,
            Field::Weekday => 9,
            Field::Value => 10,
            Field::Tier => 11,
            other => by_field(other),
        };
        self.text(NOUNS + index)
    }

    /// An operator against a number (`number`) or against another field.
    pub(in super::super) fn op(&self, op: Op, number: bool) -> &'static str {
        let index = match op {
            Op::Gt => 0,
            Op::Gte => 1,
            Op::Lt => 2,
            Op::Lte => 3,
            // `in` compares with a list, never with one number or field.
            Op::Eq | Op::In => 4,
        };
        self.text(if number { OPS } else { FIELD_OPS } + index)
    }

    /// Weekday `i` (0 Monday … 6 Sunday, modulo 7).
    pub(in super::super) fn day(&self, i: u32) -> &'static str {
        self.text(DAYS + i as usize % 7)
    }

    /// The words of an event type.
    pub(in super::super) fn event(&self, kind: &str) -> EventWords {
        let index = match kind {
            "signup" => 0,
            "referral" => 1,
            "review" => 2,
            crate::badges::events::TIER_REACHED => 3,
            _ => 4,
        };
        let at = EVENTS + 3 * index;
        EventWords {
            count: Forms(self.text(at)),
            many: self.text(at + 1),
            one: self.text(at + 2),
        }
    }

    /// The sentences of a `period` rule over months or weeks.
    pub(in super::super) fn period(&self, period: Period) -> PeriodWords {
        let at = PERIODS + 5 * period_index(period);
        PeriodWords {
            met_reached: self.text(at),
            met_covered: self.text(at + 1),
            cover_first: self.text(at + 2),
            cover: self.text(at + 3),
            reach: self.text(at + 4),
        }
    }

    /// Consecutive months or weeks.
    pub(in super::super) fn streak(&self, period: Period) -> Forms {
        Forms(self.text(STREAKS + period_index(period)))
    }
}

fn period_index(period: Period) -> usize {
    match period {
        Period::Month => 0,
        Period::Week => 1,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{packing, Words};
    use super::*;
    use crate::locale::Lang;

    /// Every word of every language, read through the accessors, is its struct's (fails when
    /// an index above is off, or an accessor reads the wrong entry of a run).
    #[test]
    fn every_table_reads_as_written() {
        let langs = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ar, Lang::Ja];
        let fields = [
            Field::Co2Kg,
            Field::BaselineCo2Kg,
            Field::Co2SavedKg,
            Field::RecycledShare,
            Field::OffsetKg,
            Field::TreesSaved,
            Field::SupplyChains,
            Field::VerifiedSupplyChains,
            Field::Value,
            Field::Hour,
            Field::Weekday,
            Field::Tier,
        ];
        let ops = [Op::Gt, Op::Gte, Op::Lt, Op::Lte, Op::Eq, Op::In];
        let kinds = ["signup", "referral", "review", "tierReached", "custom"];
        for lang in langs {
            let (t, w): (&Table, &Words) = (packing::words(lang), packing::written(lang));
            let plain = [
                (t.count(), w.count),
                (t.placed(), w.placed),
                (t.at(), w.at),
                (t.with(), w.with),
                (t.sum(), w.sum),
                (t.from_green(), w.from_green),
                (t.from_orders(), w.from_orders),
                (t.in_green(), w.in_green),
                (t.in_orders(), w.in_orders),
                (t.a_green_order(), w.a_green_order),
                (t.an_order(), w.an_order),
                (t.versus(), w.versus),
                (t.one_of(), w.one_of),
                (t.tier_is(), w.tier_is),
                (t.and(), w.and),
                (t.comma(), w.comma),
                (t.or(), w.or),
                (t.hours(), w.hours),
                (t.no_hour(), w.no_hour),
                (t.hours_days(), w.hours_days),
                (t.days_from_to(), w.days_from_to),
                (t.days_range(), w.days_range),
                (t.days_on(), w.days_on),
                (t.no_day(), w.no_day),
                (t.event_sum(), w.event_sum),
                (t.a_event(), w.a_event),
                (t.reach_tier(), w.reach_tier),
                (t.sign_up(), w.sign_up),
            ];
            for (read, written) in plain {
                assert_eq!(read, written, "{lang:?}");
            }
            assert_eq!((t.orders(), t.green_orders()), (w.orders, w.green_orders));
            for field in fields {
                assert_eq!(t.unit(field), w.unit(field), "{lang:?} {field:?}");
                assert_eq!(t.amount(field), w.amount(field), "{lang:?} {field:?}");
                assert_eq!(t.noun(field), w.noun(field), "{lang:?} {field:?}");
            }
            for op in ops {
                assert_eq!(t.op(op, true), w.op(op, true));
                assert_eq!(t.op(op, false), w.op(op, false));
            }
            for i in 0..9 {
                assert_eq!(Some(&t.day(i)), w.days.get(i as usize % 7));
            }
            for kind in kinds {
                assert_eq!(&t.event(kind), w.event(kind), "{lang:?} {kind}");
            }
            for period in [Period::Month, Period::Week] {
                assert_eq!(&t.period(period), w.period(period));
                assert_eq!(t.streak(period), w.streak(period));
            }
        }
    }
}
