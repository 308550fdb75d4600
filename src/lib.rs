//! # impactkit
//!
//! A client-side progress-widget engine: milestone, tier and campaign
//! progress, read from loyalty / sustainability backends' JSON, computed
//! exactly and offline. Compiled to WebAssembly with wasm-bindgen; the core
//! is plain Rust and runs natively too.
//!
//! ```
//! let input = serde_json::json!({"current": 248.5, "target": 500});
//! let out = impactkit::api::call("milestoneProgress", &input, &impactkit::time::TzDatabase).unwrap();
//! assert_eq!(out["percentage"], 49.7);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Library code never panics on input: no indexing or `unwrap` outside tests.
#![cfg_attr(not(test), deny(clippy::indexing_slicing, clippy::unwrap_used))]

pub mod achievements;
pub mod adapters;
pub mod api;
pub mod badges;
pub mod bars;
pub mod campaigns;
pub mod card;
pub mod decimal;
pub mod error;
pub mod json;
pub mod leaderboard;
pub mod limits;
pub mod locale;
pub mod milestones;
pub mod numbers;
pub mod points;
pub mod session;
pub mod sort;
pub mod streaks;
pub mod text;
pub mod tiers;
pub mod time;
pub mod unique;

#[cfg(feature = "raw")]
pub mod raw;
#[cfg(all(target_arch = "wasm32", not(feature = "raw")))]
#[doc(hidden)]
pub mod wasm;

pub use error::{Error, ErrorCode, ErrorFields, Result};

/// Whether this build has the fast paths for long lists (every build but the `lean` modules,
/// which read a widget's few numbers and are built for size). Each fast path gives exactly what
/// the general code it skips gives.
pub(crate) const FAST_PATHS: bool = !cfg!(feature = "lean");

/// Whether this build has the fast paths for single values (a double's shortest decimal, a
/// decimal's double, the double writer, a UTC instant's text read in one step): [`FAST_PATHS`] builds but
/// `impactkit/streaks` and `impactkit/badges` (feature `lean-numbers`), built for size, which keep
/// only their list fast paths (records, orders; not [`RADIX_SORT`]). Each gives exactly what the
/// general code gives.
pub(crate) const FAST_NUMBERS: bool = FAST_PATHS && !cfg!(feature = "lean-numbers");

/// Whether long lists out of time order are sorted by a radix pass over their seconds (linear
/// time, [`sort`]) rather than by the standard library's stable merge sort (O(n log n), the same
/// order): the [`FAST_NUMBERS`] builds (the full build, `impactkit/sessions`). The modules built
/// for size sort with the merge sort they already hold: `impactkit/streaks` −0.4 KB gzip,
/// `impactkit/badges` −0.5 KB (docs/modules.md). Lists already in order, the usual case, are
/// never sorted.
pub(crate) const RADIX_SORT: bool = FAST_NUMBERS;

/// Whether this build trades size for speed where the two part: the full build (`impactkit`,
/// built at opt-level 3), not the capability modules. Such a path gives exactly what the one it
/// replaces gives.
pub(crate) const FOR_SPEED: bool = cfg!(feature = "full");
