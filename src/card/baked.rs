//! Open Badges 3.0 baking: an OpenBadgeCredential inside the `badge` card's SVG, and
//! `readBakedCredential`, which finds it again.
//!
//! The 1EdTech Open Badges 3.0 specification, §5.3 "Baked Badge", SVG "Baking": *"First, add
//! an `xmlns:openbadges` attribute to the `<svg>` tag with the value
//! "`https://purl.imsglobal.org/ob/v3p0`". Directly after the `<svg>` tag, add an
//! `<openbadges:credential>` tag."* A credential signed with VC-JWT goes in its `verify`
//! attribute (*"The value of `verify` attribute MUST be the Compact JWS string"*); with an
//! embedded proof *"omit the `verify` attribute, and the JSON representation of the
//! OpenBadgeCredential MUST go into the body of the tag, wrapped in `<![CDATA[...]]>`"*.
//! "Extracting": *"Parse the SVG until you reach the first `<openbadges:credential>` tag. The
//! rest of the SVG data can safely be discarded."*
//!
//! Safety: the JSON is written here, not copied: `<`, `>`, `&`, U+2028/U+2029 and every
//! character a card never holds ([`allowed`]) are `\uXXXX` escapes inside JSON strings, so the
//! CDATA section holds no `>` (it cannot end early: no `]]>`), no markup and nothing XML 1.0
//! forbids, and the credential is still the same JSON value. A JWS is checked to be three
//! base64url parts, so its attribute value needs no escaping. A lone surrogate never gets
//! here: impactkit's JSON reader turns it into U+FFFD, as `TextEncoder` does. Numbers are
//! written back exactly: integers, and doubles of magnitude 10⁻⁶ to 10¹⁶ (or 0) by
//! [`show`]; other doubles are refused (`out_of_range`) rather than changed.

mod scan;

use super::escape::allowed;
use super::Size;
use crate::error::{Error, ErrorCode, Message, Result};
use crate::json::{to_json_text, value_from_text, Json, JsonWriter, Node, Number, ToJson};
use crate::numbers::show;

/// The Open Badges 3.0 XML namespace of `<openbadges:credential>`.
///
/// ```
/// assert_eq!(impactkit::card::baked::NAMESPACE, "https://purl.imsglobal.org/ob/v3p0");
/// ```
pub const NAMESPACE: &str = "https://purl.imsglobal.org/ob/v3p0";

/// Largest credential, in bytes as baked (the compact JWS, or the JSON text impactkit writes),
/// both when baking and when reading: the limit of any string (`limits::MAX_STRING_LEN`).
///
/// ```
/// assert_eq!(impactkit::card::baked::MAX_CREDENTIAL_BYTES, 65_536);
/// ```
pub const MAX_CREDENTIAL_BYTES: usize = crate::limits::MAX_STRING_LEN;

/// A credential ready to bake (or just read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// An embedded-proof credential as safe JSON text (see the module docs).
    Json(String),
    /// A VC-JWT credential: the compact JWS.
    Jws(String),
}

/// The root tag's start as the card writer emits it.
const ROOT: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\"";

/// Reads `impactCard`'s `credential`: an OpenBadgeCredential object (its `type` names
/// `OpenBadgeCredential` or `AchievementCredential`) or a compact JWS string, on the `badge`
/// size only.
///
/// ```
/// use impactkit::{card::{baked, Size}, json::{Json, Node}};
/// let v = serde_json::json!("eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln");
/// let c = baked::credential(&Json::root(&Node::from(&v)), Size::Badge).unwrap();
/// assert_eq!(c, baked::Credential::Jws("eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2ln".into()));
/// let e = baked::credential(&Json::root(&Node::from(&v)), Size::Og).unwrap_err();
/// assert_eq!(e.code.as_str(), "invalid_value");
/// ```
pub fn credential(field: &Json, size: Size) -> Result<Credential> {
    if size != Size::Badge {
        return Err(field.error(
            ErrorCode::InvalidValue,
            "a credential is baked into the `badge` size only (Open Badges bakes badge images)",
        ));
    }
    if field.value().is_string() {
        let jws = field.str()?;
        return if is_compact_jws(jws) {
            Ok(Credential::Jws(jws.to_owned()))
        } else {
            Err(field.error(
                ErrorCode::InvalidValue,
                "a credential string must be a compact JWS (VC-JWT): three base64url parts \
                 joined by dots",
            ))
        };
    }
    field.object()?;
    check_type(&field.field("type")?)?;
    let mut text = String::new();
    write_value(field, &mut text)?;
    if text.len() > MAX_CREDENTIAL_BYTES {
        return Err(too_large(field, "the credential"));
    }
    Ok(Credential::Json(text))
}

