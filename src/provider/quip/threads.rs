//! Reading a user's thread list out of the Admin "Get a user" body, in both of its shapes, and
//! the thread titles `GET /1/admin/threads/?ids=` returns.
//!
//! `threads_meta=true` gives `threads: {<thread_id>: {updated_usec, link, is_deleted}}`; the key
//! names there are not documented, so the common alternatives are read too. Without it the body
//! carries `threads: {threads: {<id>: …}, users: {…}, companies: {…}}`, where each thread is the
//! Admin wrapper `{thread: {…}, user_ids, …}` or a bare thread object.

use serde_json::{Map, Value};

use super::super::{DecodeError, ProviderError, parse_json};
use crate::http::Response;
use crate::json::fields::{id_text, str_at};
use crate::model::ThreadInfo;

/// The keys a normal-mode `threads` object holds; a meta-mode one holds thread ids instead.
pub(super) const NORMAL_MODE_KEYS: &[&str] = &["threads", "users", "companies"];

/// Whether a record's `threads` value is the normal (non-meta) shape.
pub(super) fn is_normal_mode(threads: &Value) -> bool {
    // Thread ids are 11 characters, so a meta-mode map never has these keys; any one of them
    // marks the normal shape even when the server leaves the others out.
    threads
        .as_object()
        .is_some_and(|map| NORMAL_MODE_KEYS.iter().any(|key| map.contains_key(*key)))
}

/// The threads a user record lists, newest update first; an empty list when there are none or
/// `threads` has a shape this does not know.
pub fn threads_of(record_json: &Value) -> Vec<ThreadInfo> {
    let Some(threads) = record_json.get("threads") else {
        return Vec::new();
    };
    let entries = if is_normal_mode(threads) {
        threads.get("threads")
    } else {
        Some(threads)
    };
    let mut list = match entries {
        Some(Value::Object(map)) => from_map(map),
        // Not documented, but cheap to accept: a list of thread objects.
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| thread_info("", item))
            .collect(),
        _ => Vec::new(),
    };
    sort_newest_first(&mut list);
    list
}

fn from_map(map: &Map<String, Value>) -> Vec<ThreadInfo> {
    map.iter()
        .filter_map(|(key, value)| thread_info(key, value))
        .collect()
}

/// Newest update first; threads without a time last; ties by id so the order is stable.
fn sort_newest_first(list: &mut [ThreadInfo]) {
    list.sort_by(|left, right| {
        right
            .updated_usec
            .cmp(&left.updated_usec)
            .then_with(|| left.id.cmp(&right.id))
    });
}

/// One thread entry under its map key: a wrapper `{thread: {…}}`, a thread object, or (meta
/// mode, tolerated) a bare timestamp. `None` when no id can be found.
pub(super) fn thread_info(key: &str, value: &Value) -> Option<ThreadInfo> {
    let thread = match value.get("thread") {
        Some(inner @ Value::Object(_)) => inner,
        _ => value,
    };
    let id = id_text(thread.get("id")).or_else(|| (!key.is_empty()).then(|| key.to_owned()))?;
    if !thread.is_object() {
        return Some(ThreadInfo {
            id,
            updated_usec: usec_of(thread),
            ..ThreadInfo::default()
        });
    }
    let title = str_at(thread, "/title")
        .filter(|title| !title.is_empty())
        .map(str::to_owned);
    let updated_usec = ["updated_usec", "updated", "last_updated_usec"]
        .iter()
        .find_map(|key| thread.get(*key).and_then(usec_of));
    let link = ["link", "permalink", "url"]
        .iter()
        .find_map(|key| str_at(thread, &format!("/{key}")).filter(|link| !link.is_empty()))
        .map(str::to_owned);
    let deleted = ["is_deleted", "deleted"]
        .iter()
        .find_map(|key| flag(thread.get(*key)))
        .unwrap_or(false);
    Some(ThreadInfo {
        id,
        title,
        updated_usec,
        link,
        deleted,
    })
}

/// A time as microseconds since the epoch, from an int, a float or a numeric string. Values
/// too small to be microseconds after 1973 are read as seconds or milliseconds, since the
/// meta-mode keys (`updated`?) are not documented.
pub(super) fn usec_of(value: &Value) -> Option<i64> {
    let raw = match value {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().map(|float| float as i64))?,
        Value::String(text) => text.trim().parse().ok()?,
        _ => return None,
    };
    match raw {
        ..=0 => None,
        1..100_000_000_000 => raw.checked_mul(1_000_000),
        100_000_000_000..100_000_000_000_000 => raw.checked_mul(1_000),
        _ => Some(raw),
    }
}

/// A flag sent as a bool, `"true"`/`"false"` or 0/1.
fn flag(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) => text.parse().ok(),
        Value::Number(number) => number.as_i64().map(|n| n != 0),
        _ => None,
    }
}

/// Maps a `GET /1/admin/threads/?ids=` body (id → wrapper) to threads with titles, in the
/// order `wanted` asks for; ids the server answered with something else (an error string) are
/// left out.
pub fn map_thread_batch(
    response: &Response,
    wanted: &[String],
) -> Result<Vec<ThreadInfo>, ProviderError> {
    let json = parse_json(response)?;
    let Value::Object(map) = &json else {
        return Err(
            DecodeError::shape(&response.path, "expected an object of thread id → thread").into(),
        );
    };
    let mut list: Vec<ThreadInfo> = map
        .iter()
        .filter(|(_, value)| value.is_object())
        .filter_map(|(key, value)| thread_info(key, value))
        .collect();
    list.sort_by_key(|thread| {
        wanted
            .iter()
            .position(|id| *id == thread.id)
            .unwrap_or(usize::MAX)
    });
    Ok(list)
}

#[cfg(test)]
mod tests;
