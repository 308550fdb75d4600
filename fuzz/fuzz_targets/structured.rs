//! Structured inputs: JSON trees built by `arbitrary` from the field names and
//! value shapes the entry points know, so the fuzzer reaches deep validation
//! and computation paths quickly.
#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
mod common;

use impactkit::{api, time::TzDatabase};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

// The field names and string values of tests/common/fields.rs, shared with the no-panic property test.
#[path = "../../tests/common/fields.rs"]
mod fields;
use fields::{KEYS, STRINGS};

fn value(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let pick = if depth == 0 { u.int_in_range(0..=5)? } else { u.int_in_range(0..=7)? };
    Ok(match pick {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.int_in_range(-3i64..=1000)?),
        3 => serde_json::Number::from_f64(u.arbitrary::<f64>()?).map_or(Value::Null, Value::Number),
        4 => Value::from(*u.choose(STRINGS)?),
        5 => Value::from(u.arbitrary::<String>()?),
        6 => {
            let len = u.int_in_range(0..=6)?;
            Value::Array((0..len).map(|_| value(u, depth - 1)).collect::<Result<_>>()?)
        }
        _ => {
            let len = u.int_in_range(0..=8)?;
            let mut map = Map::new();
            for _ in 0..len {
                map.insert((*u.choose(KEYS)?).to_owned(), value(u, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}

#[derive(Debug)]
struct Input {
    function: usize,
    value: Value,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Input {
            function: u.arbitrary()?,
            value: value(u, 5)?,
        })
    }
}

fuzz_target!(|input: Input| {
    let _ = api::call(common::function(input.function), &input.value, &TzDatabase);
});
