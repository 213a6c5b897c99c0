//! Zooza v1 routes under `/zooza/v1`: the token owner's record (`/user`), the team list (`/users`),
//! the client search (`/registrations?advanced_search=1`) and a user's registrations and orders.
//!
//! All three headers are required, but for `/user`, which the docs have a caller ask with only the
//! API key and the token to learn its company: `X-ZOOZA-COMPANY` is the company id `/user` shows
//! as `user.companies[].id`. `X-ZOOZA-TOKEN` is the owner's token (index 0, id 1000) or
//! `"{owner token}-{user id}"` for that user, so every user's rich record is reachable by GET.
//! Pages are 0-based.
//!
//! Search bound: a name search scans at most the first [`SEARCH_SCAN_LIMIT`] users (the generator
//! cannot be inverted on names). A number in the query (the index embedded in emails, or a user id)
//! is checked directly, so e.g. `user=.999999@` finds the last of a million users in O(1).

pub(super) mod record;

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::Shared;
use super::generate::{ResidueSeq, ZOOZA, person};
use super::reply::{Provider, error, flag, json_bytes, ok, params};
use record::{order, record, registration, registration_count, team_role, user_id};

/// How many users a name search scans, from index 0.
pub(crate) const SEARCH_SCAN_LIMIT: u64 = 20_000;
const DEFAULT_PAGE_SIZE: u64 = 20;
const MAX_PAGE_SIZE: u64 = 200;

fn refuse(shared: &Shared, status: StatusCode, code: &str, message: &str) -> Response {
    error(shared, Provider::Zooza, status, code, message)
}

/// Whether a route needs `X-ZOOZA-COMPANY` beside the key and the token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Company {
    /// Every company-scoped route.
    Required,
    /// `GET /user`: the docs have a caller send only the key and the token to it, and read the
    /// company id to send from `user.companies[].id`. A company sent anyway must be right.
    Optional,
}

/// Checks the headers; returns the index of the token's user.
fn authorize(shared: &Shared, headers: &HeaderMap, company: Company) -> Result<u64, Response> {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    let credentials = &shared.credentials;
    let unauthorized =
        |message: &str| refuse(shared, StatusCode::UNAUTHORIZED, "unauthorized", message);
    if header("x-zooza-api-key") != Some(credentials.zooza_api_key.as_str()) {
        return Err(unauthorized("Invalid or missing API key"));
    }
    let token = header("x-zooza-token").unwrap_or_default();
    let index = if token == credentials.zooza_token {
        Some(0)
    } else {
        token
            .strip_prefix(credentials.zooza_token.as_str())
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|id| id.parse::<u64>().ok())
            .and_then(|id| id.checked_sub(1000))
            .filter(|&index| index < shared.users)
    };
    let Some(index) = index else {
        return Err(unauthorized("Invalid or expired token"));
    };
    match header("x-zooza-company").map(str::trim) {
        None if company == Company::Optional => {}
        Some(sent) if sent == credentials.zooza_company_id.to_string() => {}
        _ => return Err(unauthorized("Invalid company")),
    }
    Ok(index)
}

fn paging(query: &std::collections::HashMap<String, String>) -> Result<(u64, u64), &'static str> {
    let page = match query.get("page") {
        None => 0,
        Some(text) => text.parse().map_err(|_| "page must be a number")?,
    };
    let size = match query.get("page_size") {
        None => DEFAULT_PAGE_SIZE,
        Some(text) => text
            .parse::<u64>()
            .map_err(|_| "page_size must be a number")?
            .clamp(1, MAX_PAGE_SIZE),
    };
    Ok((page, size))
}

