//! The one central app state. `update` changes it; `render` only reads it.

pub mod command;
mod detail;
pub mod directory;
pub mod filter;
pub mod findings;
pub mod history;
mod list;
pub mod list_sort;
pub mod people;
pub mod raw;
pub mod scroll;
pub mod threads;
pub mod tree;

use std::path::PathBuf;

use crate::layout::{self, Pages, Zoomed};
use crate::theme::Theme;

/// Named from the state too: `key_context` reads it off the focus, and panes ask for it here.
pub use crate::key_context::KeyContext;

pub use command::CommandLine;
pub use detail::{DetailState, DetailTab, RawSearch, UnviewedRecord, Wanted};
pub use directory::{DirectoryState, SeenUsers, SyncEnd};
pub use findings::{FindingGroup, FindingGrouping, FindingRow, FindingsView};
pub use list::{
    FILTER_AT_ONCE_UP_TO, HeldSnapshot, HeldUsers, HeldUsersReader, Merged, PendingFilter,
    UserListState,
};

/// Identifies one request, so late answers to superseded requests are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// The filter input above the list.
    Filter,
    /// The user list.
    List,
    /// The detail pane.
    Detail,
}

/// The profile being explored, for the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileBadge {
    /// Profile name.
    pub name: String,
    /// Provider name.
    pub provider: String,
    /// Whether it is the embedded sandbox.
    pub is_sandbox: bool,
}

/// The status line: what is happening, the last error, the last export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusLine {
    /// The last error, shown until something else succeeds or Esc.
    pub error: Option<String>,
    /// The last informational message (export path, search result count).
    pub info: Option<String>,
    /// The last export written.
    pub last_export: Option<PathBuf>,
    /// What waits, as its server asked, before a request is tried again, and how long: said
    /// until the wait is over or what waits has ended.
    pub server_wait: Option<(Waiter, crate::model::ServerWait)>,
}

/// What a server's wait holds up (`StatusLine::server_wait`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiter {
    /// A fetch: the sync, the server search, a record or its threads.
    Fetch(RequestId),
    /// The audit scan.
    Audit,
    /// An export of the marked users, whose records are fetched.
    Export,
}

impl StatusLine {
    /// Keeps only the newest message after a message was handled (`before`: the line before
    /// it): a success said after an error clears the error, an error said after a success
    /// hides it for good (so clearing the error does not bring an old success back).
    pub fn keep_newest(&mut self, before: &Self) {
        let said_info = self.info.is_some() && self.info != before.info;
        let said_error = self.error.is_some() && self.error != before.error;
        if said_info && !said_error {
            self.error = None;
        }
        if said_error && !said_info {
            self.info = None;
        }
    }

    /// Forgets the messages: the operator acted again, so they speak of an earlier act.
    pub fn clear_messages(&mut self) {
        self.error = None;
        self.info = None;
    }
}

/// The whole-profile audit scan: where it is and what it found so far.
#[derive(Debug, Clone, Default)]
pub struct AuditScan {
    /// A scan is running.
    pub running: bool,
    /// Its last progress report.
    pub progress: Option<crate::audit::scan::ScanProgress>,
    /// Every finding of every scan of this profile, most severe first.
    pub findings: Vec<crate::audit::Finding>,
    /// Users already scanned: a rerun skips them (it resumes where the last stopped).
    pub scanned: std::collections::HashSet<String>,
    /// Fetches that failed in the last scan.
    pub failed: usize,
    /// Scans of a profile switched away from, cancelled but not yet ended: their progress and
    /// findings are not this profile's (each ends with exactly one `AuditFinished`).
    pub abandoned: usize,
}

