//! The user list: loaded pages, the fuzzy filter over them, the cursor and the marks.
//!
//! A filter that needs few users scored runs at once. A bigger one runs as a background job
//! (see `filter.rs`) so typing never waits on it: meanwhile the list shows the top rows when a
//! short scan proves them, else the previous rows, and says it is filtering.

use std::collections::HashSet;
use std::sync::Arc;

use tui_input::Input;

use super::RequestId;
use super::filter::{self, FilterJob, Haystacks, Ranking};
use crate::model::UserSummary;

/// Filters scoring at most this many users run at once, on the UI thread (a few ms).
const FILTER_AT_ONCE_UP_TO: usize = 10_000;

/// Users scored in load order to prove the top rows before a background filter ends.
const TOP_ROWS_BUDGET: usize = 4_096;

/// Users scored walking the previous ranking to prove the top rows of a narrowed query (users
/// ruled out by their letters or their own rise do not count; the walk also takes at most four
/// times as many entries). `ab` -> `abg` over 1,000,000 users scores 2,326 and walks 10,752.
const NARROWED_ROWS_BUDGET: usize = 8_192;

/// Users scored in the pass over every user that proves the top rows from where each user's
/// letters stand (`filter/bounded.rs`); the pass itself reads two words a user.
const BOUNDED_ROWS_BUDGET: usize = 32_768;

/// The narrowing walk is tried before the pass over every user when the previous ranking
/// holds at most one user in this many.
const WALK_FIRST_BELOW_ONE_IN: usize = 8;

/// Entries of the previous ranking checked against added negations to prove the top rows
/// (a substring check each, ~0.1 µs).
const NEGATED_ROWS_BUDGET: usize = 32_768;

/// A filter running in the background.
#[derive(Debug, Clone)]
pub struct PendingFilter {
    /// Its job's id; answers to other ids are stale.
    pub request: RequestId,
    /// The query being ranked.
    pub query: String,
    /// The top rows of its ranking, when proven before it ends: shown meanwhile.
    top_rows: Option<Vec<usize>>,
    /// The user the cursor was on when typing began, to put it back on them at the end.
    follow: Option<usize>,
}

/// The loaded users and what the list shows of them.
#[derive(Debug, Clone, Default)]
pub struct UserListState {
    /// Users loaded so far, in server order (server search answers merged in).
    pub users: Vec<UserSummary>,
    /// Text each user is matched on (name and e-mail, so `suffix$` means the e-mail domain),
    /// converted once for the matcher rather than on every keystroke.
    haystacks: Haystacks,
    /// Ids already loaded, so a page is merged in O(page), not O(list).
    ids: HashSet<String>,
    /// The query `visible` is the complete answer to (empty: no filter), to narrow from it
    /// when the next one extends it.
    filtered_for: String,
    /// Ranking keys of `visible` when filtered (see `filter::rank`), to merge new users in.
    ranked: Vec<u64>,
    /// Indices into `users` the filter keeps, best match first (all, in order, with no
    /// filter): the complete answer to `filtered_for`. Shared with a job narrowing from it.
    pub visible: Arc<Vec<usize>>,
    /// The filter running in the background, if any.
    pub filtering: Option<PendingFilter>,
    /// Complete rankings of earlier queries, shown at once when typed again (a backspace).
    recent: filter::RecentRankings,
    /// Cursor, an index into `rows()`.
    pub cursor: usize,
    /// The first row drawn.
    pub offset: usize,
    /// Cursor for the next page; `None` when all pages are loaded.
    pub next: Option<String>,
    /// Whether the first page has been asked for.
    pub started: bool,
    /// Total users the server reports, if it does.
    pub total: Option<u64>,
    /// The page request in flight.
    pub loading: Option<RequestId>,
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
}

