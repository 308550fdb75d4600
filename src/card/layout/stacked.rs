//! 1080×1080 and 1080×1920: one column, vertically centred.

use super::parts::{badge_grid, brand, equivalent, progress, Grid, Medal};
use super::words::{equivalents, figure_label, headline, streak_label};
use super::{role, Frame, TextStyle};
use crate::card::icons::Icon;
use crate::card::svg::Svg;
use crate::card::theme::Role;
use crate::card::Card;

/// Draws a `square` (`s` = 1) or `story` (`s` = 1.5) card of `w` × `h`.
pub(super) fn stacked(svg: &mut Svg, card: &Card, w: f64, h: f64, s: f64) {
    svg.circle(w - 60.0, 70.0, 300.0 * s, role(Role::Accent), 0.07);
    svg.circle(30.0, h - 70.0, 220.0 * s, role(Role::Base), 0.05);
    let (x, cw) = (80.0, w - 160.0);
    let mark = svg.mark();
    let column = Frame {
        x,
        y: 0.0,
        w: cw,
        s,
    };
    let mut y = header(svg, card, column);
    y = numbers(svg, card, Frame { y, ..column });
    if card.milestone.is_some() {
        let bar = Frame {
            x,
            y: y + 70.0 * s,
            w: cw,
            s: s * 1.25,
        };
        y = progress(svg, card, bar);
    }
    y = pills(svg, card, Frame { y, ..column });
    // Badges fill what is left above the bottom margin.
    let limit = h - 12.0 - 2.0 * 56.0;
    let grid = Grid {
        columns: 4,
        medal: Medal {
            r: 46.0 * s,
            font: 18.0 * s,
        },
        bottom: limit,
    };
    y = badge_grid(svg, card, x, y + 56.0 * s, cw, grid);
    // Centre the block between the top and the bottom strip.
    let free = h - 12.0 - y;
    svg.wrap_from(mark, (free / 2.0).max(56.0));
}

/// Brand, name and subtitle from `at.y`; returns the baseline of the last line.
fn header(svg: &mut Svg, card: &Card, at: Frame) -> f64 {
    let Frame { x, mut y, w: cw, s } = at;
    let words = card.locale.words();
    if brand(svg, card, x, y + 28.0 * s, 28.0 * s, cw) {
        y += 60.0 * s;
    }
    y += 50.0 * s;
    let name_style = TextStyle::bold(52.0 * s, Role::Text);
    match &card.display_name {
        Some(name) => {
            name_style.draw_fit(svg, x, y, cw, name);
            y += 40.0 * s;
            TextStyle::regular(28.0 * s, Role::Muted).draw(svg, x, y, words.subtitle);
        }
        None => name_style.draw_fit(svg, x, y, cw, words.my_impact),
    }
    y
}

/// The headline figure, its label and the equivalents below `at.y`; returns the new `y`.
fn numbers(svg: &mut Svg, card: &Card, at: Frame) -> f64 {
    let Frame { x, mut y, w: cw, s } = at;
    let number = headline(card);
    let size = if TextStyle::bold(150.0 * s, Role::Base).width(&number) > cw {
        100.0 * s
    } else {
        150.0 * s
    };
    y += 24.0 * s + size * 0.95;
    TextStyle::bold(size, Role::Base).draw(svg, x, y, &number);
    y += 50.0 * s;
    TextStyle::regular(32.0 * s, Role::Muted).draw_fit(svg, x, y, cw, &figure_label(card));
    if let Some([(trees, trees_label), (km, km_label)]) = equivalents(card) {
        let cy = y + 80.0 * s;
        let half = cw / 2.0;
        let slot = Frame {
            x,
            y: cy,
            w: half - 16.0,
            s: s * 1.15,
        };
        equivalent(svg, slot, Icon::Tree, &trees, trees_label);
        let right = Frame {
            x: x + half + 8.0,
            ..slot
        };
        equivalent(svg, right, Icon::Car, &km, km_label);
        y = cy + 50.0 * s;
    }
    y
}

/// Ranking and streak pills below `at.y`: side by side on squares, stacked on stories.
/// Returns the bottom of the last pill.
fn pills(svg: &mut Svg, card: &Card, at: Frame) -> f64 {
    let Frame { x, mut y, w: cw, s } = at;
    let streak = streak_label(card);
    let side_by_side = s <= 1.2 && card.ranking.is_some() && streak.is_some();
    let pill_h = 88.0 * s;
    if let Some(ranking) = &card.ranking {
        y += 36.0 * s;
        let rank_w = if side_by_side { cw - 320.0 } else { cw };
        ranking_pill(svg, ranking, Frame { x, y, w: rank_w, s });
        if !side_by_side {
            y += pill_h;
        }
    }
    if let Some((n, label)) = &streak {
        let (sx, sw) = if side_by_side {
            (x + cw - 300.0, 300.0)
        } else {
            (x, cw)
        };
        if !side_by_side {
            y += if card.ranking.is_some() {
                20.0 * s
            } else {
                36.0 * s
            };
        }
        streak_pill(svg, Frame { x: sx, y, w: sw, s }, n, label, side_by_side);
        y += pill_h;
    }
    y
}

/// The ranking pill with its top-left at (`at.x`, `at.y`): a trophy and up to two lines.
fn ranking_pill(svg: &mut Svg, ranking: &str, at: Frame) {
    let Frame { x, y, w: rank_w, s } = at;
    let pill_h = 88.0 * s;
    svg.rect(x, y, rank_w, pill_h, 24.0 * s, role(Role::Surface), 1.0);
    svg.icon(
        Icon::Trophy,
        x + 48.0 * s,
        y + pill_h / 2.0,
        44.0 * s,
        role(Role::Accent),
    );
    let style = TextStyle::bold(26.0 * s, Role::Text);
    let lines = style.wrap(ranking, rank_w - 108.0 * s, 2);
    let top = y + pill_h / 2.0 + 9.0 * s - (lines.len() as f64 - 1.0) * 16.0 * s;
    for (i, line) in lines.iter().enumerate() {
        style.draw(svg, x + 88.0 * s, top + i as f64 * 32.0 * s, line);
    }
}

/// The streak pill with its top-left at (`at.x`, `at.y`): a flame, the figure and its label,
/// the label under the figure when `narrow` (beside the ranking pill).
fn streak_pill(svg: &mut Svg, at: Frame, n: &str, label: &str, narrow: bool) {
    let Frame { x, y, w, s } = at;
    let pill_h = 88.0 * s;
    svg.rect(x, y, w, pill_h, 24.0 * s, role(Role::Surface), 1.0);
    svg.icon(
        Icon::Flame,
        x + 48.0 * s,
        y + pill_h / 2.0,
        44.0 * s,
        role(Role::Flame),
    );
    let figure = TextStyle::bold(34.0 * s, Role::Text);
    let nw = figure.width(n) + 10.0 * s;
    if narrow {
        figure.draw(svg, x + 84.0 * s, y + pill_h / 2.0 - 4.0 * s, n);
        TextStyle::regular(20.0 * s, Role::Muted).draw_fit(
            svg,
            x + 84.0 * s,
            y + pill_h / 2.0 + 24.0 * s,
            w - 100.0 * s,
            label,
        );
    } else {
        figure.draw(svg, x + 88.0 * s, y + pill_h / 2.0 + 12.0 * s, n);
        TextStyle::regular(26.0 * s, Role::Muted).draw_fit(
            svg,
            x + 88.0 * s + nw,
            y + pill_h / 2.0 + 10.0 * s,
            w - 120.0 * s - nw,
            label,
        );
    }
}
