//! The Quip mapping against the seed's example body (seed 002, Admin "Get a user"), read from a
//! fixture byte for byte: it maps, every field shows, and the raw bytes survive untouched.

use bytes::Bytes;
use chrono::{TimeZone, Utc};
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use serde_json::Value;
use userscope::http::Response;
use userscope::model::{FieldValue, StatusMarker, UserRecord};
use userscope::provider::quip;

const SEED: &[u8] = include_bytes!("fixtures/quip/seed-admin-user.json");
const PATH: &str = "/1/admin/users/UTUAEAiZl6B";

fn seed_response() -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response {
        status: 200,
        path: PATH.to_owned(),
        headers,
        body: Bytes::from_static(SEED),
    }
}

fn seed_record() -> UserRecord {
    quip::map_record("UTUAEAiZl6B", &seed_response()).expect("the seed body maps")
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
fn the_seed_body_maps_to_a_summary() {
    let record = seed_record();
    assert_eq!(record.provider, "quip");
    assert_eq!(record.id, "UTUAEAiZl6B");
    assert_eq!(record.summary.id, "UTUAEAiZl6B");
    assert_eq!(record.summary.name, "Jane Doe");
    assert_eq!(record.summary.email, "jane@example1.com");
    assert!(record.summary.status.is_empty());
    assert!(!record.summary.status.contains(&StatusMarker::Disabled));
}

#[test]
fn every_field_of_the_seed_shows_in_a_section() {
    let record = seed_record();
    let json: Value = serde_json::from_slice(SEED).unwrap();
    for key in json.as_object().unwrap().keys() {
        let value = field(&record, &format!(".{key}"));
        assert_ne!(value, &FieldValue::Missing, "{key} shows as missing");
    }
    // Everything is known, so there is no "Other fields" section.
    assert!(
        record
            .sections
            .iter()
            .all(|section| section.title != "Other fields")
    );
    let labels: Vec<&str> = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| field.label.as_str())
        .collect();
    assert!(labels.contains(&"Partial answer / error"), "{labels:?}");
    assert_eq!(
        field(&record, ".error"),
        &FieldValue::Text("ut sint".into())
    );
    assert_eq!(
        field(&record, ".shared_folder_ids").display(),
        "FGWAOAhT3qk, GGWAOAhT3qk"
    );
    assert_eq!(field(&record, ".affinity").display(), "0.43");
    assert_eq!(field(&record, ".disabled"), &FieldValue::Bool(false));
}

#[test]
fn the_sections_are_identity_status_folders_threads() {
    let titles: Vec<String> = seed_record()
        .sections
        .into_iter()
        .map(|section| section.title)
        .collect();
    assert_eq!(titles, ["Identity", "Account status", "Folders", "Threads"]);
}

#[test]
fn created_usec_is_a_utc_time() {
    let record = seed_record();
    let created = field(&record, ".created_usec");
    let expected = Utc
        .with_ymd_and_hms(2021, 9, 19, 3, 37, 45)
        .unwrap()
        .checked_add_signed(chrono::TimeDelta::microseconds(732_239))
        .unwrap();
    let FieldValue::Time(time) = created else {
        panic!("created_usec is not a time: {created:?}");
    };
    assert_eq!(*time, expected);
    assert_eq!(time.offset().local_minus_utc(), 0);
    assert_eq!(created.display(), "2021-09-19 03:37:45 +00:00");
}

#[test]
fn the_raw_bytes_are_kept_exactly() {
    let record = seed_record();
    assert_eq!(record.raw(), SEED);
    assert_eq!(record.bodies.len(), 1);
    assert_eq!(record.bodies[0].label, quip::ADMIN_USER_LABEL);
    assert_eq!(record.bodies[0].path, PATH);
    // The parsed JSON keeps the server's key order.
    let keys: Vec<&String> = record.json.as_object().unwrap().keys().collect();
    assert_eq!(keys.first().map(|key| key.as_str()), Some("affinity"));
    assert_eq!(keys.last().map(|key| key.as_str()), Some("error"));
}

#[test]
fn the_seed_lists_no_threads_and_counts_zero() {
    let record = seed_record();
    assert!(quip::threads_of(&record.json).is_empty());
    let threads = &record
        .sections
        .iter()
        .find(|section| section.title == "Threads")
        .unwrap()
        .fields;
    assert_eq!(threads[0].value.display(), "0");
    assert_eq!(field(&record, ".threads.users").display(), "0");
}
