//! Pure mapping of another Zooza user's record when no token of theirs gives the full
//! `GET /user`: their registrations (the primary body) and their orders.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::super::{DecodeError, ProviderError, parse_json};
use super::KIND;
use super::credits::{array_at, describe};
use super::map::person_name;
use crate::http::Response;
use crate::json::fields::{SectionBuilder, id_text, str_at, unknown_fields};
use crate::model::{FieldValue, Section, UserRecord, UserSummary};

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
    let mut bodies = vec![crate::provider::raw_body("registrations", registrations)];
    let (json, r, o) = match orders {
        Ok(orders) => {
            let orders_json = parse_json(orders)?;
            data_rows(&orders_json, &orders.path)?;
            bodies.push(crate::provider::raw_body("orders", orders));
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
        provider: KIND,
        id: id.to_owned(),
        summary,
        bodies,
        json,
        sections,
        threads: Vec::new(),
        fetched_at: now,
        deferred: false,
        big: None,
    })
}
