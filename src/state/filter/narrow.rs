//! Proving the top rows of a query that narrows the previous one, from the previous query's
//! complete ranking, before the background job has scored everyone.
//!
//! When a query only adds characters to the previous one, no user's new score can exceed
//! their previous score by more than a fixed amount (the "rise", see [`score_rise`]). Walking
//! the previous ranking best score first, the walk can stop as soon as the worst of the best
//! `rows` new scores beats the previous score of the next user plus the rise: no one not yet
//! scored can reach it. Initials (`ab` -> `abg`) are the case this is for: no user reaches the
//! best score a query allows, so the load-order scan of `proven_top_rows` cannot stop early.
//!
//! Why the rise is sound, from nucleo-matcher 0.3's scoring (`score.rs`, `fuzzy_optimal.rs`):
//! - A matched character scores `SCORE_MATCH` (16) plus a bonus; no bonus exceeds
//!   `bonus_boundary_white` (10), the first character's bonus counts twice, gaps only subtract
//!   (saturating at 0), and `prefer_prefix` is off. So a fuzzy atom of `n` characters scores
//!   at most `36 + 26 (n - 1)` on any text.
//! - Appending characters to a fuzzy atom of two or more: the optimal matcher's rows for the
//!   old characters are the same cells for the old and the longer needle (same first match,
//!   same greedy row starts, each cell depends only on cells to its left), and every cell of
//!   the new row is at most an old-row cell (or a gap score below one) plus 26. Where nucleo
//!   takes a shortcut (a text with room for only one alignment), that alignment's prefix is a
//!   cell of the old rows. So each appended character adds at most 26, provided the characters
//!   leave the atom's case and normalization as they were (ASCII, not upper case) and nucleo
//!   does not fall back to its greedy matcher: it does only for texts over
//!   [`BOUNDED_TEXT_CHARS`] with needles up to [`BOUNDED_NEEDLE_CHARS`]; such users are scored
//!   outright. A one-character needle is scored by another path: no bound from it.
//!
//! `narrow_tests.rs` checks the rise against nucleo on random texts and queries, and the rows
//! against exhaustive scoring.

use std::collections::BinaryHeap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use nucleo_matcher::pattern::{AtomKind, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::letters::LetterSet;
use super::user_rise::{Appended, rise_for};
use super::{Haystacks, index_of, parse, rank, score_of};

/// Most one matched character scores, the first of an atom aside: a match and the top bonus.
pub(super) const RISE_PER_CHAR: u32 = 16 + 10;

/// Most the first character of an atom scores: a match and twice the top bonus.
const FIRST_CHAR_MOST: u32 = 16 + 2 * 10;

/// Texts up to this many characters are always scored by nucleo's optimal matcher for needles
/// up to [`BOUNDED_NEEDLE_CHARS`] (its matrix, 100 KiB at most, fits them); longer ones may be
/// scored greedily, which the rise does not bound.
pub const BOUNDED_TEXT_CHARS: usize = 1024;

/// The longest extended needle the rise is claimed for (see [`BOUNDED_TEXT_CHARS`]).
const BOUNDED_NEEDLE_CHARS: usize = 64;

/// How far a narrowed query can lift a user's score above the previous query's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreRise {
    /// No user scores more than this above their previous score.
    pub most: u32,
    /// Whether that holds only for texts up to [`BOUNDED_TEXT_CHARS`] (an atom was extended):
    /// longer texts must be scored outright.
    pub short_texts_only: bool,
    /// The one character typed onto the last atom, when that is the whole change: each
    /// user's own rise can then be read from their text (`user_rise.rs`).
    pub appended: Option<Appended>,
}

/// The rise from `previous` to `query` when `query` narrows it in a way the bound covers:
/// the same atoms, the last fuzzy one possibly extended by ASCII characters that are not upper
/// case, then possibly more fuzzy atoms. `None` otherwise (negations, other atom kinds, a
/// changed case or normalization).
pub fn score_rise(previous: &str, query: &str) -> Option<ScoreRise> {
    let before = parse(previous);
    let after = parse(query);
    let kept = before.atoms.len();
    let last = kept.checked_sub(1)?;
    if after.atoms.len() < kept
        || before
            .atoms
            .iter()
            .chain(&after.atoms)
            .any(|atom| atom.negative)
        || before.atoms[..last] != after.atoms[..last]
    {
        return None;
    }
    let mut rise = ScoreRise {
        most: 0,
        short_texts_only: false,
        appended: None,
    };
    let (was, now) = (&before.atoms[last], &after.atoms[last]);
    if was != now {
        if was.kind != AtomKind::Fuzzy || now.kind != AtomKind::Fuzzy {
            return None;
        }
        let (was_text, now_text) = (was.needle_text(), now.needle_text());
        let added = now_text.len().checked_sub(was_text.len())?;
        let mut now_chars = now_text.chars();
        // A one-character needle takes nucleo's single-character path, which on non-ASCII
        // texts takes word boundaries from the previous *matching* character: its score is
        // no row of the optimal matcher, and the rise does not hold from it.
        if added == 0
            || was_text.len() < 2
            || now_text.len() > BOUNDED_NEEDLE_CHARS
            || !was_text.chars().eq(now_chars.by_ref().take(was_text.len()))
            // Upper case would switch smart case on; non-ASCII, normalization off.
            || !now_chars.all(|c| c.is_ascii() && !c.is_ascii_uppercase())
        {
            return None;
        }
        rise.most += RISE_PER_CHAR * u32::try_from(added).ok()?;
        rise.short_texts_only = true;
        if added == 1 && after.atoms.len() == kept {
            rise.appended = now_text
                .chars()
                .next_back()
                .and_then(|typed| Appended::new(&was_text.chars().collect::<Vec<_>>(), typed));
        }
    }
    for atom in &after.atoms[kept..] {
        if atom.kind != AtomKind::Fuzzy {
            return None;
        }
        let extra = u32::try_from(atom.needle_text().len().saturating_sub(1)).ok()?;
        rise.most += FIRST_CHAR_MOST + RISE_PER_CHAR * extra;
    }
    Some(rise)
}

