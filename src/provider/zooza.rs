//! Zooza (class booking, seed 001): `GET /user` is the token owner's full record; there is no
//! "get user by id", so another user's record comes from their own token (`user_token_command`)
//! or, failing that, from `GET /user/{id}/registrations` and `/orders`. The team list is
//! `GET /users` (0-based pages) and client search is `GET /registrations?advanced_search=1`.
//! Three headers, no Bearer: `X-ZOOZA-API-KEY`, `X-ZOOZA-TOKEN`, `X-ZOOZA-COMPANY`.

use std::collections::BTreeMap;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use reqwest::header::HeaderName;
use serde_json::{Map, Value};
use tokio::sync::OnceCell;

use super::fields::{SectionBuilder, id_text, str_at, unknown_fields};
use super::{DecodeError, Provider, ProviderError, parse_json, plain_text_message};
use crate::config::{Profile, SecretKind};
use crate::http::{HttpClient, HttpError, Response};
use crate::model::{FieldValue, RawBody, Section, StatusMarker, UserPage, UserRecord, UserSummary};
use crate::secret::Secret;

/// The provider's name in profiles.
pub const NAME: &str = "zooza";
/// Production base URL (Europe, the default region).
pub const DEFAULT_BASE_URL: &str = "https://api.zooza.app/v1";
/// The UK region.
pub const UK_BASE_URL: &str = "https://uk.api.zooza.app/v1";
/// The Asia (UAE) region.
pub const ASIA_BASE_URL: &str = "https://asia.api.zooza.app/v1";

const API_KEY_HEADER: HeaderName = HeaderName::from_static("x-zooza-api-key");
const TOKEN_HEADER: HeaderName = HeaderName::from_static("x-zooza-token");
const COMPANY_HEADER: HeaderName = HeaderName::from_static("x-zooza-company");

/// The largest page `GET /users` serves.
const MAX_PAGE_SIZE: usize = 200;
/// Credits expiring within this many days are flagged.
const EXPIRING_SOON_DAYS: i64 = 30;

/// Zooza over HTTP.
#[derive(Debug)]
pub struct Zooza {
    http: HttpClient,
    profile: Profile,
    /// The token owner's user id, learned once from `GET /user` (`None`: the body had none).
    owner: OnceCell<Option<String>>,
}

/// The base URL for a region name.
pub fn region_base_url(region: Option<&str>) -> Option<&'static str> {
    match region.map(str::to_ascii_lowercase).as_deref() {
        None | Some("eu" | "europe") => Some(DEFAULT_BASE_URL),
        Some("uk") => Some(UK_BASE_URL),
        Some("asia" | "uae") => Some(ASIA_BASE_URL),
        Some(_) => None,
    }
}

/// Builds the provider from a profile.
pub fn build(profile: &Profile) -> Result<Arc<dyn Provider>, ProviderError> {
    let api_key = profile
        .require_secret(SecretKind::ApiKey)
        .map_err(ProviderError::Config)?;
    let token = profile
        .require_secret(SecretKind::Token)
        .map_err(ProviderError::Config)?;
    let company = profile
        .config
        .company
        .as_deref()
        .map(str::trim)
        .filter(|company| !company.is_empty())
        .ok_or_else(|| {
            ProviderError::Config(format!(
                "profile {} sets no company (the Zooza company id; GET /v1/user lists it under user.companies)",
                profile.name
            ))
        })?;
    let region = profile.config.region.as_deref();
    let base = region_base_url(region).ok_or_else(|| {
        ProviderError::Config(format!(
            "profile {}: region {:?} is not eu, uk or asia",
            profile.name,
            region.unwrap_or_default()
        ))
    })?;
    let http = HttpClient::new(
        profile.http_settings(base),
        vec![
            (API_KEY_HEADER, api_key),
            (TOKEN_HEADER, token),
            (COMPANY_HEADER, Secret::new(company)),
        ],
        error_message,
    )?;
    Ok(Arc::new(Zooza {
        http,
        profile: profile.clone(),
        owner: OnceCell::new(),
    }))
}

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

