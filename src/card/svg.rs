//! A tiny SVG writer that can only produce safe markup.
//!
//! Element and attribute names are fixed in this file; every value is either
//! a number this writer formats, a colour it formats as hex, a fixed keyword,
//! or text passed through [`escape`](super::escape). Right-to-left layouts are
//! mirrored here: callers place things in logical coordinates (x grows from
//! the start side), the writer flips x and text anchors.

use super::color::Color;
use super::escape::{push_attr, push_text};
use super::icons::Icon;
use super::locale::is_rtl;
use super::text_width::FONT_STACK;
use super::theme::{Role, Theme};

/// A fill: a themed role, or a fixed colour (tiers, brand).
#[derive(Debug, Clone, Copy)]
pub enum Paint {
    /// A theme role (switches with `auto`).
    Role(Role),
    /// A fixed colour.
    Fixed(Color),
}

/// Horizontal alignment of text, in logical terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The start side (left in LTR, right in RTL).
    Start,
    /// Centred.
    Middle,
    /// The end side.
    End,
}

/// Text style.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    /// Size in px.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
}

/// Appends `parts` to `out` (no `core::fmt`: it would add kilobytes to the cards module).
fn put(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// Formats a coordinate with at most one decimal.
fn num(x: f64) -> String {
    crate::numbers::fixed::text(x, 1)
}

/// The SVG writer.
pub struct Svg {
    out: String,
    width: f64,
    rtl: bool,
    theme: Theme,
}

impl Svg {
    /// Starts a document: root element, `<title>`, `<desc>` and the `auto` style.
    pub fn new(
        width: f64,
        height: f64,
        rtl: bool,
        theme: Theme,
        lang: &str,
        title: &str,
        desc: &str,
    ) -> Svg {
        let mut out = String::with_capacity(8192);
        let (w, h) = (num(width), num(height));
        put(
            &mut out,
            &[
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"",
                &w,
                "\" height=\"",
                &h,
                "\" viewBox=\"0 0 ",
                &w,
                " ",
                &h,
                "\" role=\"img\" xml:lang=\"",
            ],
        );
        push_attr(&mut out, lang);
        out.push_str("\" font-family=\"");
        push_attr(&mut out, FONT_STACK);
        out.push('"');
        if theme.dark.is_some() {
            out.push_str(" class=\"ik-auto\"");
        }
        out.push_str("><title>");
        push_text(&mut out, title);
        out.push_str("</title><desc>");
        push_text(&mut out, desc);
        out.push_str("</desc>");
        if let Some(dark) = theme.dark {
            out.push_str("<style>@media (prefers-color-scheme:dark){");
            for role in Role::ALL {
                let hex = dark.get(role).hex();
                put(&mut out, &[".ik-auto .", role.class(), "{fill:", &hex, "}"]);
            }
            out.push_str("}</style>");
        }
        Svg {
            out,
            width,
            rtl,
            theme,
        }
    }

    fn x(&self, x: f64) -> f64 {
        if self.rtl {
            self.width - x
        } else {
            x
        }
    }

    fn paint(&mut self, paint: Paint) {
        let color = match paint {
            Paint::Role(role) => self.theme.main.get(role),
            Paint::Fixed(color) => color,
        };
        put(&mut self.out, &[" fill=\"", &color.hex(), "\""]);
        if let (Paint::Role(role), Some(_)) = (paint, self.theme.dark) {
            put(&mut self.out, &[" class=\"", role.class(), "\""]);
        }
    }

    fn opacity(&mut self, opacity: f64) {
        if opacity < 1.0 {
            let value = num_precise(opacity.max(0.0));
            put(&mut self.out, &[" fill-opacity=\"", &value, "\""]);
        }
    }

    /// Appends ` name="x"` (`name` given with its ` ` and `="`), `x` with at most one decimal.
    fn number(&mut self, name: &str, x: f64) {
        put(&mut self.out, &[name, &num(x), "\""]);
    }

    /// A rectangle at logical `x` (its start edge).
    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        radius: f64,
        paint: Paint,
        opacity: f64,
    ) {
        let left = if self.rtl { self.width - x - w } else { x };
        self.out.push_str("<rect");
        self.number(" x=\"", left);
        self.number(" y=\"", y);
        self.number(" width=\"", w.max(0.0));
        self.number(" height=\"", h.max(0.0));
        if radius > 0.0 {
            self.number(" rx=\"", radius);
        }
        self.paint(paint);
        self.opacity(opacity);
        self.out.push_str("/>");
    }

    /// A circle.
    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, paint: Paint, opacity: f64) {
        self.out.push_str("<circle");
        self.number(" cx=\"", self.x(cx));
        self.number(" cy=\"", cy);
        self.number(" r=\"", r);
        self.paint(paint);
        self.opacity(opacity);
        self.out.push_str("/>");
    }

    /// An icon of `size` px centred on (`cx`, `cy`); icons are never mirrored.
    pub fn icon(&mut self, icon: Icon, cx: f64, cy: f64, size: f64, paint: Paint) {
        let scale = size / 24.0;
        let (x, y) = (num(self.x(cx) - size / 2.0), num(cy - size / 2.0));
        put(
            &mut self.out,
            &[
                "<path transform=\"translate(",
                &x,
                " ",
                &y,
                ") scale(",
                &num_precise(scale),
                ")\" fill-rule=\"evenodd\" d=\"",
                icon.path(),
                "\"",
            ],
        );
        self.paint(paint);
        self.out.push_str("/>");
    }

    /// One line of text with its baseline at `y`. Right-to-left text is
    /// wrapped in Unicode isolates (RLI … PDI), which every renderer honours.
    pub fn text(&mut self, x: f64, y: f64, font: Font, align: Align, paint: Paint, text: &str) {
        if text.is_empty() {
            return;
        }
        let anchor = match (align, self.rtl) {
            (Align::Middle, _) => "middle",
            (Align::Start, false) | (Align::End, true) => "start",
            _ => "end",
        };
        self.out.push_str("<text");
        self.number(" x=\"", self.x(x));
        self.number(" y=\"", y);
        self.number(" font-size=\"", font.size);
        if font.bold {
            self.out.push_str(" font-weight=\"700\"");
        }
        if anchor != "start" {
            put(&mut self.out, &[" text-anchor=\"", anchor, "\""]);
        }
        self.paint(paint);
        self.out.push('>');
        let rtl = is_rtl(text);
        if rtl {
            self.out.push('\u{2067}');
        }
        push_text(&mut self.out, text);
        if rtl {
            self.out.push('\u{2069}');
        }
        self.out.push_str("</text>");
    }

    /// Closes the document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// Formats a scale factor or opacity with up to three decimals.
fn num_precise(x: f64) -> String {
    crate::numbers::fixed::text(x, 3)
}

impl Svg {
    /// The current end of the document, for [`Svg::wrap_from`].
    pub fn mark(&self) -> usize {
        self.out.len()
    }

    /// Moves everything written since `mark` down by `dy` (a `<g>` around it).
    pub fn wrap_from(&mut self, mark: usize, dy: f64) {
        let open = ["<g transform=\"translate(0 ", &num(dy), ")\">"].concat();
        if mark <= self.out.len() && self.out.is_char_boundary(mark) {
            self.out.insert_str(mark, &open);
            self.out.push_str("</g>");
        }
    }
}
