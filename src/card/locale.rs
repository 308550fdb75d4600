//! Locales: number, percent and date formats and the card's few words.
//!
//! `Intl` is not available natively, so a small table is embedded for
//! `en`, `de`, `fr`, `es`, `ar` and `ja` (separators as in CLDR; Arabic uses
//! Arabic-Indic digits). A tag such as `de-AT` uses its language; any other
//! language falls back to English.

use super::plural::{category_of, pick, Forms};
use crate::error::{ErrorCode, Result};
use crate::json::Json;

/// A supported language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Arabic (right to left).
    Ar,
    /// Japanese.
    Ja,
}

/// Words of a card in one language. `{n}` and `{p}` are placeholders.
#[derive(Debug)]
pub struct Words {
    /// BCP 47 language tag written to `xml:lang`.
    pub tag: &'static str,
    /// Under the headline number (`{u}` is the unit).
    pub co2_saved: &'static str,
    /// Title when the profile has no `displayName`.
    pub my_impact: &'static str,
    /// Subtitle under a display name.
    pub subtitle: &'static str,
    /// After the tree equivalent, per plural category.
    pub trees: Forms,
    /// After the distance equivalent.
    pub km: &'static str,
    /// Orders, per plural category.
    pub orders: Forms,
    /// Ranking sentence from a percentile.
    pub top: &'static str,
    /// Ranking from a position only.
    pub rank: &'static str,
    /// Heading above the badges.
    pub badges: &'static str,
    /// Heading of the one-badge card.
    pub badge_earned: &'static str,
    /// "Earned on {n}".
    pub earned_on: &'static str,
    /// Streak label without a period.
    pub streak: &'static str,
    /// Streak labels per day / week / month, per plural category.
    pub streak_periods: [Forms; 3],
    /// Bronze, Silver, Gold, Platinum.
    pub tiers: [&'static str; 4],
    /// More badges than shown: "+{n} more", per plural category.
    pub more: Forms,
}

const EN: Words = Words {
    tag: "en",
    co2_saved: "{u} CO2 saved",
    my_impact: "My sustainability impact",
    subtitle: "Sustainability impact",
    trees: &[
        "tree absorbing CO2 for a year",
        "trees absorbing CO2 for a year",
    ],
    km: "km not driven by car",
    orders: &["{n} order", "{n} orders"],
    top: "Top {p} of sustainable shoppers",
    rank: "Rank #{n}",
    badges: "Badges earned",
    badge_earned: "Badge earned",
    earned_on: "Earned on {n}",
    streak: "streak",
    streak_periods: [
        &["day in a row", "days in a row"],
        &["week in a row", "weeks in a row"],
        &["month in a row", "months in a row"],
    ],
    tiers: ["Bronze", "Silver", "Gold", "Platinum"],
    more: &["+{n} more"],
};
const DE: Words = Words {
    tag: "de",
    co2_saved: "{u} CO2 eingespart",
    my_impact: "Meine Nachhaltigkeitsbilanz",
    subtitle: "Nachhaltigkeitsbilanz",
    trees: &[
        "Baum, der ein Jahr lang CO2 bindet",
        "Bäume, die ein Jahr lang CO2 binden",
    ],
    km: "km nicht mit dem Auto gefahren",
    orders: &["{n} Bestellung", "{n} Bestellungen"],
    top: "Top {p} der nachhaltigen Käufer",
    rank: "Platz {n}",
    badges: "Erreichte Abzeichen",
    badge_earned: "Abzeichen erhalten",
    earned_on: "Erhalten am {n}",
    streak: "Serie",
    streak_periods: [
        &["Tag in Folge", "Tage in Folge"],
        &["Woche in Folge", "Wochen in Folge"],
        &["Monat in Folge", "Monate in Folge"],
    ],
    tiers: ["Bronze", "Silber", "Gold", "Platin"],
    more: &["+{n} weiteres", "+{n} weitere"],
};
const FR: Words = Words {
    tag: "fr",
    co2_saved: "{u} de CO2 économisés",
    my_impact: "Mon impact durable",
    subtitle: "Impact durable",
    trees: &[
        "arbre absorbant du CO2 pendant un an",
        "arbres absorbant du CO2 pendant un an",
        "d’arbres absorbant du CO2 pendant un an",
    ],
    km: "km non parcourus en voiture",
    orders: &["{n} commande", "{n} commandes", "{n} de commandes"],
    top: "Top {p} des acheteurs responsables",
    rank: "Rang {n}",
    badges: "Badges obtenus",
    badge_earned: "Badge obtenu",
    earned_on: "Obtenu le {n}",
    streak: "série",
    streak_periods: [
        &["jour d’affilée", "jours d’affilée", "de jours d’affilée"],
        &[
            "semaine d’affilée",
            "semaines d’affilée",
            "de semaines d’affilée",
        ],
        &["mois d’affilée", "mois d’affilée", "de mois d’affilée"],
    ],
    tiers: ["Bronze", "Argent", "Or", "Platine"],
    more: &["+{n} autre", "+{n} autres"],
};
const ES: Words = Words {
    tag: "es",
    co2_saved: "{u} de CO2 ahorrados",
    my_impact: "Mi impacto sostenible",
    subtitle: "Impacto sostenible",
    trees: &[
        "árbol absorbiendo CO2 durante un año",
        "árboles absorbiendo CO2 durante un año",
        "de árboles absorbiendo CO2 durante un año",
    ],
    km: "km sin conducir",
    orders: &["{n} pedido", "{n} pedidos", "{n} de pedidos"],
    top: "Top {p} de compradores sostenibles",
    rank: "Puesto {n}",
    badges: "Insignias conseguidas",
    badge_earned: "Insignia conseguida",
    earned_on: "Conseguida el {n}",
    streak: "racha",
    streak_periods: [
        &["día seguido", "días seguidos", "de días seguidos"],
        &["semana seguida", "semanas seguidas", "de semanas seguidas"],
        &["mes seguido", "meses seguidos", "de meses seguidos"],
    ],
    tiers: ["Bronce", "Plata", "Oro", "Platino"],
    more: &["+{n} más"],
};
const AR: Words = Words {
    tag: "ar",
    co2_saved: "{u} من CO2 تم توفيرها",
    my_impact: "أثري المستدام",
    subtitle: "الأثر المستدام",
    trees: &[
        "شجرة تمتص CO2 لمدة عام",
        "شجرة تمتص CO2 لمدة عام",
        "شجرة تمتص CO2 لمدة عام",
        "شجرة تمتص CO2 لمدة عام",
        "شجرتان تمتصان CO2 لمدة عام",
        "أشجار تمتص CO2 لمدة عام",
    ],
    km: "كم لم تُقطع بالسيارة",
    orders: &[
        "طلب واحد",
        "{n} طلب",
        "{n} طلبًا",
        "{n} طلب",
        "طلبان",
        "{n} طلبات",
    ],
    top: "ضمن أفضل {p} من المتسوقين المستدامين",
    rank: "المركز {n}",
    badges: "الشارات المكتسبة",
    badge_earned: "شارة جديدة",
    earned_on: "حصلت عليها في {n}",
    streak: "سلسلة",
    streak_periods: [
        &[
            "يوم متتالٍ",
            "يوم متتالٍ",
            "يومًا متتاليًا",
            "يوم متتالٍ",
            "يومان متتاليان",
            "أيام متتالية",
        ],
        &[
            "أسبوع متتالٍ",
            "أسبوع متتالٍ",
            "أسبوعًا متتاليًا",
            "أسبوع متتالٍ",
            "أسبوعان متتاليان",
            "أسابيع متتالية",
        ],
        &[
            "شهر متتالٍ",
            "شهر متتالٍ",
            "شهرًا متتاليًا",
            "شهر متتالٍ",
            "شهران متتاليان",
            "أشهر متتالية",
        ],
    ],
    tiers: ["برونزي", "فضي", "ذهبي", "بلاتيني"],
    more: &["+{n} أخرى"],
};
const JA: Words = Words {
    tag: "ja",
    co2_saved: "{u}のCO2を削減",
    my_impact: "わたしのサステナビリティ実績",
    subtitle: "サステナビリティ実績",
    trees: &["本の木が1年間に吸収するCO2"],
    km: "km分の車の走行を回避",
    orders: &["注文{n}件"],
    top: "サステナブルな買い物客の上位{p}",
    rank: "{n}位",
    badges: "獲得バッジ",
    badge_earned: "バッジ獲得",
    earned_on: "{n}に獲得",
    streak: "連続記録",
    streak_periods: [&["日連続"], &["週連続"], &["か月連続"]],
    tiers: ["ブロンズ", "シルバー", "ゴールド", "プラチナ"],
    more: &["ほか{n}個"],
};

// "CO2" rather than "CO₂": common fonts (Liberation Sans, Arial) lack U+2082, and
// resvg then draws the whole line in a fallback face.

/// A resolved locale.
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    /// The language.
    pub lang: Lang,
}

