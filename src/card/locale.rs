//! The card's few words in each language (see [`crate::locale`] for the
//! languages, number and date formats and plural rules).

use crate::locale::packed::Unpacker;
use crate::locale::plural::Forms;
pub use crate::locale::{fill, is_rtl, Lang, Locale};
use std::sync::OnceLock;

/// Words of a card in one language. `{n}` and `{p}` are placeholders.
#[derive(Debug, PartialEq)]
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
    trees: crate::forms![
        "tree absorbing CO2 for a year",
        "trees absorbing CO2 for a year",
    ],
    km: "km not driven by car",
    orders: crate::forms!["{n} order", "{n} orders"],
    top: "Top {p} of sustainable shoppers",
    rank: "Rank #{n}",
    badges: "Badges earned",
    badge_earned: "Badge earned",
    earned_on: "Earned on {n}",
    streak: "streak",
    streak_periods: [
        crate::forms!["day in a row", "days in a row"],
        crate::forms!["week in a row", "weeks in a row"],
        crate::forms!["month in a row", "months in a row"],
    ],
    tiers: ["Bronze", "Silver", "Gold", "Platinum"],
    more: crate::forms!["+{n} more"],
};
const DE: Words = Words {
    tag: "de",
    co2_saved: "{u} CO2 eingespart",
    my_impact: "Meine Nachhaltigkeitsbilanz",
    subtitle: "Nachhaltigkeitsbilanz",
    trees: crate::forms![
        "Baum, der ein Jahr lang CO2 bindet",
        "Bäume, die ein Jahr lang CO2 binden",
    ],
    km: "km nicht mit dem Auto gefahren",
    orders: crate::forms!["{n} Bestellung", "{n} Bestellungen"],
    top: "Top {p} der nachhaltigen Käufer",
    rank: "Platz {n}",
    badges: "Erreichte Abzeichen",
    badge_earned: "Abzeichen erhalten",
    earned_on: "Erhalten am {n}",
    streak: "Serie",
    streak_periods: [
        crate::forms!["Tag in Folge", "Tage in Folge"],
        crate::forms!["Woche in Folge", "Wochen in Folge"],
        crate::forms!["Monat in Folge", "Monate in Folge"],
    ],
    tiers: ["Bronze", "Silber", "Gold", "Platin"],
    more: crate::forms!["+{n} weiteres", "+{n} weitere"],
};
const FR: Words = Words {
    tag: "fr",
    co2_saved: "{u} de CO2 économisés",
    my_impact: "Mon impact durable",
    subtitle: "Impact durable",
    trees: crate::forms![
        "arbre absorbant du CO2 pendant un an",
        "arbres absorbant du CO2 pendant un an",
        "d’arbres absorbant du CO2 pendant un an",
    ],
    km: "km non parcourus en voiture",
    orders: crate::forms!["{n} commande", "{n} commandes", "{n} de commandes"],
    top: "Top {p} des acheteurs responsables",
    rank: "Rang {n}",
    badges: "Badges obtenus",
    badge_earned: "Badge obtenu",
    earned_on: "Obtenu le {n}",
    streak: "série",
    streak_periods: [
        crate::forms!["jour d’affilée", "jours d’affilée", "de jours d’affilée"],
        crate::forms![
            "semaine d’affilée",
            "semaines d’affilée",
            "de semaines d’affilée",
        ],
        crate::forms!["mois d’affilée", "mois d’affilée", "de mois d’affilée"],
    ],
    tiers: ["Bronze", "Argent", "Or", "Platine"],
    more: crate::forms!["+{n} autre", "+{n} autres"],
};
const ES: Words = Words {
    tag: "es",
    co2_saved: "{u} de CO2 ahorrados",
    my_impact: "Mi impacto sostenible",
    subtitle: "Impacto sostenible",
    trees: crate::forms![
        "árbol absorbiendo CO2 durante un año",
        "árboles absorbiendo CO2 durante un año",
        "de árboles absorbiendo CO2 durante un año",
    ],
    km: "km sin conducir",
    orders: crate::forms!["{n} pedido", "{n} pedidos", "{n} de pedidos"],
    top: "Top {p} de compradores sostenibles",
    rank: "Puesto {n}",
    badges: "Insignias conseguidas",
    badge_earned: "Insignia conseguida",
    earned_on: "Conseguida el {n}",
    streak: "racha",
    streak_periods: [
        crate::forms!["día seguido", "días seguidos", "de días seguidos"],
        crate::forms!["semana seguida", "semanas seguidas", "de semanas seguidas"],
        crate::forms!["mes seguido", "meses seguidos", "de meses seguidos"],
    ],
    tiers: ["Bronce", "Plata", "Oro", "Platino"],
    more: crate::forms!["+{n} más"],
};
const AR: Words = Words {
    tag: "ar",
    co2_saved: "{u} من CO2 تم توفيرها",
    my_impact: "أثري المستدام",
    subtitle: "الأثر المستدام",
    trees: crate::forms![
        "شجرة تمتص CO2 لمدة عام",
        "شجرة تمتص CO2 لمدة عام",
        "شجرة تمتص CO2 لمدة عام",
        "شجرة تمتص CO2 لمدة عام",
        "شجرتان تمتصان CO2 لمدة عام",
        "أشجار تمتص CO2 لمدة عام",
    ],
    km: "كم لم تُقطع بالسيارة",
    orders: crate::forms![
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
        crate::forms![
            "يوم متتالٍ",
            "يوم متتالٍ",
            "يومًا متتاليًا",
            "يوم متتالٍ",
            "يومان متتاليان",
            "أيام متتالية",
        ],
        crate::forms![
            "أسبوع متتالٍ",
            "أسبوع متتالٍ",
            "أسبوعًا متتاليًا",
            "أسبوع متتالٍ",
            "أسبوعان متتاليان",
            "أسابيع متتالية",
        ],
        crate::forms![
            "شهر متتالٍ",
            "شهر متتالٍ",
            "شهرًا متتاليًا",
            "شهر متتالٍ",
            "شهران متتاليان",
            "أشهر متتالية",
        ],
    ],
    tiers: ["برونزي", "فضي", "ذهبي", "بلاتيني"],
    more: crate::forms!["+{n} أخرى"],
};
const JA: Words = Words {
    tag: "ja",
    co2_saved: "{u}のCO2を削減",
    my_impact: "わたしのサステナビリティ実績",
    subtitle: "サステナビリティ実績",
    trees: crate::forms!["本の木が1年間に吸収するCO2"],
    km: "km分の車の走行を回避",
    orders: crate::forms!["注文{n}件"],
    top: "サステナブルな買い物客の上位{p}",
    rank: "{n}位",
    badges: "獲得バッジ",
    badge_earned: "バッジ獲得",
    earned_on: "{n}に獲得",
    streak: "連続記録",
    streak_periods: [
        crate::forms!["日連続"],
        crate::forms!["週連続"],
        crate::forms!["か月連続"],
    ],
    tiers: ["ブロンズ", "シルバー", "ゴールド", "プラチナ"],
    more: crate::forms!["ほか{n}個"],
};

