//! Domain labels for known nodes of each provider's record tree: a Zooza credit shows its type,
//! code, value and expiry; an event its name, date and status; an attendance its state.
//! Labels are built from remote text: the tree pane sanitizes them like every other string.

use serde_json::Value;

use super::{Labeller, PathSegment};
use crate::model::ProviderKind;

/// The labeller for a provider's records.
pub fn for_provider(provider: ProviderKind) -> Labeller {
    match provider {
        ProviderKind::Zooza => zooza,
        ProviderKind::Zoo => zoo,
        ProviderKind::Quip => quip,
        ProviderKind::Scanova => scanova,
    }
}

/// The key of the array an item sits in: `.discounts[3]` -> `discounts`.
fn item_of<'a>(path: &[PathSegment<'a>]) -> Option<&'a str> {
    match path {
        [.., PathSegment::Key(key), PathSegment::Index(_)] => Some(key),
        _ => None,
    }
}

fn text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// A date-time shortened to its date and minutes.
fn date_and_minutes(value: &Value, key: &str) -> Option<String> {
    text(value, key).map(|stamp| stamp.chars().take(16).collect::<String>().replace('T', " "))
}

fn join(parts: &[Option<String>]) -> Option<String> {
    let parts: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn zooza(path: &[PathSegment<'_>], value: &Value) -> Option<String> {
    match item_of(path)? {
        "discounts" | "free_events" => {
            let expired = value.get("expired").and_then(Value::as_bool) == Some(true);
            join(&[
                Some(format!(
                    "credit {}",
                    text(value, "type").unwrap_or_else(|| "?".to_owned())
                )),
                text(value, "code"),
                text(value, "value").map(|amount| format!("value {amount}")),
                date_and_minutes(value, "expiration")
                    .map(|date| format!("{} {date}", if expired { "expired" } else { "expires" })),
                (value.get("active").and_then(Value::as_bool) == Some(false))
                    .then(|| "inactive".to_owned()),
            ])
        }
        "events" => join(&[
            text(value, "name"),
            date_and_minutes(value, "date"),
            text(value, "status"),
        ]),
        "attendance" => join(&[
            text(value, "attendance").map(|state| format!("attendance: {state}")),
            date_and_minutes(value, "created"),
        ]),
        "agreements" => join(&[
            text(value, "name"),
            (value.get("mandatory").and_then(Value::as_bool) == Some(true))
                .then(|| "mandatory".to_owned()),
        ]),
        "permissions" => text(value, "permission"),
        "companies" => join(&[text(value, "name"), text(value, "role")]),
        _ => None,
    }
}

fn zoo(path: &[PathSegment<'_>], value: &Value) -> Option<String> {
    match item_of(path)? {
        "payment_methods" => {
            let card = value.get("card")?;
            let expiry = match (text(card, "exp_month"), text(card, "exp_year")) {
                (Some(month), Some(year)) => Some(format!("exp {month}/{year}")),
                _ => None,
            };
            join(&[
                text(card, "brand"),
                text(card, "last4").map(|last4| format!("····{last4}")),
                expiry,
                text(card, "funding"),
            ])
        }
        "items" => join(&[text(value, "email"), text(value, "role")]),
        _ => None,
    }
}

fn quip(path: &[PathSegment<'_>], value: &Value) -> Option<String> {
    // Thread maps are keyed by thread id: `.threads.<id>` (slim) or `.threads.threads.<id>`.
    if let [.., PathSegment::Key("threads"), PathSegment::Key(_)] = path {
        let thread = value.get("thread").unwrap_or(value);
        let deleted = thread.get("is_deleted").and_then(Value::as_bool) == Some(true);
        return join(&[
            text(thread, "title"),
            text(thread, "link"),
            deleted.then(|| "deleted".to_owned()),
        ]);
    }
    None
}

fn scanova(path: &[PathSegment<'_>], value: &Value) -> Option<String> {
    match item_of(path)? {
        "permissions" => join(&[text(value, "code"), text(value, "name")]),
        "tags" => text(value, "name"),
        "results" => join(&[
            value
                .pointer("/shared_user/email")
                .and_then(Value::as_str)
                .map(str::to_owned),
            value
                .pointer("/access_level/name")
                .and_then(Value::as_str)
                .map(str::to_owned),
        ]),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
