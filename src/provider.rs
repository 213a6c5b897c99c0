//! The `Provider` trait every account API implements, its error type, and the registry of
//! providers. Adding a provider is one file under `provider/` and one line in `REGISTRY`.

mod decode;
pub mod fields;
pub mod labels;
pub mod quip;
pub mod scanova;
pub mod zoo;
pub mod zooza;

use std::sync::Arc;

use async_trait::async_trait;

pub use decode::{
    DecodeError, body_text, error_message_from_keys, expect_record_object, parse_json,
    plain_text_message,
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
}

/// Every provider userscope knows.
pub const REGISTRY: &[ProviderEntry] = &[
    ProviderEntry {
        name: zoo::NAME,
        build: zoo::build,
    },
    ProviderEntry {
        name: zooza::NAME,
        build: zooza::build,
    },
    ProviderEntry {
        name: quip::NAME,
        build: quip::build,
    },
    ProviderEntry {
        name: scanova::NAME,
        build: scanova::build,
    },
];

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
