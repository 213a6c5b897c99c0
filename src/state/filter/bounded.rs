//! Proving the top rows of any query in one pass over every user, scoring only those whose
//! letters stand high enough to reach the rows (`standing.rs`, `atom_bound.rs`).
//!
//! The users are scanned in load order, in one contiguous part per core. Each part keeps its
//! best `rows` users; once it has them, a user whose bound is no more than the worst of them
//! cannot take a row from the part (a tie goes to the earlier user, and every user kept is
//! earlier), so they go unscored. The top rows are the best `rows` of the parts' together.
//!
//! This proves what neither the load-order scan of `proven_top_rows` (which needs users at
//! the best score any text allows) nor the walk of `narrowed_top_rows` (which needs a
//! previous ranking that few users tie in) can: e-mail text typed over a million users, a
//! second character after a first, an edit in the middle of a query.

use std::collections::BinaryHeap;

use nucleo_matcher::pattern::Pattern;
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use super::atom_bound::{AtomNeedle, Reading};
use super::haystacks::Summaries;
use super::letters::LetterSet;
use super::standing::Standing;
use super::text_bound::TextNeedle;
use super::{Haystacks, index_of, parse, rank, score_of};

/// Users below this are scanned on one thread (a thread costs ~50 µs).
const PARALLEL_FROM: usize = 50_000;

/// The share of its budget a part scores before it bounds users by their text too: inside
/// the pass a text bound costs about what scoring does (330 and 325 ns for `ema`, mostly the
/// text's first cache miss), so a pass that scores few users (`example.com`: a few thousand
/// over a million) is quicker without them, and one that would run out of budget may finish
/// with them. Measured over 1,000,000 users, text bounds from a part's first user made every
/// case slower (a first `q` 3.5 -> 7.1 ms, `example.com` 11.7 -> 14.1 ms) and `ema` no faster.
const TEXT_BOUNDS_FROM_BUDGET_PART: usize = 2;

/// Lists below this many users (those passed over on one thread) are passed over without
/// text bounds: their job answers in a few milliseconds. A text bound rules a user out once
/// a part's worst rows score more than it. Measured on `ema` over 100,000 users: with the
/// summary's pairs after punctuation, the pass with text bounds finishes in 4.6 ms, where
/// without them it runs out of budget and the job answers in 15 ms (before those pairs it
/// ran out of budget either way, and the threshold was 500,000).
const TEXT_BOUNDS_FROM_USERS: usize = PARALLEL_FROM;

/// Bits of a slot's number in each atom's cache of bounds by reading: a few hundred readings
/// occur over a million users.
const CACHE_BITS: u32 = 12;

/// Bits of a slot's number in each atom's cache of loose bounds: fewer levels than readings
/// occur.
const LOOSE_CACHE_BITS: u32 = 10;

/// Bounds by what they read (`K`), `1 << BITS` slots per atom, each holding the last key
/// that fell in it and its bound.
struct BoundCache<K, const BITS: u32> {
    slots: Vec<Option<(K, u32)>>,
}

impl<K: Copy + Eq, const BITS: u32> BoundCache<K, BITS> {
    fn new(atoms: usize) -> Self {
        Self {
            slots: vec![None; atoms << BITS],
        }
    }

    /// Atom `number`'s bound for `key` (whose bits are mixed into `mixed`), computed by
    /// `bound` unless the key's slot holds it.
    fn get(&mut self, number: usize, key: K, mixed: u64, bound: impl FnOnce(K) -> u32) -> u32 {
        let slot = &mut self.slots[(number << BITS) + slot_in::<BITS>(mixed)];
        match *slot {
            Some((cached, known)) if cached == key => known,
            _ => {
                let known = bound(key);
                *slot = Some((key, known));
                known
            }
        }
    }
}

