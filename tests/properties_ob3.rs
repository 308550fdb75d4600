//! Open Badges 3.0 baking: bake → read returns the same credential for any JSON value and any
//! JWS, a strict XML parser finds exactly the element the specification describes (namespace,
//! position, CDATA or `verify`), and hostile credentials cannot add markup.
#![cfg(not(target_arch = "wasm32"))]

use impactkit::{api, card::baked::NAMESPACE, json::value_from_text, time::TzDatabase};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const TYPE: [&str; 2] = ["VerifiableCredential", "OpenBadgeCredential"];

fn card_input(credential: &Value) -> Value {
    json!({"profile": {"totalCo2Saved": 12.5, "badges": [{"id": "b", "name": "Tree Saver", "icon": "tree"}]},
           "size": "badge", "credential": credential})
}

fn bake(credential: &Value) -> String {
    match api::call("impactCard", &card_input(credential), &TzDatabase) {
        Ok(Value::String(svg)) => svg,
        other => panic!("impactCard: {other:?}"),
    }
}

fn read(svg: &str) -> Result<Value, (String, String)> {
    api::call("readBakedCredential", &json!({ "svg": svg }), &TzDatabase)
        .map_err(|e| (e.code.as_str().to_owned(), e.path.clone()))
}

/// What a strict, independent XML parser finds: the `verify` attribute or the element's text,
/// after checking the element is the root's first child, in the Open Badges namespace, and alone.
fn baked_by_xml(svg: &str) -> (Option<String>, String) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.lookup_namespace_uri(Some("openbadges")),
        Some(NAMESPACE)
    );
    let first = root.first_element_child().expect("a child");
    assert_eq!(
        (first.tag_name().namespace(), first.tag_name().name()),
        (Some(NAMESPACE), "credential")
    );
    let all = doc
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some(NAMESPACE))
        .count();
    assert_eq!(all, 1, "one <openbadges:credential>");
    assert_eq!(first.children().filter(|n| n.is_element()).count(), 0);
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    for bad in ["script", "foreignObject", "iframe", "a", "image", "use"] {
        assert!(!names.contains(&bad), "<{bad}> in {svg}");
    }
    let text: String = first.children().filter_map(|n| n.text()).collect();
    (first.attribute("verify").map(str::to_owned), text)
}

/// `value` with whole-valued doubles as integers: JSON (and JS) make no difference between
/// `500.0` and `500`, which impactkit writes for it.
fn numbers_as_json_reads_them(value: &Value) -> Value {
    match value {
        Value::Number(n) => match n.as_f64() {
            Some(x) if n.is_f64() && x.fract() == 0.0 && x.abs() < 1e18 => json!(x as i64),
            _ => value.clone(),
        },
        Value::Array(items) => items.iter().map(numbers_as_json_reads_them).collect(),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), numbers_as_json_reads_them(v)))
                .collect(),
        ),
        _ => value.clone(),
    }
}

fn string() -> impl Strategy<Value = String> {
    let hostile = prop::sample::select(vec![
        "]]>",
        "]]",
        "]",
        ">",
        "<",
        "&",
        "</svg>",
        "<script>",
        "<![CDATA[",
        "<!--",
        "\"",
        "'",
        "\\",
        "\u{0}",
        "\u{1}",
        "\u{1F}",
        "\u{7F}",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "\u{202E}",
        "\u{2066}",
        "\u{FEFF}",
        "\u{FFFD}",
        "\u{FFFE}",
        "\u{FFFF}",
        "😀",
        "سارة",
        "é",
        " ",
        "\n",
    ]);
    prop_oneof![
        any::<String>(),
        prop::collection::vec(hostile, 0..8).prop_map(|parts| parts.concat()),
    ]
}

