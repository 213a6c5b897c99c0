//! Zoo (zoo.dev, seed 000): `GET /users/{id}/admin/details` (admins only; others get 404) joined
//! with the profile `GET /users/{id}`. Lists come from the legacy employee list `GET /users` or
//! `GET /org/members` (Zoo paging: `limit` + `page_token` → `{items, next_page}`); search is an
//! exact lookup by UUID or e-mail, the only one Zoo offers. `Authorization: Bearer <token>`.

use std::fmt::Write as _;
use std::sync::Arc;

use async_trait::async_trait;
use reqwest::header::AUTHORIZATION;
use serde_json::{Map, Value};

use super::fields::{SectionBuilder, bool_at, id_text, str_at, unknown_fields};
use super::{DecodeError, Provider, ProviderError, parse_json, plain_text_message};
use crate::config::{Profile, SecretKind};
use crate::http::{HttpClient, HttpError, Response};
use crate::model::{FieldValue, RawBody, Section, StatusMarker, UserPage, UserRecord, UserSummary};
use crate::secret::Secret;

/// The provider's name in profiles.
pub const NAME: &str = "zoo";
/// Production base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.zoo.dev";

/// Which endpoint lists users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListEndpoint {
    /// The legacy employee list `GET /users` (removed from the spec in April 2026).
    Users,
    /// `GET /org/members`: the members of the token owner's org.
    OrgMembers,
    /// `/users`, falling back to `/org/members` on 404/405.
    Auto,
}

impl ListEndpoint {
    fn path(self) -> &'static str {
        match self {
            Self::Users | Self::Auto => "/users",
            Self::OrgMembers => "/org/members",
        }
    }

    /// The cursor prefix that pins later pages to the endpoint that answered the first.
    fn cursor_prefix(self) -> &'static str {
        match self {
            Self::Users | Self::Auto => "users",
            Self::OrgMembers => "org-members",
        }
    }
}

/// Zoo over HTTP.
#[derive(Debug)]
pub struct Zoo {
    http: HttpClient,
    list_endpoint: ListEndpoint,
}

/// Builds the provider from a profile.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    let token = profile
        .require_secret(SecretKind::Token)
        .map_err(ProviderError::Config)?;
    let list_endpoint = match profile.config.list_endpoint.as_deref() {
        None | Some("auto") => ListEndpoint::Auto,
        Some("users") => ListEndpoint::Users,
        Some("org-members") => ListEndpoint::OrgMembers,
        Some(other) => {
            return Err(ProviderError::Config(format!(
                "profile {}: list_endpoint {other:?} is not users, org-members or auto",
                profile.name
            )));
        }
    };
    let bearer = Secret::new(format!("Bearer {}", token.expose()));
    let http = HttpClient::new(
        profile.http_settings(DEFAULT_BASE_URL),
        vec![(AUTHORIZATION, bearer)],
        error_message,
    )?;
    Ok(Arc::new(Zoo {
        http,
        list_endpoint,
    }))
}

/// Zoo's `Error` body `{message, request_id, error_code?}` as `message (code, request id)`.
pub fn error_message(body: &[u8]) -> Option<String> {
    let Ok(json) = serde_json::from_slice::<Value>(body) else {
        return plain_text_message(body);
    };
    let message = str_at(&json, "/message")
        .or_else(|| str_at(&json, "/error"))
        .filter(|text| !text.is_empty())?;
    let mut extras = Vec::new();
    if let Some(code) = str_at(&json, "/error_code").filter(|code| !code.is_empty()) {
        extras.push(code.to_owned());
    }
    if let Some(request) = str_at(&json, "/request_id").filter(|id| !id.is_empty()) {
        extras.push(format!("request {request}"));
    }
    Some(if extras.is_empty() {
        message.to_owned()
    } else {
        format!("{message} ({})", extras.join(", "))
    })
}

/// Whether a text is a UUID (8-4-4-4-12 hex digits).
pub fn looks_like_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether a text is plausibly an e-mail address (one `@`, text either side, no spaces).
pub fn looks_like_email(text: &str) -> bool {
    let mut parts = text.split('@');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(local), Some(domain), None)
            if !local.is_empty() && domain.contains('.') && !text.contains(char::is_whitespace)
    )
}