impl Zooza {
    /// The token owner's id, from one `GET /user` per provider; the body when this call made it.
    async fn owner_id(&self) -> Result<(Option<String>, Option<Response>), ProviderError> {
        let mut fresh = None;
        let slot = &mut fresh;
        let owner = self
            .owner
            .get_or_try_init(|| async move {
                let response = self.http.get("/user", &[]).await?;
                let json = parse_json(&response)?;
                let id = id_text(json.pointer("/user/id"));
                *slot = Some(response);
                Ok::<_, ProviderError>(id)
            })
            .await?;
        Ok((owner.clone(), fresh))
    }
}

#[async_trait]
impl Provider for Zooza {
    fn name(&self) -> &'static str {
        NAME
    }

    async fn list_users(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<UserPage, ProviderError> {
        let page = match cursor {
            None => 0,
            Some(text) => text.parse::<u64>().map_err(|_| {
                ProviderError::Config(format!("zooza: {text:?} is not a page number"))
            })?,
        };
        let page_size = limit.clamp(1, MAX_PAGE_SIZE);
        let response = self
            .http
            .get(
                "/users",
                &[
                    ("page", page.to_string()),
                    ("page_size", page_size.to_string()),
                ],
            )
            .await?;
        map_page(&response, page, page_size)
    }

    async fn search_users(&self, query: &str) -> Result<Vec<UserSummary>, ProviderError> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let response = self
            .http
            .get(
                "/registrations",
                &[
                    ("advanced_search", "1".to_owned()),
                    ("distinct", "1".to_owned()),
                    ("user", query.to_owned()),
                    ("page", "0".to_owned()),
                    ("page_size", "50".to_owned()),
                ],
            )
            .await?;
        map_search(&response)
    }

    async fn fetch_record(&self, id: &str) -> Result<UserRecord, ProviderError> {
        let id = id.trim();
        let token = self.profile.user_token(id).map_err(ProviderError::Config)?;
        if let Some(token) = token {
            let response = self
                .http
                .get_with("/user", &[], &[(TOKEN_HEADER, token)])
                .await
                .map_err(|err| ProviderError::from(err).not_found_as(NAME, id))?;
            return map_user_record(id, &response, Utc::now());
        }
        let (owner, fresh) = self.owner_id().await?;
        if owner.as_deref() == Some(id) {
            let response = match fresh {
                Some(response) => response,
                None => self.http.get("/user", &[]).await?,
            };
            return map_user_record(id, &response, Utc::now());
        }
        let segment: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
        let registrations_path = format!("/user/{segment}/registrations");
        let orders_path = format!("/user/{segment}/orders");
        let (registrations, orders) = tokio::join!(
            self.http.get(&registrations_path, &[]),
            self.http.get(&orders_path, &[])
        );
        let registrations =
            registrations.map_err(|err| ProviderError::from(err).not_found_as(NAME, id))?;
        let orders = match orders {
            Ok(response) => Ok(response),
            Err(HttpError::Status {
                status: status @ (403 | 404),
                ..
            }) => Err(status),
            Err(error) => return Err(error.into()),
        };
        map_activity_record(
            id,
            &registrations,
            orders.as_ref().map_err(|s| *s),
            Utc::now(),
        )
    }
}

