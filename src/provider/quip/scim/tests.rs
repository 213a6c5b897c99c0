use super::*;
use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde_json::json;

fn response(body: &Value) -> Response {
    Response {
        status: 200,
        path: "/Users".into(),
        headers: HeaderMap::new(),
        body: Bytes::from(body.to_string()),
    }
}

fn user(n: u64) -> Value {
    json!({"id": format!("U{n}"), "userName": format!("u{n}@x.com"), "active": true})
}

fn page(start: u64, total: u64, count: u64) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": total, "startIndex": start, "itemsPerPage": count,
        "Resources": (start..start + count).map(user).collect::<Vec<_>>()
    })
}

#[test]
fn pages_until_total_results() {
    let first = map_scim_page(&response(&page(1, 5, 2)), 1).unwrap();
    assert_eq!(first.next.as_deref(), Some("3"));
    assert_eq!(first.total, Some(5));
    assert_eq!(first.users[0].email, "u1@x.com");
    let second = map_scim_page(&response(&page(3, 5, 2)), 3).unwrap();
    assert_eq!(second.next.as_deref(), Some("5"));
    let last = map_scim_page(&response(&page(5, 5, 1)), 5).unwrap();
    assert_eq!(last.next, None);
    let exact = map_scim_page(&response(&page(1, 2, 2)), 1).unwrap();
    assert_eq!(exact.next, None);
}

#[test]
fn an_empty_page_ends_the_list() {
    let empty = json!({"totalResults": 10, "startIndex": 11, "Resources": []});
    assert_eq!(map_scim_page(&response(&empty), 11).unwrap().next, None);
    let none_at_all = json!({"schemas": [], "totalResults": 0});
    let page = map_scim_page(&response(&none_at_all), 1).unwrap();
    assert!(page.users.is_empty());
    assert_eq!(page.next, None);
}

#[test]
fn a_page_without_totals_uses_the_requested_start() {
    let body = json!({"Resources": [user(1), user(2)]});
    let page = map_scim_page(&response(&body), 7).unwrap();
    assert_eq!(page.next.as_deref(), Some("9"));
    assert_eq!(page.total, None);
}

#[test]
fn users_read_names_primary_emails_and_active() {
    let json = json!({"id": "U1", "userName": "jane",
        "name": {"givenName": "Jane", "familyName": "Doe"},
        "emails": [{"value": "work@x", "primary": false}, {"value": "main@x", "primary": true}],
        "active": false, "meta": {"resourceType": "User"}});
    let summary = map_scim_user(&json).unwrap();
    assert_eq!(summary.name, "Jane Doe");
    assert_eq!(summary.email, "main@x");
    assert_eq!(summary.status, [StatusMarker::Disabled]);
    let formatted = json!({"id": 5, "name": {"formatted": "J. Doe"}, "emails": [{"value": "a@x"}]});
    let summary = map_scim_user(&formatted).unwrap();
    assert_eq!(
        (summary.id.as_str(), summary.name.as_str()),
        ("5", "J. Doe")
    );
    assert_eq!(summary.email, "a@x");
    assert!(summary.status.is_empty());
    assert!(map_scim_user(&json!({"userName": "x"})).is_none());
}

#[test]
fn wrong_shapes_are_shape_errors() {
    for body in [json!([]), json!({"Resources": {}}), json!({"schemas": []})] {
        let err = map_scim_page(&response(&body), 1).unwrap_err();
        assert!(
            matches!(err, ProviderError::Decode(DecodeError::Shape { .. })),
            "{body}: {err}"
        );
    }
}

#[test]
fn the_changes_filter_is_a_scim_filter_on_last_modified() {
    let since = chrono::DateTime::parse_from_rfc3339("2026-06-01T10:20:30.5+02:00")
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert_eq!(
        changed_since_filter(since),
        "meta.lastModified gt \"2026-06-01T08:20:30Z\""
    );
}

#[test]
fn scim_errors_read_detail() {
    let body = br#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"Invalid token","status":"401"}"#;
    assert_eq!(scim_error_message(body).as_deref(), Some("Invalid token"));
    assert_eq!(
        scim_error_message(b"Over Rate Limit").as_deref(),
        Some("Over Rate Limit")
    );
}
