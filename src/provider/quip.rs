//! Quip (seed 002): the Admin API's `GET /1/admin/users/{id}?company_id=` is a user's record and
//! thread list, `GET /1/admin/threads/?ids=` fills in thread titles, the Automation API's
//! `GET /1/users/?ids=` looks users up by id or e-mail, and SCIM (`/Users`, its own token) is the
//! only way to list every user. Bearer tokens; times are microseconds since the epoch.

mod map;
mod query;
mod scim;
mod threads;

use std::sync::Arc;

use async_trait::async_trait;
use reqwest::header::AUTHORIZATION;

pub use map::{ADMIN_USER_LABEL, map_lookup, map_record, map_summary};
pub use query::{SortOrder, THREAD_BATCH_SIZE, UserQuery, user_query_params};
pub use scim::{map_scim_page, map_scim_user, scim_error_message};
pub use threads::{map_thread_batch, threads_of};

use super::{Provider, ProviderError, error_message_from_keys, plain_text_message};
use crate::config::{Profile, SecretKind};
use crate::http::{HttpClient, HttpError};
use crate::model::{ThreadInfo, UserPage, UserRecord, UserSummary};
use crate::secret::Secret;

/// The provider's name in profiles.
pub const NAME: &str = KIND.name();

/// This provider, as records and rules name it.
pub const KIND: crate::model::ProviderKind = crate::model::ProviderKind::Quip;
/// Production base URL (VPC sites use their own host).
pub const DEFAULT_BASE_URL: &str = "https://platform.quip.com";
/// Production SCIM 2.0 base URL.
pub const DEFAULT_SCIM_BASE_URL: &str = "https://scim.quip.com/2";

/// Quip over HTTP.
#[derive(Debug)]
pub struct Quip {
    profile_name: String,
    http: HttpClient,
    /// The SCIM client, or why there is none (no SCIM token, or its command failed).
    scim: Result<HttpClient, ProviderError>,
    company_id: Option<String>,
    user_query: UserQuery,
}

/// Maps an exported record (the admin user body as received) back to a record.
pub fn map_export(bytes: bytes::Bytes) -> Result<UserRecord, ProviderError> {
    let id = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|json| {
            json.get("id")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        })
        .unwrap_or_default();
    map_record(
        &id,
        &super::offline::response(&format!("/1/admin/users/{id}"), bytes),
    )
}

/// A Quip user: `emails` beside a microsecond `created_usec` or folder ids.
pub fn looks_like(json: &serde_json::Value) -> bool {
    json.get("emails").is_some()
        && (json.get("created_usec").is_some() || json.get("desktop_folder_id").is_some())
}

/// Builds the provider from a profile. A missing SCIM token does not fail: only listing needs it.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    let token = profile
        .require_secret(SecretKind::Token)
        .map_err(ProviderError::Config)?;
    let http = HttpClient::new(
        profile.http_settings(DEFAULT_BASE_URL),
        vec![(AUTHORIZATION, bearer(&token))],
        error_message,
    )?;
    let scim = match profile.secret(SecretKind::ScimToken) {
        Ok(Some(scim_token)) => {
            let mut settings = profile.http_settings(DEFAULT_BASE_URL);
            settings.base_url = profile
                .config
                .scim_base_url
                .clone()
                .unwrap_or_else(|| DEFAULT_SCIM_BASE_URL.to_owned());
            Ok(HttpClient::new(
                settings,
                vec![(AUTHORIZATION, bearer(&scim_token))],
                scim_error_message,
            )?)
        }
        Ok(None) => Err(ProviderError::Unsupported(format!(
            "Quip lists users only through SCIM, and profile {} has no SCIM token: set \
             scim_token_env (or scim_token_command), and scim_base_url for a non-default site",
            profile.name
        ))),
        Err(message) => Err(ProviderError::Config(format!(
            "profile {}: {message}",
            profile.name
        ))),
    };
    let company_id = profile
        .config
        .company_id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned);
    Ok(Arc::new(Quip {
        profile_name: profile.name.clone(),
        http,
        scim,
        company_id,
        user_query: UserQuery::default(),
    }))
}

fn bearer(token: &Secret) -> Secret {
    Secret::new(format!("Bearer {}", token.expose()))
}

