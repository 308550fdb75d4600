//! The one error type of impactkit.
//!
//! Every failure carries a stable snake_case [`ErrorCode`], the JSONPath of the
//! offending field (`$.milestones[0].target`) and a human message. The wasm
//! bindings turn it into a JS `Error` with `code`, `path` and `message`.

use std::fmt;

/// Stable, machine-readable error codes (listed in the README).
///
/// ```
/// use impactkit::ErrorCode;
/// assert_eq!(ErrorCode::MissingField.as_str(), "missing_field");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The input is not a JSON object/array/value of the expected shape.
    InvalidType,
    /// Input given as JSON text does not parse (the message says where).
    InvalidJson,
    /// A required field is absent or `null`.
    MissingField,
    /// A number is NaN, infinite, or not representable.
    InvalidNumber,
    /// A number is outside its documented range (negative target, percentage over 100, …).
    OutOfRange,
    /// A string is not one of the accepted values (unknown enum, unknown rule kind, …).
    InvalidValue,
    /// A date or instant could not be parsed, or lies outside 1900–2200.
    InvalidDate,
    /// The timezone is neither `UTC`, a fixed offset, nor an IANA name the host knows.
    UnknownTimezone,
    /// An input exceeds a documented size limit (array length, string length, depth).
    TooLarge,
    /// Two items share an id or threshold where they must be unique.
    Duplicate,
    /// The GraphQL response carried `errors` (the first one's message is reported).
    GraphqlError,
    /// A colour option is not valid CSS colour syntax.
    InvalidColor,
    /// The host lacks what the call needs (e.g. `impactCardPng` without a canvas or a rasteriser).
    Unsupported,
}

impl ErrorCode {
    /// The snake_case code as it appears in JS (`err.code`).
    ///
    /// ```
    /// assert_eq!(impactkit::ErrorCode::UnknownTimezone.as_str(), "unknown_timezone");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::InvalidNumber => "invalid_number",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::UnknownTimezone => "unknown_timezone",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::GraphqlError => "graphql_error",
            ErrorCode::InvalidColor => "invalid_color",
            ErrorCode::Unsupported => "unsupported",
        }
    }

    /// Every code, in declaration order (the TypeScript `ErrorCode` union is checked against it).
    pub const ALL: [ErrorCode; 13] = [
        ErrorCode::InvalidType,
        ErrorCode::InvalidJson,
        ErrorCode::MissingField,
        ErrorCode::InvalidNumber,
        ErrorCode::OutOfRange,
        ErrorCode::InvalidValue,
        ErrorCode::InvalidDate,
        ErrorCode::UnknownTimezone,
        ErrorCode::TooLarge,
        ErrorCode::Duplicate,
        ErrorCode::GraphqlError,
        ErrorCode::InvalidColor,
        ErrorCode::Unsupported,
    ];
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with its code, the JSONPath of the bad field, and a message.
///
/// ```
/// use impactkit::{Error, ErrorCode};
/// let e = Error::new(ErrorCode::OutOfRange, "$.target", "target must be greater than 0");
/// assert_eq!(e.to_string(), "out_of_range at $.target: target must be greater than 0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Stable code.
    pub code: ErrorCode,
    /// JSONPath of the offending field (`$` for the whole input).
    pub path: String,
    /// Human-readable explanation.
    pub message: String,
}

impl Error {
    /// Builds an error.
    ///
    /// ```
    /// let e = impactkit::Error::new(impactkit::ErrorCode::MissingField, "$.now", "`now` is required");
    /// assert_eq!(e.path, "$.now");
    /// ```
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            code,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.path, self.message)
    }
}

impl std::error::Error for Error {}

/// Result alias used throughout impactkit.
pub type Result<T> = std::result::Result<T, Error>;
