//! CSS colour syntax: parsing, canonical output and WCAG contrast.
//!
//! Accepted: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` and
//! `hsl()`/`hsla()` (comma or space syntax, optional `/ alpha`, numbers or
//! percentages), the 148 CSS named colours and `transparent`. Anything else
//! (`red;background:url(…)`, `var(--x)`, `expression(…)`) is rejected, and an
//! accepted colour is written back in canonical hex, so no input text ever
//! reaches the SVG.

use crate::error::{ErrorCode, Result};
use crate::json::Json;

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
    /// Alpha, 0–255 (255 = opaque).
    pub a: u8,
}

/// The named colours, `name hex` pairs separated by spaces.
const NAMED: &str =
    "aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff \
beige f5f5dc bisque ffe4c4 black 000000 blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 \
brown a52a2a burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 chocolate d2691e coral ff7f50 \
cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b darkcyan 008b8b \
darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b \
darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 \
darksalmon e9967a darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f \
darkslategrey 2f4f4f darkturquoise 00ced1 darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff \
dimgray 696969 dimgrey 696969 dodgerblue 1e90ff firebrick b22222 floralwhite fffaf0 \
forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff gold ffd700 \
goldenrod daa520 gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 \
hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa \
lavenderblush fff0f5 lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 \
lightcyan e0ffff lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 \
lightpink ffb6c1 lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa \
lightslategray 778899 lightslategrey 778899 lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00 \
limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 mediumaquamarine 66cdaa \
mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 \
mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 \
midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead \
navy 000080 oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 \
orchid da70d6 palegoldenrod eee8aa palegreen 98fb98 paleturquoise afeeee palevioletred db7093 \
papayawhip ffefd5 peachpuff ffdab9 peru cd853f pink ffc0cb plum dda0dd powderblue b0e0e6 \
purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f royalblue 4169e1 \
saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee \
sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 \
snow fffafa springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 \
tomato ff6347 turquoise 40e0d0 violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5 \
yellow ffff00 yellowgreen 9acd32";