/// Everything the explorer knows.
#[derive(Debug, Clone)]
pub struct State {
    /// The profile.
    pub profile: ProfileBadge,
    /// The focused pane.
    pub focus: Focus,
    /// The focus before the filter took it.
    pub focus_before_filter: Focus,
    /// The list and its filter.
    pub list: UserListState,
    /// The detail pane.
    pub detail: DetailState,
    /// The status line.
    pub status: StatusLine,
    /// The help overlay is open.
    pub help_open: bool,
    /// The focused pane fills the body (`z`); the zoom follows focus, so `Tab` shows the other
    /// pane zoomed.
    pub zoomed: bool,
    /// How far a view moves when the cursor leaves it (the config's `scroll`).
    pub scroll_step: scroll::ScrollStep,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Frame of the loading spinner.
    pub spinner_frame: usize,
    /// An export is being written.
    pub exporting: bool,
    /// The users of the export being written, for the audit trail.
    pub exporting_ids: Vec<String>,
    /// The export being written is of the marked set: once written, those marks are cleared.
    pub exporting_marked: bool,
    /// The loop should stop.
    pub quit: bool,
    /// The `:` command line, while open.
    pub command: Option<CommandLine>,
    /// Commands run this session, for Up and Down on the `:` line.
    pub command_history: history::InputHistory,
    /// Filters searched this session, for Up and Down in the filter input.
    pub filter_history: history::InputHistory,
    /// Profile names `:profile` can switch to.
    pub profile_names: Vec<String>,
    /// Theme names `:theme` can choose.
    pub theme_names: Vec<String>,
    /// The colours in use.
    pub theme: Theme,
    /// A profile switch is under way.
    pub switching: Option<String>,
    /// `y` was pressed in the tree; the next key says what to copy.
    pub yank_pending: bool,
    /// The offset times are shown at (the operator's local time; UTC until set).
    pub time_offset: chrono::FixedOffset,
    /// The whole-profile audit scan (`:audit`).
    pub audit_scan: AuditScan,
    /// The config's audit settings (rules off, thresholds), for the Audit tab.
    pub audit_settings: std::sync::Arc<crate::audit::AuditSettings>,
    /// Keys to actions, with the config's overrides.
    pub keymap: std::sync::Arc<crate::keymap::Keymap>,
    /// The multiplexer OSC 52 copies must pass through.
    pub multiplexer: crate::clipboard::Multiplexer,
    /// The People view (`:who`), while open.
    pub people: Option<people::PeopleView>,
    /// An account opened from the People view, to fetch once its profile is switched to.
    pub people_opening: Option<String>,
    next_request: u64,
    next_document: u64,
}

impl State {
    /// Whether what a server's wait holds up (`StatusLine::server_wait`) is still going.
    pub fn still_going(&self, waiter: Waiter) -> bool {
        match waiter {
            Waiter::Fetch(request) => {
                self.list.directory.syncing == Some(request)
                    || self.list.searching == Some(request)
                    || self
                        .detail
                        .loading
                        .as_ref()
                        .is_some_and(|(loading, _)| *loading == request)
                    || self.detail.threads.loading == Some(request)
            }
            Waiter::Audit => self.audit_scan.running && self.audit_scan.abandoned == 0,
            Waiter::Export => self.exporting,
        }
    }

    /// The initial state for a profile.
    pub fn new(profile: ProfileBadge, size: (u16, u16)) -> Self {
        Self {
            profile,
            focus: Focus::List,
            focus_before_filter: Focus::List,
            list: UserListState::default(),
            detail: DetailState::default(),
            status: StatusLine::default(),
            help_open: false,
            zoomed: false,
            size,
            spinner_frame: 0,
            exporting: false,
            exporting_ids: Vec::new(),
            exporting_marked: false,
            quit: false,
            command: None,
            command_history: history::InputHistory::default(),
            filter_history: history::InputHistory::default(),
            profile_names: Vec::new(),
            theme_names: crate::theme::names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            theme: Theme::dark(),
            scroll_step: scroll::ScrollStep::Auto,
            switching: None,
            yank_pending: false,
            keymap: std::sync::Arc::default(),
            audit_settings: std::sync::Arc::default(),
            audit_scan: AuditScan::default(),
            time_offset: chrono::FixedOffset::east_opt(0)
                .unwrap_or_else(|| chrono::Offset::fix(&chrono::Utc)),
            multiplexer: crate::clipboard::Multiplexer::None,
            people: None,
            people_opening: None,
            next_request: 0,
            next_document: 0,
        }
    }

    /// A fresh request id.
    pub fn next_request(&mut self) -> RequestId {
        self.next_request += 1;
        RequestId(self.next_request)
    }

