//! The Zooza `GET /v1/user` body: one user's full record in the shape of the v1 `OpenAPI` spec and
//! the seed page (`user`, `agreements`, `app`, `branding`, `company`, `widgets`, `msg`, `discounts`,
//! `free_events`, `credit_balance`), plus the registration and order rows the other Zooza routes list.

use serde_json::{Value, json};

use super::super::Shared;
use super::super::generate::{HostileKind, NOW_EPOCH_SECS, Person, Rng, ZOOZA, person, rfc3339};

mod body;
mod credits;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod value_reference;

pub(crate) use body::record;

/// A user's `GET /v1/user` body as the sandbox serves it, for tests of what reads it.
#[cfg(test)]
pub(crate) fn body_for_tests(seed: u64, index: u64) -> Vec<u8> {
    record(&tests::shared(seed, 1_000), index)
}

/// The Zooza user id of an index (ids are ints counted from 1000; the owner is 1000).
pub(crate) fn user_id(index: u64) -> u64 {
    1000 + index
}

/// Team role by index: 0 owner; `index % 10` in 0..=5 member, 6..=7 assistant, 8..=9 inactive.
pub(crate) fn team_role(index: u64) -> &'static str {
    match (index, index % 10) {
        (0, _) => "owner",
        (_, 0..=5) => "member",
        (_, 6 | 7) => "assistant",
        _ => "inactive",
    }
}

/// The `user.role` enum of `/user` is narrower than the team roles.
fn user_role(index: u64) -> &'static str {
    match team_role(index) {
        "owner" => "owner",
        "inactive" => "inactive_customer",
        _ => "member",
    }
}

const ATTENDANCE: [&str; 9] = [
    "going",
    "attended",
    "canceled",
    "canceled_late",
    "deleted",
    "hold",
    "ignore",
    "noshow",
    "waitlist",
];
const CREDIT_TYPES: [&str; 5] = [
    "replacement",
    "discount",
    "replacement_transfer",
    "free_event",
    "prepaid_credit",
];
const VALUES: [u64; 5] = [1, 5, 10, 15, 25];
const COURSES: [&str; 6] = [
    "Baby Swimming",
    "Toddler Gym",
    "Yoga for Beginners",
    "Plávanie pre deti",
    "Kindermusik",
    "Pilates Core",
];

fn name_or_null(who: &Person, text: &str) -> Value {
    if who.hostile == Some(HostileKind::Nulls) {
        Value::Null
    } else {
        json!(text)
    }
}

/// A registration row (the shape `/registrations?advanced_search=1` returns).
pub(crate) fn registration(shared: &Shared, index: u64, k: u64) -> Value {
    let who = person(shared.seed, ZOOZA, index);
    let mut rng = Rng::new(shared.seed, ZOOZA, index, 50 + k);
    let total = rng.range(8, 20);
    let created = who.created_secs + k as i64 * 86_400 * 30;
    json!({
        "registration_id": user_id(index) * 10 + k,
        "user_id": user_id(index),
        "first_name": name_or_null(&who, &who.first),
        "last_name": who.last,
        "email": who.email,
        "phone": format!("+4219{:08}", index % 100_000_000),
        "full_name": who.full_name(),
        "status": *rng.pick(&["registered", "registered", "late", "waitlist", "canceled", "deleted", "trial"]),
        "payment_status": *rng.pick(&["paid", "unpaid", "partially_paid", "overpaid"]),
        "paid": rng.below(300),
        "course_id": 31 + (index + k) % 4,
        "schedule_id": 310 + (index + k) % 9,
        "created": rfc3339(created),
        "updated": rfc3339(created + 3_600).replace('Z', "+00:00"),
        "ef_full_name": format!("{} Jr.", who.first),
        "events_attended": rng.below(total + 1),
        "total_events": total,
    })
}

/// How many registrations the user at `index` has.
pub(crate) fn registration_count(index: u64) -> u64 {
    1 + index % 3
}

/// An order of the user at `index`.
pub(crate) fn order(shared: &Shared, index: u64, k: u64) -> Value {
    let mut rng = Rng::new(shared.seed, ZOOZA, index, 80 + k);
    let price = rng.range(20, 240);
    let paid = if rng.chance(70) {
        price
    } else {
        rng.below(price)
    };
    json!({
        "id": (40_000 + index) * 10 + k,
        "company_id": shared.credentials.zooza_company_id.to_string(),
        "product_id": 600 + k,
        "payment_status": if paid == price { "paid" } else if paid == 0 { "unpaid" } else { "partially_paid" },
        "debt": price - paid,
        "balance": paid as i64 - price as i64,
        "paid": paid,
        "status": "completed",
        "products": {},
        "payment_requests": [],
        "payments": [],
        "order_items": [],
        "invoices": [],
        "created": rfc3339(NOW_EPOCH_SECS - (k as i64 + 1) * 86_400 * 40),
        "modified": rfc3339(NOW_EPOCH_SECS - (k as i64 + 1) * 86_400 * 39),
    })
}
