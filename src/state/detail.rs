//! The detail pane: which user is wanted, what is loading, the record, the tab and the scroll.

use std::sync::Arc;

use super::RequestId;
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
    /// The exact body, pretty-printed.
    Raw,
}

impl DetailTab {
    /// Every tab in order.
    pub const ALL: [Self; 3] = [Self::Overview, Self::Tree, Self::Raw];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Tree => "Tree",
            Self::Raw => "Raw",
        }
    }

    /// The tab after this one, wrapping.
    #[must_use]
    pub fn next(self) -> Self {
        let index = Self::ALL.iter().position(|tab| *tab == self).unwrap_or(0);
        Self::ALL[(index + 1) % Self::ALL.len()]
    }

    /// The tab before this one, wrapping.
    #[must_use]
    pub fn prev(self) -> Self {
        let index = Self::ALL.iter().position(|tab| *tab == self).unwrap_or(0);
        Self::ALL[(index + Self::ALL.len() - 1) % Self::ALL.len()]
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
    /// Why the last fetch failed.
    pub error: Option<String>,
    /// Lines scrolled down.
    pub scroll: usize,
    /// The raw body pretty-printed, computed once per record.
    pub raw_lines: Arc<Vec<String>>,
    /// The record as a folding tree, built once per record.
    pub tree: TreeState,
}

impl DetailState {
    /// The id of the record shown or loading.
    pub fn current_id(&self) -> Option<&str> {
        self.loading
            .as_ref()
            .map(|(_, id)| id.as_str())
            .or_else(|| self.record.as_ref().map(|record| record.id.as_str()))
    }
}