impl UserListState {
    /// Adds users (skipping ids already loaded) and ranks the new ones into the list.
    pub fn append(&mut self, users: Vec<UserSummary>) {
        let first_new = self.users.len();
        for user in users {
            if !self.ids.insert(user.id.clone()) {
                continue;
            }
            self.haystacks
                .push(nucleo_matcher::Utf32String::from(format!(
                    "{} {}",
                    user.name, user.email
                )));
            self.users.push(user);
        }
        if self.users.len() == first_new {
            return;
        }
        let selected = self.selected_index();
        if self.filtered_for.is_empty() {
            Arc::make_mut(&mut self.visible).extend(first_new..self.users.len());
            return;
        }
        // Only the new users are scored; they rank after every equal score already shown.
        let pattern = filter::parse(&self.filtered_for);
        let new = filter::rank_some(&pattern, &self.haystacks, first_new..self.users.len());
        let Some(first) = new.first() else {
            return;
        };
        let from = self.ranked.partition_point(|key| key < first);
        let tail = self.ranked.split_off(from);
        self.ranked.extend(filter::merge(&tail, &new));
        let visible = Arc::make_mut(&mut self.visible);
        visible.truncate(from);
        visible.extend(self.ranked[from..].iter().map(|key| filter::index_of(*key)));
        if self.filtering.is_none() && from <= self.cursor {
            self.cursor_to(selected);
        }
    }

    /// The rows shown: the proven top rows while a filter runs, else `visible`.
    pub fn rows(&self) -> &[usize] {
        self.filtering
            .as_ref()
            .and_then(|pending| pending.top_rows.as_deref())
            .unwrap_or(&self.visible)
    }

    /// Whether the rows shown are final: no filter runs, or its top rows are proven.
    pub fn rows_are_final(&self) -> bool {
        self.filtering
            .as_ref()
            .is_none_or(|pending| pending.top_rows.is_some())
    }

    /// The index (into `users`) of the user under the cursor.
    fn selected_index(&self) -> Option<usize> {
        self.rows().get(self.cursor).copied()
    }

    /// The user under the cursor.
    pub fn selected(&self) -> Option<&UserSummary> {
        self.selected_index()
            .and_then(|index| self.users.get(index))
    }

    /// Puts the cursor on a user if shown, else on the first row.
    fn cursor_to(&mut self, user: Option<usize>) {
        let rows = self.rows();
        self.cursor = user
            .and_then(|user| rows.iter().position(|index| *index == user))
            .unwrap_or(0)
            .min(rows.len().saturating_sub(1));
    }

    /// Filters for the current filter text, keeping the cursor on the same user if it stays.
    /// Few users to score: done at once, `None`. Many: returns the job to run in the
    /// background (`request` names it), and shows the top rows meanwhile if a short scan
    /// proves them (`rows` is the page height), else the previous rows.
    pub fn refilter(&mut self, rows: usize, request: RequestId) -> Option<FilterJob> {
        let selected = self
            .filtering
            .as_ref()
            .and_then(|pending| pending.follow)
            .or_else(|| self.selected_index());
        let query = self.filter.value().trim().to_owned();
        if query == self.filtered_for || query.is_empty() {
            self.filtering = None;
            if query.is_empty() {
                self.keep_ranking();
                self.visible = Arc::new((0..self.users.len()).collect());
            }
            self.cursor_to(selected);
            return None;
        }
        if !self.filtered_for.is_empty()
            && filter::parse(&query).atoms == filter::parse(&self.filtered_for).atoms
        {
            // The same atoms (a lone `!` or `^` typed, not yet a needle): the same answer.
            self.filtering = None;
            self.filtered_for = query;
            self.cursor_to(selected);
            return None;
        }
        if let Some(ranking) =
            self.recent
                .take_if_fresh(&query, self.users.len(), FILTER_AT_ONCE_UP_TO)
        {
            // Typed before and ranked whole: the few users loaded since are ranked in by
            // `show`, on this thread (many would be a job's work: the ranking is not taken).
            self.filtering = None;
            self.show(ranking, selected);
            return None;
        }
        // Typing more of a query only narrows it (negations aside, unless only negations are
        // added), so only the users that matched before need scoring again.
        let negations = filter::added_negations(&self.filtered_for, &query);
        let narrows = !self.filtered_for.is_empty()
            && query.starts_with(&self.filtered_for)
            && (!query.contains('!') || negations.is_some());
        let candidates = narrows.then(|| Arc::clone(&self.visible));
        let job = FilterJob::new(query.clone(), self.haystacks.clone(), candidates);
        if job.candidate_count() <= FILTER_AT_ONCE_UP_TO {
            self.filtering = None;
            let ranking = job.run(&|| false);
            self.show(ranking.unwrap_or_default(), selected);
            return None;
        }
        let rows = rows.max(1);
        // Negations added first: the previous rows less the users they rule out, which a
        // load-order scan of the same query would only prove where its positive atoms do.
        // `ranked` is the complete ranking of `filtered_for` over every user loaded (`show`,
        // `append`); each proof checks that the query relates to it as it needs.
        let top_rows = negations
            .and_then(|added| {
                filter::rows_without(
                    &added,
                    &self.ranked,
                    &self.haystacks,
                    rows,
                    NEGATED_ROWS_BUDGET,
                )
            })
            .or_else(|| filter::proven_top_rows(&query, &self.haystacks, rows, TOP_ROWS_BUDGET))
            .or_else(|| {
                // The walk reads the previous ranking's users, the pass every user's summary:
                // over a short previous ranking (`ab` -> `abg`, 71,047 of 1,000,000: 1.6 ms
                // against 11 ms), the walk goes first; over a long one (e-mail text, where the
                // walk may score 100,000 tied users), the pass.
                let walk = || {
                    filter::narrowed_top_rows(
                        &self.filtered_for,
                        &self.ranked,
                        &query,
                        &self.haystacks,
                        rows,
                        NARROWED_ROWS_BUDGET,
                    )
                };
                let pass = || {
                    // Scoring more than one user in eight, the pass would cost about what
                    // the job does: give up sooner and let the job begin.
                    let budget = BOUNDED_ROWS_BUDGET.min(self.haystacks.len() / 8);
                    filter::bounded_top_rows(&query, &self.haystacks, rows, budget)
                };
                if self.ranked.len() * WALK_FIRST_BELOW_ONE_IN <= self.haystacks.len() {
                    walk().or_else(pass)
                } else {
                    pass().or_else(walk)
                }
            });
        let proven = top_rows.is_some();
        self.filtering = Some(PendingFilter {
            request,
            query,
            top_rows,
            follow: selected,
        });
        if proven {
            self.offset = 0;
            self.cursor_to(selected);
        }
        Some(job)
    }

