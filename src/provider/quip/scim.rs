//! Quip's SCIM 2.0 user list (`GET {scim_base_url}/Users?startIndex=N&count=C`), the only API
//! that lists every user of a Quip site: a `ListResponse` mapped to a page of summaries.

use serde_json::Value;

use super::super::{DecodeError, ProviderError, error_message_from_keys, parse_json};
use crate::http::Response;
use crate::json::fields::{bool_at, id_text, str_at};
use crate::model::{StatusMarker, UserPage, UserSummary};

/// The SCIM filter (RFC 7644 §3.4.2.2) for users changed after `since`:
/// `meta.lastModified gt "2026-06-01T00:00:00Z"`.
pub fn changed_since_filter(since: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "meta.lastModified gt \"{}\"",
        since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    )
}

/// SCIM error bodies: `{schemas, detail, status, scimType}`; Quip's own keys as a fallback.
pub fn scim_error_message(body: &[u8]) -> Option<String> {
    error_message_from_keys(body, &["detail"]).or_else(|| super::error_message(body))
}

/// A SCIM user resource as a list row; `None` without an id.
pub fn map_scim_user(json: &Value) -> Option<UserSummary> {
    let id = id_text(json.get("id"))?;
    let given_family = [
        str_at(json, "/name/givenName"),
        str_at(json, "/name/familyName"),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let name = str_at(json, "/name/formatted")
        .or_else(|| str_at(json, "/displayName"))
        .filter(|name| !name.is_empty())
        .map_or(given_family, str::to_owned);
    let emails = json.get("emails").and_then(Value::as_array);
    let email = emails
        .and_then(|items| {
            items
                .iter()
                .find(|item| bool_at(item, "/primary") == Some(true))
                .or_else(|| items.first())
        })
        .and_then(|item| str_at(item, "/value"))
        .or_else(|| str_at(json, "/userName").filter(|user| user.contains('@')))
        .unwrap_or_default()
        .to_owned();
    let status = if bool_at(json, "/active") == Some(false) {
        vec![StatusMarker::Disabled]
    } else {
        Vec::new()
    };
    Some(
        UserSummary {
            id,
            name,
            email,
            role: None,
            status,
        }
        .bounded(),
    )
}

/// Maps a SCIM `ListResponse`; `requested_start` is the `startIndex` sent, used when the body
/// does not echo it. The next cursor is the following `startIndex`, none once the page is
/// empty or reaches `totalResults`.
pub fn map_scim_page(response: &Response, requested_start: u64) -> Result<UserPage, ProviderError> {
    let json = parse_json(response)?;
    if !json.is_object() {
        return Err(
            DecodeError::shape(&response.path, "expected a SCIM ListResponse object").into(),
        );
    }
    let total = json.get("totalResults").and_then(number);
    // SCIM lets a server leave out `Resources` when there are none.
    let resources = match json.get("Resources").or_else(|| json.get("resources")) {
        Some(Value::Array(items)) => items.as_slice(),
        None | Some(Value::Null) if total.is_some() => &[],
        _ => {
            return Err(DecodeError::shape(
                &response.path,
                "expected a SCIM ListResponse with a `Resources` array",
            )
            .into());
        }
    };
    let start = json
        .get("startIndex")
        .and_then(number)
        .filter(|start| *start >= 1)
        .unwrap_or(requested_start);
    let received = resources.len() as u64;
    let following = start.saturating_add(received);
    let next = (received > 0 && total.is_none_or(|total| following <= total))
        .then(|| following.to_string());
    Ok(UserPage {
        users: resources.iter().filter_map(map_scim_user).collect(),
        next,
        total,
    })
}

/// A count sent as a number or a numeric string.
fn number(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
