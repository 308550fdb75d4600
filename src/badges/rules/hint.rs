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
        let mut out = String::new();
        for c in self.0.iter().filter(|c| time_set(c).is_none()) {
            if !out.is_empty() {
                out.push_str(" and ");
            }
            out.push_str(&match &c.operand {
                Operand::Number(x) if c.field == Field::Value => {
                    format!("a value {} {}", c.op.against_number(), number(*x))
                }
                Operand::Number(x) => format!("{} {}", c.op.against_number(), c.field.amount(*x)),
                Operand::Field(g) => {
                    format!("{} {} {}", c.field.noun(), c.op.against_field(), g.noun())
                }
                Operand::List(xs) => {
                    let mut values = Vec::new();
                    for x in xs {
                        values.push(number(*x));
                    }
                    format!("{} {}", c.field.noun(), either(&values))
                }
                Operand::Text(names) => format!("tier {}", either(names)),
            });
        }
        out
    }

    /// "between 22:00 and 04:00 from Monday to Friday": the local-time clauses.
    fn when(&self) -> String {
        const ALL_HOURS: u32 = (1 << 24) - 1;
        const ALL_DAYS: u32 = (1 << 7) - 1;
        let (mut hours, mut days) = (ALL_HOURS, ALL_DAYS);
        for c in &self.0 {
            match (c.field, time_set(c)) {
                (Field::Hour, Some(set)) => hours &= set,
                (Field::Weekday, Some(set)) => days &= set,
                _ => {}
            }
        }
        let mut out = String::new();
        if hours != ALL_HOURS {
            let mut spans = Vec::new();
            for (a, n) in runs(hours, 24) {
                spans.push(format!(
                    "between {}:00 and {}:00",
                    two(a),
                    two((a + n) % 24)
                ));
            }
            out = if spans.is_empty() {
                "at no hour".to_owned()
            } else {
                either(&spans)
            };
        }
        if days != ALL_DAYS {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&weekdays(days));
        }
        out
    }

    /// "placed between 22:00 and 04:00 with over 50 % recycled content" (after a noun).
    fn qualifier(&self, placed: &str) -> String {
        let (when, with) = (self.when(), self.phrase());
        let mut out = String::new();
        if !when.is_empty() {
            out.push(' ');
            out.push_str(placed);
            out.push_str(&when);
        }
        if !with.is_empty() {
            out.push_str(" with ");
            out.push_str(&with);
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
    let runs = runs(days, 7);
    if let [(a, n)] = runs.as_slice() {
        if *n > 2 {
            return format!("from {} to {}", name(*a), name(a + n - 1));
        }
    }
    let mut names = Vec::new();
    for &(a, n) in &runs {
        if n > 2 {
            names.push(format!("{} to {}", name(a), name(a + n - 1)));
        } else {
            for i in a..a + n {
                names.push(name(i).to_owned());
            }
        }
    }
    if names.is_empty() {
        return "on no day".to_owned();
    }
    format!("on {}", either(&names))
}

/// An hour with two digits ("04").
fn two(hour: u32) -> String {
    let digits = number(f64::from(hour));
    if hour < 10 {
        format!("0{digits}")
    } else {
        digits
    }
}

/// "a, b or c".
fn either(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " or " } else { ", " });
        }
        out.push_str(item);
    }
    out
}

/// How an event type is called: one, many, and one with its article.
fn event_words(kind: &str) -> [String; 3] {
    let known: [&str; 3] = match kind {
        "signup" => ["sign-up", "sign-ups", "a sign-up"],
        "referral" => ["referral", "referrals", "a referral"],
        "review" => ["review", "reviews", "a review"],
        crate::badges::events::TIER_REACHED => ["tier reached", "tiers reached", "a tier reached"],
        other => {
            let one = format!("\"{other}\" event");
            return [one.clone(), format!("{one}s"), format!("a {one}")];
        }
    };
    known.map(str::to_owned)
}

/// The tier names a `tierReached` rule waits for, when its filter is just that.
fn awaited_tier(kind: &str, filter: &Filter) -> Option<String> {
    match filter.0.as_slice() {
        [Clause {
            field: Field::Tier,
            operand: Operand::Text(names),
            ..
        }] if kind == crate::badges::events::TIER_REACHED => Some(either(names)),
        _ => None,
    }
}

/// The hint of a rule over events of type `kind`.
fn event_hint(kind: &str, measure: &Measure, n: &str, left: f64) -> String {
    let [one, many, a] = event_words(kind);
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
