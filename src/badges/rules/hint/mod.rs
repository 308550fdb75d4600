//! Hints: what a locked tier still needs, as a short sentence in the requested language
//! ("2 more orders with over 50 % recycled content", "noch 2 Bestellungen mit über 50 %
//! Recyclinganteil"). The sentence is composed here from the rule's parts; every word is in
//! [`words`] (one table per language, named placeholders so each language orders the parts
//! its own way), and counted words take the CLDR plural form of the number as shown.

mod phrase;
mod words;

use super::{Field, Filter, Measure, Operand, Period, Progress, Rule, Source};
use crate::locale::plural::{category_of_text, pick, Forms};
use crate::locale::{fill_all, Locale};
use words::Table;

/// A language's words and number format.
#[derive(Clone, Copy)]
struct Speaker {
    locale: Locale,
    words: &'static Table,
    /// Numbers in the locale's format; without a requested locale, as plain decimals (the
    /// English hints impactkit always wrote: "1234.5 more kg CO2 saved").
    localised: bool,
}

impl Speaker {
    fn new(locale: Option<Locale>) -> Speaker {
        let localised = locale.is_some();
        let locale = locale.unwrap_or(Locale::EN);
        Speaker {
            locale,
            words: words::words(locale.lang),
            localised,
        }
    }

    /// A plain decimal as the hint shows it.
    fn shown(&self, plain: &str) -> String {
        if self.localised {
            self.locale.decimal_text(plain)
        } else {
            plain.to_owned()
        }
    }

    /// The form of `forms` for the plain decimal `plain`, with `{key}` the number as the
    /// locale writes it and `values` filled.
    fn counted(&self, forms: Forms, key: &str, plain: &str, values: &[(&str, &str)]) -> String {
        let form = pick(forms, category_of_text(self.locale.lang, plain));
        let shown = self.shown(plain);
        let mut all = vec![(key, shown.as_str())];
        all.extend_from_slice(values);
        fill_all(form, &all)
    }

    /// A number of a filter in the locale's format.
    fn number(&self, x: f64) -> String {
        self.shown(&plain(x))
    }

    /// "{n} more orders placed between 22:00 and 04:00", "{n} more green orders".
    fn count_orders(&self, filter: &Filter, n: &str) -> String {
        let w = self.words;
        if filter.is_green() {
            return self.counted(w.green_orders(), "n", n, &[]);
        }
        let count = self.counted(w.orders(), "n", n, &[]);
        let qual = self.qualifier(filter, true);
        fill_all(w.count(), &[("count", &count), ("qual", &qual)])
    }

    /// Which orders a sum counts: " from green orders", " from orders with …" or nothing
    /// (`distinct`: " in …").
    fn counting(&self, filter: &Filter, distinct: bool) -> String {
        let w = self.words;
        let (green, orders) = if distinct {
            (w.in_green(), w.in_orders())
        } else {
            (w.from_green(), w.from_orders())
        };
        if filter.is_green() {
            green.to_owned()
        } else if filter.0.is_empty() {
            String::new()
        } else {
            fill_all(orders, &[("qual", &self.qualifier(filter, true))])
        }
    }

    /// "{n} more kg CO2 saved from orders with …".
    fn sum(&self, field: Field, n: &str, filter: &Filter, distinct: bool) -> String {
        let amount = self.counted(self.words.unit(field), "n", n, &[]);
        let from = self.counting(filter, distinct);
        fill_all(self.words.sum(), &[("amount", &amount), ("from", &from)])
    }

    /// "{n} more consecutive months with {one}".
    fn streak(&self, period: Period, n: &str, one: &str) -> String {
        self.counted(self.words.streak(period), "n", n, &[("one", one)])
    }

    /// "a green order" or "an order placed …".
    fn an_order(&self, filter: &Filter) -> String {
        if filter.is_green() {
            return self.words.a_green_order().to_owned();
        }
        let qual = self.qualifier(filter, true);
        fill_all(self.words.an_order(), &[("qual", &qual)])
    }

    /// A `period` rule: reached so far, a first order to cover, or an amount still needed.
    fn in_one_period(&self, rule: &Rule, progress: &Progress, n: &str) -> String {
        let Measure::InOnePeriod {
            period,
            sum,
            at_least,
            filter,
        } = &rule.measure
        else {
            return String::new();
        };
        let p = self.words.period(*period);
        let from = self.counting(filter, false);
        let left = crate::decimal::remaining(progress.target, progress.current);
        let amount = || self.counted(self.words.unit(*sum), "n", n, &[]);
        let w = self.words;
        match at_least {
            // Met so far: the period still has to end (see `in_one_period`).
            _ if left == 0.0 && progress.current > 0.0 => {
                let met = match at_least {
                    Operand::Field(_) => p.met_covered,
                    _ => p.met_reached,
                };
                fill_all(met, &[("from", &from)])
            }
            Operand::Field(g) if progress.target == 0.0 && progress.current == 0.0 => {
                let (sum, field) = (w.noun(*sum), w.noun(*g));
                fill_all(
                    p.cover_first,
                    &[("sum", sum), ("field", field), ("from", &from)],
                )
            }
            Operand::Field(g) => fill_all(
                p.cover,
                &[
                    ("amount", &amount()),
                    ("field", w.noun(*g)),
                    ("from", &from),
                ],
            ),
            _ => fill_all(p.reach, &[("amount", &amount()), ("from", &from)]),
        }
    }