/// First and last name joined, else the first non-empty of `fallbacks`.
fn person_name(json: &Value, fallbacks: &[&str]) -> String {
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
fn role_and_markers(json: &Value) -> (Option<String>, Vec<StatusMarker>) {
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
    Some(UserSummary {
        id,
        name: person_name(json, &["full_name", "name", "nick"]),
        email: str_at(json, "/email").unwrap_or_default().to_owned(),
        role,
        status,
    })
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
    let mut users: Vec<UserSummary> = Vec::new();
    for row in rows {
        let Some(id) = id_text(row.get("user_id")) else {
            continue;
        };
        if users.iter().any(|user| user.id == id) {
            continue;
        }
        let (role, status) = role_and_markers(row);
        users.push(UserSummary {
            id,
            name: person_name(row, &["full_name", "ef_full_name"]),
            email: str_at(row, "/email").unwrap_or_default().to_owned(),
            role,
            status,
        });
    }
    Ok(users)
}

/// A Zooza time: RFC 3339, or `YYYY-MM-DD HH:MM:SS` taken as UTC.
fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|naive| naive.and_utc())
        })
}

/// Counts of one credit list, as of `now`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CreditCounts {
    /// Items in the list.
    pub total: usize,
    /// Active and not expired.
    pub active: usize,
    /// Flagged expired, or past their expiration.
    pub expired: usize,
    /// Not expired, expiring within 30 days.
    pub expiring_soon: usize,
}

/// Counts the credits of a list as of `now`.
pub fn credit_counts(items: &[Value], now: DateTime<Utc>) -> CreditCounts {
    let mut counts = CreditCounts {
        total: items.len(),
        ..CreditCounts::default()
    };
    for item in items {
        let expiration = str_at(item, "/expiration").and_then(parse_time);
        let expired = super::fields::bool_at(item, "/expired") == Some(true)
            || expiration.is_some_and(|time| time <= now);
        if expired {
            counts.expired += 1;
            continue;
        }
        if super::fields::bool_at(item, "/active") != Some(false) {
            counts.active += 1;
        }
        if expiration.is_some_and(|time| time <= now + Duration::days(EXPIRING_SOON_DAYS)) {
            counts.expiring_soon += 1;
        }
    }
    counts
}

