use super::*;
use serde_json::json;

fn big_zooza() -> Bytes {
    let credit = json!({"id": 1, "type": "discount", "code": "X", "events": [{"id": 2}], "attendance": [{"attendance": "noshow"}]});
    let credits = vec![credit; 1000];
    let body = json!({"user": {"id": 1000, "first_name": "Anna", "last_name": "Berg", "email": "a@x.io"}, "discounts": credits, "free_events": [], "credit_balance": {"EUR": 1}});
    Bytes::from(serde_json::to_vec(&body).unwrap())
}

#[test]
fn a_big_record_opens_from_its_small_parts_and_maps_in_full_later() {
    let bytes = big_zooza();
    assert!(bytes.len() >= 1000 * 80);
    let record = map_export_from(None, bytes.clone(), None, TEST_BIG_BYTES).unwrap();
    assert!(record.deferred);
    assert_eq!(record.provider, crate::model::ProviderKind::Zooza);
    assert_eq!(record.id, "1000");
    assert_eq!(record.summary.name, "Anna Berg");
    assert_eq!(record.raw(), &bytes[..], "the exact bytes are kept");
    assert_eq!(record.json, Value::Null);
    let full = map_in_full(&record).unwrap();
    assert!(!full.deferred);
    assert_eq!(full.raw(), &bytes[..]);
    assert_eq!(
        full.lists().items("discounts").count(),
        1000,
        "the credits are read from the index"
    );
    assert!(
        full.sections
            .iter()
            .any(|section| section.title == "Credits"),
        "the overview has the credits"
    );
}

/// A big Zooza body whose credits vary: active or not, expired by flag or by date, with
/// no-shows, ids as numbers and strings, an unknown member and a 25-digit number.
fn varied_zooza(credits: usize) -> Bytes {
    let credit = |n: usize| {
        json!({
            "id": if n.is_multiple_of(7) { json!(format!("c-{n}")) } else { json!(200_000 + n) },
            "type": "discount",
            "active": !n.is_multiple_of(3),
            "expired": n.is_multiple_of(5),
            "expiration": if n.is_multiple_of(4) { "2020-01-01 00:00:00" } else { "2099-01-01T00:00:00Z" },
            "events": [{"id": n, "name": "Swim"}],
            "attendance": [{"id": n, "attendance": if n.is_multiple_of(2) { "noshow" } else { "attended" }}],
        })
    };
    let body = json!({
        "user": {"id": 77, "first_name": "Ana", "last_name": "Berg", "role": "inactive_customer"},
        "agreements": [{"id": 1, "mandatory": true, "accepted": false, "title": "Terms"}],
        "discounts": (0..credits).map(credit).collect::<Vec<_>>(),
        "x_future": {"big": "1234567890123456789012345"},
        "free_events": (0..credits / 2).map(credit).collect::<Vec<_>>(),
        "credit_balance": {"EUR": 3},
    });
    Bytes::from(serde_json::to_vec(&body).unwrap())
}

#[test]
fn a_big_zooza_record_maps_and_audits_from_its_index_as_a_parsed_one_does() {
    let bytes = varied_zooza(600);
    let whole = super::super::map_export(Some("zooza"), bytes.clone()).unwrap();
    let opened = map_export_from(None, bytes.clone(), None, TEST_BIG_BYTES).unwrap();
    assert!(
        opened
            .big
            .as_ref()
            .is_some_and(|big| big.streamed.is_empty())
    );
    let streamed = map_in_full(&opened).unwrap();

    let big = streamed.big.as_ref().expect("the index is kept");
    let zooza_lists = super::super::REGISTRY
        .iter()
        .find(|entry| entry.name == "zooza")
        .and_then(|entry| entry.map_streamed.as_ref())
        .map(|mapper| mapper.lists);
    assert_eq!(Some(big.streamed), zooza_lists);
    assert!(Arc::ptr_eq(&big.index, &opened.big.as_ref().unwrap().index));
    assert_eq!(
        streamed.json["discounts"],
        json!([]),
        "credits are not parsed whole"
    );
    assert_eq!(streamed.json["user"], whole.json["user"]);
    assert_eq!(streamed.raw(), &bytes[..], "the exact bytes are kept");
    assert_eq!(streamed.sections, whole.sections);

    let audit = crate::audit::RecordAudit {
        profile: "p".into(),
        rules: crate::audit::select_rules(None, &[]).unwrap(),
        settings: crate::audit::AuditSettings::default(),
    };
    let (a, b) = (audit.findings(&streamed), audit.findings(&whole));
    assert!(a.len() > 100, "{}", a.len());
    let strip = |findings: Vec<crate::audit::Finding>| {
        findings
            .into_iter()
            .map(|finding| (finding.rule, finding.title, finding.path, finding.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(a), strip(b));
}

#[test]
fn small_records_map_at_once_and_bad_big_ones_say_where() {
    let small = Bytes::from_static(br#"{"user": {"id": 5}, "discounts": []}"#);
    assert!(
        !map_export_from(Some("zooza"), small, None, TEST_BIG_BYTES)
            .unwrap()
            .deferred
    );
    let mut bad = big_zooza().to_vec();
    let at = bad.len() - 2;
    bad[at] = b'@';
    let error = map_export_from(None, Bytes::from(bad), None, TEST_BIG_BYTES)
        .unwrap_err()
        .one_line();
    assert!(error.contains(&format!("at byte {at}")), "{error}");
}
