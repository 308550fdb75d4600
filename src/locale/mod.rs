//! Locales: the supported languages, number, percent and date formats, CLDR
//! plural categories, and filling message templates. Shared by every concept
//! that writes words (cards, badge hints, streak / tier / window / campaign
//! messages); each concept keeps its own wording next to its rules.
//!
//! `Intl` is not available natively, so a small table is embedded for
//! `en`, `de`, `fr`, `es`, `ar` and `ja` (separators as in CLDR; Arabic uses
//! Arabic-Indic digits). A tag such as `de-AT` uses its language; any other
//! language falls back to English.

mod message;
pub mod packed;
pub mod plural;

pub use message::{fill_all, LocaleRequest};

use crate::error::{ErrorCode, Result};
use crate::json::Json;
use plural::{category_of, pick};

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

impl Lang {
    /// The one of `tables` (in the order en, de, fr, es, ar, ja) for this language: how each
    /// concept picks its word table.
    ///
    /// ```
    /// use impactkit::locale::Lang;
    /// assert_eq!(*Lang::Fr.pick([&"en", &"de", &"fr", &"es", &"ar", &"ja"]), "fr");
    /// ```
    pub fn pick<T: ?Sized>(self, tables: [&'static T; 6]) -> &'static T {
        let [en, de, fr, es, ar, ja] = tables;
        match self {
            Lang::En => en,
            Lang::De => de,
            Lang::Fr => fr,
            Lang::Es => es,
            Lang::Ar => ar,
            Lang::Ja => ja,
        }
    }
}

/// A resolved locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// The language.
    pub lang: Lang,
}

impl Locale {
    /// English.
    ///
    /// ```
    /// assert_eq!(impactkit::locale::Locale::EN.number(1234.5, 1), "1,234.5");
    /// ```
    pub const EN: Locale = Locale { lang: Lang::En };

    /// Resolves a BCP 47 tag by its language subtag; unknown languages are English.
    ///
    /// ```
    /// use impactkit::locale::{Lang, Locale};
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
        let lang = Locale::spoken(tag).unwrap_or(Lang::En);
        Some(Locale { lang })
    }

    /// The language of `tag` when impactkit speaks it (`de-AT` → German).
    fn spoken(tag: &str) -> Option<Lang> {
        // (Bytes: `-` and `_` are ASCII, and std's split by chars is ~0.1 KB of wasm.)
        let language = tag.as_bytes().split(|&b| b == b'-' || b == b'_').next();
        // Two letters, in any case (one match on the lowercased pair, not six comparisons).
        let Some(&[a, b]) = language else {
            return None;
        };
        match [a.to_ascii_lowercase(), b.to_ascii_lowercase()] {
            [b'e', b'n'] => Some(Lang::En),
            [b'd', b'e'] => Some(Lang::De),
            [b'f', b'r'] => Some(Lang::Fr),
            [b'e', b's'] => Some(Lang::Es),
            [b'a', b'r'] => Some(Lang::Ar),
            [b'j', b'a'] => Some(Lang::Ja),
            _ => None,
        }
    }

    /// Whether impactkit writes `tag`'s language (else it falls back to English).
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// assert!(Locale::speaks("de-CH") && Locale::speaks("EN") && !Locale::speaks("pt-BR"));
    /// ```
    pub fn speaks(tag: &str) -> bool {
        Locale::spoken(tag).is_some()
    }