    /// Shows the answer of the background filter `request`; `false` (and nothing changes)
    /// if it is stale.
    pub fn finish_filter(&mut self, request: RequestId, ranking: Ranking) -> bool {
        match self.filtering.take() {
            Some(pending) if pending.request == request => {
                let follow = pending.follow;
                self.show(ranking, follow);
                true
            }
            other => {
                self.filtering = other;
                false
            }
        }
    }

    /// Shows a complete ranking, with the users loaded since it began ranked in, the cursor
    /// on `follow` (or the user under it now) if it matches.
    pub fn show_ranking(&mut self, ranking: Ranking) {
        let selected = self.selected_index();
        self.filtering = None;
        self.show(ranking, selected);
    }

    /// Forgets the rankings kept of earlier queries: the list as if none had been typed (a
    /// benchmark times a keystroke again and again, each time as the first).
    pub fn forget_earlier_rankings(&mut self) {
        self.recent = filter::RecentRankings::default();
    }

    /// Keeps the ranking shown (complete, over every user loaded) for when its query comes
    /// back, and leaves none.
    fn keep_ranking(&mut self) {
        if !self.filtered_for.is_empty() {
            self.recent.keep(Ranking {
                query: std::mem::take(&mut self.filtered_for),
                ranked: std::mem::take(&mut self.ranked),
                users: self.users.len(),
            });
        }
    }

    fn show(&mut self, ranking: Ranking, follow: Option<usize>) {
        if ranking.query != self.filtered_for {
            self.keep_ranking();
        }
        let mut ranked = ranking.ranked;
        if ranking.users < self.users.len() {
            let pattern = filter::parse(&ranking.query);
            let new = filter::rank_some(&pattern, &self.haystacks, ranking.users..self.users.len());
            ranked = filter::merge(&ranked, &new);
        }
        self.visible = Arc::new(ranked.iter().map(|key| filter::index_of(*key)).collect());
        self.ranked = ranked;
        self.filtered_for = ranking.query;
        self.cursor_to(follow);
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

    /// Keeps the cursor on screen for a pane of `rows` rows, moving the view by at least
    /// `jump` rows when it must move (`scroll::ScrollStep`).
    pub fn scroll_to_cursor(&mut self, rows: usize, jump: usize) {
        let len = self.rows().len();
        self.offset = super::scroll::offset_showing(self.offset, self.cursor, rows, len, jump);
    }

    /// Whether the cursor is near enough the end that the next page should load.
    pub fn wants_next_page(&self, rows: usize) -> bool {
        self.next.is_some()
            && self.loading.is_none()
            && self.filtering.is_none()
            && self.cursor + rows * 2 >= self.visible.len()
    }
}

#[cfg(test)]
#[path = "list_tests.rs"]
mod tests;
