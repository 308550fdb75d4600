//! The English hints: what a locked tier still needs. Every word of a hint is in this file
//! (one place to localise).

use super::sets::{runs, time_set};
use super::{Clause, Field, Filter, Measure, Op, Operand, Period, Progress, Rule, Source};

impl Field {
    /// What the field is called in a hint ("recycled content").
    fn noun(self) -> &'static str {
        match self {
            Field::Co2Kg => "CO2",
            Field::BaselineCo2Kg => "the baseline",
            Field::Co2SavedKg => "CO2 saved",
            Field::RecycledShare => "recycled content",
            Field::OffsetKg => "offsets",
            Field::TreesSaved => "trees saved",
            Field::SupplyChains => "supply chains",
            Field::VerifiedSupplyChains => "verified supply chains",
            Field::Hour => "the hour",
            Field::Weekday => "the weekday",
            Field::Value => "the value",
            Field::Tier => "the tier",
        }
    }

    /// The field's unit in a hint ("kg CO2 saved", "trees saved").
    fn unit(self, x: f64) -> &'static str {
        match self {
            Field::Co2Kg => "kg CO2",
            Field::BaselineCo2Kg => "kg baseline CO2",
            Field::Co2SavedKg => "kg CO2 saved",
            Field::RecycledShare => "recycled share",
            Field::OffsetKg => "kg CO2 offset",
            Field::TreesSaved => plural(x, "tree saved", "trees saved"),
            Field::SupplyChains => plural(x, "supply chain", "supply chains"),
            Field::VerifiedSupplyChains => {
                plural(x, "verified supply chain", "verified supply chains")
            }
            Field::Hour => "hour",
            Field::Weekday => "weekday",
            Field::Value | Field::Tier => "in value",
        }
    }

    /// An amount of the field in a filter phrase ("50 % recycled content", "2.5 kg CO2 saved").
    fn amount(self, x: f64) -> String {
        match self {
            Field::RecycledShare => format!("{} % recycled content", number(x * 100.0)),
            Field::Value => format!("value {}", number(x)),
            _ => format!("{} {}", number(x), self.unit(x)),
        }
    }
}

impl Op {
    fn against_number(self) -> &'static str {
        match self {
            Op::Gt => "over",
            Op::Gte => "at least",
            Op::Lt => "under",
            Op::Lte => "at most",
            Op::Eq => "exactly",
            Op::In => "one of",
        }
    }

    fn against_field(self) -> &'static str {
        match self {
            Op::Gt => "above",
            Op::Gte => "at or above",
            Op::Lt => "below",
            Op::Lte => "at or below",
            Op::Eq | Op::In => "equal to",
        }
    }
}

impl Filter {
    fn is_green(&self) -> bool {
        matches!(
            self.0.as_slice(),
            [Clause {
                field: Field::Co2Kg,
                op: Op::Lt,
                operand: Operand::Field(Field::BaselineCo2Kg)
            }]
        )
    }

