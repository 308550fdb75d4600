//! Finds the first `<openbadges:credential>` element of SVG text: a small, linear scan over
//! XML markup (comments, CDATA sections, processing instructions, declarations, quoted
//! attribute values) that reads nothing after that element, as the specification allows.

/// Why a bake cannot be read (the message of an `invalid_value` error at `$.svg`).
pub(super) type Malformed = &'static str;

const UNCLOSED: Malformed = "<openbadges:credential> is not closed";

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

/// Index of the first `needle` in `text` at or after `from`: a plain loop (`str::find` with a
/// string pattern brings kilobytes of wasm; the needles here are 3 bytes long).
fn find(text: &str, from: usize, needle: &str) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let last = hay.len().checked_sub(needle.len())?;
    (from..=last).find(|&i| hay.get(i..i + needle.len()) == Some(needle))
}

/// Index just past the first `close` at or after `from`.
fn past(svg: &str, from: usize, close: &str) -> Option<usize> {
    find(svg, from, close).map(|i| i + close.len())
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

/// The first `<openbadges:credential>` in `svg` (`None` when there is none); an error when the
/// text has no `<svg>` root element or the element is malformed.
pub(super) fn first_credential(svg: &str) -> Result<Option<Found<'_>>, Malformed> {
    let mut from = 0;
    let mut root = false;
    while let Some(offset) = svg
        .get(from..)
        .and_then(|rest| crate::text::find_byte(rest, b'<'))
    {
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
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(tag.len());
        let (name, attributes) = tag.split_at(name_len);
        if !root {
            if name != "svg" && !name.ends_with(":svg") {
                return Err("not SVG text: the root element is not <svg>");
            }
            root = true;
        }
        if name == ELEMENT {
            return element(svg, attributes, end + 1).map(Some);
        }
        from = end + 1;
    }
    if !root {
        return Err("not SVG text: no <svg> element");
    }
    Ok(None)
}

/// The element whose start tag holds `attributes` and ends just before `content`.
fn element<'s>(svg: &'s str, attributes: &'s str, content: usize) -> Result<Found<'s>, Malformed> {
    let verify =
        attribute(attributes, "verify").ok_or("malformed attributes on <openbadges:credential>")?;
    let body = if attributes.trim_end().ends_with('/') {
        String::new()
    } else {
        content_text(svg, content)?
    };
    Ok(Found { verify, body })
}

/// The value of attribute `wanted` in a start tag's `attributes` (`Some(None)` when absent,
/// `None` when the attributes are malformed).
fn attribute<'s>(attributes: &'s str, wanted: &str) -> Option<Option<&'s str>> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest == "/" {
            return Some(None);
        }
        let name_len = rest.find(|c: char| c == '=' || c.is_whitespace())?;
        let (name, after) = rest.split_at(name_len);
        let after = after.trim_start().strip_prefix('=')?;
        let after = after.trim_start();
        let quote = *after
            .as_bytes()
            .first()
            .filter(|&&q| q == b'"' || q == b'\'')?;
        let value_len = crate::text::find_byte(after.get(1..)?, quote)?;
        if name == wanted {
            return after.get(1..1 + value_len).map(Some);
        }
        rest = after.get(value_len + 2..)?;
    }
}

/// The element's content from `from` to its end tag: CDATA sections as they are, character
/// data with its references decoded, comments left out.
fn content_text(svg: &str, mut from: usize) -> Result<String, Malformed> {
    let mut text = String::new();
    loop {
        let rest = svg.get(from..).ok_or(UNCLOSED)?;
        let offset = crate::text::find_byte(rest, b'<').ok_or(UNCLOSED)?;
        decode_references(rest.get(..offset).unwrap_or_default(), &mut text)
            .ok_or("an unknown character reference in <openbadges:credential>")?;
        let start = from + offset;
        let markup = svg.get(start..).unwrap_or_default();
        if markup.starts_with("<![CDATA[") {
            let end = find(svg, start + 9, "]]>").ok_or(UNCLOSED)?;
            text.push_str(svg.get(start + 9..end).unwrap_or_default());
            from = end + 3;
        } else if markup.starts_with("<!--") {
            from = past(svg, start, "-->").ok_or(UNCLOSED)?;
        } else if let Some(end) = markup
            .strip_prefix("</")
            .and_then(|m| m.strip_prefix(ELEMENT))
        {
            let closed = end.trim_start().starts_with('>');
            return if closed { Ok(text) } else { Err(UNCLOSED) };
        } else {
            return Err("markup inside <openbadges:credential>, which holds text only");
        }
    }
}

/// The character of a numeric reference's `digits` in `radix` (10 or 16).
fn char_ref(digits: &str, radix: u32) -> Option<char> {
    let mut code: u32 = 0;
    for c in digits.chars() {
        code = code.checked_mul(radix)?.checked_add(c.to_digit(radix)?)?;
    }
    (!digits.is_empty()).then_some(())?;
    char::from_u32(code)
}

/// Appends character data with its five predefined entities and numeric references decoded;
/// `None` at an unknown or malformed reference.
fn decode_references(data: &str, out: &mut String) -> Option<()> {
    let mut rest = data;
    while let Some(amp) = crate::text::find_byte(rest, b'&') {
        out.push_str(rest.get(..amp)?);
        let after = rest.get(amp + 1..)?;
        let semi = crate::text::find_byte(after, b';')?;
        let name = after.get(..semi)?;
        let c = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => match name.strip_prefix("#x") {
                Some(hex) => char_ref(hex, 16)?,
                None => char_ref(name.strip_prefix('#')?, 10)?,
            },
        };
        out.push(c);
        rest = after.get(semi + 1..)?;
    }
    out.push_str(rest);
    Some(())
}
