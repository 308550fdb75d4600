//! Where things go on each card size: one module per layout (`og`, `stacked`, `badge`), the
//! sections they share (`parts`) and what the cards say (`words`).

mod badge;
mod og;
mod parts;
mod stacked;
mod words;

use super::svg::{Align, Font, Paint, Svg};
use super::text_width::{fit, width, wrap};
use super::theme::Role;
use super::{Card, Size};
use crate::card::color::Color;

/// kg of CO₂ a mature tree absorbs in a year (Arbor Day Foundation: 48 lb).
pub const KG_PER_TREE_YEAR: f64 = 21.77;
/// kg of CO₂ per km of an average passenger car (US EPA: 400 g per mile).
pub const KG_PER_KM: f64 = 0.4 / 1.609344;

const WHITE: Color = Color::rgb(255, 255, 255);

fn role(r: Role) -> Paint {
    Paint::Role(r)
}

/// How a line of text is drawn: font, alignment and paint.
#[derive(Debug, Clone, Copy)]
struct TextStyle {
    font: Font,
    align: Align,
    paint: Paint,
}

impl TextStyle {
    /// Bold, start-aligned text of `size` px in role `r`.
    fn bold(size: f64, r: Role) -> TextStyle {
        TextStyle {
            font: Font { size, bold: true },
            align: Align::Start,
            paint: role(r),
        }
    }

    /// Regular, start-aligned text of `size` px in role `r`.
    fn regular(size: f64, r: Role) -> TextStyle {
        TextStyle {
            font: Font { size, bold: false },
            ..TextStyle::bold(size, r)
        }
    }

    /// The same style with another alignment.
    fn align(self, align: Align) -> TextStyle {
        TextStyle { align, ..self }
    }

    /// The same style with another paint.
    fn paint(self, paint: Paint) -> TextStyle {
        TextStyle { paint, ..self }
    }

    /// Draws `text` with its baseline at (`x`, `y`).
    fn draw(self, svg: &mut Svg, x: f64, y: f64, text: &str) {
        svg.text(x, y, self.font, self.align, self.paint, text);
    }

    /// Draws `text` shortened (with an ellipsis) to at most `max` px wide.
    fn draw_fit(self, svg: &mut Svg, x: f64, y: f64, max: f64, text: &str) {
        self.draw(svg, x, y, &fit(text, max, self.font.size, self.font.bold).0);
    }

    /// `text` in up to `lines` lines of at most `max` px.
    fn wrap(self, text: &str, max: f64, lines: usize) -> Vec<String> {
        wrap(text, max, self.font.size, self.font.bold, lines)
    }

    /// How wide `text` is in this style.
    fn width(self, text: &str) -> f64 {
        width(text, self.font.size, self.font.bold)
    }
}

/// A place to draw a section: its left edge `x`, vertical anchor `y`, width `w` and scale `s`.
#[derive(Debug, Clone, Copy)]
struct Frame {
    x: f64,
    y: f64,
    w: f64,
    s: f64,
}

/// Renders a card.
pub fn render(card: &Card) -> String {
    let (w, h) = card.size.dimensions();
    let words = card.locale.words();
    let mut svg = Svg::new(
        w,
        h,
        card.locale.rtl(),
        card.theme,
        words.tag,
        &words::title(card),
        &words::desc(card),
    );
    svg.rect(0.0, 0.0, w, h, 0.0, role(Role::Background), 1.0);
    match card.size {
        Size::Og => og::og(&mut svg, card),
        Size::Square => stacked::stacked(&mut svg, card, w, h, 1.0),
        Size::Story => stacked::stacked(&mut svg, card, w, h, 1.5),
        Size::Badge => badge::one_badge(&mut svg, card),
    }
    svg.rect(0.0, h - 12.0, w, 12.0, 0.0, role(Role::Accent), 1.0);
    svg.finish()
}