    /// "over 50 % recycled content and CO2 below the baseline" (the clauses but local time).
    fn phrase(&self) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .filter(|c| time_set(c).is_none())
            .map(|c| match &c.operand {
                Operand::Number(x) if c.field == Field::Value => {
                    format!("a value {} {}", c.op.against_number(), number(*x))
                }
                Operand::Number(x) => format!("{} {}", c.op.against_number(), c.field.amount(*x)),
                Operand::Field(g) => {
                    format!("{} {} {}", c.field.noun(), c.op.against_field(), g.noun())
                }
                Operand::List(xs) => {
                    let xs: Vec<String> = xs.iter().map(|x| number(*x)).collect();
                    format!("{} {}", c.field.noun(), either(&xs, "or"))
                }
                Operand::Text(names) => format!("tier {}", either(names, "or")),
            })
            .collect();
        parts.join(" and ")
    }

    /// "between 22:00 and 04:00 on Saturday or Sunday": the local-time clauses.
    fn when(&self) -> String {
        let mut hours: u32 = (1 << 24) - 1;
        let mut days: u32 = (1 << 7) - 1;
        for c in &self.0 {
            match (c.field, time_set(c)) {
                (Field::Hour, Some(set)) => hours &= set,
                (Field::Weekday, Some(set)) => days &= set,
                _ => {}
            }
        }
        let mut parts = Vec::new();
        if hours != (1 << 24) - 1 {
            let runs: Vec<String> = runs(hours, 24)
                .iter()
                .map(|&(a, n)| format!("between {a:02}:00 and {:02}:00", (a + n) % 24))
                .collect();
            parts.push(if runs.is_empty() {
                "at no hour".to_owned()
            } else {
                either(&runs, "or")
            });
        }
        if days != (1 << 7) - 1 {
            parts.push(weekdays(days));
        }
        parts.join(" ")
    }

    /// "placed between 22:00 and 04:00 with over 50 % recycled content" (after a noun).
    fn qualifier(&self, placed: &str) -> String {
        let (when, with) = (self.when(), self.phrase());
        let mut out = String::new();
        if !when.is_empty() {
            out = format!(" {placed}{when}");
        }
        if !with.is_empty() {
            out = format!("{out} with {with}");
        }
        out
    }

    /// "green order(s)", "order(s) with …" or "order(s)".
    fn orders(&self, count: f64) -> String {
        if self.is_green() {
            return plural(count, "green order", "green orders").to_owned();
        }
        format!(
            "{}{}",
            plural(count, "order", "orders"),
            self.qualifier("placed ")
        )
    }
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "on Saturday or Sunday", "from Monday to Friday", "on Monday to Wednesday or Saturday".
fn weekdays(days: u32) -> String {
    let name = |i: u32| DAYS.get(i as usize % 7).copied().unwrap_or_default();
    let parts: Vec<String> = runs(days, 7)
        .iter()
        .flat_map(|&(a, n)| match n {
            1 | 2 => (a..a + n).map(|i| name(i).to_owned()).collect::<Vec<_>>(),
            _ => vec![format!("{} to {}", name(a), name(a + n - 1))],
        })
        .collect();
    match runs(days, 7).as_slice() {
        [] => "on no day".to_owned(),
        [(a, n)] if *n > 2 => format!("from {} to {}", name(*a), name(a + n - 1)),
        _ => format!("on {}", either(&parts, "or")),
    }
}

/// "a, b or c".
fn either(items: &[String], or: &str) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// How an event type is called: (one, many, with its article).
fn event_words(kind: &str) -> (String, String, String) {
    let known = |one: &str, many: &str, a: &str| (one.to_owned(), many.to_owned(), a.to_owned());
    match kind {
        "signup" => known("sign-up", "sign-ups", "a sign-up"),
        "referral" => known("referral", "referrals", "a referral"),
        "review" => known("review", "reviews", "a review"),
        crate::badges::events::TIER_REACHED => {
            known("tier reached", "tiers reached", "a tier reached")
        }
        other => (
            format!("\"{other}\" event"),
            format!("\"{other}\" events"),
            format!("a \"{other}\" event"),
        ),
    }
}

/// The tier names a `tierReached` rule waits for, when its filter is just that.
fn awaited_tier(kind: &str, filter: &Filter) -> Option<String> {
    match filter.0.as_slice() {
        [Clause {
            field: Field::Tier,
            operand: Operand::Text(names),
            ..
        }] if kind == crate::badges::events::TIER_REACHED => Some(either(names, "or")),
        _ => None,
    }
}

/// The hint of a rule over events of type `kind`.
fn event_hint(kind: &str, measure: &Measure, n: &str, left: f64) -> String {
    let (one, many, a) = event_words(kind);
    let words = |x: f64| if x == 1.0 { one.clone() } else { many.clone() };
    match measure {
        Measure::Count(filter) => match awaited_tier(kind, filter) {
            Some(tier) if left == 1.0 => format!("reach the {tier} tier"),
            _ if kind == "signup" && left == 1.0 && filter.0.is_empty() => "sign up".to_owned(),
            _ => format!("{n} more {}{}", words(left), filter.qualifier("")),
        },
        Measure::Sum(_, filter) => {
            format!("{n} more in value from {many}{}", filter.qualifier(""))
        }
        Measure::Streak(period, filter) => format!(
            "{n} more consecutive {} with {a}{}",
            period.names(left),
            filter.qualifier("")
        ),
        _ => String::new(),
    }
}

