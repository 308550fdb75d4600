//! Impact cards: golden SVGs per size × theme (and locales), strict-XML and
//! whitelist checks, injection vectors from the github-readme-stats history,
//! determinism. `UPDATE_GOLDEN=1 cargo test --test cards` rewrites the goldens.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, time::TzDatabase};
use serde_json::{json, Value};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cards")
}

/// Seed 000's response → readImpactProfile → plus displayName and a streak.
fn seed_profile() -> Value {
    let text = std::fs::read_to_string(dir().join("seed000-response.json")).expect("seed response");
    let response: Value = serde_json::from_str(&text).expect("seed JSON");
    let mut profile = api::call("readImpactProfile", &response, &TzDatabase).expect("profile");
    profile["displayName"] = json!("Alex Green");
    profile["streak"] = json!({"current": 3, "state": "active", "period": "month"});
    profile
}

fn card(input: &Value) -> Result<String, (String, String)> {
    match api::call("impactCard", input, &TzDatabase) {
        Ok(Value::String(svg)) => Ok(svg),
        Ok(other) => panic!("impactCard returned {other}"),
        Err(e) => Err((e.code.as_str().to_owned(), e.path.clone())),
    }
}

/// Every golden card: (file stem, input).
pub fn golden_inputs() -> Vec<(String, Value)> {
    let profile = seed_profile();
    let mut out = Vec::new();
    for size in ["og", "square", "story", "badge"] {
        for theme in ["light", "dark", "auto"] {
            out.push((
                format!("{size}-{theme}"),
                json!({"profile": profile, "size": size, "theme": theme}),
            ));
        }
        out.push((
            format!("{size}-custom"),
            json!({"profile": profile, "size": size,
                   "theme": {"base": "#1e3a8a", "accent": "rgb(37, 99, 235)", "background": "aliceblue", "text": "hsl(222, 47%, 11%)"},
                   "options": {"brandName": "GreenShop", "brandColor": "#2563eb"}}),
        ));
    }
    for locale in ["de", "fr", "es", "ar", "ja"] {
        out.push((
            format!("og-light-{locale}"),
            json!({"profile": profile, "locale": locale}),
        ));
    }
    let mut arabic = profile.clone();
    arabic["displayName"] = json!("سارة الخضراء");
    out.push((
        "square-light-ar".into(),
        json!({"profile": arabic, "size": "square", "locale": "ar"}),
    ));
    out
}

/// Element and attribute whitelist: anything else means unsafe output.
const ELEMENTS: &[&str] = &[
    "svg", "title", "desc", "style", "rect", "circle", "path", "text", "g",
];
const ATTRIBUTES: &[&str] = &[
    "width",
    "height",
    "viewBox",
    "role",
    "lang",
    "font-family",
    "class",
    "x",
    "y",
    "rx",
    "fill",
    "fill-opacity",
    "cx",
    "cy",
    "r",
    "transform",
    "fill-rule",
    "d",
    "font-size",
    "font-weight",
    "text-anchor",
];

fn assert_safe(name: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{name}: not well-formed XML: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg", "{name}");
    assert_eq!(doc.root_element().attribute("role"), Some("img"), "{name}");
    let mut titles = 0;
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(ELEMENTS.contains(&tag), "{name}: element <{tag}>");
        titles += usize::from(tag == "title");
        for attr in node.attributes() {
            assert!(
                ATTRIBUTES.contains(&attr.name()),
                "{name}: attribute {} on <{tag}>",
                attr.name()
            );
            assert!(
                !attr.value().to_ascii_lowercase().contains("url("),
                "{name}: url( in {}",
                attr.name()
            );
        }
        if tag == "style" {
            let css = node.text().unwrap_or_default();
            assert!(
                !css.contains("url(") && !css.contains("@import") && !css.contains('<'),
                "{name}: style {css}"
            );
        }
    }
    assert_eq!(titles, 1, "{name}: one <title>");
    // Markup only comes from the writer: user text can only appear escaped.
    let lower = svg.to_ascii_lowercase();
    for bad in [
        "<script",
        "<foreignobject",
        "<iframe",
        "<a ",
        "<image",
        "<use",
        "<!--",
        "<![cdata[",
    ] {
        assert!(!lower.contains(bad), "{name}: contains {bad}");
    }
}