/// A key's slot among `1 << BITS`: the top bits of a product that depend on all of `mixed`.
fn slot_in<const BITS: u32>(mixed: u64) -> usize {
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

/// The bounds of a query's positive atoms: on a standing, cached by what they read of it
/// (loose bounds by its levels alone), and on a text.
struct Bounds {
    atoms: Vec<AtomNeedle>,
    /// Per atom, its needle as the text bound reads it, where there is one.
    texts: Vec<Option<TextNeedle>>,
    cache: BoundCache<Reading, CACHE_BITS>,
    loose_cache: BoundCache<u64, LOOSE_CACHE_BITS>,
}

impl Bounds {
    fn new(pattern: &Pattern) -> Self {
        let positive = || pattern.atoms.iter().filter(|atom| !atom.negative);
        let atoms: Vec<AtomNeedle> = positive().map(AtomNeedle::of_atom).collect();
        let texts = positive().map(TextNeedle::of_atom).collect();
        Self {
            cache: BoundCache::new(atoms.len()),
            loose_cache: BoundCache::new(atoms.len()),
            atoms,
            texts,
        }
    }

    /// Whether the query may score more than `floor` on a text that stands so: read from its
    /// levels alone where they tell (the most users of an e-mail-wide query), else from its
    /// pairs too.
    fn may_exceed(&mut self, summaries: Summaries<'_>, offset: usize, floor: u32) -> bool {
        let levels = summaries.levels[offset];
        let loose: u32 = (0..self.atoms.len())
            .map(|number| self.loose_of_atom(number, levels))
            .sum();
        loose > floor && self.of(summaries.standing(offset)) > floor
    }

    /// The most atom `number` can score on a text of these levels.
    fn loose_of_atom(&mut self, number: usize, levels: u64) -> u32 {
        let atom = &self.atoms[number];
        if atom.is_calm(levels) {
            return atom.calm_bound();
        }
        let levels = atom.loose_reading(levels);
        self.loose_cache
            .get(number, levels, levels, |levels| atom.loose_bound(levels))
    }

    /// The most the query can score on a text that stands so.
    fn of(&mut self, standing: Standing) -> u32 {
        (0..self.atoms.len())
            .map(|number| self.of_atom(number, standing))
            .sum()
    }

    /// The most atom `number` can score on a text that stands so.
    fn of_atom(&mut self, number: usize, standing: Standing) -> u32 {
        let atom = &self.atoms[number];
        if atom.is_calm(standing.levels) {
            return atom.calm_bound();
        }
        let reading = atom.reading(standing);
        self.cache.get(number, reading, reading.mixed(), |reading| {
            atom.bound_of(reading)
        })
    }

    /// The most the query can score on `text`, which stands so: each atom's bound read from
    /// the text where it can be, and never more than its standing's; `None` when a needle
    /// the text bound reads does not match the text.
    fn of_text(&mut self, standing: Standing, text: Utf32Str<'_>) -> Option<u32> {
        let mut total = 0;
        for number in 0..self.atoms.len() {
            let summary = self.of_atom(number, standing);
            total += match &self.texts[number] {
                Some(needle) => match needle.bound(text) {
                    0 => return None,
                    bound => bound.min(summary),
                },
                None => summary,
            };
        }
        Some(total)
    }
}

/// A reading's slot in a cache.
#[cfg(test)]
fn slot_of(reading: Reading) -> usize {
    slot_in::<CACHE_BITS>(reading.mixed())
}

/// Users whose summaries are read before any of their texts: the texts of those that pass
/// are touched together, so that their cache misses overlap.
const BLOCK: usize = 256;

/// Reads the first character of each text, so that their cache misses overlap: the loads do
/// not depend on each other.
fn touch<'a>(texts: impl Iterator<Item = &'a Utf32String>) {
    let mut first_chars = 0_u32;
    for text in texts {
        let text = text.slice(..);
        if !text.is_empty() {
            first_chars ^= u32::from(text.get(0));
        }
    }
    std::hint::black_box(first_chars);
}

/// One part's best users so far: ranking keys, the heap's top the worst of them.
struct Part {
    best: BinaryHeap<u64>,
    /// The worst of `best`'s scores once it holds `rows` users.
    floor: Option<u32>,
}

