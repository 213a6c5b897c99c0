//! Typed, labelled fields grouped in sections: what the detail pane and `get` render specially.

use chrono::{DateTime, FixedOffset};

/// A titled group of fields (identity, account status, security, billing...).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Heading, e.g. "Security".
    pub title: String,
    /// Fields in display order.
    pub fields: Vec<Field>,
}

impl Section {
    /// An empty section with a title.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            fields: Vec::new(),
        }
    }

    /// Adds a field and returns the section, for building in one expression.
    #[must_use]
    pub fn with(mut self, label: &str, path: &str, value: FieldValue) -> Self {
        self.fields.push(Field {
            label: label.to_owned(),
            path: path.to_owned(),
            value,
        });
        self
    }
}

/// One labelled value with the jq path it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Readable label, e.g. "MFA enabled".
    pub label: String,
    /// Where it sits in the record, in jq form (`.shared_user.mfa_enabled`).
    pub path: String,
    /// The value, typed for display.
    pub value: FieldValue,
}

/// A field's value, typed enough to format consistently.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// The key was absent.
    Missing,
    /// The key was present with `null`.
    Null,
    /// Free text (remote: sanitize before display).
    Text(String),
    /// A boolean.
    Bool(bool),
    /// A number exactly as the server wrote it.
    Number(String),
    /// A point in time (Quip's microsecond stamps are converted to this).
    Time(DateTime<FixedOffset>),
    /// A list of short texts.
    List(Vec<String>),
}

impl FieldValue {
    /// Reads a JSON value generically: used for unknown fields and by mappers as a fallback.
    pub fn from_json(value: Option<&serde_json::Value>) -> Self {
        use serde_json::Value;
        match value {
            None => Self::Missing,
            Some(Value::Null) => Self::Null,
            Some(Value::Bool(b)) => Self::Bool(*b),
            Some(Value::Number(n)) => Self::Number(n.to_string()),
            Some(Value::String(s)) => match DateTime::parse_from_rfc3339(s) {
                Ok(time) => Self::Time(time),
                Err(_) => Self::Text(s.clone()),
            },
            Some(Value::Array(items)) => Self::List(items.iter().map(compact).collect()),
            Some(other @ Value::Object(_)) => Self::Text(compact(other)),
        }
    }

    /// A one-line rendering in the value's own offset; times in one consistent local-independent format (UTC offset kept).
    pub fn display(&self) -> String {
        self.display_at(None)
    }

    /// Like `display`, with times shown at one offset (the operator's local time), so every
    /// provider's stamps, Quip's microseconds included, read alike.
    pub fn display_in(&self, offset: FixedOffset) -> String {
        self.display_at(Some(offset))
    }

    fn display_at(&self, offset: Option<FixedOffset>) -> String {
        match self {
            Self::Missing => "—".to_owned(),
            Self::Null => "null".to_owned(),
            Self::Text(text) => text.clone(),
            Self::Bool(true) => "yes".to_owned(),
            Self::Bool(false) => "no".to_owned(),
            Self::Number(n) => n.clone(),
            Self::Time(time) => match offset {
                Some(offset) => time
                    .with_timezone(&offset)
                    .format("%Y-%m-%d %H:%M:%S %:z")
                    .to_string(),
                None => time.format("%Y-%m-%d %H:%M:%S %:z").to_string(),
            },
            Self::List(items) if items.is_empty() => "(none)".to_owned(),
            Self::List(items) => items.join(", "),
        }
    }
}

fn compact(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The title of the overview's first section when a record's JSON holds what a parsed value
/// would hide (long numbers, duplicate keys, bytes that are not UTF-8).
pub const NOTES_SECTION: &str = "JSON notes";

#[cfg(test)]
mod tests;