    /// The findings the Audit tab lists: the scan's when there is one, else the record's.
    pub fn shown_findings(&self) -> &[crate::audit::Finding] {
        if self.audit_scan.findings.is_empty() {
            &self.detail.findings
        } else {
            &self.audit_scan.findings
        }
    }

    /// A fresh number for a record's tree, so drawing tells one document from another.
    pub fn next_document(&mut self) -> std::num::NonZeroU64 {
        self.next_document += 1;
        std::num::NonZeroU64::new(self.next_document).unwrap_or(std::num::NonZeroU64::MIN)
    }

    /// Whether anything animates or waits on time, so the loop ticks; idle means no tick at all.
    pub fn needs_tick(&self) -> bool {
        self.list.directory.busy()
            || self.list.searching.is_some()
            || self.list.filtering.is_some()
            || self.detail.loading.is_some()
            || self.detail.wanted.is_some()
            || self.resting_on_unviewed()
            || self.exporting
            || self.switching.is_some()
            || self.audit_scan.running
            || self
                .people
                .as_ref()
                .is_some_and(people::PeopleView::waiting)
    }

    /// Whether the selection rests on the record shown before it counts as viewed: time must
    /// pass for it to count. (With the selection elsewhere nothing waits on time.)
    pub fn resting_on_unviewed(&self) -> bool {
        self.detail.unviewed.as_ref().is_some_and(|unviewed| {
            self.list.selected().map(|user| user.id) == Some(unviewed.id.as_str())
        })
    }

    /// The key table for the focused pane and tab.
    pub fn key_context(&self) -> KeyContext {
        if self.command.is_some() {
            return KeyContext::Command;
        }
        if self.yank_pending {
            return KeyContext::Yank;
        }
        if self.detail.raw_search.typing {
            return KeyContext::RawSearch;
        }
        if self.people.as_ref().is_some_and(|view| !view.hidden) {
            return KeyContext::People;
        }
        match self.focus {
            Focus::Filter => KeyContext::Filter,
            Focus::List => KeyContext::List,
            Focus::Detail if self.detail.tab == DetailTab::Tree => KeyContext::Tree,
            Focus::Detail if self.detail.tab == DetailTab::Threads => KeyContext::Threads,
            Focus::Detail if self.detail.tab == DetailTab::Raw => KeyContext::Raw,
            Focus::Detail if self.detail.tab == DetailTab::Audit => KeyContext::Audit,
            Focus::Detail => KeyContext::Detail,
        }
    }

    /// The pane that fills the body while zoomed: the focused one (the filter sits on the list).
    pub fn zoomed_pane(&self) -> Option<Focus> {
        self.zoomed.then_some(match self.focus {
            Focus::Detail => Focus::Detail,
            Focus::List | Focus::Filter => Focus::List,
        })
    }

    /// The zoomed pane as the layout places it.
    pub fn zoom(&self) -> Option<Zoomed> {
        self.zoomed_pane().map(|pane| match pane {
            Focus::Detail => Zoomed::Detail,
            Focus::List | Focus::Filter => Zoomed::List,
        })
    }

    /// Where each pane sits on the terminal.
    pub fn areas(&self) -> layout::Areas {
        layout::areas(layout::screen(self.size), self.zoom())
    }

    /// Rows of the detail body (for scrolling the tree and raw views), from the layout.
    pub fn detail_rows(&self) -> usize {
        Pages::of(self.size).detail_rows
    }

    /// Lines of the Audit tab's list (below its header line), for scrolling it.
    pub fn audit_lines(&self) -> usize {
        Pages::of(self.size).audit_lines
    }

    /// Rows of list visible in the current terminal (for paging), from the layout.
    pub fn list_page_rows(&self) -> usize {
        Pages::of(self.size).list_rows
    }

    /// The least rows the list's view moves when the cursor leaves it (`scroll::ScrollStep`).
    pub fn list_jump(&self) -> usize {
        self.scroll_step.rows(self.list_page_rows(), self.zoomed)
    }

    /// The least rows the detail pane's views move when the cursor leaves them.
    pub fn detail_jump(&self) -> usize {
        self.scroll_step.rows(self.detail_rows(), self.zoomed)
    }
}
