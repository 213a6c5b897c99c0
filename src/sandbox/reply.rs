//! Response helpers shared by the provider routes: JSON bodies as bytes we control, each provider's
//! own error body, query parsing that cannot fail, and the fallback for unknown paths.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::json;

use super::Shared;
use super::generate::render;

/// Which provider a path belongs to, for error bodies and provider-specific headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Provider {
    Zoo,
    Zooza,
    Quip,
    QuipScim,
    Scanova,
    Unknown,
}

impl Provider {
    pub(crate) fn of_path(path: &str) -> Provider {
        if path.starts_with("/quip/scim/") {
            Provider::QuipScim
        } else if path.starts_with("/quip/") {
            Provider::Quip
        } else if path.starts_with("/zooza/") {
            Provider::Zooza
        } else if path.starts_with("/zoo/") {
            Provider::Zoo
        } else if path.starts_with("/scanova/") {
            Provider::Scanova
        } else {
            Provider::Unknown
        }
    }
}

/// A response with `body` as given and `Content-Type: application/json`.
pub(crate) fn json_bytes(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A 200 JSON response, with the raw-number splicing of [`render`].
pub(crate) fn ok(value: &serde_json::Value) -> Response {
    json_bytes(StatusCode::OK, render(value))
}

/// The provider's own error body for `status`.
pub(crate) fn error_body(
    shared: &Shared,
    provider: Provider,
    status: StatusCode,
    code: &str,
    message: &str,
) -> serde_json::Value {
    match provider {
        Provider::Zoo => json!({
            "message": message,
            "request_id": shared.next_request_id(),
            "error_code": code,
        }),
        Provider::Zooza => {
            let mut body = json!({ "error": code, "message": message });
            if status.is_client_error() {
                body["error_log_raw"] = json!([{ "key": code, "val": message }]);
            }
            body
        }
        Provider::Quip => json!({
            "error": true,
            "error_code": status.as_u16(),
            "error_description": message,
        }),
        Provider::QuipScim => json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
            "status": status.as_u16().to_string(),
            "detail": message,
        }),
        // DRF answers a 400 with its validation shape, everything else with `detail`.
        Provider::Scanova if status == StatusCode::BAD_REQUEST => {
            json!({ "non_field_errors": [message] })
        }
        Provider::Scanova | Provider::Unknown => json!({ "detail": message }),
    }
}

/// [`error_body`] as a response with that status.
pub(crate) fn error(
    shared: &Shared,
    provider: Provider,
    status: StatusCode,
    code: &str,
    message: &str,
) -> Response {
    json_bytes(
        status,
        render(&error_body(shared, provider, status, code, message)),
    )
}

/// Query parameters as a map (the last value wins); malformed encodings are decoded leniently.
pub(crate) fn params(raw: Option<&str>) -> HashMap<String, String> {
    url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

/// A boolean query flag the way the providers read them (`true`, `1`, `yes`).
pub(crate) fn flag(params: &HashMap<String, String>, name: &str) -> bool {
    params
        .get(name)
        .is_some_and(|value| matches!(value.to_ascii_lowercase().as_str(), "true" | "1" | "yes"))
}

/// Unknown paths: Scanova paths without the trailing slash get Django's 301; everything else a 404
/// in the provider's style.
pub(crate) async fn fallback(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let path = request.uri().path();
    let provider = Provider::of_path(path);
    if provider == Provider::Scanova && !path.ends_with('/') {
        let location = match request.uri().query() {
            Some(query) => format!("{path}/?{query}"),
            None => format!("{path}/"),
        };
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return response;
    }
    let message = match provider {
        Provider::Scanova | Provider::Unknown => "Not found.",
        Provider::Zooza => "Endpoint not found",
        _ => "not found",
    };
    error(
        &shared,
        provider,
        StatusCode::NOT_FOUND,
        "not_found",
        message,
    )
}
