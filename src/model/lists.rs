//! A record's top-level lists, read the same way whether the record was parsed whole or is a big
//! body whose largest lists are read one item at a time from its byte index.
//!
//! A 31 MB Zooza record is almost all credits (`discounts`, `free_events`). Parsed into one
//! `serde_json::Value` it takes ~330 MB; decoding one credit at a time from the index and
//! dropping it takes a few kilobytes. So a big body's mapping leaves those lists out of
//! `UserRecord::json` (empty arrays there) and the mapper and the rules read them through
//! [`ListSource`], which borrows from the JSON for ordinary records.

use std::sync::Arc;

use serde_json::Value;

use crate::json_index::{JsonIndex, JsonRef, RefItems};

/// A big body's index, and the lists its mapping left out of the parsed JSON.
#[derive(Debug, Clone)]
pub struct BigBody {
    /// The primary body's index, built once when the body is read: the tree, the raw view,
    /// the mapping and the audit share it.
    pub index: Arc<JsonIndex>,
    /// Top-level arrays of the body left out of `UserRecord::json` (empty arrays there) and read
    /// from `index` one item at a time. Empty until the full mapping has run.
    pub streamed: &'static [&'static str],
}

/// Where a record's top-level lists are read from.
#[derive(Clone, Copy)]
pub struct ListSource<'a> {
    json: &'a Value,
    /// The index, the body's bytes and the streamed keys, for a big body.
    streamed: Option<(&'a JsonIndex, &'a [u8], &'a [&'static str])>,
}

impl<'a> ListSource<'a> {
    /// Lists read from parsed JSON only.
    pub fn parsed(json: &'a Value) -> Self {
        Self {
            json,
            streamed: None,
        }
    }

    /// Lists of a big body: `streamed` keys from `index` over `bytes`, the others from `json`.
    pub fn streamed(
        json: &'a Value,
        index: &'a JsonIndex,
        bytes: &'a [u8],
        streamed: &'a [&'static str],
    ) -> Self {
        Self {
            json,
            streamed: Some((index, bytes, streamed)),
        }
    }

    /// The items of the top-level array `key` (none when it is absent or not an array): read in
    /// the parsed JSON, or in the index when the list is streamed (nothing decoded until read).
    pub fn items(&self, key: &str) -> RefItems<'a> {
        if let Some((index, bytes, keys)) = self.streamed
            && keys.contains(&key)
        {
            return match index.member(bytes, 0, key) {
                Some(node) => JsonRef::Indexed { index, bytes, node }.items(),
                None => RefItems::Parsed([].iter()),
            };
        }
        self.json
            .get(key)
            .map_or(RefItems::Parsed([].iter()), |list| {
                JsonRef::Parsed(list).items()
            })
    }
}

#[cfg(test)]
mod tests;
