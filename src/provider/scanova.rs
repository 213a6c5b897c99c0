//! Scanova's shared-users API (seed 003): `GET /multi-users/?page=N` lists the owner and the
//! shared users (`{count, next, previous, results}`, `next` a page number or a URL), and
//! `GET /multi-users/{id}/` (or `/shared-user/{id}/` on the older doc site) is one user.
//! `Authorization: <key>` with no prefix; Django REST Framework, so paths end with a slash.

use crate::provider::expect_record_object;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;
use bytes::Bytes;
use reqwest::header::AUTHORIZATION;
use serde_json::Value;

use super::{
    DecodeError, Provider, ProviderError, error_message_from_keys, parse_json, plain_text_message,
};
use crate::config::{Profile, SecretKind};
use crate::http::{HttpClient, Response};
use crate::json::fields::{SectionBuilder, bool_at, id_text, str_at, unknown_fields};
use crate::model::{StatusMarker, UserPage, UserRecord, UserSummary};

/// The provider's name in profiles.
pub const NAME: &str = KIND.name();

/// This provider, as records and rules name it.
pub const KIND: crate::model::ProviderKind = crate::model::ProviderKind::Scanova;
/// Production base URL.
pub const DEFAULT_BASE_URL: &str = "https://management.scanova.io";

/// Which path the detail and list endpoints live under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PathVariant {
    /// `/multi-users/` (docs.scanova.io).
    MultiUsers,
    /// `/shared-user/` (api-docs.scanova.io).
    SharedUser,
    /// `/multi-users/`, falling back to `/shared-user/` on 404.
    Auto,
}

/// Scanova over HTTP.
#[derive(Debug)]
pub struct Scanova {
    http: HttpClient,
    paths: PathVariant,
    /// In `auto`: `/multi-users/` answered 404 where `/shared-user/` answered, so this server
    /// has only the older path; later requests go there at once instead of costing a 404 each.
    only_shared_user: AtomicBool,
}

/// Builds the provider from a profile.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    let key = profile
        .require_secret(SecretKind::Token)
        .map_err(ProviderError::Config)?;
    let paths = match profile.config.path_variant.as_deref() {
        None | Some("auto") => PathVariant::Auto,
        Some("multi-users") => PathVariant::MultiUsers,
        Some("shared-user") => PathVariant::SharedUser,
        Some(other) => {
            return Err(ProviderError::Config(format!(
                "profile {}: path_variant {other:?} is not multi-users, shared-user or auto",
                profile.name
            )));
        }
    };
    let http = HttpClient::new(
        profile.http_settings(DEFAULT_BASE_URL),
        vec![(AUTHORIZATION, key)],
        error_message,
    )?;
    Ok(Arc::new(Scanova {
        http,
        paths,
        only_shared_user: AtomicBool::new(false),
    }))
}

/// DRF error bodies: `{"detail": ...}` or a field map `{field: [msgs], non_field_errors: [msgs]}`.
pub fn error_message(body: &[u8]) -> Option<String> {
    if let Some(message) =
        error_message_from_keys(body, &["detail", "non_field_errors", "message", "error"])
    {
        return Some(message);
    }
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
        return plain_text_message(body);
    };
    let messages: Vec<String> = fields
        .iter()
        .filter_map(|(field, value)| {
            let texts: Vec<&str> = value.as_array()?.iter().filter_map(Value::as_str).collect();
            (!texts.is_empty()).then(|| format!("{field}: {}", texts.join(" ")))
        })
        .collect();
    (!messages.is_empty()).then(|| messages.join("; "))
}