impl Period {
    fn name(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Week => "week",
        }
    }

    fn names(self, count: f64) -> &'static str {
        match self {
            Period::Month => plural(count, "month", "months"),
            Period::Week => plural(count, "week", "weeks"),
        }
    }
}

impl Rule {
    /// A short English sentence on what is still needed, e.g.
    /// "2 more orders with over 50 % recycled content".
    ///
    /// ```
    /// use impactkit::badges::{catalogue::builtin, rules::Progress};
    /// let streak = &builtin()[5].tiers[0].rule;
    /// let p = Progress { reached_at: None, current: 2.0, target: 3.0 };
    /// assert_eq!(streak.hint(&p), "1 more consecutive month with a green order");
    /// ```
    pub fn hint(&self, progress: &Progress) -> String {
        let left = crate::decimal::remaining(progress.target, progress.current);
        let n = number_up(left);
        if let Source::Events(kind) = &self.source {
            return event_hint(kind, &self.measure, &n, left);
        }
        match &self.measure {
            Measure::Count(filter) => format!("{n} more {}", filter.orders(left)),
            Measure::Sum(field, filter) => {
                format!(
                    "{n} more {}{}",
                    field.unit(left),
                    from_orders(filter, "from")
                )
            }
            Measure::Distinct(field, filter) => {
                format!("{n} more {}{}", field.unit(left), from_orders(filter, "in"))
            }
            Measure::Streak(period, filter) => {
                let with = if filter.is_green() {
                    "a green order".to_owned()
                } else {
                    format!("an order{}", filter.qualifier("placed "))
                };
                format!("{n} more consecutive {} with {with}", period.names(left))
            }
            Measure::InOnePeriod {
                period,
                sum,
                at_least,
                filter,
            } => {
                let p = period.name();
                let counting = from_orders(filter, "from");
                match at_least {
                    // Met so far: the period still has to end (see `in_one_period`).
                    _ if left == 0.0 && progress.current > 0.0 => {
                        let verb = match at_least {
                            Operand::Field(_) => "covered",
                            _ => "reached",
                        };
                        format!("{verb} so far this {p}{counting}: earned when the {p} ends")
                    }
                    Operand::Field(g) if progress.target == 0.0 && progress.current == 0.0 => {
                        format!(
                            "an order this {p} whose {} cover the {p}'s {}{counting}",
                            sum.noun(),
                            g.noun()
                        )
                    }
                    Operand::Field(g) => format!(
                        "{n} more {} this {p} to cover this {p}'s {}{counting}",
                        sum.unit(left),
                        g.noun()
                    ),
                    _ => format!("{n} more {} this {p}{counting}", sum.unit(left)),
                }
            }
        }
    }
}

fn from_orders(filter: &Filter, preposition: &str) -> String {
    if filter.is_green() {
        format!(" {preposition} green orders")
    } else if filter.0.is_empty() {
        String::new()
    } else {
        format!(" {preposition} orders{}", filter.qualifier("placed "))
    }
}

fn plural(count: f64, one: &'static str, many: &'static str) -> &'static str {
    if count == 1.0 {
        one
    } else {
        many
    }
}

/// A number for a sentence: whole numbers as is, others to at most 6 decimals.
fn number(x: f64) -> String {
    crate::decimal::show((x * 1e6).round() / 1e6)
}

/// A still-needed amount for a sentence: rounded up to one decimal, so it never reads 0.
fn number_up(x: f64) -> String {
    if x.fract() == 0.0 {
        crate::decimal::show(x)
    } else {
        crate::decimal::show((x * 10.0).ceil() / 10.0)
    }
}
