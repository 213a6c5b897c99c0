//! The list filter: nucleo's fzf-style ranking (smart case, `'exact ^prefix suffix$ !not`) of
//! every user held, over `name email`, best score first, then load order.
//!
//! There is one way to compute it: score every user. Few users are scored at once; many are
//! scored by a [`FilterJob`] on every core, in chunks, off the loop, while the list keeps its
//! previous rows on screen (as fzf and television do). Nothing is narrowed from an earlier
//! answer or bounded by a guess at nucleo's scores. The one shortcut is exact: a user whose text
//! lacks a character the query needs is skipped unscored (`CharSet`), which nucleo would have
//! rejected anyway.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

pub(crate) mod char_set;
pub(crate) mod haystack;

use super::list::held::HeldSnapshot;
pub use char_set::CharSet;
pub use haystack::Haystack;

/// Users scored between two looks at the cancel flag, and per part handed to a thread. Small,
/// so that cores running at unequal speed (a shared machine) end together: with 16,384 a
/// slower core was left a whole part behind (100,000 users: 20-26 ms, now 19-21 ms).
const PART: usize = 2_048;

/// Parses a query the way the filter reads it: fzf syntax, smart case and normalization.
///
/// The atoms are reordered, negated ones first and fuzzy ones last: nucleo adds the atoms'
/// scores and rejects a text at the first atom that fails, so the order changes no answer,
/// while a cheap `!not` or `'exact` atom that rejects most users spares their fuzzy scoring
/// (`exa !c` over e-mails ending `.com`).
pub fn parse(query: &str) -> Pattern {
    let mut pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    pattern
        .atoms
        .sort_by_key(|atom| (!atom.negative, atom.kind == AtomKind::Fuzzy));
    pattern
}

/// The ranking key of a user with a score: ascending keys are best first, then load order.
pub fn rank(score: u32, index: usize) -> u64 {
    (u64::from(u32::MAX - score) << 32) | (index as u64 & u64::from(u32::MAX))
}

/// The same ranking key for the user now held at `index`.
pub fn renumber(key: u64, index: usize) -> u64 {
    (key & !u64::from(u32::MAX)) | (index as u64 & u64::from(u32::MAX))
}

/// The user index inside a ranking key.
pub fn index_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// One thread's scoring of a query: the pattern, the characters a match needs, nucleo's
/// matcher and a buffer for texts that are not ASCII, made once and used for every part.
struct Scorer<'a> {
    pattern: &'a Pattern,
    required: CharSet,
    matcher: Matcher,
    buffer: Vec<char>,
}

impl<'a> Scorer<'a> {
    fn new(pattern: &'a Pattern) -> Self {
        Self {
            pattern,
            required: CharSet::required_by(pattern),
            matcher: Matcher::new(Config::DEFAULT),
            buffer: Vec::new(),
        }
    }

    /// Adds the ranking keys of users `from..to` that match, unsorted.
    fn score_range(
        &mut self,
        haystacks: &HeldSnapshot,
        from: usize,
        to: usize,
        ranked: &mut Vec<u64>,
    ) {
        for index in from..to {
            if let Some(haystack) = haystacks.haystack(index)
                && haystack.chars.holds(self.required)
                && let Some(score) = self
                    .pattern
                    .score(haystack.text(&mut self.buffer), &mut self.matcher)
            {
                ranked.push(rank(score, index));
            }
        }
    }
}

/// Ranks users `from..to` against a query, best first, on this thread.
pub fn rank_range(query: &str, haystacks: &HeldSnapshot, from: usize, to: usize) -> Vec<u64> {
    let pattern = parse(query);
    let mut ranked = Vec::new();
    Scorer::new(&pattern).score_range(haystacks, from, to, &mut ranked);
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

/// The complete ranking of a query over the users held when its job started.
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    /// The query ranked.
    pub query: String,
    /// Ranking keys, best first (see [`rank`]).
    pub ranked: Vec<u64>,
    /// Users `0..users` were scored; later ones still need scoring.
    pub users: usize,
}

/// Work for background threads: rank every user against a query.
#[derive(Clone)]
pub struct FilterJob {
    /// The query as typed (trimmed).
    pub query: String,
    haystacks: HeldSnapshot,
}

impl std::fmt::Debug for FilterJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FilterJob")
            .field("query", &self.query)
            .field("users", &self.haystacks.len())
            .finish()
    }
}

impl FilterJob {
    /// A job over a snapshot of the haystacks.
    pub fn new(query: String, haystacks: HeldSnapshot) -> Self {
        Self { query, haystacks }
    }

    /// Scores every user on every core, a part at a time; `None` once `cancelled` says so
    /// (looked at between parts) or a worker died.
    pub fn run(&self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Ranking> {
        let pattern = parse(&self.query);
        let users = self.haystacks.len();
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(users.div_ceil(PART))
            .max(1);
        let next_part = std::sync::atomic::AtomicUsize::new(0);
        let worker = || -> Option<Vec<u64>> {
            let mut scorer = Scorer::new(&pattern);
            let mut ranked = Vec::new();
            loop {
                let part = next_part.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let from = part.saturating_mul(PART);
                if from >= users {
                    break;
                }
                if cancelled() {
                    return None;
                }
                let to = (from + PART).min(users);
                scorer.score_range(&self.haystacks, from, to, &mut ranked);
            }
            // Each worker sorts its own matches, so the sorts run in parallel too.
            ranked.sort_unstable();
            Some(ranked)
        };
        let ranked = if threads == 1 {
            worker()?
        } else {
            let worker = &worker;
            std::thread::scope(|scope| {
                let workers: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
                let mut ranked = Vec::new();
                for handle in workers {
                    ranked = merge(&ranked, &handle.join().ok()??);
                }
                Some(ranked)
            })?
        };
        Some(Ranking {
            query: self.query.clone(),
            ranked,
            users,
        })
    }
}

#[cfg(test)]
mod tests;