impl Scanova {
    /// GET of a path under the variant's prefix (`rest` follows `/multi-users/` or
    /// `/shared-user/`). In `auto`, a 404 from `/multi-users/` is asked again of `/shared-user/`,
    /// the list as the detail: a server of the older doc site has only that path.
    async fn get_under_variant(
        &self,
        rest: &str,
        query: &[(&str, String)],
    ) -> Result<Response, ProviderError> {
        let shared_user = format!("/shared-user/{rest}");
        let first_shared = match self.paths {
            PathVariant::SharedUser => true,
            PathVariant::MultiUsers => false,
            PathVariant::Auto => self.only_shared_user.load(Ordering::Relaxed),
        };
        if first_shared {
            return Ok(self.http.get(&shared_user, query).await?);
        }
        match self.http.get(&format!("/multi-users/{rest}"), query).await {
            Err(error) if self.paths == PathVariant::Auto && error.status() == Some(404) => {
                tracing::debug!("scanova: /multi-users/ answered 404, trying /shared-user/");
                let response = self.http.get(&shared_user, query).await?;
                self.only_shared_user.store(true, Ordering::Relaxed);
                Ok(response)
            }
            other => Ok(other?),
        }
    }
}

#[async_trait]
impl Provider for Scanova {
    fn name(&self) -> &'static str {
        NAME
    }

    async fn list_users(
        &self,
        cursor: Option<&str>,
        _limit: usize,
    ) -> Result<UserPage, ProviderError> {
        // The page size is the server's; only `page` can be sent.
        let page = cursor.map_or(Ok(1), parse_cursor)?;
        let response = self
            .get_under_variant("", &[("page", page.to_string())])
            .await?;
        map_page(&response)
    }

    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError> {
        let response = self
            .get_under_variant(&format!("{}/", urlencode(id)), &[])
            .await
            .map_err(|err| err.not_found_as(NAME, id))?;
        map_record(id, &response)
    }
}

/// A cursor is the page number `next` gave, as text.
fn parse_cursor(cursor: &str) -> Result<u64, ProviderError> {
    cursor
        .parse()
        .map_err(|_| ProviderError::Config(format!("scanova: {cursor:?} is not a page number")))
}

/// `next` is a page number, a numeric string, or a URL carrying `page=`; `None` ends the list.
fn next_page(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.parse().ok().or_else(|| {
            let url = url::Url::parse(text).ok()?;
            url.query_pairs()
                .find(|(key, _)| key == "page")
                .and_then(|(_, page)| page.parse().ok())
        }),
        _ => None,
    }
}

/// Maps a list page.
pub fn map_page(response: &Response) -> Result<UserPage, ProviderError> {
    let json = parse_json(response)?;
    let results = json
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            DecodeError::shape(&response.path, "expected an object with a `results` array")
        })?;
    let users = results.iter().filter_map(map_summary).collect();
    Ok(UserPage {
        users,
        next: next_page(json.get("next")).map(|page| page.to_string()),
        total: json.get("count").and_then(Value::as_u64),
    })
}

