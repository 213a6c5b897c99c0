//! Quip record bodies: the Admin API user (normal and `threads_meta` modes, with the thread,
//! contact and folder filters), thread wrappers and the Automation API user object.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::super::Shared;
use super::super::generate::{
    HostileKind, QUIP, Rng, future_field, has_odd_json, hostile_kind, person, quip_id,
};
use super::super::reply::flag;
use super::external::external_member_id;
use super::threads::{has_external_member, thread_count};

pub(crate) fn usec(secs: i64) -> i64 {
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

pub(crate) fn thread_wrapper(shared: &Shared, index: u64, k: u64) -> Value {
    let users = shared.users.max(1);
    let mut members: Vec<String> = [index, (index + 1) % users, (index + k + 2) % users]
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|&member| quip_id(shared.seed, b'U', member))
        .collect();
    if has_external_member(k) {
        members.push(external_member_id(shared, index, k));
    }
    json!({
        "thread": thread(shared, index, k),
        "user_ids": members,
        "shared_folder_ids": if k.is_multiple_of(3) { json!([folder_id(shared, index, 5)]) } else { json!([]) },
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
pub(crate) fn automation_user(shared: &Shared, index: u64) -> Value {
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

pub(crate) fn admin_user_body(
    shared: &Shared,
    index: u64,
    query: &HashMap<String, String>,
) -> Value {
    let who = person(shared.seed, QUIP, index);
    let mut rng = Rng::new(shared.seed, QUIP, index, 3);
    // Drawn before the mode is looked at: the same user has the same contacts, folders and
    // affinity whether or not `threads_meta` leaves the contacts out.
    let contact_count = rng.below(5);
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
        let contacts: Map<String, Value> = (1..=contact_count)
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