#[test]
fn golden_cards_are_byte_identical() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    let inputs = golden_inputs();
    for (name, input) in &inputs {
        let svg = card(input).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_safe(name, &svg);
        let path = dir().join(format!("{name}.svg"));
        if update {
            std::fs::write(&path, &svg).expect("write golden");
        } else {
            let golden = std::fs::read_to_string(&path).unwrap_or_default();
            if golden != svg {
                mismatches.push(name.clone());
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "cards differ from tests/cards/*.svg (UPDATE_GOLDEN=1 to accept): {mismatches:?}"
    );
    println!("golden cards: {} compared", inputs.len());
}

#[test]
fn same_input_same_bytes() {
    for (name, input) in golden_inputs() {
        assert_eq!(card(&input), card(&input), "{name}");
    }
}

fn with_name(name: &str) -> Value {
    let mut profile = seed_profile();
    profile["displayName"] = json!(name);
    profile["badges"][0]["name"] = json!(name);
    profile["milestones"][0]["name"] = json!(name);
    profile["ranking"]["description"] = json!(name);
    profile["ranking"]["percentile"] = Value::Null;
    profile
}

#[test]
fn injection_vectors_are_inert() {
    let payloads = [
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "'><svg/onload=alert(1)>",
        "</text><script>alert(document.domain)</script><text>",
        "]]><![CDATA[<script>alert(1)</script>]]>",
        "<!--",
        "&lt;script&gt; &amp; &#x3C;",
        "<foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject>",
        "<a xlink:href=\"javascript:alert(1)\">x</a>",
        "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF} control chars",
        "\u{202E}evil\u{202C} \u{2066}bidi\u{2069}",
        "🌱🌳♻️👩‍👩‍👧‍👦🏳️‍🌈",
        "سارة الخضراء",
        "דנה כהן",
        "持続可能な買い物をする人",
    ];
    for size in ["og", "square", "story", "badge"] {
        for payload in payloads {
            for theme in [json!("auto"), json!({"accent": "#123"})] {
                let svg = card(&json!({"profile": with_name(payload), "size": size, "theme": theme, "options": {"brandName": payload}}))
                    .unwrap_or_else(|e| panic!("{payload:?}: {e:?}"));
                assert_safe(payload, &svg);
                let doc = roxmltree::Document::parse(&svg).expect("parsed above");
                let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
                assert!(texts.len() > 3);
            }
        }
    }
}

#[test]
fn hostile_colours_are_invalid_color_with_a_path() {
    let profile = seed_profile();
    let cases = [
        (
            json!({"accent": "red;background:url(https://evil.example/x)"}),
            "$.theme.accent",
        ),
        (json!({"background": "url(#x)"}), "$.theme.background"),
        (
            json!({"text": "\"/><script>alert(1)</script>"}),
            "$.theme.text",
        ),
        (json!({"base": "expression(alert(1))"}), "$.theme.base"),
        (json!({"base": "var(--x)"}), "$.theme.base"),
        (json!({"accent": "#12345"}), "$.theme.accent"),
        (json!({"accent": "rgb(1,2,3) red"}), "$.theme.accent"),
        (json!({"accent": "rgb(1,2,3));x:y("}), "$.theme.accent"),
    ];
    for (theme, path) in cases {
        let err = card(&json!({"profile": profile, "theme": theme})).expect_err("must fail");
        assert_eq!(
            err,
            ("invalid_color".to_owned(), path.to_owned()),
            "{theme}"
        );
    }
    let err = card(&json!({"profile": profile, "options": {"brandColor": "red;x"}}))
        .expect_err("must fail");
    assert_eq!(
        err,
        (
            "invalid_color".to_owned(),
            "$.options.brandColor".to_owned()
        )
    );
}

#[test]
fn long_names_are_cut_by_width_with_the_full_text_in_the_title() {
    let long = "Wolfgang Amadeus ".repeat(600); // ~10 KB
    let svg = card(&json!({"profile": with_name(&long)})).expect("card");
    assert_safe("10 KB", &svg);
    let doc = roxmltree::Document::parse(&svg).expect("xml");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default();
    assert!(title.contains(long.trim()), "full name in <title>");
    let name = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .find(|t| t.starts_with("Wolfgang"))
        .expect("name text");
    assert!(name.ends_with('…') && name.chars().count() < 60, "{name}");
    // Narrow letters fit more characters than wide ones: measured, not counted.
    let narrow = card(&json!({"profile": with_name(&"il".repeat(200))})).expect("card");
    let wide = card(&json!({"profile": with_name(&"WM".repeat(200))})).expect("card");
    let shown = |svg: &str, start: &str| -> usize {
        let doc = roxmltree::Document::parse(svg).expect("xml");
        let text = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .find(|t| t.starts_with(start))
            .unwrap_or_default()
            .to_owned();
        text.chars().count()
    };
    assert!(shown(&narrow, "il") > 2 * shown(&wide, "WM"));
}

#[test]
fn rtl_text_is_isolated_and_the_arabic_layout_is_mirrored() {
    let svg = card(&json!({"profile": with_name("سارة"), "locale": "ar"})).expect("card");
    assert!(svg.contains("\u{2067}سارة\u{2069}"));
    assert!(svg.contains("xml:lang=\"ar\""));
    assert!(svg.contains("٢٤٨٫٥"), "Arabic-Indic digits");
    let en = card(&json!({"profile": with_name("Alex")})).expect("card");
    assert!(en.contains("<text x=\"64\""));
    assert!(svg.contains("<text x=\"1136\""), "mirrored start edge");
}

#[test]
fn badge_size_needs_a_badge_and_finds_one_by_id() {
    let mut profile = seed_profile();
    let svg = card(
        &json!({"profile": profile, "size": "badge", "options": {"badgeId": "badge_first_green"}}),
    )
    .expect("card");
    assert!(svg.contains("First Green Purchase") && !svg.contains(">Tree Saver<"));
    let err = card(&json!({"profile": profile, "size": "badge", "options": {"badgeId": "nope"}}))
        .expect_err("unknown id");
    assert_eq!(
        err,
        ("invalid_value".to_owned(), "$.options.badgeId".to_owned())
    );
    profile["badges"] = json!([]);
    let err = card(&json!({"profile": profile, "size": "badge"})).expect_err("no badge");
    assert_eq!(
        err,
        ("missing_field".to_owned(), "$.profile.badges".to_owned())
    );
}
