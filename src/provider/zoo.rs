//! Zoo (zoo.dev, seed 000): `GET /users/{id}/admin/details` (admins only; others get 404) joined
//! with the profile `GET /users/{id}`. Lists come from the legacy employee list `GET /users` or
//! `GET /org/members` (Zoo paging: `limit` + `page_token` → `{items, next_page}`); search is an
//! exact lookup by UUID or e-mail, the only one Zoo offers. `Authorization: Bearer <token>`.
mod map;
mod sections;

use std::fmt::Write as _;
use std::sync::Arc;

use async_trait::async_trait;
use reqwest::header::AUTHORIZATION;
use serde_json::Value;

pub use map::{map_page, map_record, map_summary};
pub use sections::block_reason_meaning;

use super::{DecodeError, Provider, ProviderError, parse_json, plain_text_message};
use crate::config::{Profile, SecretKind};
use crate::http::{HttpClient, HttpError};
use crate::json::fields::str_at;
use crate::model::{UserPage, UserRecord, UserSummary};
use crate::secret::Secret;

/// The provider's name in profiles.
pub const NAME: &str = KIND.name();

/// This provider, as records and rules name it.
pub const KIND: crate::model::ProviderKind = crate::model::ProviderKind::Zoo;
/// Production base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.zoo.dev";

/// Which endpoint lists users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListEndpoint {
    /// The legacy employee list `GET /users` (removed from the spec in April 2026).
    Users,
    /// `GET /org/members`: the members of the token owner's org.
    OrgMembers,
    /// `/users`, falling back to `/org/members` on 404/405.
    Auto,
}

impl ListEndpoint {
    fn path(self) -> &'static str {
        match self {
            Self::Users | Self::Auto => "/users",
            Self::OrgMembers => "/org/members",
        }
    }

    /// The cursor prefix that pins later pages to the endpoint that answered the first.
    pub(super) fn cursor_prefix(self) -> &'static str {
        match self {
            Self::Users | Self::Auto => "users",
            Self::OrgMembers => "org-members",
        }
    }
}

/// Zoo over HTTP.
#[derive(Debug)]
pub struct Zoo {
    http: HttpClient,
    list_endpoint: ListEndpoint,
}

/// Builds the provider from a profile.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    let token = profile
        .require_secret(SecretKind::Token)
        .map_err(ProviderError::Config)?;
    let list_endpoint = match profile.config.list_endpoint.as_deref() {
        None | Some("auto") => ListEndpoint::Auto,
        Some("users") => ListEndpoint::Users,
        Some("org-members") => ListEndpoint::OrgMembers,
        Some(other) => {
            return Err(ProviderError::Config(format!(
                "profile {}: list_endpoint {other:?} is not users, org-members or auto",
                profile.name
            )));
        }
    };
    let bearer = Secret::new(format!("Bearer {}", token.expose()));
    let http = HttpClient::new(
        profile.http_settings(DEFAULT_BASE_URL),
        vec![(AUTHORIZATION, bearer)],
        error_message,
    )?;
    Ok(Arc::new(Zoo {
        http,
        list_endpoint,
    }))
}

/// Zoo's `Error` body `{message, request_id, error_code?}` as `message (code, request id)`.
pub fn error_message(body: &[u8]) -> Option<String> {
    let Ok(json) = serde_json::from_slice::<Value>(body) else {
        return plain_text_message(body);
    };
    let message = str_at(&json, "/message")
        .or_else(|| str_at(&json, "/error"))
        .filter(|text| !text.is_empty())?;
    let mut extras = Vec::new();
    if let Some(code) = str_at(&json, "/error_code").filter(|code| !code.is_empty()) {
        extras.push(code.to_owned());
    }
    if let Some(request) = str_at(&json, "/request_id").filter(|id| !id.is_empty()) {
        extras.push(format!("request {request}"));
    }
    Some(if extras.is_empty() {
        message.to_owned()
    } else {
        format!("{message} ({})", extras.join(", "))
    })
}

/// Whether a text is a UUID (8-4-4-4-12 hex digits).
pub fn looks_like_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether a text is plausibly an e-mail address (one `@`, text either side, no spaces).
pub fn looks_like_email(text: &str) -> bool {
    let mut parts = text.split('@');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(local), Some(domain), None)
            if !local.is_empty() && domain.contains('.') && !text.contains(char::is_whitespace)
    )
}

