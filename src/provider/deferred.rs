//! Opening a big record without parsing it first. A 31 MB body takes a `serde_json::Value` of
//! ~290 MB and most of a second to map; the tree and the raw view need neither (they read an
//! index of the bytes). So a body of `BIG_BODY_BYTES` or more is mapped in two steps: now, from
//! a slim copy whose large top-level members are emptied (the summary, the id and the provider
//! come from the small parts: `user`, not the credits), and later, off the loop, in full
//! (`map_in_full`), for the overview and the audit.

use bytes::Bytes;
use serde_json::{Map, Value};

use super::{DecodeError, ProviderError};
use crate::json_index::{JsonIndex, Kind, NodeKey};
use crate::model::UserRecord;

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
    drop(index);
    let mut record = super::map_export(provider, Bytes::from(slim))?;
    // A record made of several bodies would need each body back; map those in full now.
    let [body] = record.bodies.as_mut_slice() else {
        return super::map_export(provider, bytes);
    };
    body.bytes = bytes;
    record.json = Value::Null;
    record.sections = Vec::new();
    record.deferred = true;
    Ok(record)
}

/// The full mapping of a deferred record: its provider maps its bytes as it maps any export.
pub fn map_in_full(record: &UserRecord) -> Result<UserRecord, ProviderError> {
    let bytes = record
        .bodies
        .first()
        .map(|body| body.bytes.clone())
        .unwrap_or_default();
    let mut mapped = super::map_export(Some(record.provider), bytes)?;
    mapped.fetched_at = record.fetched_at;
    Ok(mapped)
}

/// The document with every top-level member over `SLIM_MEMBER_BYTES` emptied (same kind, no
/// content), serialised; `None` when the root is not an object.
fn slim_copy(index: &JsonIndex, bytes: &[u8]) -> Option<Vec<u8>> {
    if index.node(0).kind != Kind::Object {
        return None;
    }
    let mut slim = Map::new();
    for member in index.children(0) {
        let NodeKey::Key(key) = index.key(bytes, member) else {
            continue;
        };
        let data = index.node(member);
        let value = if (data.end - data.start) as usize <= SLIM_MEMBER_BYTES {
            index.value(bytes, member)
        } else {
            match data.kind {
                Kind::Array => Value::Array(Vec::new()),
                Kind::Object => Value::Object(Map::new()),
                _ => Value::String(String::new()),
            }
        };
        slim.insert(key.into_owned(), value);
    }
    serde_json::to_vec(&Value::Object(slim)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn big_zooza() -> Bytes {
        let credit = json!({"id": 1, "type": "discount", "code": "X", "events": [{"id": 2}], "attendance": [{"attendance": "noshow"}]});
        let credits = vec![credit; 1000];
        let body = json!({"user": {"id": 1000, "first_name": "Anna", "last_name": "Berg", "email": "a@x.io"}, "discounts": credits, "free_events": [], "credit_balance": {"EUR": 1}});
        Bytes::from(serde_json::to_vec(&body).unwrap())
    }

    #[test]
    fn a_big_record_opens_from_its_small_parts_and_maps_in_full_later() {
        let bytes = big_zooza();
        assert!(bytes.len() >= 1000 * 80);
        let record = map_export_from(None, bytes.clone(), None, TEST_BIG_BYTES).unwrap();
        assert!(record.deferred);
        assert_eq!(record.provider, "zooza");
        assert_eq!(record.id, "1000");
        assert_eq!(record.summary.name, "Anna Berg");
        assert_eq!(record.raw(), &bytes[..], "the exact bytes are kept");
        assert_eq!(record.json, Value::Null);
        let full = map_in_full(&record).unwrap();
        assert!(!full.deferred);
        assert_eq!(full.raw(), &bytes[..]);
        assert_eq!(full.json["discounts"].as_array().unwrap().len(), 1000);
        assert!(
            full.sections
                .iter()
                .any(|section| section.title == "Credits"),
            "the overview has the credits"
        );
    }

    #[test]
    fn small_records_map_at_once_and_bad_big_ones_say_where() {
        let small = Bytes::from_static(br#"{"user": {"id": 5}, "discounts": []}"#);
        assert!(
            !map_export_from(Some("zooza"), small, None, TEST_BIG_BYTES)
                .unwrap()
                .deferred
        );
        let mut bad = big_zooza().to_vec();
        let at = bad.len() - 2;
        bad[at] = b'@';
        let error = map_export_from(None, Bytes::from(bad), None, TEST_BIG_BYTES)
            .unwrap_err()
            .one_line();
        assert!(error.contains(&format!("at byte {at}")), "{error}");
    }
}
