//! Unit tests of `zoo`.

use super::*;
use crate::http::Response;
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

#[test]
fn error_body_reads_message_code_and_request() {
    assert_eq!(
        error_message(br#"{"message":"not found","request_id":"r-1"}"#).as_deref(),
        Some("not found (request r-1)")
    );
    assert_eq!(
        error_message(br#"{"message":"bad","request_id":"r-2","error_code":"auth_token_invalid"}"#)
            .as_deref(),
        Some("bad (auth_token_invalid, request r-2)")
    );
    assert_eq!(
        error_message(b"Bad gateway").as_deref(),
        Some("Bad gateway")
    );
    assert_eq!(error_message(br#"{"x":1}"#), None);
}

#[test]
fn build_reads_the_token_and_list_endpoint() {
    use crate::config::ProfileConfig;
    let profile = |list_endpoint: Option<&str>| {
        Profile::sandbox(
            "z",
            ProfileConfig {
                provider: NAME.into(),
                list_endpoint: list_endpoint.map(str::to_owned),
                ..ProfileConfig::default()
            },
            [(SecretKind::Token, Secret::new("tok-1234"))],
            None,
        )
    };
    assert_eq!(build(&profile(None)).unwrap().name(), NAME);
    assert!(build(&profile(Some("org-members"))).is_ok());
    assert!(matches!(
        build(&profile(Some("everyone"))),
        Err(ProviderError::Config(_))
    ));
    let no_token = Profile::sandbox(
        "z",
        ProfileConfig {
            provider: NAME.into(),
            ..ProfileConfig::default()
        },
        [],
        None,
    );
    assert!(matches!(build(&no_token), Err(ProviderError::Config(_))));
}

#[test]
fn recognises_uuids_and_emails() {
    assert!(looks_like_uuid("4f8b2c1e-0a3d-4e5f-9a8b-1c2d3e4f5a6b"));
    assert!(!looks_like_uuid("4f8b2c1e-0a3d-4e5f-9a8b"));
    assert!(looks_like_email("ana+x@zoo.dev"));
    assert!(!looks_like_email("ana"));
    assert!(!looks_like_email("a b@c.d"));
    assert_eq!(path_segment("ana+x@zoo.dev"), "ana%2Bx%40zoo.dev");
}

#[test]
fn cursor_remembers_the_endpoint() {
    assert_eq!(
        parse_cursor(None, ListEndpoint::Auto),
        (ListEndpoint::Auto, None)
    );
    assert_eq!(
        parse_cursor(Some("org-members:abc"), ListEndpoint::Auto),
        (ListEndpoint::OrgMembers, Some("abc"))
    );
    assert_eq!(
        parse_cursor(Some("plain"), ListEndpoint::OrgMembers),
        (ListEndpoint::OrgMembers, Some("plain"))
    );
    let page = map_page(
        &response(
            "/org/members",
            &json!({"items": [{"id": "u1", "first_name": "Ana", "last_name": "Li", "email": "a@x.io", "role": "service_account"}], "next_page": "t2"}),
        ),
        ListEndpoint::OrgMembers,
    )
    .unwrap();
    assert_eq!(page.next.as_deref(), Some("org-members:t2"));
    assert_eq!(page.users[0].name, "Ana Li");
    assert_eq!(page.users[0].role.as_deref(), Some("service_account"));
    assert_eq!(page.users[0].status, [StatusMarker::Robot]);
    let last = map_page(
        &response("/users", &json!({"items": [], "next_page": null})),
        ListEndpoint::Users,
    )
    .unwrap();
    assert_eq!(last.next, None);
}
