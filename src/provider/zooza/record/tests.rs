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

/// Both ways of mapping one `GET /user` body: as fetched (read in place when it is big) and
/// parsed whole. They must make the same record, the same overview and the same findings.
fn streamed_and_parsed(bytes: &Bytes) -> (UserRecord, UserRecord) {
    let response = Response {
        status: 200,
        path: "/user".to_owned(),
        headers: HeaderMap::new(),
        body: bytes.clone(),
    };
    let streamed = map_user_record("x", &response, now()).unwrap();
    let parsed = map_user_body("x", &response, None, now(), CreditsOverview::Now).unwrap();
    assert_eq!(streamed.raw(), &bytes[..], "the exact bytes are kept");
    assert_eq!(streamed.summary, parsed.summary);
    assert_eq!(streamed.sections, parsed.sections);
    let audit = crate::audit::RecordAudit {
        profile: "p".into(),
        rules: crate::audit::select_rules(None, &[]).unwrap(),
        settings: crate::audit::AuditSettings::default(),
    };
    let strip = |findings: Vec<crate::audit::Finding>| {
        findings
            .into_iter()
            .map(|finding| (finding.rule, finding.title, finding.path, finding.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        strip(audit.findings(&streamed)),
        strip(audit.findings(&parsed))
    );

    // As fetched: the same record but for the credits overview, which waits until it is shown
    // (the audit reads the credits itself); its full mapping is the whole record's.
    let fetched = map_fetched_user_record("x", &response, now()).unwrap();
    assert!(fetched.deferred);
    assert_eq!(fetched.summary, parsed.summary);
    assert_eq!(fetched.json, streamed.json);
    assert_eq!(fetched.raw(), &bytes[..]);
    let titles = |record: &UserRecord| {
        record
            .sections
            .iter()
            .map(|section| section.title.clone())
            .collect::<Vec<_>>()
    };
    let mut without_credits = titles(&parsed);
    without_credits.retain(|title| title != "Credits" && title != "Attendance");
    assert_eq!(titles(&fetched), without_credits);
    assert_eq!(
        strip(audit.findings(&fetched)),
        strip(audit.findings(&parsed)),
        "an audit needs no overview"
    );
    let shown = crate::provider::deferred::map_in_full(&fetched).unwrap();
    assert!(!shown.deferred);
    assert_eq!(shown.sections, parsed.sections);
    assert_eq!((shown.id.as_str(), shown.fetched_at), ("x", now()));
    assert_eq!(
        shown.bodies, fetched.bodies,
        "the body as fetched, path and all"
    );
    (streamed, parsed)
}

#[test]
fn fetched_sandbox_records_read_their_credits_in_place_as_a_parse_would() {
    // Owner, every role, hostile text (`index % 25 == 7`) and odd JSON (`% 25 == 13`), two seeds.
    let users = (0..40).map(|index| (42, index)).chain([(7, 3), (7, 32)]);
    for (seed, index) in users {
        let bytes = Bytes::from(crate::sandbox::zooza_body_for_tests(seed, index));
        assert!(bytes.len() >= STREAMED_BODY_BYTES, "user {index}");
        let (streamed, _) = streamed_and_parsed(&bytes);
        assert!(
            streamed
                .big
                .as_ref()
                .is_some_and(|big| big.streamed == STREAMED_LISTS),
            "user {index}: credits are read in place"
        );
        assert_eq!(streamed.json["discounts"], json!([]));
    }
}

#[test]
fn credits_read_in_place_show_odd_values_as_a_parse_does() {
    // Values a describe line writes as JSON: big and odd numbers, escapes, nested containers
    // (one with a duplicated key), ids as strings, a key written with an escape.
    let credit = |n: usize| {
        serde_json::from_str::<Value>(&format!(
            r#"{{"id": "c-{n}", "type": "disc\u00f6unt", "value": 12345678901234567890123,
                "code": "a\"b\\c\u0001", "active": 1, "expired": "false", "usage": -0,
                "used": 1.50, "settings": {{"a": [1, {{"b": null, "c": 2e3}}], "d": "\t"}},
                "expiration": "2025-12-0{}T00:00:00Z",
                "events": [{{"id": {n}, "name": "Swim", "courses": {{"id": 1, "name": "x"}},
                            "trainers": [{{"full_name": "T\u00e9"}}], "places": []}}],
                "attendance": [{{"id": {n}, "attendance": "noshow", "credit_id": 1e2}}],
                "x_unknown": [true, false]}}"#,
            1 + n % 9
        ))
        .unwrap()
    };
    let mut body = serde_json::to_string(&json!({
        "user": {"id": 7, "first_name": "Ana"},
        "discounts": (0..40).map(credit).collect::<Vec<_>>(),
        "free_events": [],
    }))
    .unwrap();
    // A duplicated key inside a container and an escaped key, as raw bytes (a `Value` has neither).
    body = body.replacen(r#""settings":{"a""#, r#""settings":{"d":"first","a""#, 1);
    body = body.replacen(r#""code":"#, r#""c\u006fde":"#, 1);
    let bytes = Bytes::from(body);
    assert!(bytes.len() >= STREAMED_BODY_BYTES);
    let (streamed, _) = streamed_and_parsed(&bytes);
    assert!(streamed.big.is_some());
    let line = field(&streamed, "Discount c-0").display();
    assert!(line.contains("value 1.2345678901234568e+22"), "{line}");
    assert!(
        line.contains(r#"settings {"d":"\t","a":[1,{"b":null,"c":2000.0}]}"#),
        "{line}"
    );
}
