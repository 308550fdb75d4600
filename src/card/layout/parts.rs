//! Sections the layouts share: brand line, medallions and their grid, equivalents, progress bar.

use super::words::tier_label;
use super::{role, Frame, TextStyle, WHITE};
use crate::card::icons::Icon;
use crate::card::svg::{Align, Paint, Svg};
use crate::card::theme::{Role, MEDAL_HIGHLIGHT, TIER_COLORS};
use crate::card::{Badge, Card, Tier};

/// A medallion's radius and its caption's font size.
#[derive(Debug, Clone, Copy)]
pub(super) struct Medal {
    pub(super) r: f64,
    pub(super) font: f64,
}

/// A badge grid's columns, medallion size, and the lowest `y` it may reach.
#[derive(Debug, Clone, Copy)]
pub(super) struct Grid {
    pub(super) columns: usize,
    pub(super) medal: Medal,
    pub(super) bottom: f64,
}

/// Draws the brand mark and name with its baseline at `y`; returns whether there was one.
pub(super) fn brand(svg: &mut Svg, card: &Card, x: f64, y: f64, size: f64, max: f64) -> bool {
    let Some(name) = &card.brand_name else {
        return false;
    };
    let paint = card.brand_color.map_or(role(Role::Accent), Paint::Fixed);
    svg.circle(x + size * 0.4, y - size * 0.36, size * 0.4, paint, 1.0);
    TextStyle::bold(size, Role::Accent).paint(paint).draw_fit(
        svg,
        x + size * 1.2,
        y,
        max - size * 1.2,
        name,
    );
    true
}

/// The disc and icon paints of a badge's medallion: its tier's colour, or the accent.
pub(super) fn medal_paints(badge: &Badge) -> (Paint, Paint) {
    match &badge.tier {
        Some(Tier::Known(i)) => (
            Paint::Fixed(TIER_COLORS.get(*i).copied().unwrap_or(WHITE)),
            Paint::Fixed(WHITE),
        ),
        _ => (role(Role::Accent), role(Role::OnAccent)),
    }
}

/// A badge medallion centred on (`cx`, `cy`) with its name and tier below, `max` px wide.
fn medallion(
    svg: &mut Svg,
    card: &Card,
    badge: &Badge,
    (cx, cy): (f64, f64),
    medal: Medal,
    max: f64,
) {
    let Medal { r, font } = medal;
    let (fill, ink) = medal_paints(badge);
    svg.circle(cx, cy, r, fill, 1.0);
    svg.circle(cx, cy, r * 0.8, Paint::Fixed(WHITE), MEDAL_HIGHLIGHT);
    svg.icon(badge.icon, cx, cy, r * 1.05, ink);
    let mut y = cy + r + font * 1.5;
    let name = TextStyle::bold(font, Role::Text).align(Align::Middle);
    for line in name.wrap(&badge.name, max, 2) {
        name.draw(svg, cx, y, &line);
        y += font * 1.2;
    }
    if let Some(tier) = tier_label(card, &badge.tier) {
        let small = font * 0.85;
        TextStyle::regular(small, Role::Muted)
            .align(Align::Middle)
            .draw_fit(svg, cx, y + small * 0.2, max, &tier);
    }
}

/// An equivalent centred vertically on `at.y`: icon disc, bold value, and a muted label of
/// up to two lines.
pub(super) fn equivalent(svg: &mut Svg, at: Frame, icon: Icon, value: &str, label: &str) {
    let Frame { x, y: cy, w, s } = at;
    let r = 28.0 * s;
    svg.circle(x + r, cy, r, role(Role::Surface), 1.0);
    svg.icon(icon, x + r, cy, 34.0 * s, role(Role::Accent));
    let tx = x + 2.0 * r + 16.0 * s;
    let tw = w - 2.0 * r - 16.0 * s;
    TextStyle::bold(32.0 * s, Role::Text).draw_fit(svg, tx, cy - 4.0 * s, tw, value);
    let muted = TextStyle::regular(18.0 * s, Role::Muted);
    for (i, line) in muted.wrap(label, tw, 2).iter().enumerate() {
        muted.draw(svg, tx, cy + 20.0 * s + i as f64 * 22.0 * s, line);
    }
}

/// Milestone name, percentage and bar; `at.y` is the name's baseline. Returns the bar's bottom.
pub(super) fn progress(svg: &mut Svg, card: &Card, at: Frame) -> f64 {
    let Frame { x, y, w, s } = at;
    let Some(m) = &card.milestone else { return y };
    let pct = card.locale.percent(m.percentage);
    let font = 22.0 * s;
    let name = TextStyle::bold(font, Role::Text);
    let pct_w = name.width(&pct);
    name.draw_fit(svg, x, y, w - pct_w - 16.0 * s, &m.name);
    name.align(Align::End)
        .paint(role(Role::Accent))
        .draw(svg, x + w, y, &pct);
    let (bar_y, bar_h) = (y + 16.0 * s, 18.0 * s);
    svg.rect(x, bar_y, w, bar_h, bar_h / 2.0, role(Role::Track), 1.0);
    let filled = w * (m.percentage / 100.0).clamp(0.0, 1.0);
    if filled > 0.0 {
        svg.rect(
            x,
            bar_y,
            filled.max(bar_h),
            bar_h,
            bar_h / 2.0,
            role(Role::Accent),
            1.0,
        );
    }
    bar_y + bar_h
}

/// Heading and a grid of medallions from `y`, `w` px wide, as many rows as fit above
/// `grid.bottom`; returns the bottom of what was drawn.
pub(super) fn badge_grid(svg: &mut Svg, card: &Card, x: f64, y: f64, w: f64, grid: Grid) -> f64 {
    let Grid {
        columns,
        medal,
        bottom,
    } = grid;
    let Medal { r, font } = medal;
    let words = card.locale.words();
    let head = font * 1.1;
    let cell_h = 2.0 * r + font * 5.0;
    let top = y + head * 0.8;
    let rows = ((bottom - top) / cell_h).floor().max(0.0) as usize;
    let shown = card.badges.len().min(card.max_badges).min(rows * columns);
    if shown == 0 {
        return y;
    }
    let heading = TextStyle::bold(head, Role::Muted);
    heading.draw(svg, x, y, words.badges);
    let hidden = card.badges.len() - shown;
    if hidden > 0 {
        let more = card.locale.counted(words.more, hidden as f64, 0);
        heading
            .align(Align::End)
            .paint(role(Role::Accent))
            .draw(svg, x + w, y, &more);
    }
    let cell_w = w / columns as f64;
    for (i, badge) in card.badges.iter().take(shown).enumerate() {
        let (row, col) = (i / columns, i % columns);
        let cy = top + r + row as f64 * cell_h;
        let cx = x + cell_w * (col as f64 + 0.5);
        medallion(svg, card, badge, (cx, cy), medal, cell_w - 12.0);
    }
    top + cell_h * shown.div_ceil(columns) as f64
}
