//! Text measurement without fonts: an embedded advance-width table.
//!
//! Cards use the font stack [`FONT_STACK`], whose faces (Helvetica, Arial,
//! Liberation Sans, Nimbus Sans) share Helvetica's metrics. ASCII advances
//! come from Helvetica's AFM files in 1/1000 em; other scripts use a
//! conservative width per block (CJK and emoji are wide). Measurements are
//! rounded up and padded by 4 % so that a fallback face rarely overflows.

/// The `font-family` every card uses.
///
/// ```
/// assert!(impactkit::card::text_width::FONT_STACK.ends_with("sans-serif"));
/// ```
pub const FONT_STACK: &str =
    "'Helvetica Neue',Helvetica,Arial,'Liberation Sans','Nimbus Sans','Noto Sans',sans-serif";

// Helvetica advances for U+0020..=U+007E, regular then bold, in 1/1000 em.
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Whether `c` takes no room of its own (combining marks, joiners, selectors).
fn zero_width(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x610..=0x61A | 0x64B..=0x65F
        | 0x200B..=0x200F | 0x2060..=0x2069 | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0x1F3FB..=0x1F3FF | 0xE0000..=0xE01EF)
}

/// Advance of one character in 1/1000 em.
fn advance(c: char, bold: bool) -> u32 {
    let code = c as u32;
    if (0x20..0x7F).contains(&code) {
        let table = if bold { &BOLD } else { &REGULAR };
        return table
            .get((code - 0x20) as usize)
            .copied()
            .map_or(600, u32::from);
    }
    if zero_width(c) {
        return 0;
    }
    let base = match code {
        0xA0..=0x24F => 620,                    // Latin-1 and Latin Extended
        0x370..=0x52F => 640,                   // Greek, Cyrillic
        0x590..=0x5FF | 0xFB1D..=0xFB4F => 560, // Hebrew
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFEFF => 520, // Arabic
        0x2000..=0x206F => 560,                 // punctuation (…, –, —)
        0x2070..=0x209F => 400,                 // super/subscripts (CO₂)
        0x1100..=0x11FF
        | 0x2E80..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => 1000, // CJK, kana, Hangul, full-width
        0x2600..=0x27BF | 0x1F000..=0x1FAFF => 1250, // symbols and emoji
        _ => 1000,
    };
    if bold {
        base + base / 20
    } else {
        base
    }
}

/// Width of `s` in pixels at `size` px.
///
/// ```
/// use impactkit::card::text_width::width;
/// assert!(width("MMMM", 20.0, false) > width("iiii", 20.0, false) * 3.0);
/// assert!(width("持続可能", 20.0, false) >= 80.0);
/// ```
pub fn width(s: &str, size: f64, bold: bool) -> f64 {
    let units: u32 = s.chars().map(|c| advance(c, bold)).sum();
    (f64::from(units) * size / 1000.0 * 1.04).ceil()
}

/// Whether `c` is a mark of a Brahmic script (Indic, Thai, Lao, Myanmar, Khmer):
/// vowel signs, viramas, nuktas and the like, spacing or not. Indic blocks share one
/// layout; Sinhala and the others are listed as they are.
fn brahmic_mark(c: char) -> bool {
    let code = c as u32;
    let indic = (0x900..=0xD7F).contains(&code)
        && matches!(code & 0x7F, 0x00..=0x03 | 0x3A..=0x3C | 0x3E..=0x4D | 0x51..=0x57 | 0x62..=0x63)
        || matches!(code, 0x94E..=0x94F | 0xA70..=0xA71 | 0xA75 | 0xD81..=0xD83 | 0xDCA..=0xDDF | 0xDF2..=0xDF3);
    indic
        || matches!(code,
            0xE31 | 0xE34..=0xE3A | 0xE47..=0xE4E | 0xEB1 | 0xEB4..=0xEBC | 0xEC8..=0xECE
            | 0x102B..=0x103E | 0x1056..=0x1059 | 0x17B4..=0x17D3 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
            | 0xFE20..=0xFE2F)
}

/// A virama that forms conjuncts with the next consonant (Unicode's `InCB=Linker`:
/// Devanagari, Bengali, Gujarati, Oriya, Telugu, Malayalam).
fn linker(c: char) -> bool {
    matches!(c as u32, 0x94D | 0x9CD | 0xACD | 0xB4D | 0xC4D | 0xD4D)
}

/// Whether `c` is a consonant of the same Indic block as the virama `linker`.
fn consonant_after(linker: char, c: char) -> bool {
    let (l, c) = (linker as u32, c as u32);
    l & !0x7F == c & !0x7F && matches!(c & 0x7F, 0x15..=0x39 | 0x58..=0x5F)
}

fn regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Splits `s` into grapheme clusters: a base character with its marks, joiners and
/// selectors; emoji joined by ZWJ; regional-indicator pairs (flags); Indic conjuncts
/// (consonant, virama, consonant). A hand rule for the cases cards meet, not all of UAX #29.
fn clusters(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_zwj = false;
    let mut virama: Option<char> = None;
    let mut flags = 0usize; // regional indicators just before `c`
    for (i, c) in s.char_indices() {
        let flag = regional_indicator(c);
        let joins = zero_width(c)
            || brahmic_mark(c)
            || after_zwj
            || virama.is_some_and(|v| consonant_after(v, c))
            || (flag && flags % 2 == 1);
        if i > start && !joins {
            out.push(s.get(start..i).unwrap_or_default());
            start = i;
        }
        after_zwj = c == '\u{200D}';
        flags = if flag { flags + 1 } else { 0 };
        virama = match virama {
            _ if linker(c) => Some(c),
            Some(v) if c == '\u{200D}' || brahmic_mark(c) => Some(v),
            _ => None,
        };
    }
    if start < s.len() {
        out.push(s.get(start..).unwrap_or_default());
    }
    out
}

