//! Where things go on each card size.
// Drawing helpers take plain coordinates and sizes rather than ad-hoc structs.
#![allow(clippy::too_many_arguments)]

use super::icons::Icon;
use super::svg::{Align, Font, Paint, Svg};
use super::text_width::{fit, width, wrap};
use super::theme::{Role, MEDAL_HIGHLIGHT, TIER_COLORS};
use super::{Badge, Card, Size, Tier};
use crate::card::color::Color;

/// kg of CO₂ a mature tree absorbs in a year (Arbor Day Foundation: 48 lb).
pub const KG_PER_TREE_YEAR: f64 = 21.77;
/// kg of CO₂ per km of an average passenger car (US EPA: 400 g per mile).
pub const KG_PER_KM: f64 = 0.4 / 1.609344;

const WHITE: Color = Color::rgb(255, 255, 255);

fn bold(size: f64) -> Font {
    Font { size, bold: true }
}
fn regular(size: f64) -> Font {
    Font { size, bold: false }
}
fn role(r: Role) -> Paint {
    Paint::Role(r)
}

/// The total in kg, when the unit is a mass unit.
fn kilograms(card: &Card) -> Option<f64> {
    match card.unit.to_ascii_lowercase().as_str() {
        "kg" => Some(card.co2),
        "t" | "tonne" | "tonnes" => Some(card.co2 * 1000.0),
        "g" => Some(card.co2 / 1000.0),
        _ => None,
    }
}

