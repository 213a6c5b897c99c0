//! Quip routes under `/quip`: the Admin API user (`/1/admin/users/{id}`) and threads
//! (`/1/admin/threads/?ids=`), the Automation bulk lookup (`/1/users/?ids=`) and the SCIM list
//! (`/scim/2/Users`), in the shapes of the seed page and the admin docs.
//!
//! Ids are 11 characters: a kind letter (U user, T thread, F folder, C chat), the number in six
//! base-62 digits, four check characters. Thread numbers are `user index * 1024 + k`; folder numbers
//! `user index * 64 + slot` (0..5 the special folders, 5.. shared, 45.. group).
//! Per-user rules: `index % 37 == 5` has 150–300 threads (others 0–25); `index % 11 == 4` disabled;
//! `index % 23 == 9` a robot; `index % 19 == 8` carries an `error` string; thread `k % 13 == 12` is
//! deleted.

use std::collections::HashSet;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::Shared;
use super::generate::{
    HostileKind, QUIP, Rng, future_field, has_odd_json, hostile_kind, person, quip_id, quip_number,
    rfc3339,
};
use super::reply::{Provider, error, flag, ok, params};

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

fn thread_count(index: u64) -> u64 {
    let mut rng = Rng::new(0, QUIP, index, 77);
    if index % 37 == 5 {
        rng.range(150, 300)
    } else {
        rng.below(26)
    }
}

fn usec(secs: i64) -> i64 {
    secs * 1_000_000
}

/// The `thread` object of thread `k` of the user at `index`.
fn thread(shared: &Shared, index: u64, k: u64) -> Value {
    let who = person(shared.seed, QUIP, index);
    let mut rng = Rng::new(shared.seed, QUIP, index, 1_000 + k);
    let id = quip_id(shared.seed, b'T', index * 1024 + k);
    let kind = *rng.pick(&[
        "document",
        "document",
        "document",
        "spreadsheet",
        "slides",
        "chat",
    ]);
    let base = *rng.pick(&[
        "Q3 roadmap",
        "Onboarding checklist",
        "Incident review",
        "Budget 2026",
        "Team offsite",
        "Release notes",
        "Design doc: sync engine",
    ]);
    let title = match (k, hostile_kind(index)) {
        (0, Some(HostileKind::Nulls)) => Value::Null,
        (0, Some(kind)) => json!(kind.taint(base)),
        _ => json!(format!("{base} #{k}")),
    };
    let created = who.created_secs + (k as i64) * 43_200 + rng.below(3_600) as i64;
    let updated = created + rng.below(400 * 86_400) as i64;
    let author = if k % 4 == 3 {
        (index + k) % shared.users.max(1)
    } else {
        index
    };
    json!({
        "id": id,
        "title": title,
        "link": format!("https://sandbox.quip.com/{id}"),
        "author_id": quip_id(shared.seed, b'U', author),
        "thread_class": if kind == "chat" { "channel" } else { "document" },
        "type": kind,
        "created_usec": usec(created) + (k as i64 % 1000),
        "updated_usec": usec(updated) + 17,
        "is_deleted": k % 13 == 12,
    })
}

fn thread_wrapper(shared: &Shared, index: u64, k: u64) -> Value {
    let users = shared.users.max(1);
    let members: Vec<String> = [index, (index + 1) % users, (index + k + 2) % users]
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|&member| quip_id(shared.seed, b'U', member))
        .collect();
    json!({
        "thread": thread(shared, index, k),
        "user_ids": members,
        "shared_folder_ids": if k % 3 == 0 { json!([folder_id(shared, index, 5)]) } else { json!([]) },
        "expanded_user_ids": members,
        "invited_user_emails": if k % 9 == 4 { json!(["guest.reviewer@partner.example"]) } else { json!([]) },
    })
}

fn folder_id(shared: &Shared, index: u64, slot: u64) -> String {
    quip_id(shared.seed, b'F', index * 64 + slot)
}

fn folder_title(shared: &Shared, index: u64, slot: u64) -> &'static str {
    let mut rng = Rng::new(shared.seed, QUIP, index, 5_000 + slot);
    FOLDER_TITLES[rng.below(FOLDER_TITLES.len() as u64) as usize]
}

