//! Unit tests of `record` and `activity`.

use super::super::activity::map_activity_record;
use super::*;
use crate::model::StatusMarker;
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

use super::super::credits::parse_time;

fn now() -> DateTime<Utc> {
    parse_time("2026-01-01T00:00:00Z").unwrap()
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
fn user_record_tolerates_missing_and_unknown_fields() {
    let body = json!({
        "user": {"id": "42", "first_name": "Ana", "role": "inactive_customer", "favourite": "tea",
                 "user_fields": {"3rd_party": false, "shoe_size": 40}},
        "discounts": [{"id": 1, "attendance": [{"attendance": "noshow"}, {"attendance": "time_travel"}]}],
        "free_events": "not a list",
        "new_top": 1
    });
    let record = map_user_record("42", &response("/user", &body), now()).unwrap();
    assert_eq!(record.summary.id, "42");
    assert_eq!(record.summary.status, [StatusMarker::Inactive]);
    assert_eq!(
        field(&record, "Third-party sharing"),
        &FieldValue::Bool(false)
    );
    assert_eq!(field(&record, "E-mail"), &FieldValue::Missing);
    assert_eq!(field(&record, "noshow").display(), "1");
    assert_eq!(field(&record, "time_travel").display(), "1");
    assert_eq!(field(&record, "Free event: total").display(), "0");
    assert_eq!(record.fetched_at, now());
    let other = record.sections.last().unwrap();
    let paths: Vec<_> = other
        .fields
        .iter()
        .map(|field| field.path.as_str())
        .collect();
    assert_eq!(
        paths,
        [".new_top", ".user.favourite", ".user.user_fields.shoe_size"]
    );
    for bad in [json!([]), json!({"user": 3})] {
        let err = map_user_record("1", &response("/user", &bad), now()).unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
    }
}

#[test]
fn activity_record_keeps_both_bodies_or_notes_missing_orders() {
    let registrations = response(
        "/user/7/registrations",
        &json!({"data": [{"registration_id": 1, "first_name": "Eva", "last_name": "Nov", "email": "e@x", "status": "registered"}]}),
    );
    let orders = response(
        "/user/7/orders",
        &json!([{"id": 9, "payment_status": "paid"}]),
    );
    let record = map_activity_record("7", &registrations, Ok(&orders), now()).unwrap();
    assert_eq!(record.bodies.len(), 2);
    assert_eq!(record.summary.name, "Eva Nov");
    assert!(field(&record, "Order 9").display().contains("paid"));
    assert!(
        field(&record, "Registration 1")
            .display()
            .contains("registered")
    );
    let keys: Vec<_> = record.json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["registrations", "orders"]);
    let alone = map_activity_record("7", &registrations, Err(403), now()).unwrap();
    assert_eq!(alone.bodies.len(), 1);
    assert_eq!(alone.json, parse_json(&registrations).unwrap());
    assert_eq!(field(&alone, "Orders").display(), "unavailable (HTTP 403)");
    let err =
        map_activity_record("7", &response("/r", &json!({"x": 1})), Err(404), now()).unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::Shape { .. })
    ));
}
