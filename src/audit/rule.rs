//! The types every rule shares: severities, the evidence a rule returns, the finding it becomes,
//! the rule table entry and the settings (thresholds) from the config's `[audit]` table.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::UserRecord;
use crate::provider::fields::jq_path;

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
    pub(super) zooza_credits: std::cell::OnceCell<super::zooza::CreditWalk<'a>>,
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
    pub provider: &'static str,
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
    pub provider: &'static str,
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

/// A time as the providers write them: RFC 3339 (any offset, any fraction), or
/// `YYYY-MM-DD HH:MM:SS` taken as UTC.
pub fn parse_time(value: &Value) -> Option<DateTime<Utc>> {
    crate::provider::fields::parse_time(value.as_str()?.trim())
}

/// `true`/`false`, also written as `"true"`/`"false"` or 1/0.
pub fn flag(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::Bool(flag) => Some(*flag),
        Value::String(text) => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        Value::Number(number) => number.as_f64().map(|n| n != 0.0),
        _ => None,
    }
}

/// A non-negative count, also written as a string.
pub fn count(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(number) => number
            .as_u64()
            .or_else(|| number.as_f64().filter(|n| *n >= 0.0).map(|n| n as u64)),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// Objects up to this many keys are searched by a scan of their entries, larger ones by hash.
const SCANNED_KEYS: usize = 32;

/// A key of an object. The objects rules read are small (a user, a credit, an attendance row),
/// and scanning their entries compares lengths first and hashes nothing: about twice as fast as
/// `Value::get`, whose keyed hash costs more than the scan. A large object is still hashed, so
/// odd remote data never makes a lookup slow.
pub fn field<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    let object = value.as_object()?;
    if object.len() > SCANNED_KEYS {
        return object.get(key);
    }
    object
        .iter()
        .find(|(name, _)| name.as_str() == key)
        .map(|(_, value)| value)
}

/// Where the last object of a list had a key: the objects of one list (credits, attendance rows)
/// share a layout, so the key is looked for at that position first, and the object's entries
/// are scanned only when it is not there. The result is the same as [`field`]'s.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyHint {
    position: usize,
}

impl KeyHint {
    /// A key of an object, looked for where the last object had it first.
    pub fn get<'a>(&mut self, value: &'a Value, key: &str) -> Option<&'a Value> {
        let object = value.as_object()?;
        if let Some((name, found)) = object.iter().nth(self.position)
            && name == key
        {
            return Some(found);
        }
        let (position, (_, found)) = object
            .iter()
            .enumerate()
            .find(|(_, (name, _))| name.as_str() == key)?;
        self.position = position;
        Some(found)
    }
}

/// The value at a JSON pointer, as `Value::pointer` finds it, without its new `String` for
/// every token (it unescapes each one): rules look up a few pointers in every record.
pub fn lookup<'a>(json: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(json);
    }
    let mut target = json;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = if token.contains('~') {
            std::borrow::Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
        } else {
            std::borrow::Cow::Borrowed(token)
        };
        target = match target {
            Value::Object(_) => field(target, &token)?,
            Value::Array(list) => list.get(array_index(&token)?)?,
            _ => return None,
        };
    }
    Some(target)
}

/// An array index in a pointer: digits, no sign and no leading zero (as `Value::pointer`).
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}

/// The elements of the array at `pointer` (none when absent or not an array).
pub fn items<'a>(json: &'a Value, pointer: &str) -> &'a [Value] {
    lookup(json, pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A JSON pointer with one more token, escaped.
pub fn child(pointer: &str, key: &str) -> String {
    if key.contains(['~', '/']) {
        format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
    } else {
        format!("{pointer}/{key}")
    }
}

/// A jq path (`.a.b[0]`, `.["x y"]`) as a JSON pointer, for jumping to the evidence in a tree;
/// `None` for an expression that is not a plain path (a computed count).
pub fn pointer_of(path: &str) -> Option<String> {
    let mut pointer = String::new();
    let mut rest = path.trim();
    if rest == "." {
        return Some(pointer);
    }
    while !rest.is_empty() {
        if let Some(after) = rest
            .strip_prefix(".[\"")
            .or_else(|| rest.strip_prefix("[\""))
        {
            // A quoted key: read the JSON string up to its closing quote.
            let mut end = None;
            let mut escaped = false;
            for (offset, c) in after.char_indices() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        end = Some(offset);
                        break;
                    }
                    _ => {}
                }
            }
            let end = end?;
            let key: String = serde_json::from_str(&format!("\"{}\"", &after[..end])).ok()?;
            rest = after[end + 1..].strip_prefix(']')?;
            pointer = child(&pointer, &key);
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            let index = &after[..end];
            if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            pointer = child(&pointer, index);
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let key = &after[..end];
            if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return None;
            }
            pointer = child(&pointer, key);
            rest = &after[end..];
        } else {
            return None;
        }
    }
    Some(pointer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn severities_order_and_parse() {
        assert!(Severity::Info < Severity::Low);
        assert!(Severity::High < Severity::Critical);
        assert_eq!(" HIGH ".parse::<Severity>(), Ok(Severity::High));
        assert!("urgent".parse::<Severity>().is_err());
        assert_eq!(Severity::Medium.to_string(), "medium");
    }

    #[test]
    fn jq_paths_round_trip_to_pointers() {
        for pointer in [
            "",
            "/a",
            "/a/0/b",
            "/user/user_fields/3rd_party",
            "/x y/~1z/2",
        ] {
            let path = jq_path(pointer);
            assert_eq!(pointer_of(&path).as_deref(), Some(pointer), "{path}");
        }
        assert_eq!(pointer_of("[.discounts[] | .x] | length"), None);
    }

    #[test]
    fn lookups_find_what_value_pointer_and_get_find() {
        let json = json!({"a": [1, {"b~/c": 2, "d": 3}], "e": {"f": null}, "": 4});
        for pointer in [
            "",
            "/a",
            "/a/0",
            "/a/1/b~0~1c",
            "/a/1/d",
            "/a/01",
            "/a/+1",
            "/a/9",
            "/e/f",
            "/e/g",
            "/",
            "a",
            "/a/1/d/x",
        ] {
            assert_eq!(lookup(&json, pointer), json.pointer(pointer), "{pointer:?}");
        }
        let mut hint = KeyHint::default();
        let rows = [
            json!({"x": 1, "y": 2}),
            json!({"y": 3, "x": 4}),
            json!({"y": 5}),
            json!(7),
        ];
        let found: Vec<Option<&Value>> = rows.iter().map(|row| hint.get(row, "x")).collect();
        let expected: Vec<Option<&Value>> = rows.iter().map(|row| row.get("x")).collect();
        assert_eq!(found, expected);
        let wide: Value = (0..100).map(|n| (format!("k{n}"), json!(n))).collect();
        assert_eq!(field(&wide, "k77"), Some(&json!(77)));
    }

    #[test]
    fn lenient_readers_never_panic() {
        assert_eq!(flag(Some(&json!("TRUE"))), Some(true));
        assert_eq!(flag(Some(&json!([]))), None);
        assert_eq!(count(Some(&json!("12"))), Some(12));
        assert_eq!(count(Some(&json!(-3))), None);
        assert_eq!(count(Some(&json!(1e40))), Some(u64::MAX));
        assert!(items(&json!({"a": 1}), "/a").is_empty());
        assert!(parse_time(&json!("2023-09-11T16:28:22.227002+05:30")).is_some());
        assert!(parse_time(&json!("2023-09-11 16:28:22")).is_some());
        assert!(parse_time(&json!(12)).is_none());
    }
}
