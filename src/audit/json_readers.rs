//! Lenient readers of the JSON the rules look at: flags and counts however a provider writes
//! them, times, keys and pointers looked up without allocating, and jq paths turned back into
//! pointers. None of them panics on any JSON.

use chrono::{DateTime, Utc};
use serde_json::Value;

pub use crate::json::fields::field;

/// A time as the providers write them: RFC 3339 (any offset, any fraction), or
/// `YYYY-MM-DD HH:MM:SS` taken as UTC.
pub fn parse_time(value: &Value) -> Option<DateTime<Utc>> {
    crate::json::fields::parse_time(value.as_str()?.trim())
}

/// `true`/`false`, also written as `"true"`/`"false"` or 1/0.
pub fn flag(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        Value::Number(number) => number.as_f64().map(|n| n != 0.0),
        _ => None,
    }
}

/// A non-negative count, also written as a string.
pub fn count(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(number) => number
            .as_u64()
            .or_else(|| number.as_f64().filter(|n| *n >= 0.0).map(|n| n as u64)),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// Where the last object of a list had a key: the objects of one list (credits, attendance rows)
/// share a layout, so the key is looked for at that position first, and the object's entries
/// are scanned only when it is not there. The result is the same as [`field`]'s.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyHint {
    position: usize,
}

impl KeyHint {
    /// A key of an object, looked for where the last object had it first.
    pub fn get<'a>(&mut self, value: &'a Value, key: &str) -> Option<&'a Value> {
        let object = value.as_object()?;
        if let Some((name, found)) = object.iter().nth(self.position)
            && name == key
        {
            return Some(found);
        }
        let (position, (_, found)) = object
            .iter()
            .enumerate()
            .find(|(_, (name, _))| name.as_str() == key)?;
        self.position = position;
        Some(found)
    }
}

/// The value at a JSON pointer, as `Value::pointer` finds it, without allocating per token:
/// rules look up a few pointers in every record.
pub use crate::json::fields::pointer as lookup;

/// The elements of the array at `pointer` (none when absent or not an array).
pub fn items<'a>(json: &'a Value, pointer: &str) -> &'a [Value] {
    lookup(json, pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A JSON pointer with one more token, escaped.
pub fn child(pointer: &str, key: &str) -> String {
    if key.contains(['~', '/']) {
        format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
    } else {
        format!("{pointer}/{key}")
    }
}

/// A jq path (`.a.b[0]`, `.["x y"]`) as a JSON pointer, for jumping to the evidence in a tree;
/// `None` for an expression that is not a plain path (a computed count).
pub fn pointer_of(path: &str) -> Option<String> {
    let mut pointer = String::new();
    let mut rest = path.trim();
    if rest == "." {
        return Some(pointer);
    }
    while !rest.is_empty() {
        if let Some(after) = rest
            .strip_prefix(".[\"")
            .or_else(|| rest.strip_prefix("[\""))
        {
            // A quoted key: read the JSON string up to its closing quote.
            let mut end = None;
            let mut escaped = false;
            for (offset, c) in after.char_indices() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        end = Some(offset);
                        break;
                    }
                    _ => {}
                }
            }
            let end = end?;
            let key: String = serde_json::from_str(&format!("\"{}\"", &after[..end])).ok()?;
            rest = after[end + 1..].strip_prefix(']')?;
            pointer = child(&pointer, &key);
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            let index = &after[..end];
            if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            pointer = child(&pointer, index);
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let key = &after[..end];
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return None;
            }
            pointer = child(&pointer, key);
            rest = &after[end..];
        } else {
            return None;
        }
    }
    Some(pointer)
}

#[cfg(test)]
mod tests;
