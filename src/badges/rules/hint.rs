//! The English hints: what a locked tier still needs.

use super::{Clause, Field, Filter, Measure, Op, Operand, Period, Progress, Rule};

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
        }
    }

    /// An amount of the field in a filter phrase ("50 % recycled content", "2.5 kg CO2 saved").
    fn amount(self, x: f64) -> String {
        match self {
            Field::RecycledShare => format!("{} % recycled content", number(x * 100.0)),
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
        }
    }

    fn against_field(self) -> &'static str {
        match self {
            Op::Gt => "above",
            Op::Gte => "at or above",
            Op::Lt => "below",
            Op::Lte => "at or below",
            Op::Eq => "equal to",
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

    /// "over 50 % recycled content and CO2 below the baseline".
    fn phrase(&self) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|c| match c.operand {
                Operand::Number(x) => format!("{} {}", c.op.against_number(), c.field.amount(x)),
                Operand::Field(g) => {
                    format!("{} {} {}", c.field.noun(), c.op.against_field(), g.noun())
                }
            })
            .collect();
        parts.join(" and ")
    }

    /// "green order(s)", "order(s) with …" or "order(s)".
    fn orders(&self, count: f64) -> String {
        if self.is_green() {
            return plural(count, "green order", "green orders").to_owned();
        }
        let noun = plural(count, "order", "orders");
        if self.0.is_empty() {
            noun.to_owned()
        } else {
            format!("{noun} with {}", self.phrase())
        }
    }
}

impl Period {
    fn name(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Week => "week",
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
                let periods = match period {
                    Period::Month => plural(left, "month", "months"),
                    Period::Week => plural(left, "week", "weeks"),
                };
                let with = if filter.is_green() {
                    "a green order".to_owned()
                } else if filter.0.is_empty() {
                    "an order".to_owned()
                } else {
                    format!("an order with {}", filter.phrase())
                };
                format!("{n} more consecutive {periods} with {with}")
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
                            Operand::Number(_) => "reached",
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
                    Operand::Number(_) => {
                        format!("{n} more {} this {p}{counting}", sum.unit(left))
                    }
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
        format!(" {preposition} orders with {}", filter.phrase())
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
