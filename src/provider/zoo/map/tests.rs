//! Unit tests of `map`.

use super::*;
use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde_json::json;

fn response(path: &str, body: &Value) -> Response {
    Response {
        status: 200,
        path: path.to_owned(),
        headers: HeaderMap::new(),
        body: Bytes::from(body.to_string()),
    }
}

fn field<'a>(record: &'a UserRecord, label: &str) -> &'a FieldValue {
    &record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .find(|field| field.label == label)
        .unwrap_or_else(|| panic!("no field {label}"))
        .value
}

#[test]
fn wrong_shapes_are_decode_errors() {
    let err = map_page(&response("/users", &json!([1, 2])), ListEndpoint::Users).unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::Shape { .. })
    ));
    let err = map_record(
        "x",
        &response("/d", &json!("text")),
        Err(ProfileGap::Status(404)),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::Shape { .. })
    ));
    let err = map_record(
        "x",
        &response("/d", &json!({})),
        Ok(&response("/p", &json!(null))),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::Shape { .. })
    ));
}

#[test]
fn summary_tolerates_missing_fields_and_unknown_block_reasons() {
    let summary = map_summary(&json!({"id": 7, "block": "future_reason"})).unwrap();
    assert_eq!(summary.id, "7");
    assert_eq!(summary.name, "");
    assert_eq!(
        summary.status,
        [StatusMarker::Blocked("future_reason".into())]
    );
    assert!(map_summary(&json!({"name": "x"})).is_none());
}

#[test]
fn details_alone_when_the_profile_is_unavailable() {
    let details = response(
        "/users/a@x.io/admin/details",
        &json!({"block": "upgrade_downgrade_abuse", "active_sessions_count": "3", "brand_new": 1}),
    );
    let record = map_record("a@x.io", &details, Err(ProfileGap::Status(404))).unwrap();
    assert_eq!(record.bodies.len(), 1);
    assert_eq!(record.json, parse_json(&details).unwrap());
    assert_eq!(record.summary.email, "a@x.io");
    assert_eq!(
        record.summary.status,
        [StatusMarker::Blocked("upgrade_downgrade_abuse".into())]
    );
    assert_eq!(
        field(&record, "Profile").display(),
        "unavailable (HTTP 404)"
    );
    assert_eq!(field(&record, "Active sessions").display(), "3");
    assert_eq!(field(&record, "Never block"), &FieldValue::Missing);
    let other = record.sections.last().unwrap();
    assert_eq!(other.title, "Other fields");
    assert_eq!(other.fields[0].path, ".brand_new");
}

#[test]
fn both_bodies_are_kept_in_order() {
    let details = response(
        "/users/u1/admin/details",
        &json!({"block": null, "never_block": true}),
    );
    let profile = response(
        "/users/u1",
        &json!({"id": "u1", "name": "Ana", "email": "a@x.io", "block": "admin", "extra": 1}),
    );
    let record = map_record("u1", &details, Ok(&profile)).unwrap();
    let labels: Vec<_> = record
        .bodies
        .iter()
        .map(|body| body.label.as_str())
        .collect();
    assert_eq!(labels, ["admin_details", "profile"]);
    let keys: Vec<_> = record.json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["admin_details", "profile"]);
    assert_eq!(record.summary.name, "Ana");
    assert_eq!(
        record.summary.status,
        [StatusMarker::Blocked("admin".into())]
    );
    assert_eq!(field(&record, "Block").display(), "null");
    assert_eq!(field(&record, "Block (profile)").display(), "admin");
    assert_eq!(field(&record, "E-mail").display(), "a@x.io");
    let other = record.sections.last().unwrap();
    assert_eq!(other.fields[0].path, ".profile.extra");
}
