//! Pure mapping of a Zooza user's record: the token owner's full `GET /user` body, or another
//! user's registrations and orders when no token of theirs is configured.

use crate::provider::{deferred, expect_record_object};
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::super::{DecodeError, ProviderError, parse_json};
use super::KIND;
use super::credits::{array_at, credit_fields, describe, short};
use super::map::map_summary;
use crate::http::Response;
use crate::json::fields::{SectionBuilder, bool_at, id_text, unknown_fields};
use crate::json_index::JsonIndex;
use crate::model::{FieldValue, ListSource, Section, UserRecord, UserSummary};

const TOP_KEYS: &[&str] = &[
    "user",
    "agreements",
    "app",
    "branding",
    "company",
    "widgets",
    "msg",
    "discounts",
    "free_events",
    "credit_balance",
    "user_valid",
];
const USER_KEYS: &[&str] = &[
    "id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "role",
    "company_id",
    "user_fields",
    "billing_periods",
    "permissions",
    "companies",
];
const USER_FIELD_KEYS: &[&str] = &[
    "id",
    "marketing_messages",
    "3rd_party",
    "nick",
    "show_only_nick",
];
const AGREEMENT_PARTS: &[(&str, &str)] = &[
    ("", "title"),
    ("name", "name"),
    ("version", "id"),
    ("mandatory", "mandatory"),
    ("type", "type"),
    ("for", "for"),
    ("applies to", "apply_for"),
    ("courses", "courses"),
    ("order", "order"),
    ("valid from", "valid_from"),
    ("region", "region"),
    ("company", "company_id"),
    ("created", "created"),
    ("updated", "updated"),
    ("description", "description"),
];

/// Top-level keys of a `GET /user` body: a body with none of them is no user record.
const RECORD_KEYS: &[&str] = &[
    "user",
    "agreements",
    "discounts",
    "free_events",
    "credit_balance",
    "company",
    "app",
];

/// Bodies this big have their credits read in place from an index of the bytes, not parsed: a
/// record with a few dozen credits (tens of kilobytes) spends most of its mapping building a
/// `Value` of them, where indexing the bytes takes a tenth of that. Smaller bodies are parsed
/// whole, as simple as they come.
pub const STREAMED_BODY_BYTES: usize = 16 * 1024;

/// Maps a `GET /user` body (the token owner's full record) fetched at `now`: the whole record,
/// overview included.
pub fn map_user_record(
    id: &str,
    response: &Response,
    now: DateTime<Utc>,
) -> Result<UserRecord, ProviderError> {
    map_user_record_with(id, response, now, CreditsOverview::Now)
}

/// Maps a fetched `GET /user` body as `map_user_record` does, except that a big body's credits
/// overview (their counts, a line for each credit, event and attendance row, and the attendance
/// tally: two thirds of the mapping's time) waits until the record is shown: the record comes
/// back `deferred`, and `deferred::map_in_full` builds that overview from its index. An audit
/// scan reads the credits itself and never shows them, and a list of users fetched ahead is
/// mostly never opened. Everything else is the record's own at once: its JSON (credits left in
/// the bytes), the index the credits are read from, the summary and the other sections.
pub fn map_fetched_user_record(
    id: &str,
    response: &Response,
    now: DateTime<Utc>,
) -> Result<UserRecord, ProviderError> {
    map_user_record_with(id, response, now, CreditsOverview::WhenShown)
}

/// When a big record's credits overview is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CreditsOverview {
    /// With the rest of the record.
    Now,
    /// When the record is shown (`UserRecord::deferred`); only for a body whose credits are
    /// read in place, as a small one costs little either way.
    WhenShown,
}

fn map_user_record_with(
    id: &str,
    response: &Response,
    now: DateTime<Utc>,
    credits: CreditsOverview,
) -> Result<UserRecord, ProviderError> {
    if response.body.len() >= STREAMED_BODY_BYTES
        && let Ok(index) = JsonIndex::new(&response.body)
    {
        // Bytes that do not index are no JSON: the parse below says what is wrong with them.
        let full = &response.body;
        return deferred::map_streamed(full, Arc::new(index), STREAMED_LISTS, |slim, index| {
            let slim = Response {
                body: slim,
                ..response.clone()
            };
            map_user_body(id, &slim, Some((index, full)), now, credits)
        });
    }
    map_user_body(id, response, None, now, CreditsOverview::Now)
}

/// The top-level lists a big `GET /user` body streams: its credits, nearly all of its bytes.
pub const STREAMED_LISTS: &[&str] = &["discounts", "free_events"];

