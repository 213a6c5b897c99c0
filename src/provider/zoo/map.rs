//! Pure mapping of Zoo's bodies into the shared model: list pages (`{items, next_page}`), a
//! `UserResponse`/`OrgMember` summary, and a record joining admin details with the profile.

use crate::provider::expect_record_object;
use serde_json::{Map, Value};

use super::super::{DecodeError, ProviderError, parse_json};
use super::sections::{billing_section, block_reason_meaning, onboarding_section, payment_count};
use super::{KIND, ListEndpoint, ProfileGap, looks_like_email};
use crate::http::Response;
use crate::json::fields::{SectionBuilder, bool_at, id_text, str_at, unknown_fields};
use crate::model::{FieldValue, Section, StatusMarker, UserPage, UserRecord, UserSummary};

/// Maps a `{items, next_page}` page; `next` carries the endpoint that answered.
pub fn map_page(response: &Response, endpoint: ListEndpoint) -> Result<UserPage, ProviderError> {
    let json = parse_json(response)?;
    let items = json.get("items").and_then(Value::as_array).ok_or_else(|| {
        DecodeError::shape(&response.path, "expected an object with an `items` array")
    })?;
    let next = str_at(&json, "/next_page")
        .filter(|token| !token.is_empty())
        .map(|token| format!("{}:{token}", endpoint.cursor_prefix()));
    Ok(UserPage {
        users: items.iter().filter_map(map_summary).collect(),
        next,
        total: None,
    })
}

/// A `block` value as a marker; unknown reasons are kept as they came.
fn block_marker(json: &Value) -> Option<StatusMarker> {
    match json.get("block")? {
        Value::Null => None,
        Value::String(reason) if reason.is_empty() => None,
        Value::String(reason) => Some(StatusMarker::Blocked(reason.clone())),
        other => Some(StatusMarker::Blocked(other.to_string())),
    }
}

