//! The hint tables as the binary holds them: each language's 104 texts packed into one run of
//! bytes at compile time ([`crate::locale::packed`]: −0.96 KB gzip of `impactkit/badges`), and the
//! [`Table`] of a language read from them. [`texts`] and the test's `unpack` list the fields in
//! the same order; the round trip of every table is tested below, and [`Table`]'s indices in
//! its own test.

use super::{ar, de, es, fr, ja, Table, Words, EN, TEXTS};
#[cfg(all(test, not(target_arch = "wasm32")))]
use super::{EventWords, PeriodWords};
use crate::locale::packed::Unpacker;
use crate::locale::Lang;
use std::sync::OnceLock;

/// The texts of `w`, in [`unpack`]'s order.
// Compile-time code (its callers are `const`s): an index out of range is a build error.
#[allow(clippy::indexing_slicing)]
const fn texts(w: &Words) -> [&'static str; TEXTS] {
    let mut out = [""; TEXTS];
    let mut at = 0;
    macro_rules! put {
        ($($text:expr),+) => { $( out[at] = $text; at += 1; )+ };
    }
    macro_rules! put_all {
        ($list:expr $(, $forms:tt)?) => {
            let mut i = 0;
            while i < $list.len() {
                put!($list[i]$(.$forms)?);
                i += 1;
            }
        };
    }
    put!(
        w.orders.0,
        w.green_orders.0,
        w.count,
        w.placed,
        w.at,
        w.with
    );
    put_all!(w.units, 0);
    put!(w.sum, w.from_green, w.from_orders, w.in_green, w.in_orders);
    put_all!(w.streaks, 0);
    put!(w.a_green_order, w.an_order);
    let mut p = 0;
    while p < w.periods.len() {
        let period = &w.periods[p];
        put!(
            period.met_reached,
            period.met_covered,
            period.cover_first,
            period.cover,
            period.reach
        );
        p += 1;
    }
    put_all!(w.amounts, 0);
    put_all!(w.ops);
    put_all!(w.field_ops);
    put!(w.versus, w.one_of, w.tier_is);
    put_all!(w.nouns);
    put!(w.and, w.comma, w.or, w.hours, w.no_hour, w.hours_days);
    put_all!(w.days);
    put!(w.days_from_to, w.days_range, w.days_on, w.no_day);
    let mut e = 0;
    while e < w.events.len() {
        let event = &w.events[e];
        put!(event.count.0, event.many, event.one);
        e += 1;
    }
    put!(w.event_sum, w.a_event, w.reach_tier, w.sign_up);
    assert!(at == TEXTS, "TEXTS is not the number of texts of Words");
    out
}

/// The [`Words`] whose [`texts`] `t` reads (the round trip of [`texts`]; the hints read a
/// [`Table`]).
#[cfg(all(test, not(target_arch = "wasm32")))]
fn unpack(t: &mut Unpacker) -> Words {
    Words {
        orders: t.next_forms(),
        green_orders: t.next_forms(),
        count: t.next_text(),
        placed: t.next_text(),
        at: t.next_text(),
        with: t.next_text(),
        units: t.next_forms_list(),
        sum: t.next_text(),
        from_green: t.next_text(),
        from_orders: t.next_text(),
        in_green: t.next_text(),
        in_orders: t.next_text(),
        streaks: t.next_forms_list(),
        a_green_order: t.next_text(),
        an_order: t.next_text(),
        periods: std::array::from_fn(|_| PeriodWords {
            met_reached: t.next_text(),
            met_covered: t.next_text(),
            cover_first: t.next_text(),
            cover: t.next_text(),
            reach: t.next_text(),
        }),
        amounts: t.next_forms_list(),
        ops: t.next_texts(),
        field_ops: t.next_texts(),
        versus: t.next_text(),
        one_of: t.next_text(),
        tier_is: t.next_text(),
        nouns: t.next_texts(),
        and: t.next_text(),
        comma: t.next_text(),
        or: t.next_text(),
        hours: t.next_text(),
        no_hour: t.next_text(),
        hours_days: t.next_text(),
        days: t.next_texts(),
        days_from_to: t.next_text(),
        days_range: t.next_text(),
        days_on: t.next_text(),
        no_day: t.next_text(),
        events: std::array::from_fn(|_| EventWords {
            count: t.next_forms(),
            many: t.next_text(),
            one: t.next_text(),
        }),
        event_sum: t.next_text(),
        a_event: t.next_text(),
        reach_tier: t.next_text(),
        sign_up: t.next_text(),
    }
}

/// Every language's packed table.
const PACKED: [&str; 6] =
    crate::packed_tables!(texts, TEXTS, [EN, de::DE, fr::FR, es::ES, ar::AR, ja::JA]);

/// Each language's table, read on first use (a preview composes a hint per tier).
static TABLES: [OnceLock<Table>; 6] = [const { OnceLock::new() }; 6];

/// The table of `lang`: its texts in [`texts`]' order.
pub(super) fn words(lang: Lang) -> &'static Table {
    let [en, de, fr, es, ar, ja] = &TABLES;
    let table = lang.pick([en, de, fr, es, ar, ja]);
    table.get_or_init(|| {
        let mut texts = Unpacker::new(lang.pick(PACKED));
        Table(std::array::from_fn(|_| texts.next_text()))
    })
}

/// The table of `lang` as written.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) fn written(lang: Lang) -> &'static Words {
    lang.pick([&EN, &de::DE, &fr::FR, &es::ES, &ar::AR, &ja::JA])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Each language's table comes back whole from its packed texts (fails when
    /// [`texts`] and [`unpack`] list a field in different places), and is read once.
    #[test]
    fn every_table_round_trips() {
        let tables = [&EN, &de::DE, &fr::FR, &es::ES, &ar::AR, &ja::JA];
        crate::locale::packed::assert_round_trips(tables, PACKED, unpack);
        let langs = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ar, Lang::Ja];
        for (table, lang) in tables.into_iter().zip(langs) {
            assert_eq!(written(lang), table);
            assert!(std::ptr::eq(words(lang), words(lang)));
        }
    }
}