    /// The language's BCP 47 subtag (`"de"`).
    ///
    /// ```
    /// assert_eq!(impactkit::locale::Locale::from_tag("fr-CA").unwrap().tag(), "fr");
    /// ```
    pub fn tag(self) -> &'static str {
        match self.lang {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
            Lang::Ja => "ja",
        }
    }

    /// Reads the optional `locale` field (default `en`).
    ///
    /// ```
    /// use impactkit::locale::{Lang, Locale};
    /// let v = serde_json::json!({"locale": "ja-JP"});
    /// assert_eq!(Locale::from_json(&impactkit::json::Json::root(&impactkit::json::Node::from(&v))).unwrap().lang, Lang::Ja);
    /// ```
    pub fn from_json(input: &Json) -> Result<Locale> {
        match input.opt("locale")? {
            None => Ok(Locale::EN),
            Some(field) => Locale::of_field(&field).map(|(locale, _)| locale),
        }
    }

    /// The locale of the `locale` field `field` and its text (the tag as asked).
    pub(crate) fn of_field<'a>(field: &Json<'a>) -> Result<(Locale, &'a str)> {
        let tag = field.str()?;
        Locale::from_tag(tag)
            .map(|locale| (locale, tag))
            .ok_or_else(|| {
                field.error(
                    ErrorCode::InvalidValue,
                    crate::error::Message::default()
                        .quoted(tag)
                        .text(" is not a BCP 47 language tag"),
                )
            })
    }

    /// Whether the layout runs right to left.
    ///
    /// ```
    /// use impactkit::locale::Locale;
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
    /// use impactkit::locale::Locale;
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
        let (negative, int, frac) = crate::numbers::fixed::split(x, decimals);
        self.parts(negative, &int, &frac)
    }

    /// Localises a plain decimal text as impactkit writes numbers (`-1234.50`,
    /// `12`, `0.5`): the locale's separators and digits, every digit kept (an
    /// exact decimal is never rounded through `f64`). Text that is not a plain
    /// decimal comes back unchanged.
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// let de = Locale::from_tag("de").unwrap();
    /// assert_eq!(de.decimal_text("-1234.50"), "-1.234,50");
    /// assert_eq!(Locale::from_tag("ar").unwrap().decimal_text("12.5"), "١٢٫٥");
    /// assert_eq!(Locale::EN.decimal_text("1e5"), "1e5");
    /// ```
    pub fn decimal_text(self, text: &str) -> String {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let point = crate::text::split_once_byte(digits, b'.');
        let (int, frac) = point.unwrap_or((digits, ""));
        let plain = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !plain(int) || !plain(frac) || (point.is_some() && frac.is_empty()) {
            return text.to_owned();
        }
        self.parts(negative, int, frac)
    }

    /// Sign, grouped integer digits, decimal separator and fraction, in the locale's digits.
    fn parts(self, negative: bool, int: &str, frac: &str) -> String {
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
            out.push_str(frac);
        }
        self.digits(&out)
    }

    /// A percentage such as `49.7%`, `49,7 %`, `٤٩٫٧٪`, with one decimal rounded
    /// down like every percentage impactkit computes: 99.99 shows 99.9, 100
    /// only from 100.
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// assert_eq!(Locale::from_tag("en").unwrap().percent(49.7), "49.7%");
    /// assert_eq!(Locale::from_tag("de").unwrap().percent(49.7), "49,7\u{A0}%");
    /// assert_eq!(Locale::from_tag("en").unwrap().percent(99.99), "99.9%");
    /// ```
    pub fn percent(self, x: f64) -> String {
        let shown = crate::decimal::percentage(x, 100.0, 1, crate::decimal::Rounding::Down);
        self.number(shown, 1) + self.percent_sign()
    }

    /// A percentage from exact decimal text (see [`Locale::decimal_text`]), every digit kept.
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// assert_eq!(Locale::from_tag("fr").unwrap().percent_text("66.67"), "66,67\u{202F}%");
    /// ```
    pub fn percent_text(self, text: &str) -> String {
        self.decimal_text(text) + self.percent_sign()
    }

    /// The percent sign with the space before it, if the locale has one.
    fn percent_sign(self) -> &'static str {
        match self.lang {
            Lang::En | Lang::Ja => "%",
            Lang::De | Lang::Es => "\u{A0}%",
            Lang::Fr => "\u{202F}%",
            Lang::Ar => "\u{66A}",
        }
    }

    /// A 24-hour clock time `HH:MM` in the locale's digits.
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// assert_eq!((Locale::EN.time(23, 59), Locale::from_tag("ar").unwrap().time(9, 5)), ("23:59".into(), "٠٩:٠٥".into()));
    /// ```
    pub fn time(self, hour: u32, minute: u32) -> String {
        let mut out = String::new();
        crate::numbers::push_digits(&mut out, hour.into(), 2);
        out.push(':');
        crate::numbers::push_digits(&mut out, minute.into(), 2);
        self.digits(&out)
    }

    /// A calendar date (numeric, in the locale's order).
    ///
    /// ```
    /// use impactkit::locale::Locale;
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

    /// A `YYYY-MM-DD` date text as [`Locale::date`] writes it (unchanged when it is not one).
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// assert_eq!(Locale::from_tag("de").unwrap().iso_date("2026-12-31"), "31.12.2026");
    /// assert_eq!(Locale::EN.iso_date("soon"), "soon");
    /// ```
    pub fn iso_date(self, text: &str) -> String {
        use crate::time::civil::Datelike;
        match crate::time::parse_date_str(text) {
            Some(d) => self.date(d.year(), d.month(), d.day()),
            None => text.to_owned(),
        }
    }

    /// The form of `forms` for `x` shown with at most `decimals` fraction digits
    /// (CLDR plural rules, see [`plural`]).
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// let days = Locale::EN.words().streak_periods[0];
    /// assert_eq!((Locale::EN.form(days, 1.0, 0), Locale::EN.form(days, 0.0, 0)), ("day in a row", "days in a row"));
    /// ```
    pub fn form(self, forms: plural::Forms, x: f64, decimals: usize) -> &'static str {
        pick(forms, category_of(self.lang, x, decimals))
    }

    /// [`Locale::form`] with its `{n}` replaced by `x` as [`Locale::number`] shows it.
    ///
    /// ```
    /// use impactkit::locale::Locale;
    /// let ar = Locale::from_tag("ar").unwrap();
    /// assert_eq!(ar.counted(ar.words().orders, 15.0, 0), "١٥ طلبًا");
    /// assert_eq!(ar.counted(ar.words().orders, 2.0, 0), "طلبان");
    /// ```
    pub fn counted(self, forms: plural::Forms, x: f64, decimals: usize) -> String {
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
/// use impactkit::locale::is_rtl;
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
/// assert_eq!(impactkit::locale::fill("Top {p} of shoppers", "15%"), "Top 15% of shoppers");
/// assert_eq!(impactkit::locale::fill("no placeholder", "x"), "no placeholder");
/// ```
pub fn fill(template: &str, value: &str) -> String {
    // (Bytes, not chars: the braces are ASCII, and std's char search is ~0.2 KB of wasm.)
    let at = |brace: u8| template.bytes().position(|b| b == brace);
    match (at(b'{'), at(b'}')) {
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