/// Scans users `range` in load order for their best `rows`, scoring at most `budget` users;
/// `None` when the budget runs out. Once it has scored `text_bounds_from`, it bounds the users
/// their summary leaves by their text too.
fn scan_part(
    query: &str,
    haystacks: &Haystacks,
    range: std::ops::Range<usize>,
    rows: usize,
    budget: usize,
    text_bounds_from: usize,
) -> Option<Vec<u64>> {
    let pattern = parse(query);
    let required = LetterSet::required_by(&pattern);
    let mut bounds = Bounds::new(&pattern);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut part = Part {
        best: BinaryHeap::with_capacity(rows + 1),
        floor: None,
    };
    let mut scored = 0;
    let mut passing = Vec::with_capacity(BLOCK);
    for (first, summaries, texts) in haystacks.chunks_in(range) {
        for (block, texts) in texts.chunks(BLOCK).enumerate() {
            let summaries = summaries.slice(block * BLOCK, BLOCK);
            // The summaries first (a few nanoseconds each, cached), then the texts of those
            // that pass, touched together.
            let block_floor = part.floor;
            passing.clear();
            passing.extend((0..summaries.len()).filter(|&offset| {
                summaries.letters[offset].contains_all(required)
                    && block_floor.is_none_or(|floor| bounds.may_exceed(summaries, offset, floor))
            }));
            touch(passing.iter().map(|offset| &texts[*offset]));
            for &offset in &passing {
                let text = &texts[offset];
                if let Some(floor) = part.floor {
                    // The floor may have risen since the block's summaries were read.
                    if part.floor != block_floor && !bounds.may_exceed(summaries, offset, floor) {
                        continue;
                    }
                    if scored >= text_bounds_from
                        && bounds
                            .of_text(summaries.standing(offset), text.slice(..))
                            .is_none_or(|bound| bound <= floor)
                    {
                        continue;
                    }
                }
                scored += 1;
                if scored > budget {
                    return None;
                }
                let Some(score) = pattern.score(text.slice(..), &mut matcher) else {
                    continue;
                };
                part.best.push(rank(score, first + block * BLOCK + offset));
                if part.best.len() > rows {
                    part.best.pop();
                }
                if part.best.len() == rows {
                    part.floor = part.best.peek().copied().map(score_of);
                }
            }
        }
    }
    Some(part.best.into_vec())
}

/// The first `rows` rows of `query`'s ranking over every user loaded, scoring at most
/// `budget` users (shared out between the parts), on every core when there are many users.
/// `None` when the query has no positive atom or the budget runs out.
///
/// Every user left unscored has a bound no better than the worst of `rows` earlier users of
/// their part: they rank below those, as in exhaustive scoring (ties go to the earlier
/// user). So the best `rows` of the parts' best are the rows of exhaustive scoring.
pub fn bounded_top_rows(
    query: &str,
    haystacks: &Haystacks,
    rows: usize,
    budget: usize,
) -> Option<Vec<usize>> {
    if rows == 0 || AtomNeedle::of_pattern(&parse(query)).is_empty() {
        return None;
    }
    let users = haystacks.len();
    let parts = if users < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    };
    let part_size = users.div_ceil(parts).max(1);
    let part_budget = budget.div_ceil(parts);
    let text_bounds_from = if users >= TEXT_BOUNDS_FROM_USERS {
        part_budget / TEXT_BOUNDS_FROM_BUDGET_PART
    } else {
        usize::MAX
    };
    let mut best = if parts == 1 {
        scan_part(
            query,
            haystacks,
            0..users,
            rows,
            part_budget,
            text_bounds_from,
        )?
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..users)
                .step_by(part_size)
                .map(|start| {
                    scope.spawn(move || {
                        scan_part(
                            query,
                            haystacks,
                            start..start + part_size,
                            rows,
                            part_budget,
                            text_bounds_from,
                        )
                    })
                })
                .collect();
            let mut best = Vec::with_capacity(parts * rows);
            for worker in workers {
                // A worker that panicked is treated like one out of budget: no proof.
                best.extend(worker.join().ok()??);
            }
            Some(best)
        })?
    };
    best.sort_unstable();
    best.truncate(rows);
    Some(best.into_iter().map(index_of).collect())
}

#[cfg(test)]
#[path = "bounded_tests.rs"]
mod tests;
