//! The `Provider` trait every account API implements, its error type, and the registry of
//! providers. Adding a provider is one file under `provider/` and one line in `REGISTRY`.

pub mod deferred;
pub mod json_notes;
pub mod offline;
pub mod quip;
mod response_body;
pub mod scanova;
pub mod zoo;
pub mod zooza;

use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;

pub use response_body::{
    DecodeError, MAX_JSON_DEPTH, UnreadBody, body_text, error_message_from_keys,
    expect_record_object, parse_json, plain_text_message, raw_body,
};

use crate::config::Profile;
use crate::http::HttpError;
use crate::model::{ThreadInfo, UserPage, UserRecord, UserSummary};

/// One account API, spoken over HTTP and mapped to the shared model.
#[async_trait]
pub trait Provider: Send + Sync + std::fmt::Debug {
    /// The provider's name (`zoo`, `zooza`, `quip`, `scanova`).
    fn name(&self) -> &'static str;

    /// One page of the user list; `cursor` is the previous page's `next`, `None` for the first.
    async fn list_users(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError>;

    /// One page of the users changed since `since`, where the API can list only those (SCIM's
    /// `meta.lastModified` filter), so a refresh need not list everyone; `cursor` as in
    /// [`Provider::list_users`]. Most APIs cannot: `Unsupported`, and the caller lists everyone.
    async fn list_users_changed_since(
        &self,
        since: chrono::DateTime<chrono::Utc>,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let _ = (since, cursor, limit);
        Err(ProviderError::Unsupported(format!(
            "{} cannot list only the users that changed",
            self.name()
        )))
    }

    /// Asks the server for users matching a query where the API can search (ids, emails, names).
    async fn search_users(&self, query: &str) -> Result<Vec<UserSummary>, ProviderError> {
        let _ = query;
        Err(ProviderError::Unsupported(format!(
            "{} has no server-side search",
            self.name()
        )))
    }

    /// A user's full record.
    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError>;

    /// Details (titles) of some of a user's threads, for providers that have threads.
    async fn fetch_threads(&self, thread_ids: &[String]) -> Result<Vec<ThreadInfo>, ProviderError> {
        let _ = thread_ids;
        Err(ProviderError::Unsupported(format!(
            "{} has no threads",
            self.name()
        )))
    }
}

/// A provider's constructor and name.
pub struct ProviderEntry {
    /// The name profiles use in `provider = "..."`.
    pub name: &'static str,
    /// Builds the provider for a resolved profile.
    pub build: fn(&Profile) -> Result<Arc<dyn Provider>, ProviderError>,
    /// Maps one exported record (the bytes `x` wrote) back to a record, for `userscope open`.
    pub map_export: fn(Bytes) -> Result<UserRecord, ProviderError>,
    /// Whether a record's JSON looks like this provider's, to open a file without `--provider`.
    pub looks_like: fn(&serde_json::Value) -> bool,
    /// How a big exported record is mapped without parsing its largest lists whole
    /// (`provider::deferred`); `None`: it is parsed whole, as any export.
    pub map_streamed: Option<StreamedMapper>,
}

/// A provider's mapping of a big body whose largest top-level lists are read one item at a time
/// from the body's index (`model::lists`).
pub struct StreamedMapper {
    /// The top-level lists read from the index.
    pub lists: &'static [&'static str],
    /// Maps the slim copy of the body (those lists emptied), given the full body's index and
    /// bytes, as of a time (the record's fetch). The record it returns holds the slim JSON and
    /// the slim body.
    pub map: fn(
        Bytes,
        &crate::json_index::JsonIndex,
        &Bytes,
        chrono::DateTime<chrono::Utc>,
    ) -> Result<UserRecord, ProviderError>,
}

