//! Zooza's error bodies: the localised `error_log_raw`, else the legacy `errors`, `message`
//! and `error` keys, read into one line for `HttpError::Status`.

use serde_json::Value;

use super::super::plain_text_message;
use crate::json::fields::str_at;

/// A message held in one legacy `errors` item: a string, an object holding one, or `[key, msg]`.
fn legacy_error_text(item: &Value) -> Option<String> {
    match item {
        Value::String(text) => Some(text.clone()),
        Value::Array(pair) => pair.iter().rev().find_map(Value::as_str).map(str::to_owned),
        Value::Object(object) => ["message", "msg", "val", "error", "text"]
            .iter()
            .find_map(|key| object.get(*key).and_then(Value::as_str))
            .or_else(|| object.values().find_map(Value::as_str))
            .map(str::to_owned),
        _ => None,
    }
}

/// Zooza's error bodies: the localised `error_log_raw[].val` when present, else legacy
/// `errors`, `message` and `error`; duplicates dropped, joined with "; ".
pub fn error_message(body: &[u8]) -> Option<String> {
    let Ok(json) = serde_json::from_slice::<Value>(body) else {
        return plain_text_message(body);
    };
    let mut logged: Vec<String> = Vec::new();
    for entry in json
        .get("error_log_raw")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(text) = entry.get("val").and_then(Value::as_str) {
            logged.push(text.to_owned());
        }
    }
    if logged.iter().all(|text| text.trim().is_empty()) {
        logged.clear();
        match json.get("errors") {
            Some(Value::Array(items)) => logged.extend(items.iter().filter_map(legacy_error_text)),
            Some(Value::Object(object)) => logged.extend(object.values().filter_map(|value| {
                match value {
                    Value::Array(items) => Some(
                        items
                            .iter()
                            .filter_map(legacy_error_text)
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                    other => legacy_error_text(other),
                }
            })),
            Some(Value::String(text)) => logged.push(text.clone()),
            _ => {}
        }
        for key in ["message", "error"] {
            if let Some(text) = str_at(&json, &format!("/{key}")) {
                logged.push(text.to_owned());
            }
        }
    }
    let mut messages: Vec<String> = Vec::new();
    for text in logged {
        let text = text.trim().to_owned();
        if !text.is_empty() && !messages.contains(&text) {
            messages.push(text);
        }
    }
    (!messages.is_empty()).then(|| messages.join("; "))
}

#[cfg(test)]
mod tests;
