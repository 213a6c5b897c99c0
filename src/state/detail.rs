//! The detail pane: which user is wanted, what is loading, the record, the tab and the scroll.

use std::sync::Arc;

use super::RequestId;
use super::threads::ThreadsState;
use super::tree::TreeState;
use crate::model::UserRecord;

/// The detail pane's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetailTab {
    /// Typed sections.
    #[default]
    Overview,
    /// The record as a folding tree.
    Tree,
    /// The user's threads (providers that have them).
    Threads,
    /// The audit findings on this record.
    Audit,
    /// The exact body, pretty-printed.
    Raw,
}

impl DetailTab {
    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Tree => "Tree",
            Self::Threads => "Threads",
            Self::Audit => "Audit",
            Self::Raw => "Raw",
        }
    }
}

/// A user whose record is wanted once the selection rests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    /// The user id.
    pub id: String,
    /// Ticks the selection has rested on it.
    pub rested_ticks: u32,
}

/// The detail pane's state.
#[derive(Debug, Clone, Default)]
pub struct DetailState {
    /// The open tab.
    pub tab: DetailTab,
    /// The user selected, waiting for the selection to rest before fetching.
    pub wanted: Option<Wanted>,
    /// The fetch in flight and the id it is for.
    pub loading: Option<(RequestId, String)>,
    /// The record shown.
    pub record: Option<Arc<UserRecord>>,
    /// The background mapping of the record shown (a deferred record), while it runs.
    pub mapping: Option<RequestId>,
    /// Why the last fetch failed.
    pub error: Option<String>,
    /// Lines scrolled down.
    pub scroll: usize,
    /// The raw body pretty-printed, read from the tree's index line by line.
    pub raw_lines: Arc<super::raw::RawLines>,
    /// The record as a folding tree, built once per record.
    pub tree: TreeState,
    /// The record's threads as a sortable list.
    pub threads: ThreadsState,
    /// The raw view's search.
    pub raw_search: RawSearch,
    /// The audit rules' findings on this record, most severe first.
    pub findings: Vec<crate::audit::Finding>,
    /// The Audit tab's list: the shown findings grouped, its cursor and scroll.
    pub findings_view: super::FindingsView,
    /// A jq path to reveal in the tree once the record arrives (Enter on a scan finding).
    pub reveal_after_load: Option<String>,
}

/// A search of the raw view: the query, the matching lines, the current one.
#[derive(Debug, Clone, Default)]
pub struct RawSearch {
    /// The query being typed or last searched.
    pub input: tui_input::Input,
    /// The query is being typed.
    pub typing: bool,
    /// Lines that match, in order.
    pub matches: Vec<usize>,
    /// Index into `matches` of the current one.
    pub current: usize,
}

impl RawSearch {
    /// Finds the query in the lines: smart case (case-sensitive only with an upper-case letter).
    pub fn find(&mut self, lines: &super::raw::RawLines) {
        let query = self.input.value();
        self.current = 0;
        if query.is_empty() {
            self.matches.clear();
            return;
        }
        let sensitive = query.chars().any(char::is_uppercase);
        let needle = if sensitive {
            query.to_owned()
        } else {
            query.to_lowercase()
        };
        self.matches = lines
            .iter()
            .enumerate()
            .filter(|(_, line)| {
                if sensitive {
                    line.contains(&needle)
                } else {
                    line.to_lowercase().contains(&needle)
                }
            })
            .map(|(index, _)| index)
            .collect();
    }

    /// The line of the current match.
    pub fn current_line(&self) -> Option<usize> {
        self.matches.get(self.current).copied()
    }

    /// Steps to the next (or previous) match, wrapping.
    pub fn step(&mut self, forward: bool) {
        if self.matches.is_empty() {
            return;
        }
        let count = self.matches.len();
        self.current = if forward {
            (self.current + 1) % count
        } else {
            (self.current + count - 1) % count
        };
    }
}

impl DetailState {
    /// The tabs this record has: Threads only where the provider has threads.
    pub fn tabs(&self) -> Vec<DetailTab> {
        let has_threads = self
            .record
            .as_ref()
            .is_some_and(|record| record.provider == "quip" || !record.threads.is_empty());
        let mut tabs = vec![DetailTab::Overview, DetailTab::Tree];
        if has_threads {
            tabs.push(DetailTab::Threads);
        }
        tabs.push(DetailTab::Audit);
        tabs.push(DetailTab::Raw);
        tabs
    }

    /// Moves to the next (or previous) tab this record has, wrapping.
    pub fn step_tab(&mut self, forward: bool) {
        let tabs = self.tabs();
        let index = tabs.iter().position(|tab| *tab == self.tab).unwrap_or(0);
        let step = if forward { 1 } else { tabs.len() - 1 };
        self.tab = tabs[(index + step) % tabs.len()];
        self.scroll = 0;
    }

    /// The id of the record shown or loading.
    pub fn current_id(&self) -> Option<&str> {
        self.loading
            .as_ref()
            .map(|(_, id)| id.as_str())
            .or_else(|| self.record.as_ref().map(|record| record.id.as_str()))
    }
}