/// `invalid_value` unless `type` (a string or an array of them) names an Open Badges credential.
fn check_type(kind: &Json) -> Result<()> {
    let names = match kind.value() {
        Node::Array(items) => items.as_slice(),
        other => core::slice::from_ref(other),
    };
    let named = names.iter().any(|n| {
        matches!(
            n.as_str(),
            Some("OpenBadgeCredential" | "AchievementCredential")
        )
    });
    if named {
        return Ok(());
    }
    Err(kind.error(
        ErrorCode::InvalidValue,
        "an Open Badges 3.0 credential's `type` names \"OpenBadgeCredential\" or \
         \"AchievementCredential\"",
    ))
}

/// What numbers a baked credential may hold besides integers.
const NUMBER_RANGE: &str = "a number in a baked credential is an integer, 0, or of magnitude 1e-6 \
                            to 1e16 (written back exactly)";

/// Whether [`write_value`] writes `x` back exactly (the range of [`show`]).
fn exact(x: f64) -> bool {
    x == 0.0 || (1e-6..1e16).contains(&x.abs())
}

/// The `too_large` error for a credential over [`MAX_CREDENTIAL_BYTES`].
#[inline(never)]
fn too_large(at: &Json, what: &str) -> Error {
    at.error(
        ErrorCode::TooLarge,
        Message::new(what)
            .text(" is over ")
            .int(MAX_CREDENTIAL_BYTES as i128)
            .text(" bytes as baked (the limit of a baked credential)"),
    )
}

/// Whether `text` is a compact JWS: `header.payload.signature`, each part non-empty base64url.
///
/// ```
/// use impactkit::card::baked::is_compact_jws;
/// assert!(is_compact_jws("eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.AbC-_9"));
/// assert!(!is_compact_jws("a.b") && !is_compact_jws("a..c") && !is_compact_jws("a.b.c\"><x"));
/// ```
pub fn is_compact_jws(text: &str) -> bool {
    let (mut dots, mut run) = (0, 0);
    for b in text.bytes() {
        match b {
            b'.' if run > 0 => (dots, run) = (dots + 1, 0),
            b'-' | b'_' => run += 1,
            b if b.is_ascii_alphanumeric() => run += 1,
            _ => return false,
        }
    }
    dots == 2 && run > 0
}

/// Appends `value` as JSON text safe inside CDATA and HTML (see the module docs):
/// `invalid_number` at a NaN or ±Infinity handed over from JS, `out_of_range` at a number
/// it cannot write back exactly ([`exact`]).
fn write_value(value: &Json, out: &mut String) -> Result<()> {
    match value.value() {
        Node::Null => out.push_str("null"),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Number(Number::Unsigned(n)) => out.push_str(&to_json_text(n)),
        Node::Number(Number::Negative(n)) => out.push_str(&to_json_text(n)),
        // `show` is the shortest text that reads back as `x` (no float-writer tables).
        Node::Number(Number::Float(x)) if exact(*x) => out.push_str(&show(*x)),
        Node::Number(Number::Float(_)) => {
            return Err(value.error(ErrorCode::OutOfRange, NUMBER_RANGE))
        }
        Node::String(s) => {
            if value.is_non_finite() {
                value.str()?;
            }
            write_string(s, out);
        }
        Node::Array(_) => {
            out.push('[');
            for (i, item) in value.items()?.enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(&item, out)?;
            }
            out.push(']');
        }
        Node::Object(entries) => {
            out.push('{');
            for (i, (key, _)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                match value.entry(i) {
                    Some(child) => write_value(&child, out)?,
                    None => out.push_str("null"),
                }
            }
            out.push('}');
        }
    }
    Ok(())
}

/// Appends `text` as a JSON string with the escapes of [`write_value`].
fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => push_unicode_escape(c, out),
            c if !allowed(c) => push_unicode_escape(c, out),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `\uXXXX` (lowercase hex) for a character of the Basic Multilingual Plane.
fn push_unicode_escape(c: char, out: &mut String) {
    let code = u32::from(c);
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from_digit((code >> shift) & 15, 16).unwrap_or('0'));
    }
}

