//! Opening a big record without parsing it first. A 31 MB body takes a `serde_json::Value` of
//! ~290 MB and most of a second to map; the tree and the raw view need neither (they read an
//! index of the bytes). So a body of `BIG_BODY_BYTES` or more is mapped in two steps: now, from
//! a slim copy whose large top-level members are emptied (the summary, the id and the provider
//! come from the small parts: `user`, not the credits), and later, off the loop, in full
//! (`map_in_full`), for the overview and the audit.

use std::sync::Arc;

use bytes::Bytes;
use serde_json::Value;

use super::{DecodeError, ProviderError};
use crate::json_index::{IndexNode, JsonIndex, Kind, NodeKey};
use crate::model::{BigBody, UserRecord};

/// Bodies this big are mapped after they are shown; smaller ones at once, as always.
pub const BIG_BODY_BYTES: usize = 4 * 1024 * 1024;

/// Top-level members larger than this are left out of the slim copy.
const SLIM_MEMBER_BYTES: usize = 64 * 1024;

/// The size tests call big: their bodies are ~100 KB.
#[cfg(test)]
const TEST_BIG_BYTES: usize = 64 * 1024;

/// Maps an exported record like `provider::map_export`, deferring the full mapping of a big one
/// (`UserRecord::deferred`).
pub fn map_export(provider: Option<&str>, bytes: Bytes) -> Result<UserRecord, ProviderError> {
    map_export_from(provider, bytes, None, BIG_BODY_BYTES)
}

/// `map_export` of bytes already indexed (a file is indexed once to tell JSON from NDJSON).
pub fn map_export_indexed(
    provider: Option<&str>,
    bytes: Bytes,
    index: JsonIndex,
) -> Result<UserRecord, ProviderError> {
    map_export_from(provider, bytes, Some(index), BIG_BODY_BYTES)
}

/// `map_export` with the size a body is big from (tests use small bodies).
fn map_export_from(
    provider: Option<&str>,
    bytes: Bytes,
    index: Option<JsonIndex>,
    big_bytes: usize,
) -> Result<UserRecord, ProviderError> {
    if bytes.len() < big_bytes {
        return super::map_export(provider, bytes);
    }
    let index = match index {
        Some(index) => index,
        None => JsonIndex::new(&bytes).map_err(|error| {
            ProviderError::Decode(DecodeError::shape("export", format!("not JSON: {error}")))
        })?,
    };
    let Some(slim) = slim_copy(&index, &bytes) else {
        return super::map_export(provider, bytes);
    };
    let mut record = super::map_export(provider, Bytes::from(slim))?;
    // A record made of several bodies would need each body back; map those in full now.
    let [body] = record.bodies.as_mut_slice() else {
        return super::map_export(provider, bytes);
    };
    body.bytes = bytes;
    record.json = Value::Null;
    record.sections = Vec::new();
    record.deferred = true;
    // Kept: the tree reads its rows from it and the full mapping its streamed lists.
    record.big = Some(BigBody {
        index: Arc::new(index),
        streamed: &[],
    });
    Ok(record)
}

/// The full mapping of a deferred record (a big export opened, or a big Zooza body fetched,
/// whose credits overview waits until it is shown). A provider that streams its largest lists
/// (`ProviderEntry::map_streamed`) maps the body without them and reads them one item at a time
/// from the index, so the record never exists as one `Value`; others map the bytes as any export.
pub fn map_in_full(record: &UserRecord) -> Result<UserRecord, ProviderError> {
    let bytes = record
        .bodies
        .first()
        .map(|body| body.bytes.clone())
        .unwrap_or_default();
    let streamer = super::REGISTRY
        .iter()
        .find(|entry| entry.name == record.provider.name())
        .and_then(|entry| entry.map_streamed.as_ref());
    let mut mapped = match (&record.big, streamer) {
        (Some(big), Some(streamer)) => map_streamed(
            &bytes,
            Arc::clone(&big.index),
            streamer.lists,
            |slim, index| (streamer.map)(slim, index, &bytes, record.fetched_at),
        )?,
        _ => super::map_export(Some(record.provider.name()), bytes)?,
    };
    // The record as fetched keeps its own id, time and body (the path it answered), whatever
    // the mapping of its bytes alone would call them.
    mapped.fetched_at = record.fetched_at;
    mapped.id.clone_from(&record.id);
    if let ([mapped_body], [body]) = (mapped.bodies.as_mut_slice(), record.bodies.as_slice()) {
        mapped_body.clone_from(body);
    }
    Ok(mapped)
}

/// Maps a body whose top-level arrays `lists` are read in place from its index rather than
/// parsed: `map` is given a copy of the body with those arrays emptied (every other byte as
/// sent) and the index of the full body. When the mapping's one body is that copy, the record
/// gets the full bytes back and keeps the index (`UserRecord::big`); a mapping that made bodies
/// of its own (a Zooza client's record, which has no credits) is kept as it is.
pub fn map_streamed(
    bytes: &Bytes,
    index: Arc<JsonIndex>,
    lists: &'static [&'static str],
    map: impl FnOnce(Bytes, &JsonIndex) -> Result<UserRecord, ProviderError>,
) -> Result<UserRecord, ProviderError> {
    let slim = Bytes::from(without_lists(&index, bytes, lists));
    let mut mapped = map(slim.clone(), &index)?;
    if let [body] = mapped.bodies.as_mut_slice()
        && body.bytes == slim
    {
        body.bytes = bytes.clone();
        mapped.big = Some(BigBody {
            index,
            streamed: lists,
        });
    }
    Ok(mapped)
}

/// The document with the top-level arrays named in `lists` emptied (`[]`), every other byte as
/// sent: field order, unknown fields and exact numbers stay for the mapping.
fn without_lists(index: &JsonIndex, bytes: &[u8], lists: &[&str]) -> Vec<u8> {
    emptied(index, bytes, |key, member| {
        member.kind() == Kind::Array && lists.contains(&key)
    })
    .unwrap_or_else(|| bytes.to_vec())
}

/// The document with every top-level member over `SLIM_MEMBER_BYTES` emptied; `None` when the
/// root is not an object.
fn slim_copy(index: &JsonIndex, bytes: &[u8]) -> Option<Vec<u8>> {
    emptied(index, bytes, |_, member| {
        (member.end - member.start) as usize > SLIM_MEMBER_BYTES
    })
}

/// The document with the top-level members `empty` picks replaced by an empty value of their
/// kind (`[]`, `{}`, or `""` for a scalar), every other byte as sent; `None` when the root is
/// not an object.
fn emptied(
    index: &JsonIndex,
    bytes: &[u8],
    empty: impl Fn(&str, &IndexNode) -> bool,
) -> Option<Vec<u8>> {
    if index.node(0).kind() != Kind::Object {
        return None;
    }
    let mut slim = Vec::new();
    let mut copied = 0;
    for member in index.children(0) {
        let data = index.node(member);
        if matches!(index.key(bytes, member), NodeKey::Key(key) if empty(&key, data)) {
            slim.extend_from_slice(&bytes[copied..data.start as usize]);
            slim.extend_from_slice(match data.kind() {
                Kind::Array => b"[]",
                Kind::Object => b"{}",
                _ => b"\"\"",
            });
            copied = data.end as usize;
        }
    }
    slim.extend_from_slice(&bytes[copied..]);
    Some(slim)
}

#[cfg(test)]
mod tests;
