//! Scanova routes under `/scanova` (Django REST Framework style): the shared-user list
//! (`/multi-users/?page=`, also `/shared-user/`) and the detail (`/multi-users/{id}/`,
//! `/shared-user/{id}/`). Relationship ids are the index; the owner is 0.
//!
//! Rules by index: invitation state per `generate::scanova_invitation_state`; role by `index % 7`
//! (0–1 Manager, 2–3 Admin, 4–5 Viewer, 6 a custom role); `enforce_mfa` when `index % 4` is 1 or 3,
//! `mfa_enabled` when `index % 3 == 1`, `mfa_status` "Pending setup" when `index % 29 == 10`;
//! `has_usable_password` false when `index % 8 == 5`; `is_sso_login` when `index % 12 == 7`;
//! `is_social_signup` when `index % 10 == 3`; never logged in unless accepted (and not when
//! `index % 9 == 4`).

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::Shared;
use super::fault_layer::DrfUrls;
use super::generate::{
    HostileKind, InvitationState, NOW_EPOCH_SECS, Rng, SCANOVA, future_field, has_odd_json,
    ist_micros, person, scanova_invitation_state,
};
use super::reply::{Provider, error, ok, params};

/// Results per list page.
pub(crate) const PAGE_SIZE: u64 = 20;

fn authorize(shared: &Shared, headers: &HeaderMap) -> Result<(), Response> {
    match headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
    {
        Some(key) if key == shared.credentials.scanova_key => Ok(()),
        Some(_) => Err(error(
            shared,
            Provider::Scanova,
            StatusCode::UNAUTHORIZED,
            "authentication_failed",
            "Invalid API key.",
        )),
        None => Err(error(
            shared,
            Provider::Scanova,
            StatusCode::UNAUTHORIZED,
            "not_authenticated",
            "Authentication credentials were not provided.",
        )),
    }
}