/// Percent-encodes an id for one path segment (an e-mail's `@` and `+` included).
fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Maps an exported record back: `{"admin_details": .., "profile": ..}` as the explorer writes
/// it, or the admin details body alone.
pub fn map_export(bytes: bytes::Bytes) -> Result<UserRecord, ProviderError> {
    let parts =
        super::offline::split_bodies(&bytes).filter(|parts| parts.contains_key("admin_details"));
    let Some(mut parts) = parts else {
        let details = super::offline::response("/users/export/admin/details", bytes);
        return map_record("export", &details, Err(ProfileGap::Status(404)));
    };
    let details = parts.remove("admin_details").unwrap_or_default();
    let id = parts
        .get("profile")
        .and_then(|profile| serde_json::from_slice::<serde_json::Value>(profile).ok())
        .and_then(|profile| {
            profile
                .get("id")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "export".to_owned());
    let details = super::offline::response(&format!("/users/{id}/admin/details"), details);
    match parts.remove("profile") {
        Some(profile) => map_record(
            &id,
            &details,
            Ok(&super::offline::response(&format!("/users/{id}"), profile)),
        ),
        None => map_record(&id, &details, Err(ProfileGap::Status(404))),
    }
}

/// Zoo admin details: the session and token counters, alone or under `admin_details`.
pub fn looks_like(json: &serde_json::Value) -> bool {
    let details = json.get("admin_details").unwrap_or(json);
    details.get("active_sessions_count").is_some()
        || details.get("payment_methods_summary").is_some()
}

/// How the profile request ended when the details answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileGap {
    /// The profile endpoint answered with this status (403/404).
    Status(u16),
}

#[async_trait]
impl Provider for Zoo {
    fn name(&self) -> &'static str {
        NAME
    }

    async fn list_users(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let (endpoint, token) = parse_cursor(cursor, self.list_endpoint);
        let mut query = vec![("limit", limit.clamp(1, u32::MAX as usize).to_string())];
        if let Some(token) = token {
            query.push(("page_token", token.to_owned()));
        }
        match self.http.get(endpoint.path(), &query).await {
            Ok(response) => map_page(&response, endpoint),
            Err(error)
                if endpoint == ListEndpoint::Auto && matches!(error.status(), Some(404 | 405)) =>
            {
                tracing::debug!(
                    "zoo: /users answered {:?}, using /org/members",
                    error.status()
                );
                let response = self
                    .http
                    .get(ListEndpoint::OrgMembers.path(), &query)
                    .await?;
                map_page(&response, ListEndpoint::OrgMembers)
            }
            Err(error) => Err(error.into()),
        }
    }

    async fn search_users(&self, query: &str) -> Result<Vec<UserSummary>, ProviderError> {
        let query = query.trim();
        if !looks_like_uuid(query) && !looks_like_email(query) {
            return Err(ProviderError::Unsupported(format!(
                "zoo finds users only by exact id (UUID) or e-mail; {query:?} is neither"
            )));
        }
        match self
            .http
            .get(&format!("/users/{}", path_segment(query)), &[])
            .await
        {
            Ok(response) => {
                let json = parse_json(&response)?;
                if !json.is_object() {
                    return Err(DecodeError::shape(&response.path, "expected a user object").into());
                }
                Ok(map_summary(&json).into_iter().collect())
            }
            Err(error) if error.status() == Some(404) => Ok(Vec::new()),
            Err(error) => Err(error.into()),
        }
    }

    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError> {
        let segment = path_segment(id.trim());
        let details_path = format!("/users/{segment}/admin/details");
        let profile_path = format!("/users/{segment}");
        let (details, profile) = tokio::join!(
            self.http.get(&details_path, &[]),
            self.http.get(&profile_path, &[])
        );
        let details = details.map_err(|err| ProviderError::from(err).not_found_as(NAME, id))?;
        let profile = match profile {
            Ok(response) => Ok(response),
            Err(HttpError::Status {
                status: status @ (403 | 404),
                ..
            }) => Err(ProfileGap::Status(status)),
            Err(error) => return Err(error.into()),
        };
        map_record(id, &details, profile.as_ref().map_err(|gap| *gap))
    }
}

/// Splits a cursor into the endpoint it belongs to and the page token.
fn parse_cursor(cursor: Option<&str>, configured: ListEndpoint) -> (ListEndpoint, Option<&str>) {
    let Some(cursor) = cursor else {
        return (configured, None);
    };
    if let Some(token) = cursor.strip_prefix("org-members:") {
        (ListEndpoint::OrgMembers, Some(token))
    } else if let Some(token) = cursor.strip_prefix("users:") {
        (ListEndpoint::Users, Some(token))
    } else {
        let endpoint = if configured == ListEndpoint::Auto {
            ListEndpoint::Users
        } else {
            configured
        };
        (endpoint, Some(cursor))
    }
}

#[cfg(test)]
mod tests;
