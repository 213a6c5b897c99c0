//! Helpers the mappers share: reading values by JSON pointer, ids that may be ints or strings,
//! jq paths, and the section of fields a mapper does not know.
//!
//! Mappers read by pointer through [`pointer`], not `Value::pointer`: `serde_json`'s allocates two
//! `String`s per token (for `~1`/`~0` unescaping, even when there is none), and a record's
//! mapping reads thousands of pointers.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::Value;

use crate::json_index::{JsonRef, Kind};
use crate::model::{Field, FieldValue, Section};

/// Builds a section from a record's JSON by pointer; absent keys show as missing.
pub struct SectionBuilder<'a> {
    json: &'a Value,
    section: Section,
}

impl<'a> SectionBuilder<'a> {
    /// A new section over a record.
    pub fn new(json: &'a Value, title: &str) -> Self {
        Self {
            json,
            section: Section::new(title),
        }
    }

    /// A field read generically (times in RFC 3339 become times).
    #[must_use]
    pub fn field(mut self, label: &str, at: &str) -> Self {
        let value = FieldValue::from_json(pointer(self.json, at));
        self.push(label, at, value);
        self
    }

    /// One field per key of the object at `at` (`Company name`, `Company id`...), in the
    /// server's order, so an object reads as fields rather than one line of JSON; anything
    /// else (an empty object too) is one field, as [`field`](Self::field) shows it.
    #[must_use]
    pub fn fields_of(mut self, label: &str, at: &str) -> Self {
        let object = match pointer(self.json, at) {
            Some(Value::Object(object)) if !object.is_empty() => object,
            _ => return self.field(label, at),
        };
        let keyed: Vec<(String, String, FieldValue)> = object
            .iter()
            .map(|(key, value)| {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                (
                    format!("{label} {key}"),
                    format!("{at}/{escaped}"),
                    FieldValue::from_json(Some(value)),
                )
            })
            .collect();
        for (label, path, value) in keyed {
            self.push(&label, &path, value);
        }
        self
    }

    /// A field holding microseconds since the epoch (Quip's `*_usec`).
    #[must_use]
    pub fn usec(mut self, label: &str, at: &str) -> Self {
        let raw = pointer(self.json, at);
        let value = match raw
            .and_then(Value::as_i64)
            .and_then(chrono::DateTime::from_timestamp_micros)
        {
            Some(time) => FieldValue::Time(time.fixed_offset()),
            None => FieldValue::from_json(raw),
        };
        self.push(label, at, value);
        self
    }

    /// A field with a value computed by the mapper.
    #[must_use]
    pub fn computed(mut self, label: &str, pointer: &str, value: FieldValue) -> Self {
        self.push(label, pointer, value);
        self
    }

    fn push(&mut self, label: &str, pointer: &str, value: FieldValue) {
        self.section.fields.push(Field {
            label: label.to_owned(),
            path: jq_path(pointer),
            value,
        });
    }

    /// Fields built elsewhere, added as they are.
    #[must_use]
    pub fn append(mut self, fields: Vec<Field>) -> Self {
        self.section.fields.extend(fields);
        self
    }

    /// The section.
    pub fn build(self) -> Section {
        self.section
    }
}

/// Objects up to this many keys are searched by a scan of their entries, larger ones by hash.
const SCANNED_KEYS: usize = 32;

/// A key of an object. The objects rules read are small (a user, a credit, an attendance row),
/// and scanning their entries compares lengths first and hashes nothing: about twice as fast as
/// `Value::get`, whose keyed hash costs more than the scan. A large object is still hashed, so
/// odd remote data never makes a lookup slow.
pub fn field<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    let object = value.as_object()?;
    if object.len() > SCANNED_KEYS {
        return object.get(key);
    }
    object
        .iter()
        .find(|(name, _)| name.as_str() == key)
        .map(|(_, value)| value)
}