/// Entries of the previous ranking a walker takes at a time; the stop test runs between them.
const BLOCK: usize = 512;

/// Entries of the previous ranking a walk may take for each user it may score: most are
/// skipped by their letters or their own rise, for ~0.1-0.3 µs each. Enough to walk 100,000
/// users tied at the top, as typing an e-mail domain ties them.
const WALKED_PER_SCORED: usize = 16;

/// Previous rankings shorter than this are walked on one thread (a thread costs ~50 µs).
const PARALLEL_FROM: usize = 4 * BLOCK;

/// The shared state of one walk over the previous ranking, by one or more walkers.
struct Walk<'a> {
    pattern: Pattern,
    required: LetterSet,
    haystacks: &'a Haystacks,
    rise: ScoreRise,
    rows: usize,
    previous_ranked: &'a [u64],
    /// Entries per block (see [`BLOCK`]).
    block: usize,
    /// The best `rows` users scored so far, by every walker.
    best: Mutex<Best>,
    /// The ranking key of the worst of `best` once it holds `rows` users (`u64::MAX` until
    /// then): anyone whose best possible key is past it is not a row, whether their ceiling
    /// is a lower score or the same score and a later user (ties go to load order). Read
    /// without the lock to skip the lock for users ranking past it.
    floor: AtomicU64,
    /// Users scored by all walkers, against `budget`.
    scored: AtomicUsize,
    budget: usize,
    /// Entries of the previous ranking taken by all walkers, scored or not, against
    /// `WALKED_PER_SCORED` times `budget`: users skipped by their letters cost little, but
    /// not nothing, and a walk that cannot stop must give up early.
    walked: AtomicUsize,
    /// Set when the budget ran out: every walker stops and the walk proves nothing.
    gave_up: AtomicBool,
}

/// Ranking keys of the best users so far; the heap's top is the worst of them.
type Best = BinaryHeap<u64>;

impl Walk<'_> {
    /// Entries of the previous ranking the walk may take, scored or not.
    fn most_walked(&self) -> usize {
        self.budget.saturating_mul(WALKED_PER_SCORED)
    }

    /// Scores user `index` into `best` unless its letters rule it out; `None` once the budget
    /// has run out (or a walker panicked holding the lock).
    /// `previous_score` (their score in the previous ranking, if walked) lets a user whose own
    /// rise cannot reach the floor go unscored.
    fn consider(
        &self,
        index: usize,
        previous_score: Option<u32>,
        matcher: &mut Matcher,
    ) -> Option<()> {
        let (text, letters) = self.haystacks.entry(index)?;
        if !letters.contains_all(self.required) {
            return Some(());
        }
        if let (Some(previous_score), Some(appended)) = (previous_score, self.rise.appended) {
            let ceiling = previous_score.saturating_add(rise_for(text, appended));
            if rank(ceiling, index) > self.floor.load(Ordering::Relaxed) {
                return Some(());
            }
        }
        if self.scored.fetch_add(1, Ordering::Relaxed) >= self.budget {
            self.gave_up.store(true, Ordering::Relaxed);
            return None;
        }
        let Some(score) = self.pattern.score(text, matcher) else {
            return Some(());
        };
        let key = rank(score, index);
        if key > self.floor.load(Ordering::Relaxed) {
            return Some(());
        }
        let mut best = self.best.lock().ok()?;
        best.push(key);
        if best.len() > self.rows {
            best.pop();
        }
        if best.len() == self.rows
            && let Some(worst) = best.peek()
        {
            self.floor.store(*worst, Ordering::Relaxed);
        }
        Some(())
    }

    /// Walks blocks `first`, `first + step`, ... of the previous ranking until a block's best
    /// possible key (its best previous score plus the rise, at its first user's place in load
    /// order) ranks past the floor (so does every later block's). `None` if the walk gave up.
    fn walk(&self, first: usize, step: usize) -> Option<()> {
        let mut matcher = Matcher::new(Config::DEFAULT);
        for block in self
            .previous_ranked
            .chunks(self.block)
            .skip(first)
            .step_by(step)
        {
            // The best key anyone here or in a later block can reach: block[0]'s previous
            // score plus the rise, and, at that score, no earlier user than block[0] (the
            // ranking is sorted by score, then load order).
            let ceiling = rank(
                score_of(block[0]).saturating_add(self.rise.most),
                index_of(block[0]),
            );
            if self.gave_up.load(Ordering::Relaxed) {
                return None;
            }
            let floor = self.floor.load(Ordering::Relaxed);
            if floor < ceiling {
                break;
            }
            // Entries that may still rank before the floor form a prefix of the ranking (a
            // ceiling is its key less the rise): when it is longer than the walk may take,
            // give up now rather than after walking the budget (a domain's million tied
            // users at 1,000,000: the job is the way).
            if floor != u64::MAX {
                let reach = floor.saturating_add(u64::from(self.rise.most) << 32);
                let needed = self.previous_ranked.partition_point(|&key| key < reach);
                if needed > self.most_walked() {
                    self.gave_up.store(true, Ordering::Relaxed);
                    return None;
                }
            }
            let walked = self.walked.fetch_add(block.len(), Ordering::Relaxed);
            if walked >= self.most_walked() {
                self.gave_up.store(true, Ordering::Relaxed);
                return None;
            }
            for &key in block {
                let index = index_of(key);
                // Scored before the walk: their rise is unbounded.
                if !(self.rise.short_texts_only && self.haystacks.is_long(index)) {
                    self.consider(index, Some(score_of(key)), &mut matcher)?;
                }
            }
        }
        Some(())
    }
}

