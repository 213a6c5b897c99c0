use super::*;

/// Every way of reading a value gives the same answer from the index as from the parse.
fn same_reads(parsed: JsonRef<'_>, indexed: JsonRef<'_>) {
    assert_eq!(parsed.kind(), indexed.kind());
    assert_eq!(parsed.as_str(), indexed.as_str());
    assert_eq!(parsed.as_bool(), indexed.as_bool());
    assert_eq!(parsed.number(), indexed.number());
    assert_eq!(parsed.is_null(), indexed.is_null());
    assert_eq!(parsed.to_value(), indexed.to_value());
    let (mut a, mut b) = (String::new(), String::new());
    parsed.write_json(&mut a);
    indexed.write_json(&mut b);
    assert_eq!(a, b);
    let keys_a: Vec<_> = parsed.members().map(|(key, _)| key).collect();
    let keys_b: Vec<_> = indexed.members().map(|(key, _)| key).collect::<Vec<_>>();
    // The index keeps a duplicated key twice; the parse once, with the last value.
    let mut deduplicated = Vec::new();
    for key in keys_b {
        deduplicated.retain(|seen| *seen != key);
        deduplicated.push(key);
    }
    let mut keys_a_sorted = keys_a.clone();
    keys_a_sorted.sort();
    deduplicated.sort();
    assert_eq!(keys_a_sorted, deduplicated);
    for key in &keys_a {
        same_reads(parsed.get(key).unwrap(), indexed.get(key).unwrap());
    }
    assert_eq!(parsed.items().count(), indexed.items().count());
    for (a, b) in parsed.items().zip(indexed.items()) {
        same_reads(a, b);
    }
}

#[test]
fn an_indexed_value_reads_as_its_parse_does() {
    let body = br#"{"id": 12, "big": 1234567890123456789012345, "neg": -0, "f": 1.50, "e": 1e2,
        "deep": {"a" : [ 1, {"b\u0041": "x\ty", "c": []}, {}, [[]], -1.5e3 ], "z": null},
        "name": "A\u00e9\"b", "on": true, "off": false, "nil": null, "dup": 1, "dup": "two",
        "list": [1, "x", {"a": [null]}], "nested": {"k": {"j": [true, 2.5]}}, "max": 18446744073709551615,
        "over": 18446744073709551616, "zero": 0, "lead": -12, "": "empty key"}"#;
    let value: Value = serde_json::from_slice(body).unwrap();
    let index = JsonIndex::new(body).unwrap();
    let indexed = JsonRef::Indexed {
        index: &index,
        bytes: body,
        node: 0,
    };
    assert!(
        index.has_escaped_keys(),
        "`b\\u0041` is a key with an escape"
    );
    same_reads(JsonRef::Parsed(&value), indexed);
    assert_eq!(indexed.get("dup").unwrap().as_str().as_deref(), Some("two"));
    assert_eq!(indexed.get("absent").map(JsonRef::kind), None);
    assert!(indexed.get("id").unwrap().get("x").is_none());
}

#[test]
fn pick_finds_each_key_in_one_pass() {
    let body = br#"{"b": 2, "a": 1, "b": 3, "c": null, "ab": 4, "a\"": 5}"#;
    let index = JsonIndex::new(body).unwrap();
    // A key with an escape, decoded to compare: `a"` is not `a`.
    assert!(index.has_escaped_keys());
    let object = JsonRef::Indexed {
        index: &index,
        bytes: body,
        node: 0,
    };
    let mut found = [None; 3];
    object.pick(&["a", "b", "z"], &mut found);
    let text = |slot: Option<JsonRef<'_>>| {
        slot.map(|value| {
            let mut out = String::new();
            value.write_json(&mut out);
            out
        })
    };
    assert_eq!(text(found[0]).as_deref(), Some("1"));
    assert_eq!(
        text(found[1]).as_deref(),
        Some("3"),
        "the last of a duplicate"
    );
    assert_eq!(text(found[2]), None);

    // Without an escaped key, keys are compared where they lie: an empty key and prefixes.
    let body = br#"{"": 1, "a": 2, "ab": 3, "b": 4}"#;
    let index = JsonIndex::new(body).unwrap();
    assert!(!index.has_escaped_keys());
    let object = JsonRef::Indexed {
        index: &index,
        bytes: body,
        node: 0,
    };
    let mut found = [None; 4];
    object.pick(&["ab", "", "a", "abc"], &mut found);
    let found: Vec<Option<String>> = found.into_iter().map(text).collect();
    assert_eq!(
        found,
        [Some("3".into()), Some("1".into()), Some("2".into()), None]
    );
}
