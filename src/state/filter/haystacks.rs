//! The texts users are matched on, converted once for the matcher, each with a summary that
//! lets a pass rule most users out without reading their text.

use std::sync::Arc;

use nucleo_matcher::{Utf32Str, Utf32String};

use super::letters::LetterSet;
use super::narrow;
use super::standing::Standing;

/// Haystacks per shared chunk: appending clones at most this many when a job holds the tail.
pub(super) const CHUNK: usize = 4096;

/// What is known of one user's text without reading it: the letters it can match and where
/// they stand. Kept apart from the texts, so a pass over every user's reads 32 bytes each.
#[derive(Debug, Clone, Copy)]
pub(super) struct Summary {
    pub(super) letters: LetterSet,
    pub(super) standing: Standing,
}

/// Up to [`CHUNK`] users' texts, converted once for the matcher, and their summaries.
#[derive(Debug, Clone, Default)]
pub(super) struct Chunk {
    texts: Vec<Utf32String>,
    summaries: Vec<Summary>,
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
        let summary = Summary {
            letters: LetterSet::of_text(text.slice(..)),
            standing: Standing::of_text(text.slice(..)),
        };
        let tail = Arc::make_mut(&mut self.tail);
        tail.texts.push(text);
        tail.summaries.push(summary);
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
        let summary = chunk.summaries.get(offset)?;
        Some((text.slice(..), summary.letters))
    }

    /// Users `range` (clamped to those loaded), in load order, a chunk at a time: the index of
    /// the first, their summaries and their texts.
    pub(super) fn chunks_in(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, &[Summary], &[Utf32String])> + '_ {
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
                (
                    first + from,
                    &chunk.summaries[from..to],
                    &chunk.texts[from..to],
                )
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
