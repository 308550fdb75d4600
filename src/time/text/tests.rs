//! The text readers and writers: cases, the calendar (chrono) and the reference reader.

use super::*;

#[test]
fn fractions_offsets_and_rejections() {
    let Some(InstantText::Offset(t, off)) = parse_instant_text("2025-03-15T10:30:00.250+05:30")
    else {
        panic!("should parse");
    };
    assert_eq!((t.and_utc().timestamp_subsec_millis(), off), (250, 19800));
    assert!(parse_instant_text("2025-03-15 10:30").is_some());
    for bad in [
        "",
        "2025",
        "2025-03-15T",
        "2025-03-15T25:00",
        "2025-03-15T10:30:00+24:00",
        "2025-03-15T10:30:00.",
        "2025-03-15T10:30:00Zjunk",
        "２０２５-03-15",
    ] {
        assert!(parse_instant_text(bad).is_none(), "{bad}");
    }
}

/// Every day of 1899–2101, the days around the end of February of every year 0–9999 and
/// every 97th day of the rest, at a few times of day: the date arithmetic of the fast path
/// is the calendar's (and the text of a day that does not exist is not an instant).
/// chrono (native only) is the calendar.
#[test]
#[cfg(not(target_arch = "wasm32"))]
fn utc_instant_dates_are_the_calendars() {
    use chrono::Datelike as _;
    let mut date = chrono::NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
    let (mut days, mut checked) = (0, 0);
    while date.year() <= 9999 {
        let february_end = date.month() <= 3 && (date.day() >= 27 || date.day() <= 2);
        if (1899..=2101).contains(&date.year()) || february_end || days % 97 == 0 {
            let time = ["00:00:00", "23:59:59.999", "12:34:56.007"][days % 3];
            let text = format!("{}T{time}Z", date.format("%Y-%m-%d"));
            let (t, year) = utc_instant(&text).unwrap_or_else(|| panic!("{text}"));
            let day = chrono::NaiveDate::from(t.date_naive());
            assert_eq!((day, year), (date, date.year()), "{text}");
            checked += 1;
        }
        days += 1;
        date = date.succ_opt().unwrap();
    }
    assert!(checked > 200_000, "{checked}");
    for text in [
        "2023-02-29T00:00:00Z",
        "2100-02-29T00:00:00Z",
        "2024-04-31T00:00:00Z",
        "2024-00-10T00:00:00Z",
        "2024-13-10T00:00:00Z",
        "2024-01-00T00:00:00Z",
        "2024-01-1:T00:00:00Z",
        "2024-01-1/T00:00:00Z",
        "2024-01-10T24:00:00Z",
    ] {
        assert!(utc_instant(text).is_none(), "{text}");
    }
    assert!(utc_instant("2000-02-29T00:00:00Z").is_some());
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// The fast reader gives the general reader's instant for every text of its shapes,
    /// invalid dates and times included (it declines those, and leap seconds).
    #[test]
    fn utc_instant_is_the_general_reading(
        y in 0u32..10_000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62,
        s in 0u32..62, ms in proptest::option::of(0u32..1000),
    ) {
        let fraction = ms.map_or(String::new(), |ms| format!(".{ms:03}"));
        let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}Z");
        let general = match parse_instant_text(&text) {
            Some(InstantText::Offset(wall, 0)) => Some(wall.and_utc()),
            _ => None,
        };
        let fast = utc_instant(&text).map(|(t, year)| {
            assert_eq!(year, t.year());
            t
        });
        proptest::prop_assert!(fast.is_none() || fast == general, "{}", text);
        proptest::prop_assert!(fast.is_some() || general.is_none() || s == 60, "{}", text);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod against_the_reference {
    use super::super::reference;
    use super::*;
    use proptest::prelude::*;

    /// Instant-like texts: every part in and out of range, each separator and offset form,
    /// then maybe cut short and maybe one byte replaced.
    fn instant_like() -> impl Strategy<Value = String> {
        let part = |hi: u32| (0..hi).prop_map(|n| format!("{n:02}"));
        let fraction = prop_oneof![
            Just(String::new()),
            ("[.,]", "[0-9]{0,12}").prop_map(|(mark, digits)| mark + &digits),
        ];
        let seconds = prop_oneof![
            Just(String::new()),
            (part(62), fraction).prop_map(|(s, f)| format!(":{s}{f}")),
        ];
        let offset = prop_oneof![
            Just(String::new()),
            Just("Z".to_owned()),
            Just("z".to_owned()),
            ("[+-]", part(26), "[:]?", part(62)).prop_map(|(a, b, c, d)| a + &b + &c + &d),
            "[+-][0-9]{1,3}",
        ];
        let text = (
            (0u32..10_000).prop_map(|y| format!("{y:04}")),
            (part(14), part(33)),
            "[Tt x]?",
            (part(26), part(62), seconds, offset),
        )
            .prop_map(|(y, (mo, d), sep, (h, mi, s, off))| {
                format!("{y}-{mo}-{d}{sep}{h}:{mi}{s}{off}")
            });
        (
            text,
            any::<usize>(),
            any::<usize>(),
            "[0-9:.,TtZz+ x-]",
            0u8..3,
        )
            .prop_map(|(text, cut, at, byte, edit)| {
                let mut bytes = text.into_bytes();
                match edit {
                    0 => bytes.truncate(cut % (bytes.len() + 1)),
                    1 => {
                        let at = at % bytes.len();
                        bytes[at] = byte.as_bytes()[0];
                    }
                    _ => {}
                }
                String::from_utf8(bytes).expect("ASCII")
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// The reader reads every text as the reference does, dates too.
        #[test]
        fn texts_read_as_the_reference_reads_them(text in instant_like()) {
            prop_assert_eq!(parse_instant_text(&text), reference::parse_instant_text(&text), "{}", text);
            prop_assert_eq!(parse_date_text(&text), reference::parse_date_text(&text), "{}", text);
        }
    }
}