/// An equivalent as shown, "≈ 2.5" (one decimal below 10, whole numbers above) or
/// "< 0.1" when it would round to 0, and its label in the plural form for that figure.
fn approx(card: &Card, x: f64, forms: &[&'static str]) -> (String, &'static str) {
    let decimals = if x < 10.0 { 1 } else { 0 };
    let rounds_to_zero = super::fixed::split(x, decimals) == (false, "0".into(), String::new());
    let (prefix, shown) = if rounds_to_zero {
        ("<", 0.1)
    } else {
        ("≈", x)
    };
    (
        format!("{prefix} {}", card.locale.number(shown, decimals)),
        card.locale.form(forms, shown, decimals),
    )
}

/// [trees, km] equivalents (figure, label), when there is something to compare.
fn equivalents(card: &Card) -> Option<[(String, &'static str); 2]> {
    let kg = kilograms(card).filter(|kg| *kg > 0.0)?;
    let words = card.locale.words();
    Some([
        approx(card, kg / KG_PER_TREE_YEAR, words.trees),
        approx(card, kg / KG_PER_KM, &[words.km]),
    ])
}

fn headline(card: &Card) -> String {
    card.locale
        .number(card.co2, if card.co2 < 1000.0 { 1 } else { 0 })
}

fn unit_label(card: &Card) -> String {
    let unit = if card.locale.rtl() && card.unit == "kg" {
        "كغ"
    } else {
        card.unit.as_str()
    };
    super::locale::fill(card.locale.words().co2_saved, unit)
}

fn orders_label(card: &Card) -> Option<String> {
    let n = card.orders?;
    Some(card.locale.counted(card.locale.words().orders, n, 0))
}

fn streak_label(card: &Card) -> Option<(String, String)> {
    let streak = card.streak?;
    let words = card.locale.words();
    let n = streak.current as f64;
    let label = match streak.period.and_then(|p| words.streak_periods.get(p)) {
        Some(forms) => card.locale.form(forms, n, 0),
        None => words.streak,
    };
    Some((card.locale.number(n, 0), label.to_owned()))
}

fn tier_label(card: &Card, tier: &Option<Tier>) -> Option<String> {
    match tier {
        Some(Tier::Known(i)) => card.locale.words().tiers.get(*i).map(|s| (*s).to_owned()),
        Some(Tier::Other(name)) => Some(name.clone()),
        None => None,
    }
}

fn title(card: &Card) -> String {
    let words = card.locale.words();
    if card.size == Size::Badge {
        if let Some(b) = shown_badge(card) {
            return format!("{}: {}", words.badge_earned, b.name);
        }
    }
    match &card.display_name {
        Some(name) => format!("{name} — {}", words.subtitle),
        None => words.my_impact.to_owned(),
    }
}

/// "Tree Saver (Gold) · Earned on 3/15/2025": what the 400×400 card shows.
fn badge_desc(card: &Card, badge: &Badge) -> String {
    let words = card.locale.words();
    let mut parts = vec![match tier_label(card, &badge.tier) {
        Some(t) => format!("{} ({t})", badge.name),
        None => badge.name.clone(),
    }];
    if let Some((y, m, d)) = badge.earned {
        let date = card.locale.date(y, m, d);
        parts.push(super::locale::fill(words.earned_on, &date));
    }
    parts.join(" · ")
}

fn desc(card: &Card) -> String {
    if let (Size::Badge, Some(badge)) = (card.size, shown_badge(card)) {
        return badge_desc(card, badge);
    }
    let words = card.locale.words();
    let mut parts = vec![format!("{} {}", headline(card), unit_label(card))];
    parts.extend(orders_label(card));
    for (figure, label) in equivalents(card).into_iter().flatten() {
        parts.push(format!("{figure} {label}"));
    }
    if let Some(m) = &card.milestone {
        parts.push(format!("{}: {}", m.name, card.locale.percent(m.percentage)));
    }
    parts.extend(card.ranking.clone());
    if let Some((n, label)) = streak_label(card) {
        parts.push(format!("{n} {label}"));
    }
    if !card.badges.is_empty() {
        let names: Vec<String> = card
            .badges
            .iter()
            .map(|b| match tier_label(card, &b.tier) {
                Some(t) => format!("{} ({t})", b.name),
                None => b.name.clone(),
            })
            .collect();
        parts.push(format!("{}: {}", words.badges, names.join(", ")));
    }
    parts.join(" · ")
}

fn shown_badge(card: &Card) -> Option<&Badge> {
    match card.badge_index {
        Some(i) => card.badges.get(i),
        None => card.badges.last(),
    }
}

/// Draws the brand mark and name with its baseline at `y`; returns whether there was one.
fn brand(svg: &mut Svg, card: &Card, x: f64, y: f64, size: f64, max: f64) -> bool {
    let Some(name) = &card.brand_name else {
        return false;
    };
    let paint = card.brand_color.map_or(role(Role::Accent), Paint::Fixed);
    svg.circle(x + size * 0.4, y - size * 0.36, size * 0.4, paint, 1.0);
    svg.text(
        x + size * 1.2,
        y,
        bold(size),
        Align::Start,
        paint,
        &fit(name, max - size * 1.2, size, true).0,
    );
    true
}

/// A badge medallion centred on (`cx`, `cy`) with its name and tier below.
fn medallion(
    svg: &mut Svg,
    card: &Card,
    badge: &Badge,
    cx: f64,
    cy: f64,
    r: f64,
    font: f64,
    max: f64,
) {
    let (fill, ink) = match &badge.tier {
        Some(Tier::Known(i)) => (
            Paint::Fixed(TIER_COLORS.get(*i).copied().unwrap_or(WHITE)),
            Paint::Fixed(WHITE),
        ),
        _ => (role(Role::Accent), role(Role::OnAccent)),
    };
    svg.circle(cx, cy, r, fill, 1.0);
    svg.circle(cx, cy, r * 0.8, Paint::Fixed(WHITE), MEDAL_HIGHLIGHT);
    svg.icon(badge.icon, cx, cy, r * 1.05, ink);
    let mut y = cy + r + font * 1.5;
    for line in wrap(&badge.name, max, font, true, 2) {
        svg.text(cx, y, bold(font), Align::Middle, role(Role::Text), &line);
        y += font * 1.2;
    }
    if let Some(tier) = tier_label(card, &badge.tier) {
        let small = font * 0.85;
        svg.text(
            cx,
            y + small * 0.2,
            regular(small),
            Align::Middle,
            role(Role::Muted),
            &fit(&tier, max, small, false).0,
        );
    }
}

/// An equivalent: icon disc, bold value, and a muted label of up to two lines.
fn equivalent(
    svg: &mut Svg,
    x: f64,
    cy: f64,
    w: f64,
    s: f64,
    icon: Icon,
    value: &str,
    label: &str,
) {
    let r = 28.0 * s;
    svg.circle(x + r, cy, r, role(Role::Surface), 1.0);
    svg.icon(icon, x + r, cy, 34.0 * s, role(Role::Accent));
    let tx = x + 2.0 * r + 16.0 * s;
    let tw = w - 2.0 * r - 16.0 * s;
    svg.text(
        tx,
        cy - 4.0 * s,
        bold(32.0 * s),
        Align::Start,
        role(Role::Text),
        &fit(value, tw, 32.0 * s, true).0,
    );
    for (i, line) in wrap(label, tw, 18.0 * s, false, 2).iter().enumerate() {
        svg.text(
            tx,
            cy + 20.0 * s + i as f64 * 22.0 * s,
            regular(18.0 * s),
            Align::Start,
            role(Role::Muted),
            line,
        );
    }
}

/// Milestone name, percentage and bar; `y` is the name's baseline. Returns the bar's bottom.
fn progress(svg: &mut Svg, card: &Card, x: f64, y: f64, w: f64, s: f64) -> f64 {
    let Some(m) = &card.milestone else { return y };
    let pct = card.locale.percent(m.percentage);
    let font = 22.0 * s;
    let pct_w = width(&pct, font, true);
    svg.text(
        x,
        y,
        bold(font),
        Align::Start,
        role(Role::Text),
        &fit(&m.name, w - pct_w - 16.0 * s, font, true).0,
    );
    svg.text(x + w, y, bold(font), Align::End, role(Role::Accent), &pct);
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
        &title(card),
        &desc(card),
    );
    svg.rect(0.0, 0.0, w, h, 0.0, role(Role::Background), 1.0);
    match card.size {
        Size::Og => og(&mut svg, card),
        Size::Square => stacked(&mut svg, card, w, h, 1.0),
        Size::Story => stacked(&mut svg, card, w, h, 1.5),
        Size::Badge => one_badge(&mut svg, card),
    }
    svg.rect(0.0, h - 12.0, w, 12.0, 0.0, role(Role::Accent), 1.0);
    svg.finish()
}

/// 1200×630: the numbers on the left, ranking, streak and badges in a panel on the right.
fn og(svg: &mut Svg, card: &Card) {
    let words = card.locale.words();
    svg.circle(1110.0, 30.0, 250.0, role(Role::Accent), 0.07);
    svg.circle(1190.0, 610.0, 150.0, role(Role::Base), 0.05);
    let (x, cw) = (64.0, 624.0);
    let mut y = 88.0;
    if brand(svg, card, x, y, 22.0, cw) {
        y += 52.0;
    }
    match &card.display_name {
        Some(name) => {
            svg.text(
                x,
                y,
                bold(40.0),
                Align::Start,
                role(Role::Text),
                &fit(name, cw, 40.0, true).0,
            );
            svg.text(
                x,
                y + 34.0,
                regular(22.0),
                Align::Start,
                role(Role::Muted),
                words.subtitle,
            );
            y += 34.0;
        }
        None => svg.text(
            x,
            y,
            bold(40.0),
            Align::Start,
            role(Role::Text),
            &fit(words.my_impact, cw, 40.0, true).0,
        ),
    }
    y += 128.0;
    let number = headline(card);
    let size = if width(&number, 112.0, true) > cw {
        72.0
    } else {
        112.0
    };
    svg.text(x, y, bold(size), Align::Start, role(Role::Base), &number);
    y += 42.0;
    let mut label = unit_label(card);
    if let Some(orders) = orders_label(card) {
        label = format!("{label} · {orders}");
    }
    svg.text(
        x,
        y,
        regular(26.0),
        Align::Start,
        role(Role::Muted),
        &fit(&label, cw, 26.0, false).0,
    );
    if let Some([(trees, trees_label), (km, km_label)]) = equivalents(card) {
        let cy = y + 84.0;
        equivalent(svg, x, cy, 300.0, 1.0, Icon::Tree, &trees, trees_label);
        equivalent(svg, x + 324.0, cy, 300.0, 1.0, Icon::Car, &km, km_label);
    }
    progress(svg, card, x, 530.0, cw, 1.0);

    // Right panel.
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
        let lines = wrap(ranking, iw - 52.0, 24.0, true, 2);
        for (i, line) in lines.iter().enumerate() {
            svg.text(
                ix + 52.0,
                y + i as f64 * 30.0,
                bold(24.0),
                Align::Start,
                role(Role::Text),
                line,
            );
        }
        y += 30.0 * lines.len() as f64 + 28.0;
    }
    if let Some((n, label)) = streak_label(card) {
        svg.icon(Icon::Flame, ix + 18.0, y - 8.0, 36.0, role(Role::Flame));
        svg.text(ix + 52.0, y, bold(24.0), Align::Start, role(Role::Text), &n);
        let nw = width(&n, 24.0, true) + 8.0;
        svg.text(
            ix + 52.0 + nw,
            y,
            regular(20.0),
            Align::Start,
            role(Role::Muted),
            &fit(&label, iw - 52.0 - nw, 20.0, false).0,
        );
        y += 58.0;
    }
    badge_grid(svg, card, ix, y, iw, 2, 44.0, 16.0, py + ph - 8.0);
}

