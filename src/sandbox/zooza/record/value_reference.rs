//! The Zooza `/v1/user` body as the sandbox first built it, a `serde_json::Value` key by key: kept
//! for the test that [`super::body`] writes the very same bytes.

use serde_json::{Value, json};

use super::{
    ATTENDANCE, COURSES, CREDIT_TYPES, VALUES, name_or_null, team_role, user_id, user_role,
};
use crate::sandbox::Shared;
use crate::sandbox::generate::{
    HostileKind, NOW_EPOCH_SECS, Rng, ZOOZA, future_field, has_odd_json, person, rfc3339,
};

/// The `/v1/user` body for the user at `index`.
pub(super) fn record(shared: &Shared, index: u64) -> Value {
    let who = person(shared.seed, ZOOZA, index);
    let mut rng = Rng::new(shared.seed, ZOOZA, index, 2);
    let company_number = shared.credentials.zooza_company_id;
    let company = &company_number.to_string();
    let id = user_id(index);
    let permissions: Vec<Value> = [
        (
            "registrations.view",
            "View registrations",
            "Can see the list of registrations",
        ),
        (
            "registrations.edit",
            "Edit registrations",
            "Can change registrations and attendance",
        ),
        (
            "payments.view",
            "View payments",
            "Can see payments and invoices",
        ),
        (
            "courses.manage",
            "Manage courses",
            "Can create and change courses and schedules",
        ),
        (
            "users.manage",
            "Manage team",
            "Can invite and remove team members",
        ),
    ]
    .iter()
    .enumerate()
    .map(|(n, (permission, name, description))| {
        json!({ "permission": permission, "name": name, "description": description,
                "user_can": index == 0 || !(index + n as u64).is_multiple_of(3) })
    })
    .collect();
    let user = json!({
        "id": id,
        "first_name": name_or_null(&who, &who.first),
        "last_name": who.last,
        "email": who.email,
        "phone": format!("+4219{:08}", index % 100_000_000),
        "role": user_role(index),
        "company_id": company,
        "user_fields": {
            "id": 500_000 + index,
            "marketing_messages": rng.chance(40),
            "3rd_party": rng.chance(20),
            "nick": who.first,
            "show_only_nick": rng.chance(10),
        },
        "billing_periods": [2024, 2025, 2026],
        "permissions": permissions,
        "companies": [{ "id": company_number, "name": "Sandbox Swim School", "email": "info@sandbox-swim.example", "role": team_role(index) }],
    });
    let agreements: Vec<Value> = (0..rng.range(3, 6))
        .map(|n| agreement(company, n))
        .collect();
    let credit_count = if index == 0 { 36 } else { rng.range(12, 30) };
    let discounts: Vec<Value> = (0..credit_count)
        .map(|n| credit(shared, index, n, false))
        .collect();
    let free_events: Vec<Value> = (0..credit_count)
        .map(|n| credit(shared, index, n, true))
        .collect();
    let mut body = json!({
        "user": user,
        "user_valid": true,
        "agreements": agreements,
        "app": { "application_id": 17, "company_id": company, "type": "application" },
        "branding": "zooza",
        "company": { "id": company_number, "name": "Sandbox Swim School", "currency": "EUR", "timezone": "Europe/Bratislava", "region": "eu" },
        "widgets": [
            { "id": 1, "application_id": 17, "url": "https://sandbox-swim.example/booking", "options": { "theme": "light", "show_prices": true } },
            { "id": 2, "application_id": 17, "url": "https://sandbox-swim.example/calendar", "options": {} },
        ],
        "msg": {},
        "discounts": discounts,
        "free_events": free_events,
        "credit_balance": { "EUR": rng.below(200), "credits": rng.below(12) },
    });
    if has_odd_json(index) {
        body["x_sandbox_future_field"] = future_field();
    }
    body
}

fn agreement(company: &str, n: u64) -> Value {
    let (name, kind, target, apply) = [
        (
            "I agree with the |AGREEMENT_URL|",
            "checkbox",
            "registration",
            "everyone",
        ),
        (
            "Photos may be taken during lessons",
            "radio",
            "registration",
            "course",
        ),
        ("Terms of sale", "none", "checkout", "everyone"),
        ("Newsletter", "checkbox", "registration", "everyone"),
        (
            "Feedback may be published",
            "checkbox",
            "feedback",
            "feedback",
        ),
        (
            "Internal code of conduct",
            "checkbox",
            "registration",
            "members",
        ),
    ][(n % 6) as usize];
    json!({
        "id": 900 + n,
        "agreement_id": 90 + n,
        "company_id": company,
        "order": n,
        "name": name,
        "title": format!("{name} (v{})", n + 1),
        "description": "Full text of the agreement. Sandbox data.",
        "mandatory": n.is_multiple_of(2),
        "valid_from": rfc3339(1_672_531_200 + n as i64 * 86_400),
        "type": kind,
        "for": target,
        "created": rfc3339(1_672_531_200),
        "updated": rfc3339(1_672_531_200 + 3_600),
        "apply_for": apply,
        "region": "eu",
        "courses": if apply == "course" { json!([31, 32]) } else { json!([]) },
    })
}

