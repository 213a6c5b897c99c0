//! Zoo (zoo.dev) routes under `/zoo`: admin details, the user profile, `/org/members` and the legacy
//! `/users` list, written from the Zoo `OpenAPI` spec (`UserAdminDetails`, `UserResponse`, `OrgMember`,
//! `Error`).
//!
//! Org roles by `index % 10`: 0 admin, 9 `service_account`, anything else member. Lists are in creation
//! order (which is index order, see `generate`), reversed for `created_at_descending`.

mod record;

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::Shared;
use super::generate::{self, ResidueSeq, ZOO};
use super::reply::{Provider, error, ok, params};
use record::{admin_details_body, org_member, user_response};

const DEFAULT_LIMIT: u64 = 100;
const MAX_LIMIT: u64 = 1000;

fn refuse(shared: &Shared, status: StatusCode, code: &str, message: &str) -> Response {
    error(shared, Provider::Zoo, status, code, message)
}

fn authorize(shared: &Shared, headers: &HeaderMap) -> Result<(), Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(refuse(
            shared,
            StatusCode::UNAUTHORIZED,
            "auth_token_missing",
            "authentication failed: no API token was given",
        ));
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|text| text.strip_prefix("Bearer "));
    if token == Some(shared.credentials.zoo_token.as_str()) {
        Ok(())
    } else {
        Err(refuse(
            shared,
            StatusCode::UNAUTHORIZED,
            "auth_token_invalid",
            "authentication failed: the API token is not valid",
        ))
    }
}

/// A user identifier (UUID or email) to its index.
fn resolve(shared: &Shared, id: &str) -> Option<u64> {
    if id.contains('@') {
        generate::index_from_email(shared.seed, ZOO, shared.users, id)
    } else {
        generate::zoo_index_from_uuid(shared.seed, shared.users, id)
    }
}

fn not_found(shared: &Shared) -> Response {
    refuse(
        shared,
        StatusCode::NOT_FOUND,
        "not_found",
        "Not Found: the requested user does not exist",
    )
}

/// `GET /zoo/users/{id}/admin/details`
pub(crate) async fn admin_details(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers) {
        return refused;
    }
    match resolve(&shared, &id) {
        Some(index) => ok(&admin_details_body(&shared, index)),
        None => not_found(&shared),
    }
}

/// `GET /zoo/users/{id}`
pub(crate) async fn user(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers) {
        return refused;
    }
    match resolve(&shared, &id) {
        Some(index) => ok(&user_response(&shared, index)),
        None => not_found(&shared),
    }
}

fn encode_token(shared: &Shared, position: u64) -> String {
    let key = generate::mix(shared.seed ^ 0x70CE);
    format!(
        "{:016x}{:04x}",
        position ^ key,
        generate::mix(position ^ key) & 0xffff
    )
}

fn decode_token(shared: &Shared, token: &str) -> Option<u64> {
    let key = generate::mix(shared.seed ^ 0x70CE);
    let position = u64::from_str_radix(token.get(..16)?, 16).ok()? ^ key;
    (token.len() == 20 && encode_token(shared, position) == token).then_some(position)
}

/// Shared paging for both lists: `limit`, `page_token`, `sort_by`, and the role filter when allowed.
fn page(
    shared: &Shared,
    raw: Option<&str>,
    allow_role: bool,
    item: fn(&Shared, u64) -> Value,
) -> Response {
    let query = params(raw);
    let bad = |message: &str| refuse(shared, StatusCode::BAD_REQUEST, "bad_request", message);
    let limit = match query.get("limit").map(|text| text.parse::<u64>()) {
        None => DEFAULT_LIMIT,
        Some(Ok(limit)) if limit >= 1 => limit.min(MAX_LIMIT),
        Some(_) => return bad("limit must be an integer of at least 1"),
    };
    let descending = match query.get("sort_by").map(String::as_str) {
        None | Some("created_at_ascending") => false,
        Some("created_at_descending") => true,
        Some(_) => return bad("sort_by must be created_at_ascending or created_at_descending"),
    };
    let residues: Vec<u64> = match (allow_role, query.get("role").map(String::as_str)) {
        (_, None) | (false, _) => (0..10).collect(),
        (true, Some("admin")) => vec![0],
        (true, Some("member")) => (1..9).collect(),
        (true, Some("service_account")) => vec![9],
        (true, Some(_)) => return bad("role must be admin, member or service_account"),
    };
    let sequence = ResidueSeq {
        modulus: 10,
        residues,
        total: shared.users,
        skip_zero: false,
    };
    let start = match query.get("page_token") {
        None => 0,
        Some(token) => match decode_token(shared, token) {
            Some(position) => position,
            None => return bad("page_token is not valid"),
        },
    };
    let total = sequence.len();
    let end = start.saturating_add(limit).min(total);
    let items: Vec<Value> = (start..end)
        .filter_map(|position| {
            sequence.nth(if descending {
                total - 1 - position
            } else {
                position
            })
        })
        .map(|index| item(shared, index))
        .collect();
    let next_page = (end < total).then(|| encode_token(shared, end));
    ok(&json!({ "items": items, "next_page": next_page }))
}

/// `GET /zoo/org/members?limit=&page_token=&sort_by=&role=`
pub(crate) async fn org_members(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers) {
        return refused;
    }
    page(&shared, raw.as_deref(), true, org_member)
}

/// `GET /zoo/users?limit=&page_token=&sort_by=` (legacy, removed from the public spec in 2026-04)
pub(crate) async fn users(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers) {
        return refused;
    }
    page(&shared, raw.as_deref(), false, user_response)
}