/// A double impactkit writes back exactly: 0 or a magnitude from 1e-6 to 1e16 (17 digits).
fn float() -> impl Strategy<Value = f64> {
    let scaled = (1.0f64..10.0, -6i32..16, any::<bool>()).prop_map(|(m, e, negative)| {
        let x = (m * 10f64.powi(e)).clamp(1e-6, 9.999_999_999_999_998e15);
        if negative {
            -x
        } else {
            x
        }
    });
    prop_oneof![Just(0.0), Just(-0.0), scaled]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        float().prop_map(Value::from),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((string(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn credential() -> impl Strategy<Value = Value> {
    prop::collection::vec((string(), value()), 0..6).prop_map(|entries| {
        let mut object: Map<String, Value> = entries.into_iter().collect();
        object.insert("type".into(), json!(TYPE));
        Value::Object(object)
    })
}

fn base64url() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_-]{1,40}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn json_credentials_round_trip(credential in credential()) {
        let svg = bake(&credential);
        let (verify, text) = baked_by_xml(&svg);
        prop_assert_eq!(verify, None);
        let by_xml: Value = serde_json::from_str(&text).expect("the CDATA holds JSON");
        let same = numbers_as_json_reads_them(&credential);
        prop_assert_eq!(numbers_as_json_reads_them(&by_xml), same.clone());
        prop_assert_eq!(svg.matches("]]>").count(), 1);
        let read_back = read(&svg).map(|v| numbers_as_json_reads_them(&v));
        prop_assert_eq!(read_back, Ok(json!({ "credential": same })));
    }

    #[test]
    fn jws_credentials_round_trip(parts in [base64url(), base64url(), base64url()]) {
        let jws = parts.join(".");
        let svg = bake(&json!(jws));
        prop_assert_eq!(baked_by_xml(&svg), (Some(jws.clone()), String::new()));
        prop_assert_eq!(read(&svg), Ok(json!({ "jws": jws })));
    }

    #[test]
    fn cards_without_a_credential_read_null(size in prop::sample::select(vec!["og", "square", "story", "badge"])) {
        let mut input = card_input(&Value::Null);
        input["size"] = json!(size);
        let Ok(Value::String(svg)) = api::call("impactCard", &input, &TzDatabase) else {
            panic!("impactCard failed");
        };
        prop_assert_eq!(read(&svg), Ok(Value::Null));
    }
}

#[test]
fn hostile_credentials_stay_inside_the_element() {
    let payloads = [
        "]]><script>alert(1)</script><![CDATA[",
        "</openbadges:credential><script>alert(1)</script>",
        "</svg><svg onload=alert(1)>",
        "<foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject>",
        "\u{0}\u{8}\u{B}\u{1F}\u{7F}\u{FFFE}\u{FFFF} controls",
        "\u{202E}evil\u{202C} \u{2028}\u{2029}",
        "&lt;script&gt; &amp; &#x3C;",
    ];
    for payload in payloads {
        let credential =
            json!({"type": TYPE, payload: payload, "name": [payload, {payload: payload}]});
        let svg = bake(&credential);
        let (_, text) = baked_by_xml(&svg);
        assert!(!text.contains(['<', '>', '&']), "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(&text).ok(),
            Some(credential.clone())
        );
        assert_eq!(read(&svg), Ok(json!({ "credential": credential })));
    }
    // Lone surrogates (as JS's JSON.stringify writes them) reach the card as U+FFFD.
    let text = r#"{"profile": {"totalCo2Saved": 1, "badges": [{"id": "b", "name": "B"}]}, "size": "badge",
                   "credential": {"type": "OpenBadgeCredential", "name": "\ud800x\udc00"}}"#;
    let doc = value_from_text(text).expect("JSON");
    let svg = api::call_node("impactCard", &doc, &TzDatabase).expect("card");
    let svg = svg.as_str().expect("SVG text");
    assert_eq!(
        baked_by_xml(svg).1,
        "{\"type\":\"OpenBadgeCredential\",\"name\":\"\u{FFFD}x\u{FFFD}\"}"
    );
}

fn card_error(credential: Value, size: &str) -> (String, String) {
    let mut input = card_input(&credential);
    input["size"] = json!(size);
    let e = api::call("impactCard", &input, &TzDatabase).expect_err("refused");
    (e.code.as_str().to_owned(), e.path.clone())
}

#[test]
fn refused_credentials_say_why_and_where() {
    let e = |code: &str, path: &str| (code.to_owned(), path.to_owned());
    let ok = json!({"type": TYPE});
    assert_eq!(
        card_error(ok.clone(), "og"),
        e("invalid_value", "$.credential")
    );
    assert_eq!(
        card_error(json!("a.b"), "badge"),
        e("invalid_value", "$.credential")
    );
    assert_eq!(
        card_error(json!("a.b.c\"><script>"), "badge"),
        e("invalid_value", "$.credential")
    );
    assert_eq!(
        card_error(json!(5), "badge"),
        e("invalid_type", "$.credential")
    );
    assert_eq!(
        card_error(json!({"name": "x"}), "badge"),
        e("missing_field", "$.credential.type")
    );
    assert_eq!(
        card_error(json!({"type": ["VerifiableCredential"]}), "badge"),
        e("invalid_value", "$.credential.type")
    );
    let nan = json!({"type": TYPE, "a": [format!("{}NaN", impactkit::json::NON_FINITE_MARK)]});
    assert_eq!(
        card_error(nan, "badge"),
        e("invalid_number", "$.credential.a[0]")
    );
    for far in [1e-7, -1e16, 1e300, 5e-324] {
        let number = json!({"type": TYPE, "credits": [1.5, far]});
        assert_eq!(
            card_error(number, "badge"),
            e("out_of_range", "$.credential.credits[1]")
        );
    }
    let limit = impactkit::card::baked::MAX_CREDENTIAL_BYTES;
    // {"type":["VerifiableCredential","OpenBadgeCredential"],"x":"…"} is 62 bytes besides the x's.
    let fits = json!({"type": TYPE, "x": "x".repeat(limit - 62)});
    assert!(bake(&fits).contains(&"x".repeat(limit - 62)));
    let over = json!({"type": TYPE, "x": "x".repeat(limit - 61)});
    assert_eq!(card_error(over, "badge"), e("too_large", "$.credential"));
    let escaped = json!({"type": TYPE, "x": "<".repeat(limit / 6)});
    assert_eq!(card_error(escaped, "badge"), e("too_large", "$.credential"));
}

const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">"#;

#[test]
fn other_bakers_svgs_are_read_as_the_specification_says() {
    let spec = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- <openbadges:credential verify=\"x\"> -->\n{HEAD}\n  \
         <openbadges:credential>\n    <![CDATA[\n      {{\"type\": [\"OpenBadgeCredential\"], \"a\": \"]]\"}}\n    ]]>\n  \
         </openbadges:credential >\n  <!-- rest-of-image -->\n</svg>"
    );
    assert_eq!(
        read(&spec),
        Ok(json!({"credential": {"type": ["OpenBadgeCredential"], "a": "]]"}}))
    );
    let jws = format!(
        "{HEAD}<openbadges:credential verify='h.p.s'/><openbadges:credential verify=\"x\"/></svg>"
    );
    assert_eq!(read(&jws), Ok(json!({"jws": "h.p.s"})));
    let escaped = format!("{HEAD}<openbadges:credential>{{&quot;a&quot;: &quot;&lt;&#x3E;&#38;&quot;}}</openbadges:credential></svg>");
    assert_eq!(read(&escaped), Ok(json!({"credential": {"a": "<>&"}})));
    let split = format!("{HEAD}<openbadges:credential><![CDATA[{{\"a\": \"]]]]><![CDATA[>\"}}]]></openbadges:credential></svg>");
    assert_eq!(read(&split), Ok(json!({"credential": {"a": "]]>"}})));
    let quoted =
        "<svg data-x='<openbadges:credential>' xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>";
    assert_eq!(read(quoted), Ok(Value::Null));
    let ob2 = "<svg xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion verify=\"https://x\"/></svg>";
    assert_eq!(read(ob2), Ok(Value::Null));
}