impl Locale {
    /// English.
    ///
    /// ```
    /// assert_eq!(impactkit::card::locale::Locale::EN.number(1234.5, 1), "1,234.5");
    /// ```
    pub const EN: Locale = Locale { lang: Lang::En };

    /// Resolves a BCP 47 tag by its language subtag; unknown languages are English.
    ///
    /// ```
    /// use impactkit::card::locale::{Lang, Locale};
    /// assert_eq!(Locale::from_tag("de-AT").map(|l| l.lang), Some(Lang::De));
    /// assert_eq!(Locale::from_tag("pt-BR").map(|l| l.lang), Some(Lang::En));
    /// assert!(Locale::from_tag("<script>").is_none());
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let valid = !tag.is_empty()
            && tag.len() <= 35
            && tag
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            return None;
        }
        let language = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let lang = match language.as_str() {
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "ar" => Lang::Ar,
            "ja" => Lang::Ja,
            _ => Lang::En,
        };
        Some(Locale { lang })
    }

    /// Reads the optional `locale` field (default `en`).
    ///
    /// ```
    /// use impactkit::card::locale::{Lang, Locale};
    /// let v = serde_json::json!({"locale": "ja-JP"});
    /// assert_eq!(Locale::from_json(&impactkit::json::Json::root(&impactkit::json::Node::from(&v))).unwrap().lang, Lang::Ja);
    /// ```
    pub fn from_json(input: &Json) -> Result<Locale> {
        let Some(field) = input.opt("locale")? else {
            return Ok(Locale::EN);
        };
        let tag = field.str()?;
        Locale::from_tag(tag).ok_or_else(|| {
            field.error(
                ErrorCode::InvalidValue,
                crate::error::Message::default()
                    .quoted(tag)
                    .text(" is not a BCP 47 language tag"),
            )
        })
    }

    /// The words of this locale.
    ///
    /// ```
    /// let de = impactkit::card::locale::Locale::from_tag("de").unwrap();
    /// assert_eq!(de.words().tiers[1], "Silber");
    /// ```
    pub fn words(self) -> &'static Words {
        match self.lang {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Fr => &FR,
            Lang::Es => &ES,
            Lang::Ar => &AR,
            Lang::Ja => &JA,
        }
    }

    /// The ranking sentence and the rank alone (`top`, `rank` of [`Locale::words`]), read from
    /// the constants one by one: through `words()` every word of every locale would come along
    /// into a module that only ranks (the progress module's `readLeaderboard`).
    ///
    /// ```
    /// let de = impactkit::card::locale::Locale::from_tag("de").unwrap();
    /// assert_eq!(de.ranking_words(), (de.words().top, de.words().rank));
    /// ```
    pub fn ranking_words(self) -> (&'static str, &'static str) {
        match self.lang {
            Lang::En => (EN.top, EN.rank),
            Lang::De => (DE.top, DE.rank),
            Lang::Fr => (FR.top, FR.rank),
            Lang::Es => (ES.top, ES.rank),
            Lang::Ar => (AR.top, AR.rank),
            Lang::Ja => (JA.top, JA.rank),
        }
    }

    /// Whether the layout runs right to left.
    ///
    /// ```
    /// use impactkit::card::locale::Locale;
    /// assert!(Locale::from_tag("ar-EG").unwrap().rtl() && !Locale::EN.rtl());
    /// ```
    pub fn rtl(self) -> bool {
        self.lang == Lang::Ar
    }

    /// (decimal separator, group separator, minimum digits before grouping starts).
    fn separators(self) -> (&'static str, &'static str, usize) {
        match self.lang {
            Lang::En | Lang::Ja => (".", ",", 4),
            Lang::De => (",", ".", 4),
            Lang::Fr => (",", "\u{202F}", 4),
            Lang::Es => (",", ".", 5),
            Lang::Ar => ("\u{66B}", "\u{66C}", 4),
        }
    }

    /// Formats `x` with at most `decimals` fraction digits (trailing zeros dropped).
    ///
    /// ```
    /// use impactkit::card::locale::Locale;
    /// let f = |tag: &str, x: f64| Locale::from_tag(tag).unwrap().number(x, 1);
    /// assert_eq!(f("en", 12345.25), "12,345.3");
    /// assert_eq!(f("de", 12345.25), "12.345,3");
    /// assert_eq!(f("fr", 1234.5), "1\u{202F}234,5");
    /// assert_eq!(f("es", 1234.5), "1234,5");
    /// assert_eq!(f("es", 12345.0), "12.345");
    /// assert_eq!(f("ar", 248.5), "٢٤٨٫٥");
    /// assert_eq!(f("ja", 248.5), "248.5");
    /// ```
    pub fn number(self, x: f64, decimals: usize) -> String {
        let (negative, int, frac) = super::fixed::split(x, decimals);
        let (decimal, group, min_group) = self.separators();
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        let digits = int.len();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && digits >= min_group && (digits - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push_str(decimal);
            out.push_str(&frac);
        }
        self.digits(&out)
    }

    /// A percentage such as `49.7%`, `49,7 %`, `٤٩٫٧٪`, with one decimal rounded
    /// down like every percentage impactkit computes: 99.99 shows 99.9, 100
    /// only from 100.
    ///
    /// ```
    /// use impactkit::card::locale::Locale;
    /// assert_eq!(Locale::from_tag("en").unwrap().percent(49.7), "49.7%");
    /// assert_eq!(Locale::from_tag("de").unwrap().percent(49.7), "49,7\u{A0}%");
    /// assert_eq!(Locale::from_tag("en").unwrap().percent(99.99), "99.9%");
    /// ```
    pub fn percent(self, x: f64) -> String {
        let shown = crate::decimal::percentage(x, 100.0, 1, crate::decimal::Rounding::Down);
        let n = self.number(shown, 1);
        let sign = match self.lang {
            Lang::En | Lang::Ja => "%",
            Lang::De | Lang::Es => "\u{A0}%",
            Lang::Fr => "\u{202F}%",
            Lang::Ar => "\u{66A}",
        };
        n + sign
    }

    /// A calendar date (numeric, in the locale's order).
    ///
    /// ```
    /// use impactkit::card::locale::Locale;
    /// let d = |tag: &str| Locale::from_tag(tag).unwrap().date(2025, 3, 15);
    /// assert_eq!((d("en"), d("de"), d("fr"), d("ja")), ("3/15/2025".into(), "15.3.2025".into(), "15/03/2025".into(), "2025/3/15".into()));
    /// ```
    pub fn date(self, year: i32, month: u32, day: u32) -> String {
        let (mut y, mut m, mut d) = (String::new(), String::new(), String::new());
        let width = if self.lang == Lang::Fr { 2 } else { 1 };
        crate::numbers::push_int(&mut y, year.into());
        crate::numbers::push_digits(&mut m, month.into(), width);
        crate::numbers::push_digits(&mut d, day.into(), width);
        let (first, second, third, sep) = match self.lang {
            Lang::En => (m, d, y, "/"),
            Lang::De => (d, m, y, "."),
            Lang::Fr | Lang::Es | Lang::Ar => (d, m, y, "/"),
            Lang::Ja => (y, m, d, "/"),
        };
        self.digits(&[first.as_str(), sep, &second, sep, &third].concat())
    }

    /// The form of `forms` for `x` shown with at most `decimals` fraction digits
    /// (CLDR plural rules, see [`super::plural`]).
    ///
    /// ```
    /// use impactkit::card::locale::Locale;
    /// let days = Locale::EN.words().streak_periods[0];
    /// assert_eq!((Locale::EN.form(days, 1.0, 0), Locale::EN.form(days, 0.0, 0)), ("day in a row", "days in a row"));
    /// ```
    pub fn form(self, forms: &[&'static str], x: f64, decimals: usize) -> &'static str {
        pick(forms, category_of(self.lang, x, decimals))
    }

    /// [`Locale::form`] with its `{n}` replaced by `x` as [`Locale::number`] shows it.
    ///
    /// ```
    /// use impactkit::card::locale::Locale;
    /// let ar = Locale::from_tag("ar").unwrap();
    /// assert_eq!(ar.counted(ar.words().orders, 15.0, 0), "١٥ طلبًا");
    /// assert_eq!(ar.counted(ar.words().orders, 2.0, 0), "طلبان");
    /// ```
    pub fn counted(self, forms: &[&'static str], x: f64, decimals: usize) -> String {
        fill(self.form(forms, x, decimals), &self.number(x, decimals))
    }

    /// Replaces ASCII digits with the locale's digits (Arabic-Indic for `ar`).
    fn digits(self, text: &str) -> String {
        if self.lang != Lang::Ar {
            return text.to_owned();
        }
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x660 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }
}

/// Whether `text`'s first strong character is right-to-left (Hebrew, Arabic, Syriac, Thaana, N'Ko).
///
/// ```
/// use impactkit::card::locale::is_rtl;
/// assert!(is_rtl("سارة") && is_rtl("  דנה 2") && !is_rtl("Alex سارة") && !is_rtl("🌱"));
/// ```
pub fn is_rtl(text: &str) -> bool {
    for c in text.chars() {
        match c as u32 {
            0x590..=0x8FF
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF
            | 0x10800..=0x10FFF
            | 0x1E800..=0x1EFFF => return true,
            _ if strong_ltr(c) => return false,
            _ => {}
        }
    }
    false
}

/// A letter of a left-to-right script, roughly: ASCII letters and anything from
/// U+00C0 up that is not punctuation, symbols or emoji (no Unicode tables needed).
fn strong_ltr(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c as u32 >= 0xC0
            && !matches!(c as u32, 0xD7 | 0xF7 | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE00..=0xFE0F | 0xFF00..=0xFF0F | 0x1F000..=0x1FAFF | 0xE0000..=0xE007F))
}

/// `template` with its one `{x}` placeholder replaced by `value`.
///
/// ```
/// assert_eq!(impactkit::card::locale::fill("Top {p} of shoppers", "15%"), "Top 15% of shoppers");
/// assert_eq!(impactkit::card::locale::fill("no placeholder", "x"), "no placeholder");
/// ```
pub fn fill(template: &str, value: &str) -> String {
    match (template.find('{'), template.find('}')) {
        (Some(open), Some(close)) if open < close => {
            let mut out = String::with_capacity(template.len() + value.len());
            out.push_str(&template[..open]);
            out.push_str(value);
            out.push_str(&template[close + 1..]);
            out
        }
        _ => template.to_owned(),
    }
}