/// Heading and a grid of medallions from `y`, as many rows as fit above
/// `bottom`; returns the bottom of what was drawn.
fn badge_grid(
    svg: &mut Svg,
    card: &Card,
    x: f64,
    y: f64,
    w: f64,
    columns: usize,
    r: f64,
    font: f64,
    bottom: f64,
) -> f64 {
    let words = card.locale.words();
    let head = font * 1.1;
    let cell_h = 2.0 * r + font * 5.0;
    let top = y + head * 0.8;
    let rows = ((bottom - top) / cell_h).floor().max(0.0) as usize;
    let shown = card.badges.len().min(card.max_badges).min(rows * columns);
    if shown == 0 {
        return y;
    }
    svg.text(
        x,
        y,
        bold(head),
        Align::Start,
        role(Role::Muted),
        words.badges,
    );
    let hidden = card.badges.len() - shown;
    if hidden > 0 {
        let more = card.locale.counted(words.more, hidden as f64, 0);
        svg.text(x + w, y, bold(head), Align::End, role(Role::Accent), &more);
    }
    let cell_w = w / columns as f64;
    for (i, badge) in card.badges.iter().take(shown).enumerate() {
        let (row, col) = (i / columns, i % columns);
        let cy = top + r + row as f64 * cell_h;
        let cx = x + cell_w * (col as f64 + 0.5);
        medallion(svg, card, badge, cx, cy, r, font, cell_w - 12.0);
    }
    top + cell_h * shown.div_ceil(columns) as f64
}

