//! The list filter: nucleo's fzf-style ranking (smart case, `'exact ^prefix suffix$ !not`) of
//! every user held, over `name email`, best score first, then load order.
//!
//! There is one way to compute it: score every user. Few users are scored at once; many are
//! scored by a [`FilterJob`] on every core, in chunks, off the loop, while the list keeps its
//! previous rows on screen (as fzf and television do). Nothing is narrowed from an earlier
//! answer or bounded by a guess at nucleo's scores. The one shortcut is exact: a user whose text
//! lacks a character the query needs is skipped unscored (`CharSet`), which nucleo would have
//! rejected anyway.

use std::sync::Arc;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

mod char_set;

pub use char_set::CharSet;

/// Haystacks per shared chunk: a job's snapshot clones one pointer per chunk, and appending
/// to a chunk a job still holds copies at most this many texts.
const CHUNK: usize = 4096;

/// Users scored between two looks at the cancel flag, and per part handed to a thread.
const PART: usize = 16_384;

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

/// The text a user is matched on: name and e-mail, so `suffix$` means the e-mail domain.
pub fn haystack_of(name: &str, email: &str) -> Utf32String {
    Utf32String::from(format!("{name} {email}"))
}

/// The ranking key of a user with a score: ascending keys are best first, then load order.
pub fn rank(score: u32, index: usize) -> u64 {
    (u64::from(u32::MAX - score) << 32) | (index as u64 & u64::from(u32::MAX))
}

/// The user index inside a ranking key.
pub fn index_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// The texts users are matched on, converted once for the matcher, in load order, each with
/// its [`CharSet`]. Chunks are shared (`Arc`), so a background job takes a snapshot cheaply.
#[derive(Debug, Clone, Default)]
pub struct Haystacks {
    chunks: Vec<Arc<Chunk>>,
    len: usize,
}

/// Up to [`CHUNK`] users' texts and their character sets.
#[derive(Debug, Clone, Default)]
struct Chunk {
    texts: Vec<Utf32String>,
    chars: Vec<CharSet>,
}

impl Haystacks {
    /// How many users' texts are held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no text is held.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds the next user's text.
    pub fn push(&mut self, text: Utf32String) {
        if self
            .chunks
            .last()
            .is_none_or(|chunk| chunk.texts.len() == CHUNK)
        {
            self.chunks.push(Arc::new(Chunk {
                texts: Vec::with_capacity(CHUNK),
                chars: Vec::with_capacity(CHUNK),
            }));
        }
        if let Some(chunk) = self.chunks.last_mut() {
            let chunk = Arc::make_mut(chunk);
            chunk.chars.push(CharSet::of_text(text.slice(..)));
            chunk.texts.push(text);
            self.len += 1;
        }
    }

    /// Replaces user `index`'s text (a row changed on the server).
    pub fn replace(&mut self, index: usize, text: Utf32String) {
        if let Some(chunk) = self.chunks.get_mut(index / CHUNK) {
            let chunk = Arc::make_mut(chunk);
            let at = index % CHUNK;
            if let (Some(chars), Some(slot)) = (chunk.chars.get_mut(at), chunk.texts.get_mut(at)) {
                *chars = CharSet::of_text(text.slice(..));
                *slot = text;
            }
        }
    }

    /// The texts of many users at once, converted on every core (a stored directory of a
    /// million users is made ready off the loop in a fraction of the time one core takes).
    pub fn of_texts(texts: &[(&str, &str)]) -> Self {
        let build = |part: &[(&str, &str)]| -> Chunk {
            let mut chunk = Chunk {
                texts: Vec::with_capacity(part.len()),
                chars: Vec::with_capacity(part.len()),
            };
            for (name, email) in part {
                let text = haystack_of(name, email);
                chunk.chars.push(CharSet::of_text(text.slice(..)));
                chunk.texts.push(text);
            }
            chunk
        };
        let parts: Vec<&[(&str, &str)]> = texts.chunks(CHUNK).collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(parts.len())
            .max(1);
        let per_thread = parts.len().div_ceil(threads).max(1);
        let chunks: Vec<Arc<Chunk>> = std::thread::scope(|scope| {
            let workers: Vec<_> = parts
                .chunks(per_thread)
                .map(|some| scope.spawn(move || some.iter().map(|part| build(part)).collect()))
                .collect();
            workers
                .into_iter()
                .flat_map(|worker| worker.join().unwrap_or_else(|_| Vec::new()))
                .map(Arc::new)
                .collect()
        });
        let len = chunks.iter().map(|chunk| chunk.texts.len()).sum();
        Self { chunks, len }
    }