/// `s` shortened to fit `max` px with a trailing `…`, never cutting an emoji
/// sequence or a combining mark apart. Returns the text and whether it was cut.
///
/// ```
/// use impactkit::card::text_width::fit;
/// assert_eq!(fit("Tree Saver", 200.0, 20.0, false), ("Tree Saver".to_string(), false));
/// let (short, cut) = fit(&"Ünïcödé ".repeat(100), 200.0, 20.0, false);
/// assert!(cut && short.ends_with('…'));
/// assert!(impactkit::card::text_width::width(&short, 20.0, false) <= 200.0);
/// ```
pub fn fit(s: &str, max: f64, size: f64, bold: bool) -> (String, bool) {
    if width(s, size, bold) <= max {
        return (s.to_owned(), false);
    }
    let budget = max - width("…", size, bold);
    let mut used = 0.0;
    let mut out = String::new();
    for cluster in clusters(s) {
        let w = f64::from(cluster.chars().map(|c| advance(c, bold)).sum::<u32>()) * size / 1000.0
            * 1.04;
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(cluster);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    (out, true)
}

/// Breaks `s` into at most `lines` lines of at most `max` px, at spaces (or
/// anywhere for text without spaces, such as Japanese); the last line is
/// [`fit`] with an ellipsis if text remains.
///
/// ```
/// use impactkit::card::text_width::wrap;
/// let lines = wrap("Top 15% of sustainable shoppers", 250.0, 24.0, false, 2);
/// assert_eq!(lines, vec!["Top 15% of".to_string(), "sustainable shoppers".to_string()]);
/// // Without spaces it breaks between clusters, never inside an emoji sequence.
/// let family = "👩‍👩‍👧‍👦".repeat(6);
/// let lines = wrap(&family, 100.0, 20.0, false, 3);
/// assert!(lines.iter().all(|l| l.trim_end_matches('…').split('👩').skip(1).all(|p| p.is_empty() || p.starts_with('\u{200D}'))));
/// ```
pub fn wrap(s: &str, max: f64, size: f64, bold: bool, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() && out.len() + 1 < lines {
        if width(rest, size, bold) <= max {
            break;
        }
        // The longest prefix of whole clusters that fits, preferring a break at a space.
        let mut fits_at = 0;
        let mut space_at = None;
        let mut start = 0;
        for cluster in clusters(rest) {
            let end = start + cluster.len();
            if width(rest.get(..end).unwrap_or(rest), size, bold) > max {
                break;
            }
            fits_at = end;
            if cluster == " " {
                space_at = Some(start);
            }
            start = end;
        }
        let cut = match space_at {
            Some(i) if i > 0 => i,
            _ if fits_at > 0 => fits_at,
            _ => break,
        };
        out.push(rest.get(..cut).unwrap_or(rest).trim_end().to_owned());
        rest = rest.get(cut..).unwrap_or_default().trim_start();
    }
    if !rest.is_empty() {
        out.push(fit(rest, max, size, bold).0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{clusters, fit};

    #[test]
    fn flags_pair_up_from_the_start_of_a_run() {
        assert_eq!(clusters("A🇯🇵🇩🇪"), ["A", "🇯🇵", "🇩🇪"]);
        assert_eq!(clusters("🇯🇵🇩"), ["🇯🇵", "🇩"]);
        assert_eq!(clusters("🇯x🇵"), ["🇯", "x", "🇵"]);
    }

    #[test]
    fn indic_conjuncts_and_vowel_signs_stay_whole() {
        assert_eq!(clusters("क्षत्रिय"), ["क्ष", "त्रि", "य"]);
        assert_eq!(clusters("नमस्ते"), ["न", "म", "स्ते"]);
        assert_eq!(clusters("হিন্দি"), ["হি", "ন্দি"]); // Bengali
        assert_eq!(clusters("क् x"), ["क्", " ", "x"]); // a final virama joins nothing
        assert_eq!(clusters("ไทย"), ["ไ", "ท", "ย"]);
        assert_eq!(clusters("กี่"), ["กี่"]); // Thai vowel and tone mark
    }

    #[test]
    fn emoji_sequences_and_combining_marks_stay_whole() {
        assert_eq!(clusters("👩‍👩‍👧‍👦x"), ["👩‍👩‍👧‍👦", "x"]);
        assert_eq!(
            clusters("e\u{301}👍🏽1\u{FE0F}\u{20E3}"),
            ["e\u{301}", "👍🏽", "1\u{FE0F}\u{20E3}"]
        );
    }

    #[test]
    fn cutting_never_splits_a_cluster() {
        for (text, unit) in [("A🇯🇵", "🇯🇵"), ("क्ष", "क्ष"), ("स्ते", "स्ते")]
        {
            let long = format!("{text}{}", unit.repeat(60));
            for max in (40..400).step_by(7) {
                let (short, cut) = fit(&long, f64::from(max), 20.0, true);
                let kept = short.trim_end_matches('…');
                assert!(cut && kept.starts_with(text.trim_end_matches(unit)));
                let rest = &kept[text.len() - unit.len()..];
                assert!(
                    rest.is_empty() || rest.len() % unit.len() == 0 && rest.starts_with(unit),
                    "{short}"
                );
                assert_eq!(rest, unit.repeat(rest.len() / unit.len()), "{short}");
            }
        }
    }
}
