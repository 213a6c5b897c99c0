//! The user list: the directory's users, the fuzzy filter over them, the cursor and the marks.
//!
//! Whenever no filter is pending, `visible` is exactly nucleo's ranking of every user held
//! (`filter.rs`). A filter over few users is computed at once; over many it runs as a
//! background job while the previous rows stay on screen and the title says it is filtering.
//! Users arriving meanwhile are ranked into the answer when it is shown.

use std::collections::HashSet;

use tui_input::Input;

use super::RequestId;
use super::filter;

pub(crate) mod chunk;
mod filtering;
pub(crate) mod held;
mod id_index;
mod recent;

use super::directory::{DirectoryState, SeenUsers};

use super::list_sort::{ListSort, SortKeys};
use crate::model::{UserRef, UserSummary};
pub use held::{HeldSnapshot, HeldUsers, HeldUsersReader};
use recent::RecentRankings;

/// Filters over at most this many users run at once, on the loop's thread (well under a
/// frame on one core); more run as a background job.
pub const FILTER_AT_ONCE_UP_TO: usize = 5_000;

/// A filter running in the background.
#[derive(Debug, Clone)]
pub struct PendingFilter {
    /// Its job's id; answers to other ids are stale.
    pub request: RequestId,
    /// The query being ranked.
    pub query: String,
    /// The user the cursor was on when typing began, to put it back on them at the end.
    follow: Option<usize>,
}

/// What merging a page of users changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    /// Users new to the list.
    pub added: usize,
    /// Users held whose row changed (updated in place).
    pub changed: usize,
}

/// The users held and what the list shows of them.
#[derive(Debug, Clone, Default)]
pub struct UserListState {
    /// Users held, in the order they came (the store's, then the server's), each id once.
    pub users: HeldUsers,
    /// The query `visible` is the complete answer to (empty: no filter).
    filtered_for: String,
    /// Ranking keys of `visible` when filtered (see `filter::rank`), to rank new users in.
    ranked: Vec<u64>,
    /// A row changed since `ranked` was computed: it answers `filtered_for` no more.
    ranking_stale: bool,
    /// The complete rankings of the last queries before `filtered_for`.
    recent: RecentRankings,
    /// Indices into `users` the filter keeps, best match first (all, in order, with no
    /// filter): the complete answer to `filtered_for`.
    pub visible: Vec<usize>,
    /// The filter running in the background, if any.
    pub filtering: Option<PendingFilter>,
    /// Cursor, an index into `rows()`.
    pub cursor: usize,
    /// The first row drawn.
    pub offset: usize,
    /// Total users the server reports, if it does.
    pub total: Option<u64>,
    /// The stored directory and its sync.
    pub directory: DirectoryState,
    /// The server search in flight.
    pub searching: Option<RequestId>,
    /// The filter input.
    pub filter: Input,
    /// Ids of marked users.
    pub marked: HashSet<String>,
    /// The most severe finding of each user whose record was viewed, for a badge in the row.
    pub severity: std::collections::HashMap<String, crate::audit::Severity>,
    /// The last list error, shown in the pane.
    pub error: Option<String>,
    /// The order of the unfiltered rows (a filter's rows are its ranking).
    sort: ListSort,
    /// Changes to `users` so far (see [`edits`](Self::edits)).
    edits: u64,
}

impl UserListState {
    /// Merges users into the list: new ids are added (and ranked into a filtered list), held
    /// ids whose row changed are updated in place. A change under a filter leaves the ranking
    /// stale: the caller refilters.
    pub fn merge(&mut self, users: Vec<UserSummary>) -> Merged {
        self.merge_noting(users, |_| {})
    }

    /// Merges a page of a full sync, as [`merge`](Self::merge), noting each of its users as
    /// `seen`.
    pub fn merge_seen(&mut self, users: Vec<UserSummary>, seen: &mut SeenUsers) -> Merged {
        self.merge_noting(users, |at| seen.note(at))
    }

    /// Merges users, telling `held_at` where each one is held.
    fn merge_noting(&mut self, users: Vec<UserSummary>, mut held_at: impl FnMut(usize)) -> Merged {
        let first_new = self.users.len();
        let mut merged = Merged::default();
        for user in users {
            if let Some(index) = self.users.index_of_id(&user.id) {
                if self.users.get(index).is_some_and(|held| !held.is(&user)) {
                    self.users.set(index, &user);
                    merged.changed += 1;
                }
                held_at(index);
                continue;
            }
            held_at(self.users.push(&user));
            merged.added += 1;
        }
        if merged.added + merged.changed > 0 {
            self.edits += 1;
        }
        if merged.changed > 0 {
            self.recent.forget();
            if !self.filtered_for.is_empty() {
                self.ranking_stale = true;
            }
        }
        if merged.added > 0 {
            self.rank_in_from(first_new);
        }
        merged
    }

    /// Takes users made ready off the loop. An empty list takes them whole; a list that holds
    /// users already merges them (as a page would be).
    pub fn take_held(&mut self, held: HeldUsers) -> Merged {
        if !self.users.is_empty() {
            return self.merge(held.iter().map(UserRef::to_summary).collect());
        }
        let added = held.len();
        self.users = held;
        self.edits += 1;
        self.filtered_for.clear();
        self.ranked.clear();
        self.ranking_stale = false;
        self.recent.forget();
        self.show_unfiltered();
        Merged { added, changed: 0 }
    }

