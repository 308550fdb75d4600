//! The achievement window's one-sentence widget message in the request's `locale`:
//! progress and time left while it runs ("3 of 5 — 4 days left"; the time left in
//! whole 24-hour days, then hours), "Ends 12/31/2026" without a target, "Completed",
//! "Ended …" and "Starts …": local dates of the window's start and last day (the day
//! before an end at midnight).

use super::{AchievementWindow, Status};
use crate::locale::packed::Unpacker;
use crate::locale::plural::{category, pick, Forms};
use crate::locale::{fill_all, Lang, Locale};

/// A language's window words: `{current}`, `{target}`, `{left}`, `{n}`, `{date}`.
#[derive(Clone, Copy)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Words {
    /// Progress toward the target and the time left.
    progress: &'static str,
    /// Whole days left, per plural category.
    days: Forms,
    /// Whole hours left (under a day), per plural category.
    hours: Forms,
    /// Under an hour left.
    minutes: &'static str,
    /// The target was reached.
    completed: &'static str,
    /// Running without a target: its end date.
    ends: &'static str,
    /// Over without reaching the target.
    ended: &'static str,
    /// Not started yet.
    starts: &'static str,
}

const EN: Words = Words {
    progress: "{current} of {target} — {left}",
    days: crate::forms!["{n} day left", "{n} days left"],
    hours: crate::forms!["{n} hour left", "{n} hours left"],
    minutes: "less than an hour left",
    completed: "Completed",
    ends: "Ends {date}",
    ended: "Ended {date}",
    starts: "Starts {date}",
};
const DE: Words = Words {
    progress: "{current} von {target} – {left}",
    days: crate::forms!["noch {n} Tag", "noch {n} Tage"],
    hours: crate::forms!["noch {n} Stunde", "noch {n} Stunden"],
    minutes: "noch weniger als eine Stunde",
    completed: "Abgeschlossen",
    ends: "Endet am {date}",
    ended: "Beendet am {date}",
    starts: "Beginnt am {date}",
};
const FR: Words = Words {
    progress: "{current} sur {target} — {left}",
    days: crate::forms![
        "{n} jour restant",
        "{n} jours restants",
        "{n} de jours restants",
    ],
    hours: crate::forms![
        "{n} heure restante",
        "{n} heures restantes",
        "{n} d’heures restantes",
    ],
    minutes: "moins d’une heure restante",
    completed: "Terminé",
    ends: "Se termine le {date}",
    ended: "Terminé le {date}",
    starts: "Commence le {date}",
};
const ES: Words = Words {
    progress: "{current} de {target}: {left}",
    days: crate::forms!["queda {n} día", "quedan {n} días", "quedan {n} de días"],
    hours: crate::forms!["queda {n} hora", "quedan {n} horas", "quedan {n} de horas"],
    minutes: "queda menos de una hora",
    completed: "Completado",
    ends: "Termina el {date}",
    ended: "Terminó el {date}",
    starts: "Empieza el {date}",
};
// Arabic forms: one, other, many (11–99), zero, two, few (3–10).
const AR: Words = Words {
    progress: "{current} من {target} — {left}",
    days: crate::forms![
        "يتبقى يوم واحد",
        "يتبقى {n} يوم",
        "يتبقى {n} يومًا",
        "يتبقى {n} يوم",
        "يتبقى يومان",
        "تتبقى {n} أيام",
    ],
    hours: crate::forms![
        "تتبقى ساعة واحدة",
        "تتبقى {n} ساعة",
        "تتبقى {n} ساعة",
        "تتبقى {n} ساعة",
        "تتبقى ساعتان",
        "تتبقى {n} ساعات",
    ],
    minutes: "يتبقى أقل من ساعة",
    completed: "مكتمل",
    ends: "ينتهي في {date}",
    ended: "انتهى في {date}",
    starts: "يبدأ في {date}",
};
const JA: Words = Words {
    progress: "{current}/{target} — {left}",
    days: crate::forms!["残り{n}日"],
    hours: crate::forms!["残り{n}時間"],
    minutes: "残り1時間未満",
    completed: "達成",
    ends: "{date}に終了",
    ended: "{date}に終了しました",
    starts: "{date}に開始",
};