/// 1080×1080 and 1080×1920: one column, vertically centred.
fn stacked(svg: &mut Svg, card: &Card, w: f64, h: f64, s: f64) {
    let words = card.locale.words();
    svg.circle(w - 60.0, 70.0, 300.0 * s, role(Role::Accent), 0.07);
    svg.circle(30.0, h - 70.0, 220.0 * s, role(Role::Base), 0.05);
    let (x, cw) = (80.0, w - 160.0);
    let mark = svg.mark();
    let mut y = 0.0;
    if brand(svg, card, x, y + 28.0 * s, 28.0 * s, cw) {
        y += 60.0 * s;
    }
    y += 50.0 * s;
    match &card.display_name {
        Some(name) => {
            svg.text(
                x,
                y,
                bold(52.0 * s),
                Align::Start,
                role(Role::Text),
                &fit(name, cw, 52.0 * s, true).0,
            );
            y += 40.0 * s;
            svg.text(
                x,
                y,
                regular(28.0 * s),
                Align::Start,
                role(Role::Muted),
                words.subtitle,
            );
        }
        None => svg.text(
            x,
            y,
            bold(52.0 * s),
            Align::Start,
            role(Role::Text),
            &fit(words.my_impact, cw, 52.0 * s, true).0,
        ),
    }
    let number = headline(card);
    let size = if width(&number, 150.0 * s, true) > cw {
        100.0 * s
    } else {
        150.0 * s
    };
    y += 24.0 * s + size * 0.95;
    svg.text(x, y, bold(size), Align::Start, role(Role::Base), &number);
    y += 50.0 * s;
    let mut label = unit_label(card);
    if let Some(orders) = orders_label(card) {
        label = format!("{label} · {orders}");
    }
    svg.text(
        x,
        y,
        regular(32.0 * s),
        Align::Start,
        role(Role::Muted),
        &fit(&label, cw, 32.0 * s, false).0,
    );
    if let Some([(trees, trees_label), (km, km_label)]) = equivalents(card) {
        let cy = y + 80.0 * s;
        let half = cw / 2.0;
        equivalent(
            svg,
            x,
            cy,
            half - 16.0,
            s * 1.15,
            Icon::Tree,
            &trees,
            trees_label,
        );
        equivalent(
            svg,
            x + half + 8.0,
            cy,
            half - 16.0,
            s * 1.15,
            Icon::Car,
            &km,
            km_label,
        );
        y = cy + 50.0 * s;
    }
    if card.milestone.is_some() {
        y = progress(svg, card, x, y + 70.0 * s, cw, s * 1.25);
    }
    // Ranking and streak pills: side by side on squares, stacked on stories.
    let streak = streak_label(card);
    let side_by_side = s <= 1.2 && card.ranking.is_some() && streak.is_some();
    let pill_h = 88.0 * s;
    if let Some(ranking) = &card.ranking {
        y += 36.0 * s;
        let rank_w = if side_by_side { cw - 320.0 } else { cw };
        svg.rect(x, y, rank_w, pill_h, 24.0 * s, role(Role::Surface), 1.0);
        svg.icon(
            Icon::Trophy,
            x + 48.0 * s,
            y + pill_h / 2.0,
            44.0 * s,
            role(Role::Accent),
        );
        let lines = wrap(ranking, rank_w - 108.0 * s, 26.0 * s, true, 2);
        let top = y + pill_h / 2.0 + 9.0 * s - (lines.len() as f64 - 1.0) * 16.0 * s;
        for (i, line) in lines.iter().enumerate() {
            svg.text(
                x + 88.0 * s,
                top + i as f64 * 32.0 * s,
                bold(26.0 * s),
                Align::Start,
                role(Role::Text),
                line,
            );
        }
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
        svg.rect(sx, y, sw, pill_h, 24.0 * s, role(Role::Surface), 1.0);
        svg.icon(
            Icon::Flame,
            sx + 48.0 * s,
            y + pill_h / 2.0,
            44.0 * s,
            role(Role::Flame),
        );
        let nw = width(n, 34.0 * s, true) + 10.0 * s;
        if side_by_side {
            svg.text(
                sx + 84.0 * s,
                y + pill_h / 2.0 - 4.0 * s,
                bold(34.0 * s),
                Align::Start,
                role(Role::Text),
                n,
            );
            svg.text(
                sx + 84.0 * s,
                y + pill_h / 2.0 + 24.0 * s,
                regular(20.0 * s),
                Align::Start,
                role(Role::Muted),
                &fit(label, sw - 100.0 * s, 20.0 * s, false).0,
            );
        } else {
            svg.text(
                x + 88.0 * s,
                y + pill_h / 2.0 + 12.0 * s,
                bold(34.0 * s),
                Align::Start,
                role(Role::Text),
                n,
            );
            svg.text(
                x + 88.0 * s + nw,
                y + pill_h / 2.0 + 10.0 * s,
                regular(26.0 * s),
                Align::Start,
                role(Role::Muted),
                &fit(label, sw - 120.0 * s - nw, 26.0 * s, false).0,
            );
        }
        y += pill_h;
    }
    // Badges fill what is left above the bottom margin.
    let limit = h - 12.0 - 2.0 * 56.0;
    y = badge_grid(svg, card, x, y + 56.0 * s, cw, 4, 46.0 * s, 18.0 * s, limit);
    // Centre the block between the top and the bottom strip.
    let free = h - 12.0 - y;
    svg.wrap_from(mark, (free / 2.0).max(56.0));
}