/// (id, name, permission codes, `is_custom`)
fn access_level(index: u64) -> (u64, &'static str, &'static [&'static str], bool) {
    if index == 0 {
        return (
            0,
            "OWNER",
            &[
                "QR_CODE_CAN_ADD",
                "QR_CODE_CAN_VIEW",
                "QR_CODE_CAN_EDIT",
                "QR_CODE_CAN_DELETE",
                "USER_CAN_MANAGE",
                "BILLING_CAN_VIEW",
            ],
            false,
        );
    }
    match index % 7 {
        0 | 1 => (
            1,
            "Manager",
            &[
                "QR_CODE_CAN_ADD",
                "QR_CODE_CAN_VIEW",
                "QR_CODE_CAN_EDIT",
                "QR_CODE_CAN_DELETE",
            ],
            false,
        ),
        2 | 3 => (
            2,
            "Admin",
            &[
                "QR_CODE_CAN_ADD",
                "QR_CODE_CAN_VIEW",
                "QR_CODE_CAN_EDIT",
                "QR_CODE_CAN_DELETE",
                "USER_CAN_MANAGE",
            ],
            false,
        ),
        4 | 5 => (3, "Viewer", &["QR_CODE_CAN_VIEW"], false),
        _ => match (index / 7) % 3 {
            0 => (
                101,
                "Analyst",
                &["QR_CODE_CAN_VIEW", "ANALYTICS_CAN_VIEW"],
                true,
            ),
            1 => (
                102,
                "Billing Manager",
                &["BILLING_CAN_VIEW", "BILLING_CAN_EDIT"],
                true,
            ),
            _ => (
                103,
                "QR Designer",
                &["QR_CODE_CAN_ADD", "QR_CODE_CAN_EDIT"],
                true,
            ),
        },
    }
}

fn permission(code: &str) -> Value {
    let id = code
        .bytes()
        .fold(0u64, |acc, byte| (acc * 31 + u64::from(byte)) % 997);
    let words = code.to_lowercase().replace('_', " ");
    json!({ "id": id, "code": code, "name": words, "description": format!("Allows: {words}"), "is_boolean": true })
}

/// The shared-user object at `index`; `detail` adds `permissions` and `is_custom` to the access level.
fn shared_user(shared: &Shared, index: u64, detail: bool) -> Value {
    let who = person(shared.seed, SCANOVA, index);
    let mut rng = Rng::new(shared.seed, SCANOVA, index, 2);
    let state = scanova_invitation_state(index);
    let micros = |rng: &mut Rng| rng.below(1_000_000) as u32;
    let created_secs = who.created_secs;
    let (sent, accepted) = match state {
        InvitationState::Owner | InvitationState::NotSent => (None, None),
        InvitationState::Pending { age_days } => (
            Some(NOW_EPOCH_SECS - age_days as i64 * 86_400 - 3_600),
            None,
        ),
        InvitationState::Accepted => (
            Some(created_secs + 60),
            Some(created_secs + 60 + rng.range(600, 86_400 * 20) as i64),
        ),
    };
    let logged_in = match state {
        InvitationState::Owner => true,
        InvitationState::Accepted => index % 9 != 4,
        _ => false,
    };
    let last_login = logged_in.then(|| {
        ist_micros(
            NOW_EPOCH_SECS - rng.range(60, 86_400 * 200) as i64,
            micros(&mut rng),
        )
    });
    let enforce_mfa = matches!(index % 4, 1 | 3);
    let mfa_enabled = index % 3 == 1;
    let mfa_status = if index % 29 == 10 {
        "Pending setup"
    } else if mfa_enabled {
        "Enabled"
    } else {
        "Disabled"
    };
    let nulls = who.hostile == Some(HostileKind::Nulls);
    let text = |value: &str| if nulls { Value::Null } else { json!(value) };
    let (level_id, level_name, codes, is_custom) = access_level(index);
    let mut level = json!({ "id": level_id, "name": level_name });
    if detail {
        level["permissions"] = Value::Array(codes.iter().map(|code| permission(code)).collect());
        level["is_custom"] = json!(is_custom);
    }
    let tags: Vec<Value> = (0..rng.below(4))
        .map(|t| {
            let tag = (index + t * 3) % 6;
            let name = [
                "Marketing",
                "Retail stores",
                "Events",
                "Packaging",
                "Menu QR",
                "Print",
            ][tag as usize];
            json!({ "id": 10 + tag, "name": name })
        })
        .collect();
    let mut body = json!({
        "id": index,
        "shared_user": {
            "id": 40_000 + index * 3,
            "first_name": text(&who.first),
            "last_name": text(&who.last),
            "full_name": text(&who.full_name()),
            "email": who.email,
            "language": *rng.pick(&["en", "en", "hi", "de", "es"]),
            "is_shared": index != 0,
            "date_joined": ist_micros(created_secs, micros(&mut rng)),
            "last_login": last_login,
            "first_login": last_login.is_none(),
            "has_usable_password": index % 8 != 5,
            "is_social_signup": index % 10 == 3,
            "is_sso_login": index % 12 == 7,
            "enforce_mfa": enforce_mfa,
            "mfa_enabled": mfa_enabled,
            "mfa_status": mfa_status,
        },
        "access_level": level,
        "invitation_sent_on": sent.map(|secs| ist_micros(secs, 227_002)),
        "invitation_accepted_on": accepted.map(|secs| ist_micros(secs, 101_500)),
        "is_invitation_sent": sent.is_some(),
        "is_invitation_accepted": accepted.is_some(),
        "created": ist_micros(created_secs, 223_671),
        "modified": ist_micros(accepted.unwrap_or(created_secs) + 1, 227_109),
        "tags": tags,
    });
    if has_odd_json(index) {
        body["x_sandbox_future_field"] = future_field();
    }
    body
}

/// `GET /scanova/multi-users/?page=N` (1-based): `next`/`previous` are page numbers, or full URLs
/// under the `drf-urls` fault.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    Extension(DrfUrls(urls)): Extension<DrfUrls>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers) {
        return refused;
    }
    let pages = shared.users.div_ceil(PAGE_SIZE).max(1);
    let page = match params(raw.as_deref())
        .get("page")
        .map(|text| text.trim().parse::<u64>())
    {
        None => 1,
        Some(Ok(page)) if (1..=pages).contains(&page) => page,
        Some(_) => {
            return error(
                &shared,
                Provider::Scanova,
                StatusCode::NOT_FOUND,
                "not_found",
                "Invalid page.",
            );
        }
    };
    let start = (page - 1) * PAGE_SIZE;
    let results: Vec<Value> = (start..(start + PAGE_SIZE).min(shared.users))
        .map(|index| shared_user(&shared, index, false))
        .collect();
    let link = |target: u64| -> Value {
        if !urls {
            return json!(target);
        }
        let base = format!("http://{}/scanova/multi-users/", shared.addr);
        if target == 1 {
            json!(base)
        } else {
            json!(format!("{base}?page={target}"))
        }
    };
    ok(&json!({
        "count": shared.users,
        "next": if page < pages { link(page + 1) } else { Value::Null },
        "previous": if page > 1 { link(page - 1) } else { Value::Null },
        "results": results,
    }))
}

/// `GET /scanova/multi-users/{id}/` and `/scanova/shared-user/{id}/`
pub(crate) async fn detail(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Err(refused) = authorize(&shared, &headers) {
        return refused;
    }
    match id.parse::<u64>().ok().filter(|&index| index < shared.users) {
        Some(index) => ok(&shared_user(&shared, index, true)),
        None => error(
            &shared,
            Provider::Scanova,
            StatusCode::NOT_FOUND,
            "not_found",
            "Not found.",
        ),
    }
}
