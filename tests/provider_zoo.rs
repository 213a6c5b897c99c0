//! The Zoo mapper over the seed-shaped admin details body (and a profile body): it maps without
//! error, every field of the body shows in a section, and the bytes are kept exactly.

use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde_json::Value;
use userscope::http::Response;
use userscope::json::fields::jq_path;
use userscope::model::{FieldValue, StatusMarker, UserRecord};
use userscope::provider::zoo::{ProfileGap, map_record};

const DETAILS: &[u8] = include_bytes!("fixtures/zoo/seed-admin-details.json");

const PROFILE: &str = r#"{
  "id": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
  "email": "ana@example.com",
  "email_verified": "2025-11-02T17:00:00Z",
  "name": "",
  "first_name": "Ana",
  "last_name": "Li",
  "username": "anali",
  "company": "Li Machines",
  "phone": "+1 408 555 0100",
  "discord": "ana#0001",
  "github": "anali",
  "image": "https://example.com/ana.png",
  "created_at": "2025-11-02T16:59:00Z",
  "updated_at": "2026-02-20T08:15:42Z",
  "block": "payment_method_failed",
  "block_message": "Your payment method failed.",
  "allow_pay_as_you_go": false,
  "can_train_on_data": true,
  "deletion_scheduled": false,
  "is_onboarded": true,
  "is_service_account": false
}"#;

fn response(path: &str, body: Bytes) -> Response {
    Response {
        status: 200,
        path: path.to_owned(),
        headers: HeaderMap::new(),
        body,
    }
}

/// Every leaf (scalar, empty array or empty object) of a JSON value, as jq paths.
fn leaves(value: &Value, pointer: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, child) in map {
                leaves(child, &format!("{pointer}/{key}"), out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (index, child) in items.iter().enumerate() {
                leaves(child, &format!("{pointer}/{index}"), out);
            }
        }
        _ => out.push(jq_path(pointer)),
    }
}

/// A field path shows a leaf when it is the leaf or one of its parents.
fn covers(field: &str, leaf: &str) -> bool {
    leaf == field
        || (leaf.starts_with(field) && matches!(leaf.as_bytes()[field.len()], b'.' | b'['))
}

fn uncovered(record: &UserRecord) -> Vec<String> {
    let mut all = Vec::new();
    leaves(&record.json, "", &mut all);
    let paths: Vec<&str> = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .filter(|field| field.value != FieldValue::Missing)
        .map(|field| field.path.as_str())
        .collect();
    all.into_iter()
        .filter(|leaf| !paths.iter().any(|path| covers(path, leaf)))
        .collect()
}

#[test]
fn seed_details_alone_map_every_field_and_keep_the_bytes() {
    let details = response(
        "/users/ana@example.com/admin/details",
        Bytes::from_static(DETAILS),
    );
    let record = map_record("ana@example.com", &details, Err(ProfileGap::Status(404))).unwrap();
    assert_eq!(record.raw(), DETAILS);
    assert_eq!(record.bodies.len(), 1);
    assert_eq!(record.bodies[0].label, "admin_details");
    assert_eq!(
        record.json,
        serde_json::from_slice::<Value>(DETAILS).unwrap()
    );
    assert_eq!(uncovered(&record), Vec::<String>::new());
    assert!(
        record
            .sections
            .iter()
            .all(|section| section.title != "Other fields"),
        "every seed field is known"
    );
    assert_eq!(
        record.summary.status,
        [StatusMarker::Blocked("payment_method_failed".into())]
    );
    assert_eq!(record.summary.email, "ana@example.com");
}

#[test]
fn seed_details_with_profile_map_every_field_of_both() {
    let details = response("/users/u/admin/details", Bytes::from_static(DETAILS));
    let profile = response("/users/u", Bytes::from_static(PROFILE.as_bytes()));
    let record = map_record("u", &details, Ok(&profile)).unwrap();
    assert_eq!(record.bodies.len(), 2);
    assert_eq!(&record.bodies[0].bytes[..], DETAILS);
    assert_eq!(&record.bodies[1].bytes[..], PROFILE.as_bytes());
    assert_eq!(record.bodies[1].label, "profile");
    assert_eq!(uncovered(&record), Vec::<String>::new());
    assert_eq!(record.summary.name, "Ana Li");
    assert_eq!(record.summary.id, "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
    let titles: Vec<_> = record
        .sections
        .iter()
        .map(|section| section.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Identity",
            "Account status",
            "Security",
            "Billing",
            "Onboarding",
            "Legacy"
        ]
    );
    let created = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .find(|field| field.label == "Created")
        .unwrap();
    assert!(matches!(created.value, FieldValue::Time(_)));
}