/// Every provider userscope knows.
pub const REGISTRY: &[ProviderEntry] = &[
    ProviderEntry {
        name: zoo::NAME,
        build: zoo::build,
        map_export: zoo::map_export,
        looks_like: zoo::looks_like,
        map_streamed: None,
    },
    ProviderEntry {
        name: zooza::NAME,
        build: zooza::build,
        map_export: zooza::map_export,
        looks_like: zooza::looks_like,
        map_streamed: Some(StreamedMapper {
            lists: zooza::STREAMED_LISTS,
            map: zooza::map_streamed_export,
        }),
    },
    ProviderEntry {
        name: quip::NAME,
        build: quip::build,
        map_export: quip::map_export,
        looks_like: quip::looks_like,
        map_streamed: None,
    },
    ProviderEntry {
        name: scanova::NAME,
        build: scanova::build,
        map_export: scanova::map_export,
        looks_like: scanova::looks_like,
        map_streamed: None,
    },
];

/// Maps an exported record with the named provider, or the one its JSON looks like.
pub fn map_export(provider: Option<&str>, bytes: Bytes) -> Result<UserRecord, ProviderError> {
    let entry =
        if let Some(name) = provider {
            REGISTRY
                .iter()
                .find(|entry| entry.name == name)
                .ok_or_else(|| {
                    ProviderError::Config(format!(
                        "no provider {name:?}; known providers: {}",
                        provider_names().join(", ")
                    ))
                })?
        } else {
            let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|err| {
                ProviderError::Decode(DecodeError::shape("export", format!("not JSON: {err}")))
            })?;
            REGISTRY.iter().find(|entry| (entry.looks_like)(&json)).ok_or_else(|| {
            ProviderError::Config(format!(
                "cannot tell which provider this record is from; name one with --provider ({})",
                provider_names().join(", ")
            ))
        })?
        };
    (entry.map_export)(bytes)
}

/// The names of every provider.
pub fn provider_names() -> Vec<&'static str> {
    REGISTRY.iter().map(|entry| entry.name).collect()
}

/// Builds the provider a profile names.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    let entry = REGISTRY
        .iter()
        .find(|entry| entry.name == profile.provider())
        .ok_or_else(|| {
            let known: Vec<_> = REGISTRY.iter().map(|entry| entry.name).collect();
            ProviderError::Config(format!(
                "profile {} names provider {:?}; known providers: {}",
                profile.name,
                profile.provider(),
                known.join(", ")
            ))
        })?;
    (entry.build)(profile)
}

/// What went wrong getting or reading a provider's data.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ProviderError {
    /// The HTTP exchange failed.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// The body was not the JSON expected.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// No user has this id.
    #[error("no user {id} on {provider}{}", detail.as_deref().map(|text| format!(": {text}")).unwrap_or_default())]
    NotFound {
        /// Provider name.
        provider: &'static str,
        /// The id asked for.
        id: String,
        /// The server's message, if any.
        detail: Option<String>,
    },
    /// The API cannot do this.
    #[error("{0}")]
    Unsupported(String),
    /// The profile is incomplete or wrong.
    #[error("{0}")]
    Config(String),
}

impl From<ProviderError> for crate::model::FetchError {
    fn from(error: ProviderError) -> Self {
        Self {
            message: error.to_string(),
            hint: error.hint().to_owned(),
            unsupported: matches!(error, ProviderError::Unsupported(_)),
        }
    }
}

impl ProviderError {
    /// What the operator can try next.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Http(error) => error.hint(),
            Self::Decode(error) => error.hint(),
            Self::NotFound { .. } => "check the id; lists show the ids this provider takes",
            Self::Unsupported(_) => "use another way to find the user (an exact id or e-mail)",
            Self::Config(_) => {
                "fix the profile in the config file (`userscope info` shows where it is)"
            }
        }
    }

    /// The message and the hint on one line, for a status bar or stderr.
    pub fn one_line(&self) -> String {
        crate::sanitize::one_line(&format!("{self} — {}", self.hint()))
    }

    /// Turns a 404 from a detail endpoint into `NotFound`; other errors pass.
    #[must_use]
    pub fn not_found_as(self, provider: &'static str, id: &str) -> Self {
        match self {
            Self::Http(HttpError::Status {
                status: 404,
                message,
                ..
            }) => Self::NotFound {
                provider,
                id: id.to_owned(),
                detail: message,
            },
            other => other,
        }
    }
}
