//! The parts of a hint that describe which orders or events count: the filter's clauses
//! ("over 50 % recycled content"), its local hours and weekdays ("between 22:00 and 04:00
//! from Monday to Friday"), and lists ("a, b or c").

use super::Speaker;
use crate::badges::rules::sets::{runs, time_set};
use crate::badges::rules::{Clause, Field, Filter, Op, Operand};
use crate::locale::fill_all;

impl Filter {
    /// Whether the filter is exactly "CO2 below the baseline" (a green order).
    pub(super) fn is_green(&self) -> bool {
        matches!(
            self.0.as_slice(),
            [Clause {
                field: Field::Co2Kg,
                op: Op::Lt,
                operand: Operand::Field(Field::BaselineCo2Kg)
            }]
        )
    }
}

impl Speaker {
    /// What follows (or precedes) a noun: the local time (`placed` for orders, else events)
    /// and the other clauses, e.g. " placed between 22:00 and 04:00 with over 50 % recycled content".
    pub(super) fn qualifier(&self, filter: &Filter, placed: bool) -> String {
        let w = self.words;
        let (when, with) = (self.when(filter), self.clauses(filter));
        let mut out = String::new();
        if !when.is_empty() {
            let template = if placed { w.placed() } else { w.at() };
            out.push_str(&fill_all(template, &[("when", &when)]));
        }
        if !with.is_empty() {
            out.push_str(&fill_all(w.with(), &[("with", &with)]));
        }
        out
    }

    /// The clauses but local time, joined: "over 50 % recycled content and CO2 below the baseline".
    fn clauses(&self, filter: &Filter) -> String {
        let mut out = String::new();
        for c in filter.0.iter().filter(|c| time_set(c).is_none()) {
            if !out.is_empty() {
                out.push_str(self.words.and());
            }
            out.push_str(&self.clause(c));
        }
        out
    }

    fn clause(&self, c: &Clause) -> String {
        let w = self.words;
        let field = w.noun(c.field);
        match &c.operand {
            Operand::Number(x) => {
                let x = if c.field == Field::RecycledShare {
                    x * 100.0
                } else {
                    *x
                };
                let plain = super::plain(x);
                let op = w.op(c.op, true);
                self.counted(w.amount(c.field), "x", &plain, &[("op", op)])
            }
            Operand::Field(g) => fill_all(
                w.versus(),
                &[("a", field), ("op", w.op(c.op, false)), ("b", w.noun(*g))],
            ),
            Operand::List(xs) => {
                let values: Vec<String> = xs.iter().map(|x| self.number(*x)).collect();
                fill_all(
                    w.one_of(),
                    &[("field", field), ("values", &self.either(&values))],
                )
            }
            Operand::Text(names) => fill_all(w.tier_is(), &[("names", &self.either(names))]),
        }
    }

    /// The local-time clauses: "between 22:00 and 04:00 from Monday to Friday" (empty without).
    fn when(&self, filter: &Filter) -> String {
        const ALL_HOURS: u32 = (1 << 24) - 1;
        const ALL_DAYS: u32 = (1 << 7) - 1;
        let (mut hours, mut days) = (ALL_HOURS, ALL_DAYS);
        for c in &filter.0 {
            match (c.field, time_set(c)) {
                (Field::Hour, Some(set)) => hours &= set,
                (Field::Weekday, Some(set)) => days &= set,
                _ => {}
            }
        }
        let hours = (hours != ALL_HOURS).then(|| self.hours(hours));
        let days = (days != ALL_DAYS).then(|| self.weekdays(days));
        match (hours, days) {
            (Some(h), Some(d)) => fill_all(self.words.hours_days(), &[("hours", &h), ("days", &d)]),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => String::new(),
        }
    }

    /// "between 22:00 and 04:00 or between 12:00 and 13:00", or "at no hour".
    fn hours(&self, hours: u32) -> String {
        let mut spans = Vec::new();
        for (a, n) in runs(hours, 24) {
            let (from, to) = (self.time(a), self.time((a + n) % 24));
            spans.push(fill_all(
                self.words.hours(),
                &[("from", &from), ("to", &to)],
            ));
        }
        if spans.is_empty() {
            self.words.no_hour().to_owned()
        } else {
            self.either(&spans)
        }
    }

    /// An hour on the 24-hour clock in the locale's digits ("04:00").
    fn time(&self, hour: u32) -> String {
        self.locale.time(hour, 0)
    }

    /// "on Saturday or Sunday", "from Monday to Friday", "on Monday to Wednesday or Saturday".
    fn weekdays(&self, days: u32) -> String {
        let w = self.words;
        let name = |i: u32| w.day(i);
        let range = |template: &str, a: u32, n: u32| {
            fill_all(template, &[("a", name(a)), ("b", name(a + n - 1))])
        };
        let runs = runs(days, 7);
        if let [(a, n)] = runs.as_slice() {
            if *n > 2 {
                return range(w.days_from_to(), *a, *n);
            }
        }
        let mut names = Vec::new();
        for &(a, n) in &runs {
            if n > 2 {
                names.push(range(w.days_range(), a, n));
            } else {
                names.extend((a..a + n).map(|i| name(i).to_owned()));
            }
        }
        if names.is_empty() {
            return w.no_day().to_owned();
        }
        fill_all(w.days_on(), &[("days", &self.either(&names))])
    }

    /// "a, b or c".
    pub(super) fn either(&self, items: &[String]) -> String {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                let last = i + 1 == items.len();
                out.push_str(if last {
                    self.words.or()
                } else {
                    self.words.comma()
                });
            }
            out.push_str(item);
        }
        out
    }
}