    /// User `index`'s text and character set.
    pub fn get(&self, index: usize) -> Option<(Utf32Str<'_>, CharSet)> {
        let chunk = self.chunks.get(index / CHUNK)?;
        let at = index % CHUNK;
        Some((chunk.texts.get(at)?.slice(..), *chunk.chars.get(at)?))
    }
}

/// Adds the ranking keys of users `from..to` that match, unsorted.
fn score_range(
    pattern: &Pattern,
    haystacks: &Haystacks,
    matcher: &mut Matcher,
    from: usize,
    to: usize,
    ranked: &mut Vec<u64>,
) {
    let required = CharSet::required_by(pattern);
    for index in from..to {
        if let Some((text, chars)) = haystacks.get(index)
            && chars.holds(required)
            && let Some(score) = pattern.score(text, matcher)
        {
            ranked.push(rank(score, index));
        }
    }
}

/// Ranks users `from..to` against a query, best first, on this thread.
pub fn rank_range(query: &str, haystacks: &Haystacks, from: usize, to: usize) -> Vec<u64> {
    let pattern = parse(query);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut ranked = Vec::new();
    score_range(&pattern, haystacks, &mut matcher, from, to, &mut ranked);
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
    haystacks: Haystacks,
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
    pub fn new(query: String, haystacks: Haystacks) -> Self {
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
            let mut matcher = Matcher::new(Config::DEFAULT);
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
                score_range(
                    &pattern,
                    &self.haystacks,
                    &mut matcher,
                    from,
                    to,
                    &mut ranked,
                );
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
mod tests {
    use super::*;

    fn haystacks(texts: &[&str]) -> Haystacks {
        let mut haystacks = Haystacks::default();
        for text in texts {
            haystacks.push(Utf32String::from(*text));
        }
        haystacks
    }

    #[test]
    fn chunks_hold_every_text_in_order() {
        let texts: Vec<String> = (0..CHUNK * 2 + 3).map(|i| format!("user {i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut held = haystacks(&refs);
        assert_eq!(held.len(), texts.len());
        assert_eq!(held.get(CHUNK + 1).unwrap().0.to_string(), texts[CHUNK + 1]);
        held.replace(CHUNK + 1, Utf32String::from("changed"));
        let (text, chars) = held.get(CHUNK + 1).unwrap();
        assert_eq!(text.to_string(), "changed");
        assert_eq!(chars, CharSet::of_text(text));
        assert!(held.get(texts.len()).is_none());
    }

    #[test]
    fn a_job_ranks_best_score_first_then_load_order_on_every_core() {
        // Enough users for several parts, so workers and the merge are exercised.
        let texts: Vec<String> = (0..PART * 3 + 7)
            .map(|i| match i % 3 {
                0 => format!("Anna Smith anna{i}@x.io"),
                1 => format!("Hannah Banner h{i}@x.io"),
                _ => format!("Zed Quux z{i}@x.io"),
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let held = haystacks(&refs);
        let ranking = FilterJob::new("ann".into(), held.clone())
            .run(&|| false)
            .unwrap();
        let single = rank_range("ann", &held, 0, held.len());
        assert_eq!(ranking.ranked, single);
        assert_eq!(ranking.users, held.len());
        assert_eq!(index_of(ranking.ranked[0]), 0);
        assert!(ranking.ranked.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn texts_converted_on_every_core_are_those_pushed_one_by_one() {
        let people: Vec<(String, String)> = (0..CHUNK * 2 + 5)
            .map(|i| (format!("Zoë Ó {i}"), format!("zoe.{i}@example.com")))
            .collect();
        let pairs: Vec<(&str, &str)> = people
            .iter()
            .map(|(n, e)| (n.as_str(), e.as_str()))
            .collect();
        let at_once = Haystacks::of_texts(&pairs);
        let mut one_by_one = Haystacks::default();
        for (name, email) in &pairs {
            one_by_one.push(haystack_of(name, email));
        }
        assert_eq!(at_once.len(), one_by_one.len());
        for index in [0, CHUNK - 1, CHUNK, CHUNK * 2 + 4] {
            let (a, a_chars) = at_once.get(index).unwrap();
            let (b, b_chars) = one_by_one.get(index).unwrap();
            assert_eq!((a.to_string(), a_chars), (b.to_string(), b_chars));
        }
    }

    #[test]
    fn a_cancelled_job_gives_no_answer() {
        let held = haystacks(&["a"; 10]);
        assert!(FilterJob::new("a".into(), held).run(&|| true).is_none());
    }

    #[test]
    fn merge_keeps_order() {
        assert_eq!(merge(&[1, 4, 9], &[2, 3, 10]), vec![1, 2, 3, 4, 9, 10]);
    }
}