/// Maps a `GET /user` body. With `big` (the full body's index and bytes), `response` is a slim
/// copy of that body whose `STREAMED_LISTS` are empty, and the credits are read one at a time
/// from the index; the record keeps the slim JSON and the slim body (the caller puts the full
/// bytes back). With `CreditsOverview::WhenShown`, the record has no Credits nor Attendance
/// section yet and is `deferred`.
pub(crate) fn map_user_body(
    id: &str,
    response: &Response,
    big: Option<(&JsonIndex, &[u8])>,
    now: DateTime<Utc>,
    credits: CreditsOverview,
) -> Result<UserRecord, ProviderError> {
    let json = parse_json(response)?;
    expect_record_object(response, &json, RECORD_KEYS, super::error_message)?;
    if json
        .get("user")
        .is_some_and(|user| !user.is_object() && !user.is_null())
    {
        return Err(DecodeError::shape(&response.path, "`user` is not an object").into());
    }
    let user = json.get("user").unwrap_or(&Value::Null);
    let summary = map_summary(user).unwrap_or_else(|| UserSummary::with_id(id));
    let lists = match big {
        Some((index, bytes)) => ListSource::streamed(&json, index, bytes, STREAMED_LISTS),
        None => ListSource::parsed(&json),
    };

    let identity = SectionBuilder::new(&json, "Identity")
        .field("User id", "/user/id")
        .field("First name", "/user/first_name")
        .field("Last name", "/user/last_name")
        .field("E-mail", "/user/email")
        .field("Phone", "/user/phone")
        .field("Role", "/user/role")
        .field("Company id", "/user/company_id")
        .field("User fields id", "/user/user_fields/id")
        .field("Nickname", "/user/user_fields/nick")
        .field("Show only nickname", "/user/user_fields/show_only_nick")
        .field("Marketing messages", "/user/user_fields/marketing_messages")
        .field("Third-party sharing", "/user/user_fields/3rd_party")
        .field("Billing periods", "/user/billing_periods")
        .field("Token valid", "/user_valid")
        .build();

    let mut organisation = SectionBuilder::new(&json, "Organisation");
    for (index, company) in array_at(&json, "/user/companies").iter().enumerate() {
        let name = short(company, "/name").unwrap_or_else(|| format!("#{}", index + 1));
        organisation = organisation.computed(
            &format!("Company {name}"),
            &format!("/user/companies/{index}"),
            FieldValue::Text(describe(
                company,
                &[("role", "role"), ("id", "id"), ("e-mail", "email")],
            )),
        );
    }
    let organisation = organisation
        .fields_of("Company", "/company")
        .fields_of("App", "/app")
        .field("Branding", "/branding")
        .fields_of("Widgets", "/widgets")
        .field("Messages", "/msg")
        .build();

    let permissions = array_at(&json, "/user/permissions");
    let codes = |allowed: bool| {
        FieldValue::List(
            permissions
                .iter()
                .filter(|item| bool_at(item, "/user_can") == Some(allowed))
                .map(|item| {
                    let code = short(item, "/permission").unwrap_or_default();
                    match (short(item, "/name"), short(item, "/description")) {
                        (Some(name), Some(description)) => {
                            format!("{code} ({name}: {description})")
                        }
                        (Some(text), None) | (None, Some(text)) => format!("{code} ({text})"),
                        (None, None) => code,
                    }
                })
                .collect(),
        )
    };
    let permissions = SectionBuilder::new(&json, "Permissions")
        .computed("Allowed", "/user/permissions", codes(true))
        .computed("Not allowed", "/user/permissions", codes(false))
        .build();

    let agreements = array_at(&json, "/agreements");
    let mandatory: Vec<String> = agreements
        .iter()
        .filter(|item| bool_at(item, "/mandatory") == Some(true))
        .filter_map(|item| short(item, "/title").or_else(|| short(item, "/name")))
        .collect();
    let mut agreement_section = SectionBuilder::new(&json, "Agreements")
        .computed(
            "Agreements",
            "/agreements",
            FieldValue::Number(agreements.len().to_string()),
        )
        .computed("Mandatory", "/agreements", FieldValue::List(mandatory));
    for (index, agreement) in agreements.iter().enumerate() {
        let agreement_id = id_text(agreement.get("agreement_id"))
            .or_else(|| id_text(agreement.get("id")))
            .unwrap_or_else(|| format!("#{}", index + 1));
        // Zooza's docs: a name may hold `|AGREEMENT_URL|`, to be replaced by the agreement's
        // page, https://agreements.zooza.app/{ID}.
        let text = describe(agreement, AGREEMENT_PARTS).replace(
            "|AGREEMENT_URL|",
            &format!("https://agreements.zooza.app/{agreement_id}"),
        );
        agreement_section = agreement_section.computed(
            &format!("Agreement {agreement_id}"),
            &format!("/agreements/{index}"),
            FieldValue::Text(text),
        );
    }

    let mut sections = vec![
        identity,
        organisation,
        permissions,
        agreement_section.build(),
    ];
    let deferred = credits == CreditsOverview::WhenShown;
    if !deferred {
        sections.extend(credit_sections(&json, &lists, now));
    }
    sections.extend(unknown_fields(
        &json,
        &[
            ("", TOP_KEYS),
            ("/user", USER_KEYS),
            ("/user/user_fields", USER_FIELD_KEYS),
        ],
    ));
    Ok(UserRecord {
        provider: KIND,
        id: id.to_owned(),
        summary,
        bodies: vec![crate::provider::raw_body("user", response)],
        json,
        sections,
        threads: Vec::new(),
        fetched_at: now,
        deferred,
        big: None,
    })
}

/// The Credits section (counts and a line for each credit, event and attendance row) and the
/// Attendance tally, read in one pass over the credit lists.
fn credit_sections(json: &Value, lists: &ListSource<'_>, now: DateTime<Utc>) -> [Section; 2] {
    let mut attendance: BTreeMap<String, usize> = BTreeMap::new();
    let credits = SectionBuilder::new(json, "Credits");
    let credits = credit_fields(
        credits,
        lists.items("discounts"),
        "discounts",
        "Discount",
        now,
        &mut attendance,
    );
    let credits = credit_fields(
        credits,
        lists.items("free_events"),
        "free_events",
        "Free event",
        now,
        &mut attendance,
    )
    .field("Credit balance", "/credit_balance")
    .build();

    let mut attendance_section = Section::new("Attendance");
    for (state, count) in attendance {
        attendance_section =
            attendance_section.with(&state, ".", FieldValue::Number(count.to_string()));
    }

    [credits, attendance_section]
}

#[cfg(test)]
mod tests;
