use super::*;
use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde_json::json;

fn response(path: &str, body: &str) -> Response {
    Response {
        status: 200,
        path: path.into(),
        headers: HeaderMap::new(),
        body: Bytes::from(body.to_owned()),
    }
}

fn field<'a>(record: &'a UserRecord, path: &str) -> &'a FieldValue {
    &record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .find(|field| field.path == path)
        .unwrap_or_else(|| panic!("no field at {path}"))
        .value
}

#[test]
fn summary_takes_the_first_email_and_flags() {
    let json = json!({"id": "U1", "name": "Jane", "emails": ["a@x", "b@x"], "disabled": true, "is_robot": true});
    let summary = map_summary(&json).unwrap();
    assert_eq!(summary.email, "a@x");
    assert_eq!(
        summary.status,
        [StatusMarker::Disabled, StatusMarker::Robot]
    );
    let objects = json!({"id": "U2", "emails": [{"address": "c@x"}]});
    assert_eq!(map_summary(&objects).unwrap().email, "c@x");
    assert_eq!(map_summary(&json!({"id": "U3"})).unwrap().name, "");
    assert!(map_summary(&json!({"name": "no id"})).is_none());
}

#[test]
fn a_meta_mode_record_counts_threads_and_shows_unknown_fields() {
    let body = json!({
        "id": "U1", "name": "Jane", "disabled": false, "brand_new": 7,
        "threads": {
            "T1": {"updated_usec": 1_632_022_665_732_239_i64, "link": "https://q/T1", "is_deleted": false},
            "T2": {"updated_usec": 1_600_000_000_000_000_i64, "is_deleted": true}
        }
    })
    .to_string();
    let record = map_record("U1", &response("/1/admin/users/U1", &body)).unwrap();
    assert_eq!(field(&record, ".brand_new").display(), "7");
    let thread_fields = &record.sections[3].fields;
    let shown: Vec<_> = thread_fields.iter().map(|f| f.value.display()).collect();
    assert_eq!(
        shown,
        [
            "2",
            "1",
            "2021-09-19 03:37:45 +00:00",
            "metadata only (threads_meta)"
        ]
    );
    // Thread ids are data, not unknown fields.
    assert!(
        record
            .sections
            .iter()
            .flat_map(|s| &s.fields)
            .all(|f| !f.path.contains("T1"))
    );
}

#[test]
fn a_normal_mode_record_counts_contacts_and_flags_new_keys() {
    let body = json!({"id": "U1", "threads": {"threads": {}, "users": {"U2": {}, "U3": {}}, "companies": {"C": {}}, "extra": 1}}).to_string();
    let record = map_record("U1", &response("/1/admin/users/U1", &body)).unwrap();
    assert_eq!(field(&record, ".threads.users").display(), "2");
    assert_eq!(field(&record, ".threads.companies").display(), "1");
    assert_eq!(field(&record, ".threads.extra").display(), "1");
    assert!(record.summary.status.is_empty());
}

#[test]
fn a_record_without_any_known_field_still_maps() {
    let record = map_record("U9", &response("/1/admin/users/U9", "{}")).unwrap();
    assert_eq!(record.summary.id, "U9");
    assert_eq!(field(&record, ".created_usec"), &FieldValue::Missing);
    assert_eq!(field(&record, ".threads"), &FieldValue::Missing);
    let odd = map_record(
        "U9",
        &response(
            "/1/admin/users/U9",
            r#"{"created_usec":"soon","threads":3}"#,
        ),
    )
    .unwrap();
    assert_eq!(field(&odd, ".created_usec").display(), "soon");
}

#[test]
fn a_record_that_is_not_an_object_is_a_shape_error() {
    for body in ["[]", "\"x\"", "null"] {
        let err = map_record("U", &response("/1/admin/users/U", body)).unwrap_err();
        assert!(
            matches!(err, ProviderError::Decode(DecodeError::Shape { .. })),
            "{body}: {err}"
        );
    }
    let err = map_record("U", &response("/1/admin/users/U", "{")).unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::NotJson { .. })
    ));
}

#[test]
fn a_lookup_skips_error_strings_and_duplicates() {
    let body = r#"{"UAAAAAAAAA1":{"id":"UAAAAAAAAA1","name":"Ann","emails":["ann@x"]},
        "ann@x":{"id":"UAAAAAAAAA1","name":"Ann"},
        "nobody@x":"Invalid email",
        "UBBBBBBBBB2":{"id":"UBBBBBBBBB2","name":"Bot","is_robot":true}}"#;
    let users = map_lookup(&response("/1/users/", body)).unwrap();
    let ids: Vec<_> = users.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["UAAAAAAAAA1", "UBBBBBBBBB2"]);
    assert_eq!(users[1].status, [StatusMarker::Robot]);
}

#[test]
fn a_lookup_where_everything_failed_is_empty() {
    let body = r#"{"a@x":"Invalid email","U1":"Invalid user id"}"#;
    assert!(map_lookup(&response("/1/users/", body)).unwrap().is_empty());
}

#[test]
fn a_lookup_accepts_one_user_or_a_list_and_refuses_text() {
    let one = map_lookup(&response("/1/users/", r#"{"id":"U1","name":"Ann"}"#)).unwrap();
    assert_eq!(one[0].name, "Ann");
    let list = map_lookup(&response("/1/users/", r#"[{"id":"U1"},{"id":"U2"},3]"#)).unwrap();
    assert_eq!(list.len(), 2);
    let err = map_lookup(&response("/1/users/", "\"no\"")).unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::Shape { .. })
    ));
}
