//! Zooza rules, over the `GET /user` record (`user`, `agreements`, `discounts`, `free_events`...).
//! A record made of another user's registrations and orders (no token of theirs) has none of
//! these, so no rule fires on it.

use std::cell::Cell;
use std::fmt::Write as _;

use chrono::Duration;
use serde_json::Value;

use super::rule::{
    AuditSettings, AuditedRecord, CreditWalk, Evidence, KeyHint, Rule, Severity, field, flag,
    lookup,
};
use crate::json_index::{JsonRef, Kind};
use crate::model::ProviderKind;
use crate::model::UserRecord;

const KIND: ProviderKind = ProviderKind::Zooza;

/// Zooza's rules.
pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "zooza.inactive_role",
        provider: KIND,
        severity: Severity::Low,
        title: "Inactive role",
        description: "the user's role is inactive (`inactive_customer`, or `inactive` in the company)",
        check: inactive_role,
    },
    Rule {
        id: "zooza.credit_expired_active",
        provider: KIND,
        severity: Severity::Medium,
        title: "Credit expired but still active",
        description: "a credit (discount or free event) is expired, by its flag or its date, yet active",
        check: credit_expired_active,
    },
    Rule {
        id: "zooza.credit_expiring_soon",
        provider: KIND,
        severity: Severity::Info,
        title: "Credit expiring soon",
        description: "an active credit expires within `expiring_within_days`",
        check: credit_expiring_soon,
    },
    Rule {
        id: "zooza.noshows",
        provider: KIND,
        severity: Severity::Low,
        title: "Many no-shows",
        description: "more `noshow` attendance rows than `max_noshows`",
        check: noshows,
    },
    Rule {
        id: "zooza.mandatory_agreement_unaccepted",
        provider: KIND,
        severity: Severity::Medium,
        title: "Mandatory agreement not accepted",
        description: "a mandatory agreement the record marks as not accepted (see the note on the wire format)",
        check: mandatory_agreement_unaccepted,
    },
];

/// The two lists that hold credits.
const CREDIT_LISTS: [&str; 2] = ["discounts", "free_events"];

/// The array under `key` of an object (empty when absent or not an array). A plain key lookup:
/// these rules run over tens of credits per record, so no pointer parsing, no allocation and no
/// hashing.
fn array<'a>(json: &'a Value, key: &str) -> &'a [Value] {
    field(json, key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn inactive_role(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let inactive = |value: Option<&Value>| {
        value
            .and_then(Value::as_str)
            .map(|role| role.trim().to_ascii_lowercase())
            .is_some_and(|role| role == "inactive" || role == "inactive_customer")
    };
    if inactive(lookup(json, "/user/role")) {
        return vec![Evidence::at(json, "/user/role")];
    }
    field(json, "user")
        .map_or(&[][..], |user| array(user, "companies"))
        .iter()
        .position(|company| inactive(field(company, "role")))
        .map(|index| Evidence::at(json, &format!("/user/companies/{index}/role")))
        .into_iter()
        .collect()
}

/// An active credit, as the walk judges it.
struct ActiveCredit<'v> {
    /// `discounts` or `free_events`.
    list: &'static str,
    /// Its position in the list.
    index: usize,
    /// Its `id`, for a finding's title.
    id: Option<JsonRef<'v>>,
}

impl ActiveCredit<'_> {
    /// Evidence at one of its fields, with the credit's label as the note.
    fn evidence(&self, key: &str, value: JsonRef<'_>, note: String) -> Evidence {
        // Sized up front (`format!` guesses short and grows): there is one per finding.
        let mut path = String::with_capacity(self.list.len() + key.len() + 24);
        let _ = write!(path, ".{}[{}].{key}", self.list, self.index);
        Evidence::found(path, &value.to_cow()).note(note)
    }

    /// `credit 200200`, with room for what a rule appends.
    fn label(&self) -> String {
        let mut label = String::with_capacity(48);
        label.push_str("credit");
        match self.id {
            Some(id) if id.kind() == Kind::Number => {
                label.push(' ');
                id.write_json(&mut label);
            }
            Some(id) if id.kind() == Kind::String => {
                label.push(' ');
                label.push_str(&crate::sanitize::one_line(&id.as_str().unwrap_or_default()));
            }
            _ => {}
        }
        label
    }
}

/// The record's credit walk, made by the first rule that asks.
fn credit_walk<'r>(record: &'r AuditedRecord<'_>, settings: &AuditSettings) -> &'r CreditWalk {
    record
        .zooza_credits
        .get_or_init(|| walk_credits(record.record(), settings))
}

/// The entries of a credit the walk reads, in `credit_entries` order.
const WALKED_KEYS: [&str; 5] = ["attendance", "active", "id", "expired", "expiration"];

/// A credit's `WALKED_KEYS`. A parsed credit has its keys where the one before had them, so each
/// key is looked for there first (`hints`): a credit is two dozen entries of ~100 bytes, and
/// reading them is what costs, much more than comparing keys (hashing them costs more still). An
/// indexed credit's entries are read in one pass.
fn credit_entries<'v>(
    credit: JsonRef<'v>,
    hints: &mut [KeyHint; WALKED_KEYS.len()],
) -> [Option<JsonRef<'v>>; WALKED_KEYS.len()] {
    let mut found = [None; WALKED_KEYS.len()];
    match credit {
        JsonRef::Parsed(value) => {
            for ((slot, hint), key) in found.iter_mut().zip(hints).zip(WALKED_KEYS) {
                *slot = hint.get(value, key).map(JsonRef::Parsed);
            }
        }
        indexed @ JsonRef::Indexed { .. } => indexed.pick(&WALKED_KEYS, &mut found),
    }
    found
}

