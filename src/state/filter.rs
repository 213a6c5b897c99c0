//! Matching loaded users against the filter query: the texts matched on (shared cheaply with a
//! background job), scoring on every core, and proving the top page early.
//!
//! Rows are ranked best score first, then by load order. A ranking is kept as one `u64` per
//! row (inverted score above the user index) so sorting and merging compare plain integers.

use std::sync::Arc;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

mod atom_bound;
mod bonus;
mod bounded;
mod haystacks;
mod letters;
mod narrow;
mod needle_char;
mod negate;
mod recent;
mod standing;
#[cfg(test)]
mod test_strategies;
mod text_bound;
mod user_rise;

pub use bounded::bounded_top_rows;
pub use haystacks::Haystacks;
use letters::LetterSet;
pub use narrow::narrowed_top_rows;
pub use negate::{added_negations, rows_without};
pub use recent::RecentRankings;

/// Candidates scored between two looks at the cancel flag.
const CANCEL_EVERY: usize = 8192;

/// Candidates scored on one thread below this; above it, on every core.
const PARALLEL_FROM: usize = 20_000;

/// Parses a query the way the filter reads it: fzf syntax, smart case and normalization.
pub fn parse(query: &str) -> Pattern {
    Pattern::parse(query, CaseMatching::Smart, Normalization::Smart)
}

/// The ranking key of a user with a score: ascending keys are best first, then load order.
pub fn rank(score: u32, index: usize) -> u64 {
    (u64::from(u32::MAX - score) << 32) | (index as u64 & u64::from(u32::MAX))
}

/// The score inside a ranking key.
fn score_of(key: u64) -> u32 {
    u32::MAX - u32::try_from(key >> 32).unwrap_or(u32::MAX)
}

/// The user index inside a ranking key.
pub fn index_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// Adds the ranking keys of the given users (by index) that match a pattern, unsorted.
fn score_into(
    pattern: &Pattern,
    haystacks: &Haystacks,
    indices: impl Iterator<Item = usize>,
    ranked: &mut Vec<u64>,
) {
    let mut matcher = Matcher::new(Config::DEFAULT);
    let required = LetterSet::required_by(pattern);
    ranked.extend(indices.filter_map(|index| {
        let (text, letters) = haystacks.entry(index)?;
        if !letters.contains_all(required) {
            return None;
        }
        let score = pattern.score(text, &mut matcher)?;
        Some(rank(score, index))
    }));
}

/// Ranks the given users (by index) against a pattern, best first, on one thread.
pub fn rank_some(
    pattern: &Pattern,
    haystacks: &Haystacks,
    indices: impl Iterator<Item = usize>,
) -> Vec<u64> {
    let mut ranked = Vec::new();
    score_into(pattern, haystacks, indices, &mut ranked);
    ranked.sort_unstable();
    ranked
}

/// Merges two rankings that are each sorted.
pub fn merge(left: &[u64], right: &[u64]) -> Vec<u64> {
    let mut merged = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (0, 0);
    while l < left.len() && r < right.len() {
        if left[l] <= right[r] {
            merged.push(left[l]);
            l += 1;
        } else {
            merged.push(right[r]);
            r += 1;
        }
    }
    merged.extend_from_slice(&left[l..]);
    merged.extend_from_slice(&right[r..]);
    merged
}

/// Candidates at least one user in this many are visited in load order (`FilterJob::run`).
const LOAD_ORDER_FROM_ONE_IN: usize = 16;

/// A set of user indices as one bit each: 125 KB for a million users.
struct CandidateBits(Vec<u64>);

impl CandidateBits {
    /// The set of `candidates` below `users` (none is past it: they index the same users).
    fn of(candidates: &[usize], users: usize) -> Self {
        let mut words = vec![0_u64; users.div_ceil(64)];
        for &index in candidates {
            if let Some(word) = words.get_mut(index / 64) {
                *word |= 1 << (index % 64);
            }
        }
        Self(words)
    }

    fn contains(&self, index: usize) -> bool {
        self.0
            .get(index / 64)
            .is_some_and(|word| word & (1 << (index % 64)) != 0)
    }
}

/// Work for a background thread: rank the candidates against a query.
#[derive(Clone)]
pub struct FilterJob {
    /// The query as typed (trimmed).
    pub query: String,
    haystacks: Haystacks,
    /// The users to score: the last complete result when the query narrows it, else everyone.
    candidates: Option<Arc<Vec<usize>>>,
}

impl std::fmt::Debug for FilterJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FilterJob")
            .field("query", &self.query)
            .field("users", &self.haystacks.len())
            .field("candidates", &self.candidates.as_ref().map(|c| c.len()))
            .finish()
    }
}

