//! Pure mapping of Quip's user bodies into the shared model: the Admin "Get a user" record
//! (seed 002) and the Automation `GET /1/users/?ids=` lookup.

use crate::provider::expect_record_object;
use serde_json::Value;

use super::super::{DecodeError, ProviderError, parse_json};
use super::KIND;
use super::threads::{NORMAL_MODE_KEYS, is_normal_mode, threads_of};
use crate::http::Response;
use crate::json::fields::{SectionBuilder, bool_at, id_text, str_at, unknown_fields};
use crate::model::{FieldValue, StatusMarker, UserRecord, UserSummary};

/// The label of the seed endpoint's body within a record.
pub const ADMIN_USER_LABEL: &str = "admin_user";

/// Top-level keys of the Admin user body the sections show.
/// Keys only a user record has; `error` is not one, as both records and error bodies carry it.
const IDENTIFYING_KEYS: &[&str] = &[
    "id",
    "name",
    "emails",
    "company_id",
    "disabled",
    "is_robot",
    "created_usec",
    "threads",
];

const USER_KEYS: &[&str] = &[
    "id",
    "name",
    "emails",
    "company_id",
    "profile_picture_url",
    "affinity",
    "created_usec",
    "disabled",
    "is_robot",
    "error",
    "chat_thread_id",
    "desktop_folder_id",
    "archive_folder_id",
    "starred_folder_id",
    "private_folder_id",
    "trash_folder_id",
    "shared_folder_ids",
    "group_folder_ids",
    "threads",
];

/// The first e-mail of a user object: `emails` as strings or `{address|value|email}` objects,
/// else a single `email`.
fn first_email(json: &Value) -> Option<&str> {
    let from_list = json
        .get("emails")
        .and_then(Value::as_array)
        .and_then(|items| {
            items.iter().find_map(|item| match item {
                Value::String(text) if !text.is_empty() => Some(text.as_str()),
                Value::Object(_) => ["/address", "/value", "/email"]
                    .iter()
                    .find_map(|pointer| str_at(item, pointer))
                    .filter(|text| !text.is_empty()),
                _ => None,
            })
        });
    from_list.or_else(|| str_at(json, "/email").filter(|text| !text.is_empty()))
}

/// A Quip user object (Admin or Automation) as a list row; `None` without an id.
pub fn map_summary(json: &Value) -> Option<UserSummary> {
    let id = id_text(json.get("id"))?;
    let mut status = Vec::new();
    if bool_at(json, "/disabled") == Some(true) {
        status.push(StatusMarker::Disabled);
    }
    if bool_at(json, "/is_robot") == Some(true) {
        status.push(StatusMarker::Robot);
    }
    Some(
        UserSummary {
            id,
            name: str_at(json, "/name").unwrap_or_default().to_owned(),
            email: first_email(json).unwrap_or_default().to_owned(),
            role: None,
            status,
        }
        .bounded(),
    )
}

/// A count shown as a number, or missing when the list is absent.
fn count(present: bool, n: usize) -> FieldValue {
    if present {
        FieldValue::Number(n.to_string())
    } else {
        FieldValue::Missing
    }
}

/// The size of the object or list at a pointer, if it is one.
fn size_at(json: &Value, pointer: &str) -> FieldValue {
    match json.pointer(pointer) {
        Some(Value::Object(map)) => FieldValue::Number(map.len().to_string()),
        Some(Value::Array(items)) => FieldValue::Number(items.len().to_string()),
        other => FieldValue::from_json(other),
    }
}

