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
    Some(UserSummary {
        id,
        name: str_at(json, "/name").unwrap_or_default().to_owned(),
        email: first_email(json).unwrap_or_default().to_owned(),
        role: None,
        status,
    })
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
mod tests {
    use super::*;
    use bytes::Bytes;
    use reqwest::header::HeaderMap;
    use serde_json::json;

    fn response(path: &str, body: &str) -> Response {
        Response {
            status: 200,
            path: path.into(),
            headers: HeaderMap::new(),
            body: Bytes::from(body.to_owned()),
        }
    }

    fn field<'a>(record: &'a UserRecord, path: &str) -> &'a FieldValue {
        &record
            .sections
            .iter()
            .flat_map(|section| &section.fields)
            .find(|field| field.path == path)
            .unwrap_or_else(|| panic!("no field at {path}"))
            .value
    }

    #[test]
    fn summary_takes_the_first_email_and_flags() {
        let json = json!({"id": "U1", "name": "Jane", "emails": ["a@x", "b@x"], "disabled": true, "is_robot": true});
        let summary = map_summary(&json).unwrap();
        assert_eq!(summary.email, "a@x");
        assert_eq!(
            summary.status,
            [StatusMarker::Disabled, StatusMarker::Robot]
        );
        let objects = json!({"id": "U2", "emails": [{"address": "c@x"}]});
        assert_eq!(map_summary(&objects).unwrap().email, "c@x");
        assert_eq!(map_summary(&json!({"id": "U3"})).unwrap().name, "");
        assert!(map_summary(&json!({"name": "no id"})).is_none());
    }

    #[test]
    fn a_meta_mode_record_counts_threads_and_shows_unknown_fields() {
        let body = json!({
            "id": "U1", "name": "Jane", "disabled": false, "brand_new": 7,
            "threads": {
                "T1": {"updated_usec": 1_632_022_665_732_239_i64, "link": "https://q/T1", "is_deleted": false},
                "T2": {"updated_usec": 1_600_000_000_000_000_i64, "is_deleted": true}
            }
        })
        .to_string();
        let record = map_record("U1", &response("/1/admin/users/U1", &body)).unwrap();
        assert_eq!(field(&record, ".brand_new").display(), "7");
        let thread_fields = &record.sections[3].fields;
        let shown: Vec<_> = thread_fields.iter().map(|f| f.value.display()).collect();
        assert_eq!(
            shown,
            [
                "2",
                "1",
                "2021-09-19 03:37:45 +00:00",
                "metadata only (threads_meta)"
            ]
        );
        // Thread ids are data, not unknown fields.
        assert!(
            record
                .sections
                .iter()
                .flat_map(|s| &s.fields)
                .all(|f| !f.path.contains("T1"))
        );
    }

    #[test]
    fn a_normal_mode_record_counts_contacts_and_flags_new_keys() {
        let body = json!({"id": "U1", "threads": {"threads": {}, "users": {"U2": {}, "U3": {}}, "companies": {"C": {}}, "extra": 1}}).to_string();
        let record = map_record("U1", &response("/1/admin/users/U1", &body)).unwrap();
        assert_eq!(field(&record, ".threads.users").display(), "2");
        assert_eq!(field(&record, ".threads.companies").display(), "1");
        assert_eq!(field(&record, ".threads.extra").display(), "1");
        assert!(record.summary.status.is_empty());
    }

    #[test]
    fn a_record_without_any_known_field_still_maps() {
        let record = map_record("U9", &response("/1/admin/users/U9", "{}")).unwrap();
        assert_eq!(record.summary.id, "U9");
        assert_eq!(field(&record, ".created_usec"), &FieldValue::Missing);
        assert_eq!(field(&record, ".threads"), &FieldValue::Missing);
        let odd = map_record(
            "U9",
            &response(
                "/1/admin/users/U9",
                r#"{"created_usec":"soon","threads":3}"#,
            ),
        )
        .unwrap();
        assert_eq!(field(&odd, ".created_usec").display(), "soon");
    }

    #[test]
    fn a_record_that_is_not_an_object_is_a_shape_error() {
        for body in ["[]", "\"x\"", "null"] {
            let err = map_record("U", &response("/1/admin/users/U", body)).unwrap_err();
            assert!(
                matches!(err, ProviderError::Decode(DecodeError::Shape { .. })),
                "{body}: {err}"
            );
        }
        let err = map_record("U", &response("/1/admin/users/U", "{")).unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::NotJson { .. })
        ));
    }

    #[test]
    fn a_lookup_skips_error_strings_and_duplicates() {
        let body = r#"{"UAAAAAAAAA1":{"id":"UAAAAAAAAA1","name":"Ann","emails":["ann@x"]},
            "ann@x":{"id":"UAAAAAAAAA1","name":"Ann"},
            "nobody@x":"Invalid email",
            "UBBBBBBBBB2":{"id":"UBBBBBBBBB2","name":"Bot","is_robot":true}}"#;
        let users = map_lookup(&response("/1/users/", body)).unwrap();
        let ids: Vec<_> = users.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["UAAAAAAAAA1", "UBBBBBBBBB2"]);
        assert_eq!(users[1].status, [StatusMarker::Robot]);
    }

    #[test]
    fn a_lookup_where_everything_failed_is_empty() {
        let body = r#"{"a@x":"Invalid email","U1":"Invalid user id"}"#;
        assert!(map_lookup(&response("/1/users/", body)).unwrap().is_empty());
    }

    #[test]
    fn a_lookup_accepts_one_user_or_a_list_and_refuses_text() {
        let one = map_lookup(&response("/1/users/", r#"{"id":"U1","name":"Ann"}"#)).unwrap();
        assert_eq!(one[0].name, "Ann");
        let list = map_lookup(&response("/1/users/", r#"[{"id":"U1"},{"id":"U2"},3]"#)).unwrap();
        assert_eq!(list.len(), 2);
        let err = map_lookup(&response("/1/users/", "\"no\"")).unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
    }
}
