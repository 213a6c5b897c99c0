//! Zooza rules, over the `GET /user` record (`user`, `agreements`, `discounts`, `free_events`...).
//! A record made of another user's registrations and orders (no token of theirs) has none of
//! these, so no rule fires on it.

use chrono::Duration;
use serde_json::Value;

use super::rule::{AuditSettings, Evidence, Rule, Severity, field, flag, parse_time};
use crate::model::UserRecord;
use crate::provider::zooza::NAME;

/// Zooza's rules.
pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "zooza.inactive_role",
        provider: NAME,
        severity: Severity::Low,
        title: "Inactive role",
        description: "the user's role is inactive (`inactive_customer`, or `inactive` in the company)",
        check: inactive_role,
    },
    Rule {
        id: "zooza.credit_expired_active",
        provider: NAME,
        severity: Severity::Medium,
        title: "Credit expired but still active",
        description: "a credit (discount or free event) is expired, by its flag or its date, yet active",
        check: credit_expired_active,
    },
    Rule {
        id: "zooza.credit_expiring_soon",
        provider: NAME,
        severity: Severity::Info,
        title: "Credit expiring soon",
        description: "an active credit expires within `expiring_within_days`",
        check: credit_expiring_soon,
    },
    Rule {
        id: "zooza.noshows",
        provider: NAME,
        severity: Severity::Low,
        title: "Many no-shows",
        description: "more `noshow` attendance rows than `max_noshows`",
        check: noshows,
    },
    Rule {
        id: "zooza.mandatory_agreement_unaccepted",
        provider: NAME,
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

fn inactive_role(record: &UserRecord, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let inactive = |value: Option<&Value>| {
        value
            .and_then(Value::as_str)
            .map(|role| role.trim().to_ascii_lowercase())
            .is_some_and(|role| role == "inactive" || role == "inactive_customer")
    };
    if inactive(json.pointer("/user/role")) {
        return vec![Evidence::at(json, "/user/role")];
    }
    json.get("user")
        .map_or(&[][..], |user| array(user, "companies"))
        .iter()
        .position(|company| inactive(company.get("role")))
        .map(|index| Evidence::at(json, &format!("/user/companies/{index}/role")))
        .into_iter()
        .collect()
}

/// Every credit with its list and position.
fn credits(json: &Value) -> impl Iterator<Item = (&'static str, usize, &Value)> {
    CREDIT_LISTS.into_iter().flat_map(move |list| {
        array(json, list)
            .iter()
            .enumerate()
            .map(move |(index, credit)| (list, index, credit))
    })
}

/// The pointer of a credit's field, built only for a finding.
fn credit_field(list: &str, index: usize, key: &str) -> String {
    format!("/{list}/{index}/{key}")
}

fn credit_label(credit: &Value) -> String {
    match credit.get("id") {
        Some(Value::Number(id)) => format!("credit {id}"),
        Some(Value::String(id)) => format!("credit {}", crate::sanitize::one_line(id)),
        _ => "credit".to_owned(),
    }
}

fn credit_expired_active(record: &UserRecord, settings: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let now = settings.now_for(record);
    let mut found = Vec::new();
    for (list, index, credit) in credits(json) {
        if flag(field(credit, "active")) != Some(true) {
            continue;
        }
        let expiration = field(credit, "expiration").and_then(parse_time);
        let evidence = if expiration.is_some_and(|time| time <= now) {
            Evidence::at(json, &credit_field(list, index, "expiration"))
        } else if flag(field(credit, "expired")) == Some(true) {
            Evidence::at(json, &credit_field(list, index, "expired"))
        } else {
            continue;
        };
        found.push(evidence.note(credit_label(credit)));
    }
    found
}

fn credit_expiring_soon(record: &UserRecord, settings: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let now = settings.now_for(record);
    let horizon = now + Duration::days(i64::from(settings.expiring_within_days));
    let mut found = Vec::new();
    for (list, index, credit) in credits(json) {
        if flag(field(credit, "active")) != Some(true)
            || flag(field(credit, "expired")) == Some(true)
        {
            continue;
        }
        let Some(expiration) = field(credit, "expiration").and_then(parse_time) else {
            continue;
        };
        if expiration > now && expiration <= horizon {
            let days = (expiration - now).num_days();
            found.push(
                Evidence::at(json, &credit_field(list, index, "expiration"))
                    .note(format!("{} in {days} days", credit_label(credit))),
            );
        }
    }
    found
}

/// The jq expression that counts no-shows, so the evidence can be checked with `jq`.
const NOSHOW_EXPRESSION: &str = r#"[.discounts[]?, .free_events[]? | .attendance[]? | select(.attendance == "noshow")] | length"#;

fn noshows(record: &UserRecord, settings: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let count = credits(json)
        .flat_map(|(_, _, credit)| array(credit, "attendance"))
        .filter(|row| field(row, "attendance").and_then(Value::as_str) == Some("noshow"))
        .count() as u64;
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

fn mandatory_agreement_unaccepted(record: &UserRecord, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let mut found = Vec::new();
    for (index, agreement) in array(json, "agreements").iter().enumerate() {
        if flag(agreement.get("mandatory")) != Some(true) {
            continue;
        }
        let Some(key) = ACCEPTANCE_KEYS
            .iter()
            .find(|key| agreement.get(**key).is_some())
        else {
            continue;
        };
        // A flag, or a time: accepted when true / non-zero / a non-empty text that is not "false".
        let value = agreement.get(*key);
        let accepted = match value {
            None | Some(Value::Null) => false,
            Some(Value::String(text)) => !text.trim().is_empty() && flag(value) != Some(false),
            Some(Value::Bool(_) | Value::Number(_)) => flag(value) == Some(true),
            Some(_) => true,
        };
        if !accepted {
            let title = agreement
                .get("title")
                .or_else(|| agreement.get("name"))
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
