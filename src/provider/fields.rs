//! Helpers the mappers share: reading values by JSON pointer, ids that may be ints or strings,
//! jq paths, and the section of fields a mapper does not know.

use std::fmt::Write as _;

use serde_json::Value;

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
    pub fn field(mut self, label: &str, pointer: &str) -> Self {
        let value = FieldValue::from_json(self.json.pointer(pointer));
        self.push(label, pointer, value);
        self
    }

    /// A field holding microseconds since the epoch (Quip's `*_usec`).
    #[must_use]
    pub fn usec(mut self, label: &str, pointer: &str) -> Self {
        let raw = self.json.pointer(pointer);
        let value = match raw
            .and_then(Value::as_i64)
            .and_then(chrono::DateTime::from_timestamp_micros)
        {
            Some(time) => FieldValue::Time(time.fixed_offset()),
            None => FieldValue::from_json(raw),
        };
        self.push(label, pointer, value);
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
            let _ = write!(path, "[{key}]");
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
    match value? {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// A string at a pointer, if it is one.
pub fn str_at<'a>(json: &'a Value, pointer: &str) -> Option<&'a str> {
    json.pointer(pointer).and_then(Value::as_str)
}

/// A boolean at a pointer, tolerating `"true"`/`"false"` and 0/1.
pub fn bool_at(json: &Value, pointer: &str) -> Option<bool> {
    match json.pointer(pointer)? {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) => text.parse().ok(),
        Value::Number(number) => number.as_i64().map(|n| n != 0),
        _ => None,
    }
}

/// Fields present in the record that the mapper does not know, under the objects it does;
/// `known` pairs an object's pointer with its known keys. `None` when there are none.
pub fn unknown_fields(json: &Value, known: &[(&str, &[&str])]) -> Option<Section> {
    let mut section = Section::new("Other fields");
    for (object_pointer, keys) in known {
        let Some(Value::Object(object)) = json.pointer(object_pointer) else {
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
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn jq_paths_read_like_jq() {
        assert_eq!(jq_path(""), ".");
        assert_eq!(jq_path("/shared_user/email"), ".shared_user.email");
        assert_eq!(jq_path("/discounts/3/events/0"), ".discounts[3].events[0]");
        assert_eq!(
            jq_path("/user_fields/3rd_party"),
            ".user_fields.[\"3rd_party\"]"
        );
    }

    #[test]
    fn ids_as_int_or_string() {
        assert_eq!(id_text(Some(&json!(42))).as_deref(), Some("42"));
        assert_eq!(id_text(Some(&json!("42"))).as_deref(), Some("42"));
        assert_eq!(id_text(Some(&json!(null))), None);
    }

    #[test]
    fn finds_unknown_fields_under_known_objects() {
        let json = json!({"id": 1, "new_thing": true, "inner": {"a": 1, "b": 2}});
        let section = unknown_fields(&json, &[("", &["id", "inner"]), ("/inner", &["a"])]).unwrap();
        let paths: Vec<_> = section
            .fields
            .iter()
            .map(|field| field.path.as_str())
            .collect();
        assert_eq!(paths, [".new_thing", ".inner.b"]);
        assert!(unknown_fields(&json!({"id": 1}), &[("", &["id"])]).is_none());
    }

    #[test]
    fn microsecond_stamps_become_times() {
        let json = json!({"created_usec": 1_632_022_665_732_239_i64});
        let section = SectionBuilder::new(&json, "t")
            .usec("Created", "/created_usec")
            .build();
        assert_eq!(
            section.fields[0].value.display(),
            "2021-09-19 03:37:45 +00:00"
        );
    }
}
