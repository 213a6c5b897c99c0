//! The audit trail: one JSON line per audited action (a run started or finished, a report
//! written, a record viewed or exported) appended to `<state dir>/audit-trail.jsonl`. It holds the
//! time, the profile, the user id when there is one, and the action: never a secret, never record
//! content.

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

/// The trail's file name in the state directory.
pub const FILE_NAME: &str = "audit-trail.jsonl";

/// Actions userscope records.
pub mod action {
    /// An audit scan started.
    pub const RUN_STARTED: &str = "audit_run_started";
    /// An audit scan finished (or was cancelled).
    pub const RUN_FINISHED: &str = "audit_run_finished";
    /// An audit report was written.
    pub const REPORT: &str = "audit_report";
    /// A record was viewed in the explorer.
    pub const VIEWED: &str = "viewed";
    /// A record was exported.
    pub const EXPORTED: &str = "exported";
    /// A person was looked up across profiles (`who`, `:who`): one entry per profile searched,
    /// with the query as typed and, per account found, its user id.
    pub const WHO: &str = "who";
}

/// One line of the trail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrailEntry {
    /// When, RFC 3339 UTC.
    #[serde(serialize_with = "rfc3339")]
    pub time: DateTime<Utc>,
    /// The profile.
    pub profile: String,
    /// The user, for actions on one user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// What happened (see [`action`]).
    pub action: String,
    /// What a `who` lookup asked for, as typed (trimmed): the trail must say whom an operator
    /// looked up, and a hash of an address hides nothing that a guess cannot recover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
}

fn rfc3339<S: serde::Serializer>(time: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&time.to_rfc3339_opts(SecondsFormat::Millis, true))
}

impl TrailEntry {
    /// An entry stamped now.
    pub fn now(profile: &str, user_id: Option<&str>, action: &str) -> Self {
        Self {
            time: Utc::now(),
            profile: profile.to_owned(),
            user_id: user_id.map(str::to_owned),
            action: action.to_owned(),
            query: None,
        }
    }

    /// A `who` entry stamped now: the profile searched, the account found there (if any) and
    /// the query.
    pub fn who(profile: &str, user_id: Option<&str>, query: &str) -> Self {
        Self {
            query: Some(crate::sanitize::one_line(query.trim())),
            ..Self::now(profile, user_id, action::WHO)
        }
    }
}

/// The trail file in a state directory.
pub fn path(state_dir: &Path) -> PathBuf {
    state_dir.join(FILE_NAME)
}

/// Appends one entry as one line (one `write` of the whole line, so concurrent writers do not
/// interleave), creating the directory (0700) and the file (0600) when needed.
pub fn append(state_dir: &Path, entry: &TrailEntry) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(state_dir)?;
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut line = serde_json::to_vec(entry).map_err(std::io::Error::from)?;
    line.push(b'\n');
    options.open(path(state_dir))?.write_all(&line)
}

#[cfg(test)]
mod tests;