/// The complete ranking of a query over the users loaded when its job started.
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    /// The query ranked.
    pub query: String,
    /// Ranking keys, best first (see [`rank`]).
    pub ranked: Vec<u64>,
    /// Users `0..users` were considered; later ones still need scoring.
    pub users: usize,
}

impl FilterJob {
    /// A job over a snapshot of the haystacks; `candidates` `None` means every user.
    pub fn new(query: String, haystacks: Haystacks, candidates: Option<Arc<Vec<usize>>>) -> Self {
        Self {
            query,
            haystacks,
            candidates,
        }
    }

    /// How many users this job scores.
    pub fn candidate_count(&self) -> usize {
        self.candidates
            .as_ref()
            .map_or(self.haystacks.len(), |candidates| candidates.len())
    }

    /// Scores every candidate, on every core when there are many; `None` once `cancelled`
    /// says so (checked every few thousand candidates).
    ///
    /// Many candidates are visited in load order, through a bitmap of them, rather than in
    /// the previous ranking's order: that order jumps about the users, and a million users'
    /// haystacks are far bigger than the caches. Over 1,000,000 users, `ann` -> `ann$` took
    /// 47 ms in ranking order (605,033 candidates) and 24 ms scanning every user in load
    /// order. The answer is the same: a ranking key holds the user's index.
    pub fn run(&self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Ranking> {
        let pattern = parse(&self.query);
        let users = self.haystacks.len();
        let in_load_order = self
            .candidates
            .as_ref()
            .filter(|candidates| candidates.len() * LOAD_ORDER_FROM_ONE_IN >= users)
            .map(|candidates| CandidateBits::of(candidates, users));
        let count = if in_load_order.is_some() {
            users
        } else {
            self.candidate_count()
        };
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let parts = if count < PARALLEL_FROM { 1 } else { threads };
        let part_size = count.div_ceil(parts).max(1);
        let score_part = |start: usize| -> Option<Vec<u64>> {
            let end = (start + part_size).min(count);
            let mut ranked = Vec::new();
            for from in (start..end).step_by(CANCEL_EVERY) {
                if cancelled() {
                    return None;
                }
                let to = (from + CANCEL_EVERY).min(end);
                match (&in_load_order, &self.candidates) {
                    (Some(bits), _) => score_into(
                        &pattern,
                        &self.haystacks,
                        (from..to).filter(|&index| bits.contains(index)),
                        &mut ranked,
                    ),
                    (None, Some(candidates)) => score_into(
                        &pattern,
                        &self.haystacks,
                        candidates[from..to].iter().copied(),
                        &mut ranked,
                    ),
                    (None, None) => score_into(&pattern, &self.haystacks, from..to, &mut ranked),
                }
            }
            // Each part sorts its own matches, so the parts' sorts run in parallel too.
            ranked.sort_unstable();
            Some(ranked)
        };
        let ranked = if parts == 1 {
            score_part(0)?
        } else {
            let score_part = &score_part;
            std::thread::scope(|scope| {
                let workers: Vec<_> = (0..count)
                    .step_by(part_size)
                    .map(|start| scope.spawn(move || score_part(start)))
                    .collect();
                let mut ranked = Vec::new();
                for worker in workers {
                    // A worker that panicked is treated like a cancelled one: no answer.
                    let part = worker.join().ok()??;
                    ranked = merge(&ranked, &part);
                }
                Some(ranked)
            })?
        };
        Some(Ranking {
            query: self.query.clone(),
            ranked,
            users: self.haystacks.len(),
        })
    }
}

/// The best score any text could get for a pattern: each atom scored against its own needle
/// (all characters consecutive, at the start) and summed. `None` if an atom cannot say.
fn best_possible_score(pattern: &Pattern) -> Option<u32> {
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut best = 0;
    for atom in pattern.atoms.iter().filter(|atom| !atom.negative) {
        best += u32::from(atom.score(atom.needle_text(), &mut matcher)?);
    }
    Some(best)
}

/// The first `rows` rows of a query's ranking, when scoring at most `budget` users proves
/// them: scanning in load order, `rows` users with the best possible score are the top rows
/// (no one scores higher, and ties go to the earlier user). `None` when not proven.
pub fn proven_top_rows(
    query: &str,
    haystacks: &Haystacks,
    rows: usize,
    budget: usize,
) -> Option<Vec<usize>> {
    let pattern = parse(query);
    let best = best_possible_score(&pattern)?;
    let required = LetterSet::required_by(&pattern);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut top = Vec::with_capacity(rows);
    for index in 0..haystacks.len().min(budget) {
        let Some((text, letters)) = haystacks.entry(index) else {
            break;
        };
        if letters.contains_all(required) && pattern.score(text, &mut matcher) >= Some(best) {
            top.push(index);
            if top.len() == rows {
                return Some(top);
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "filter_tests.rs"]
mod tests;
