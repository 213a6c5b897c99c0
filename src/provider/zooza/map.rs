//! Pure mapping of Zooza's list bodies: team pages (`GET /users`) and client search rows
//! (`GET /registrations?advanced_search=1`) into summaries.

use serde_json::Value;

use super::super::{DecodeError, ProviderError, parse_json};
use crate::http::Response;
use crate::json::fields::{id_text, str_at};
use crate::model::{StatusMarker, UserPage, UserSummary};

/// First and last name joined, else the first non-empty of `fallbacks`.
pub(super) fn person_name(json: &Value, fallbacks: &[&str]) -> String {
    let joined = [str_at(json, "/first_name"), str_at(json, "/last_name")]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !joined.is_empty() {
        return joined;
    }
    fallbacks
        .iter()
        .find_map(|key| {
            str_at(json, &format!("/{key}"))
                .map(str::trim)
                .filter(|text| !text.is_empty())
        })
        .unwrap_or_default()
        .to_owned()
}

/// A role as text (unknown roles kept), and the markers it implies.
pub(super) fn role_and_markers(json: &Value) -> (Option<String>, Vec<StatusMarker>) {
    let role = match json.get("role") {
        Some(Value::String(text)) if !text.is_empty() => Some(text.clone()),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    };
    let markers = match role.as_deref() {
        Some("owner") => vec![StatusMarker::Owner],
        Some("inactive" | "inactive_customer") => vec![StatusMarker::Inactive],
        _ => Vec::new(),
    };
    (role, markers)
}

/// Maps one team member (`{id, first_name, last_name, email, role}`); `None` without an id.
pub fn map_summary(json: &Value) -> Option<UserSummary> {
    let id = id_text(json.get("id")).or_else(|| id_text(json.get("user_id")))?;
    let (role, status) = role_and_markers(json);
    Some(
        UserSummary {
            id,
            name: person_name(json, &["full_name", "name", "nick"]),
            email: str_at(json, "/email").unwrap_or_default().to_owned(),
            role,
            status,
        }
        .bounded(),
    )
}

/// Maps a `/users` page: `{total, page, page_size, data}` or a bare array.
pub fn map_page(
    response: &Response,
    page: u64,
    page_size: usize,
) -> Result<UserPage, ProviderError> {
    let json = parse_json(response)?;
    let (rows, total) = match &json {
        Value::Array(rows) => (rows, None),
        Value::Object(_) => {
            let rows = json.get("data").and_then(Value::as_array).ok_or_else(|| {
                DecodeError::shape(&response.path, "expected an array or an object with `data`")
            })?;
            let total = match json.get("total") {
                Some(Value::Number(number)) => number.as_u64(),
                Some(Value::String(text)) => text.trim().parse().ok(),
                _ => None,
            };
            (rows, total)
        }
        _ => {
            return Err(DecodeError::shape(
                &response.path,
                "expected an array or an object with `data`",
            )
            .into());
        }
    };
    // Rows that are not objects are not users: a list of them is the wrong shape, not an empty page.
    if rows.iter().any(|row| !row.is_object()) {
        return Err(DecodeError::shape(&response.path, "expected a list of user objects").into());
    }
    let more = match total {
        Some(total) => (page + 1).saturating_mul(page_size as u64) < total,
        None => !rows.is_empty() && rows.len() >= page_size,
    };
    Ok(UserPage {
        users: rows.iter().filter_map(map_summary).collect(),
        next: more.then(|| (page + 1).to_string()),
        total,
    })
}

/// Maps a client search (`{total, page, results}` of registration rows) to one row per user.
pub fn map_search(response: &Response) -> Result<Vec<UserSummary>, ProviderError> {
    let json = parse_json(response)?;
    let rows = match &json {
        Value::Array(rows) => rows,
        _ => json
            .get("results")
            .or_else(|| json.get("data"))
            .and_then(Value::as_array)
            .ok_or_else(|| {
                DecodeError::shape(&response.path, "expected an object with a `results` array")
            })?,
    };
    if rows.iter().any(|row| !row.is_object()) {
        return Err(
            DecodeError::shape(&response.path, "expected a list of registration objects").into(),
        );
    }
    let mut users: Vec<UserSummary> = Vec::new();
    for row in rows {
        let Some(id) = id_text(row.get("user_id")) else {
            continue;
        };
        if users.iter().any(|user| user.id == id) {
            continue;
        }
        let (role, status) = role_and_markers(row);
        users.push(
            UserSummary {
                id,
                name: person_name(row, &["full_name", "ef_full_name"]),
                email: str_at(row, "/email").unwrap_or_default().to_owned(),
                role,
                status,
            }
            .bounded(),
        );
    }
    Ok(users)
}

#[cfg(test)]
mod tests;
