//! Zoo rules, over `UserAdminDetails` (alone, or as `admin_details` next to the `profile` body
//! when both came).

use serde_json::Value;

use super::rule::{
    AuditSettings, AuditedRecord, Evidence, Rule, Severity, child, count, field, items, lookup,
};
use crate::json::fields::jq_path;
use crate::model::ProviderKind;
use crate::model::UserRecord;

const KIND: ProviderKind = ProviderKind::Zoo;

/// Zoo's rules.
pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "zoo.blocked",
        provider: KIND,
        severity: Severity::High,
        title: "Blocked",
        description: "the account is blocked: one finding per block reason, unknown reasons kept as text",
        check: blocked,
    },
    Rule {
        id: "zoo.no_payment_method",
        provider: KIND,
        severity: Severity::Low,
        title: "No payment method",
        description: "`payment_methods` is empty",
        check: no_payment_method,
    },
    Rule {
        id: "zoo.payment_method_failed",
        provider: KIND,
        severity: Severity::Medium,
        title: "Payment method failed",
        description: "a card check failed (one finding per failed check), or the block reason is `payment_method_failed`",
        check: payment_method_failed,
    },
    Rule {
        id: "zoo.many_sessions",
        provider: KIND,
        severity: Severity::Medium,
        title: "Many active sessions",
        description: "more active sessions than `max_active_sessions`",
        check: many_sessions,
    },
    Rule {
        id: "zoo.many_api_tokens",
        provider: KIND,
        severity: Severity::Medium,
        title: "Many active API tokens",
        description: "more active API tokens than `max_api_tokens`",
        check: many_api_tokens,
    },
];

/// The block reasons the published `BlockReason` enum holds.
const KNOWN_BLOCKS: &[&str] = &[
    "missing_payment_method",
    "payment_method_failed",
    "billing_threshold_reached",
    "pay_as_you_go_disabled",
    "upgrade_downgrade_abuse",
    "admin",
];

/// The pointer of the admin details within the record's JSON.
fn details_pointer(json: &Value) -> &'static str {
    if field(json, "admin_details").is_some_and(Value::is_object) {
        "/admin_details"
    } else {
        ""
    }
}

/// Block reasons at `pointer`: a string, or (should Zoo ever send several) an array of strings.
fn block_reasons(json: &Value, pointer: &str) -> Vec<(String, String)> {
    match lookup(json, pointer) {
        Some(Value::String(reason)) if !reason.trim().is_empty() => {
            vec![(pointer.to_owned(), reason.clone())]
        }
        Some(Value::Array(reasons)) => reasons
            .iter()
            .enumerate()
            .filter_map(|(index, reason)| {
                let reason = reason.as_str().filter(|text| !text.trim().is_empty())?;
                Some((child(pointer, &index.to_string()), reason.to_owned()))
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn blocked(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let details = details_pointer(json);
    let mut reasons = block_reasons(json, &format!("{details}/block"));
    if !details.is_empty() {
        reasons.extend(block_reasons(json, "/profile/block"));
    }
    let mut seen: Vec<String> = Vec::new();
    let mut found = Vec::new();
    for (pointer, reason) in reasons {
        if seen.contains(&reason) {
            continue;
        }
        let note = if KNOWN_BLOCKS.contains(&reason.as_str()) {
            reason.clone()
        } else {
            format!("{reason} (a reason not in the published enum)")
        };
        found.push(Evidence::at(json, &pointer).note(note));
        seen.push(reason);
    }
    found
}

fn no_payment_method(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let pointer = format!("{}/payment_methods", details_pointer(json));
    match lookup(json, &pointer) {
        Some(Value::Array(methods)) if methods.is_empty() => vec![Evidence::at(json, &pointer)],
        _ => Vec::new(),
    }
}

fn payment_method_failed(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let json = &record.json;
    let details = details_pointer(json);
    let mut found: Vec<Evidence> = block_reasons(json, &format!("{details}/block"))
        .into_iter()
        .filter(|(_, reason)| reason == "payment_method_failed")
        .map(|(pointer, _)| Evidence::at(json, &pointer).note("blocked"))
        .collect();
    let methods = format!("{details}/payment_methods");
    for (index, method) in items(json, &methods).iter().enumerate() {
        let Some(Value::Object(checks)) = lookup(method, "/card/checks") else {
            continue;
        };
        for (check, result) in checks {
            if result
                .as_str()
                .is_some_and(|text| text.trim().eq_ignore_ascii_case("fail"))
            {
                // The value is at hand: no second walk down the pointer.
                let pointer = child(&format!("{methods}/{index}/card/checks"), check);
                found.push(Evidence::found(jq_path(&pointer), result).note(check.clone()));
            }
        }
    }
    found
}

fn above(record: &UserRecord, key: &str, max: u64) -> Vec<Evidence> {
    let json = &record.json;
    let pointer = format!("{}/{key}", details_pointer(json));
    match count(lookup(json, &pointer)) {
        Some(n) if n > max => vec![Evidence::at(json, &pointer).note(format!("{n} > {max}"))],
        _ => Vec::new(),
    }
}

fn many_sessions(record: &AuditedRecord<'_>, settings: &AuditSettings) -> Vec<Evidence> {
    above(
        record,
        "active_sessions_count",
        settings.max_active_sessions,
    )
}

fn many_api_tokens(record: &AuditedRecord<'_>, settings: &AuditSettings) -> Vec<Evidence> {
    above(record, "active_api_tokens_count", settings.max_api_tokens)
}