/// `name`, else first and last name joined.
fn display_name(json: &Value) -> String {
    if let Some(name) = str_at(json, "/name").filter(|name| !name.trim().is_empty()) {
        return name.to_owned();
    }
    [str_at(json, "/first_name"), str_at(json, "/last_name")]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Maps a `UserResponse` or `OrgMember` to a summary; `None` without an id.
pub fn map_summary(json: &Value) -> Option<UserSummary> {
    let id = id_text(json.get("id")).or_else(|| id_text(json.get("email")))?;
    let role = json.get("role").and_then(|role| match role {
        Value::String(text) => Some(text.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    });
    let mut status: Vec<StatusMarker> = block_marker(json).into_iter().collect();
    if bool_at(json, "/is_service_account") == Some(true)
        || role.as_deref() == Some("service_account")
    {
        status.push(StatusMarker::Robot);
    }
    Some(
        UserSummary {
            id,
            name: display_name(json),
            email: str_at(json, "/email").unwrap_or_default().to_owned(),
            role,
            status,
        }
        .bounded(),
    )
}
const DETAILS_KEYS: &[&str] = &[
    "active_api_tokens_count",
    "active_device_tokens_count",
    "active_sessions_count",
    "address",
    "address_summary",
    "block",
    "block_message",
    "cad_user_info",
    "never_block",
    "payment_methods",
    "payment_methods_summary",
    "stripe_customer_id",
    "stripe_dashboard_url",
    "hubspot_contact_url",
];
const PROFILE_KEYS: &[&str] = &[
    "id",
    "email",
    "email_verified",
    "name",
    "first_name",
    "last_name",
    "username",
    "company",
    "phone",
    "discord",
    "github",
    "image",
    "created_at",
    "updated_at",
    "block",
    "block_message",
    "allow_pay_as_you_go",
    "can_train_on_data",
    "deletion_scheduled",
    "is_onboarded",
    "is_service_account",
];
const ADDRESS_KEYS: &[&str] = &[
    "id",
    "user_id",
    "street1",
    "street2",
    "city",
    "state",
    "zip",
    "country",
    "created_at",
    "updated_at",
];
const CAD_KEYS: &[&str] = &[
    "cad_industry",
    "cad_user_type",
    "company_size",
    "how_did_you_find_us",
    "how_did_you_find_us_other",
    "number_of_cad_users",
    "cad_experience_level",
    "design_workflow",
    "has_used_zoo_design_studio_or_api_before",
    "location_city",
    "location_state",
    "location_country",
    "what_are_you_building",
];
const PAYMENT_KEYS: &[&str] = &[
    "id",
    "type",
    "created_at",
    "metadata",
    "billing_info",
    "card",
];
const CARD_KEYS: &[&str] = &[
    "brand",
    "last4",
    "exp_month",
    "exp_year",
    "country",
    "funding",
    "fingerprint",
    "checks",
];
const CHECK_KEYS: &[&str] = &[
    "address_line1_check",
    "address_postal_code_check",
    "cvc_check",
];
const BILLING_INFO_KEYS: &[&str] = &["name", "phone", "address"];
const BILLING_ADDRESS_KEYS: &[&str] = &["street1", "street2", "city", "state", "zip", "country"];

/// Maps the admin details (primary) and, when it answered, the profile to a record.
pub fn map_record(
    id: &str,
    details: &Response,
    profile: Result<&Response, ProfileGap>,
) -> Result<UserRecord, ProviderError> {
    let details_json = parse_json(details)?;
    expect_record_object(details, &details_json, DETAILS_KEYS, super::error_message)?;
    let mut bodies = vec![crate::provider::raw_body("admin_details", details)];
    let (json, d, p) = match profile {
        Ok(profile) => {
            let profile_json = parse_json(profile)?;
            expect_record_object(profile, &profile_json, PROFILE_KEYS, super::error_message)?;
            bodies.push(crate::provider::raw_body("profile", profile));
            let mut both = Map::new();
            both.insert("admin_details".to_owned(), details_json);
            both.insert("profile".to_owned(), profile_json);
            (Value::Object(both), "/admin_details", Some("/profile"))
        }
        Err(_) => (details_json, "", None),
    };
    let details_json = json.pointer(d).unwrap_or(&Value::Null);
    let profile_json = p.and_then(|p| json.pointer(p));

    let mut summary = profile_json
        .and_then(map_summary)
        .unwrap_or_else(|| UserSummary::with_id(id));
    if summary.email.is_empty() && looks_like_email(id) {
        id.clone_into(&mut summary.email);
    }
    if !summary
        .status
        .iter()
        .any(|marker| matches!(marker, StatusMarker::Blocked(_)))
        && let Some(marker) = block_marker(details_json)
    {
        summary.status.insert(0, marker);
    }

    let mut sections = Vec::new();
    let identity = match (p, profile) {
        (Some(p), _) => SectionBuilder::new(&json, "Identity")
            .field("User id", &format!("{p}/id"))
            .field("E-mail", &format!("{p}/email"))
            .field("E-mail verified", &format!("{p}/email_verified"))
            .field("Name", &format!("{p}/name"))
            .field("First name", &format!("{p}/first_name"))
            .field("Last name", &format!("{p}/last_name"))
            .field("Username", &format!("{p}/username"))
            .field("Company", &format!("{p}/company"))
            .field("Phone", &format!("{p}/phone"))
            .field("Discord", &format!("{p}/discord"))
            .field("GitHub", &format!("{p}/github"))
            .field("Avatar", &format!("{p}/image"))
            .field("Created", &format!("{p}/created_at"))
            .field("Updated", &format!("{p}/updated_at"))
            .build(),
        (None, Err(ProfileGap::Status(status))) => Section::new("Identity")
            .with("Requested id", ".", FieldValue::Text(id.to_owned()))
            .with(
                "Profile",
                ".",
                FieldValue::Text(format!("unavailable (HTTP {status})")),
            ),
        (None, Ok(_)) => Section::new("Identity"),
    };
    sections.push(identity);

    let block_pointer = if details_json.get("block").is_some() || p.is_none() {
        format!("{d}/block")
    } else {
        format!("{}/block", p.unwrap_or_default())
    };
    let block_message_pointer = if details_json.get("block_message").is_some() || p.is_none() {
        format!("{d}/block_message")
    } else {
        format!("{}/block_message", p.unwrap_or_default())
    };
    let meaning = match json.pointer(&block_pointer) {
        Some(Value::String(reason)) => FieldValue::Text(
            block_reason_meaning(reason)
                .map_or_else(|| format!("unknown block reason {reason:?}"), str::to_owned),
        ),
        Some(Value::Null) => FieldValue::Text("not blocked".to_owned()),
        other => FieldValue::from_json(other),
    };
    let mut status = SectionBuilder::new(&json, "Account status")
        .field("Block", &block_pointer)
        .computed("Block meaning", &block_pointer, meaning)
        .field("Block message", &block_message_pointer)
        .field("Never block", &format!("{d}/never_block"));
    if let Some(p) = p {
        if details_json.get("block").is_some() && json.pointer(&format!("{p}/block")).is_some() {
            status = status.field("Block (profile)", &format!("{p}/block"));
        }
        if details_json.get("block_message").is_some()
            && json.pointer(&format!("{p}/block_message")).is_some()
        {
            status = status.field("Block message (profile)", &format!("{p}/block_message"));
        }
        status = status
            .field("Deletion scheduled", &format!("{p}/deletion_scheduled"))
            .field("Onboarded", &format!("{p}/is_onboarded"))
            .field("Service account", &format!("{p}/is_service_account"))
            .field("Pay-as-you-go allowed", &format!("{p}/allow_pay_as_you_go"))
            .field("May train on data", &format!("{p}/can_train_on_data"));
    }
    sections.push(status.build());

    sections.push(
        SectionBuilder::new(&json, "Security")
            .field("Active sessions", &format!("{d}/active_sessions_count"))
            .field("Active API tokens", &format!("{d}/active_api_tokens_count"))
            .field(
                "Active device tokens",
                &format!("{d}/active_device_tokens_count"),
            )
            .build(),
    );

    sections.push(billing_section(&json, d));
    sections.push(onboarding_section(&json, d));
    sections.push(
        SectionBuilder::new(&json, "Legacy")
            .field("HubSpot contact", &format!("{d}/hubspot_contact_url"))
            .build(),
    );

    let mut known: Vec<(String, &[&str])> = vec![
        (d.to_owned(), DETAILS_KEYS),
        (format!("{d}/address"), ADDRESS_KEYS),
        (format!("{d}/cad_user_info"), CAD_KEYS),
    ];
    if let Some(p) = p {
        known.push((p.to_owned(), PROFILE_KEYS));
    }
    for index in 0..payment_count(details_json) {
        let method = format!("{d}/payment_methods/{index}");
        known.push((format!("{method}/card/checks"), CHECK_KEYS));
        known.push((format!("{method}/card"), CARD_KEYS));
        known.push((
            format!("{method}/billing_info/address"),
            BILLING_ADDRESS_KEYS,
        ));
        known.push((format!("{method}/billing_info"), BILLING_INFO_KEYS));
        known.push((method, PAYMENT_KEYS));
    }
    let known: Vec<(&str, &[&str])> = known
        .iter()
        .map(|(pointer, keys)| (pointer.as_str(), *keys))
        .collect();
    sections.extend(unknown_fields(&json, &known));

    Ok(UserRecord {
        provider: KIND,
        id: id.to_owned(),
        summary,
        bodies,
        json,
        sections,
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
        big: None,
    })
}

#[cfg(test)]
mod tests;
