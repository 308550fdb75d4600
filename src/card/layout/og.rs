//! 1200×630: the numbers on the left, ranking, streak and badges in a panel on the right.

use super::parts::{badge_grid, brand, equivalent, progress, Grid, Medal};
use super::words::{equivalents, figure_label, headline, streak_label};
use super::{role, Frame, TextStyle};
use crate::card::icons::Icon;
use crate::card::svg::Svg;
use crate::card::theme::Role;
use crate::card::Card;

/// Draws the `og` card.
pub(super) fn og(svg: &mut Svg, card: &Card) {
    svg.circle(1110.0, 30.0, 250.0, role(Role::Accent), 0.07);
    svg.circle(1190.0, 610.0, 150.0, role(Role::Base), 0.05);
    let (x, cw) = (64.0, 624.0);
    let y = header(svg, card, x, cw);
    numbers(svg, card, x, y, cw);
    let bar = Frame {
        x,
        y: 530.0,
        w: cw,
        s: 1.0,
    };
    progress(svg, card, bar);
    panel(svg, card);
}

/// Brand, name and subtitle; returns the baseline of the last line.
fn header(svg: &mut Svg, card: &Card, x: f64, cw: f64) -> f64 {
    let words = card.locale.words();
    let mut y = 88.0;
    if brand(svg, card, x, y, 22.0, cw) {
        y += 52.0;
    }
    let name_style = TextStyle::bold(40.0, Role::Text);
    match &card.display_name {
        Some(name) => {
            name_style.draw_fit(svg, x, y, cw, name);
            TextStyle::regular(22.0, Role::Muted).draw(svg, x, y + 34.0, words.subtitle);
            y += 34.0;
        }
        None => name_style.draw_fit(svg, x, y, cw, words.my_impact),
    }
    y
}

/// The headline figure, its label and the equivalents, below the header ending at `y`.
fn numbers(svg: &mut Svg, card: &Card, x: f64, mut y: f64, cw: f64) {
    y += 128.0;
    let number = headline(card);
    let size = if TextStyle::bold(112.0, Role::Base).width(&number) > cw {
        72.0
    } else {
        112.0
    };
    TextStyle::bold(size, Role::Base).draw(svg, x, y, &number);
    y += 42.0;
    TextStyle::regular(26.0, Role::Muted).draw_fit(svg, x, y, cw, &figure_label(card));
    if let Some([(trees, trees_label), (km, km_label)]) = equivalents(card) {
        let slot = Frame {
            x,
            y: y + 84.0,
            w: 300.0,
            s: 1.0,
        };
        equivalent(svg, slot, Icon::Tree, &trees, trees_label);
        let right = Frame {
            x: x + 324.0,
            ..slot
        };
        equivalent(svg, right, Icon::Car, &km, km_label);
    }
}

/// The right panel: ranking, streak and badges (nothing when there is none of them).
fn panel(svg: &mut Svg, card: &Card) {
    let (px, py, pw, ph) = (752.0, 56.0, 392.0, 518.0);
    let has_badges = !card.badges.is_empty() && card.max_badges > 0;
    if card.ranking.is_none() && card.streak.is_none() && !has_badges {
        return;
    }
    svg.rect(px, py, pw, ph, 28.0, role(Role::Surface), 1.0);
    let ix = px + 28.0;
    let iw = pw - 56.0;
    let mut y = py + 56.0;
    if let Some(ranking) = &card.ranking {
        svg.icon(Icon::Trophy, ix + 18.0, y - 8.0, 36.0, role(Role::Accent));
        let style = TextStyle::bold(24.0, Role::Text);
        let lines = style.wrap(ranking, iw - 52.0, 2);
        for (i, line) in lines.iter().enumerate() {
            style.draw(svg, ix + 52.0, y + i as f64 * 30.0, line);
        }
        y += 30.0 * lines.len() as f64 + 28.0;
    }
    if let Some((n, label)) = streak_label(card) {
        svg.icon(Icon::Flame, ix + 18.0, y - 8.0, 36.0, role(Role::Flame));
        let figure = TextStyle::bold(24.0, Role::Text);
        figure.draw(svg, ix + 52.0, y, &n);
        let nw = figure.width(&n) + 8.0;
        TextStyle::regular(20.0, Role::Muted).draw_fit(
            svg,
            ix + 52.0 + nw,
            y,
            iw - 52.0 - nw,
            &label,
        );
        y += 58.0;
    }
    let grid = Grid {
        columns: 2,
        medal: Medal {
            r: 44.0,
            font: 16.0,
        },
        bottom: py + ph - 8.0,
    };
    badge_grid(svg, card, ix, y, iw, grid);
}
