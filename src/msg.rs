//! What happened: input, time, and the results of work done outside `update`.

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::KeyEvent;

use crate::model::FetchError;
use crate::model::{UserPage, UserRecord, UserSummary};
use crate::state::{ProfileBadge, RequestId};

/// What `update` needs of a profile the loop has switched to (the loop keeps its provider
/// and directory: the pure core never talks to them).
#[derive(Debug, Clone)]
pub struct ProfileView {
    /// What the header shows.
    pub badge: ProfileBadge,
    /// Its theme.
    pub theme: crate::theme::Theme,
}

/// An event for `update`.
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// A mouse event (wheel or click), when the mouse is captured.
    Mouse(crossterm::event::MouseEvent),
    /// The terminal was resized to this many columns and rows.
    Resize(u16, u16),
    /// Time passed (only sent while something animates or waits: no busy tick).
    Tick,
    /// The stored directory was read (or could not be: the reason, and the list goes on
    /// in memory).
    DirectoryOpened {
        /// The request it answers.
        request: RequestId,
        /// The users stored and how old they are.
        stored: Result<StoredDirectory, String>,
    },
    /// A page of the directory sync arrived.
    DirectoryPage {
        /// The sync it belongs to.
        request: RequestId,
        /// The page.
        page: UserPage,
    },
    /// The directory sync ended: every page came, or one failed.
    DirectorySyncEnded {
        /// The sync it belongs to.
        request: RequestId,
        /// Why it stopped short, if it did; else why the store stopped keeping it, if it did.
        result: Result<Option<String>, FetchError>,
    },
    /// The users a full sync saw, held anew off the loop (`Effect::KeepSeenUsers`).
    SeenUsersKept {
        /// The request it answers.
        request: RequestId,
        /// The users kept.
        kept: crate::state::HeldUsers,
        /// Which of the users held then the sync saw (the positions `kept` came from).
        seen: crate::state::SeenUsers,
    },
    /// A request waits, as its server asked, before it is tried again (`http::waits`); a
    /// wait of zero: it is over. The status bar says so until then.
    ServerWaiting {
        /// What the request belongs to.
        waiter: crate::state::Waiter,
        /// The status, the wait and which retry follows.
        wait: crate::model::ServerWait,
    },
    /// A background filter ranked the loaded users.
    UsersFiltered {
        /// The request it answers.
        request: RequestId,
        /// The complete ranking.
        ranking: Box<crate::state::filter::Ranking>,
    },
    /// The server's search answers arrived (or failed).
    SearchLoaded {
        /// The request it answers.
        request: RequestId,
        /// The users found or the error.
        result: Result<Vec<UserSummary>, FetchError>,
    },
    /// A user's record arrived (or failed).
    RecordLoaded {
        /// The request it answers.
        request: RequestId,
        /// The record or the error.
        result: Result<Arc<UserRecord>, FetchError>,
    },
    /// A deferred record was mapped (or its mapping failed).
    RecordMapped {
        /// The request it answers.
        request: RequestId,
        /// The mapped record and its findings, or the error.
        result: Result<MappedRecord, FetchError>,
    },
    /// Thread titles arrived (or failed).
    ThreadsLoaded {
        /// The request it answers.
        request: RequestId,
        /// The threads' details or the error.
        result: Result<Vec<crate::model::ThreadInfo>, FetchError>,
    },
    /// An export finished.
    ExportFinished {
        /// The file written, or why not.
        result: Result<PathBuf, String>,
    },
    /// A profile switch finished (the app has already swapped the provider on success).
    ProfileSwitched {
        /// The new profile, or why it could not be opened.
        result: Result<ProfileView, String>,
    },
    /// A theme was loaded (or not).
    ThemeLoaded {
        /// The theme or why not.
        result: Result<crate::theme::Theme, String>,
    },
    /// The audit scan moved on.
    AuditProgress(crate::audit::scan::ScanProgress),
    /// The audit scan ended (finished or cancelled).
    AuditFinished(Box<crate::audit::scan::ScanOutcome>),
    /// One profile answered a person lookup (`:who`): its accounts, or why it could not be
    /// searched. Each profile answers on its own, so a slow one holds back only its rows.
    PersonLookedUp {
        /// The lookup it answers.
        request: RequestId,
        /// The profile's answer.
        answer: crate::people::ProfileAnswer,
    },
    /// A request of one profile's person lookup waits, as its server asked, before it is
    /// tried again: its row says so until the profile answers.
    PersonWaiting {
        /// The lookup it belongs to.
        request: RequestId,
        /// The profile.
        profile: String,
        /// The status, the wait and which retry follows.
        wait: crate::model::ServerWait,
    },
    /// The process was asked to stop (SIGTERM, SIGHUP).
    Terminate,
}

/// A profile's directory as the store holds it.
#[derive(Debug, Clone, Default)]
pub struct StoredDirectory {
    /// The users, in the order they were synced.
    pub users: Vec<UserSummary>,
    /// The same users made ready for the list off the loop (the loop sends them so; `users`
    /// is then empty).
    pub held: Option<crate::state::HeldUsers>,
    /// Seconds since its last complete sync (`None`: never synced).
    pub age_secs: Option<u64>,
    /// Whether it is older than the profile's `directory_max_age` (or incomplete): sync.
    pub stale: bool,
    /// The total the server last reported.
    pub total: Option<u64>,
    /// Something the operator should know of the store (it was corrupt and rebuilt).
    pub note: Option<String>,
}

/// A deferred record mapped in full, and its audit's findings (the most severe first).
#[derive(Debug)]
pub struct MappedRecord {
    /// The record.
    pub record: Arc<UserRecord>,
    /// What the record's audit found.
    pub findings: Vec<crate::audit::Finding>,
}
