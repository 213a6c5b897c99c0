//! The complete rankings of the last few queries, so that a backspace (or a query typed again)
//! shows its answer at once instead of scoring every user again.
//!
//! A ranking kept here is the complete answer to its query over users `0..users`; users
//! appended since are ranked in when it is shown, as for a background job's answer. Any other
//! change to the users held (a row updated, users removed or replaced) forgets them all.

use crate::state::filter::Ranking;

/// How many rankings are kept: enough to go back over a word typed (a million users' ranking
/// is at most 8 MB).
const KEPT: usize = 4;

/// The last few complete rankings, newest last.
#[derive(Debug, Clone, Default)]
pub struct RecentRankings {
    kept: Vec<Ranking>,
}

impl RecentRankings {
    /// Keeps a complete ranking, forgetting the oldest beyond [`KEPT`].
    pub fn keep(&mut self, ranking: Ranking) {
        if ranking.query.is_empty() {
            return;
        }
        self.kept.retain(|kept| kept.query != ranking.query);
        if self.kept.len() == KEPT {
            self.kept.remove(0);
        }
        self.kept.push(ranking);
    }

    /// The ranking kept for `query`, taken out.
    pub fn take(&mut self, query: &str) -> Option<Ranking> {
        let at = self.kept.iter().position(|kept| kept.query == query)?;
        Some(self.kept.remove(at))
    }

    /// Forgets every ranking (the users they rank changed).
    pub fn forget(&mut self) {
        self.kept.clear();
    }
}

#[cfg(test)]
mod tests;