/// Maps the Admin "Get a user" body to a record; `id` is the id asked for.
pub fn map_record(id: &str, response: &Response) -> Result<UserRecord, ProviderError> {
    let json = parse_json(response)?;
    expect_record_object(response, &json, IDENTIFYING_KEYS, super::error_message)?;
    let summary = map_summary(&json).unwrap_or_else(|| UserSummary::with_id(id));
    let threads_value = json.get("threads");
    let normal_mode = threads_value.is_some_and(is_normal_mode);
    let threads = threads_of(&json);
    let has_threads = threads_value.is_some_and(|value| value.is_object() || value.is_array());
    let deleted = threads.iter().filter(|thread| thread.deleted).count();
    let last_updated = threads
        .iter()
        .filter_map(|thread| thread.updated_usec)
        .max()
        .and_then(chrono::DateTime::from_timestamp_micros)
        .map_or(FieldValue::Missing, |time| {
            FieldValue::Time(time.fixed_offset())
        });
    let mode = match threads_value {
        None => FieldValue::Missing,
        Some(_) if normal_mode => FieldValue::Text("full (threads, contacts, companies)".into()),
        Some(_) if has_threads => FieldValue::Text("metadata only (threads_meta)".into()),
        Some(other) => FieldValue::from_json(Some(other)),
    };
    let mut threads_section = SectionBuilder::new(&json, "Threads")
        .computed("Threads", "/threads", count(has_threads, threads.len()))
        .computed(
            "Deleted or removed",
            "/threads",
            count(has_threads, deleted),
        )
        .computed("Last thread update", "/threads", last_updated)
        .computed("Listing", "/threads", mode);
    if normal_mode {
        threads_section = threads_section
            .computed(
                "Contacts",
                "/threads/users",
                size_at(&json, "/threads/users"),
            )
            .computed(
                "Contacts' companies",
                "/threads/companies",
                size_at(&json, "/threads/companies"),
            );
    }
    let mut sections = vec![
        SectionBuilder::new(&json, "Identity")
            .field("User id", "/id")
            .field("Name", "/name")
            .field("E-mails", "/emails")
            .field("Company id", "/company_id")
            .field("Profile picture", "/profile_picture_url")
            .field("Affinity", "/affinity")
            .usec("Created", "/created_usec")
            .build(),
        SectionBuilder::new(&json, "Account status")
            .field("Disabled", "/disabled")
            .field("Robot account", "/is_robot")
            .field("Partial answer / error", "/error")
            .build(),
        SectionBuilder::new(&json, "Folders")
            .field("Chat thread (1:1)", "/chat_thread_id")
            .field("Desktop folder", "/desktop_folder_id")
            .field("Archive folder", "/archive_folder_id")
            .field("Starred folder", "/starred_folder_id")
            .field("Private folder", "/private_folder_id")
            .field("Trash folder", "/trash_folder_id")
            .field("Shared folders", "/shared_folder_ids")
            .field("Group folders", "/group_folder_ids")
            .build(),
        threads_section.build(),
    ];
    let mut known: Vec<(&str, &[&str])> = vec![("", USER_KEYS)];
    if normal_mode {
        known.push(("/threads", NORMAL_MODE_KEYS));
    }
    sections.extend(unknown_fields(&json, &known));
    Ok(UserRecord {
        provider: KIND,
        id: id.to_owned(),
        summary,
        bodies: vec![crate::provider::raw_body(ADMIN_USER_LABEL, response)],
        json,
        sections,
        threads,
        fetched_at: chrono::Utc::now(),
        deferred: false,
        big: None,
    })
}

/// Maps a `GET /1/users/?ids=` body: a map of key → user object, or key → error string for the
/// keys the server could not resolve (left out). A single user object or a list of them is
/// accepted too.
pub fn map_lookup(response: &Response) -> Result<Vec<UserSummary>, ProviderError> {
    let json = parse_json(response)?;
    let users: Vec<UserSummary> = match &json {
        Value::Object(_)
            if str_at(&json, "/id").is_some()
                && (json.get("name").is_some() || json.get("emails").is_some()) =>
        {
            map_summary(&json).into_iter().collect()
        }
        Value::Object(map) => map
            .values()
            .filter(|value| value.is_object())
            .filter_map(map_summary)
            .collect(),
        Value::Array(items) => items.iter().filter_map(map_summary).collect(),
        _ => {
            return Err(DecodeError::shape(
                &response.path,
                "expected an object of id or e-mail → user",
            )
            .into());
        }
    };
    let mut unique: Vec<UserSummary> = Vec::with_capacity(users.len());
    for user in users {
        // An id and that user's e-mail in one search answer the same user twice.
        if !unique.iter().any(|seen| seen.id == user.id) {
            unique.push(user);
        }
    }
    Ok(unique)
}

#[cfg(test)]
mod tests;
