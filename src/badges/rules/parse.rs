//! Reading rules from JSON (see the module docs of [`super`]).

use super::{Clause, Field, Filter, Measure, Op, Operand, Period, Rule, Source};
use crate::error::{ErrorCode, Result};
use crate::json::Json;

const OPS: [(&str, Op); 6] = [
    ("gt", Op::Gt),
    ("gte", Op::Gte),
    ("lt", Op::Lt),
    ("lte", Op::Lte),
    ("eq", Op::Eq),
    ("in", Op::In),
];

const KINDS: [&str; 6] = ["first", "count", "sum", "distinct", "streak", "period"];
const MAX_WHOLE_TARGET: i64 = 1_000_000_000;

impl Operand {
    /// `atLeast`: a number or a field's name.
    fn read(value: &Json) -> Result<Operand> {
        if value.value().is_string() {
            Ok(Operand::Field(Field::read(value, &Source::Orders)?))
        } else {
            Ok(Operand::Number(value.number()?))
        }
    }

    /// What `field op value` compares with: names for the text `tier`, a list for `in`,
    /// else a number or another numeric field; `hour` / `weekday` take whole numbers in range.
    fn read_for(field: Field, op: Op, value: &Json, source: &Source) -> Result<Operand> {
        if field.is_text() {
            return match op {
                Op::Eq => Ok(Operand::Text(vec![value.str()?.to_owned()])),
                Op::In => {
                    let mut names = Vec::new();
                    for v in list(value)? {
                        names.push(v.str()?.to_owned());
                    }
                    Ok(Operand::Text(names))
                }
                _ => Err(value.error(
                    ErrorCode::InvalidValue,
                    "tier is a name: compare it with eq or in",
                )),
            };
        }
        let number = |v: &Json| match field.range() {
            Some((min, max)) => v.integer_in(min, max).map(|n| n as f64),
            None => v.number(),
        };
        if op == Op::In {
            let mut values = Vec::new();
            for v in list(value)? {
                values.push(number(&v)?);
            }
            return Ok(Operand::List(values));
        }
        if !value.value().is_string() {
            return Ok(Operand::Number(number(value)?));
        }
        let other = Field::read(value, source)?;
        if other.is_text() {
            return Err(value.error(ErrorCode::InvalidValue, "tier is a name, not a number"));
        }
        Ok(Operand::Field(other))
    }
}

/// The items of an `in` list (at least one).
fn list<'j>(value: &'j Json) -> Result<impl Iterator<Item = Json<'j>> + 'j> {
    let items = value.items()?;
    if items.len() == 0 {
        return Err(value.error(ErrorCode::InvalidValue, "in needs at least one value"));
    }
    Ok(items)
}

impl Filter {
    /// Reads `{field: {op: value, …}, …}`.
    ///
    /// ```
    /// use impactkit::{badges::rules::Filter, json::Json};
    /// let v = serde_json::json!({"recycledShare": {"gt": 0.5}});
    /// assert_eq!(Filter::from_json(&Json::root(&impactkit::json::Node::from(&v))).unwrap().0.len(), 1);
    /// let bad = serde_json::json!({"recycledShare": {"above": 0.5}});
    /// assert_eq!(Filter::from_json(&Json::root(&impactkit::json::Node::from(&bad))).unwrap_err().path, "$.recycledShare.above");
    /// ```
    pub fn from_json(input: &Json) -> Result<Filter> {
        Filter::read(input, &Source::Orders)
    }

    /// Reads a filter over orders, or over events when `source` is events.
    pub fn read(input: &Json, source: &Source) -> Result<Filter> {
        let mut clauses = Vec::new();
        for name in input.keys()? {
            let conditions = input.field(name)?;
            let field = Field::parse_in(name, source, &conditions)?;
            for op_name in conditions.keys()? {
                let value = conditions.field(op_name)?;
                let op = OPS
                    .iter()
                    .find(|(n, _)| *n == op_name)
                    .map(|(_, op)| *op)
                    .ok_or_else(|| {
                        value.error(
                            ErrorCode::InvalidValue,
                            crate::error::Message::new("unknown operator ")
                                .user(op_name)
                                .text("; operators are: gt, gte, lt, lte, eq, in"),
                        )
                    })?;
                clauses.push(Clause {
                    field,
                    op,
                    operand: Operand::read_for(field, op, &value, source)?,
                });
            }
        }
        Ok(Filter(clauses))
    }
}

impl Period {
    fn read(value: &Json) -> Result<Period> {
        Ok(match value.one_of(&["month", "week"])? {
            0 => Period::Month,
            _ => Period::Week,
        })
    }
}

