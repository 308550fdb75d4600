//! The campaigns widget's one-sentence message in the input's `locale`: what is
//! left of the campaign closest to completion (`nextUp`: "Third Order: 67% to
//! go", 100 minus its percentage, exact), else how many campaigns are achieved,
//! else that none is under way. Campaign names are shown as the backend sends them.

use super::CampaignProgress;
use crate::decimal::Decimal;
use crate::error::Result;
use crate::json::Json;
use crate::locale::plural::{category, pick, Forms};
use crate::locale::{fill_all, Lang, Locale, LocaleRequest};

/// A language's campaign words: `{name}`, `{p}` a percentage, `{n}` a count.
struct Words {
    /// What is left of `nextUp`.
    next: &'static str,
    /// Campaigns achieved (none under way), per plural category.
    achieved: Forms,
    /// Nothing achieved and nothing under way.
    none: &'static str,
}

const EN: Words = Words {
    next: "{name}: {p} to go",
    achieved: crate::forms!["{n} campaign completed", "{n} campaigns completed"],
    none: "No campaign in progress",
};
const DE: Words = Words {
    next: "{name}: noch {p}",
    achieved: crate::forms!["{n} Aktion abgeschlossen", "{n} Aktionen abgeschlossen"],
    none: "Keine Aktion läuft gerade",
};
const FR: Words = Words {
    next: "{name}\u{A0}: encore {p}",
    achieved: crate::forms![
        "{n} campagne terminée",
        "{n} campagnes terminées",
        "{n} de campagnes terminées",
    ],
    none: "Aucune campagne en cours",
};
const ES: Words = Words {
    next: "{name}: falta un {p}",
    achieved: crate::forms![
        "{n} campaña completada",
        "{n} campañas completadas",
        "{n} de campañas completadas",
    ],
    none: "Ninguna campaña en curso",
};
// Arabic forms: one, other, many (11–99), zero, two, few (3–10).
const AR: Words = Words {
    next: "{name}: تبقّى {p}",
    achieved: crate::forms![
        "أكملت حملة واحدة",
        "أكملت {n} حملة",
        "أكملت {n} حملة",
        "أكملت {n} حملة",
        "أكملت حملتين",
        "أكملت {n} حملات",
    ],
    none: "لا توجد حملة جارية",
};
const JA: Words = Words {
    next: "{name}：あと{p}",
    achieved: crate::forms!["{n}件のキャンペーンを達成"],
    none: "進行中のキャンペーンはありません",
};

fn words(lang: Lang) -> &'static Words {
    lang.pick([&EN, &DE, &FR, &ES, &AR, &JA])
}

/// The message for `progress`.
///
/// ```
/// use impactkit::{campaigns::{message::campaign_message, summarize, Campaign}, locale::Locale};
/// let c = Campaign { id: "1".into(), name: "Third Order".into(), status: Campaign::status_of(true, 33.3, 0),
///     percentage: 33.3, achieved_count: 0, current_streak: None, highest_streak: None, high_score_amount: None };
/// assert_eq!(campaign_message(Locale::EN, &summarize(vec![c])), "Third Order: 66.7% to go");
/// ```
pub fn campaign_message(locale: Locale, progress: &CampaignProgress) -> String {
    let w = words(locale.lang);
    if let Some(next) = &progress.next_up {
        let left = Decimal::from_int(100) - Decimal::from_f64(next.percentage);
        let p = locale.percent_text(&crate::numbers::units_text(left.units()));
        return fill_all(w.next, &[("name", &next.name), ("p", &p)]);
    }
    if progress.achieved == 0 {
        return w.none.to_owned();
    }
    let n = progress.achieved as u64;
    let form = pick(w.achieved, category(locale.lang, n, false));
    fill_all(form, &[("n", &locale.number(n as f64, 0))])
}

/// Adds `message` and `locale` to `progress` when `input` (an object) has `locale`.
///
/// # Errors
/// `invalid_value` at `$.locale` when it is not a BCP 47 tag.
pub fn apply(progress: &mut CampaignProgress, input: &Json) -> Result<()> {
    if input.value().is_array() {
        return Ok(());
    }
    if let Some(request) = LocaleRequest::from_json(input)? {
        progress.message = Some(campaign_message(request.locale, progress));
        progress.locale = Some(request);
    }
    Ok(())
}
