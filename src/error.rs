//! The one error type of impactkit.
//!
//! Every failure carries a stable snake_case [`ErrorCode`], the JSONPath of the
//! offending field (`$.milestones[0].target`) and a human message. The wasm
//! bindings turn it into a JS `Error` with `code`, `path` and `message`.

use std::fmt;

/// Declares [`ErrorCode`] from one list of `(doc, Variant, "code")`: the enum, [`ErrorCode::as_str`],
/// [`ErrorCode::ALL`] and [`ErrorCode::TYPESCRIPT`] (the `ErrorCode` union of the shipped `.d.ts`),
/// so the Rust codes, the JS `err.code` strings and the TypeScript type cannot drift apart.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident => $code:literal,)+) => {
        /// Stable, machine-readable error codes (listed in the README).
        ///
        /// ```
        /// use impactkit::ErrorCode;
        /// assert_eq!(ErrorCode::MissingField.as_str(), "missing_field");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl ErrorCode {
            /// The snake_case code as it appears in JS (`err.code`).
            ///
            /// ```
            /// assert_eq!(impactkit::ErrorCode::UnknownTimezone.as_str(), "unknown_timezone");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)+
                }
            }

            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The TypeScript declaration of the codes (`export type ErrorCode = | "invalid_type" …;`,
            /// each with its doc line), emitted into the built `.d.ts` by the wasm bindings.
            ///
            /// ```
            /// assert!(impactkit::ErrorCode::TYPESCRIPT.contains("| \"missing_field\""));
            /// ```
            pub const TYPESCRIPT: &'static str = concat!(
                "/** Every error code impactkit throws (README \"Error codes\"; generated from Rust's `ErrorCode`). */\n",
                "export type ErrorCode =",
                $("\n  /**", $($doc,)+ " */\n  | \"", $code, "\"",)+
                ";\n"
            );
        }
    };
}

error_codes! {
    /// The input is not a JSON object/array/value of the expected shape.
    InvalidType => "invalid_type",
    /// Input given as JSON text does not parse (the message says where).
    InvalidJson => "invalid_json",
    /// A required field is absent or `null`.
    MissingField => "missing_field",
    /// A number is NaN, infinite, or not representable.
    InvalidNumber => "invalid_number",
    /// A number is outside its documented range (negative target, percentage over 100, …).
    OutOfRange => "out_of_range",
    /// A string is not one of the accepted values (unknown enum, unknown rule kind, …).
    InvalidValue => "invalid_value",
    /// A date or instant could not be parsed, or lies outside 1900–2200.
    InvalidDate => "invalid_date",
    /// The timezone is neither `UTC`, a fixed offset, nor an IANA name the host knows.
    UnknownTimezone => "unknown_timezone",
    /// An input exceeds a documented size limit (array length, string length, depth).
    TooLarge => "too_large",
    /// Two items share an id or threshold where they must be unique.
    Duplicate => "duplicate",
    /// The GraphQL response carried `errors` (the first one's message is reported).
    GraphqlError => "graphql_error",
    /// A colour option is not valid CSS colour syntax.
    InvalidColor => "invalid_color",
    /// The host lacks what the call needs (e.g. `impactCardPng` without a canvas or a rasteriser).
    Unsupported => "unsupported",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with its code, the JSONPath of the bad field, and a message.
///
/// One pointer wide (its fields live on the heap, read through [`ErrorFields`]): every function
/// returns a `Result`, and a small error keeps each `Result` small to move (in wasm, every move
/// of a 28-byte error was a run of loads and stores).
///
/// ```
/// use impactkit::{Error, ErrorCode};
/// let e = Error::new(ErrorCode::OutOfRange, "$.target", "target must be greater than 0");
/// assert_eq!(e.to_string(), "out_of_range at $.target: target must be greater than 0");
/// assert_eq!(e.code, ErrorCode::OutOfRange);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorFields>);

/// What an [`Error`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorFields {
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
    #[inline(never)]
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::from(ErrorFields {
            code,
            path: path.into(),
            message: message.into(),
        })
    }

    /// Its fields, by value (to move `path` or `message` out).
    ///
    /// ```
    /// let e = impactkit::Error::new(impactkit::ErrorCode::MissingField, "$.now", "`now` is required");
    /// let impactkit::ErrorFields { path, .. } = e.into_fields();
    /// assert_eq!(path, "$.now");
    /// ```
    #[must_use]
    pub fn into_fields(self) -> ErrorFields {
        *self.0
    }
}

