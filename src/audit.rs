//! Audits: rules that read a user's record and report findings (an id, a severity, a title and
//! the evidence: the jq path and the value that triggered it), the scan that runs them over every
//! user of a profile, the report formats and the audit trail.
//!
//! Adding a rule is one function in the provider's file (`audit/<provider>.rs`), one line in that
//! file's `RULES` table, and its tests.

mod json_readers;
mod quip;
pub mod report;
pub mod rule;
pub mod scan;
mod scanova;
pub mod trail;
mod zoo;
mod zooza;

pub use rule::{AuditSettings, AuditedRecord, Evidence, Finding, Rule, Severity};

use crate::model::UserRecord;

/// Every rule userscope knows, provider by provider.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    zoo::RULES
        .iter()
        .chain(zooza::RULES)
        .chain(quip::RULES)
        .chain(scanova::RULES)
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    all_rules().find(|rule| rule.id == id)
}

/// The rules to run: those named in `only` (all when `None`), minus `disabled`. An unknown id in
/// either list is an error naming the known ones, so a typo never silently changes an audit.
pub fn select_rules(
    only: Option<&[String]>,
    disabled: &[String],
) -> Result<Vec<&'static Rule>, String> {
    let unknown: Vec<&str> = only
        .into_iter()
        .flatten()
        .chain(disabled)
        .map(|id| id.trim())
        .filter(|id| rule(id).is_none())
        .collect();
    if !unknown.is_empty() {
        let known: Vec<&str> = all_rules().map(|rule| rule.id).collect();
        return Err(format!(
            "unknown audit rule {}; known rules: {}",
            unknown.join(", "),
            known.join(", ")
        ));
    }
    Ok(all_rules()
        .filter(|rule| only.is_none_or(|only| only.iter().any(|id| id.trim() == rule.id)))
        .filter(|rule| !disabled.iter().any(|id| id.trim() == rule.id))
        .collect())
}

/// Runs the rules for the record's provider over one record.
pub fn evaluate(
    record: &UserRecord,
    profile: &str,
    rules: &[&'static Rule],
    settings: &AuditSettings,
) -> Vec<Finding> {
    // One AuditedRecord for all the rules, so the walks they share are made once.
    let audited = AuditedRecord::new(record);
    let mut findings = Vec::new();
    for rule in rules.iter().filter(|rule| rule.provider == record.provider) {
        findings.extend(
            (rule.check)(&audited, settings)
                .into_iter()
                .map(|evidence| Finding::new(rule, record, profile, evidence)),
        );
    }
    findings
}

/// What auditing one record takes (the profile, the rules, the settings), bundled so the audit
/// can run off the loop beside a big record's mapping.
#[derive(Debug, Clone)]
pub struct RecordAudit {
    /// The profile the findings are reported under.
    pub profile: String,
    /// The rules to run.
    pub rules: Vec<&'static Rule>,
    /// Thresholds and the time to judge by.
    pub settings: AuditSettings,
}

impl RecordAudit {
    /// The record's findings, the most severe first, then by rule, each rule's in the order
    /// it found them.
    ///
    /// The rules run in that order, so the findings come out sorted: a stable sort of them
    /// afterwards took a scratch buffer as big as the findings (3.6 MB of the 31 MB record's
    /// 15,000, at its peak memory).
    pub fn findings(&self, record: &UserRecord) -> Vec<Finding> {
        let mut rules = self.rules.clone();
        rules.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.id.cmp(b.id)));
        evaluate(record, &self.profile, &rules, &self.settings)
    }
}

#[cfg(test)]
mod tests;
