//! Finds the first `<openbadges:credential>` element of SVG text: a small, linear scan over
//! XML markup (comments, CDATA sections, processing instructions, declarations, quoted
//! attribute values) that reads nothing after that element, as the specification allows.

use crate::error::{ErrorCode, Message, Result};
use crate::json::Json;

/// The element's qualified name.
const ELEMENT: &str = "openbadges:credential";

/// The element as found: its `verify` attribute and its text (CDATA and decoded character data).
#[derive(Debug, Default)]
pub(super) struct Found<'s> {
    /// The raw `verify` attribute value, when present.
    pub verify: Option<&'s str>,
    /// The element's content as text.
    pub body: String,
}

/// XML white space (`S`): space, tab, CR, LF.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The `invalid_value` error at `at` for a malformed bake or non-SVG text.
fn malformed(at: &Json, what: &str) -> crate::error::Error {
    at.error(ErrorCode::InvalidValue, Message::new(what))
}

/// Index just past the first `close` at or after `from`.
fn past(svg: &str, from: usize, close: &str) -> Option<usize> {
    svg.get(from..)?.find(close).map(|i| from + i + close.len())
}

/// Index of the `>` that ends the tag starting at `from` (quoted values may hold `>`).
fn tag_end(svg: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in svg.get(from..)?.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(from + i),
            _ => {}
        }
    }
    None
}

/// Where markup starting at `at` (`<!--`, `<![CDATA[`, `<?`, `<!`, `</`) ends; `None` for a
/// start tag or when it never ends.
fn skip_markup(svg: &str, at: usize) -> Option<Option<usize>> {
    let rest = svg.get(at..)?;
    let close = if rest.starts_with("<!--") {
        "-->"
    } else if rest.starts_with("<![CDATA[") {
        "]]>"
    } else if rest.starts_with("<?") {
        "?>"
    } else if rest.starts_with("<!") || rest.starts_with("</") {
        return Some(tag_end(svg, at).map(|end| end + 1));
    } else {
        return None;
    };
    Some(past(svg, at, close))
}

/// The first `<openbadges:credential>` in `svg` (`None` when there is none); errors at `at`
/// when the text has no `<svg>` root element or the element is malformed.
pub(super) fn first_credential<'s>(svg: &'s str, at: &Json) -> Result<Option<Found<'s>>> {
    let mut from = 0;
    let mut root = false;
    while let Some(offset) = svg.get(from..).and_then(|rest| rest.find('<')) {
        let start = from + offset;
        if let Some(end) = skip_markup(svg, start) {
            match end {
                Some(end) => from = end,
                None => break,
            }
            continue;
        }
        let Some(end) = tag_end(svg, start) else {
            break;
        };
        let tag = svg.get(start + 1..end).unwrap_or_default();
        let name_len = tag
            .find(|c: char| is_space(c) || c == '/')
            .unwrap_or(tag.len());
        let (name, attributes) = tag.split_at(name_len);
        if !root {
            if name != "svg" && !name.ends_with(":svg") {
                return Err(malformed(at, "not SVG text: the root element is not <svg>"));
            }
            root = true;
        }
        if name == ELEMENT {
            return element(svg, attributes, end + 1, at).map(Some);
        }
        from = end + 1;
    }
    if !root {
        return Err(malformed(at, "not SVG text: no <svg> element"));
    }
    Ok(None)
}

/// The element whose start tag holds `attributes` and ends just before `content`.
fn element<'s>(svg: &'s str, attributes: &'s str, content: usize, at: &Json) -> Result<Found<'s>> {
    let verify = attribute(attributes, "verify")
        .ok_or_else(|| malformed(at, "malformed attributes on <openbadges:credential>"))?;
    let body = if attributes.trim_end_matches(is_space).ends_with('/') {
        String::new()
    } else {
        content_text(svg, content, at)?
    };
    Ok(Found { verify, body })
}

/// The value of attribute `wanted` in a start tag's `attributes` (`Some(None)` when absent,
/// `None` when the attributes are malformed).
fn attribute<'s>(attributes: &'s str, wanted: &str) -> Option<Option<&'s str>> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() || rest == "/" {
            return Some(None);
        }
        let name_len = rest.find(|c: char| c == '=' || is_space(c))?;
        let (name, after) = rest.split_at(name_len);
        let after = after.trim_start_matches(is_space).strip_prefix('=')?;
        let after = after.trim_start_matches(is_space);
        let quote = after.chars().next().filter(|&q| q == '"' || q == '\'')?;
        let value_len = after.get(1..)?.find(quote)?;
        if name == wanted {
            return after.get(1..1 + value_len).map(Some);
        }
        rest = after.get(value_len + 2..)?;
    }
}

/// The element's content from `from` to its end tag: CDATA sections as they are, character
/// data with its references decoded, comments left out.
fn content_text(svg: &str, mut from: usize, at: &Json) -> Result<String> {
    let unclosed = || malformed(at, "<openbadges:credential> is not closed");
    let mut text = String::new();
    loop {
        let rest = svg.get(from..).ok_or_else(unclosed)?;
        let offset = rest.find('<').ok_or_else(unclosed)?;
        decode_references(rest.get(..offset).unwrap_or_default(), &mut text).ok_or_else(|| {
            malformed(
                at,
                "an unknown character reference in <openbadges:credential>",
            )
        })?;
        let start = from + offset;
        let markup = svg.get(start..).unwrap_or_default();
        if let Some(cdata) = markup.strip_prefix("<![CDATA[") {
            let len = cdata.find("]]>").ok_or_else(unclosed)?;
            text.push_str(cdata.get(..len).unwrap_or_default());
            from = start + 9 + len + 3;
        } else if markup.starts_with("<!--") {
            from = past(svg, start, "-->").ok_or_else(unclosed)?;
        } else if let Some(end) = markup
            .strip_prefix("</")
            .and_then(|m| m.strip_prefix(ELEMENT))
        {
            return match end.trim_start_matches(is_space).starts_with('>') {
                true => Ok(text),
                false => Err(unclosed()),
            };
        } else {
            return Err(malformed(
                at,
                "markup inside <openbadges:credential>, which holds text only",
            ));
        }
        if text.len() > super::MAX_CREDENTIAL_BYTES {
            return Err(super::too_large(at, "the baked credential"));
        }
    }
}

/// Appends character data with its five predefined entities and numeric references decoded;
/// `None` at an unknown or malformed reference.
fn decode_references(data: &str, out: &mut String) -> Option<()> {
    let mut rest = data;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp)?);
        let after = rest.get(amp + 1..)?;
        let semi = after.find(';')?;
        let name = after.get(..semi)?;
        let c = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match name.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => name.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = after.get(semi + 1..)?;
    }
    out.push_str(rest);
    Some(())
}
