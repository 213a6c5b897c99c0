//! Zooza's credits (`discounts`, `free_events`): counts as of the fetch time, and one line per
//! credit, event and attendance for the detail pane; the small value helpers the records share.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use crate::json::fields::{SectionBuilder, flag_of, id_text_of, jq_path};
use crate::json_index::{JsonRef, Kind};
use crate::model::FieldValue;

/// Credits expiring within this many days are flagged.
const EXPIRING_SOON_DAYS: i64 = 30;

pub(super) use crate::json::fields::parse_time;

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
        counts.add(JsonRef::Parsed(item), now);
    }
    counts
}

/// The entries of a credit that its counts read, in `pick` order.
const COUNTED_KEYS: [&str; 3] = ["expiration", "expired", "active"];

impl CreditCounts {
    /// Counts one more credit as of `now`.
    fn add(&mut self, item: JsonRef<'_>, now: DateTime<Utc>) {
        let mut found = [None; COUNTED_KEYS.len()];
        item.pick(&COUNTED_KEYS, &mut found);
        let [expiration, expired, active] = found;
        self.add_entries(expiration, expired, active, now);
    }

    /// Counts one more credit, given its `expiration`, `expired` and `active` entries.
    fn add_entries(
        &mut self,
        expiration: Option<JsonRef<'_>>,
        expired: Option<JsonRef<'_>>,
        active: Option<JsonRef<'_>>,
        now: DateTime<Utc>,
    ) {
        self.total += 1;
        let expiration = expiration
            .and_then(JsonRef::as_str)
            .and_then(|text| parse_time(&text));
        let expired = flag_of(expired) == Some(true) || expiration.is_some_and(|time| time <= now);
        if expired {
            self.expired += 1;
            return;
        }
        if flag_of(active) != Some(false) {
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
    short_text(JsonRef::Parsed(json.pointer(pointer)?))
}

fn short_text(value: JsonRef<'_>) -> Option<String> {
    match value.kind() {
        Kind::Null => None,
        Kind::String => value
            .as_str()
            .filter(|text| !text.is_empty())
            .map(Cow::into_owned),
        _ => {
            let mut text = String::new();
            value.write_json(&mut text);
            Some(text)
        }
    }
}

/// The most parts a `describe` line has, with the other entries read in the same pass.
const MAX_PARTS: usize = 32;

/// An object's entries read in one pass: those its `describe` line shows (`parts`), then `extra`
/// ones, each `None` when absent. A credit has two dozen entries and the overview needs nearly
/// all of them: reading them once costs less than looking each up (indexed entries are found by
/// a scan, parsed ones by hashing).
struct Entries<'p, 'v> {
    parts: &'p [(&'p str, &'p str)],
    extra: &'p [&'p str],
    found: [Option<JsonRef<'v>>; MAX_PARTS],
}

impl<'p, 'v> Entries<'p, 'v> {
    fn read(json: JsonRef<'v>, parts: &'p [(&'p str, &'p str)], extra: &'p [&'p str]) -> Self {
        let parts = &parts[..parts.len().min(MAX_PARTS)];
        let extra = &extra[..extra.len().min(MAX_PARTS - parts.len())];
        let mut found = [None; MAX_PARTS];
        json.pick_by(&mut found, |name| {
            parts
                .iter()
                .position(|(_, key)| key.as_bytes() == name)
                .or_else(|| {
                    let extra = extra.iter().position(|key| key.as_bytes() == name)?;
                    Some(parts.len() + extra)
                })
        });
        Self {
            parts,
            extra,
            found,
        }
    }

    /// The entry under `key` (a part's or an extra one).
    fn get(&self, key: &str) -> Option<JsonRef<'v>> {
        let at = self
            .parts
            .iter()
            .position(|(_, part)| *part == key)
            .or_else(|| Some(self.parts.len() + self.extra.iter().position(|k| *k == key)?))?;
        self.found[at]
    }