    /// Takes `kept`, the users held that a full sync has `seen` (made off the loop from a
    /// [`snapshot`](HeldUsers::snapshot) taken when it ended: the others are gone from the
    /// server). The caller checks no edit came since ([`edits`](Self::edits)). Returns how
    /// many went.
    ///
    /// The rows shown stay the complete answer to their query: users leaving a ranking leave
    /// the others' scores and load order as they were, so the ranking is kept with the gone
    /// users' keys dropped and the others renumbered. A filter still running ran over the old
    /// positions: the caller starts it again (its user to follow is renumbered too).
    pub fn keep_seen(&mut self, kept: HeldUsers, seen: &SeenUsers) -> usize {
        let before = self.users.len();
        let selected = self.selected_index();
        // Where each user kept is held now (`u32::MAX`: gone); positions fit in 32 bits, as
        // in the ranking keys.
        let mut count = 0_u32;
        let moved_to: Vec<u32> = (0..before)
            .map(|at| {
                if seen.has(at) {
                    count += 1;
                    count - 1
                } else {
                    u32::MAX
                }
            })
            .collect();
        let now_at = |at: usize| {
            moved_to
                .get(at)
                .filter(|to| **to != u32::MAX)
                .map(|to| *to as usize)
        };
        self.users = kept;
        self.edits += 1;
        self.visible = self.visible.iter().filter_map(|at| now_at(*at)).collect();
        self.ranked = self
            .ranked
            .iter()
            .filter_map(|key| now_at(filter::index_of(*key)).map(|at| filter::renumber(*key, at)))
            .collect();
        self.recent.forget();
        if let Some(pending) = &mut self.filtering {
            pending.follow = pending.follow.and_then(now_at);
        }
        let held = &self.users;
        self.marked.retain(|id| held.index_of_id(id).is_some());
        self.cursor_to(selected.and_then(now_at));
        before.saturating_sub(self.users.len())
    }

    /// How many times the users held have changed: a job that read them before is stale if
    /// this moved.
    pub fn edits(&self) -> u64 {
        self.edits
    }

    /// The rows shown: the complete answer to the last query ranked (kept on screen while a
    /// newer one runs).
    pub fn rows(&self) -> &[usize] {
        &self.visible
    }

    /// Whether the rows shown answer the query typed: no filter runs.
    pub fn rows_are_final(&self) -> bool {
        self.filtering.is_none()
    }

    /// The index (into `users`) of the user under the cursor.
    fn selected_index(&self) -> Option<usize> {
        self.rows().get(self.cursor).copied()
    }

    /// The user under the cursor.
    pub fn selected(&self) -> Option<UserRef<'_>> {
        self.selected_index()
            .and_then(|index| self.users.get(index))
    }

    /// The index of the user with this id, if held.
    pub fn index_of_id(&self, id: &str) -> Option<usize> {
        self.users.index_of_id(id)
    }

    /// Puts the cursor on a user if shown, else on the first row.
    fn cursor_to(&mut self, user: Option<usize>) {
        let rows = self.rows();
        self.cursor = user
            .and_then(|user| rows.iter().position(|index| *index == user))
            .unwrap_or(0)
            .min(rows.len().saturating_sub(1));
    }

    /// Shows every user, in the sort's order: the rows with no filter. The rows shown before go
    /// first (a million users' are 8 MB).
    fn show_unfiltered(&mut self) {
        self.visible = Vec::new();
        let mut rows: Vec<usize> = (0..self.users.len()).collect();
        let keys = SortKeys {
            users: &self.users,
            severity: &self.severity,
        };
        keys.sort(self.sort, &mut rows);
        self.visible = rows;
    }

    /// The order of the unfiltered rows.
    pub fn sort(&self) -> ListSort {
        self.sort
    }

    /// Orders the unfiltered rows by `sort`, the cursor staying on its user. Under a filter
    /// the rows stay the filter's ranking; the sort shows once the filter is cleared.
    pub fn set_sort(&mut self, sort: ListSort) {
        self.sort = sort;
        if self.filtered_for.is_empty() && self.filtering.is_none() {
            let selected = self.selected_index();
            self.show_unfiltered();
            self.cursor_to(selected);
        }
    }

    /// Whether the rows shown are in the sort's order (no filter ranks them).
    pub fn rows_are_sorted(&self) -> bool {
        self.filtered_for.is_empty() && !self.sort.is_provider_order()
    }

    /// Moves the cursor by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows().len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        let chosen = self.selected_index();
        if let Some(pending) = &mut self.filtering {
            // The operator chose a row: the end of the filter keeps that one, not the old.
            pending.follow = chosen;
        }
    }

    /// Puts the cursor on the user with this id, if shown; `false` if not.
    pub fn select_id(&mut self, id: &str) -> bool {
        let Some(index) = self.index_of_id(id) else {
            return false;
        };
        match self.rows().iter().position(|row| *row == index) {
            Some(row) => {
                self.cursor = row;
                true
            }
            None => false,
        }
    }

    /// Keeps the cursor on screen for a pane of `rows` rows, moving the view by at least
    /// `jump` rows when it must move (`scroll::ScrollStep`).
    pub fn scroll_to_cursor(&mut self, rows: usize, jump: usize) {
        let len = self.rows().len();
        self.offset = super::scroll::offset_showing(self.offset, self.cursor, rows, len, jump);
    }
}

#[cfg(test)]
mod tests;
