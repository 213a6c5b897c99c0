//! Zooza (class booking, seed 001): `GET /user` is the token owner's full record; there is no
//! "get user by id", so another user's record comes from their own token (`user_token_command`)
//! or, failing that, from `GET /user/{id}/registrations` and `/orders`. The team list is
//! `GET /users` (0-based pages) and client search is `GET /registrations?advanced_search=1`.
//! Three headers, no Bearer: `X-ZOOZA-API-KEY`, `X-ZOOZA-TOKEN`, `X-ZOOZA-COMPANY`.

mod activity;
mod credits;
mod errors;
mod map;
mod record;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::header::HeaderName;
use tokio::sync::OnceCell;

pub use activity::map_activity_record;
pub use credits::{CreditCounts, credit_counts};
pub use errors::error_message;
pub use map::{map_page, map_search, map_summary};
pub use record::{STREAMED_LISTS, map_fetched_user_record, map_user_record};

use super::{Provider, ProviderError, parse_json};
use crate::config::{Profile, SecretKind};
use crate::http::{HttpClient, HttpError, Response};
use crate::json::fields::id_text;
use crate::json_index::JsonIndex;
use crate::model::{UserPage, UserRecord, UserSummary};
use crate::secret::Secret;

/// The provider's name in profiles.
pub const NAME: &str = KIND.name();

/// This provider, as records and rules name it.
pub const KIND: crate::model::ProviderKind = crate::model::ProviderKind::Zooza;
/// Production base URL (Europe, the default region).
pub const DEFAULT_BASE_URL: &str = "https://api.zooza.app/v1";
/// The UK region.
pub const UK_BASE_URL: &str = "https://uk.api.zooza.app/v1";
/// The Asia (UAE) region.
pub const ASIA_BASE_URL: &str = "https://asia.api.zooza.app/v1";

const API_KEY_HEADER: HeaderName = HeaderName::from_static("x-zooza-api-key");
const TOKEN_HEADER: HeaderName = HeaderName::from_static("x-zooza-token");
const COMPANY_HEADER: HeaderName = HeaderName::from_static("x-zooza-company");

/// The largest page `GET /users` serves.
const MAX_PAGE_SIZE: usize = 200;

/// Zooza over HTTP.
#[derive(Debug)]
pub struct Zooza {
    http: HttpClient,
    profile: Profile,
    /// The token owner's user id, learned once from `GET /user` (`None`: the body had none).
    owner: OnceCell<Option<String>>,
}

/// The base URL for a region name.
pub fn region_base_url(region: Option<&str>) -> Option<&'static str> {
    match region.map(str::to_ascii_lowercase).as_deref() {
        None | Some("eu" | "europe") => Some(DEFAULT_BASE_URL),
        Some("uk") => Some(UK_BASE_URL),
        Some("asia" | "uae") => Some(ASIA_BASE_URL),
        Some(_) => None,
    }
}

/// Maps an exported record back: a `GET /user` body, or `{"registrations": .., "orders": ..}`
/// as the explorer writes a client's record.
pub fn map_export(bytes: bytes::Bytes) -> Result<UserRecord, ProviderError> {
    map_export_with(bytes, None, Utc::now())
}

/// `map_export` of the slim copy of a big body (`provider::deferred`): a `GET /user` body's
/// credits are read one at a time from the full body's index; a client's record is mapped from
/// the full bytes, as it has no credits. Credits are counted as of `now`.
pub fn map_streamed_export(
    slim: bytes::Bytes,
    index: &JsonIndex,
    full: &bytes::Bytes,
    now: DateTime<Utc>,
) -> Result<UserRecord, ProviderError> {
    map_export_with(slim, Some((index, full)), now)
}

