//! The streak's one-sentence widget message in the request's `locale`: the live
//! streak ("5-day streak"), what keeps it when the current period is not done
//! ("Keep your 5-day streak: log by 23:59", from `atRiskAt` in local time), a
//! repairable break ("Streak broken — repair by 3/15/2025", its last local day),
//! a broken streak ("0-day streak — start a new one today") or none yet.

use super::{Period, Streak, StreakRequest, StreakState};
use crate::locale::packed::Unpacker;
use crate::locale::plural::{category, Forms};
use crate::locale::{fill_all, Lang, Locale};
use crate::time::civil::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use crate::time::{self, Zone};

/// A language's streak words: `{n}` a count, `{streak}` a `span`, `{when}` a time, date or
/// `when` word, `{date}` a date.
#[derive(Clone, Copy)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Words {
    /// The streak's length, per period (day, week, month), per plural category.
    span: [Forms; 3],
    /// Pending, deadline today: `{when}` is the last minute (`23:59`).
    keep_time: &'static str,
    /// Pending, deadline on a later day: `{when}` is that day's date.
    keep_date: &'static str,
    /// A repairable break: `{date}` is the last day a repair is accepted.
    repair: &'static str,
    /// Broken, not repairable: `{streak}` is the 0-period span.
    broken: &'static str,
    /// No activity yet.
    none: &'static str,
    /// "today", "this week", "this month".
    when: [&'static str; 3],
}

const EN: Words = Words {
    span: [
        crate::forms!["{n}-day streak"],
        crate::forms!["{n}-week streak"],
        crate::forms!["{n}-month streak"],
    ],
    keep_time: "Keep your {streak}: log by {when}",
    keep_date: "Keep your {streak}: log by {when}",
    repair: "Streak broken — repair by {date}",
    broken: "{streak} — start a new one {when}",
    none: "Start a streak {when}",
    when: ["today", "this week", "this month"],
};
const DE: Words = Words {
    span: [
        crate::forms!["{n}-Tages-Serie", "{n}-Tage-Serie"],
        crate::forms!["{n}-Wochen-Serie"],
        crate::forms!["{n}-Monats-Serie", "{n}-Monate-Serie"],
    ],
    keep_time: "Halte deine {streak}: mach bis {when} weiter",
    keep_date: "Halte deine {streak}: mach bis {when} weiter",
    repair: "Serie unterbrochen – reparieren bis {date}",
    broken: "{streak} – starte {when} eine neue",
    none: "Starte {when} eine Serie",
    when: ["heute", "diese Woche", "diesen Monat"],
};
const FR: Words = Words {
    span: [
        crate::forms![
            "Série de {n} jour",
            "Série de {n} jours",
            "Série de {n} de jours",
        ],
        crate::forms![
            "Série de {n} semaine",
            "Série de {n} semaines",
            "Série de {n} de semaines",
        ],
        crate::forms![
            "Série de {n} mois",
            "Série de {n} mois",
            "Série de {n} de mois",
        ],
    ],
    keep_time: "{streak} en jeu\u{A0}: agissez jusqu’à {when}",
    keep_date: "{streak} en jeu\u{A0}: agissez jusqu’au {when}",
    repair: "Série interrompue — réparable jusqu’au {date}",
    broken: "{streak} — recommencez {when}",
    none: "Commencez une série {when}",
    when: ["aujourd’hui", "cette semaine", "ce mois-ci"],
};
const ES: Words = Words {
    span: [
        crate::forms![
            "Racha de {n} día",
            "Racha de {n} días",
            "Racha de {n} de días",
        ],
        crate::forms![
            "Racha de {n} semana",
            "Racha de {n} semanas",
            "Racha de {n} de semanas",
        ],
        crate::forms![
            "Racha de {n} mes",
            "Racha de {n} meses",
            "Racha de {n} de meses",
        ],
    ],
    keep_time: "{streak} en juego: registra actividad hasta las {when}",
    keep_date: "{streak} en juego: registra actividad hasta el {when}",
    repair: "Racha rota: puedes repararla hasta el {date}",
    broken: "{streak}: empieza otra {when}",
    none: "Empieza una racha {when}",
    when: ["hoy", "esta semana", "este mes"],
};
// Arabic forms: one, other, many (11–99), zero, two, few (3–10).
const AR: Words = Words {
    span: [
        crate::forms![
            "سلسلة يوم واحد",
            "سلسلة {n} يوم",
            "سلسلة {n} يومًا",
            "سلسلة {n} يوم",
            "سلسلة يومين",
            "سلسلة {n} أيام",
        ],
        crate::forms![
            "سلسلة أسبوع واحد",
            "سلسلة {n} أسبوع",
            "سلسلة {n} أسبوعًا",
            "سلسلة {n} أسبوع",
            "سلسلة أسبوعين",
            "سلسلة {n} أسابيع",
        ],
        crate::forms![
            "سلسلة شهر واحد",
            "سلسلة {n} شهر",
            "سلسلة {n} شهرًا",
            "سلسلة {n} شهر",
            "سلسلة شهرين",
            "سلسلة {n} أشهر",
        ],
    ],
    keep_time: "حافظ على {streak}: سجّل نشاطًا حتى {when}",
    keep_date: "حافظ على {streak}: سجّل نشاطًا حتى {when}",
    repair: "انقطعت السلسلة — يمكنك إصلاحها حتى {date}",
    broken: "{streak} — ابدأ سلسلة جديدة {when}",
    none: "ابدأ سلسلة {when}",
    when: ["اليوم", "هذا الأسبوع", "هذا الشهر"],
};
const JA: Words = Words {
    span: [
        crate::forms!["{n}日連続"],
        crate::forms!["{n}週連続"],
        crate::forms!["{n}か月連続"],
    ],
    keep_time: "{streak}をキープ：{when}までに記録しよう",
    keep_date: "{streak}をキープ：{when}までに記録しよう",
    repair: "連続記録が途切れました — {date}まで修復できます",
    broken: "{streak} — {when}から新しく始めよう",
    none: "{when}から連続記録を始めよう",
    when: ["今日", "今週", "今月"],
};

