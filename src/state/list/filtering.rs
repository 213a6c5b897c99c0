//! The filter over the list: a query ranked at once (few users) or by a background job (the
//! previous rows shown meanwhile), its answer shown with the users held since ranked in, and the
//! rankings kept for going back over what was typed.

use super::{FILTER_AT_ONCE_UP_TO, PendingFilter, UserListState};
use crate::state::RequestId;
use crate::state::filter::{self, FilterJob, Ranking};
use crate::state::list_sort::SortKeys;

impl UserListState {
    /// Ranks users `first_new..` into the list shown (they rank after every equal score).
    pub(super) fn rank_in_from(&mut self, first_new: usize) {
        let selected = self.selected_index();
        if self.filtered_for.is_empty() {
            let keys = SortKeys {
                users: &self.users,
                severity: &self.severity,
            };
            keys.merge_in(
                self.sort,
                &mut self.visible,
                (first_new..self.users.len()).collect(),
            );
            // Sorted, new users can land above the cursor: it stays on its user.
            if !self.sort.is_provider_order() && self.filtering.is_none() {
                self.cursor_to(selected);
            }
            return;
        }
        let new = filter::rank_range(
            &self.filtered_for,
            &self.users.snapshot(),
            first_new,
            self.users.len(),
        );
        let Some(first) = new.first() else {
            return;
        };
        let from = self.ranked.partition_point(|key| key < first);
        let tail = self.ranked.split_off(from);
        self.ranked.extend(filter::merge(&tail, &new));
        self.visible.truncate(from);
        self.visible
            .extend(self.ranked[from..].iter().map(|key| filter::index_of(*key)));
        if self.filtering.is_none() && from <= self.cursor {
            self.cursor_to(selected);
        }
    }

    /// Forgets the rankings kept for going back (a bench measures a query ranked afresh).
    pub fn forget_kept_rankings(&mut self) {
        self.recent.forget();
    }

    /// Filters for the current filter text, keeping the cursor on the same user if it stays.
    /// Few users: done at once, `None`. Many: returns the job to run in the background
    /// (`request` names it) and keeps the previous rows meanwhile. The query shown is ranked
    /// again when a row changed under it (`ranking_stale`).
    pub fn refilter(&mut self, request: RequestId) -> Option<FilterJob> {
        let selected = self
            .filtering
            .as_ref()
            .and_then(|pending| pending.follow)
            .or_else(|| self.selected_index());
        let query = self.filter.value().trim().to_owned();
        if query.is_empty() {
            self.filtering = None;
            self.keep_shown_ranking();
            self.ranking_stale = false;
            self.show_unfiltered();
            self.cursor_to(selected);
            return None;
        }
        if query == self.filtered_for && !self.ranking_stale {
            self.filtering = None;
            self.cursor_to(selected);
            return None;
        }
        if !self.ranking_stale
            && let Some(ranking) = self.recent.take(&query)
        {
            self.filtering = None;
            self.show(ranking, selected);
            return None;
        }
        let job = FilterJob::new(query.clone(), self.users.snapshot());
        if self.users.len() <= FILTER_AT_ONCE_UP_TO {
            self.filtering = None;
            let ranking = job.run(&|| false).unwrap_or_default();
            self.show(ranking, selected);
            return None;
        }
        self.filtering = Some(PendingFilter {
            request,
            query,
            follow: selected,
        });
        Some(job)
    }

    /// Shows the answer of the background filter `request`; `false` (and nothing changes)
    /// if it is stale.
    pub fn finish_filter(&mut self, request: RequestId, ranking: Ranking) -> bool {
        match self.filtering.take() {
            Some(pending) if pending.request == request && ranking.users <= self.users.len() => {
                self.show(ranking, pending.follow);
                true
            }
            other => {
                self.filtering = other;
                false
            }
        }
    }

    /// Shows a complete ranking, with the users held since it began ranked in, the cursor on
    /// `follow` if it matches.
    pub(super) fn show(&mut self, ranking: Ranking, follow: Option<usize>) {
        self.keep_shown_ranking();
        self.ranking_stale = false;
        self.ranked = ranking.ranked;
        self.filtered_for = ranking.query;
        self.visible = self
            .ranked
            .iter()
            .map(|key| filter::index_of(*key))
            .collect();
        if ranking.users < self.users.len() {
            self.rank_in_from(ranking.users);
        }
        self.cursor_to(follow);
    }

    /// Moves the ranking shown (the complete answer to `filtered_for`, unless a row changed
    /// under it) into the recent ones, leaving no filter shown.
    pub(super) fn keep_shown_ranking(&mut self) {
        let query = std::mem::take(&mut self.filtered_for);
        let ranked = std::mem::take(&mut self.ranked);
        if !self.ranking_stale {
            self.recent.keep(Ranking {
                query,
                ranked,
                users: self.users.len(),
            });
        }
    }
}
