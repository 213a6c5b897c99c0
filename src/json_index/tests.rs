//! Unit and property tests of `json_index`: every kind, escapes, errors with offsets, the depth
//! limit, and agreement with `serde_json` on random documents.

use super::*;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn index(text: &str) -> JsonIndex {
    JsonIndex::new(text.as_bytes()).unwrap()
}

fn error(text: &str) -> IndexError {
    JsonIndex::new(text.as_bytes()).unwrap_err()
}

#[test]
fn indexes_every_kind_in_preorder_with_spans() {
    let text =
        r#" {"a": [1, -2.5e3, "x"], "b": {"c": true, "d": false}, "e": null, "f": [], "g": {}} "#;
    let index = index(text);
    let kinds: Vec<Kind> = index.nodes().iter().map(super::IndexNode::kind).collect();
    let (object, array, number, bool) = (Kind::Object, Kind::Array, Kind::Number, Kind::Bool);
    assert_eq!(
        kinds,
        [
            object,
            array,
            number,
            number,
            Kind::String,
            object,
            bool,
            bool,
            Kind::Null,
            array,
            object
        ]
    );
    let spans: Vec<&str> = (0..index.len())
        .map(|node| std::str::from_utf8(index.raw(text.as_bytes(), node)).unwrap())
        .collect();
    assert_eq!(spans[1], r#"[1, -2.5e3, "x"]"#);
    assert_eq!(spans[3], "-2.5e3");
    assert_eq!(spans[4], r#""x""#);
    assert_eq!(spans[9], "[]");
    assert_eq!(index.node(0).subtree_end, 11);
    assert_eq!(index.node(1).subtree_end, 5);
    assert_eq!(index.node(5).subtree_end, 8);
    assert_eq!(index.parent(6), Some(5));
    assert_eq!(index.parent(0), None);
    assert_eq!(index.node(7).depth, 2);
    assert_eq!(index.key(text.as_bytes(), 3), NodeKey::Index(1));
    assert_eq!(index.key(text.as_bytes(), 7), NodeKey::Key("d".into()));
    assert_eq!(index.child_count(0), 5);
    assert_eq!(index.child_count(9), 0);
    assert_eq!(index.pointer(text.as_bytes(), "/b/d"), Some(7));
    assert_eq!(index.pointer(text.as_bytes(), "/a/2"), Some(4));
    assert_eq!(index.pointer(text.as_bytes(), "/a/3"), None);
    assert_eq!(
        index.value(text.as_bytes(), 5),
        json!({"c": true, "d": false})
    );
}

#[test]
fn scalars_alone_are_documents() {
    for text in ["0", "-0", "1.5", "\"\"", "true", "null", " 7 \n"] {
        assert_eq!(index(text).len(), 1, "{text}");
    }
}

#[test]
fn escapes_and_unicode_decode_like_serde() {
    let text = r#"{"k\"ey\u00e9": "a\\b\n\u00e9\ud83d\ude00\/", "ünï": "日本"}"#;
    let index = index(text);
    let bytes = text.as_bytes();
    assert_eq!(index.key(bytes, 1), NodeKey::Key("k\"eyé".into()));
    assert_eq!(index.string(bytes, 1).unwrap(), "a\\b\né😀/");
    assert_eq!(
        preview_text(&index, bytes, 1),
        Value::String("a\\b\né😀/".into()).to_string()
    );
    assert_eq!(index.key(bytes, 2), NodeKey::Key("ünï".into()));
    assert_eq!(preview_text(&index, bytes, 2), "\"日本\"");
    assert_eq!(index.pointer(bytes, "/ünï"), Some(2));
}

#[test]
fn big_numbers_keep_their_exact_text() {
    let text = "[123456789012345678901234567890, 1.000, 1E+2, -0.0]";
    let index = index(text);
    let previews: Vec<_> = (1..index.len())
        .map(|node| preview_text(&index, text.as_bytes(), node).into_owned())
        .collect();
    assert_eq!(
        previews,
        ["123456789012345678901234567890", "1.000", "1E+2", "-0.0"]
    );
}

#[test]
fn duplicate_keys_are_all_indexed_and_the_pointer_finds_the_last_like_serde() {
    let text = r#"{"a": 1, "a": 2}"#;
    let index = index(text);
    assert_eq!(index.child_count(0), 2);
    let found = index.pointer(text.as_bytes(), "/a").unwrap();
    assert_eq!(preview_text(&index, text.as_bytes(), found), "2");
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(value.pointer("/a"), Some(&json!(2)));
}

#[test]
fn errors_say_what_and_where() {
    let cases = [
        ("", "unexpected end of input, expected a value", 0),
        ("[1,]", "expected a value", 3),
        ("[1 2]", "expected `,` or `]`", 3),
        ("{\"a\" 1}", "expected `:`", 5),
        ("{1: 2}", "expected a key string", 1),
        ("{\"a\": 1]", "expected `,` or `}`", 7),
        ("[01]", "expected `,` or `]`", 2),
        ("[1.]", "invalid number: no digit after `.`", 3),
        ("[1e+]", "invalid number: no digit in the exponent", 4),
        ("[-]", "invalid number", 2),
        ("[1e400]", "number out of range", 1),
        ("\"abc", "unexpected end of input in a string", 4),
        ("\"a\tb\"", "control character in a string", 2),
        ("\"\\x\"", "invalid escape", 2),
        ("\"\\u12g4\"", "invalid \\u escape", 2),
        ("\"\\ud800\"", "lone leading surrogate in a \\u escape", 1),
        ("\"\\udc00\"", "lone trailing surrogate in a \\u escape", 1),
        ("[tru]", "expected a value", 1),
        ("{} {}", "trailing characters after the document", 3),
        ("[1", "expected `,` or `]`", 2),
    ];
    for (text, what, offset) in cases {
        assert_eq!(error(text), IndexError { what, offset }, "{text:?}");
        assert!(
            serde_json::from_str::<Value>(text).is_err(),
            "serde agrees {text:?} is not JSON"
        );
    }
    let invalid_utf8 = b"[\"\xff\"]";
    assert_eq!(
        JsonIndex::new(invalid_utf8).unwrap_err(),
        IndexError {
            what: "invalid UTF-8",
            offset: 2
        }
    );
}

#[test]
fn nesting_is_limited_like_serde_without_using_the_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let deepest = nested(MAX_DEPTH);
    assert_eq!(index(&deepest).len(), MAX_DEPTH);
    assert!(serde_json::from_str::<Value>(&deepest).is_ok());
    let too_deep = nested(MAX_DEPTH + 1);
    assert_eq!(error(&too_deep).what, "nesting deeper than 127 levels");
    assert_eq!(error(&too_deep).offset, MAX_DEPTH);
    assert!(serde_json::from_str::<Value>(&too_deep).is_err());
    // The sandbox's deep-nesting fault: a 100,000-deep body fails fast and cleanly.
    let objects = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert_eq!(error(&objects).what, "nesting deeper than 127 levels");
}

/// A quote, a backslash or a control character is found at every offset of a string, a byte
/// from 0x80 up (UTF-8 past ASCII) is never taken for one, and bytes that are no UTF-8 fail.
#[test]
fn string_scanning_finds_every_stop_byte_at_every_offset() {
    for offset in 0..24 {
        for (stop, valid) in [
            // A raw quote ends the string early: what follows is no JSON.
            (&b"\""[..], false),
            (b"\\\"", true),
            (b"\\n", true),
            (b"\x1f", false),
            (b"\x00", false),
            (b"\x7f", true),
            ("\u{e9}".as_bytes(), true),
            ("\u{1f600}".as_bytes(), true),
            // Bytes that are no UTF-8: a stray continuation, a lead byte cut short, a surrogate.
            (b"\xff", false),
            (b"\xc3", false),
            (b"\xed\xa0\x80", false),
        ] {
            let mut bytes = b"[\"".to_vec();
            bytes.extend(std::iter::repeat_n(b'a', offset));
            bytes.extend_from_slice(stop);
            bytes.extend_from_slice(b"bcdefghijklmnop\"]");
            let serde = serde_json::from_slice::<Value>(&bytes);
            let index = JsonIndex::new(&bytes);
            assert_eq!(index.is_ok(), serde.is_ok(), "{offset} {stop:?}");
            assert_eq!(index.is_ok(), valid, "{offset} {stop:?}");
            if let (Ok(index), Ok(value)) = (index, serde) {
                agree(&index, &bytes, 0, &value);
            }
        }
    }
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(
            |number| serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
        ),
        any::<String>().prop_map(Value::String),
        "[a-z\"\\\\/\u{0}-\u{1f}é😀]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-c\"\\\\\u{1}é]{0,3}", inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Walks the index beside the value: same kinds, keys, child counts and scalar text.
fn agree(index: &JsonIndex, bytes: &[u8], node: usize, value: &Value) {
    let children: Vec<usize> = index.children(node).collect();
    match value {
        Value::Object(map) => {
            assert_eq!(index.node(node).kind(), Kind::Object);
            assert_eq!(children.len(), map.len());
            for (child, (key, member)) in children.iter().zip(map) {
                assert_eq!(index.key(bytes, *child), NodeKey::Key(key.as_str().into()));
                agree(index, bytes, *child, member);
            }
        }
        Value::Array(items) => {
            assert_eq!(index.node(node).kind(), Kind::Array);
            assert_eq!(children.len(), items.len());
            for (position, (child, item)) in children.iter().zip(items).enumerate() {
                assert_eq!(index.key(bytes, *child), NodeKey::Index(position));
                agree(index, bytes, *child, item);
            }
        }
        scalar => {
            assert!(children.is_empty());
            assert_eq!(preview_text(index, bytes, node), scalar.to_string());
            // serde_json's float parsing is not exactly round-trip without `float_roundtrip`;
            // the text above is what the index keeps.
            if !scalar.is_f64() {
                assert_eq!(&index.value(bytes, node), scalar);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_index_agrees_with_serde_on_random_json(value in json(), pretty in any::<bool>()) {
        let bytes = if pretty {
            serde_json::to_vec_pretty(&value).unwrap()
        } else {
            serde_json::to_vec(&value).unwrap()
        };
        let index = JsonIndex::new(&bytes).unwrap();
        agree(&index, &bytes, 0, &value);
        prop_assert_eq!(index.node(0).end as usize, bytes.len());
        prop_assert_eq!(index.node(0).subtree_end as usize, index.len());
    }

    #[test]
    fn the_index_accepts_what_serde_accepts(
        value in json(),
        at in any::<prop::sample::Index>(),
        byte in prop::sample::select(&b"{}[],:\"\\ 0-.eEtfnu\x01\x80\xbf\xc3\xff"[..]),
    ) {
        let mut bytes = serde_json::to_vec(&value).unwrap();
        let at = at.index(bytes.len());
        bytes[at] = byte;
        let serde = serde_json::from_slice::<Value>(&bytes);
        let index = JsonIndex::new(&bytes);
        prop_assert_eq!(index.is_ok(), serde.is_ok(), "{:?}", String::from_utf8_lossy(&bytes));
    }
}

/// A body past 2 MB keeps its nodes in a huge-page map; one of tiny values outgrows the map's
/// guess (a node per 12 bytes) several times over, and must index as a small one would.
#[test]
fn a_big_dense_body_indexes_every_value_past_the_guess() {
    let values = 3_000_000;
    let mut text = String::with_capacity(values * 2 + 2);
    text.push('[');
    for value in 0..values {
        if value > 0 {
            text.push(',');
        }
        text.push(char::from(b'0' + (value % 10) as u8));
    }
    text.push(']');
    let index = index(&text);
    assert_eq!(index.len(), values + 1);
    assert_eq!(index.children(0).count(), values);
    for (node, data) in index.nodes().iter().enumerate().skip(1) {
        let value = node - 1;
        assert_eq!(data.kind(), Kind::Number);
        assert_eq!(data.parent, 0);
        assert_eq!(data.key as usize, value);
        assert_eq!(data.start as usize, 1 + value * 2);
        assert_eq!(data.end, data.start + 1);
    }
    assert_eq!(index.node(0).end as usize, text.len());
    assert_eq!(
        index.heap_bytes(),
        (values + 1) * std::mem::size_of::<IndexNode>()
    );
}