/// Percent-encodes an id for one path segment (an e-mail's `@` and `+` included).
fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// How the profile request ended when the details answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileGap {
    /// The profile endpoint answered with this status (403/404).
    Status(u16),
}

#[async_trait]
impl Provider for Zoo {
    fn name(&self) -> &'static str {
        NAME
    }

    async fn list_users(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let (endpoint, token) = parse_cursor(cursor, self.list_endpoint);
        let mut query = vec![("limit", limit.clamp(1, u32::MAX as usize).to_string())];
        if let Some(token) = token {
            query.push(("page_token", token.to_owned()));
        }
        match self.http.get(endpoint.path(), &query).await {
            Ok(response) => map_page(&response, endpoint),
            Err(error)
                if endpoint == ListEndpoint::Auto && matches!(error.status(), Some(404 | 405)) =>
            {
                tracing::debug!(
                    "zoo: /users answered {:?}, using /org/members",
                    error.status()
                );
                let response = self
                    .http
                    .get(ListEndpoint::OrgMembers.path(), &query)
                    .await?;
                map_page(&response, ListEndpoint::OrgMembers)
            }
            Err(error) => Err(error.into()),
        }
    }

    async fn search_users(&self, query: &str) -> Result<Vec<UserSummary>, ProviderError> {
        let query = query.trim();
        if !looks_like_uuid(query) && !looks_like_email(query) {
            return Err(ProviderError::Unsupported(format!(
                "zoo finds users only by exact id (UUID) or e-mail; {query:?} is neither"
            )));
        }
        match self
            .http
            .get(&format!("/users/{}", path_segment(query)), &[])
            .await
        {
            Ok(response) => {
                let json = parse_json(&response)?;
                if !json.is_object() {
                    return Err(DecodeError::shape(&response.path, "expected a user object").into());
                }
                Ok(map_summary(&json).into_iter().collect())
            }
            Err(error) if error.status() == Some(404) => Ok(Vec::new()),
            Err(error) => Err(error.into()),
        }
    }

    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError> {
        let segment = path_segment(id.trim());
        let details_path = format!("/users/{segment}/admin/details");
        let profile_path = format!("/users/{segment}");
        let (details, profile) = tokio::join!(
            self.http.get(&details_path, &[]),
            self.http.get(&profile_path, &[])
        );
        let details = details.map_err(|err| ProviderError::from(err).not_found_as(NAME, id))?;
        let profile = match profile {
            Ok(response) => Ok(response),
            Err(HttpError::Status {
                status: status @ (403 | 404),
                ..
            }) => Err(ProfileGap::Status(status)),
            Err(error) => return Err(error.into()),
        };
        map_record(id, &details, profile.as_ref().map_err(|gap| *gap))
    }
}

/// Splits a cursor into the endpoint it belongs to and the page token.
fn parse_cursor(cursor: Option<&str>, configured: ListEndpoint) -> (ListEndpoint, Option<&str>) {
    let Some(cursor) = cursor else {
        return (configured, None);
    };
    if let Some(token) = cursor.strip_prefix("org-members:") {
        (ListEndpoint::OrgMembers, Some(token))
    } else if let Some(token) = cursor.strip_prefix("users:") {
        (ListEndpoint::Users, Some(token))
    } else {
        let endpoint = if configured == ListEndpoint::Auto {
            ListEndpoint::Users
        } else {
            configured
        };
        (endpoint, Some(cursor))
    }
}

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
    Some(UserSummary {
        id,
        name: display_name(json),
        email: str_at(json, "/email").unwrap_or_default().to_owned(),
        role,
        status,
    })
}

/// What each block reason means (the spec's descriptions); `None` for reasons Zoo added later.
pub fn block_reason_meaning(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "missing_payment_method" => {
            "missing a payment method and over the month's free API credits"
        }
        "payment_method_failed" => "the payment method failed",
        "billing_threshold_reached" => "reached the pay-as-you-go collection threshold",
        "pay_as_you_go_disabled" => "used the included credits without opting into pay-as-you-go",
        "upgrade_downgrade_abuse" => "cycled plans to recycle free-plan credits",
        "admin" => "blocked by an admin; only an admin can lift it",
        _ => return None,
    })
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
    if !details_json.is_object() {
        return Err(DecodeError::shape(&details.path, "expected an admin details object").into());
    }
    let mut bodies = vec![RawBody {
        label: "admin_details".to_owned(),
        path: details.path.clone(),
        bytes: details.body.clone(),
    }];
    let (json, d, p) = match profile {
        Ok(profile) => {
            let profile_json = parse_json(profile)?;
            if !profile_json.is_object() {
                return Err(DecodeError::shape(&profile.path, "expected a user object").into());
            }
            bodies.push(RawBody {
                label: "profile".to_owned(),
                path: profile.path.clone(),
                bytes: profile.body.clone(),
            });
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
        provider: NAME,
        id: id.to_owned(),
        summary,
        bodies,
        json,
        sections,
        fetched_at: chrono::Utc::now(),
    })
}

