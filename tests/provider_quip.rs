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
    assert_eq!(record.provider.name(), "quip");
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

/// The provider's requests against a small stub on loopback: paths, query strings, which token
/// goes where, batching, and server messages surfacing as errors. (The sandbox-backed tests
/// come with the sandbox; this only pins the wiring.)
mod wire {
    use std::sync::{Arc, Mutex, PoisonError};

    use axum::Router;
    use axum::body::Body;
    use axum::extract::{Request, State};
    use axum::http::StatusCode;
    use axum::response::{IntoResponse, Response as AxumResponse};
    use serde_json::{Map, Value, json};
    use userscope::config::{Profile, ProfileConfig, SecretKind};
    use userscope::provider::{Provider, ProviderError, quip};
    use userscope::secret::Secret;

    use super::SEED;

    /// What the stub saw: path with query, and the Authorization header.
    type Seen = Arc<Mutex<Vec<(String, String)>>>;

    async fn stub(State(seen): State<Seen>, request: Request) -> AxumResponse {
        let uri = request.uri().clone();
        let auth = request
            .headers()
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let target = uri
            .path_and_query()
            .map(ToString::to_string)
            .unwrap_or_default();
        seen.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((target, auth));
        let query: Vec<(String, String)> =
            url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                .into_owned()
                .collect();
        let param = |key: &str| {
            query
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.clone())
                .unwrap_or_default()
        };
        let json = |status: StatusCode, body: Value| {
            (
                status,
                [("content-type", "application/json")],
                body.to_string(),
            )
                .into_response()
        };
        match uri.path() {
            "/1/admin/users/UTUAEAiZl6B" => {
                ([("content-type", "application/json")], Body::from(SEED)).into_response()
            }
            "/1/admin/users/busy" => {
                (StatusCode::SERVICE_UNAVAILABLE, "Over Rate Limit").into_response()
            }
            path if path.starts_with("/1/admin/users/") => json(
                StatusCode::NOT_FOUND,
                json!({"error": "Not Found", "error_code": 404, "error_description": "User not found"}),
            ),
            "/1/admin/threads/" => {
                let mut map = Map::new();
                for id in param("ids").split(',') {
                    let entry = if id == "GONE" {
                        json!("Thread not found")
                    } else {
                        json!({"thread": {"id": id, "title": format!("Title {id}"), "updated_usec": 1_700_000_000_000_000_i64}, "user_ids": []})
                    };
                    map.insert(id.to_owned(), entry);
                }
                json(StatusCode::OK, Value::Object(map))
            }
            "/1/users/" => json(
                StatusCode::OK,
                json!({"ann@example.com": {"id": "UANN0000001", "name": "Ann", "emails": ["ann@example.com"]}, "nobody": "Invalid user"}),
            ),
            "/scim/v2/Users" => {
                let start: u64 = param("startIndex").parse().unwrap_or(1);
                json(
                    StatusCode::OK,
                    json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                        "totalResults": 3, "startIndex": start, "itemsPerPage": 2,
                        "Resources": (start..(start + 2).min(4)).map(|n| json!({"id": format!("U{n}"), "userName": format!("u{n}@example.com"), "active": n != 2})).collect::<Vec<_>>()}),
                )
            }
            _ => StatusCode::IM_A_TEAPOT.into_response(),
        }
    }

    async fn start(scim: bool) -> (Arc<dyn Provider>, Seen) {
        let seen = Seen::default();
        let app = Router::new().fallback(stub).with_state(seen.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let address = listener.local_addr().expect("the bound address");
        tokio::spawn(async move { axum::serve(listener, app).await });
        let config = ProfileConfig {
            provider: quip::NAME.into(),
            base_url: Some(format!("http://{address}")),
            scim_base_url: Some(format!("http://{address}/scim/v2")),
            company_id: Some("IMbAcASGu56".into()),
            max_retries: Some(0),
            ..ProfileConfig::default()
        };
        let mut secrets = vec![(SecretKind::Token, Secret::new("admin-token-1"))];
        if scim {
            secrets.push((SecretKind::ScimToken, Secret::new("scim-token-2")));
        }
        let provider = quip::build(&Profile::sandbox("stub", config, secrets, None))
            .expect("the provider builds");
        (provider, seen)
    }

    fn requests(seen: &Seen) -> Vec<(String, String)> {
        seen.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    #[tokio::test]
    async fn the_record_asks_the_seed_endpoint_in_slim_mode() {
        let (provider, seen) = start(false).await;
        let record = provider.fetch_record("UTUAEAiZl6B").await.unwrap();
        assert_eq!(record.raw(), SEED);
        assert_eq!(
            requests(&seen),
            [(
                "/1/admin/users/UTUAEAiZl6B?company_id=IMbAcASGu56&threads_meta=true".to_owned(),
                "Bearer admin-token-1".to_owned()
            )]
        );
    }

    #[tokio::test]
    async fn an_unknown_user_is_not_found_with_the_servers_words() {
        let (provider, _) = start(false).await;
        let err = provider.fetch_record("UNOPE000000").await.unwrap_err();
        assert!(matches!(err, ProviderError::NotFound { .. }), "{err}");
        assert!(err.to_string().contains("User not found"), "{err}");
        let err = provider.fetch_record("busy").await.unwrap_err();
        assert!(err.to_string().contains("Over Rate Limit"), "{err}");
    }

    #[tokio::test]
    async fn thread_titles_come_in_batches_of_a_hundred() {
        let (provider, seen) = start(false).await;
        let mut ids: Vec<String> = (0..150).map(|n| format!("T{n:03}")).collect();
        ids.push("GONE".into());
        let threads = provider.fetch_threads(&ids).await.unwrap();
        assert_eq!(threads.len(), 150);
        assert_eq!(threads[0].title.as_deref(), Some("Title T000"));
        assert_eq!(threads[149].id, "T149");
        let seen = requests(&seen);
        assert_eq!(seen.len(), 2);
        for (target, auth) in &seen {
            assert!(target.starts_with("/1/admin/threads/?ids="), "{target}");
            assert!(target.ends_with("&company_id=IMbAcASGu56"), "{target}");
            assert_eq!(auth, "Bearer admin-token-1");
        }
    }

    #[tokio::test]
    async fn search_looks_up_ids_and_emails_and_skips_failures() {
        let (provider, seen) = start(false).await;
        let users = provider
            .search_users("ann@example.com nobody")
            .await
            .unwrap();
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].id, "UANN0000001");
        assert_eq!(
            requests(&seen)[0].0,
            "/1/users/?ids=ann%40example.com%2Cnobody"
        );
    }

    #[tokio::test]
    async fn listing_pages_through_scim_with_the_scim_token() {
        let (provider, seen) = start(true).await;
        let first = provider.list_users(None, 2).await.unwrap();
        assert_eq!(first.users.len(), 2);
        assert_eq!(first.total, Some(3));
        assert_eq!(first.users[1].status, [super::StatusMarker::Disabled]);
        let next = first.next.expect("a second page");
        let second = provider.list_users(Some(&next), 2).await.unwrap();
        assert_eq!(second.users.len(), 1);
        assert_eq!(second.next, None);
        let seen = requests(&seen);
        assert_eq!(
            seen[0],
            (
                "/scim/v2/Users?startIndex=1&count=2".to_owned(),
                "Bearer scim-token-2".to_owned()
            )
        );
        assert_eq!(seen[1].0, "/scim/v2/Users?startIndex=3&count=2");
    }

    #[tokio::test]
    async fn listing_without_a_scim_token_is_unsupported_and_sends_nothing() {
        let (provider, seen) = start(false).await;
        let err = provider.list_users(None, 50).await.unwrap_err();
        assert!(matches!(err, ProviderError::Unsupported(_)), "{err}");
        assert!(err.to_string().contains("scim_token_env"), "{err}");
        assert!(requests(&seen).is_empty());
    }
}
