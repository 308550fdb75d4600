//! The tier widget's one-sentence message in the input's `locale`: what keeps the
//! current tier while it is not secured ("Keep Gold: 50 more points by
//! 12/31/2026"), else the points to the next tier ("120 points to Gold") or the
//! top tier reached. Tier names are shown as the input gives them; numbers are
//! the result's exact decimals (never rounded through a float's digits).

use super::TierProgress;
use crate::error::Result;
use crate::json::Json;
use crate::locale::plural::{category_of_text, pick, Forms};
use crate::locale::{fill_all, Lang, Locale, LocaleRequest};

/// A language's tier words: `{n}` points, `{tier}` a tier's name, `{by}` the `by` phrase.
struct Words {
    /// Points to the next tier, per plural category.
    next: Forms,
    /// The top tier reached.
    top: &'static str,
    /// Points that keep the current tier, per plural category.
    keep: Forms,
    /// The deadline phrase inserted at `{by}`: `{date}` is the last day that counts.
    by: &'static str,
}

const EN: Words = Words {
    next: crate::forms!["{n} point to {tier}", "{n} points to {tier}"],
    top: "{tier} reached — the top tier",
    keep: crate::forms![
        "Keep {tier}: {n} more point{by}",
        "Keep {tier}: {n} more points{by}",
    ],
    by: " by {date}",
};
const DE: Words = Words {
    next: crate::forms!["Noch {n} Punkt bis {tier}", "Noch {n} Punkte bis {tier}"],
    top: "{tier} erreicht – die höchste Stufe",
    keep: crate::forms![
        "{tier} halten: noch {n} Punkt{by}",
        "{tier} halten: noch {n} Punkte{by}",
    ],
    by: " bis {date}",
};
const FR: Words = Words {
    next: crate::forms![
        "Plus que {n} point pour {tier}",
        "Plus que {n} points pour {tier}",
        "Plus que {n} de points pour {tier}",
    ],
    top: "{tier} atteint — le plus haut niveau",
    keep: crate::forms![
        "Gardez {tier}\u{A0}: encore {n} point{by}",
        "Gardez {tier}\u{A0}: encore {n} points{by}",
        "Gardez {tier}\u{A0}: encore {n} de points{by}",
    ],
    by: " d’ici le {date}",
};
const ES: Words = Words {
    next: crate::forms![
        "Te falta {n} punto para {tier}",
        "Te faltan {n} puntos para {tier}",
        "Te faltan {n} de puntos para {tier}",
    ],
    top: "{tier} alcanzado: el nivel más alto",
    keep: crate::forms![
        "Mantén {tier}: {n} punto más{by}",
        "Mantén {tier}: {n} puntos más{by}",
        "Mantén {tier}: {n} de puntos más{by}",
    ],
    by: " hasta el {date}",
};
// Arabic forms: one, other, many (11–99), zero, two, few (3–10).
const AR: Words = Words {
    next: crate::forms![
        "نقطة واحدة للوصول إلى {tier}",
        "{n} نقطة للوصول إلى {tier}",
        "{n} نقطة للوصول إلى {tier}",
        "{n} نقطة للوصول إلى {tier}",
        "نقطتان للوصول إلى {tier}",
        "{n} نقاط للوصول إلى {tier}",
    ],
    top: "وصلت إلى {tier} — أعلى مستوى",
    keep: crate::forms![
        "نقطة واحدة أخرى للحفاظ على {tier}{by}",
        "{n} نقطة أخرى للحفاظ على {tier}{by}",
        "{n} نقطة أخرى للحفاظ على {tier}{by}",
        "{n} نقطة أخرى للحفاظ على {tier}{by}",
        "نقطتان أخريان للحفاظ على {tier}{by}",
        "{n} نقاط أخرى للحفاظ على {tier}{by}",
    ],
    by: " حتى {date}",
};
const JA: Words = Words {
    next: crate::forms!["{tier}まであと{n}ポイント"],
    top: "{tier}に到達 — 最上位ランクです",
    keep: crate::forms!["{tier}をキープ：{by}あと{n}ポイント"],
    by: "{date}までに",
};

fn words(lang: Lang) -> &'static Words {
    lang.pick([&EN, &DE, &FR, &ES, &AR, &JA])
}

/// `forms` for the exact amount `x`, filled with it, `tier` and `by`.
fn counted(locale: Locale, forms: Forms, x: f64, tier: &str, by: &str) -> String {
    let text = crate::numbers::show(x);
    let form = pick(forms, category_of_text(locale.lang, &text));
    let n = locale.decimal_text(&text);
    fill_all(form, &[("n", &n), ("tier", tier), ("by", by)])
}

/// The message for `progress`.
///
/// ```
/// use impactkit::{locale::Locale, tiers::{message::tier_message, place, Tier}, decimal::Display};
/// let p = place(vec![Tier::new("Basic", 0.0), Tier::new("Gold", 190.0)], 70.5, Display::default());
/// assert_eq!(tier_message(Locale::from_tag("de").unwrap(), &p), "Noch 119,5 Punkte bis Gold");
/// ```
pub fn tier_message(locale: Locale, progress: &TierProgress) -> String {
    let w = words(locale.lang);
    if let Some(r) = (progress.retain.as_ref()).filter(|r| !r.secured && !r.ended) {
        let by = match &r.by {
            Some(date) => fill_all(w.by, &[("date", &locale.iso_date(date))]),
            None => String::new(),
        };
        return counted(locale, w.keep, r.remaining, &r.tier, &by);
    }
    match (&progress.next, &progress.current) {
        (Some(next), _) => counted(locale, w.next, progress.remaining, &next.name, ""),
        (None, Some(top)) => fill_all(w.top, &[("tier", &top.name)]),
        (None, None) => String::new(),
    }
}

/// Adds `message` and `locale` to `progress` when `input` has `locale`.
///
/// # Errors
/// `invalid_value` at `$.locale` when it is not a BCP 47 tag.
pub fn apply(progress: &mut TierProgress, input: &Json) -> Result<()> {
    if let Some(request) = LocaleRequest::from_json(input)? {
        progress.message = Some(tier_message(request.locale, progress));
        progress.locale = Some(request);
    }
    Ok(())
}