/// Quip error bodies: `{error_description, error, error_code}` (the description is the readable
/// one), or plain text such as "Over Rate Limit".
pub fn error_message(body: &[u8]) -> Option<String> {
    error_message_from_keys(body, &["error_description", "error", "message", "detail"])
        .or_else(|| plain_text_message(body))
}

impl Quip {
    /// The company id the Admin API needs, or an error naming the profile key.
    fn company_id(&self) -> Result<&str, ProviderError> {
        self.company_id.as_deref().ok_or_else(|| {
            ProviderError::Config(format!(
                "profile {}: Quip's Admin API needs company_id (your company's id, as on \
                 the admin console's site page)",
                self.profile_name
            ))
        })
    }

    /// One batch of thread titles.
    async fn thread_batch(
        &self,
        company_id: &str,
        batch: Vec<String>,
    ) -> Result<Vec<ThreadInfo>, ProviderError> {
        let response = self
            .http
            .get(
                "/1/admin/threads/",
                &[
                    ("ids", batch.join(",")),
                    ("company_id", company_id.to_owned()),
                ],
            )
            .await?;
        map_thread_batch(&response, &batch)
    }
}

impl Quip {
    /// One page of the SCIM list (`startIndex` from the cursor), with a SCIM `filter` if given.
    async fn scim_page(
        &self,
        filter: Option<String>,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let scim = self.scim.as_ref().map_err(Clone::clone)?;
        let start = query::scim_start_index(cursor)?;
        let mut params = vec![
            ("startIndex", start.to_string()),
            ("count", query::scim_count(limit).to_string()),
        ];
        params.extend(filter.map(|filter| ("filter", filter)));
        let response = scim.get("/Users", &params).await?;
        map_scim_page(&response, start)
    }
}

#[async_trait]
impl Provider for Quip {
    fn name(&self) -> &'static str {
        NAME
    }

    async fn list_users(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        self.scim_page(None, cursor, limit).await
    }

    async fn list_users_changed_since(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let filter = scim::changed_since_filter(since);
        match self.scim_page(Some(filter), cursor, limit).await {
            // RFC 7644 answers a filter it cannot apply with 400 (`invalidFilter`): this
            // server cannot list only the changes, which is not a failure of the refresh.
            Err(ProviderError::Http(HttpError::Status {
                status: 400,
                message,
                ..
            })) => Err(ProviderError::Unsupported(format!(
                "the SCIM server does not filter users by meta.lastModified{}",
                message.map(|text| format!(" ({text})")).unwrap_or_default()
            ))),
            other => other,
        }
    }

    async fn search_users(&self, query: &str) -> Result<Vec<UserSummary>, ProviderError> {
        let terms = query::lookup_terms(query)?;
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        match self
            .http
            .get("/1/users/", &[("ids", terms.join(","))])
            .await
        {
            // Nothing matched: a search with no results, not a failure.
            Err(HttpError::Status { status: 404, .. }) => Ok(Vec::new()),
            other => map_lookup(&other?),
        }
    }

    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError> {
        let params = user_query_params(self.company_id()?, &self.user_query);
        let response = self
            .http
            .get(&format!("/1/admin/users/{}", path_segment(id)), &params)
            .await
            .map_err(|err| ProviderError::from(err).not_found_as(NAME, id))?;
        map_record(id, &response)
    }

    async fn fetch_threads(&self, thread_ids: &[String]) -> Result<Vec<ThreadInfo>, ProviderError> {
        let batches = query::thread_batches(thread_ids);
        if batches.is_empty() {
            return Ok(Vec::new());
        }
        let company_id = self.company_id()?;
        // Concurrent batches; the client's concurrency and rate limits still pace them.
        let answers = futures::future::try_join_all(
            batches
                .into_iter()
                .map(|batch| self.thread_batch(company_id, batch)),
        )
        .await?;
        Ok(answers.concat())
    }
}

/// Percent-encodes an id for a path segment (form encoding writes a space as `+`, which a
/// path would read literally; a real `+` is already `%2B`).
fn path_segment(id: &str) -> String {
    url::form_urlencoded::byte_serialize(id.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[cfg(test)]
mod tests;