fn array_at<'a>(json: &'a Value, pointer: &str) -> &'a [Value] {
    json.pointer(pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A value as short text for a summary line (`None` for null/absent/empty).
fn short(json: &Value, pointer: &str) -> Option<String> {
    match json.pointer(pointer)? {
        Value::Null => None,
        Value::String(text) if text.is_empty() => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

/// `label value` pairs of the keys present, joined with ", ".
fn describe(json: &Value, parts: &[(&str, &str)]) -> String {
    parts
        .iter()
        .filter_map(|(label, key)| {
            short(json, &format!("/{key}")).map(|value| {
                if label.is_empty() {
                    value
                } else {
                    format!("{label} {value}")
                }
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

const CREDIT_PARTS: &[(&str, &str)] = &[
    ("", "type"),
    ("value", "value"),
    ("code", "code"),
    ("active", "active"),
    ("expired", "expired"),
    ("expires", "expiration"),
    ("usage", "usage"),
    ("used", "used"),
    ("used by", "used_by"),
    ("settings", "settings"),
    ("origin user", "origin_user_id"),
    ("origin company", "origin_company_id"),
    ("origin order", "origin_order_id"),
    ("origin event", "origin_event_id"),
    ("origin attendance", "origin_attendance_id"),
    ("used on user", "used_on_user_id"),
    ("used on company", "used_on_company_id"),
    ("used on order", "used_on_order_id"),
    ("used on event", "used_on_event_id"),
    ("used on attendance", "used_on_attendance_id"),
    ("created", "created"),
    ("by", "created_by"),
    ("updated", "updated"),
];
const EVENT_PARTS: &[(&str, &str)] = &[
    ("", "name"),
    ("", "status"),
    ("", "date"),
    ("to", "end"),
    ("duration", "duration"),
    ("happened", "happened"),
    ("replacement", "replacement"),
    ("can cancel", "can_cancel"),
    ("cancel by", "cancellation_limit"),
    ("live stream", "live_stream"),
    ("has live stream", "has_live_stream"),
    ("video", "has_video"),
    ("files", "has_files"),
    ("places", "places"),
    ("courses", "courses"),
    ("trainers", "trainers"),
    ("additional trainers", "additional_trainers"),
];
const ATTENDANCE_PARTS: &[(&str, &str)] = &[
    ("", "attendance"),
    ("event", "event_id"),
    ("registration", "registration_id"),
    ("credit", "credit_id"),
    ("replacement for", "replacement_for"),
    ("resolution", "resolution"),
    ("reason", "cancellation_reason"),
    ("created", "created"),
    ("modified", "modified"),
];

/// One credit list's counts and a line per credit, event and attendance.
fn credit_fields<'a>(
    mut section: SectionBuilder<'a>,
    json: &Value,
    key: &str,
    noun: &str,
    now: DateTime<Utc>,
) -> SectionBuilder<'a> {
    let items = array_at(json, &format!("/{key}"));
    let counts = credit_counts(items, now);
    let pointer = format!("/{key}");
    let number = |n: usize| FieldValue::Number(n.to_string());
    section = section
        .computed(&format!("{noun}: total"), &pointer, number(counts.total))
        .computed(&format!("{noun}: active"), &pointer, number(counts.active))
        .computed(
            &format!("{noun}: expired"),
            &pointer,
            number(counts.expired),
        )
        .computed(
            &format!("{noun}: expiring within {EXPIRING_SOON_DAYS} days"),
            &pointer,
            number(counts.expiring_soon),
        );
    for (index, item) in items.iter().enumerate() {
        let id = id_text(item.get("id")).unwrap_or_else(|| format!("#{}", index + 1));
        let base = format!("/{key}/{index}");
        section = section.computed(
            &format!("{noun} {id}"),
            &base,
            FieldValue::Text(describe(item, CREDIT_PARTS)),
        );
        for (event_index, event) in array_at(item, "/events").iter().enumerate() {
            let event_id = id_text(event.get("id")).unwrap_or_default();
            section = section.computed(
                &format!("{noun} {id} event {event_id}"),
                &format!("{base}/events/{event_index}"),
                FieldValue::Text(describe(event, EVENT_PARTS)),
            );
        }
        for (row_index, row) in array_at(item, "/attendance").iter().enumerate() {
            let row_id = id_text(row.get("id")).unwrap_or_default();
            section = section.computed(
                &format!("{noun} {id} attendance {row_id}"),
                &format!("{base}/attendance/{row_index}"),
                FieldValue::Text(describe(row, ATTENDANCE_PARTS)),
            );
        }
    }
    section
}

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

/// Maps a `GET /user` body (the token owner's full record) fetched at `now`.
pub fn map_user_record(
    id: &str,
    response: &Response,
    now: DateTime<Utc>,
) -> Result<UserRecord, ProviderError> {
    let json = parse_json(response)?;
    if !json.is_object() {
        return Err(DecodeError::shape(&response.path, "expected an object with `user`").into());
    }
    if json
        .get("user")
        .is_some_and(|user| !user.is_object() && !user.is_null())
    {
        return Err(DecodeError::shape(&response.path, "`user` is not an object").into());
    }
    let user = json.get("user").unwrap_or(&Value::Null);
    let summary = map_summary(user).unwrap_or_else(|| UserSummary::with_id(id));

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
        .field("Company", "/company")
        .field("App", "/app")
        .field("Branding", "/branding")
        .field("Widgets", "/widgets")
        .field("Messages", "/msg")
        .build();

    let permissions = array_at(&json, "/user/permissions");
    let codes = |allowed: bool| {
        FieldValue::List(
            permissions
                .iter()
                .filter(|item| super::fields::bool_at(item, "/user_can") == Some(allowed))
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
        .filter(|item| super::fields::bool_at(item, "/mandatory") == Some(true))
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
        agreement_section = agreement_section.computed(
            &format!("Agreement {agreement_id}"),
            &format!("/agreements/{index}"),
            FieldValue::Text(describe(agreement, AGREEMENT_PARTS)),
        );
    }

    let credits = SectionBuilder::new(&json, "Credits");
    let credits = credit_fields(credits, &json, "discounts", "Discount", now);
    let credits = credit_fields(credits, &json, "free_events", "Free event", now)
        .field("Credit balance", "/credit_balance")
        .build();

    let mut attendance: BTreeMap<String, usize> = BTreeMap::new();
    for key in ["/discounts", "/free_events"] {
        for credit in array_at(&json, key) {
            for row in array_at(credit, "/attendance") {
                let state = short(row, "/attendance").unwrap_or_else(|| "(none)".to_owned());
                *attendance.entry(state).or_default() += 1;
            }
        }
    }
    let mut attendance_section = Section::new("Attendance");
    for (state, count) in attendance {
        attendance_section =
            attendance_section.with(&state, ".", FieldValue::Number(count.to_string()));
    }

    let mut sections = vec![
        identity,
        organisation,
        permissions,
        agreement_section.build(),
        credits,
        attendance_section,
    ];
    sections.extend(unknown_fields(
        &json,
        &[
            ("", TOP_KEYS),
            ("/user", USER_KEYS),
            ("/user/user_fields", USER_FIELD_KEYS),
        ],
    ));
    Ok(UserRecord {
        provider: NAME,
        id: id.to_owned(),
        summary,
        bodies: vec![RawBody {
            label: "user".to_owned(),
            path: response.path.clone(),
            bytes: response.body.clone(),
        }],
        json,
        sections,
        fetched_at: now,
    })
}

/// The rows of a `{data: [...]}` body or a bare array.
fn data_rows<'a>(json: &'a Value, path: &str) -> Result<&'a [Value], DecodeError> {
    match json {
        Value::Array(rows) => Ok(rows),
        _ => json
            .get("data")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .ok_or_else(|| DecodeError::shape(path, "expected an array or an object with `data`")),
    }
}

const REGISTRATION_PARTS: &[(&str, &str)] = &[
    ("", "full_name"),
    ("enrolled", "ef_full_name"),
    ("course", "course_id"),
    ("schedule", "schedule_id"),
    ("status", "status"),
    ("payment", "payment_status"),
    ("paid", "payment_paid"),
    ("debt", "payment_debt"),
    ("attended", "events_attended"),
    ("of", "total_events"),
    ("created", "created"),
    ("updated", "updated"),
];
const ORDER_PARTS: &[(&str, &str)] = &[
    ("", "status"),
    ("payment", "payment_status"),
    ("paid", "paid"),
    ("debt", "debt"),
    ("balance", "balance"),
    ("product", "product_id"),
    ("created", "created"),
    ("modified", "modified"),
];

/// Maps another user's registrations (primary) and orders, fetched at `now`, when no token of
/// theirs gives the full `/user` record. `orders` is the status when that call was refused.
pub fn map_activity_record(
    id: &str,
    registrations: &Response,
    orders: Result<&Response, u16>,
    now: DateTime<Utc>,
) -> Result<UserRecord, ProviderError> {
    let registrations_json = parse_json(registrations)?;
    data_rows(&registrations_json, &registrations.path)?;
    let mut bodies = vec![RawBody {
        label: "registrations".to_owned(),
        path: registrations.path.clone(),
        bytes: registrations.body.clone(),
    }];
    let (json, r, o) = match orders {
        Ok(orders) => {
            let orders_json = parse_json(orders)?;
            data_rows(&orders_json, &orders.path)?;
            bodies.push(RawBody {
                label: "orders".to_owned(),
                path: orders.path.clone(),
                bytes: orders.body.clone(),
            });
            let mut both = Map::new();
            both.insert("registrations".to_owned(), registrations_json);
            both.insert("orders".to_owned(), orders_json);
            (Value::Object(both), "/registrations", Some("/orders"))
        }
        Err(_) => (registrations_json, "", None),
    };
    let rows_pointer = |base: &str, value: &Value| {
        if value.is_array() {
            base.to_owned()
        } else {
            format!("{base}/data")
        }
    };
    let registrations_json = json.pointer(r).unwrap_or(&Value::Null);
    let registration_rows = rows_pointer(r, registrations_json);

    let rows = array_at(&json, &registration_rows);
    let mut summary = UserSummary::with_id(id);
    if let Some(first) = rows.first() {
        summary.name = person_name(first, &["full_name"]);
        str_at(first, "/email")
            .unwrap_or_default()
            .clone_into(&mut summary.email);
    }

    let mut identity =
        Section::new("Identity").with("User id", ".", FieldValue::Text(id.to_owned()));
    identity = identity.with(
        "Full record",
        ".",
        FieldValue::Text(
            "GET /user needs this user's own token (set user_token_command in the profile)"
                .to_owned(),
        ),
    );
    let mut registration_section = SectionBuilder::new(&json, "Registrations").computed(
        "Registrations",
        &registration_rows,
        FieldValue::Number(rows.len().to_string()),
    );
    for (index, row) in rows.iter().enumerate() {
        let row_id = id_text(row.get("registration_id"))
            .or_else(|| id_text(row.get("id")))
            .unwrap_or_else(|| format!("#{}", index + 1));
        registration_section = registration_section.computed(
            &format!("Registration {row_id}"),
            &format!("{registration_rows}/{index}"),
            FieldValue::Text(describe(row, REGISTRATION_PARTS)),
        );
    }
    let mut sections = vec![identity, registration_section.build()];

    match (o, orders) {
        (Some(o), _) => {
            let orders_json = json.pointer(o).unwrap_or(&Value::Null);
            let order_rows = rows_pointer(o, orders_json);
            let rows = array_at(&json, &order_rows);
            let mut order_section = SectionBuilder::new(&json, "Orders").computed(
                "Orders",
                &order_rows,
                FieldValue::Number(rows.len().to_string()),
            );
            for (index, row) in rows.iter().enumerate() {
                let row_id = id_text(row.get("id")).unwrap_or_else(|| format!("#{}", index + 1));
                order_section = order_section.computed(
                    &format!("Order {row_id}"),
                    &format!("{order_rows}/{index}"),
                    FieldValue::Text(describe(row, ORDER_PARTS)),
                );
            }
            sections.push(order_section.build());
        }
        (None, Err(status)) => sections.push(Section::new("Orders").with(
            "Orders",
            ".",
            FieldValue::Text(format!("unavailable (HTTP {status})")),
        )),
        (None, Ok(_)) => {}
    }
    let mut known: Vec<(&str, &[&str])> = vec![(r, &["data"])];
    if let Some(o) = o {
        known.push(("", &["registrations", "orders"]));
        known.push((o, &["data"]));
    }
    sections.extend(unknown_fields(&json, &known));
    Ok(UserRecord {
        provider: NAME,
        id: id.to_owned(),
        summary,
        bodies,
        json,
        sections,
        fetched_at: now,
    })
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

    fn now() -> DateTime<Utc> {
        parse_time("2026-01-01T00:00:00Z").unwrap()
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
    fn build_needs_key_token_company_and_a_known_region() {
        use crate::config::ProfileConfig;
        let secrets = || {
            [
                (SecretKind::ApiKey, Secret::new("key-1234")),
                (SecretKind::Token, Secret::new("tok-1234")),
            ]
        };
        let config = |company: Option<&str>, region: Option<&str>| ProfileConfig {
            provider: NAME.into(),
            company: company.map(str::to_owned),
            region: region.map(str::to_owned),
            ..ProfileConfig::default()
        };
        let ok = build(&Profile::sandbox(
            "z",
            config(Some("12"), Some("uk")),
            secrets(),
            None,
        ));
        assert_eq!(ok.unwrap().name(), NAME);
        let no_company = build(&Profile::sandbox("z", config(None, None), secrets(), None));
        assert!(matches!(no_company, Err(ProviderError::Config(_))));
        let bad_region = build(&Profile::sandbox(
            "z",
            config(Some("12"), Some("mars")),
            secrets(),
            None,
        ));
        assert!(matches!(bad_region, Err(ProviderError::Config(_))));
        let no_key = build(&Profile::sandbox(
            "z",
            config(Some("12"), None),
            [(SecretKind::Token, Secret::new("tok-1234"))],
            None,
        ));
        assert!(matches!(no_key, Err(ProviderError::Config(_))));
    }

    #[test]
    fn regions_pick_base_urls() {
        assert_eq!(region_base_url(None), Some(DEFAULT_BASE_URL));
        assert_eq!(region_base_url(Some("UK")), Some(UK_BASE_URL));
        assert_eq!(region_base_url(Some("asia")), Some(ASIA_BASE_URL));
        assert_eq!(region_base_url(Some("mars")), None);
    }

    #[test]
    fn error_bodies_prefer_the_localised_log_and_dedupe() {
        assert_eq!(
            error_message(
                r#"{"error_log_raw":[{"key":"a","val":"Neplatný token"},{"key":"b","val":"Neplatný token"}],"errors":["invalid token"]}"#.as_bytes()
            )
            .as_deref(),
            Some("Neplatný token")
        );
        assert_eq!(
            error_message(
                br#"{"errors":["bad email",{"message":"bad phone"},["pin","wrong pin"],"bad email"],"message":"Validation failed"}"#
            )
            .as_deref(),
            Some("bad email; bad phone; wrong pin; Validation failed")
        );
        assert_eq!(
            error_message(br#"{"error":"unauthorized","message":"Invalid API key"}"#).as_deref(),
            Some("Invalid API key; unauthorized")
        );
        assert_eq!(error_message(br#"{"other":1}"#), None);
        assert_eq!(
            error_message(b"Too Many Requests").as_deref(),
            Some("Too Many Requests")
        );
    }

    #[test]
    fn team_pages_with_envelope_or_bare_array() {
        let body = json!({"total": 5, "page": 0, "page_size": 2, "data": [
            {"id": 1, "first_name": "Ana", "last_name": "Li", "email": "a@x", "role": "owner"},
            {"id": "2", "first_name": "Bo", "role": "inactive"}
        ]});
        let page = map_page(&response("/users", &body), 0, 2).unwrap();
        assert_eq!(page.next.as_deref(), Some("1"));
        assert_eq!(page.total, Some(5));
        assert_eq!(page.users[0].status, [StatusMarker::Owner]);
        assert_eq!(page.users[1].id, "2");
        assert_eq!(page.users[1].status, [StatusMarker::Inactive]);
        let last = map_page(&response("/users", &body), 2, 2).unwrap();
        assert_eq!(last.next, None);
        let bare = json!([{"id": 3, "role": "trainer_of_the_future"}, {"no_id": true}]);
        let page = map_page(&response("/users", &bare), 0, 2).unwrap();
        assert_eq!(page.users.len(), 1);
        assert_eq!(page.users[0].role.as_deref(), Some("trainer_of_the_future"));
        assert_eq!(page.next.as_deref(), Some("1"));
        let page = map_page(&response("/users", &bare), 0, 3).unwrap();
        assert_eq!(page.next, None);
        let err = map_page(&response("/users", &json!({"rows": []})), 0, 2).unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
    }

    #[test]
    fn search_rows_become_one_summary_per_user() {
        let body = json!({"total": 3, "page": 0, "results": [
            {"registration_id": 10, "user_id": 7, "first_name": "Eva", "last_name": "Nov", "email": "e@x", "ef_full_name": "Kid Nov"},
            {"registration_id": 11, "user_id": "7", "ef_full_name": "Other Kid"},
            {"registration_id": 12, "user_id": 8, "ef_full_name": "Solo Kid"},
            {"registration_id": 13}
        ]});
        let users = map_search(&response("/registrations", &body)).unwrap();
        assert_eq!(users.len(), 2);
        assert_eq!(users[0].name, "Eva Nov");
        assert_eq!(users[1].name, "Solo Kid");
        let err = map_search(&response("/registrations", &json!("x"))).unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
    }

    #[test]
    fn credits_are_counted_against_the_fetch_time() {
        let items = vec![
            json!({"active": true, "expiration": "2026-01-10T00:00:00Z"}),
            json!({"active": true, "expiration": "2026-06-01 00:00:00"}),
            json!({"active": true, "expiration": "2025-12-01T00:00:00+00:00"}),
            json!({"active": false, "expired": true}),
            json!({"active": true}),
            json!("not an object"),
        ];
        assert_eq!(
            credit_counts(&items, now()),
            CreditCounts {
                total: 6,
                active: 4,
                expired: 2,
                expiring_soon: 1
            }
        );
    }

    #[test]
    fn user_record_tolerates_missing_and_unknown_fields() {
        let body = json!({
            "user": {"id": "42", "first_name": "Ana", "role": "inactive_customer", "favourite": "tea",
                     "user_fields": {"3rd_party": false, "shoe_size": 40}},
            "discounts": [{"id": 1, "attendance": [{"attendance": "noshow"}, {"attendance": "time_travel"}]}],
            "free_events": "not a list",
            "new_top": 1
        });
        let record = map_user_record("42", &response("/user", &body), now()).unwrap();
        assert_eq!(record.summary.id, "42");
        assert_eq!(record.summary.status, [StatusMarker::Inactive]);
        assert_eq!(
            field(&record, "Third-party sharing"),
            &FieldValue::Bool(false)
        );
        assert_eq!(field(&record, "E-mail"), &FieldValue::Missing);
        assert_eq!(field(&record, "noshow").display(), "1");
        assert_eq!(field(&record, "time_travel").display(), "1");
        assert_eq!(field(&record, "Free event: total").display(), "0");
        assert_eq!(record.fetched_at, now());
        let other = record.sections.last().unwrap();
        let paths: Vec<_> = other
            .fields
            .iter()
            .map(|field| field.path.as_str())
            .collect();
        assert_eq!(
            paths,
            [".new_top", ".user.favourite", ".user.user_fields.shoe_size"]
        );
        for bad in [json!([]), json!({"user": 3})] {
            let err = map_user_record("1", &response("/user", &bad), now()).unwrap_err();
            assert!(matches!(
                err,
                ProviderError::Decode(DecodeError::Shape { .. })
            ));
        }
    }

    #[test]
    fn activity_record_keeps_both_bodies_or_notes_missing_orders() {
        let registrations = response(
            "/user/7/registrations",
            &json!({"data": [{"registration_id": 1, "first_name": "Eva", "last_name": "Nov", "email": "e@x", "status": "registered"}]}),
        );
        let orders = response(
            "/user/7/orders",
            &json!([{"id": 9, "payment_status": "paid"}]),
        );
        let record = map_activity_record("7", &registrations, Ok(&orders), now()).unwrap();
        assert_eq!(record.bodies.len(), 2);
        assert_eq!(record.summary.name, "Eva Nov");
        assert!(field(&record, "Order 9").display().contains("paid"));
        assert!(
            field(&record, "Registration 1")
                .display()
                .contains("registered")
        );
        let keys: Vec<_> = record.json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["registrations", "orders"]);
        let alone = map_activity_record("7", &registrations, Err(403), now()).unwrap();
        assert_eq!(alone.bodies.len(), 1);
        assert_eq!(alone.json, parse_json(&registrations).unwrap());
        assert_eq!(field(&alone, "Orders").display(), "unavailable (HTTP 403)");
        let err = map_activity_record("7", &response("/r", &json!({"x": 1})), Err(404), now())
            .unwrap_err();
        assert!(matches!(
            err,
            ProviderError::Decode(DecodeError::Shape { .. })
        ));
    }
}