impl std::ops::Deref for Error {
    type Target = ErrorFields;

    fn deref(&self) -> &ErrorFields {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorFields {
        &mut self.0
    }
}

impl From<ErrorFields> for Error {
    fn from(fields: ErrorFields) -> Error {
        Error(Box::new(fields))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("code", &self.code)
            .field("path", &self.path)
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.path, self.message)
    }
}

impl std::error::Error for Error {}

/// An error message put together without `core::fmt` (whose machinery would
/// otherwise be in every wasm module): text, integers, numbers as JSON wrote them
/// and user text, shortened and quoted.
///
/// ```
/// use impactkit::error::Message;
/// let m = Message::new("level ").num(2.5).text(" of ").int(3).text(": ").user("gold");
/// assert_eq!(String::from(m), "level 2.5 of 3: \"gold\"");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Message(String);

impl Message {
    /// A message starting with `text`.
    #[inline(never)]
    pub fn new(text: &str) -> Message {
        Message(text.to_owned())
    }

    /// Appends `text`.
    #[inline(never)]
    pub fn text(mut self, text: &str) -> Message {
        self.0.push_str(text);
        self
    }

    /// Appends an integer in decimal.
    #[inline(never)]
    pub fn int(mut self, n: i128) -> Message {
        crate::numbers::push_int(&mut self.0, n);
        self
    }

    /// Appends a number as JSON wrote it ([`crate::numbers::show`]).
    #[inline(never)]
    pub fn num(mut self, x: f64) -> Message {
        self.0.push_str(&crate::numbers::show(x));
        self
    }

    /// Appends names separated by `, ` (a list of what is allowed), without collecting them first.
    ///
    /// ```
    /// use impactkit::error::Message;
    /// let m = Message::new("fields are: ").list(["co2Kg", "amount"]);
    /// assert_eq!(String::from(m), "fields are: co2Kg, amount");
    /// ```
    #[inline(never)]
    pub fn list<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Message {
        for (i, name) in names.into_iter().enumerate() {
            if i > 0 {
                self.0.push_str(", ");
            }
            self.0.push_str(name);
        }
        self
    }

    /// Appends user text in double quotes, shortened to 60 characters (`"red;x"`).
    #[inline(never)]
    pub fn user(mut self, text: &str) -> Message {
        self.0.push('"');
        self.0.push_str(&truncate(text));
        self.0.push('"');
        self
    }
}

impl Message {
    /// Appends user text shortened and quoted as a JSON string (`"a \"b\""`).
    #[inline(never)]
    pub fn quoted(mut self, text: &str) -> Message {
        self.0.push('"');
        for c in truncate(text).chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                '\u{8}' => self.0.push_str("\\b"),
                '\u{c}' => self.0.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let hex =
                        |n: u32| char::from(HEX.get(n as usize & 15).copied().unwrap_or(b'0'));
                    self.0.push_str("\\u00");
                    self.0.push(hex(c as u32 >> 4));
                    self.0.push(hex(c as u32));
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
        self
    }
}

impl From<Message> for String {
    fn from(message: Message) -> String {
        message.0
    }
}

/// Shortens user text for error messages (60 characters and `…`).
///
/// ```
/// assert_eq!(impactkit::error::truncate("short"), "short");
/// assert_eq!(impactkit::error::truncate(&"x".repeat(61)).chars().count(), 61);
/// ```
pub fn truncate(s: &str) -> String {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        None => s.to_owned(),
        Some((end, _)) => {
            let mut t = s.get(..end).unwrap_or(s).to_owned();
            t.push('…');
            t
        }
    }
}

/// Result alias used throughout impactkit.
pub type Result<T> = std::result::Result<T, Error>;
