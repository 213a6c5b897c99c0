//! The texts users are matched on, converted once for the matcher, each with a summary that
//! lets a pass rule most users out without reading their text.

use std::sync::Arc;

use nucleo_matcher::{Utf32Str, Utf32String};

use super::letters::LetterSet;
use super::narrow;
use super::standing::{PairWords, Standing};

/// Haystacks per shared chunk: appending clones at most this many when a job holds the tail.
pub(super) const CHUNK: usize = 4096;

/// What is known of some users' texts without reading them: the letters each can match and
/// where they stand. Kept apart from the texts, and in columns: a pass over every user reads
/// their letters and levels (16 bytes each: the pass is bound by how fast memory streams
/// them), and the pair words of the few whose levels leave them in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Summaries<'a> {
    pub(super) letters: &'a [LetterSet],
    /// Each user's `Standing::levels`.
    pub(super) levels: &'a [u64],
    pairs: &'a [PairWords],
}

impl Summaries<'_> {
    /// How many users these are.
    pub(super) fn len(&self) -> usize {
        self.letters.len()
    }

    /// Where user `offset`'s letters stand.
    pub(super) fn standing(&self, offset: usize) -> Standing {
        Standing::of_words(self.levels[offset], self.pairs[offset])
    }

    /// Users `from` on, up to `len` of them.
    pub(super) fn slice(&self, from: usize, len: usize) -> Self {
        let to = (from + len).min(self.len());
        Self {
            letters: &self.letters[from..to],
            levels: &self.levels[from..to],
            pairs: &self.pairs[from..to],
        }
    }
}

/// Up to [`CHUNK`] users' texts, converted once for the matcher, and their summaries.
#[derive(Debug, Clone, Default)]
pub(super) struct Chunk {
    texts: Vec<Utf32String>,
    letters: Vec<LetterSet>,
    levels: Vec<u64>,
    pairs: Vec<PairWords>,
}

/// The text each user is matched on, converted once for the matcher. Full chunks are shared
/// (`Arc`), so a background job takes a snapshot by cloning a few hundred pointers.
#[derive(Debug, Clone, Default)]
pub struct Haystacks {
    full: Vec<Arc<Chunk>>,
    tail: Arc<Chunk>,
    /// Users whose text is too long for the narrowing bound (see `narrow.rs`), in load order.
    long: Arc<Vec<usize>>,
}

impl Haystacks {
    /// Adds the text of the next user.
    pub fn push(&mut self, text: Utf32String) {
        if text.len() > narrow::BOUNDED_TEXT_CHARS {
            let index = self.len();
            Arc::make_mut(&mut self.long).push(index);
        }
        let standing = Standing::of_text(text.slice(..));
        let tail = Arc::make_mut(&mut self.tail);
        tail.letters.push(LetterSet::of_text(text.slice(..)));
        tail.levels.push(standing.levels);
        tail.pairs.push(standing.pair_words());
        tail.texts.push(text);
        if tail.texts.len() == CHUNK {
            let chunk = std::mem::take(tail);
            self.full.push(Arc::new(chunk));
        }
    }

    /// How many users have a text.
    pub fn len(&self) -> usize {
        self.full.len() * CHUNK + self.tail.texts.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of user `index`.
    pub fn get(&self, index: usize) -> Option<Utf32Str<'_>> {
        self.entry(index).map(|(text, _)| text)
    }

    /// The text of user `index` and the letters it can match.
    pub(super) fn entry(&self, index: usize) -> Option<(Utf32Str<'_>, LetterSet)> {
        let chunk = match self.full.get(index / CHUNK) {
            Some(chunk) => chunk,
            None if index / CHUNK == self.full.len() => &self.tail,
            None => return None,
        };
        let offset = index % CHUNK;
        let text = chunk.texts.get(offset)?;
        let letters = chunk.letters.get(offset)?;
        Some((text.slice(..), *letters))
    }

    /// Users `range` (clamped to those loaded), in load order, a chunk at a time: the index of
    /// the first, their summaries and their texts.
    pub(super) fn chunks_in(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, Summaries<'_>, &[Utf32String])> + '_ {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        self.full
            .iter()
            .map(|chunk| &**chunk)
            .chain(std::iter::once(&*self.tail))
            .enumerate()
            .skip(start / CHUNK)
            .take(end.div_ceil(CHUNK).saturating_sub(start / CHUNK))
            .map(move |(number, chunk)| {
                let first = number * CHUNK;
                let from = start.saturating_sub(first).min(chunk.texts.len());
                let to = (end - first.min(end)).min(chunk.texts.len()).max(from);
                let summaries = Summaries {
                    letters: &chunk.letters[from..to],
                    levels: &chunk.levels[from..to],
                    pairs: &chunk.pairs[from..to],
                };
                (first + from, summaries, &chunk.texts[from..to])
            })
    }

    /// Users whose text is too long for the narrowing bound, in load order.
    pub(super) fn long_texts(&self) -> &[usize] {
        &self.long
    }

    /// Whether user `index`'s text is too long for the narrowing bound.
    pub(super) fn is_long(&self, index: usize) -> bool {
        !self.long.is_empty() && self.long.binary_search(&index).is_ok()
    }
}