fn payment_count(details: &Value) -> usize {
    details
        .get("payment_methods")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// Stripe ids, the payment methods one by one, and the billing address.
fn billing_section(json: &Value, d: &str) -> Section {
    let mut billing = SectionBuilder::new(json, "Billing")
        .field("Stripe customer", &format!("{d}/stripe_customer_id"))
        .field("Stripe dashboard", &format!("{d}/stripe_dashboard_url"))
        .field("Payment methods", &format!("{d}/payment_methods_summary"));
    let details = json.pointer(d).unwrap_or(&Value::Null);
    for index in 0..payment_count(details) {
        let n = index + 1;
        let m = format!("{d}/payment_methods/{index}");
        let expiry = match (
            json.pointer(&format!("{m}/card/exp_month"))
                .and_then(Value::as_i64),
            json.pointer(&format!("{m}/card/exp_year"))
                .and_then(Value::as_i64),
        ) {
            (Some(month), Some(year)) if month > 0 && year > 0 => {
                FieldValue::Text(format!("{month:02}/{year}"))
            }
            _ => FieldValue::Missing,
        };
        billing = billing
            .field(&format!("Method {n} id"), &format!("{m}/id"))
            .field(&format!("Method {n} type"), &format!("{m}/type"))
            .field(&format!("Method {n} added"), &format!("{m}/created_at"))
            .field(&format!("Method {n} brand"), &format!("{m}/card/brand"))
            .field(&format!("Method {n} last 4"), &format!("{m}/card/last4"))
            .computed(&format!("Method {n} expires"), &format!("{m}/card"), expiry)
            .field(
                &format!("Method {n} exp. month"),
                &format!("{m}/card/exp_month"),
            )
            .field(
                &format!("Method {n} exp. year"),
                &format!("{m}/card/exp_year"),
            )
            .field(&format!("Method {n} funding"), &format!("{m}/card/funding"))
            .field(
                &format!("Method {n} card country"),
                &format!("{m}/card/country"),
            )
            .field(
                &format!("Method {n} fingerprint"),
                &format!("{m}/card/fingerprint"),
            )
            .field(
                &format!("Method {n} address line 1 check"),
                &format!("{m}/card/checks/address_line1_check"),
            )
            .field(
                &format!("Method {n} postal code check"),
                &format!("{m}/card/checks/address_postal_code_check"),
            )
            .field(
                &format!("Method {n} CVC check"),
                &format!("{m}/card/checks/cvc_check"),
            )
            .field(
                &format!("Method {n} billing name"),
                &format!("{m}/billing_info/name"),
            )
            .field(
                &format!("Method {n} billing phone"),
                &format!("{m}/billing_info/phone"),
            );
        for (label, key) in [
            ("street 1", "street1"),
            ("street 2", "street2"),
            ("city", "city"),
            ("state", "state"),
            ("ZIP", "zip"),
            ("country", "country"),
        ] {
            billing = billing.field(
                &format!("Method {n} billing {label}"),
                &format!("{m}/billing_info/address/{key}"),
            );
        }
        billing = billing.field(&format!("Method {n} metadata"), &format!("{m}/metadata"));
    }
    billing
        .field("Address", &format!("{d}/address_summary"))
        .field("Address id", &format!("{d}/address/id"))
        .field("Address user id", &format!("{d}/address/user_id"))
        .field("Street 1", &format!("{d}/address/street1"))
        .field("Street 2", &format!("{d}/address/street2"))
        .field("City", &format!("{d}/address/city"))
        .field("State", &format!("{d}/address/state"))
        .field("ZIP", &format!("{d}/address/zip"))
        .field("Country", &format!("{d}/address/country"))
        .field("Address created", &format!("{d}/address/created_at"))
        .field("Address updated", &format!("{d}/address/updated_at"))
        .build()
}

/// The onboarding/CRM form answers, the 2026 fields included.
fn onboarding_section(json: &Value, d: &str) -> Section {
    let c = format!("{d}/cad_user_info");
    SectionBuilder::new(json, "Onboarding")
        .field("Industry", &format!("{c}/cad_industry"))
        .field("User type", &format!("{c}/cad_user_type"))
        .field("Company size", &format!("{c}/company_size"))
        .field("Number of CAD users", &format!("{c}/number_of_cad_users"))
        .field("Found us via", &format!("{c}/how_did_you_find_us"))
        .field(
            "Found us via (other)",
            &format!("{c}/how_did_you_find_us_other"),
        )
        .field("CAD experience", &format!("{c}/cad_experience_level"))
        .field("Design workflow", &format!("{c}/design_workflow"))
        .field(
            "Used Zoo Design Studio or API before",
            &format!("{c}/has_used_zoo_design_studio_or_api_before"),
        )
        .field("City", &format!("{c}/location_city"))
        .field("State", &format!("{c}/location_state"))
        .field("Country", &format!("{c}/location_country"))
        .field("Building", &format!("{c}/what_are_you_building"))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use reqwest::header::HeaderMap;
    use serde_json::json;

    fn response(path: &str, body: &Value) -> Response {
        Response {
            status: 200,
            path: path.to_owned(),
            headers: HeaderMap::new(),
            body: Bytes::from(body.to_string()),
        }
    }

    fn field<'a>(record: &'a UserRecord, label: &str) -> &'a FieldValue {
        &record
            .sections
            .iter()
            .flat_map(|section| &section.fields)
            .find(|field| field.label == label)
            .unwrap_or_else(|| panic!("no field {label}"))
            .value
    }

    #[test]
    fn error_body_reads_message_code_and_request() {
        assert_eq!(
            error_message(br#"{"message":"not found","request_id":"r-1"}"#).as_deref(),
            Some("not found (request r-1)")
        );
        assert_eq!(
            error_message(
                br#"{"message":"bad","request_id":"r-2","error_code":"auth_token_invalid"}"#
            )
            .as_deref(),
            Some("bad (auth_token_invalid, request r-2)")
        );
        assert_eq!(
            error_message(b"Bad gateway").as_deref(),
            Some("Bad gateway")
        );
        assert_eq!(error_message(br#"{"x":1}"#), None);
    }

    #[test]
    fn build_reads_the_token_and_list_endpoint() {
        use crate::config::ProfileConfig;
        let profile = |list_endpoint: Option<&str>| {
            Profile::sandbox(
                "z",
                ProfileConfig {
                    provider: NAME.into(),
                    list_endpoint: list_endpoint.map(str::to_owned),
                    ..ProfileConfig::default()
                },
                [(SecretKind::Token, Secret::new("tok-1234"))],
                None,
            )
        };
        assert_eq!(build(&profile(None)).unwrap().name(), NAME);
        assert!(build(&profile(Some("org-members"))).is_ok());
        assert!(matches!(
            build(&profile(Some("everyone"))),
            Err(ProviderError::Config(_))
        ));
        let no_token = Profile::sandbox(
            "z",
            ProfileConfig {
                provider: NAME.into(),
                ..ProfileConfig::default()
            },
            [],
            None,
        );
        assert!(matches!(build(&no_token), Err(ProviderError::Config(_))));
    }

    #[test]
    fn recognises_uuids_and_emails() {
        assert!(looks_like_uuid("4f8b2c1e-0a3d-4e5f-9a8b-1c2d3e4f5a6b"));
        assert!(!looks_like_uuid("4f8b2c1e-0a3d-4e5f-9a8b"));
        assert!(looks_like_email("ana+x@zoo.dev"));
        assert!(!looks_like_email("ana"));
        assert!(!looks_like_email("a b@c.d"));
        assert_eq!(path_segment("ana+x@zoo.dev"), "ana%2Bx%40zoo.dev");
    }

    #[test]
    fn cursor_remembers_the_endpoint() {
        assert_eq!(
            parse_cursor(None, ListEndpoint::Auto),
            (ListEndpoint::Auto, None)
        );
        assert_eq!(
            parse_cursor(Some("org-members:abc"), ListEndpoint::Auto),
            (ListEndpoint::OrgMembers, Some("abc"))
        );
        assert_eq!(
            parse_cursor(Some("plain"), ListEndpoint::OrgMembers),
            (ListEndpoint::OrgMembers, Some("plain"))
        );
        let page = map_page(
            &response(
                "/org/members",
                &json!({"items": [{"id": "u1", "first_name": "Ana", "last_name": "Li", "email": "a@x.io", "role": "service_account"}], "next_page": "t2"}),
            ),
            ListEndpoint::OrgMembers,
        )
        .unwrap();
        assert_eq!(page.next.as_deref(), Some("org-members:t2"));
        assert_eq!(page.users[0].name, "Ana Li");
        assert_eq!(page.users[0].role.as_deref(), Some("service_account"));
        assert_eq!(page.users[0].status, [StatusMarker::Robot]);
        let last = map_page(
            &response("/users", &json!({"items": [], "next_page": null})),
            ListEndpoint::Users,
        )
        .unwrap();
        assert_eq!(last.next, None);
    }

    #[test]
    fn wrong_shapes_are_decode_errors() {
        let err = map_page(&response("/users", &json!([1, 2])), ListEndpoint::Users).unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
        let err = map_record(
            "x",
            &response("/d", &json!("text")),
            Err(ProfileGap::Status(404)),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
        let err = map_record(
            "x",
            &response("/d", &json!({})),
            Ok(&response("/p", &json!(null))),
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
    }

    #[test]
    fn summary_tolerates_missing_fields_and_unknown_block_reasons() {
        let summary = map_summary(&json!({"id": 7, "block": "future_reason"})).unwrap();
        assert_eq!(summary.id, "7");
        assert_eq!(summary.name, "");
        assert_eq!(
            summary.status,
            [StatusMarker::Blocked("future_reason".into())]
        );
        assert!(map_summary(&json!({"name": "x"})).is_none());
    }

    #[test]
    fn details_alone_when_the_profile_is_unavailable() {
        let details = response(
            "/users/a@x.io/admin/details",
            &json!({"block": "upgrade_downgrade_abuse", "active_sessions_count": "3", "brand_new": 1}),
        );
        let record = map_record("a@x.io", &details, Err(ProfileGap::Status(404))).unwrap();
        assert_eq!(record.bodies.len(), 1);
        assert_eq!(record.json, parse_json(&details).unwrap());
        assert_eq!(record.summary.email, "a@x.io");
        assert_eq!(
            record.summary.status,
            [StatusMarker::Blocked("upgrade_downgrade_abuse".into())]
        );
        assert_eq!(
            field(&record, "Profile").display(),
            "unavailable (HTTP 404)"
        );
        assert_eq!(field(&record, "Active sessions").display(), "3");
        assert_eq!(field(&record, "Never block"), &FieldValue::Missing);
        let other = record.sections.last().unwrap();
        assert_eq!(other.title, "Other fields");
        assert_eq!(other.fields[0].path, ".brand_new");
    }

    #[test]
    fn both_bodies_are_kept_in_order() {
        let details = response(
            "/users/u1/admin/details",
            &json!({"block": null, "never_block": true}),
        );
        let profile = response(
            "/users/u1",
            &json!({"id": "u1", "name": "Ana", "email": "a@x.io", "block": "admin", "extra": 1}),
        );
        let record = map_record("u1", &details, Ok(&profile)).unwrap();
        let labels: Vec<_> = record
            .bodies
            .iter()
            .map(|body| body.label.as_str())
            .collect();
        assert_eq!(labels, ["admin_details", "profile"]);
        let keys: Vec<_> = record.json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["admin_details", "profile"]);
        assert_eq!(record.summary.name, "Ana");
        assert_eq!(
            record.summary.status,
            [StatusMarker::Blocked("admin".into())]
        );
        assert_eq!(field(&record, "Block").display(), "null");
        assert_eq!(field(&record, "Block (profile)").display(), "admin");
        assert_eq!(field(&record, "E-mail").display(), "a@x.io");
        let other = record.sections.last().unwrap();
        assert_eq!(other.fields[0].path, ".profile.extra");
    }
}