/// How many texts a [`Words`] holds.
const TEXTS: usize = 21;

/// The texts of `w`, in [`unpack`]'s order (packed at compile time, [`crate::locale::packed`]:
/// one run of bytes per language, not a (pointer, length) pair per text).
const fn texts(w: &Words) -> [&'static str; TEXTS] {
    let [day, week, month] = w.streak_periods;
    let [bronze, silver, gold, platinum] = w.tiers;
    [
        w.tag,
        w.co2_saved,
        w.my_impact,
        w.subtitle,
        w.trees.0,
        w.km,
        w.orders.0,
        w.top,
        w.rank,
        w.badges,
        w.badge_earned,
        w.earned_on,
        w.streak,
        day.0,
        week.0,
        month.0,
        bronze,
        silver,
        gold,
        platinum,
        w.more.0,
    ]
}

/// The [`Words`] whose [`texts`] `t` reads.
fn unpack(t: &mut Unpacker) -> Words {
    Words {
        tag: t.next_text(),
        co2_saved: t.next_text(),
        my_impact: t.next_text(),
        subtitle: t.next_text(),
        trees: t.next_forms(),
        km: t.next_text(),
        orders: t.next_forms(),
        top: t.next_text(),
        rank: t.next_text(),
        badges: t.next_text(),
        badge_earned: t.next_text(),
        earned_on: t.next_text(),
        streak: t.next_text(),
        streak_periods: t.next_forms_list(),
        tiers: t.next_texts(),
        more: t.next_forms(),
    }
}

/// Every language's table, packed.
const PACKED: [&str; 6] = crate::packed_tables!(texts, TEXTS, [EN, DE, FR, ES, AR, JA]);

/// Each language's table, rebuilt on first use (a card asks for its words a few times).
static TABLES: [OnceLock<Words>; 6] = [const { OnceLock::new() }; 6];

// "CO2" rather than "CO₂": common fonts (Liberation Sans, Arial) lack U+2082, and
// resvg then draws the whole line in a fallback face.

impl Locale {
    /// The words of this locale.
    ///
    /// ```
    /// let de = impactkit::card::locale::Locale::from_tag("de").unwrap();
    /// assert_eq!(de.words().tiers[1], "Silber");
    /// ```
    pub fn words(self) -> &'static Words {
        let [en, de, fr, es, ar, ja] = &TABLES;
        let table = self.lang.pick([en, de, fr, es, ar, ja]);
        table.get_or_init(|| unpack(&mut Unpacker::new(self.lang.pick(PACKED))))
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
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[test]
fn every_table_round_trips() {
    crate::locale::packed::assert_round_trips([&EN, &DE, &FR, &ES, &AR, &JA], PACKED, unpack);
    for lang in [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ar, Lang::Ja] {
        let locale = Locale { lang };
        assert!(std::ptr::eq(locale.words(), locale.words()));
    }
}