impl Rule {
    /// Reads a rule object (see the module docs).
    ///
    /// ```
    /// use impactkit::{badges::rules::Rule, json::Json};
    /// let v = serde_json::json!({"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": 10});
    /// assert_eq!(Rule::from_json(&Json::root(&impactkit::json::Node::from(&v))).unwrap().target, 10.0);
    /// let bad = serde_json::json!({"kind": "average", "field": "co2Kg"});
    /// assert_eq!(Rule::from_json(&Json::root(&impactkit::json::Node::from(&bad))).unwrap_err().path, "$.kind");
    /// ```
    pub fn from_json(input: &Json) -> Result<Rule> {
        let kind = input.field("kind")?.one_of(&KINDS)?;
        check_keys(input, kind)?;
        let source = match input.opt("event")? {
            Some(name) => Source::Events(crate::badges::events::read_kind(&name)?),
            None => Source::Orders,
        };
        let filter = match input.opt("where")? {
            Some(w) => Filter::read(&w, &source)?,
            None => Filter::default(),
        };
        let (measure, target) = match kind {
            0 => (Measure::Count(filter), 1.0),
            1 => (Measure::Count(filter), whole_target(input)?),
            2 => (
                Measure::Sum(numeric_field(input, "field", &source)?, filter),
                input.field("target")?.positive()?,
            ),
            3 => (
                Measure::Distinct(distinct_field(input)?, filter),
                whole_target(input)?,
            ),
            4 => (
                Measure::Streak(Period::read(&input.field("period")?)?, filter),
                whole_target(input)?,
            ),
            _ => (period_rule(input, filter)?, 1.0),
        };
        Ok(Rule {
            source,
            measure,
            target,
        })
    }
}

/// Refuses keys the rule's kind does not have.
fn check_keys(input: &Json, kind: usize) -> Result<()> {
    let allowed: &[&str] = match kind {
        0 => &["kind", "event", "where"],
        1 => &["kind", "event", "where", "target"],
        2 => &["kind", "event", "field", "where", "target"],
        3 => &["kind", "field", "where", "target"],
        4 => &["kind", "event", "period", "where", "target"],
        _ => &["kind", "period", "sum", "atLeast", "where"],
    };
    for key in input.keys()? {
        if !allowed.contains(&key) {
            return Err(input.field(key)?.error(
                ErrorCode::InvalidValue,
                crate::error::Message::new("unknown rule field ")
                    .user(key)
                    .text(" for kind \"")
                    .text(KINDS.get(kind).copied().unwrap_or_default())
                    .text("\"; allowed: ")
                    .list(allowed.iter().copied()),
            ));
        }
    }
    Ok(())
}

/// `target` of a counting rule: a whole number.
fn whole_target(input: &Json) -> Result<f64> {
    Ok(input.field("target")?.integer_in(1, MAX_WHOLE_TARGET)? as f64)
}

/// A summed field (`field` of `sum`, `sum` of `period`): not a set of supply chains, not
/// the text `tier`.
fn numeric_field(input: &Json, key: &str, source: &Source) -> Result<Field> {
    let value = input.field(key)?;
    let field = Field::read(&value, source)?;
    if field.is_set() {
        return Err(value.error(
            ErrorCode::InvalidValue,
            "supply chains are counted with kind \"distinct\", not summed",
        ));
    }
    if field.is_text() || field.range().is_some() {
        return Err(value.error(
            ErrorCode::InvalidValue,
            "tier, hour and weekday filter, they are not summed",
        ));
    }
    Ok(field)
}

/// `field` of a `distinct` rule: a set of supply chains.
fn distinct_field(input: &Json) -> Result<Field> {
    let value = input.field("field")?;
    let field = Field::read(&value, &Source::Orders)?;
    if !field.is_set() {
        return Err(value.error(
            ErrorCode::InvalidValue,
            "distinct counts \"supplyChains\" or \"verifiedSupplyChains\"",
        ));
    }
    Ok(field)
}

/// A `period` rule: some period whose `sum` reaches `atLeast`.
fn period_rule(input: &Json, filter: Filter) -> Result<Measure> {
    let at_least_json = input.field("atLeast")?;
    let at_least = Operand::read(&at_least_json)?;
    match &at_least {
        Operand::Field(f) if f.is_set() || f.range().is_some() => {
            return Err(at_least_json.error(
                ErrorCode::InvalidValue,
                "atLeast is a number or a numeric field",
            ))
        }
        Operand::Number(x) if *x < 0.0 => {
            return Err(at_least_json.error(
                ErrorCode::OutOfRange,
                crate::error::Message::new("must be ≥ 0, got ").num(*x),
            ))
        }
        _ => {}
    }
    Ok(Measure::InOnePeriod {
        period: Period::read(&input.field("period")?)?,
        sum: numeric_field(input, "sum", &Source::Orders)?,
        at_least,
        filter,
    })
}
