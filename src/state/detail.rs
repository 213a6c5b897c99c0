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

/// The record shown, not yet on the audit trail as viewed: it counts once the selection has
/// rested on it, shown, for the rest debounce, so users that flicker by while a filter narrows
/// are not logged as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnviewedRecord {
    /// The user id.
    pub id: String,
    /// Ticks the selection has rested on it since it was shown (or since the selection last
    /// moved).
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
    /// Whether a record has been asked for since the pane was made: until then the first
    /// selection is fetched without waiting for it to rest.
    pub fetched_before: bool,
    /// The record shown.
    pub record: Option<Arc<UserRecord>>,
    /// The record shown while it waits to count as viewed.
    pub unviewed: Option<UnviewedRecord>,
    /// The fetch in flight was asked for by the operator (Enter, `r`, `:user`, a finding): its
    /// record counts as viewed as soon as it is shown.
    pub view_on_load: bool,
    /// The background mapping of the record shown (a deferred record), while it runs.
    pub mapping: Option<RequestId>,
    /// Why the last fetch failed.
    pub error: Option<String>,
    /// Lines scrolled down.
    pub scroll: usize,
    /// The Overview's field under the cursor: an index into the record's fields, section by
    /// section (`Enter` or `y` copies it).
    pub overview_field: usize,
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
    /// The needle `matches` were found for (lower-cased unless case-sensitive).
    searched: String,
    /// Whether they were found case-sensitively.
    searched_sensitive: bool,
}

/// Whether `line` holds `needle`; without `sensitive`, `needle` is lower-case and the line is
/// compared as if lower-cased (ASCII without allocating, anything else through `to_lowercase`).
fn contains(line: &str, needle: &str, sensitive: bool) -> bool {
    if sensitive {
        return line.contains(needle);
    }
    // Only where both are ASCII is ASCII case folding the same as `to_lowercase` (which maps
    // the Kelvin sign to `k`, for one).
    if let (Some(&first), true) = (
        needle.as_bytes().first(),
        needle.is_ascii() && line.is_ascii(),
    ) {
        let (needle, haystack) = (needle.as_bytes(), line.as_bytes());
        let mut from = 0;
        while let Some(found) = haystack
            .get(from..)
            .and_then(|rest| memchr::memchr2(first, first.to_ascii_uppercase(), rest))
        {
            let start = from + found;
            match haystack.get(start..start + needle.len()) {
                Some(window) if window.eq_ignore_ascii_case(needle) => return true,
                Some(_) => from = start + 1,
                None => return false,
            }
        }
        return false;
    }
    line.to_lowercase().contains(needle)
}

impl RawSearch {
    /// Forgets the matches (the lines changed, or a new search starts).
    pub fn forget_matches(&mut self) {
        self.matches.clear();
        self.searched.clear();
        self.current = 0;
    }

    /// Finds the query again in new lines (another record): none of the old matches hold.
    pub fn find_anew(&mut self, lines: &super::raw::RawLines) {
        self.forget_matches();
        self.find(lines);
    }

    /// Finds the query in the lines: smart case (case-sensitive only with an upper-case letter).
    /// A query that extends the last one (a key typed) looks only in the last one's matches.
    pub fn find(&mut self, lines: &super::raw::RawLines) {
        let query = self.input.value();
        self.current = 0;
        if query.is_empty() {
            self.matches.clear();
            self.searched.clear();
            return;
        }
        let sensitive = query.chars().any(char::is_uppercase);
        let needle = if sensitive {
            query.to_owned()
        } else {
            query.to_lowercase()
        };
        let narrowing = !self.searched.is_empty()
            && needle.starts_with(&self.searched)
            && self.searched_sensitive == sensitive;
        if narrowing {
            self.matches
                .retain(|line| contains(&lines.line(*line), &needle, sensitive));
        } else {
            self.matches.clear();
            lines.scan(|number, line| {
                if contains(line, &needle, sensitive) {
                    self.matches.push(number);
                }
            });
        }
        self.searched = needle;
        self.searched_sensitive = sensitive;
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
        let has_threads = self.record.as_ref().is_some_and(|record| {
            record.provider == crate::model::ProviderKind::Quip || !record.threads.is_empty()
        });
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

#[cfg(test)]
mod tests;
