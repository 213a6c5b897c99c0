//! The types every rule shares: severities, the evidence a rule returns, the finding it becomes,
//! the rule table entry and the settings (thresholds) from the config's `[audit]` table.
//! The JSON readers rules use live in `read` and are re-exported here.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use super::json_readers::{
    KeyHint, child, count, field, flag, items, lookup, parse_time, pointer_of,
};
use crate::json::fields::jq_path;
use crate::model::UserRecord;

/// How serious a finding is, in order: `Info < Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Minor.
    Low,
    /// Should be looked at.
    Medium,
    /// Should be fixed.
    High,
    /// Fix now.
    Critical,
}

impl Severity {
    /// Every severity, lowest first.
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// The lowercase name (`info`, `low`, `medium`, `high`, `critical`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;

    /// Case-insensitive, surrounding blanks ignored.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase();
        Severity::ALL
            .into_iter()
            .find(|severity| severity.as_str() == wanted)
            .ok_or_else(|| {
                format!("{text:?} is not a severity (info, low, medium, high, critical)")
            })
    }
}

impl TryFrom<String> for Severity {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

/// What a rule found in one record: where (a jq path, or for a count a jq expression that computes
/// it) and what the value there was.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// jq path of the evidence, e.g. `.shared_user.mfa_enabled`.
    pub path: String,
    /// The value at that path (or the computed value).
    pub value: Value,
    /// Detail appended to the rule's title, e.g. the age of an invitation.
    pub note: Option<String>,
}

impl Evidence {
    /// The value at a JSON pointer of `json` (null when absent), with its jq path.
    pub fn at(json: &Value, pointer: &str) -> Self {
        Self {
            path: jq_path(pointer),
            value: lookup(json, pointer).cloned().unwrap_or(Value::Null),
            note: None,
        }
    }

    /// A value a rule already holds, with its jq path: no pointer to parse, no second lookup.
    pub fn found(path: String, value: &Value) -> Self {
        Self {
            path,
            value: value.clone(),
            note: None,
        }
    }

    /// A value a rule computed, with the jq expression that computes it.
    pub fn computed(expression: &str, value: Value) -> Self {
        Self {
            path: expression.to_owned(),
            value,
            note: None,
        }
    }

    /// The same evidence with a note for the title.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// A rule's check: the evidence of each finding in one record (empty when none). Must never panic,
/// whatever the JSON: missing or odd fields yield no finding.
pub type Check = fn(&AuditedRecord<'_>, &AuditSettings) -> Vec<Evidence>;

/// A record as the rules see it: the record (it derefs to it, so a rule reads `record.json`) and
/// the walks over it that several rules share, each made at most once per record, by the first
/// rule that asks. A rule stays one function: it asks for the walk instead of walking.
pub struct AuditedRecord<'a> {
    record: &'a UserRecord,
    /// Zooza's credits, read once for its three credit rules (see `zooza::credit_walk`).
    pub(super) zooza_credits: std::cell::OnceCell<CreditWalk>,
}

/// What the three credit rules report, from one walk over every credit of the record: each
/// credit's entries are visited once, where three rules looking up their fields each walked them
/// again (the bulk of the time over 100,000 records). The walk writes each rule's evidence
/// directly rather than keeping the active credits for the rules to judge: a big record's
/// credits are decoded one at a time and dropped (`model::lists`), and 17,500 kept credits cost
/// more memory than the findings themselves.
///
/// It is made with the settings of the first rule that asks: one `AuditedRecord` serves one
/// evaluation, whose rules share their settings. Each rule takes its evidence once. It lives
/// here, beside the record that keeps it, so that this file names no provider's rules.
pub(super) struct CreditWalk {
    /// Evidence of `zooza.credit_expired_active`.
    pub(super) expired_active: std::cell::Cell<Vec<Evidence>>,
    /// Evidence of `zooza.credit_expiring_soon`.
    pub(super) expiring_soon: std::cell::Cell<Vec<Evidence>>,
    /// `noshow` attendance rows over every credit, active or not.
    pub(super) noshows: u64,
}

impl<'a> AuditedRecord<'a> {
    /// A record about to be audited; nothing is walked yet.
    pub fn new(record: &'a UserRecord) -> Self {
        Self {
            record,
            zooza_credits: std::cell::OnceCell::new(),
        }
    }