/// The first `rows` rows of `query`'s ranking, proven from `previous_ranked` (the complete
/// ranking of `previous`, best first) by scoring at most `budget` users (and taking at most
/// `WALKED_PER_SCORED` times as many entries), on every core when
/// the ranking is long. `None` when `query` does not narrow `previous` in a way
/// [`score_rise`] bounds, or the budget runs out.
///
/// Every user left unscored either has a ceiling (their previous score plus their own rise)
/// that ranks past the floor, the key of the worst of `rows` users already scored, or is in a
/// block whose ceiling (its best previous score plus the rise, at its first user's place in
/// load order) does: they rank below the rows, a tie at the floor's score going to the
/// earlier user, as in exhaustive scoring. So the rows are those of exhaustive scoring.
pub fn narrowed_top_rows(
    previous: &str,
    previous_ranked: &[u64],
    query: &str,
    haystacks: &Haystacks,
    rows: usize,
    budget: usize,
) -> Option<Vec<usize>> {
    let walkers = if previous_ranked.len() < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    };
    let split = Split {
        walkers,
        block: BLOCK,
    };
    prove_rows(
        previous,
        previous_ranked,
        query,
        haystacks,
        rows,
        budget,
        split,
    )
}

/// How a walk is shared out: `walkers` threads taking turns at blocks of `block` entries.
#[derive(Debug, Clone, Copy)]
struct Split {
    walkers: usize,
    block: usize,
}

/// [`narrowed_top_rows`] with the walk shared out as `split` says.
fn prove_rows(
    previous: &str,
    previous_ranked: &[u64],
    query: &str,
    haystacks: &Haystacks,
    rows: usize,
    budget: usize,
    split: Split,
) -> Option<Vec<usize>> {
    let rise = score_rise(previous, query)?;
    let pattern = parse(query);
    let walk = Walk {
        required: LetterSet::required_by(&pattern),
        pattern,
        haystacks,
        rise,
        rows,
        previous_ranked,
        block: split.block.max(1),
        best: Mutex::new(Best::with_capacity(rows + 1)),
        floor: AtomicU64::new(u64::MAX),
        scored: AtomicUsize::new(0),
        budget,
        walked: AtomicUsize::new(0),
        gave_up: AtomicBool::new(false),
    };
    if rise.short_texts_only {
        let mut matcher = Matcher::new(Config::DEFAULT);
        for &index in haystacks.long_texts() {
            walk.consider(index, None, &mut matcher)?;
        }
    }
    let walkers = split.walkers.max(1);
    if walkers == 1 {
        walk.walk(0, 1)?;
    } else {
        let walk = &walk;
        std::thread::scope(|scope| {
            let others: Vec<_> = (1..walkers)
                .map(|first| scope.spawn(move || walk.walk(first, walkers)))
                .collect();
            let mine = walk.walk(0, walkers);
            // A walker that panicked is treated like one that gave up: no proof.
            let others: Option<Vec<()>> = others
                .into_iter()
                .map(|other| other.join().ok().flatten())
                .collect();
            mine.and(others)
        })?;
    }
    let mut top = walk.best.into_inner().ok()?.into_vec();
    top.sort_unstable();
    Some(top.into_iter().map(index_of).collect())
}

#[cfg(test)]
#[path = "narrow_tests.rs"]
mod tests;
