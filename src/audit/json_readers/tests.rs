use super::*;
use crate::json::fields::jq_path;
use serde_json::json;

#[test]
fn jq_paths_round_trip_to_pointers() {
    for pointer in [
        "",
        "/a",
        "/a/0/b",
        "/user/user_fields/3rd_party",
        "/x y/~1z/2",
    ] {
        let path = jq_path(pointer);
        assert_eq!(pointer_of(&path).as_deref(), Some(pointer), "{path}");
    }
    assert_eq!(pointer_of("[.discounts[] | .x] | length"), None);
}

#[test]
fn lookups_find_what_value_pointer_and_get_find() {
    let json = json!({"a": [1, {"b~/c": 2, "d": 3}], "e": {"f": null}, "": 4});
    for pointer in [
        "",
        "/a",
        "/a/0",
        "/a/1/b~0~1c",
        "/a/1/d",
        "/a/01",
        "/a/+1",
        "/a/9",
        "/e/f",
        "/e/g",
        "/",
        "a",
        "/a/1/d/x",
    ] {
        assert_eq!(lookup(&json, pointer), json.pointer(pointer), "{pointer:?}");
    }
    let mut hint = KeyHint::default();
    let rows = [
        json!({"x": 1, "y": 2}),
        json!({"y": 3, "x": 4}),
        json!({"y": 5}),
        json!(7),
    ];
    let found: Vec<Option<&Value>> = rows.iter().map(|row| hint.get(row, "x")).collect();
    let expected: Vec<Option<&Value>> = rows.iter().map(|row| row.get("x")).collect();
    assert_eq!(found, expected);
    let wide: Value = (0..100).map(|n| (format!("k{n}"), json!(n))).collect();
    assert_eq!(field(&wide, "k77"), Some(&json!(77)));
}

#[test]
fn lenient_readers_never_panic() {
    assert_eq!(flag(Some(&json!("TRUE"))), Some(true));
    assert_eq!(flag(Some(&json!([]))), None);
    assert_eq!(count(Some(&json!("12"))), Some(12));
    assert_eq!(count(Some(&json!(-3))), None);
    assert_eq!(count(Some(&json!(1e40))), Some(u64::MAX));
    assert!(items(&json!({"a": 1}), "/a").is_empty());
    assert!(parse_time(&json!("2023-09-11T16:28:22.227002+05:30")).is_some());
    assert!(parse_time(&json!("2023-09-11 16:28:22")).is_some());
    assert!(parse_time(&json!(12)).is_none());
}
