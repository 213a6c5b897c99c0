//! Quip routes under `/quip`: the Admin API user (`/1/admin/users/{id}`) and threads
//! (`/1/admin/threads/?ids=`), the Automation bulk lookup (`/1/users/?ids=`) and the SCIM list
//! (`/scim/2/Users`), in the shapes of the seed page and the admin docs.
//!
//! Ids are 11 characters: a kind letter (U user, T thread, F folder, C chat), the number in six
//! base-62 digits, four check characters. Thread numbers are `user index * 1024 + k`; folder numbers
//! `user index * 64 + slot` (0..5 the special folders, 5.. shared, 45.. group).
//! Per-user rules: `index % 37 == 5` has 150–300 threads (others 0–25); `index % 11 == 4` disabled;
//! `index % 23 == 9` a robot; `index % 19 == 8` carries an `error` string; thread `k % 13 == 12` is
//! deleted; thread `k % 9 == 4` has an external member (`quip/external.rs`), seen only through
//! `shared_thread_id`. SCIM filters and change times: `quip/scim_filter.rs`.

mod external;
mod record;
mod scim_filter;
mod threads;

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::Shared;
use super::generate::{HostileKind, QUIP, person, quip_id, quip_number, rfc3339};
use super::reply::{Provider, error, error_body, json_bytes, ok, params};
use external::{restricted_user_info, shared_thread_number};
use record::{admin_user_body, automation_user, thread_wrapper};
use scim_filter::ScimFilter;
use threads::thread_count;

const MAX_IDS: usize = 1000;
const SCIM_DEFAULT_COUNT: u64 = 100;
const SCIM_MAX_COUNT: u64 = 1000;

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

