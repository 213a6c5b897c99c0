//! Quip rules, over the Admin API user (`/1/admin/users/{id}`).

use serde_json::Value;

use super::rule::{AuditSettings, AuditedRecord, Evidence, Rule, Severity, field, flag, lookup};
use crate::model::ProviderKind;
use crate::model::UserRecord;

const KIND: ProviderKind = ProviderKind::Quip;

/// Quip's rules.
pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "quip.disabled",
        provider: KIND,
        severity: Severity::Medium,
        title: "Disabled",
        description: "the account is disabled",
        check: disabled,
    },
    Rule {
        id: "quip.robot",
        provider: KIND,
        severity: Severity::Low,
        title: "Robot account",
        description: "the account is a robot (`is_robot`)",
        check: robot,
    },
    Rule {
        id: "quip.partial_answer",
        provider: KIND,
        severity: Severity::Info,
        title: "Restricted or partial answer",
        description: "the answer carries an `error` field: it is restricted or incomplete",
        check: partial_answer,
    },
];

fn is_true(record: &UserRecord, pointer: &str) -> Vec<Evidence> {
    if flag(lookup(&record.json, pointer)) == Some(true) {
        vec![Evidence::at(&record.json, pointer)]
    } else {
        Vec::new()
    }
}

fn disabled(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    is_true(record, "/disabled")
}

fn robot(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    is_true(record, "/is_robot")
}

fn partial_answer(record: &AuditedRecord<'_>, _: &AuditSettings) -> Vec<Evidence> {
    let found = match field(&record.json, "error") {
        None | Some(Value::Null | Value::Bool(false)) => false,
        Some(Value::String(text)) => !text.trim().is_empty(),
        Some(Value::Array(items)) => !items.is_empty(),
        Some(Value::Object(map)) => !map.is_empty(),
        Some(_) => true,
    };
    if found {
        vec![Evidence::at(&record.json, "/error")]
    } else {
        Vec::new()
    }
}
