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
    fn parse(bytes: &[u8]) -> Option<json::Node<'_>> {
        std::str::from_utf8(bytes).ok().and_then(|t| json::value_from_text(t).ok())
    }
    // Not JSON as a whole: try it without the selector byte.
    let Some(body) = parse(data).or_else(|| data.get(1..).and_then(parse)) else {
        return;
    };
    let _ = api::call_node(name, &body, &TzDatabase);
});
