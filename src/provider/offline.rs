//! Records read back from export files (`userscope open`): splitting an export into the bodies
//! it was made of, and a `Provider` that serves those records from memory so the explorer works
//! on them unchanged.

use std::collections::BTreeMap;

use async_trait::async_trait;
use bytes::Bytes;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use serde_json::value::RawValue;

use super::{Provider, ProviderError};
use crate::http::Response;
use crate::model::{UserPage, UserRecord};

/// A response as if `path` had answered `bytes`, for the mappers.
pub fn response(path: &str, bytes: Bytes) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response {
        status: 200,
        path: path.to_owned(),
        headers,
        body: bytes,
    }
}

/// The exact bytes of each top-level member of an export made of several bodies
/// (`{"admin_details": <bytes>, "profile": <bytes>}`); `None` when it is not such an object.
pub fn split_bodies(bytes: &[u8]) -> Option<BTreeMap<String, Bytes>> {
    let parts: BTreeMap<String, Box<RawValue>> = serde_json::from_slice(bytes).ok()?;
    Some(
        parts
            .into_iter()
            .map(|(label, raw)| (label, Bytes::copy_from_slice(raw.get().as_bytes())))
            .collect(),
    )
}

/// Records loaded from a file, served as a provider.
#[derive(Debug)]
pub struct OfflineProvider {
    name: &'static str,
    records: Vec<UserRecord>,
}

impl OfflineProvider {
    /// Serves these records under the provider name they were mapped with.
    pub fn new(name: &'static str, records: Vec<UserRecord>) -> Self {
        Self { name, records }
    }
}

#[async_trait]
impl Provider for OfflineProvider {
    fn name(&self) -> &'static str {
        self.name
    }

    async fn list_users(
        &self,
        _cursor: Option<&str>,
        _limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let users = self
            .records
            .iter()
            .map(|record| record.summary.clone())
            .collect();
        Ok(UserPage {
            users,
            next: None,
            total: Some(self.records.len() as u64),
        })
    }

    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError> {
        self.records
            .iter()
            .find(|record| record.id == id || record.summary.id == id)
            .cloned()
            .ok_or_else(|| ProviderError::NotFound {
                provider: self.name,
                id: id.to_owned(),
                detail: None,
            })
    }
}

#[cfg(test)]
mod tests;
