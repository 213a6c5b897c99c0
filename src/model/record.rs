//! A user's full record: the exact bytes received, the parsed JSON, and typed sections.

use bytes::Bytes;
use chrono::{DateTime, Utc};

use super::{BigBody, ListSource, Section, UserSummary};

/// One HTTP body exactly as the server sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBody {
    /// What this body is within the record, e.g. `admin_details`, `profile`.
    pub label: String,
    /// The request path (no host, no secrets) it answered.
    pub path: String,
    /// The bytes, untouched: exports and `get --raw` write these back.
    pub bytes: Bytes,
}

/// A user's detail as fetched from one provider.
#[derive(Debug, Clone)]
pub struct UserRecord {
    /// Provider name (`zoo`, `zooza`, `quip`, `scanova`).
    pub provider: super::ProviderKind,
    /// The id the record was fetched by.
    pub id: String,
    /// What a list row would show for this user.
    pub summary: UserSummary,
    /// The bodies that make up the record; the first is the primary (the seed endpoint's).
    pub bodies: Vec<RawBody>,
    /// The parsed JSON, key order kept: the primary body's value when there is one body,
    /// else an object with one key per body label.
    pub json: serde_json::Value,
    /// Typed sections for the overview, then a section of fields the mapper did not know.
    pub sections: Vec<Section>,
    /// The user's threads, for providers that have them (Quip); titles may come later.
    pub threads: Vec<ThreadInfo>,
    /// When the record was fetched.
    pub fetched_at: DateTime<Utc>,
    /// The record's overview is not built yet: the explorer maps it in the background when it
    /// shows it (`provider::deferred::map_in_full`). A big export opened has `json` `Null` and
    /// no sections; a big Zooza body fetched has its JSON and every section but its credits'.
    /// The bytes, the summary and the id are the record's own.
    pub deferred: bool,
    /// A big body's index, and the lists the mapping left out of `json` (`model::lists`);
    /// `None` for an ordinary record, parsed whole.
    pub big: Option<BigBody>,
}

impl UserRecord {
    /// The primary body's exact bytes.
    pub fn raw(&self) -> &[u8] {
        self.bodies.first().map_or(&[], |body| &body.bytes[..])
    }

    /// Where its top-level lists are read from: `json`, or the index for the lists a big body
    /// streams.
    pub fn lists(&self) -> ListSource<'_> {
        match &self.big {
            Some(big) if !big.streamed.is_empty() => {
                ListSource::streamed(&self.json, &big.index, self.raw(), big.streamed)
            }
            _ => ListSource::parsed(&self.json),
        }
    }
}

/// One Quip thread as a thread list shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThreadInfo {
    /// Thread id.
    pub id: String,
    /// Title, filled in lazily (None until fetched).
    pub title: Option<String>,
    /// Last update, microseconds since the epoch.
    pub updated_usec: Option<i64>,
    /// Permalink.
    pub link: Option<String>,
    /// Whether the user was removed from it or it was deleted.
    pub deleted: bool,
}