fn map_export_with(
    bytes: bytes::Bytes,
    big: Option<(&JsonIndex, &bytes::Bytes)>,
    now: DateTime<Utc>,
) -> Result<UserRecord, ProviderError> {
    // One light pass for what decides the mapping (every other member skipped unparsed), not a
    // split of every member and a full parse more: a record can be tens of megabytes.
    #[derive(serde::Deserialize)]
    struct Head {
        registrations: Option<serde::de::IgnoredAny>,
        user: Option<serde_json::Value>,
    }
    let head = serde_json::from_slice::<Head>(&bytes).ok();
    if head
        .as_ref()
        .is_some_and(|head| head.registrations.is_some())
    {
        let full = match big {
            Some((_, full)) => full.clone(),
            None => bytes.clone(),
        };
        if let Some(mut parts) =
            super::offline::split_bodies(&full).filter(|parts| parts.contains_key("registrations"))
        {
            let registrations = super::offline::response(
                "/user/export/registrations",
                parts.remove("registrations").unwrap_or_default(),
            );
            let orders = parts
                .remove("orders")
                .map(|orders| super::offline::response("/user/export/orders", orders));
            return map_activity_record("export", &registrations, orders.as_ref().ok_or(404), now);
        }
    }
    let id = head
        .and_then(|head| crate::json::fields::id_text(head.user?.get("id")))
        .unwrap_or_else(|| "export".to_owned());
    let big = big.map(|(index, full)| (index, &full[..]));
    record::map_user_body(
        &id,
        &super::offline::response("/user", bytes),
        big,
        now,
        record::CreditsOverview::Now,
    )
}

/// A Zooza record: `user` beside credits (`discounts`, `free_events`), or a client's
/// registrations.
pub fn looks_like(json: &serde_json::Value) -> bool {
    (json.get("user").is_some()
        && (json.get("discounts").is_some() || json.get("free_events").is_some()))
        || json.get("registrations").is_some()
}

/// Builds the provider from a profile.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    let api_key = profile
        .require_secret(SecretKind::ApiKey)
        .map_err(ProviderError::Config)?;
    let token = profile
        .require_secret(SecretKind::Token)
        .map_err(ProviderError::Config)?;
    let company = profile
        .config
        .company
        .as_deref()
        .map(str::trim)
        .filter(|company| !company.is_empty())
        .ok_or_else(|| {
            ProviderError::Config(format!(
                "profile {} sets no company (the Zooza company id; GET /v1/user lists it under user.companies)",
                profile.name
            ))
        })?;
    let region = profile.config.region.as_deref();
    let base = region_base_url(region).ok_or_else(|| {
        ProviderError::Config(format!(
            "profile {}: region {:?} is not eu, uk or asia",
            profile.name,
            region.unwrap_or_default()
        ))
    })?;
    let http = HttpClient::new(
        profile.http_settings(base),
        vec![
            (API_KEY_HEADER, api_key),
            (TOKEN_HEADER, token),
            (COMPANY_HEADER, Secret::new(company)),
        ],
        error_message,
    )?;
    Ok(Arc::new(Zooza {
        http,
        profile: profile.clone(),
        owner: OnceCell::new(),
    }))
}
impl Zooza {
    /// The token owner's id, from one `GET /user` per provider; the body when this call made it.
    async fn owner_id(&self) -> Result<(Option<String>, Option<Response>), ProviderError> {
        let mut fresh = None;
        let slot = &mut fresh;
        let owner = self
            .owner
            .get_or_try_init(|| async move {
                let response = self.http.get("/user", &[]).await?;
                let json = parse_json(&response)?;
                let id = id_text(json.pointer("/user/id"));
                *slot = Some(response);
                Ok::<_, ProviderError>(id)
            })
            .await?;
        Ok((owner.clone(), fresh))
    }

    /// What a 401 to a user's own token means. `/user` takes no id, so an unknown user shows
    /// only as a token the server refuses, the same 401 a wrong key, company or region gives.
    /// The owner's token tells them apart: refused too, the profile is wrong (that error is
    /// returned); accepted, the user's activity says whether the user exists (404: no user).
    /// A user who exists keeps the refusal: that one token is bad.
    async fn user_token_refused(&self, id: &str, refusal: HttpError) -> ProviderError {
        if let Err(error) = self.owner_id().await {
            return error;
        }
        let segment: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
        match self
            .http
            .get(&format!("/user/{segment}/registrations"), &[])
            .await
        {
            Err(error @ HttpError::Status { status: 404, .. }) => {
                ProviderError::from(error).not_found_as(NAME, id)
            }
            _ => refusal.into(),
        }
    }
}

