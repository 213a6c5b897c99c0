//! Unit tests of `json_notes`.

use super::*;
use crate::model::{FieldValue, Section};

fn paths(notes: &[JsonNote]) -> Vec<String> {
    notes.iter().map(JsonNote::jq_path).collect()
}

#[test]
fn numbers_a_double_cannot_hold_are_noted_with_both_texts() {
    let body = br#"{"a":123456789012345678901234567890,"b":18446744073709551616,
        "c":-9223372036854775809,"d":0.1000000000000000000000000001,
        "ok":[1.0e3,2.5e-8,-0.5,9223372036854775807,18446744073709551615,100000000000000000000,0]}"#;
    let notes = scan(body);
    assert_eq!(paths(&notes), [".a", ".b", ".c", ".d"]);
    assert_eq!(
        notes[0].kind,
        NoteKind::InexactNumber {
            exact: "123456789012345678901234567890".into(),
            shown: "1.2345678901234568e+29".into(),
        }
    );
    // What the tree and the overview would otherwise show is what serde_json prints.
    let parsed: serde_json::Value = serde_json::from_slice(body).unwrap();
    for note in &notes {
        let NoteKind::InexactNumber { shown, .. } = &note.kind else {
            panic!("{note:?}")
        };
        let PathStep::Key(key) = &note.path[0] else {
            panic!("{note:?}")
        };
        assert_eq!(&parsed[key.as_str()].to_string(), shown);
    }
}

#[test]
fn duplicate_keys_are_noted_once_with_their_count_where_they_are() {
    let body = br#"{"id":"decoy","id":7,"user":{"role":"admin","x":[{"k":1,"k":2,"k":3}],"role":"viewer"},"\u0069d":8}"#;
    let notes = scan(body);
    assert_eq!(paths(&notes), [".user.x[0].k", ".user.role", ".id"]);
    assert_eq!(notes[0].kind, NoteKind::DuplicateKey { count: 3 });
    assert_eq!(notes[2].kind, NoteKind::DuplicateKey { count: 3 });
}

#[test]
fn bytes_that_are_not_utf8_are_noted_in_values_and_keys() {
    let body = b"{\"name\":\"caf\xe9\",\"k\xff\":1,\"fine\":\"\xc3\xa9\"}";
    let notes = scan(body);
    assert_eq!(notes.len(), 2);
    assert!(notes.iter().all(|note| note.kind == NoteKind::InvalidUtf8));
    assert_eq!(notes[0].jq_path(), ".name");
    assert_eq!(notes[1].path, [PathStep::Key("k\u{FFFD}".into())]);
}

#[test]
fn ordinary_and_broken_bodies_have_no_notes_and_deep_ones_stop() {
    assert!(scan(br#"{"a":[1,2,{"b":"c\"d"}],"e":null,"f":true}"#).is_empty());
    assert!(scan(b"not json").is_empty());
    assert!(scan(b"").is_empty());
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(scan(deep.as_bytes()).is_empty());
}

#[test]
fn sections_show_exact_digits_mark_holders_and_list_the_notes_first() {
    let notes = scan(
        br#"{"big":123456789012345678901234567890,"obj":{"n":18446744073709551616},"id":1,"id":2}"#,
    );
    let mut sections = vec![
        Section::new("Other fields")
            .with(
                "Big",
                ".big",
                FieldValue::Number("1.2345678901234568e29".into()),
            )
            .with(
                "Obj",
                ".obj",
                FieldValue::Text("{\"n\":1.8446744073709552e19}".into()),
            )
            .with("Id", ".id", FieldValue::Number("2".into())),
    ];
    annotate_sections(&mut sections, &notes);
    assert_eq!(sections[0].title, "JSON notes");
    assert_eq!(sections[0].fields.len(), 3);
    let fields = &sections[1].fields;
    assert_eq!(
        fields[0].value,
        FieldValue::Number("123456789012345678901234567890".into())
    );
    assert!(fields[1].value.display().contains("⚠"));
    assert!(fields[2].value.display().contains("key written 2 times"));
}

#[test]
fn pretty_lines_keep_every_token_as_written() {
    let body = br#"{"id":"decoy","id":7,"n":123456789012345678901234567890,"e":{},"a":[ ]}"#;
    let record = crate::model::UserRecord {
        provider: crate::model::ProviderKind::Zoo,
        id: "7".into(),
        summary: crate::model::UserSummary::with_id("7"),
        bodies: vec![crate::model::RawBody {
            label: "user".into(),
            path: "/u".into(),
            bytes: bytes::Bytes::from_static(body),
        }],
        json: serde_json::Value::Null,
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
        big: None,
    };
    assert_eq!(
        pretty_lines(&record),
        [
            "{",
            "  \"id\": \"decoy\",",
            "  \"id\": 7,",
            "  \"n\": 123456789012345678901234567890,",
            "  \"e\": {},",
            "  \"a\": []",
            "}"
        ]
    );
}