/// Number of named colours [`Color::parse`] knows (148 CSS names).
///
/// ```
/// assert_eq!(impactkit::card::color::named_count(), 148);
/// ```
pub fn named_count() -> usize {
    NAMED.split_ascii_whitespace().count() / 2
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn parse_hex(digits: &str) -> Option<Color> {
    // At most 8 digits, read into an array (no `Vec`).
    let mut d = [0u8; 8];
    if digits.len() > d.len() {
        return None;
    }
    for (slot, byte) in d.iter_mut().zip(digits.bytes()) {
        *slot = hex_digit(byte)?;
    }
    let d = d.get(..digits.len())?;
    let pair = |i: usize| Some(d.get(i)? * 16 + d.get(i + 1)?);
    let single = |i: usize| Some(d.get(i)? * 17);
    match d.len() {
        3 | 4 => Some(Color {
            r: single(0)?,
            g: single(1)?,
            b: single(2)?,
            a: if d.len() == 4 { single(3)? } else { 255 },
        }),
        6 | 8 => Some(Color {
            r: pair(0)?,
            g: pair(2)?,
            b: pair(4)?,
            a: if d.len() == 8 { pair(6)? } else { 255 },
        }),
        _ => None,
    }
}

/// A CSS number (no `inf`/`nan`, no units) and whether it had a `%`.
fn number(token: &str) -> Option<(f64, bool)> {
    let (digits, percent) = match token.strip_suffix('%') {
        Some(d) => (d, true),
        None => (token, false),
    };
    let ok = !digits.is_empty()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && digits.bytes().any(|b| b.is_ascii_digit());
    let value: f64 = if ok {
        crate::numbers::parse_decimal(digits)?
    } else {
        return None;
    };
    value.is_finite().then_some((value, percent))
}

fn channel(token: &str) -> Option<u8> {
    let (v, percent) = number(token)?;
    let v = if percent { v * 2.55 } else { v };
    Some(v.round().clamp(0.0, 255.0) as u8)
}

fn alpha(token: Option<&str>) -> Option<u8> {
    let Some(token) = token else { return Some(255) };
    let (v, percent) = number(token)?;
    let v = if percent { v / 100.0 } else { v };
    Some((v.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// The arguments of `name(…)`: 3 values and an optional alpha.
fn arguments(body: &str) -> Option<([&str; 3], Option<&str>)> {
    let (main, slash_alpha) = match crate::text::split_once_byte(body, b'/') {
        Some((m, a)) => (m, Some(a.trim())),
        None => (body, None),
    };
    // Up to 4 values, in an array (no `Vec`); more is `None`.
    let comma = crate::text::has_any_byte(main, b",");
    let mut parts = [""; 4];
    let mut n = 0;
    let mut commas = crate::text::pieces(main, b',').map(str::trim);
    let mut spaces = main.split_ascii_whitespace();
    while let Some(value) = if comma { commas.next() } else { spaces.next() } {
        *parts.get_mut(n)? = value;
        n += 1;
    }
    let [a, b, c, d] = parts;
    match (n, slash_alpha) {
        (3, alpha) => Some(([a, b, c], alpha)),
        (4, None) if comma => Some(([a, b, c], Some(d))),
        _ => None,
    }
}

fn hsl(h: f64, s: f64, l: f64) -> (u8, u8, u8) {
    let h = h / 360.0 - (h / 360.0).floor();
    let (s, l) = (s.clamp(0.0, 100.0) / 100.0, l.clamp(0.0, 100.0) / 100.0);
    let q = if l < 0.5 {
        l * (1.0 + s)
    } else {
        l + s - l * s
    };
    let p = 2.0 * l - q;
    let hue = |t: f64| {
        let t = t - t.floor();
        let v = if t < 1.0 / 6.0 {
            p + (q - p) * 6.0 * t
        } else if t < 0.5 {
            q
        } else if t < 2.0 / 3.0 {
            p + (q - p) * (2.0 / 3.0 - t) * 6.0
        } else {
            p
        };
        (v * 255.0).round().clamp(0.0, 255.0) as u8
    };
    (hue(h + 1.0 / 3.0), hue(h), hue(h - 1.0 / 3.0))
}

/// `x^2.4` for `x` in (0, 1] as `(x^(1/5))^12`, the fifth root by Newton's method
/// (libm's `pow` would add 2 KB to the wasm module).
fn pow_2_4(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let mut y: f64 = 1.0;
    for _ in 0..60 {
        y = (4.0 * y + x / (y * y * y * y)) / 5.0;
    }
    let y3 = y * y * y;
    y3 * y3 * y3 * y3
}

impl Color {
    /// An opaque colour.
    ///
    /// ```
    /// assert_eq!(impactkit::card::color::Color::rgb(0x16, 0x65, 0x34).hex(), "#166534");
    /// ```
    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color { r, g, b, a: 255 }
    }

    /// Parses CSS colour syntax (case-insensitive, surrounding spaces allowed).
    ///
    /// ```
    /// use impactkit::card::color::Color;
    /// assert_eq!(Color::parse("#0a0").map(|c| c.hex()), Some("#00aa00".into()));
    /// assert_eq!(Color::parse("rgb(255 0 0 / 50%)").map(|c| c.hex()), Some("#ff000080".into()));
    /// assert_eq!(Color::parse("hsl(120, 100%, 25%)").map(|c| c.hex()), Some("#008000".into()));
    /// assert_eq!(Color::parse("RebeccaPurple").map(|c| c.hex()), Some("#663399".into()));
    /// assert_eq!(Color::parse("red;background:url(https://evil.example/x)"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Color> {
        let t = text.trim().to_ascii_lowercase();
        if t.len() > 64 {
            return None;
        }
        if let Some(digits) = t.strip_prefix('#') {
            return parse_hex(digits);
        }
        if t == "transparent" {
            return Some(Color {
                r: 0,
                g: 0,
                b: 0,
                a: 0,
            });
        }
        if let Some((name, rest)) = crate::text::split_once_byte(&t, b'(') {
            let body = rest.strip_suffix(')')?;
            if crate::text::has_any_byte(body, b"()") {
                return None;
            }
            let ([x, y, z], a) = arguments(body)?;
            let a = alpha(a)?;
            return match name.trim_end() {
                "rgb" | "rgba" => Some(Color {
                    r: channel(x)?,
                    g: channel(y)?,
                    b: channel(z)?,
                    a,
                }),
                "hsl" | "hsla" => {
                    let hue = x.strip_suffix("deg").unwrap_or(x);
                    let (h, hp) = number(hue)?;
                    let (s, _) = number(y)?;
                    let (l, _) = number(z)?;
                    if hp {
                        return None;
                    }
                    let (r, g, b) = hsl(h, s, l);
                    Some(Color { r, g, b, a })
                }
                _ => None,
            };
        }
        let mut words = NAMED.split_ascii_whitespace();
        while let (Some(name), Some(hex)) = (words.next(), words.next()) {
            if name == t {
                return parse_hex(hex);
            }
        }
        None
    }

    /// Reads a colour field; anything but valid CSS colour syntax is `invalid_color` at its path.
    ///
    /// ```
    /// let v = serde_json::json!({"accent": "red;background:url(x)"});
    /// let v = impactkit::json::Node::from(&v);
    /// let j = impactkit::json::Json::root(&v);
    /// let e = impactkit::card::color::Color::from_json(&j.field("accent").unwrap()).unwrap_err();
    /// assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_color", "$.accent"));
    /// ```
    pub fn from_json(field: &Json) -> Result<Color> {
        let text = field.str()?;
        Color::parse(text).ok_or_else(|| {
            field.error(
                ErrorCode::InvalidColor,
                crate::error::Message::default()
                    .quoted(text)
                    .text(" is not a CSS colour (use #rrggbb, rgb(), hsl() or a colour name)"),
            )
        })
    }

    /// Canonical lowercase hex: `#rrggbb`, or `#rrggbbaa` when not opaque.
    ///
    /// ```
    /// assert_eq!(impactkit::card::color::Color::parse("transparent").unwrap().hex(), "#00000000");
    /// ```
    pub fn hex(self) -> String {
        let channels = [self.r, self.g, self.b, self.a];
        let shown = if self.a == 255 { 3 } else { 4 };
        let mut out = String::with_capacity(9);
        out.push('#');
        for byte in channels.iter().take(shown) {
            for nibble in [byte >> 4, byte & 15] {
                let digit = b"0123456789abcdef".get(usize::from(nibble)).copied();
                out.push(char::from(digit.unwrap_or(b'0')));
            }
        }
        out
    }

    /// WCAG 2 relative luminance (alpha ignored).
    ///
    /// ```
    /// use impactkit::card::color::Color;
    /// assert_eq!(Color::rgb(255, 255, 255).luminance(), 1.0);
    /// ```
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG 2 contrast ratio between two colours (1–21).
    ///
    /// ```
    /// use impactkit::card::color::Color;
    /// let ratio = Color::rgb(0, 0, 0).contrast(Color::rgb(255, 255, 255));
    /// assert!((ratio - 21.0).abs() < 1e-9);
    /// ```
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The opaque mix `self × (1 − t) + other × t`.
    ///
    /// ```
    /// use impactkit::card::color::Color;
    /// assert_eq!(Color::rgb(0, 0, 0).mix(Color::rgb(255, 255, 255), 0.5).hex(), "#808080");
    /// ```
    pub fn mix(self, other: Color, t: f64) -> Color {
        let m = |x: u8, y: u8| {
            (f64::from(x) * (1.0 - t) + f64::from(y) * t)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Color::rgb(m(self.r, other.r), m(self.g, other.g), m(self.b, other.b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow_matches_the_float_pow() {
        for i in 1..=100 {
            let x = f64::from(i) / 100.0;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{x}");
        }
    }

    #[test]
    fn accepts_css_colour_syntax() {
        let hex = |s: &str| Color::parse(s).map(Color::hex);
        assert_eq!(hex("#ABC"), Some("#aabbcc".into()));
        assert_eq!(hex("#abcd"), Some("#aabbccdd".into()));
        assert_eq!(hex(" #15803D "), Some("#15803d".into()));
        assert_eq!(hex("rgb(21, 128, 61)"), Some("#15803d".into()));
        assert_eq!(hex("rgba(21,128,61,0.5)"), Some("#15803d80".into()));
        assert_eq!(hex("rgb(100% 0% 0%)"), Some("#ff0000".into()));
        assert_eq!(hex("hsla(120deg 100% 50% / 1)"), Some("#00ff00".into()));
        assert_eq!(hex("hsl(0, 0%, 100%)"), Some("#ffffff".into()));
        assert_eq!(hex("ForestGreen"), Some("#228b22".into()));
        assert_eq!(named_count(), 148);
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "#",
            "#12",
            "#12345",
            "#1234567",
            "#ggg",
            "red;background:url(x)",
            "red ",
            "redd",
            "url(#a)",
            "var(--c)",
            "rgb(1,2)",
            "rgb(1,2,3,4,5)",
            "rgb(a,b,c)",
            "rgb(1,2,3",
            "rgb(nan,1,1)",
            "rgb(inf,1,1)",
            "hsl(1turn, 1%, 1%)",
            "expression(alert(1))",
            "rgb(1,2,3))",
            "currentColor",
        ] {
            let trimmed_ok = bad == "red ";
            assert_eq!(Color::parse(bad).is_some(), trimmed_ok, "{bad:?}");
        }
    }
}