#[test]
fn malformed_bakes_are_errors_at_svg() {
    let bad = |body: &str| read(&format!("{HEAD}{body}</svg>"));
    let e = |code: &str| Err((code.to_owned(), "$.svg".to_owned()));
    assert_eq!(bad("<openbadges:credential>{\"a\": 1}"), e("invalid_value"));
    assert_eq!(
        bad("<openbadges:credential><![CDATA[{\"a\": ]]></openbadges:credential>"),
        e("invalid_json")
    );
    assert_eq!(
        bad("<openbadges:credential><![CDATA[[1]]]></openbadges:credential>"),
        e("invalid_type")
    );
    assert_eq!(
        bad("<openbadges:credential></openbadges:credential>"),
        e("invalid_value")
    );
    assert_eq!(
        bad("<openbadges:credential verify=\"a.b\"/>"),
        e("invalid_value")
    );
    assert_eq!(
        bad("<openbadges:credential verify=a.b.c/>"),
        e("invalid_value")
    );
    assert_eq!(
        bad("<openbadges:credential><x/>{}</openbadges:credential>"),
        e("invalid_value")
    );
    assert_eq!(
        bad("<openbadges:credential>&nbsp;{}</openbadges:credential>"),
        e("invalid_value")
    );
    let huge = format!(
        "<openbadges:credential><![CDATA[{{\"x\": \"{}\"}}]]></openbadges:credential>",
        "x".repeat(70_000)
    );
    assert_eq!(bad(&huge), e("too_large"));
    assert_eq!(read("{\"not\": \"svg\"}"), e("invalid_value"));
    assert_eq!(
        read("<html><openbadges:credential verify=\"a.b.c\"/></html>"),
        e("invalid_value")
    );
    let wrong =
        api::call("readBakedCredential", &json!({"svg": 5}), &TzDatabase).expect_err("refused");
    assert_eq!(
        (wrong.code.as_str(), wrong.path.as_str()),
        ("invalid_type", "$.svg")
    );
}
