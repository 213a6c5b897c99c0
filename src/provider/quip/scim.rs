//! Quip's SCIM 2.0 user list (`GET {scim_base_url}/Users?startIndex=N&count=C`), the only API
//! that lists every user of a Quip site: a `ListResponse` mapped to a page of summaries.

use serde_json::Value;

use super::super::{DecodeError, ProviderError, error_message_from_keys, parse_json};
use crate::http::Response;
use crate::json::fields::{bool_at, id_text, str_at};
use crate::model::{StatusMarker, UserPage, UserSummary};

/// The SCIM filter (RFC 7644 §3.4.2.2) for users changed after `since`:
/// `meta.lastModified gt "2026-06-01T00:00:00Z"`.
pub fn changed_since_filter(since: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "meta.lastModified gt \"{}\"",
        since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    )
}

/// SCIM error bodies: `{schemas, detail, status, scimType}`; Quip's own keys as a fallback.
pub fn scim_error_message(body: &[u8]) -> Option<String> {
    error_message_from_keys(body, &["detail"]).or_else(|| super::error_message(body))
}

/// A SCIM user resource as a list row; `None` without an id.
pub fn map_scim_user(json: &Value) -> Option<UserSummary> {
    let id = id_text(json.get("id"))?;
    let given_family = [
        str_at(json, "/name/givenName"),
        str_at(json, "/name/familyName"),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let name = str_at(json, "/name/formatted")
        .or_else(|| str_at(json, "/displayName"))
        .filter(|name| !name.is_empty())
        .map_or(given_family, str::to_owned);
    let emails = json.get("emails").and_then(Value::as_array);
    let email = emails
        .and_then(|items| {
            items
                .iter()
                .find(|item| bool_at(item, "/primary") == Some(true))
                .or_else(|| items.first())
        })
        .and_then(|item| str_at(item, "/value"))
        .or_else(|| str_at(json, "/userName").filter(|user| user.contains('@')))
        .unwrap_or_default()
        .to_owned();
    let status = if bool_at(json, "/active") == Some(false) {
        vec![StatusMarker::Disabled]
    } else {
        Vec::new()
    };
    Some(UserSummary {
        id,
        name,
        email,
        role: None,
        status,
    })
}

/// Maps a SCIM `ListResponse`; `requested_start` is the `startIndex` sent, used when the body
/// does not echo it. The next cursor is the following `startIndex`, none once the page is
/// empty or reaches `totalResults`.
pub fn map_scim_page(response: &Response, requested_start: u64) -> Result<UserPage, ProviderError> {
    let json = parse_json(response)?;
    if !json.is_object() {
        return Err(
            DecodeError::shape(&response.path, "expected a SCIM ListResponse object").into(),
        );
    }
    let total = json.get("totalResults").and_then(number);
    // SCIM lets a server leave out `Resources` when there are none.
    let resources = match json.get("Resources").or_else(|| json.get("resources")) {
        Some(Value::Array(items)) => items.as_slice(),
        None | Some(Value::Null) if total.is_some() => &[],
        _ => {
            return Err(DecodeError::shape(
                &response.path,
                "expected a SCIM ListResponse with a `Resources` array",
            )
            .into());
        }
    };
    let start = json
        .get("startIndex")
        .and_then(number)
        .filter(|start| *start >= 1)
        .unwrap_or(requested_start);
    let received = resources.len() as u64;
    let following = start.saturating_add(received);
    let next = (received > 0 && total.is_none_or(|total| following <= total))
        .then(|| following.to_string());
    Ok(UserPage {
        users: resources.iter().filter_map(map_scim_user).collect(),
        next,
        total,
    })
}

/// A count sent as a number or a numeric string.
fn number(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
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
        let formatted =
            json!({"id": 5, "name": {"formatted": "J. Doe"}, "emails": [{"value": "a@x"}]});
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
}
