//! CLDR plural categories (cardinal) for the card languages, computed from the
//! number exactly as displayed: "1" is `one` in English, "1.5" and "0" are
//! `other`; French counts 0 and 1 (and 1.5) as `one`; Arabic has all six.
//!
//! Rules from CLDR's `plurals.xml` (operands: `n` the absolute value, `i` its
//! integer part, `v` the number of visible fraction digits).

use super::Lang;

/// A plural category; also the index into a [`Forms`] table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Arabic 0.
    Zero,
    /// 1 (French: 0 ≤ n < 2).
    One,
    /// Arabic 2.
    Two,
    /// Arabic 3–10, 103–110, …
    Few,
    /// Arabic 11–99, …; French and Spanish whole millions.
    Many,
    /// Everything else.
    Other,
}

/// A word per category, in the order one, other, many, zero, two, few; missing
/// categories use `other` (or the only form given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forms(pub &'static str);

/// What separates the forms of a [`Forms`] text (U+001E, never in a message).
pub const FORM_SEPARATOR: char = '\u{1e}';

/// A [`Forms`] text from its forms in category order (one, other, many, zero, two, few):
/// `forms!["{n} tree", "{n} trees"]`. One text per table, not one (pointer, length) pair per
/// form: in the wasm those pairs are bytes that gzip cannot shrink (docs/modules.md).
///
/// ```
/// use impactkit::locale::plural::{pick, Category};
/// assert_eq!(pick(impactkit::forms!["tree", "trees"], Category::Other), "trees");
/// ```
#[macro_export]
macro_rules! forms {
    ($first:literal $(, $form:literal)* $(,)?) => {
        $crate::locale::plural::Forms(concat!($first $(, "\u{1e}", $form)*))
    };
}

/// The category of a displayed number: its integer part `i` and whether it shows
/// fraction digits (trailing zeros are never shown on cards).
///
/// ```
/// use impactkit::locale::{Lang, plural::{category, Category::*}};
/// assert_eq!([category(Lang::En, 1, false), category(Lang::En, 1, true), category(Lang::En, 0, false)], [One, Other, Other]);
/// assert_eq!([category(Lang::Fr, 0, false), category(Lang::Fr, 1, true), category(Lang::Fr, 2, false)], [One, One, Other]);
/// assert_eq!((category(Lang::Es, 1_000_000, false), category(Lang::Es, 1, true)), (Many, Other));
/// let ar: Vec<_> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].iter().map(|&i| category(Lang::Ar, i, false)).collect();
/// assert_eq!(ar, [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many]);
/// assert_eq!((category(Lang::Ar, 3, true), category(Lang::Ja, 1, false)), (Other, Other));
/// ```
pub fn category(lang: Lang, i: u64, fraction: bool) -> Category {
    let whole = !fraction;
    match lang {
        Lang::En | Lang::De | Lang::Es if i == 1 && whole => Category::One,
        Lang::Fr if i < 2 => Category::One,
        Lang::Es | Lang::Fr if whole && i != 0 && i % 1_000_000 == 0 => Category::Many,
        Lang::Ar if whole => match (i, i % 100) {
            (0, _) => Category::Zero,
            (1, _) => Category::One,
            (2, _) => Category::Two,
            (_, 3..=10) => Category::Few,
            (_, 11..=99) => Category::Many,
            _ => Category::Other,
        },
        _ => Category::Other,
    }
}

/// The category of `x` shown with at most `decimals` fraction digits (rounded as
/// [`crate::numbers::fixed::split`] rounds).
///
/// ```
/// use impactkit::locale::{Lang, plural::{category_of, Category}};
/// assert_eq!(category_of(Lang::En, 0.96, 1), Category::One); // shown as "1"
/// assert_eq!(category_of(Lang::En, 1.06, 1), Category::Other); // shown as "1.1"
/// ```
pub fn category_of(lang: Lang, x: f64, decimals: usize) -> Category {
    let scale = 10u64.pow(decimals.min(6) as u32);
    let n = (x.abs() * scale as f64).round().min(u64::MAX as f64) as u64;
    category(lang, n / scale, n % scale != 0)
}

/// The form of `forms` for `category`.
///
/// ```
/// use impactkit::locale::plural::{pick, Category};
/// assert_eq!(pick(impactkit::forms!["tree", "trees"], Category::One), "tree");
/// assert_eq!(pick(impactkit::forms!["tree", "trees"], Category::Many), "trees");
/// assert_eq!(pick(impactkit::forms!["+{n} more"], Category::Other), "+{n} more");
/// ```
pub fn pick(forms: Forms, category: Category) -> &'static str {
    let index = match category {
        Category::One => 0,
        Category::Other => 1,
        Category::Many => 2,
        Category::Zero => 3,
        Category::Two => 4,
        Category::Few => 5,
    };
    let form = |i: usize| {
        let mut rest = Some(forms.0);
        for _ in 0..i {
            rest = rest
                .and_then(|r| crate::text::split_once_byte(r, FORM_SEPARATOR as u8))
                .map(|(_, after)| after);
        }
        rest.map(|r| crate::text::split_at_byte(r, FORM_SEPARATOR as u8).0)
    };
    form(index)
        .or_else(|| form(1))
        .or_else(|| form(0))
        .unwrap_or_default()
}

/// The category of a number shown as the plain decimal text `text` (`"1"`,
/// `"1.0"`, `"-2"`): CLDR counts visible fraction digits, so `"1.0"` is `other`
/// in English. Text that is not a plain decimal is `other`.
///
/// ```
/// use impactkit::locale::{Lang, plural::{category_of_text, Category}};
/// assert_eq!(category_of_text(Lang::En, "1"), Category::One);
/// assert_eq!(category_of_text(Lang::En, "1.0"), Category::Other);
/// assert_eq!(category_of_text(Lang::Ar, "-11"), Category::Many);
/// assert_eq!(category_of_text(Lang::Fr, "0.5"), Category::One);
/// ```
pub fn category_of_text(lang: Lang, text: &str) -> Category {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = crate::text::split_at_byte(digits, b'.');
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return Category::Other;
    }
    // Beyond u64 only the last digits matter to any rule (n % 100, n % 1_000_000).
    let tail = &int[int.len().saturating_sub(18)..];
    let i = tail.parse::<u64>().unwrap_or(0);
    category(lang, i, !frac.is_empty())
}