const FOLDER_TITLES: [&str; 10] = [
    "Engineering",
    "archive-2024",
    "Marketing",
    "Ωmega project",
    "board",
    "Zeta",
    "Customers",
    "design",
    "Legal",
    "ops",
];

/// The Automation API user object (also the contacts in the admin user's `threads.users`).
fn automation_user(shared: &Shared, index: u64) -> Value {
    let who = person(shared.seed, QUIP, index);
    let name = if who.hostile == Some(HostileKind::Nulls) {
        Value::Null
    } else {
        json!(who.full_name())
    };
    let mut user = json!({
        "name": name,
        "id": quip_id(shared.seed, b'U', index),
        "is_robot": index % 23 == 9,
        "affinity": 0.0,
        "emails": [who.email],
        "company_id": shared.credentials.quip_company_id,
        "disabled": index % 11 == 4,
        "created_usec": usec(who.created_secs) + 239,
        "profile_picture_url": format!("https://sandbox.quip.com:443/pic/{}", quip_id(shared.seed, b'U', index)),
        "chat_thread_id": quip_id(shared.seed, b'C', index),
    });
    if has_odd_json(index) {
        user["x_sandbox_future_field"] = future_field();
    }
    user
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
    ok(&admin_user_body(&shared, index, &params(raw.as_deref())))
}

fn admin_user_body(
    shared: &Shared,
    index: u64,
    query: &std::collections::HashMap<String, String>,
) -> Value {
    let who = person(shared.seed, QUIP, index);
    let mut rng = Rng::new(shared.seed, QUIP, index, 3);
    let meta = flag(query, "threads_meta");
    let include_deleted = flag(query, "include_deleted");
    let since = query
        .get("since_updated_usec")
        .and_then(|text| text.parse::<i64>().ok());
    let only: Option<HashSet<&str>> = query
        .get("thread_ids")
        .map(|ids| ids.split(',').map(str::trim).collect());
    let mut threads = Map::new();
    for k in 0..thread_count(index) {
        let wrapper = thread_wrapper(shared, index, k);
        let info = &wrapper["thread"];
        let id = info["id"].as_str().unwrap_or_default().to_owned();
        let deleted = info["is_deleted"].as_bool().unwrap_or(false);
        let updated = info["updated_usec"].as_i64().unwrap_or(0);
        if (deleted && !include_deleted)
            || since.is_some_and(|since| updated <= since)
            || only
                .as_ref()
                .is_some_and(|only| !only.contains(id.as_str()))
        {
            continue;
        }
        let value = if meta {
            json!({ "updated_usec": updated, "link": info["link"], "is_deleted": deleted })
        } else {
            wrapper
        };
        threads.insert(id, value);
    }
    let threads = if meta {
        Value::Object(threads)
    } else {
        let users = shared.users.max(1);
        let contacts: Map<String, Value> = (1..=rng.below(5))
            .map(|step| (index + step * 7) % users)
            .filter(|&contact| contact != index)
            .map(|contact| {
                (
                    quip_id(shared.seed, b'U', contact),
                    automation_user(shared, contact),
                )
            })
            .collect();
        let company = &shared.credentials.quip_company_id;
        json!({ "threads": threads, "users": contacts, "companies": { company.clone(): { "id": company, "name": "Sandbox Corp" } } })
    };
    let mut shared_slots: Vec<u64> = (5..5 + rng.below(21)).collect();
    let mut group_slots: Vec<u64> = (45..45 + rng.below(6)).collect();
    let descending = query
        .get("sort_order")
        .is_some_and(|order| order.eq_ignore_ascii_case("desc"));
    for slots in [&mut shared_slots, &mut group_slots] {
        if query.get("sort_by").is_some_and(|by| by == "title") {
            slots.sort_by_key(|&slot| (folder_title(shared, index, slot).to_lowercase(), slot));
        }
        if descending {
            slots.reverse();
        }
    }
    let folders = |slots: &[u64]| -> Vec<String> {
        slots
            .iter()
            .map(|&slot| folder_id(shared, index, slot))
            .collect()
    };
    let name = if who.hostile == Some(HostileKind::Nulls) {
        Value::Null
    } else {
        json!(who.full_name())
    };
    let mut body = Map::new();
    body.insert(
        "affinity".into(),
        json!(f64::from((rng.below(100)) as u32) / 100.0),
    );
    body.insert("id".into(), json!(quip_id(shared.seed, b'U', index)));
    body.insert("is_robot".into(), json!(index % 23 == 9));
    body.insert("name".into(), name);
    body.insert("threads".into(), threads);
    body.insert(
        "company_id".into(),
        json!(shared.credentials.quip_company_id),
    );
    let mut emails = vec![json!(who.email)];
    if index % 6 == 1 {
        emails.push(json!(who.email.replace('@', "+alias@")));
    }
    body.insert("emails".into(), Value::Array(emails));
    body.insert("disabled".into(), json!(index % 11 == 4));
    body.insert("created_usec".into(), json!(usec(who.created_secs) + 239));
    body.insert(
        "chat_thread_id".into(),
        json!(quip_id(shared.seed, b'C', index)),
    );
    let picture = if who.hostile == Some(HostileKind::Nulls) {
        Value::Null
    } else {
        json!(format!(
            "https://sandbox.quip.com:443/pic/{}",
            quip_id(shared.seed, b'U', index)
        ))
    };
    body.insert("profile_picture_url".into(), picture);
    for (key, slot) in [
        ("desktop_folder_id", 0),
        ("archive_folder_id", 1),
        ("starred_folder_id", 2),
        ("private_folder_id", 3),
        ("trash_folder_id", 4),
    ] {
        body.insert(key.into(), json!(folder_id(shared, index, slot)));
    }
    body.insert("shared_folder_ids".into(), json!(folders(&shared_slots)));
    body.insert("group_folder_ids".into(), json!(folders(&group_slots)));
    if has_odd_json(index) {
        body.insert("x_sandbox_future_field".into(), future_field());
    }
    if index % 19 == 8 {
        body.insert("error".into(), json!("Some threads could not be loaded"));
    }
    Value::Object(body)
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
            "lastModified": rfc3339(who.created_secs + 86_400 * (index % 90) as i64),
            "location": format!("https://scim.quip.com/2/Users/{id}"),
        },
    })
}

