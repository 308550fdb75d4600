//! Filling message templates and reporting which locale a result speaks.

use super::Locale;
use crate::error::Result;
use crate::json::{Json, JsonWriter, ToJson};

/// `template` with every `{name}` replaced by the value given for `name`;
/// placeholders without a value stay as written.
///
/// ```
/// use impactkit::locale::fill_all;
/// assert_eq!(fill_all("{n} more by {date}", &[("n", "2"), ("date", "3/15/2025")]), "2 more by 3/15/2025");
/// assert_eq!(fill_all("{a}{a} {b}", &[("a", "x")]), "xx {b}");
/// ```
pub fn fill_all(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after_open)) = crate::text::split_once_byte(rest, b'{') {
        out.push_str(before);
        let name = crate::text::split_once_byte(after_open, b'}');
        match name.and_then(|(n, after)| Some((values.iter().find(|(k, _)| *k == n)?.1, after))) {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = after_open;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `locale` an input asked for and the one its messages use: a tag whose
/// language impactkit does not speak falls back to English, and the result says
/// so (`{"requested": "pt-BR", "used": "en", "fallback": true}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleRequest {
    /// The tag as given.
    pub requested: String,
    /// The language the messages are written in.
    pub locale: Locale,
    /// Whether `requested` names a language impactkit does not speak.
    pub fallback: bool,
}

impl LocaleRequest {
    /// Reads the optional `locale` field of `input`: `None` when absent.
    ///
    /// # Errors
    /// `invalid_type` when it is not a string, `invalid_value` when it is not a
    /// BCP 47 tag (both with the field's path).
    ///
    /// ```
    /// use impactkit::json::{Json, Node};
    /// use impactkit::locale::{Lang, LocaleRequest};
    /// let v = serde_json::json!({"locale": "pt-BR"});
    /// let r = LocaleRequest::from_json(&Json::root(&Node::from(&v))).unwrap().unwrap();
    /// assert_eq!((r.locale.lang, r.fallback), (Lang::En, true));
    /// ```
    pub fn from_json(input: &Json) -> Result<Option<LocaleRequest>> {
        let Some(field) = input.opt("locale")? else {
            return Ok(None);
        };
        let (locale, requested) = Locale::of_field(&field)?;
        let fallback = !Locale::speaks(requested);
        Ok(Some(LocaleRequest {
            requested: requested.to_owned(),
            locale,
            fallback,
        }))
    }
}

impl ToJson for LocaleRequest {
    fn write_json(&self, out: &mut JsonWriter) {
        out.begin_object();
        out.field("requested", &self.requested);
        out.field("used", self.locale.tag());
        out.field("fallback", &self.fallback);
        out.end_object();
    }
}
