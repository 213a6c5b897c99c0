//! A user's threads as a sortable list (Quip): the rows, their order, the cursor, and which
//! titles have been asked for, so titles load lazily in batches for the rows in view.

use std::collections::HashSet;

use super::RequestId;
use crate::model::ThreadInfo;

/// What the thread list is ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThreadSort {
    /// Last update.
    #[default]
    Updated,
    /// Title (untitled last).
    Title,
    /// Deleted ones together.
    Deleted,
}

impl ThreadSort {
    /// The next sort key, cycling.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Updated => Self::Title,
            Self::Title => Self::Deleted,
            Self::Deleted => Self::Updated,
        }
    }

    /// Its name for the header.
    pub fn name(self) -> &'static str {
        match self {
            Self::Updated => "updated",
            Self::Title => "title",
            Self::Deleted => "deleted",
        }
    }
}

/// Most thread ids asked for in one title request.
pub const TITLE_BATCH: usize = 100;

/// The thread list's state.
#[derive(Debug, Clone, Default)]
pub struct ThreadsState {
    /// The threads, in display order.
    pub items: Vec<ThreadInfo>,
    /// Cursor row.
    pub cursor: usize,
    /// First row drawn.
    pub offset: usize,
    /// The sort key.
    pub sort: ThreadSort,
    /// Sort descending.
    pub descending: bool,
    /// Ids whose titles were asked for (or came with the record).
    pub requested: HashSet<String>,
    /// The title request in flight.
    pub loading: Option<RequestId>,
    /// The thread whose details are open (Enter).
    pub open: Option<usize>,
    /// Why the last title request failed.
    pub error: Option<String>,
}

impl ThreadsState {
    /// The list for a record's threads, newest first.
    pub fn new(items: Vec<ThreadInfo>) -> Self {
        let requested = items
            .iter()
            .filter(|thread| thread.title.is_some())
            .map(|thread| thread.id.clone())
            .collect();
        let mut state = Self {
            items,
            requested,
            descending: true,
            ..Self::default()
        };
        state.sort_items();
        state
    }

    /// Re-sorts by the current key, keeping the cursor on its thread.
    pub fn sort_items(&mut self) {
        let current = self.items.get(self.cursor).map(|thread| thread.id.clone());
        let descending = self.descending;
        match self.sort {
            ThreadSort::Updated => self.items.sort_by_key(|thread| thread.updated_usec),
            ThreadSort::Title => self.items.sort_by(|a, b| {
                // Untitled threads sort after titled ones whatever the direction.
                match (&a.title, &b.title) {
                    (Some(x), Some(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
                    (Some(_), None) => {
                        if descending {
                            std::cmp::Ordering::Greater
                        } else {
                            std::cmp::Ordering::Less
                        }
                    }
                    (None, Some(_)) => {
                        if descending {
                            std::cmp::Ordering::Less
                        } else {
                            std::cmp::Ordering::Greater
                        }
                    }
                    (None, None) => a.id.cmp(&b.id),
                }
            }),
            ThreadSort::Deleted => self.items.sort_by_key(|thread| thread.deleted),
        }
        if self.descending {
            self.items.reverse();
        }
        self.cursor = current
            .and_then(|id| self.items.iter().position(|thread| thread.id == id))
            .unwrap_or(0);
        self.open = None;
    }

    /// Moves the cursor, clamped, keeping it in a view of `rows`, which moves by at least
    /// `jump` rows when it must move (`scroll::ScrollStep`).
    pub fn move_by(&mut self, delta: isize, rows: usize, jump: usize) {
        let len = self.items.len();
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
        self.offset = super::scroll::offset_showing(self.offset, self.cursor, rows, len, jump);
    }

    /// Ids in view (and a screen beyond) whose titles were never asked for, at most a batch.
    pub fn titles_to_fetch(&self, rows: usize) -> Vec<String> {
        self.items
            .iter()
            .skip(self.offset)
            .take(rows * 2)
            .filter(|thread| thread.title.is_none() && !self.requested.contains(&thread.id))
            .map(|thread| thread.id.clone())
            .take(TITLE_BATCH)
            .collect()
    }

    /// Fills in titles (and anything else) that a batch brought.
    pub fn merge(&mut self, fetched: Vec<ThreadInfo>) {
        for info in fetched {
            if let Some(thread) = self.items.iter_mut().find(|thread| thread.id == info.id) {
                if info.title.is_some() {
                    thread.title = info.title;
                }
                thread.link = info.link.or(thread.link.take());
                thread.updated_usec = info.updated_usec.or(thread.updated_usec);
                thread.deleted |= info.deleted;
            }
        }
        if self.sort == ThreadSort::Title {
            self.sort_items();
        }
    }
}

#[cfg(test)]
mod tests;