    /// The hint of a rule over events of type `kind`.
    fn event_hint(&self, kind: &str, measure: &Measure, n: &str, left: f64) -> String {
        let w = self.words;
        let e = w.event(kind);
        let name = [("name", kind)];
        match measure {
            Measure::Count(filter) => match awaited_tier(kind, filter) {
                Some(names) if left == 1.0 => {
                    fill_all(w.reach_tier(), &[("tier", &self.either(names))])
                }
                _ if kind == "signup" && left == 1.0 && filter.0.is_empty() => {
                    w.sign_up().to_owned()
                }
                _ => {
                    let count = self.counted(e.count, "n", n, &name);
                    let qual = self.qualifier(filter, false);
                    fill_all(w.count(), &[("count", &count), ("qual", &qual)])
                }
            },
            Measure::Sum(field, filter) => {
                let amount = self.counted(w.unit(*field), "n", n, &[]);
                let events = fill_all(e.many, &name);
                let qual = self.qualifier(filter, false);
                let values = [
                    ("amount", amount.as_str()),
                    ("events", &events),
                    ("qual", &qual),
                ];
                fill_all(w.event_sum(), &values)
            }
            Measure::Streak(period, filter) => {
                let a = fill_all(e.one, &name);
                let qual = self.qualifier(filter, false);
                let one = fill_all(w.a_event(), &[("a", &a), ("qual", &qual)]);
                self.streak(*period, n, &one)
            }
            _ => String::new(),
        }
    }
}

/// The tier names a `tierReached` rule waits for, when its filter is just that.
fn awaited_tier<'f>(kind: &str, filter: &'f Filter) -> Option<&'f [String]> {
    match filter.0.as_slice() {
        [super::Clause {
            field: Field::Tier,
            operand: Operand::Text(names),
            ..
        }] if kind == crate::badges::events::TIER_REACHED => Some(names),
        _ => None,
    }
}

impl Rule {
    /// A short English sentence on what is still needed, numbers as plain decimals (no
    /// `locale` asked for).
    ///
    /// ```
    /// use impactkit::badges::{catalogue::builtin, rules::Progress};
    /// let streak = &builtin()[5].tiers[0].rule;
    /// let p = Progress { reached_at: None, current: 2.0, target: 3.0 };
    /// assert_eq!(streak.hint(&p), "1 more consecutive month with a green order");
    /// ```
    pub fn hint(&self, progress: &Progress) -> String {
        self.say(progress, Speaker::new(None))
    }

    /// A short sentence on what is still needed, in `locale`'s language: numbers in its
    /// format (`en`: "1,234.5"), counted words in the plural form of the number as shown.
    ///
    /// ```
    /// use impactkit::badges::{catalogue::builtin, rules::Progress};
    /// use impactkit::locale::Locale;
    /// let circular = &builtin()[3].tiers[0].rule;
    /// let p = Progress { reached_at: None, current: 8.0, target: 10.0 };
    /// let de = Locale::from_tag("de").unwrap();
    /// assert_eq!(circular.hint_in(&p, de), "noch 2 Bestellungen mit über 50\u{A0}% Recyclinganteil");
    /// ```
    pub fn hint_in(&self, progress: &Progress, locale: Locale) -> String {
        self.say(progress, Speaker::new(Some(locale)))
    }

    fn say(&self, progress: &Progress, s: Speaker) -> String {
        let left = crate::decimal::remaining(progress.target, progress.current);
        let n = plain_up(left);
        if let Source::Events(kind) = &self.source {
            return s.event_hint(kind, &self.measure, &n, left);
        }
        match &self.measure {
            Measure::Count(filter) => s.count_orders(filter, &n),
            Measure::Sum(field, filter) => s.sum(*field, &n, filter, false),
            Measure::Distinct(field, filter) => s.sum(*field, &n, filter, true),
            Measure::Streak(period, filter) => s.streak(*period, &n, &s.an_order(filter)),
            Measure::InOnePeriod { .. } => s.in_one_period(self, progress, &n),
        }
    }
}

/// A number of a filter as plain decimal text: whole numbers as is, others to at most 6 decimals.
fn plain(x: f64) -> String {
    crate::decimal::show((x * 1e6).round() / 1e6)
}

/// A still-needed amount as plain decimal text: rounded up to one decimal, so it never reads 0.
fn plain_up(x: f64) -> String {
    if x.fract() == 0.0 {
        crate::decimal::show(x)
    } else {
        crate::decimal::show((x * 10.0).ceil() / 10.0)
    }
}