fn authorize(
    shared: &Shared,
    headers: &HeaderMap,
    raw: Option<&str>,
    need_company: bool,
) -> Result<(), Response> {
    if bearer(headers) != Some(shared.credentials.quip_token.as_str()) {
        return Err(error(
            shared,
            Provider::Quip,
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "Invalid or missing access token",
        ));
    }
    if need_company {
        match params(raw).get("company_id") {
            None => {
                return Err(error(
                    shared,
                    Provider::Quip,
                    StatusCode::BAD_REQUEST,
                    "missing_company_id",
                    "company_id is required",
                ));
            }
            Some(company) if *company != shared.credentials.quip_company_id => {
                return Err(error(
                    shared,
                    Provider::Quip,
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    "Not an admin of the given company",
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// `GET /quip/1/admin/users/{id}?company_id=&threads_meta=&since_updated_usec=&include_deleted=&thread_ids=&sort_by=&sort_order=`
pub(crate) async fn admin_user(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers, raw.as_deref(), true) {
        return refused;
    }
    let query = params(raw.as_deref());
    if let Some(thread) = shared_thread_number(&shared, &id) {
        let named = query.get("shared_thread_id").map(String::as_str);
        return match restricted_user_info(&shared, &id, thread, named) {
            Some(restricted) => ok(&restricted),
            None => error(
                &shared,
                Provider::Quip,
                StatusCode::FORBIDDEN,
                "forbidden",
                "User is not in the given company",
            ),
        };
    }
    let index = quip_number(shared.seed, b'U', &id)
        .or_else(|| super::generate::index_from_email(shared.seed, QUIP, shared.users, &id))
        .filter(|&index| index < shared.users);
    let Some(index) = index else {
        return error(
            &shared,
            Provider::Quip,
            StatusCode::NOT_FOUND,
            "not_found",
            "User not found",
        );
    };
    ok(&admin_user_body(&shared, index, &query))
}

fn split_ids(raw: Option<&str>) -> Vec<String> {
    params(raw)
        .get("ids")
        .map(|ids| {
            ids.split(',')
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// `GET /quip/1/admin/threads/?ids=a,b&company_id=` — unknown ids are left out of the map.
pub(crate) async fn admin_threads(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers, raw.as_deref(), true) {
        return refused;
    }
    let ids = split_ids(raw.as_deref());
    if ids.len() > MAX_IDS {
        return error(
            &shared,
            Provider::Quip,
            StatusCode::BAD_REQUEST,
            "too_many_ids",
            "At most 1000 ids per request",
        );
    }
    let mut map = Map::new();
    for id in ids {
        let Some(number) = quip_number(shared.seed, b'T', &id) else {
            continue;
        };
        let (index, k) = (number / 1024, number % 1024);
        if index < shared.users && k < thread_count(index) {
            map.insert(id, thread_wrapper(&shared, index, k));
        }
    }
    ok(&Value::Object(map))
}

/// `GET /quip/1/users/?ids=<ids or emails>` — unknown keys map to an error string.
pub(crate) async fn users(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers, raw.as_deref(), false) {
        return refused;
    }
    let ids = split_ids(raw.as_deref());
    if ids.len() > MAX_IDS {
        return error(
            &shared,
            Provider::Quip,
            StatusCode::BAD_REQUEST,
            "too_many_ids",
            "At most 1000 ids per request",
        );
    }
    let mut map = Map::new();
    for key in ids {
        let index = if key.contains('@') {
            super::generate::index_from_email(shared.seed, QUIP, shared.users, &key)
        } else {
            quip_number(shared.seed, b'U', &key).filter(|&index| index < shared.users)
        };
        let value = match index {
            Some(index) => automation_user(&shared, index),
            None => json!("Not found or not in your company"),
        };
        map.insert(key, value);
    }
    ok(&Value::Object(map))
}

fn scim_error(shared: &Shared, status: StatusCode, message: &str) -> Response {
    error(shared, Provider::QuipScim, status, "scim", message)
}

fn scim_user(shared: &Shared, index: u64) -> Value {
    let who = person(shared.seed, QUIP, index);
    let id = quip_id(shared.seed, b'U', index);
    let nulls = who.hostile == Some(HostileKind::Nulls);
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "id": id,
        "userName": who.email,
        "name": {
            "givenName": if nulls { Value::Null } else { json!(who.first) },
            "familyName": who.last,
            "formatted": if nulls { Value::Null } else { json!(who.full_name()) },
        },
        "emails": [{ "value": who.email, "primary": true }],
        "active": index % 11 != 4,
        "meta": {
            "resourceType": "User",
            "created": rfc3339(who.created_secs),
            "lastModified": rfc3339(scim_filter::last_modified_secs(index)),
            "location": format!("https://scim.quip.com/2/Users/{id}"),
        },
    })
}

/// `GET /quip/scim/2/Users?startIndex=&count=&filter=` (1-based `startIndex`; the filters of
/// `quip/scim_filter.rs`).
pub(crate) async fn scim_users(
    State(shared): State<Arc<Shared>>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if bearer(&headers) != Some(shared.credentials.quip_scim_token.as_str()) {
        return scim_error(
            &shared,
            StatusCode::UNAUTHORIZED,
            "Invalid or missing SCIM token",
        );
    }
    let query = params(raw.as_deref());
    let number = |name: &str, default: u64| {
        query
            .get(name)
            .map_or(Some(default), |text| text.trim().parse::<u64>().ok())
    };
    let (Some(start), Some(count)) = (number("startIndex", 1), number("count", SCIM_DEFAULT_COUNT))
    else {
        return scim_error(
            &shared,
            StatusCode::BAD_REQUEST,
            "startIndex and count must be non-negative integers",
        );
    };
    let start = start.max(1);
    let count = count.min(SCIM_MAX_COUNT);
    let window = |indices: &mut dyn Iterator<Item = u64>| -> Vec<Value> {
        indices
            .skip(usize::try_from(start - 1).unwrap_or(usize::MAX))
            .take(usize::try_from(count).unwrap_or(usize::MAX))
            .map(|index| scim_user(&shared, index))
            .collect()
    };
    let (total, resources): (u64, Vec<Value>) =
        match query.get("filter").map(|f| (f, scim_filter::parse(f))) {
            None => (shared.users, window(&mut (0..shared.users))),
            Some((_, Some(ScimFilter::UserName(user_name)))) => {
                let found =
                    super::generate::index_from_email(shared.seed, QUIP, shared.users, &user_name);
                (u64::from(found.is_some()), window(&mut found.into_iter()))
            }
            Some((_, Some(ScimFilter::ChangedAfter { secs, inclusive }))) => {
                // One pass: every match is counted, those in the window kept.
                let mut total = 0;
                let mut page = Vec::new();
                let matching = (0..shared.users)
                    .filter(|&index| scim_filter::changed_after(index, secs, inclusive));
                for index in matching {
                    if total >= start - 1 && (page.len() as u64) < count {
                        page.push(scim_user(&shared, index));
                    }
                    total += 1;
                }
                (total, page)
            }
            Some((filter, None)) => return invalid_filter(&shared, filter),
        };
    ok(&json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": total,
        "startIndex": start,
        "itemsPerPage": resources.len(),
        "Resources": resources,
    }))
}

/// RFC 7644's answer to a filter the server cannot apply: 400, `scimType: invalidFilter`.
fn invalid_filter(shared: &Shared, filter: &str) -> Response {
    let detail = format!(
        "Unsupported filter {filter:?}: only userName eq \"…\" and meta.lastModified gt|ge \"<RFC 3339 time>\""
    );
    let status = StatusCode::BAD_REQUEST;
    let mut body = error_body(shared, Provider::QuipScim, status, "scim", &detail);
    body["scimType"] = json!("invalidFilter");
    json_bytes(status, super::odd_json::render(&body))
}