/// Maps one list entry or detail object to a summary; `None` without an id.
pub fn map_summary(json: &Value) -> Option<UserSummary> {
    let id = id_text(json.get("id"))?;
    let first_last = [
        str_at(json, "/shared_user/first_name"),
        str_at(json, "/shared_user/last_name"),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let name = str_at(json, "/shared_user/full_name")
        .filter(|name| !name.is_empty())
        .map_or(first_last, str::to_owned);
    let mut status = Vec::new();
    let is_owner = bool_at(json, "/shared_user/is_shared") == Some(false)
        || str_at(json, "/access_level/name")
            .is_some_and(|name| name.eq_ignore_ascii_case("owner"));
    if is_owner {
        status.push(StatusMarker::Owner);
    }
    if bool_at(json, "/is_invitation_sent") == Some(true)
        && bool_at(json, "/is_invitation_accepted") != Some(true)
    {
        status.push(StatusMarker::PendingInvitation);
    }
    if json
        .pointer("/shared_user/last_login")
        .is_some_and(Value::is_null)
    {
        status.push(StatusMarker::NeverLoggedIn);
    }
    Some(
        UserSummary {
            id,
            name,
            email: str_at(json, "/shared_user/email")
                .unwrap_or_default()
                .to_owned(),
            role: str_at(json, "/access_level/name").map(str::to_owned),
            status,
        }
        .bounded(),
    )
}

const TOP_KEYS: &[&str] = &[
    "id",
    "shared_user",
    "access_level",
    "invitation_sent_on",
    "invitation_accepted_on",
    "is_invitation_sent",
    "is_invitation_accepted",
    "created",
    "modified",
    "tags",
];
const USER_KEYS: &[&str] = &[
    "id",
    "first_name",
    "last_name",
    "full_name",
    "email",
    "language",
    "is_shared",
    "date_joined",
    "last_login",
    "first_login",
    "has_usable_password",
    "is_social_signup",
    "is_sso_login",
    "enforce_mfa",
    "mfa_enabled",
    "mfa_status",
];
const ACCESS_KEYS: &[&str] = &["id", "name", "permissions", "is_custom"];

/// Maps a detail body to a record.
pub fn map_record(id: &str, response: &Response) -> Result<UserRecord, ProviderError> {
    let json = parse_json(response)?;
    expect_record_object(response, &json, TOP_KEYS, error_message)?;
    let summary = map_summary(&json).unwrap_or_else(|| UserSummary::with_id(id));
    let permissions: Vec<String> = json
        .pointer("/access_level/permissions")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| {
                    str_at(item, "/code")
                        .or_else(|| str_at(item, "/name"))
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    let tags: Vec<String> = json
        .get("tags")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| str_at(item, "/name").map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let mut sections = vec![
        SectionBuilder::new(&json, "Identity")
            .field("Relationship id", "/id")
            .field("User id", "/shared_user/id")
            .field("Full name", "/shared_user/full_name")
            .field("First name", "/shared_user/first_name")
            .field("Last name", "/shared_user/last_name")
            .field("E-mail", "/shared_user/email")
            .field("Language", "/shared_user/language")
            .build(),
        SectionBuilder::new(&json, "Account status")
            .field("Shared user (not owner)", "/shared_user/is_shared")
            .field("Invitation sent", "/is_invitation_sent")
            .field("Invitation sent on", "/invitation_sent_on")
            .field("Invitation accepted", "/is_invitation_accepted")
            .field("Invitation accepted on", "/invitation_accepted_on")
            .field("Joined", "/shared_user/date_joined")
            .field("Last login", "/shared_user/last_login")
            .field("First login pending", "/shared_user/first_login")
            .field("Added to account", "/created")
            .field("Last modified", "/modified")
            .build(),
        SectionBuilder::new(&json, "Security")
            .field("MFA enabled", "/shared_user/mfa_enabled")
            .field("MFA enforced", "/shared_user/enforce_mfa")
            .field("MFA status", "/shared_user/mfa_status")
            .field("Usable password", "/shared_user/has_usable_password")
            .field("Social sign-up", "/shared_user/is_social_signup")
            .field("SSO login", "/shared_user/is_sso_login")
            .build(),
        SectionBuilder::new(&json, "Access")
            .field("Access level", "/access_level/name")
            .field("Access level id", "/access_level/id")
            .field("Custom access level", "/access_level/is_custom")
            .computed(
                "Permissions",
                "/access_level/permissions",
                crate::model::FieldValue::List(permissions),
            )
            .computed("Tags", "/tags", crate::model::FieldValue::List(tags))
            .build(),
    ];
    sections.extend(unknown_fields(
        &json,
        &[
            ("", TOP_KEYS),
            ("/shared_user", USER_KEYS),
            ("/access_level", ACCESS_KEYS),
        ],
    ));
    Ok(UserRecord {
        provider: KIND,
        id: id.to_owned(),
        summary,
        bodies: vec![crate::provider::raw_body("shared_user", response)],
        json,
        sections,
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
        big: None,
    })
}

/// Maps an exported record (the detail body as received) back to a record.
pub fn map_export(bytes: Bytes) -> Result<UserRecord, ProviderError> {
    let id = serde_json::from_slice::<Value>(&bytes)
        .ok()
        .and_then(|json| id_text(json.get("id")))
        .unwrap_or_default();
    map_record(
        &id,
        &super::offline::response(&format!("/multi-users/{id}/"), bytes),
    )
}

/// A shared-user detail: a `shared_user` object beside an `access_level`.
pub fn looks_like(json: &Value) -> bool {
    json.get("shared_user").is_some_and(Value::is_object)
}

/// Percent-encodes an id for a path segment.
fn urlencode(id: &str) -> String {
    url::form_urlencoded::byte_serialize(id.as_bytes()).collect()
}

#[cfg(test)]
mod tests;
