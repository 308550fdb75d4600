//! Raw bytes as JSON text into one entry point (IMPACTKIT_FUZZ_FN, or the
//! first byte picks). Any panic, hang (> 1 s) or OOM is a bug.
#![no_main]

mod common;

use impactkit::{api, json, time::TzDatabase};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((first, _)) = data.split_first() else {
        return;
    };
    let name = common::function(usize::from(*first));
    let mut de = serde_json::Deserializer::from_slice(data);
    let body = match json::value_from(&mut de) {
        Ok(value) => value,
        // Not JSON as a whole: try it without the selector byte.
        Err(_) => match data.get(1..).map(serde_json::Deserializer::from_slice) {
            Some(mut de) => match json::value_from(&mut de) {
                Ok(value) => value,
                Err(_) => return,
            },
            None => return,
        },
    };
    let _ = api::call(name, &body, &TzDatabase);
});
