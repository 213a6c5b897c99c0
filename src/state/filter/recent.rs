//! The complete rankings of the last queries, so a query typed again shows at once: a
//! backspace over a million users would otherwise wait for a whole new filter (up to ~1 s on two
//! cores), since a shorter query only widens the answer and nothing narrows to it.

use super::Ranking;

/// Rankings kept at most.
const MOST_RANKINGS: usize = 8;

/// Ranking keys kept at most, all rankings together: 16 MB (a million users matching once is
/// 8 MB).
const MOST_KEYS: usize = 2_000_000;

/// Complete rankings of earlier queries, the latest last.
#[derive(Debug, Clone, Default)]
pub struct RecentRankings {
    rankings: Vec<Ranking>,
}

impl RecentRankings {
    /// Keeps `ranking` (in place of one of the same query), forgetting the oldest ones past
    /// the bounds; one bigger than them all is not kept.
    pub fn keep(&mut self, mut ranking: Ranking) {
        self.rankings.retain(|kept| kept.query != ranking.query);
        if ranking.ranked.len() > MOST_KEYS {
            return;
        }
        // A ranking grown by doubling may hold twice its keys' room: the bound is on memory.
        ranking.ranked.shrink_to_fit();
        self.rankings.push(ranking);
        while self.rankings.len() > MOST_RANKINGS || self.keys() > MOST_KEYS {
            self.rankings.remove(0);
        }
    }

    /// The ranking of `query`, taken out, if it is kept.
    pub fn take(&mut self, query: &str) -> Option<Ranking> {
        let at = self.rankings.iter().position(|kept| kept.query == query)?;
        Some(self.rankings.remove(at))
    }

    /// The ranking of `query`, taken out, if it is kept and at most `most_new` of the `users`
    /// loaded now came after it (they must be scored to use it). A staler one is dropped.
    pub fn take_if_fresh(&mut self, query: &str, users: usize, most_new: usize) -> Option<Ranking> {
        self.take(query)
            .filter(|kept| users.saturating_sub(kept.users) <= most_new)
    }

    fn keys(&self) -> usize {
        self.rankings.iter().map(|kept| kept.ranked.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranking(query: &str, keys: usize) -> Ranking {
        Ranking {
            query: query.to_owned(),
            ranked: vec![0; keys],
            users: keys,
        }
    }

    #[test]
    fn a_kept_ranking_is_taken_once_and_the_same_query_replaces_it() {
        let mut recent = RecentRankings::default();
        recent.keep(ranking("ann", 3));
        recent.keep(ranking("ann", 5));
        assert_eq!(recent.take("ann").map(|kept| kept.users), Some(5));
        assert!(recent.take("ann").is_none());
        assert!(recent.take("bob").is_none());
    }

    #[test]
    fn a_ranking_with_too_many_users_loaded_since_is_not_taken() {
        let mut recent = RecentRankings::default();
        recent.keep(ranking("ann", 100));
        assert!(recent.take_if_fresh("ann", 100 + 11, 10).is_none());
        assert!(recent.take("ann").is_none(), "dropped");
        recent.keep(ranking("ann", 100));
        assert_eq!(
            recent
                .take_if_fresh("ann", 100 + 10, 10)
                .map(|kept| kept.users),
            Some(100)
        );
    }

    #[test]
    fn the_oldest_go_first_past_the_count_or_the_keys() {
        let mut recent = RecentRankings::default();
        for n in 0..=MOST_RANKINGS {
            recent.keep(ranking(&n.to_string(), 1));
        }
        assert!(recent.take("0").is_none(), "nine kept");
        assert!(recent.take("1").is_some());
        recent.keep(ranking("big", MOST_KEYS - 1));
        assert!(recent.take("2").is_none(), "past the keys");
        assert!(recent.take("big").is_some());
        recent.keep(ranking("huge", MOST_KEYS + 1));
        assert!(recent.take("huge").is_none(), "never kept");
    }
}