/// Fetched bodies up to this size are mapped on the task that fetched them; bigger ones on
/// tokio's blocking pool. A fetched body's mapping indexes it and leaves its credits overview
/// for later (~0.2 ms for a 90 KB record): handing that to another thread cost more than it
/// spared (2,050 against 2,370 records a second in `fetch/records_16_in_flight/zooza`), while
/// a body of megabytes would hold the runtime worker, and every task on it, for milliseconds.
const INLINE_MAPPING_BYTES: usize = 256 * 1024;

/// `map_fetched_user_record` of a fetched body, on tokio's blocking pool when the body is big
/// enough to hold a runtime worker for a millisecond or more: that worker stays free for I/O,
/// and records in flight map on every core at once.
async fn map_fetched_body(id: &str, response: Response) -> Result<UserRecord, ProviderError> {
    if response.body.len() <= INLINE_MAPPING_BYTES {
        return map_fetched_user_record(id, &response, Utc::now());
    }
    let id = id.to_owned();
    let path = response.path.clone();
    let mapped =
        tokio::task::spawn_blocking(move || map_fetched_user_record(&id, &response, Utc::now()))
            .await;
    match mapped {
        Ok(result) => result,
        // A panic stays a panic (the hook restores the terminal); a mapping is cancelled only
        // when the runtime shuts down, and then nobody waits for it.
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        Err(_) => Err(super::DecodeError::shape(&path, "not mapped: userscope is stopping").into()),
    }
}

#[async_trait]
impl Provider for Zooza {
    fn name(&self) -> &'static str {
        NAME
    }

    async fn list_users(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let page = match cursor {
            None => 0,
            Some(text) => text.parse::<u64>().map_err(|_| {
                ProviderError::Config(format!("zooza: {text:?} is not a page number"))
            })?,
        };
        let page_size = limit.clamp(1, MAX_PAGE_SIZE);
        let response = self
            .http
            .get(
                "/users",
                &[
                    ("page", page.to_string()),
                    ("page_size", page_size.to_string()),
                ],
            )
            .await?;
        map_page(&response, page, page_size)
    }

    async fn search_users(&self, query: &str) -> Result<Vec<UserSummary>, ProviderError> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let response = self
            .http
            .get(
                "/registrations",
                &[
                    ("advanced_search", "1".to_owned()),
                    ("distinct", "1".to_owned()),
                    ("user", query.to_owned()),
                    ("page", "0".to_owned()),
                    ("page_size", "50".to_owned()),
                ],
            )
            .await?;
        map_search(&response)
    }

    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError> {
        let id = id.trim();
        let token = self.profile.user_token(id).map_err(ProviderError::Config)?;
        if let Some(token) = token {
            return match self
                .http
                .get_with("/user", &[], &[(TOKEN_HEADER, token)])
                .await
            {
                Ok(response) => map_fetched_body(id, response).await,
                Err(refusal @ HttpError::Status { status: 401, .. }) => {
                    Err(self.user_token_refused(id, refusal).await)
                }
                Err(error) => Err(ProviderError::from(error).not_found_as(NAME, id)),
            };
        }
        let (owner, fresh) = self.owner_id().await?;
        if owner.as_deref() == Some(id) {
            let response = match fresh {
                Some(response) => response,
                None => self.http.get("/user", &[]).await?,
            };
            return map_fetched_body(id, response).await;
        }
        let segment: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
        let registrations_path = format!("/user/{segment}/registrations");
        let orders_path = format!("/user/{segment}/orders");
        let (registrations, orders) = tokio::join!(
            self.http.get(&registrations_path, &[]),
            self.http.get(&orders_path, &[])
        );
        let registrations =
            registrations.map_err(|err| ProviderError::from(err).not_found_as(NAME, id))?;
        let orders = match orders {
            Ok(response) => Ok(response),
            Err(HttpError::Status {
                status: status @ (403 | 404),
                ..
            }) => Err(status),
            Err(error) => return Err(error.into()),
        };
        map_activity_record(
            id,
            &registrations,
            orders.as_ref().map_err(|s| *s),
            Utc::now(),
        )
    }
}

#[cfg(test)]
mod tests;
