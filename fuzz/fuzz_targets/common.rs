//! Shared by the fuzz targets: which entry point to drive.

use impactkit::api;
use std::sync::OnceLock;

/// The entry point named by IMPACTKIT_FUZZ_FN (one run per function gives
/// per-function execution counts), else the one `selector` picks.
pub fn function(selector: usize) -> &'static str {
    static PINNED: OnceLock<Option<&'static str>> = OnceLock::new();
    let pinned = PINNED.get_or_init(|| {
        let wanted = std::env::var("IMPACTKIT_FUZZ_FN").ok()?;
        api::FUNCTION_NAMES.iter().copied().find(|n| *n == wanted)
    });
    let names = api::FUNCTION_NAMES;
    pinned.unwrap_or(names[selector % names.len()])
}