/// The value at a JSON pointer (RFC 6901), exactly as `Value::pointer` finds it (same unescaping,
/// same array indices: no sign, no leading zero), without allocating for tokens with no `~`.
pub fn pointer<'a>(json: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(json);
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/').try_fold(json, |target, token| {
        let token = if token.contains('~') {
            std::borrow::Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
        } else {
            std::borrow::Cow::Borrowed(token)
        };
        match target {
            Value::Object(_) => field(target, &token),
            Value::Array(list) => array_index(&token).and_then(|index| list.get(index)),
            _ => None,
        }
    })
}

/// An array index token as `serde_json` reads one: digits only (`usize` parsing would take a `+`),
/// and no leading zero.
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}

/// A JSON pointer (`/a/b/0`) in jq form (`.a.b[0]`).
pub fn jq_path(pointer: &str) -> String {
    if pointer.is_empty() {
        return ".".to_owned();
    }
    let mut path = String::with_capacity(pointer.len() + 8);
    for token in pointer.split('/').skip(1) {
        // Most keys have no escape: no allocation for them (the audit writes paths by the
        // hundred thousand).
        let key = if token.contains('~') {
            std::borrow::Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
        } else {
            std::borrow::Cow::Borrowed(token)
        };
        if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) {
            path.push('[');
            path.push_str(&key);
            path.push(']');
        } else if !key.is_empty()
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !key.starts_with(|c: char| c.is_ascii_digit())
        {
            path.push('.');
            path.push_str(&key);
        } else {
            let _ = write!(path, ".[{}]", Value::String(key.into_owned()));
        }
    }
    path
}

/// A time as the APIs write it: RFC 3339, or `YYYY-MM-DD HH:MM:SS` taken as UTC.
pub fn parse_time(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&chrono::Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|naive| naive.and_utc())
        })
}

/// An id that APIs send as an int or a string, as text.
pub fn id_text(value: Option<&Value>) -> Option<String> {
    id_text_of(value.map(JsonRef::Parsed))
}

/// `id_text` of a value read in place (parsed or indexed).
pub fn id_text_of(value: Option<JsonRef<'_>>) -> Option<String> {
    let value = value?;
    match value.kind() {
        Kind::String => value
            .as_str()
            .filter(|text| !text.is_empty())
            .map(Cow::into_owned),
        Kind::Number => {
            let mut text = String::new();
            value.write_json(&mut text);
            Some(text)
        }
        _ => None,
    }
}

/// A string at a pointer, if it is one.
pub fn str_at<'a>(json: &'a Value, at: &str) -> Option<&'a str> {
    pointer(json, at).and_then(Value::as_str)
}

/// A boolean at a pointer, tolerating `"true"`/`"false"` and 0/1.
pub fn bool_at(json: &Value, at: &str) -> Option<bool> {
    flag_of(pointer(json, at).map(JsonRef::Parsed))
}

/// A boolean read in place (parsed or indexed), tolerating `"true"`/`"false"` and 0/1.
pub fn flag_of(value: Option<JsonRef<'_>>) -> Option<bool> {
    let value = value?;
    match value.kind() {
        Kind::Bool => value.as_bool(),
        Kind::String => value.as_str()?.parse().ok(),
        Kind::Number => value.number()?.as_i64().map(|n| n != 0),
        _ => None,
    }
}

/// Fields present in the record that the mapper does not know, under the objects it does;
/// `known` pairs an object's pointer with its known keys. `None` when there are none.
pub fn unknown_fields(json: &Value, known: &[(&str, &[&str])]) -> Option<Section> {
    let mut section = Section::new("Other fields");
    for (object_pointer, keys) in known {
        let Some(Value::Object(object)) = pointer(json, object_pointer) else {
            continue;
        };
        for (key, value) in object {
            if keys.contains(&key.as_str()) {
                continue;
            }
            let pointer = format!(
                "{object_pointer}/{}",
                key.replace('~', "~0").replace('/', "~1")
            );
            section.fields.push(Field {
                label: key.clone(),
                path: jq_path(&pointer),
                value: FieldValue::from_json(Some(value)),
            });
        }
    }
    (!section.fields.is_empty()).then_some(section)
}

#[cfg(test)]
mod tests;