/// How many texts a [`Words`] holds.
const TEXTS: usize = 8;

/// The texts of `w`, in [`unpack`]'s order (packed at compile time, [`crate::locale::packed`]).
const fn texts(w: &Words) -> [&'static str; TEXTS] {
    [
        w.progress,
        w.days.0,
        w.hours.0,
        w.minutes,
        w.completed,
        w.ends,
        w.ended,
        w.starts,
    ]
}

/// The [`Words`] whose [`texts`] `t` reads.
fn unpack(t: &mut Unpacker) -> Words {
    Words {
        progress: t.next_text(),
        days: t.next_forms(),
        hours: t.next_forms(),
        minutes: t.next_text(),
        completed: t.next_text(),
        ends: t.next_text(),
        ended: t.next_text(),
        starts: t.next_text(),
    }
}

/// Every language's table, packed: one run of bytes each, not a (pointer, length) pair per text.
const PACKED: [&str; 6] = crate::packed_tables!(texts, TEXTS, [EN, DE, FR, ES, AR, JA]);

fn words(lang: Lang) -> Words {
    unpack(&mut Unpacker::new(lang.pick(PACKED)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[test]
fn every_table_round_trips() {
    crate::locale::packed::assert_round_trips([&EN, &DE, &FR, &ES, &AR, &JA], PACKED, unpack);
}

/// The local date of an RFC 3339 stamp in the customer's zone, as the locale writes it.
fn date_of(locale: Locale, stamp: &str) -> String {
    locale.iso_date(stamp.get(..10).unwrap_or(stamp))
}

/// The last local day before an end stamp: its date, or the day before when it ends at midnight.
fn last_day_of(locale: Locale, stamp: &str) -> String {
    let date = stamp.get(..10).and_then(crate::time::parse_date_str);
    match (date, stamp.get(11..19)) {
        (Some(d), Some("00:00:00")) => d.pred_opt().map_or_else(
            || date_of(locale, stamp),
            |d| locale.iso_date(&crate::time::format_date(d)),
        ),
        _ => date_of(locale, stamp),
    }
}

/// The time left: whole 24-hour days, else whole hours, else under an hour.
fn time_left(locale: Locale, w: &Words, seconds: i64) -> String {
    let (forms, n) = match (seconds / 86_400, seconds / 3_600) {
        (0, 0) => return w.minutes.to_owned(),
        (0, hours) => (w.hours, hours),
        (days, _) => (w.days, days),
    };
    let form = pick(forms, category(locale.lang, n.unsigned_abs(), false));
    fill_all(form, &[("n", &locale.number(n as f64, 0))])
}

/// The message for `window`.
///
/// ```
/// use impactkit::json::{Json, Node};
/// let v = serde_json::json!({"start": "2026-12-01T00:00:00Z", "period": "1M", "now": "2026-12-27T12:00:00Z",
///     "events": [{"at": "2026-12-02T10:00:00Z", "value": 3}], "target": 5, "locale": "en-US"});
/// let w = impactkit::achievements::achievement_window(&Json::root(&Node::from(&v)), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!(w.message.as_deref(), Some("3 of 5 — 4 days left"));
/// ```
pub fn window_message(locale: Locale, window: &AchievementWindow) -> String {
    let w = words(locale.lang);
    let shown = |x: f64| locale.decimal_text(&crate::numbers::show(x));
    match (window.status, window.current, window.target) {
        (Status::NotStarted, ..) => {
            fill_all(w.starts, &[("date", &date_of(locale, &window.start))])
        }
        (Status::Completed, ..) => w.completed.to_owned(),
        (Status::Expired, ..) => fill_all(w.ended, &[("date", &last_day_of(locale, &window.end))]),
        (Status::InProgress, Some(current), Some(target)) => fill_all(
            w.progress,
            &[
                ("current", &shown(current)),
                ("target", &shown(target)),
                ("left", &time_left(locale, &w, window.ends_in_seconds)),
            ],
        ),
        (Status::InProgress, ..) => {
            fill_all(w.ends, &[("date", &last_day_of(locale, &window.end))])
        }
    }
}