/// `GET /zooza/v1/user`
pub(crate) async fn current_user(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Response {
    match authorize(&shared, &headers, Company::Optional) {
        Ok(index) => json_bytes(StatusCode::OK, record(&shared, index)),
        Err(refused) => refused,
    }
}

fn team_member(shared: &Shared, index: u64) -> Value {
    let who = person(shared.seed, ZOOZA, index);
    json!({ "id": user_id(index), "first_name": who.first, "last_name": who.last, "email": who.email, "role": team_role(index) })
}

fn matches(shared: &Shared, index: u64, needle: &str) -> bool {
    let who = person(shared.seed, ZOOZA, index);
    who.full_name().to_lowercase().contains(needle) || who.email.to_lowercase().contains(needle)
}

/// `GET /zooza/v1/users?page=&page_size=&roles=&name=`
pub(crate) async fn team(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers, Company::Required) {
        return refused;
    }
    let query = params(raw.as_deref());
    let (page, size) = match paging(&query) {
        Ok(paging) => paging,
        Err(message) => return refuse(&shared, StatusCode::BAD_REQUEST, "invalid_params", message),
    };
    let roles: Vec<String> = query
        .get("roles")
        .map(|roles| {
            roles
                .split(['|', ','])
                .map(|role| role.trim().to_ascii_lowercase())
                .filter(|role| !role.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let wants = |role: &str| roles.is_empty() || roles.iter().any(|wanted| wanted == role);
    let mut residues = Vec::new();
    for (role, classes) in [("member", 0..6), ("assistant", 6..8), ("inactive", 8..10)] {
        if wants(role) {
            residues.extend(classes);
        }
    }
    let owner = u64::from(wants("owner") && shared.users > 0);
    let others = ResidueSeq {
        modulus: 10,
        residues,
        total: shared.users,
        skip_zero: true,
    };
    let start = page.saturating_mul(size);
    let (total, data): (u64, Vec<Value>) = match query
        .get("name")
        .map(|name| name.trim().to_lowercase())
        .filter(|name| !name.is_empty())
    {
        None => {
            let total = owner + others.len();
            let data = (start..start.saturating_add(size).min(total))
                .filter_map(|position| {
                    if position < owner {
                        Some(0)
                    } else {
                        others.nth(position - owner)
                    }
                })
                .map(|index| team_member(&shared, index))
                .collect();
            (total, data)
        }
        Some(needle) => {
            let found: Vec<u64> = (0..shared.users.min(SEARCH_SCAN_LIMIT))
                .filter(|&index| wants(team_role(index)) && matches(&shared, index, &needle))
                .collect();
            let data = found
                .iter()
                .skip(start as usize)
                .take(size as usize)
                .map(|&index| team_member(&shared, index))
                .collect();
            (found.len() as u64, data)
        }
    };
    ok(&json!({ "total": total, "page": page, "page_size": size, "settings": {}, "data": data }))
}

/// Users whose name or email contains `needle`: a bounded scan plus any index named by a number in it.
fn search(shared: &Shared, needle: &str) -> BTreeSet<u64> {
    let mut found: BTreeSet<u64> = (0..shared.users.min(SEARCH_SCAN_LIMIT))
        .filter(|&index| matches(shared, index, needle))
        .collect();
    for number in needle
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|digits| digits.parse::<u64>().ok())
    {
        for index in [Some(number), number.checked_sub(1000)]
            .into_iter()
            .flatten()
        {
            if index < shared.users && matches(shared, index, needle) {
                found.insert(index);
            }
        }
    }
    found
}

/// `GET /zooza/v1/registrations?advanced_search=1&distinct=1&user=Q&email=&user_id=&page=&page_size=`
pub(crate) async fn registrations(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers, Company::Required) {
        return refused;
    }
    let query = params(raw.as_deref());
    let (page, size) = match paging(&query) {
        Ok(paging) => paging,
        Err(message) => return refuse(&shared, StatusCode::BAD_REQUEST, "invalid_params", message),
    };
    let mut users: BTreeSet<u64> = match query
        .get("user")
        .map(|user| user.trim().to_lowercase())
        .filter(|user| !user.is_empty())
    {
        Some(needle) => search(&shared, &needle),
        None => (0..shared.users.min(SEARCH_SCAN_LIMIT)).collect(),
    };
    if let Some(email) = query.get("email") {
        let exact =
            super::generate::index_from_email(shared.seed, ZOOZA, shared.users, email.trim());
        users.retain(|index| Some(*index) == exact);
        if let (Some(index), None) = (exact, query.get("user")) {
            users.insert(index);
        }
    }
    if let Some(id) = query.get("user_id") {
        let wanted = id
            .trim()
            .parse::<u64>()
            .ok()
            .and_then(|id| id.checked_sub(1000));
        users.retain(|index| Some(*index) == wanted);
    }
    let distinct = flag(&query, "distinct");
    let rows: Vec<(u64, u64)> = users
        .iter()
        .flat_map(|&index| {
            (0..if distinct {
                1
            } else {
                registration_count(index)
            })
                .map(move |k| (index, k))
        })
        .collect();
    let results: Vec<Value> = rows
        .iter()
        .skip(page.saturating_mul(size) as usize)
        .take(size as usize)
        .map(|&(index, k)| registration(&shared, index, k))
        .collect();
    ok(&json!({ "total": rows.len(), "page": page, "results": results }))
}

fn user_index(shared: &Shared, id: &str) -> Option<u64> {
    id.parse::<u64>()
        .ok()?
        .checked_sub(1000)
        .filter(|&index| index < shared.users)
}

/// `GET /zooza/v1/user/{id}/registrations`
pub(crate) async fn user_registrations(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers, Company::Required) {
        return refused;
    }
    let Some(index) = user_index(&shared, &id) else {
        return refuse(
            &shared,
            StatusCode::NOT_FOUND,
            "not_found",
            "User not found",
        );
    };
    let data: Vec<Value> = (0..registration_count(index))
        .map(|k| registration(&shared, index, k))
        .collect();
    ok(&json!({ "data": data }))
}

/// `GET /zooza/v1/user/{id}/orders`
pub(crate) async fn user_orders(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers, Company::Required) {
        return refused;
    }
    let Some(index) = user_index(&shared, &id) else {
        return refuse(
            &shared,
            StatusCode::NOT_FOUND,
            "not_found",
            "User not found",
        );
    };
    let data: Vec<Value> = (0..index % 5).map(|k| order(&shared, index, k)).collect();
    ok(&json!({ "data": data }))
}
