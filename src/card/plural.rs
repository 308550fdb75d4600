//! CLDR plural categories (cardinal) for the card languages, computed from the
//! number exactly as displayed: "1" is `one` in English, "1.5" and "0" are
//! `other`; French counts 0 and 1 (and 1.5) as `one`; Arabic has all six.
//!
//! Rules from CLDR's `plurals.xml` (operands: `n` the absolute value, `i` its
//! integer digits, `v` the number of visible fraction digits).

use super::locale::Lang;

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
pub type Forms = &'static [&'static str];

/// The category of a displayed number: its integer digits and its visible
/// fraction digits (trailing zeros already dropped, as the cards show them).
///
/// ```
/// use impactkit::card::{locale::Lang, plural::{category, Category::*}};
/// assert_eq!([category(Lang::En, "1", ""), category(Lang::En, "1", "5"), category(Lang::En, "0", "")], [One, Other, Other]);
/// assert_eq!([category(Lang::Fr, "0", ""), category(Lang::Fr, "1", "5"), category(Lang::Fr, "2", "")], [One, One, Other]);
/// assert_eq!(category(Lang::Es, "1000000", ""), Many);
/// let ar: Vec<_> = ["0", "1", "2", "3", "10", "11", "99", "100", "102", "103", "111"].iter().map(|i| category(Lang::Ar, i, "")).collect();
/// assert_eq!(ar, [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many]);
/// assert_eq!((category(Lang::Ar, "3", "5"), category(Lang::Ja, "1", "")), (Other, Other));
/// ```
pub fn category(lang: Lang, int: &str, frac: &str) -> Category {
    let int = int.trim_start_matches('0');
    let whole = frac.trim_end_matches('0').is_empty();
    // i % 100 and i % 1_000_000 from the last digits (i may exceed u64 in principle).
    let last = |k: usize| -> u64 {
        let tail = int.get(int.len().saturating_sub(k)..).unwrap_or("");
        tail.parse().unwrap_or(0)
    };
    let i_is = |x: u64| int.len() <= 2 && last(2) == x;
    let v0 = frac.is_empty();
    let millions = !int.is_empty() && v0 && last(6) == 0;
    match lang {
        Lang::En | Lang::De if i_is(1) && v0 => Category::One,
        Lang::Es if i_is(1) && whole => Category::One,
        Lang::Fr if int.is_empty() || i_is(1) => Category::One,
        Lang::Es | Lang::Fr if millions => Category::Many,
        Lang::Ar if whole => match (int.is_empty(), i_is(1), i_is(2), last(2)) {
            (true, _, _, _) => Category::Zero,
            (_, true, _, _) => Category::One,
            (_, _, true, _) => Category::Two,
            (_, _, _, 3..=10) => Category::Few,
            (_, _, _, 11..=99) => Category::Many,
            _ => Category::Other,
        },
        _ => Category::Other,
    }
}

/// The category of `x` shown with at most `decimals` fraction digits.
///
/// ```
/// use impactkit::card::{locale::Lang, plural::{category_of, Category}};
/// assert_eq!(category_of(Lang::En, 0.96, 1), Category::One); // shown as "1"
/// assert_eq!(category_of(Lang::En, 1.06, 1), Category::Other); // shown as "1.1"
/// ```
pub fn category_of(lang: Lang, x: f64, decimals: usize) -> Category {
    let (_, int, frac) = super::fixed::split(x, decimals);
    category(lang, &int, &frac)
}

/// The form of `forms` for `category`.
///
/// ```
/// use impactkit::card::plural::{pick, Category};
/// assert_eq!(pick(&["tree", "trees"], Category::One), "tree");
/// assert_eq!(pick(&["tree", "trees"], Category::Many), "trees");
/// assert_eq!(pick(&["+{n} more"], Category::Other), "+{n} more");
/// ```
pub fn pick(forms: &[&'static str], category: Category) -> &'static str {
    let index = match category {
        Category::One => 0,
        Category::Other => 1,
        Category::Many => 2,
        Category::Zero => 3,
        Category::Two => 4,
        Category::Few => 5,
    };
    let form = forms.get(index).or_else(|| forms.get(1)).or(forms.first());
    form.copied().unwrap_or_default()
}