/// `GET /quip/scim/2/Users?startIndex=&count=&filter=userName eq "x"` (1-based `startIndex`).
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
    let (total, resources): (u64, Vec<Value>) = if let Some(filter) = query.get("filter") {
        {
            let Some(user_name) = parse_filter(filter) else {
                return scim_error(
                    &shared,
                    StatusCode::BAD_REQUEST,
                    "Only filter=userName eq \"…\" is supported",
                );
            };
            let found =
                super::generate::index_from_email(shared.seed, QUIP, shared.users, &user_name);
            let resources: Vec<Value> = found
                .filter(|_| start == 1 && count > 0)
                .map(|index| scim_user(&shared, index))
                .into_iter()
                .collect();
            (u64::from(found.is_some()), resources)
        }
    } else {
        {
            let first = start - 1;
            let end = first.saturating_add(count).min(shared.users);
            (
                shared.users,
                (first..end)
                    .map(|index| scim_user(&shared, index))
                    .collect(),
            )
        }
    };
    ok(&json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": total,
        "startIndex": start,
        "itemsPerPage": resources.len(),
        "Resources": resources,
    }))
}

/// `userName eq "x"` → `x` (the attribute name is case-insensitive, as SCIM says).
fn parse_filter(filter: &str) -> Option<String> {
    let filter = filter.trim();
    let (attribute, rest) = filter.split_once(char::is_whitespace)?;
    let (operator, value) = rest.trim_start().split_once(char::is_whitespace)?;
    if !attribute.eq_ignore_ascii_case("userName") || !operator.eq_ignore_ascii_case("eq") {
        return None;
    }
    let value = value.trim();
    Some(value.strip_prefix('"')?.strip_suffix('"')?.to_owned())
}
