use super::*;
use serde_json::json;

#[test]
fn jq_paths_read_like_jq() {
    assert_eq!(jq_path(""), ".");
    assert_eq!(jq_path("/shared_user/email"), ".shared_user.email");
    assert_eq!(jq_path("/discounts/3/events/0"), ".discounts[3].events[0]");
    assert_eq!(
        jq_path("/user_fields/3rd_party"),
        ".user_fields.[\"3rd_party\"]"
    );
}

#[test]
fn pointers_find_what_serde_json_finds() {
    let json = json!({
        "a": {"b/c": [10, {"~d": true, "": "empty key"}], "0": "zero", "01": 1},
        "list": [[1, 2], [3]],
        "": {"": "nested empty"},
    });
    for at in [
        "",
        "/",
        "//",
        "/a",
        "/a/b~1c",
        "/a/b~1c/0",
        "/a/b~1c/1/~0d",
        "/a/b~1c/1/",
        "/a/b~1c/01",
        "/a/b~1c/+1",
        "/a/b~1c/-1",
        "/a/b~1c/2",
        "/a/0",
        "/a/01",
        "/a/b~1c/ 1",
        "/list/1/0",
        "/list/1/0/x",
        "/missing",
        "a",
        "/a/b~c",
        "/a/b~01c",
        "/a/b~1c/1/~01",
        "/list/99999999999999999999999",
    ] {
        assert_eq!(pointer(&json, at), json.pointer(at), "{at:?}");
    }
}

#[test]
fn ids_as_int_or_string() {
    assert_eq!(id_text(Some(&json!(42))).as_deref(), Some("42"));
    assert_eq!(id_text(Some(&json!("42"))).as_deref(), Some("42"));
    assert_eq!(id_text(Some(&json!(null))), None);
}

#[test]
fn finds_unknown_fields_under_known_objects() {
    let json = json!({"id": 1, "new_thing": true, "inner": {"a": 1, "b": 2}});
    let section = unknown_fields(&json, &[("", &["id", "inner"]), ("/inner", &["a"])]).unwrap();
    let paths: Vec<_> = section
        .fields
        .iter()
        .map(|field| field.path.as_str())
        .collect();
    assert_eq!(paths, [".new_thing", ".inner.b"]);
    assert!(unknown_fields(&json!({"id": 1}), &[("", &["id"])]).is_none());
}

#[test]
fn microsecond_stamps_become_times() {
    let json = json!({"created_usec": 1_632_022_665_732_239_i64});
    let section = SectionBuilder::new(&json, "t")
        .usec("Created", "/created_usec")
        .build();
    assert_eq!(
        section.fields[0].value.display(),
        "2021-09-19 03:37:45 +00:00"
    );
}