    /// `label value` pairs of the parts present, joined with ", ".
    fn describe(&self) -> String {
        // Sized once from the parts' byte lengths where they are known (read in place): a
        // record has hundreds of these lines, and growing each one costs several copies.
        let size = self
            .parts
            .iter()
            .zip(self.found)
            .filter_map(|((label, _), value)| Some(label.len() + 3 + value?.sent_len()?))
            .sum();
        let mut text = String::with_capacity(size);
        for ((label, _), value) in self.parts.iter().zip(self.found) {
            let Some(value) = value else { continue };
            let string = match value.kind() {
                Kind::Null => continue,
                Kind::String => match value.as_str() {
                    Some(string) if string.is_empty() => continue,
                    string => string,
                },
                _ => None,
            };
            if !text.is_empty() {
                text.push_str(", ");
            }
            if !label.is_empty() {
                text.push_str(label);
                text.push(' ');
            }
            match string {
                Some(string) => text.push_str(&string),
                None => value.write_json(&mut text),
            }
        }
        text
    }
}

/// `label value` pairs of the keys present, joined with ", ", written into one string: a record
/// has hundreds of these lines.
pub(super) fn describe<'v>(json: impl Into<JsonRef<'v>>, parts: &[(&str, &str)]) -> String {
    Entries::read(json.into(), parts, &[]).describe()
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
    items: impl Iterator<Item = JsonRef<'v>>,
    key: &str,
    noun: &str,
    now: DateTime<Utc>,
    attendance: &mut BTreeMap<String, usize>,
) -> SectionBuilder<'a> {
    let mut counts = CreditCounts::default();
    let mut lines = SectionBuilder::new(&Value::Null, "");
    for (index, item) in items.enumerate() {
        let entries = Entries::read(item, CREDIT_PARTS, CREDIT_EXTRA);
        counts.add_entries(
            entries.get("expiration"),
            entries.get("expired"),
            entries.get("active"),
            now,
        );
        let rows = entries
            .get("attendance")
            .into_iter()
            .flat_map(JsonRef::items);
        let rows: Vec<Entries<'_, '_>> = rows
            .map(|row| Entries::read(row, ATTENDANCE_PARTS, &["id"]))
            .collect();
        for row in &rows {
            let state = row
                .get("attendance")
                .and_then(short_text)
                .unwrap_or_else(|| "(none)".to_owned());
            *attendance.entry(state).or_default() += 1;
        }
        if index < OVERVIEW_CREDITS {
            lines = credit_lines(lines, &entries, &rows, key, index, noun);
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

/// Entries of a credit read beside its `describe` parts.
const CREDIT_EXTRA: &[&str] = &["id", "events", "attendance"];

/// The lines of one credit: itself, its events and its attendance rows (`rows`, read already).
fn credit_lines<'a>(
    mut section: SectionBuilder<'a>,
    credit: &Entries<'_, '_>,
    rows: &[Entries<'_, '_>],
    key: &str,
    index: usize,
    noun: &str,
) -> SectionBuilder<'a> {
    let id = id_text_of(credit.get("id")).unwrap_or_else(|| format!("#{}", index + 1));
    let base = format!("/{key}/{index}");
    section = section.computed(
        &format!("{noun} {id}"),
        &base,
        FieldValue::Text(credit.describe()),
    );
    let events = credit.get("events").into_iter().flat_map(JsonRef::items);
    for (event_index, event) in events.enumerate() {
        let event = Entries::read(event, EVENT_PARTS, &["id"]);
        let event_id = id_text_of(event.get("id")).unwrap_or_default();
        section = section.computed(
            &format!("{noun} {id} event {event_id}"),
            &format!("{base}/events/{event_index}"),
            FieldValue::Text(event.describe()),
        );
    }
    for (row_index, row) in rows.iter().enumerate() {
        let row_id = id_text_of(row.get("id")).unwrap_or_default();
        section = section.computed(
            &format!("{noun} {id} attendance {row_id}"),
            &format!("{base}/attendance/{row_index}"),
            FieldValue::Text(row.describe()),
        );
    }
    section
}

#[cfg(test)]
mod tests;
