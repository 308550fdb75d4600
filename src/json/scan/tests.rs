//! The scanner's own tests (the differential ones against the parse tree are in `tests/`).

use super::*;

fn skips(text: &str) -> bool {
    let mut s = Scan::new(text);
    s.skip(0).is_some() && s.finish()
}

#[test]
fn skipping_accepts_exactly_what_the_parser_accepts() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for text in [
        "[]",
        " {\"a\\u0041\": [1, -0.5e3, \"x\\\"\\\\\", true, null, {}]} ",
        "[1,]",
        "{\"a\" 1}",
        "[01]",
        "[1e400]",
        "\"\\x\"",
        "[\"\u{1}\"]",
        "[] x",
        "{\"a\": 1,}",
        &deep(64),
        &deep(65),
    ] {
        assert_eq!(
            skips(text),
            super::super::value_from_text(text).is_ok(),
            "{text}"
        );
    }
}

/// A plain number reads as the parser reads it, or is left to it (nothing consumed).
#[test]
fn plain_numbers_read_as_the_parser_reads_them() {
    let mut read = 0;
    let cases = [
        "0",
        "7",
        "0.5",
        "8.8",
        "0.98",
        "17.5",
        "123456789012345",
        "1234567890123456",
        "0.000000000000001",
        "99999999999999.9",
        "9007199254740993",
        "0.1",
        "2.675",
        "00",
        "01.5",
        "1.",
        ".5",
        "-1",
        "1e2",
        "1.5E1",
        "1.2.3",
        "\"1\"",
        "null",
        "1x",
    ];
    for text in cases
        .iter()
        .map(|t| t.to_string())
        .chain((0..2000).map(|i| {
            let (whole, fraction) = (i * 7919 % 100_003, i * 104_729 % 1_000_000_007);
            format!("{whole}.{fraction:0width$}", width = i % 11)
        }))
    {
        let mut s = Scan::new(&text);
        match s.plain_number() {
            Some((value, written)) => {
                read += 1;
                let parsed = super::super::value_from_text(written).unwrap();
                assert_eq!(
                    Some(value.to_bits()),
                    parsed.as_f64().map(f64::to_bits),
                    "{text}"
                );
                assert_eq!(written.len(), s.p.pos, "{text}");
            }
            None => assert_eq!(s.p.pos, 0, "{text}"),
        }
    }
    assert!(read > 1900, "{read}");
}

#[test]
fn split_reads_the_lists_in_place_and_parses_the_rest() {
    let text = r#" {"a": [1, "]"], "b": {"c": [2]}, "a2": null, "b": 3} "#;
    let mut read = Vec::new();
    let rest = split(text, &["a", "a2"], |i, s| {
        s.array(1, |s| s.scalar().map(|v| read.push((i, v))))
    })
    .unwrap();
    assert_eq!(read.len(), 2);
    assert_eq!(
        rest,
        Node::Object(vec![
            ("a2".into(), Node::Null),
            ("b".into(), Node::Number(super::super::Number::Unsigned(3)))
        ])
    );
    for bad in [
        r#"{"a": [1"#,
        r#"{"a": [], "a": null}"#,
        r#"{"a": [1,]}"#,
        "[1]",
        r#"{"a": []} x"#,
        r#"{"\u0061": []}"#,
    ] {
        assert!(split(bad, &["a"], |_, s| s.skip(1)).is_none(), "{bad}");
    }
}
