//! 400×400: one badge, large.

use super::parts::medal_paints;
use super::words::{shown_badge, tier_label, Parts};
use super::{role, TextStyle, WHITE};
use crate::card::svg::{Align, Paint, Svg};
use crate::card::theme::{Role, MEDAL_HIGHLIGHT};
use crate::card::Card;

/// Draws the `badge` card: the shown badge's medallion, name, tier and date, and the brand.
pub(super) fn one_badge(svg: &mut Svg, card: &Card) {
    let words = card.locale.words();
    let Some(badge) = shown_badge(card) else {
        return;
    };
    svg.circle(200.0, 172.0, 150.0, role(Role::Accent), 0.08);
    TextStyle::bold(20.0, Role::Accent)
        .align(Align::Middle)
        .draw(svg, 200.0, 52.0, words.badge_earned);
    let (fill, ink) = medal_paints(badge);
    svg.circle(200.0, 172.0, 92.0, fill, 1.0);
    svg.circle(200.0, 172.0, 76.0, Paint::Fixed(WHITE), MEDAL_HIGHLIGHT);
    svg.icon(badge.icon, 200.0, 172.0, 96.0, ink);
    TextStyle::bold(28.0, Role::Text)
        .align(Align::Middle)
        .draw_fit(svg, 200.0, 306.0, 350.0, &badge.name);
    let mut line = Parts::new(" · ");
    if let Some(tier) = tier_label(card, &badge.tier) {
        line.add(&[&tier]);
    }
    if let Some((y, m, d)) = badge.earned {
        line.add(&[&card.locale.date(y, m, d)]);
    }
    TextStyle::regular(18.0, Role::Muted)
        .align(Align::Middle)
        .draw_fit(svg, 200.0, 338.0, 350.0, &line.text);
    if let Some(name) = &card.brand_name {
        let paint = card.brand_color.map_or(role(Role::Muted), Paint::Fixed);
        TextStyle::bold(15.0, Role::Muted)
            .align(Align::Middle)
            .paint(paint)
            .draw_fit(svg, 200.0, 372.0, 300.0, name);
    }
}
