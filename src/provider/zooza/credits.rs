//! Zooza's credits (`discounts`, `free_events`): counts as of the fetch time, and one line per
//! credit, event and attendance for the detail pane; the small value helpers the records share.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use super::super::fields::{SectionBuilder, bool_at, id_text, jq_path, str_at};
use crate::model::FieldValue;

/// Credits expiring within this many days are flagged.
const EXPIRING_SOON_DAYS: i64 = 30;

pub(super) use crate::provider::fields::parse_time;

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
    let mut counts = CreditCounts::default();
    for item in items {
        counts.add(item, now);
    }
    counts
}

impl CreditCounts {
    /// Counts one more credit as of `now`.
    fn add(&mut self, item: &Value, now: DateTime<Utc>) {
        self.total += 1;
        let expiration = str_at(item, "/expiration").and_then(parse_time);
        let expired =
            bool_at(item, "/expired") == Some(true) || expiration.is_some_and(|time| time <= now);
        if expired {
            self.expired += 1;
            return;
        }
        if bool_at(item, "/active") != Some(false) {
            self.active += 1;
        }
        if expiration.is_some_and(|time| time <= now + Duration::days(EXPIRING_SOON_DAYS)) {
            self.expiring_soon += 1;
        }
    }
}

pub(super) fn array_at<'a>(json: &'a Value, pointer: &str) -> &'a [Value] {
    json.pointer(pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A value as short text for a summary line (`None` for null/absent/empty).
pub(super) fn short(json: &Value, pointer: &str) -> Option<String> {
    short_text(json.pointer(pointer)?)
}

fn short_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) if text.is_empty() => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

/// `label value` pairs of the keys present, joined with ", ". Keys are looked up directly
/// (not as JSON pointers) and written into one string: a record has hundreds of these lines.
pub(super) fn describe(json: &Value, parts: &[(&str, &str)]) -> String {
    let mut text = String::new();
    for (label, key) in parts {
        let value = match json.get(key) {
            None | Some(Value::Null) => continue,
            Some(Value::String(value)) if value.is_empty() => continue,
            Some(value) => value,
        };
        if !text.is_empty() {
            text.push_str(", ");
        }
        if !label.is_empty() {
            text.push_str(label);
            text.push(' ');
        }
        match value {
            Value::String(value) => text.push_str(value),
            other => {
                let _ = write!(text, "{other}");
            }
        }
    }
    text
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

/// Credits of one list given a line (with lines for their events and attendance) in the
/// overview. A 31 MB record holds 17,500 credits: 79,000 lines and ~40 MB of text nobody reads
/// as an overview, where the tree labels and folds every one of them. The counts and the
/// attendance tally still cover every credit.
pub const OVERVIEW_CREDITS: usize = 200;

/// One credit list's counts and a line per credit, event and attendance (for the first
/// `OVERVIEW_CREDITS`), read in one pass over `items`; each attendance row's state is tallied
/// into `attendance`.
pub(super) fn credit_fields<'a, 'v>(
    mut section: SectionBuilder<'a>,
    items: impl Iterator<Item = Cow<'v, Value>>,
    key: &str,
    noun: &str,
    now: DateTime<Utc>,
    attendance: &mut BTreeMap<String, usize>,
) -> SectionBuilder<'a> {
    let mut counts = CreditCounts::default();
    let mut lines = SectionBuilder::new(&Value::Null, "");
    for (index, item) in items.enumerate() {
        counts.add(&item, now);
        for row in array_at(&item, "/attendance") {
            let state = short(row, "/attendance").unwrap_or_else(|| "(none)".to_owned());
            *attendance.entry(state).or_default() += 1;
        }
        if index < OVERVIEW_CREDITS {
            lines = credit_lines(lines, &item, key, index, noun);
        }
    }
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
    section = section.append(lines.build().fields);
    if counts.total > OVERVIEW_CREDITS {
        let more = counts.total - OVERVIEW_CREDITS;
        section = section.computed(
            &format!("{noun}: {more} more"),
            &pointer,
            FieldValue::Text(format!(
                "not listed here: the Tree tab (`{}`) shows and labels all {}",
                jq_path(&pointer),
                counts.total
            )),
        );
    }
    section
}

/// The lines of one credit: itself, its events and its attendance rows.
fn credit_lines<'a>(
    mut section: SectionBuilder<'a>,
    item: &Value,
    key: &str,
    index: usize,
    noun: &str,
) -> SectionBuilder<'a> {
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
    section
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        parse_time("2026-01-01T00:00:00Z").unwrap()
    }

    #[test]
    fn the_overview_lists_the_first_credits_and_counts_them_all() {
        let items: Vec<Value> = (0..OVERVIEW_CREDITS + 50)
            .map(|n| json!({"id": n, "active": true, "attendance": [{"attendance": "noshow"}]}))
            .collect();
        let mut tally = BTreeMap::new();
        let section = credit_fields(
            SectionBuilder::new(&Value::Null, "Credits"),
            items.iter().map(Cow::Borrowed),
            "discounts",
            "Discount",
            now(),
            &mut tally,
        )
        .build();
        let value = |label: &str| {
            section
                .fields
                .iter()
                .find(|field| field.label == label)
                .map(|field| field.value.clone())
        };
        assert_eq!(
            value("Discount: total"),
            Some(FieldValue::Number("250".into()))
        );
        assert!(value("Discount 199").is_some());
        assert!(value("Discount 200").is_none());
        assert!(matches!(
            value("Discount: 50 more"),
            Some(FieldValue::Text(text)) if text.contains("Tree tab (`.discounts`)") && text.contains("250")
        ));
        assert_eq!(tally["noshow"], 250, "every credit's attendance is tallied");
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
}
