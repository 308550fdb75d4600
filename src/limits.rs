//! Documented input limits. Beyond them impactkit returns an error instead of
//! slowing down (see the README's "Limits" section).

/// Largest accepted input as JSON text (a JS object is measured after `JSON.stringify`), in bytes.
///
/// ```
/// assert_eq!(impactkit::limits::MAX_INPUT_BYTES, 128 * 1024 * 1024);
/// ```
pub const MAX_INPUT_BYTES: usize = 128 * 1024 * 1024;

/// Largest accepted array length (orders, activity records, tiers, …).
///
/// ```
/// assert_eq!(impactkit::limits::MAX_ARRAY_LEN, 1_000_000);
/// ```
pub const MAX_ARRAY_LEN: usize = 1_000_000;

/// Longest accepted string, in UTF-8 bytes.
///
/// ```
/// assert_eq!(impactkit::limits::MAX_STRING_LEN, 65_536);
/// ```
pub const MAX_STRING_LEN: usize = 65_536;

/// Largest accepted magnitude of any number (kg, points, counts).
///
/// ```
/// assert_eq!(impactkit::limits::MAX_ABS_NUMBER, 1e15);
/// ```
pub const MAX_ABS_NUMBER: f64 = 1e15;

/// Decimal places of input numbers that take part in exact percentage arithmetic:
/// enough for every number of magnitude ≥ 10⁻⁶ as JSON writes it (17 significant
/// digits); further digits of smaller numbers are rounded half away from zero.
///
/// ```
/// assert_eq!(impactkit::limits::MAX_INPUT_DECIMALS, 22);
/// ```
pub const MAX_INPUT_DECIMALS: u32 = 22;

/// Most decimals a caller may ask for in percentages (`decimals`).
///
/// ```
/// assert_eq!(impactkit::limits::MAX_OUTPUT_DECIMALS, 6);
/// ```
pub const MAX_OUTPUT_DECIMALS: u32 = 6;

/// Earliest supported calendar year of any date or instant.
///
/// ```
/// assert_eq!(impactkit::limits::MIN_YEAR, 1900);
/// ```
pub const MIN_YEAR: i32 = 1900;

/// Latest supported calendar year of any date or instant.
///
/// ```
/// assert_eq!(impactkit::limits::MAX_YEAR, 2200);
/// ```
pub const MAX_YEAR: i32 = 2200;