/// How many texts a [`Words`] holds.
const TEXTS: usize = 11;

/// The texts of `w`, in [`unpack`]'s order (packed at compile time, [`crate::locale::packed`]).
const fn texts(w: &Words) -> [&'static str; TEXTS] {
    let [day, week, month] = w.span;
    let [today, this_week, this_month] = w.when;
    [
        day.0,
        week.0,
        month.0,
        w.keep_time,
        w.keep_date,
        w.repair,
        w.broken,
        w.none,
        today,
        this_week,
        this_month,
    ]
}

/// The [`Words`] whose [`texts`] `t` reads.
fn unpack(t: &mut Unpacker) -> Words {
    Words {
        span: t.next_forms_list(),
        keep_time: t.next_text(),
        keep_date: t.next_text(),
        repair: t.next_text(),
        broken: t.next_text(),
        none: t.next_text(),
        when: t.next_texts(),
    }
}

/// Every language's table, packed: one run of bytes each, not a (pointer, length) pair per text.
const PACKED: [&str; 6] = crate::packed_tables!(texts, TEXTS, [EN, DE, FR, ES, AR, JA]);

fn words(lang: Lang) -> Words {
    unpack(&mut Unpacker::new(lang.pick(PACKED)))
}

/// A local date as the locale writes it.
fn local_date(locale: Locale, date: NaiveDate) -> String {
    locale.date(date.year(), date.month(), date.day())
}

/// The message for `streak` (computed at `now` in `zone` over `period`s).
///
/// ```
/// use impactkit::json::{Json, Node};
/// let v = serde_json::json!({"activity": [{"date": "2025-03-14"}], "period": "day",
///     "now": "2025-03-15T08:00:00", "timezone": "Europe/Berlin", "locale": "de"});
/// let s = impactkit::streaks::streak(&Json::root(&Node::from(&v)), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(s.message.as_deref(), Some("Halte deine 1-Tages-Serie: mach bis 23:59 weiter"));
/// ```
pub fn streak_message(
    locale: Locale,
    streak: &Streak,
    period: Period,
    now: DateTime<Utc>,
    zone: &Zone,
) -> String {
    let w = words(locale.lang);
    let ([day, week, month], [today, this_week, this_month]) = (w.span, w.when);
    let (forms, when) = match period {
        Period::Day => (day, today),
        Period::Week => (week, this_week),
        Period::Month => (month, this_month),
    };
    let span = |n: u32| {
        let form = crate::locale::plural::pick(forms, category(locale.lang, n.into(), false));
        fill_all(form, &[("n", &locale.number(n.into(), 0))])
    };
    if let Some(r) = &streak.repairable {
        return fill_all(w.repair, &[("date", &locale.iso_date(&r.last_date))]);
    }
    match streak.state {
        StreakState::Active => span(streak.current),
        StreakState::Pending => {
            let last = (streak.at_risk_at.as_deref())
                .and_then(|t| time::parse_instant_str(t, zone))
                .map(|t| zone.local(t - Duration::minutes(1)));
            let (template, when) = match last {
                Some(t) if t.date() == zone.date_of(now) => {
                    (w.keep_time, locale.time(t.hour(), t.minute()))
                }
                Some(t) => (w.keep_date, local_date(locale, t.date())),
                None => (w.keep_date, String::new()),
            };
            fill_all(
                template,
                &[("streak", &span(streak.current)), ("when", &when)],
            )
        }
        StreakState::Broken => fill_all(w.broken, &[("streak", &span(0)), ("when", when)]),
        StreakState::None => fill_all(w.none, &[("when", when)]),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[test]
fn every_table_round_trips() {
    crate::locale::packed::assert_round_trips([&EN, &DE, &FR, &ES, &AR, &JA], PACKED, unpack);
}

impl StreakRequest {
    /// Computes the streak (earned freezes, repairs) and, when `locale` was given, its message.
    pub fn evaluate(&mut self) -> Streak {
        let mut streak = self.evaluate_repairs();
        if let Some(request) = &self.locale {
            let period = self.calendar.period;
            let text = streak_message(request.locale, &streak, period, self.now, &self.zone);
            streak.message = Some(text);
            streak.locale = Some(request.clone());
        }
        streak
    }
}