/// Bakes `credential` into a card's SVG text as the specification says (module docs).
///
/// ```
/// use impactkit::card::baked::{bake, Credential};
/// let mut svg = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\"><title>t</title></svg>");
/// bake(&mut svg, &Credential::Jws("a.b.c".into()));
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\" width=\"4\"><openbadges:credential verify=\"a.b.c\"></openbadges:credential><title>"));
/// ```
pub fn bake(svg: &mut String, credential: &Credential) {
    // The writer escapes `>` in attribute values: the first one closes the root tag.
    let (Some(end), true) = (crate::text::find_byte(svg, b'>'), svg.starts_with(ROOT)) else {
        return;
    };
    let element = match credential {
        Credential::Jws(jws) => [
            "<openbadges:credential verify=\"",
            jws,
            "\"></openbadges:credential>",
        ]
        .concat(),
        Credential::Json(json) => [
            "<openbadges:credential><![CDATA[",
            json,
            "]]></openbadges:credential>",
        ]
        .concat(),
    };
    svg.insert_str(end + 1, &element);
    svg.insert_str(
        ROOT.len(),
        &[" xmlns:openbadges=\"", NAMESPACE, "\""].concat(),
    );
}

/// What `readBakedCredential` found: `{credential}` (the JSON object) or `{jws}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BakedCredential(pub Credential);

impl ToJson for BakedCredential {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        match &self.0 {
            Credential::Json(json) => {
                out.key("credential");
                out.raw(json);
            }
            Credential::Jws(jws) => out.field("jws", jws),
        }
        out.end_object();
    }
}

/// The `readBakedCredential` function: `{svg}` (or the SVG text itself) → the credential
/// baked into it (`null` when there is none); a malformed bake is an error at `$.svg` (`$`
/// for the bare text).
///
/// ```
/// let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[{"type": ["OpenBadgeCredential"]}]]></openbadges:credential></svg>"#;
/// let v = serde_json::json!({"svg": svg});
/// let v = impactkit::json::Node::from(&v);
/// let found = impactkit::card::baked::read_baked_credential(&impactkit::json::Json::root(&v)).unwrap();
/// assert_eq!(impactkit::json::to_json_text(&found), r#"{"credential":{"type":["OpenBadgeCredential"]}}"#);
/// let bare = serde_json::json!(svg);
/// let bare = impactkit::json::Node::from(&bare);
/// let again = impactkit::card::baked::read_baked_credential(&impactkit::json::Json::root(&bare)).unwrap();
/// assert_eq!(impactkit::json::to_json_text(&again), impactkit::json::to_json_text(&found));
/// ```
pub fn read_baked_credential(input: &Json) -> Result<Option<BakedCredential>> {
    // `readBakedCredential(svgText)` or `readBakedCredential({svg})`
    let field = match input.value().as_str() {
        Some(_) => *input,
        None => input.field("svg")?,
    };
    let svg = match field.value().as_str() {
        Some(text) if !field.is_non_finite() => text,
        _ => return Err(field.expected("SVG text (a string)")),
    };
    let found = scan::first_credential(svg).map_err(|m| field.error(ErrorCode::InvalidValue, m))?;
    let Some(found) = found else {
        return Ok(None);
    };
    if let Some(jws) = found.verify {
        let jws = jws.trim();
        if jws.len() > MAX_CREDENTIAL_BYTES {
            return Err(too_large(&field, "the baked JWS"));
        }
        if !is_compact_jws(jws) {
            return Err(field.error(
                ErrorCode::InvalidValue,
                "the `verify` attribute of <openbadges:credential> is not a compact JWS",
            ));
        }
        return Ok(Some(BakedCredential(Credential::Jws(jws.to_owned()))));
    }
    let body = found.body.trim();
    if body.is_empty() {
        return Err(field.error(
            ErrorCode::InvalidValue,
            "<openbadges:credential> holds neither a `verify` attribute nor a JSON credential",
        ));
    }
    read_json(body, &field).map(Some)
}

/// The baked JSON text `body` read as an object and written back in impactkit's safe form;
/// its errors are at `field` (`$.svg`), their message saying where in the credential.
fn read_json(body: &str, field: &Json) -> Result<BakedCredential> {
    let at_svg = |e: Error| {
        let message = Message::new("the baked credential: ")
            .text(&e.message)
            .text(" (at ")
            .text(&e.path)
            .text(")");
        field.error(e.code, message)
    };
    if body.len() > MAX_CREDENTIAL_BYTES {
        return Err(too_large(field, "the baked credential"));
    }
    let doc = value_from_text(body).map_err(at_svg)?;
    let root = Json::root(&doc);
    root.object().map_err(at_svg)?;
    let mut text = String::new();
    write_value(&root, &mut text).map_err(at_svg)?;
    if text.len() > MAX_CREDENTIAL_BYTES {
        return Err(too_large(field, "the baked credential"));
    }
    Ok(BakedCredential(Credential::Json(text)))
}