/// One credit. Rules on `n`: `n % 7 == 3` expired but still active; `n % 7 == 5` expiring within a
/// week of the sandbox's fixed "now"; attendance states cycle through every value.
fn credit(shared: &Shared, index: u64, n: u64, free_event: bool) -> Value {
    let mut rng = Rng::new(
        shared.seed,
        ZOOZA,
        index,
        100 + n * 2 + u64::from(free_event),
    );
    let id = (user_id(index) * 100 + n) * 2 + u64::from(free_event);
    let kind = if free_event {
        "free_event"
    } else {
        CREDIT_TYPES[(n % 5) as usize]
    };
    let created = NOW_EPOCH_SECS - rng.range(30, 700) as i64 * 86_400;
    let (expiration, expired, active) = match n % 7 {
        3 => (
            NOW_EPOCH_SECS - rng.range(1, 90) as i64 * 86_400,
            true,
            true,
        ),
        5 => (
            NOW_EPOCH_SECS + rng.range(1, 7) as i64 * 86_400,
            false,
            true,
        ),
        6 => (NOW_EPOCH_SECS - 86_400 * 10, true, false),
        _ => (
            NOW_EPOCH_SECS + rng.range(30, 365) as i64 * 86_400,
            false,
            true,
        ),
    };
    let used = n % 4 == 1;
    let event_base = 70_000 + index * 50 + n * 3;
    let events: Vec<Value> = (0..rng.range(1, 3))
        .map(|e| event(&mut rng, index, event_base + e))
        .collect();
    let attendance: Vec<Value> = (0..rng.range(1, 4))
        .map(|a| {
            json!({
                "id": id * 10 + a,
                "event_id": event_base + a % 3,
                "registration_id": user_id(index) * 10,
                "attendance": ATTENDANCE[((n * 4 + a + index) % 9) as usize],
                "replacement_for": if a == 0 { 0 } else { id * 10 + a - 1 },
                "resolution": if a % 2 == 0 { "credit_issued" } else { "" },
                "created": rfc3339(created + a as i64 * 3_600),
                "modified": rfc3339(created + a as i64 * 7_200),
                "cancellation_reason": if a % 3 == 1 { "Sick child" } else { "" },
                "credit_id": id,
            })
        })
        .collect();
    let mut body = json!({
        "id": id,
        "type": kind,
        "active": active,
        "origin_user_id": user_id(index),
        "origin_company_id": shared.credentials.zooza_company_id,
        "origin_order_id": 40_000 + index,
        "origin_event_id": event_base,
        "origin_attendance_id": id * 10,
        "used_on_user_id": if used { user_id(index) } else { 0 },
        "used_on_company_id": if used { shared.credentials.zooza_company_id } else { 0 },
        "used_on_order_id": if used { 40_000 + index } else { 0 },
        "used_on_event_id": if used { event_base + 1 } else { 0 },
        "used_on_attendance_id": if used { id * 10 + 1 } else { 0 },
        "value": (VALUES[(n % 5) as usize]),
        "code": format!("SBX-{:06}", id % 1_000_000),
        "settings": "{}",
        "expiration": rfc3339(expiration),
    });
    if used {
        body["used"] = json!(rfc3339(created + 86_400 * 3));
        body["used_by"] = json!(user_id(index));
    }
    body["usage"] = json!(if used { "used" } else { "not_used" });
    body["created"] = json!(rfc3339(created));
    body["created_by"] = json!(if n.is_multiple_of(3) {
        "system"
    } else {
        "trainer"
    });
    body["updated"] = json!(rfc3339(created + 86_400));
    body["expired"] = json!(expired);
    body["events"] = Value::Array(events);
    body["attendance"] = Value::Array(attendance);
    body
}

fn event(rng: &mut Rng, index: u64, id: u64) -> Value {
    let start = NOW_EPOCH_SECS + (rng.range(0, 120) as i64 - 60) * 86_400 + 9 * 3_600;
    let title = COURSES[((id + index) % 6) as usize];
    let name = match crate::sandbox::generate::hostile_kind(index) {
        Some(kind) if kind != HostileKind::Nulls => kind.taint(title),
        _ => title.to_owned(),
    };
    json!({
        "id": id,
        "name": name,
        "status": if id % 5 == 4 { "unplanned" } else { "scheduled" },
        "date": rfc3339(start),
        "happened": start < NOW_EPOCH_SECS,
        "live_stream": 0,
        "has_live_stream": false,
        "replacement": id.is_multiple_of(3),
        "end": rfc3339(start + 2_700),
        "duration": 45,
        "cancellation_limit": rfc3339(start - 86_400),
        "can_cancel": start - 86_400 > NOW_EPOCH_SECS,
        "has_video": false,
        "has_files": id.is_multiple_of(4),
        "places": { "id": 5, "name": "Aquapark Pool B" },
        "courses": { "id": 31 + id % 4, "name": title },
        "trainers": { "id": 12, "full_name": "Marta Kováčová" },
        "additional_trainers": [{ "role": "assistant", "full_name": "Peter Horváth" }],
    })
}