/// 400×400: one badge, large.
fn one_badge(svg: &mut Svg, card: &Card) {
    let words = card.locale.words();
    let Some(badge) = shown_badge(card) else {
        return;
    };
    svg.circle(200.0, 172.0, 150.0, role(Role::Accent), 0.08);
    svg.text(
        200.0,
        52.0,
        bold(20.0),
        Align::Middle,
        role(Role::Accent),
        words.badge_earned,
    );
    let (fill, ink) = match &badge.tier {
        Some(Tier::Known(i)) => (
            Paint::Fixed(TIER_COLORS.get(*i).copied().unwrap_or(WHITE)),
            Paint::Fixed(WHITE),
        ),
        _ => (role(Role::Accent), role(Role::OnAccent)),
    };
    svg.circle(200.0, 172.0, 92.0, fill, 1.0);
    svg.circle(200.0, 172.0, 76.0, Paint::Fixed(WHITE), MEDAL_HIGHLIGHT);
    svg.icon(badge.icon, 200.0, 172.0, 96.0, ink);
    svg.text(
        200.0,
        306.0,
        bold(28.0),
        Align::Middle,
        role(Role::Text),
        &fit(&badge.name, 350.0, 28.0, true).0,
    );
    let mut line = Vec::new();
    line.extend(tier_label(card, &badge.tier));
    if let Some((y, m, d)) = badge.earned {
        line.push(card.locale.date(y, m, d));
    }
    svg.text(
        200.0,
        338.0,
        regular(18.0),
        Align::Middle,
        role(Role::Muted),
        &fit(&line.join(" · "), 350.0, 18.0, false).0,
    );
    if let Some(name) = &card.brand_name {
        let paint = card.brand_color.map_or(role(Role::Muted), Paint::Fixed);
        svg.text(
            200.0,
            372.0,
            bold(15.0),
            Align::Middle,
            paint,
            &fit(name, 300.0, 15.0, true).0,
        );
    }
}
