//! Work for the outside world, asked for by `update` and run by the app loop as tokio tasks.

use std::sync::Arc;

use crate::model::UserRecord;
use crate::state::RequestId;

/// Something to do outside `update`.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Read the profile's stored directory (answered once, with how old it is).
    OpenDirectory {
        /// Answer with this id.
        request: RequestId,
    },
    /// Sync the whole directory: every page of the provider's list, into the store and the
    /// list as they come; cancelling the request stops it.
    SyncDirectory {
        /// Answer with this id.
        request: RequestId,
        /// Ask only for the users changed since the last complete sync (a refresh), where the
        /// provider can; it answers `unsupported` where it cannot.
        changes_only: bool,
    },
    /// Hold anew, off the loop, the users a complete full sync saw (the others are gone from
    /// the server).
    KeepSeenUsers {
        /// Answer with this id.
        request: RequestId,
        /// The users held when the sync ended.
        users: crate::state::HeldSnapshot,
        /// Which of them it saw.
        seen: crate::state::SeenUsers,
    },
    /// Ask the server for users matching a query.
    SearchServer {
        /// Answer with this id.
        request: RequestId,
        /// The query as typed.
        query: String,
    },
    /// Rank the loaded users against a filter query on background threads.
    FilterUsers {
        /// Answer with this id; cancelling it stops the job.
        request: RequestId,
        /// The query, a snapshot of the texts and the candidates.
        job: Box<crate::state::filter::FilterJob>,
    },
    /// Fetch one user's record.
    FetchRecord {
        /// Answer with this id.
        request: RequestId,
        /// The user id.
        id: String,
    },
    /// Map a record opened before it was mapped (`UserRecord::deferred`), off the loop.
    MapRecord {
        /// Answer with this id.
        request: RequestId,
        /// The record, its bytes complete.
        record: Arc<UserRecord>,
        /// Its audit, run with the mapping: a big record's credits are read one at a time, not
        /// on the loop.
        audit: crate::audit::RecordAudit,
    },
    /// Fetch titles (and details) of some threads.
    FetchThreads {
        /// Answer with this id.
        request: RequestId,
        /// Thread ids, at most a batch.
        ids: Vec<String>,
    },
    /// Abort a request in flight; its answer would be dropped anyway.
    Cancel(RequestId),
    /// Write records' exact bytes to an export file (one record: JSON; several: NDJSON).
    Export {
        /// The records, in list order.
        records: Vec<Arc<UserRecord>>,
    },
    /// Open another profile and swap the provider.
    SwitchProfile(String),
    /// Load a theme by name.
    LoadTheme(String),
    /// Fetch these users' records and write them as one NDJSON export.
    ExportMarked {
        /// User ids, in list order.
        ids: Vec<String>,
    },
    /// Write bytes straight to the terminal (an OSC 52 clipboard request).
    WriteTerminal(Vec<u8>),
    /// Append a line to the audit trail (time, profile, user id, action; never content).
    Trail {
        /// The user concerned.
        user_id: String,
        /// What was done (`viewed`, `exported`).
        action: &'static str,
    },
    /// Scan every user of the profile with the audit rules, skipping those already scanned.
    StartAudit {
        /// Users to skip.
        skip: std::collections::HashSet<String>,
        /// The settings (with the sandbox's clock for sandbox profiles).
        settings: crate::audit::AuditSettings,
    },
    /// Stop the running scan (what it found so far is kept).
    CancelAudit,
    /// Write findings as a JSON report in the exports dir.
    ExportAudit {
        /// The findings.
        findings: Vec<crate::audit::Finding>,
    },
    /// Look a person up in these profiles, each on its own (one `PersonLookedUp` per profile).
    LookupPerson {
        /// Answer with this id.
        request: RequestId,
        /// Whom to look for.
        query: crate::people::WhoQuery,
        /// The profiles to search.
        profiles: Vec<String>,
        /// The audit settings the records are judged by (each sandbox profile by its clock).
        settings: crate::audit::AuditSettings,
    },
    /// Stop the loop and restore the terminal.
    Quit,
}