/// Whether an attendance row is a no-show.
fn is_noshow(row: JsonRef<'_>, hint: &mut KeyHint) -> bool {
    let state = match row {
        JsonRef::Parsed(value) => hint.get(value, "attendance").map(JsonRef::Parsed),
        indexed @ JsonRef::Indexed { .. } => indexed.get("attendance"),
    };
    state.and_then(JsonRef::as_str).as_deref() == Some("noshow")
}

fn walk_credits(record: &UserRecord, settings: &AuditSettings) -> CreditWalk {
    let now = settings.now_for(record);
    let horizon = now + Duration::days(i64::from(settings.expiring_within_days));
    let mut expired_active = Vec::new();
    let mut expiring_soon = Vec::new();
    let mut noshows = 0;
    let mut hints = [KeyHint::default(); WALKED_KEYS.len()];
    let mut row_hint = KeyHint::default();
    // A big record's credits are read in place from its index (`model::lists`).
    let lists = record.lists();
    for list in CREDIT_LISTS {
        for (index, credit) in lists.items(list).enumerate() {
            let [attendance, active, id, expired, expiration] = credit_entries(credit, &mut hints);
            if let Some(rows) = attendance {
                noshows += rows
                    .items()
                    .filter(|row| is_noshow(*row, &mut row_hint))
                    .count() as u64;
            }
            if flag(active.map(JsonRef::to_cow).as_deref()) != Some(true) {
                continue;
            }
            let active = ActiveCredit { list, index, id };
            let expired = expired.and_then(|value| Some((flag(Some(&value.to_cow()))?, value)));
            let expiration = expiration.and_then(|value| {
                let time = crate::json::fields::parse_time(value.as_str()?.trim())?;
                Some((time, value))
            });
            // Expired, by its date first, else by its flag.
            match (expiration, expired) {
                (Some((time, value)), _) if time <= now => {
                    expired_active.push(active.evidence("expiration", value, active.label()));
                }
                (_, Some((true, value))) => {
                    expired_active.push(active.evidence("expired", value, active.label()));
                }
                (Some((time, value)), _) if time <= horizon => {
                    let days = (time - now).num_days();
                    let mut note = active.label();
                    let _ = write!(note, " in {days} days");
                    expiring_soon.push(active.evidence("expiration", value, note));
                }
                _ => {}
            }
        }
    }
    CreditWalk {
        expired_active: Cell::new(expired_active),
        expiring_soon: Cell::new(expiring_soon),
        noshows,
    }
}

fn credit_expired_active(record: &AuditedRecord<'_>, settings: &AuditSettings) -> Vec<Evidence> {
    credit_walk(record, settings).expired_active.take()
}

fn credit_expiring_soon(record: &AuditedRecord<'_>, settings: &AuditSettings) -> Vec<Evidence> {
    credit_walk(record, settings).expiring_soon.take()
}

/// The jq expression that counts no-shows, so the evidence can be checked with `jq`.
const NOSHOW_EXPRESSION: &str = r#"[.discounts[]?, .free_events[]? | .attendance[]? | select(.attendance == "noshow")] | length"#;

fn noshows(record: &AuditedRecord<'_>, settings: &AuditSettings) -> Vec<Evidence> {
    let count = credit_walk(record, settings).noshows;
    if count > settings.max_noshows {
        vec![
            Evidence::computed(NOSHOW_EXPRESSION, Value::from(count))
                .note(format!("{count} > {}", settings.max_noshows)),
        ]
    } else {
        Vec::new()
    }
}

/// Keys an agreement could carry to say whether this user accepted it.
///
/// The wire format cannot tell: Zooza v1's `GET /user` lists the company's agreements
/// (`Resource_Agreement`: `mandatory`, `valid_from`, `type`, `for`...) with no per-user acceptance
/// field, and no other endpoint returns consents. So this rule uses the best signal available: an
/// explicit acceptance key on a mandatory agreement (any of these, as an API version or proxy may
/// add one) that is false or null. On the published format, and so on the sandbox, it never fires;
/// an agreement whose `mandatory` is masked (absent) is not treated as mandatory.
const ACCEPTANCE_KEYS: &[&str] = &[
    "accepted",
    "is_accepted",
    "user_accepted",
    "agreed",
    "accepted_at",
    "agreed_at",
    "accepted_on",
];

fn mandatory_agreement_unaccepted(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let mut found = Vec::new();
    for (index, agreement) in array(json, "agreements").iter().enumerate() {
        if flag(field(agreement, "mandatory")) != Some(true) {
            continue;
        }
        let Some(key) = ACCEPTANCE_KEYS
            .iter()
            .find(|key| field(agreement, key).is_some())
        else {
            continue;
        };
        // A flag, or a time: accepted when true / non-zero / a non-empty text that is not "false".
        let value = field(agreement, key);
        let accepted = match value {
            None | Some(Value::Null) => false,
            Some(Value::String(text)) => !text.trim().is_empty() && flag(value) != Some(false),
            Some(Value::Bool(_) | Value::Number(_)) => flag(value) == Some(true),
            Some(_) => true,
        };
        if !accepted {
            let title = field(agreement, "title")
                .or_else(|| field(agreement, "name"))
                .and_then(Value::as_str)
                .map_or_else(
                    || format!("agreement #{}", index + 1),
                    crate::sanitize::one_line,
                );
            found.push(Evidence::at(json, &format!("/agreements/{index}/{key}")).note(title));
        }
    }
    found
}
