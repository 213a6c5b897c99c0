//! The user list: loaded pages, the fuzzy filter over them, the cursor and the marks.

use std::collections::HashSet;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use tui_input::Input;

use super::RequestId;
use crate::model::UserSummary;

/// The loaded users and what the list shows of them.
#[derive(Debug, Clone, Default)]
pub struct UserListState {
    /// Users loaded so far, in server order (server search answers merged in).
    pub users: Vec<UserSummary>,
    /// Text each user is matched on (name and e-mail, so `suffix$` means the e-mail domain),
    /// converted once for the matcher rather than on every keystroke.
    haystacks: Vec<Utf32String>,
    /// Ids already loaded, so a page is merged in O(page), not O(list).
    ids: HashSet<String>,
    /// The query `visible` was computed for, to narrow from it when the next one extends it.
    filtered_for: String,
    /// Indices into `users` the filter keeps, best match first (all, in order, with no filter).
    pub visible: Vec<usize>,
    /// Cursor, an index into `visible`.
    pub cursor: usize,
    /// The first visible row drawn.
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
    /// Adds users (skipping ids already loaded) and refilters.
    pub fn append(&mut self, users: Vec<UserSummary>) {
        for user in users {
            if !self.ids.insert(user.id.clone()) {
                continue;
            }
            self.haystacks
                .push(Utf32String::from(format!("{} {}", user.name, user.email)));
            self.users.push(user);
        }
        // New users may match the current query: score them all again.
        self.filtered_for.clear();
        self.refilter();
    }

    /// The user under the cursor.
    pub fn selected(&self) -> Option<&UserSummary> {
        self.visible
            .get(self.cursor)
            .and_then(|index| self.users.get(*index))
    }

    /// Recomputes `visible` from the filter text, keeping the cursor on the same user if it stays.
    pub fn refilter(&mut self) {
        let selected_id = self.selected().map(|user| user.id.clone());
        let query = self.filter.value().trim().to_owned();
        if query.is_empty() {
            self.visible = (0..self.users.len()).collect();
        } else {
            // Typing more of a query only narrows it (negations aside), so only the users that
            // matched before need scoring again.
            let narrows = !self.filtered_for.is_empty()
                && query.starts_with(&self.filtered_for)
                && !query.contains('!');
            let candidates: Vec<usize> = if narrows {
                std::mem::take(&mut self.visible)
            } else {
                (0..self.users.len()).collect()
            };
            let pattern = Pattern::parse(&query, CaseMatching::Smart, Normalization::Smart);
            let mut scored = score_all(&pattern, &self.haystacks, &candidates);
            scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            self.visible = scored.into_iter().map(|(_, index)| index).collect();
        }
        self.filtered_for = query;
        self.cursor = selected_id
            .and_then(|id| {
                self.visible
                    .iter()
                    .position(|index| self.users[*index].id == id)
            })
            .unwrap_or(0)
            .min(self.visible.len().saturating_sub(1));
    }

    /// Moves the cursor by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Keeps the cursor on screen for a pane of `rows` rows.
    pub fn scroll_to_cursor(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
    }

    /// Whether the cursor is near enough the end that the next page should load.
    pub fn wants_next_page(&self, rows: usize) -> bool {
        self.next.is_some()
            && self.loading.is_none()
            && self.cursor + rows * 2 >= self.visible.len()
    }
}

/// Candidates scored on one thread below this; above it, on every core.
const PARALLEL_FROM: usize = 20_000;

/// Scores candidates against a pattern, on every core when there are many.
fn score_all(
    pattern: &Pattern,
    haystacks: &[Utf32String],
    candidates: &[usize],
) -> Vec<(u32, usize)> {
    let score_chunk = |chunk: &[usize]| {
        let mut matcher = Matcher::new(Config::DEFAULT);
        chunk
            .iter()
            .filter_map(|index| {
                let haystack = haystacks.get(*index)?;
                pattern
                    .score(haystack.slice(..), &mut matcher)
                    .map(|score| (score, *index))
            })
            .collect::<Vec<_>>()
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if candidates.len() < PARALLEL_FROM || threads < 2 {
        return score_chunk(candidates);
    }
    let chunk_size = candidates.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = candidates
            .chunks(chunk_size)
            .map(|chunk| scope.spawn(move || score_chunk(chunk)))
            .collect();
        // A worker that panicked has nothing to offer; the others' matches still count.
        workers
            .into_iter()
            .filter_map(|worker| worker.join().ok())
            .flatten()
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: &str, name: &str, email: &str) -> UserSummary {
        UserSummary {
            id: id.into(),
            name: name.into(),
            email: email.into(),
            role: None,
            status: Vec::new(),
        }
    }

    fn list() -> UserListState {
        let mut list = UserListState::default();
        list.append(vec![
            user("1", "Anna Berg", "anna@x.io"),
            user("2", "Bob Ode", "bob@y.io"),
            user("3", "Ann Li", "li@z.io"),
        ]);
        list
    }

    fn filter(list: &mut UserListState, text: &str) {
        list.filter = Input::new(text.to_owned());
        list.refilter();
    }

    #[test]
    fn fuzzy_filter_with_smart_case_and_extended_syntax() {
        let mut list = list();
        filter(&mut list, "ann");
        assert_eq!(list.visible.len(), 2);
        filter(&mut list, "Ann");
        assert_eq!(list.visible.len(), 2);
        filter(&mut list, "^bob");
        assert_eq!(list.visible, [1]);
        filter(&mut list, "!ann");
        assert_eq!(list.visible, [1]);
        filter(&mut list, "z.io$");
        assert_eq!(list.visible, [2]);
        filter(&mut list, "'berg");
        assert_eq!(list.visible, [0]);
        filter(&mut list, "");
        assert_eq!(list.visible, [0, 1, 2]);
    }

    #[test]
    fn narrowing_and_widening_give_the_same_answers_as_a_fresh_filter() {
        let mut list = UserListState::default();
        let users = (0..30_000)
            .map(|index| {
                user(
                    &index.to_string(),
                    &format!("Anna {index}"),
                    &format!("a{index}@x{}.io", index % 7),
                )
            })
            .collect();
        list.append(users);
        for query in [
            "a", "an", "ann", "anna 1", "anna 12", "anna 1", "x3", "x3.io$", "!x3",
        ] {
            filter(&mut list, query);
            let narrowed = list.visible.clone();
            let mut fresh = UserListState::default();
            fresh.append(list.users.clone());
            filter(&mut fresh, query);
            assert_eq!(narrowed, fresh.visible, "{query}");
        }
    }

    #[test]
    fn duplicates_are_skipped_and_the_cursor_follows_its_user() {
        let mut list = list();
        list.cursor = 2;
        list.append(vec![
            user("3", "Ann Li", "li@z.io"),
            user("4", "Dee", "d@d"),
        ]);
        assert_eq!(list.users.len(), 4);
        filter(&mut list, "li");
        assert_eq!(list.selected().unwrap().id, "3");
    }

    #[test]
    fn cursor_and_scrolling_stay_in_bounds() {
        let mut list = list();
        list.move_by(10);
        assert_eq!(list.cursor, 2);
        list.move_by(-10);
        assert_eq!(list.cursor, 0);
        list.cursor = 2;
        list.scroll_to_cursor(2);
        assert_eq!(list.offset, 1);
    }
}