    /// The record, for the lifetime of its walks.
    pub fn record(&self) -> &'a UserRecord {
        self.record
    }
}

impl std::ops::Deref for AuditedRecord<'_> {
    type Target = UserRecord;

    fn deref(&self) -> &UserRecord {
        self.record
    }
}

/// One entry of a provider's rule table.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, `<provider>.<name>`.
    pub id: &'static str,
    /// The provider whose records it reads.
    pub provider: crate::model::ProviderKind,
    /// Default severity.
    pub severity: Severity,
    /// Short title of a finding.
    pub title: &'static str,
    /// What it checks, for the README and `--help`.
    pub description: &'static str,
    /// The check.
    pub check: Check,
}

/// One finding: a rule that fired on one user's record, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id, e.g. `scanova.mfa_off`.
    pub rule: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// The rule's title, with the evidence's note.
    pub title: String,
    /// The user's id (as the record was fetched by).
    pub user_id: String,
    /// The user's e-mail, when the record has one.
    pub email: String,
    /// jq path of the evidence.
    pub path: String,
    /// The evidence's value.
    pub value: Value,
    /// Provider name.
    pub provider: crate::model::ProviderKind,
    /// Profile name.
    pub profile: String,
    /// When the record was fetched.
    pub fetched_at: DateTime<Utc>,
}

impl Finding {
    /// A finding of `rule` on `record` from one piece of evidence.
    pub fn new(rule: &Rule, record: &UserRecord, profile: &str, evidence: Evidence) -> Self {
        // Sized up front: `format!` guesses short and grows the string, and an audit writes
        // hundreds of thousands of titles.
        let title = match evidence.note {
            Some(note) => {
                let mut title = String::with_capacity(rule.title.len() + 2 + note.len());
                title.push_str(rule.title);
                title.push_str(": ");
                title.push_str(&note);
                title
            }
            None => rule.title.to_owned(),
        };
        Self {
            rule: rule.id,
            severity: rule.severity,
            title,
            user_id: record.id.clone(),
            email: record.summary.email.clone(),
            path: evidence.path,
            value: evidence.value,
            provider: record.provider,
            profile: profile.to_owned(),
            fetched_at: record.fetched_at,
        }
    }
}

/// Audit settings: the config file's `[audit]` table, every key optional.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditSettings {
    /// Rule ids not to run.
    pub disabled_rules: Vec<String>,
    /// `userscope audit` exits 1 when a finding is at or above this (none: never).
    pub fail_on: Option<Severity>,
    /// `zoo.many_sessions` fires above this many active sessions.
    pub max_active_sessions: u64,
    /// `zoo.many_api_tokens` fires above this many active API tokens.
    pub max_api_tokens: u64,
    /// `zooza.credit_expiring_soon` looks this many days ahead.
    pub expiring_within_days: u32,
    /// `zooza.noshows` fires above this many no-shows.
    pub max_noshows: u64,
    /// `scanova.invitation_pending` fires once an unaccepted invitation is this many days old.
    pub invitation_max_age_days: u32,
    /// The time rules measure ages and expiries against; each record's `fetched_at` when `None`.
    /// Not in the file: the CLI sets it for sandbox profiles, whose data has a fixed clock.
    #[serde(skip)]
    pub now: Option<DateTime<Utc>>,
}

impl Default for AuditSettings {
    fn default() -> Self {
        Self {
            disabled_rules: Vec::new(),
            fail_on: None,
            max_active_sessions: 20,
            max_api_tokens: 20,
            expiring_within_days: 14,
            max_noshows: 10,
            invitation_max_age_days: 7,
            now: None,
        }
    }
}

impl AuditSettings {
    /// The time to measure `record` against.
    pub fn now_for(&self, record: &UserRecord) -> DateTime<Utc> {
        self.now.unwrap_or(record.fetched_at)
    }
}

#[cfg(test)]
mod tests;
