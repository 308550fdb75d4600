//! What the cards say: figures, labels, and the `<title>` / `<desc>` text.

use super::{KG_PER_KM, KG_PER_TREE_YEAR};
use crate::card::{Badge, Card, Size, Tier};

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
fn approx(card: &Card, x: f64, forms: crate::locale::plural::Forms) -> (String, &'static str) {
    let decimals = if x < 10.0 { 1 } else { 0 };
    let rounds_to_zero =
        crate::numbers::fixed::split(x, decimals) == (false, "0".into(), String::new());
    let (prefix, shown) = if rounds_to_zero {
        ("<", 0.1)
    } else {
        ("≈", x)
    };
    (
        [prefix, " ", &card.locale.number(shown, decimals)].concat(),
        card.locale.form(forms, shown, decimals),
    )
}

/// [trees, km] equivalents (figure, label), when there is something to compare.
pub(super) fn equivalents(card: &Card) -> Option<[(String, &'static str); 2]> {
    let kg = kilograms(card).filter(|kg| *kg > 0.0)?;
    let words = card.locale.words();
    Some([
        approx(card, kg / KG_PER_TREE_YEAR, words.trees),
        approx(card, kg / KG_PER_KM, crate::locale::plural::Forms(words.km)),
    ])
}

pub(super) fn headline(card: &Card) -> String {
    card.locale
        .number(card.co2, if card.co2 < 1000.0 { 1 } else { 0 })
}

pub(super) fn unit_label(card: &Card) -> String {
    let unit = if card.locale.rtl() && card.unit == "kg" {
        "كغ"
    } else {
        card.unit.as_str()
    };
    crate::card::locale::fill(card.locale.words().co2_saved, unit)
}

pub(super) fn orders_label(card: &Card) -> Option<String> {
    let n = card.orders?;
    Some(card.locale.counted(card.locale.words().orders, n, 0))
}

pub(super) fn streak_label(card: &Card) -> Option<(String, String)> {
    let streak = card.streak?;
    let words = card.locale.words();
    let n = streak.current as f64;
    let label = match streak
        .period
        .and_then(|p| words.streak_periods.get(p).copied())
    {
        Some(forms) => card.locale.form(forms, n, 0),
        None => words.streak,
    };
    Some((card.locale.number(n, 0), label.to_owned()))
}

pub(super) fn tier_label(card: &Card, tier: &Option<Tier>) -> Option<String> {
    match tier {
        Some(Tier::Known(i)) => card.locale.words().tiers.get(*i).map(|s| (*s).to_owned()),
        Some(Tier::Other(name)) => Some(name.clone()),
        None => None,
    }
}

pub(super) fn title(card: &Card) -> String {
    let words = card.locale.words();
    if card.size == Size::Badge {
        if let Some(b) = shown_badge(card) {
            return [words.badge_earned, ": ", &b.name].concat();
        }
    }
    match &card.display_name {
        Some(name) => [name, " — ", words.subtitle].concat(),
        None => words.my_impact.to_owned(),
    }
}

/// "Tree Saver (Gold) · Earned on 3/15/2025": what the 400×400 card shows.
fn badge_desc(card: &Card, badge: &Badge) -> String {
    let words = card.locale.words();
    let mut line = Parts::new(" · ");
    badge_name(card, badge, &mut line);
    if let Some((y, m, d)) = badge.earned {
        let date = card.locale.date(y, m, d);
        line.add(&[&crate::card::locale::fill(words.earned_on, &date)]);
    }
    line.text
}

/// Text parts joined with a separator as they come (no `Vec` of them to join: less wasm).
pub(super) struct Parts {
    /// The text so far.
    pub(super) text: String,
    separator: &'static str,
    empty: bool,
}

impl Parts {
    pub(super) fn new(separator: &'static str) -> Parts {
        Parts {
            text: String::new(),
            separator,
            empty: true,
        }
    }

    /// Appends one part: the separator (but before the first), then `pieces`.
    pub(super) fn add(&mut self, pieces: &[&str]) {
        if !self.empty {
            self.text.push_str(self.separator);
        }
        self.empty = false;
        for piece in pieces {
            self.text.push_str(piece);
        }
    }
}

/// "Tree Saver (Gold)": a badge's name and tier as one part of `parts`.
fn badge_name(card: &Card, badge: &Badge, parts: &mut Parts) {
    match tier_label(card, &badge.tier) {
        Some(t) => parts.add(&[&badge.name, " (", &t, ")"]),
        None => parts.add(&[&badge.name]),
    }
}

pub(super) fn desc(card: &Card) -> String {
    if let (Size::Badge, Some(badge)) = (card.size, shown_badge(card)) {
        return badge_desc(card, badge);
    }
    let words = card.locale.words();
    let mut line = Parts::new(" · ");
    line.add(&[&headline(card), " ", &unit_label(card)]);
    if let Some(orders) = orders_label(card) {
        line.add(&[&orders]);
    }
    for (figure, label) in equivalents(card).into_iter().flatten() {
        line.add(&[&figure, " ", label]);
    }
    if let Some(m) = &card.milestone {
        line.add(&[&m.name, ": ", &card.locale.percent(m.percentage)]);
    }
    if let Some(ranking) = &card.ranking {
        line.add(&[ranking]);
    }
    if let Some((n, label)) = streak_label(card) {
        line.add(&[&n, " ", &label]);
    }
    if !card.badges.is_empty() {
        let mut names = Parts::new(", ");
        for badge in &card.badges {
            badge_name(card, badge, &mut names);
        }
        line.add(&[words.badges, ": ", &names.text]);
    }
    line.text
}

pub(super) fn shown_badge(card: &Card) -> Option<&Badge> {
    match card.badge_index {
        Some(i) => card.badges.get(i),
        None => card.badges.last(),
    }
}

/// "kg CO₂ saved · 15 orders": the unit label, and the order count when there is one.
pub(super) fn figure_label(card: &Card) -> String {
    let mut label = unit_label(card);
    if let Some(orders) = orders_label(card) {
        label = [&label, " · ", &orders].concat();
    }
    label
}
