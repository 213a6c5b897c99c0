//! The Zooza mapper over the seed's `GET /user` example body, copied verbatim: it maps without
//! error, every field of the body shows in a section, and the bytes are kept exactly.

use bytes::Bytes;
use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;
use serde_json::Value;
use userscope::http::Response;
use userscope::json::fields::jq_path;
use userscope::model::{FieldValue, StatusMarker, UserRecord};
use userscope::provider::zooza::map_user_record;

const SEED: &[u8] = include_bytes!("fixtures/zooza/seed-user.json");

fn response(path: &str, body: Bytes) -> Response {
    Response {
        status: 200,
        path: path.to_owned(),
        headers: HeaderMap::new(),
        body,
    }
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test times are RFC 3339")
        .to_utc()
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
fn seed_user_maps_every_field_and_keeps_the_bytes() {
    let now = at("2025-05-01T00:00:00Z");
    let record = map_user_record("42", &response("/user", Bytes::from_static(SEED)), now).unwrap();
    assert_eq!(record.raw(), SEED);
    assert_eq!(record.bodies.len(), 1);
    assert_eq!(record.bodies[0].label, "user");
    assert_eq!(record.json, serde_json::from_slice::<Value>(SEED).unwrap());
    assert_eq!(uncovered(&record), Vec::<String>::new());
    assert!(
        record
            .sections
            .iter()
            .all(|section| section.title != "Other fields"),
        "every seed field is known"
    );
    let titles: Vec<_> = record
        .sections
        .iter()
        .map(|section| section.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Identity",
            "Organisation",
            "Permissions",
            "Agreements",
            "Credits",
            "Attendance"
        ]
    );

    assert_eq!(record.summary.id, "42");
    assert_eq!(record.summary.name, "string string");
    assert_eq!(record.summary.email, "hello@example.com");
    assert_eq!(record.summary.role.as_deref(), Some("customer"));
    assert!(record.summary.status.is_empty());
    assert_ne!(record.summary.status, [StatusMarker::Inactive]);

    assert_eq!(
        field(&record, "Third-party sharing"),
        &FieldValue::Bool(true)
    );
    assert_eq!(
        field(&record, "Company string").display(),
        "role owner, id 42, e-mail string"
    );
    assert_eq!(
        field(&record, "Allowed").display(),
        "string (string: string)"
    );
    assert_eq!(field(&record, "Mandatory").display(), "string");
    // The seed's credits say `expired: true`, whatever their expiration.
    assert_eq!(field(&record, "Discount: active").display(), "0");
    assert_eq!(field(&record, "Discount: expired").display(), "1");
    assert_eq!(field(&record, "Free event: expired").display(), "1");
    assert_eq!(field(&record, "going").display(), "2");
    let credit = field(&record, "Discount 42").display();
    for part in [
        "replacement",
        "value 42",
        "code string",
        "usage used",
        "origin attendance 42",
        "used on order 42",
        "by string",
    ] {
        assert!(credit.contains(part), "{part} missing from {credit}");
    }
    let event = field(&record, "Discount 42 event 42").display();
    assert!(event.contains("additional trainers"), "{event}");
    let agreement = field(&record, "Agreement 42").display();
    assert!(agreement.contains("for registration"), "{agreement}");
}

#[test]
fn unexpired_seed_credits_are_counted_against_the_fetch_time() {
    let mut json: Value = serde_json::from_slice(SEED).unwrap();
    json["discounts"][0]["expired"] = Value::Bool(false);
    let body = Bytes::from(serde_json::to_vec(&json).unwrap());
    // The credit expires 2025-05-04T09:42:00Z.
    let before = at("2025-05-01T00:00:00Z");
    let record = map_user_record("42", &response("/user", body.clone()), before).unwrap();
    assert_eq!(field(&record, "Discount: active").display(), "1");
    assert_eq!(
        field(&record, "Discount: expiring within 30 days").display(),
        "1"
    );
    assert_eq!(record.fetched_at, before);
    let after = at("2025-06-04T00:00:00Z");
    let record = map_user_record("42", &response("/user", body), after).unwrap();
    assert_eq!(field(&record, "Discount: expired").display(), "1");
    assert_eq!(field(&record, "Discount: active").display(), "0");
}
