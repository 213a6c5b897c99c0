//! Proving the top rows of a query that only adds negated atoms to the previous one (`anna`
//! -> `anna !berg`), from the previous query's complete ranking.
//!
//! nucleo scores a pattern as the sum of its atoms' scores, and a negated atom scores 0 on a
//! text it does not match and rules out one it does. So each user the new query keeps scores
//! what they scored before, and the new ranking is the previous one without the users a new
//! atom matches, in the same order: its first rows are the first users of the previous ranking
//! that no new atom matches.

use nucleo_matcher::pattern::Atom;
use nucleo_matcher::{Config, Matcher};

use super::{Haystacks, index_of, parse};

/// The first `rows` rows of the ranking of a query that adds the negated atoms `added` to
/// the previous one: the first users of `previous_ranked` (its complete ranking, best first)
/// that none of them matches, taking at most `budget` entries. Fewer rows when the ranking
/// runs out (then they are the whole answer); `None` when the budget runs out first.
pub fn rows_without(
    added: &[Atom],
    previous_ranked: &[u64],
    haystacks: &Haystacks,
    rows: usize,
    budget: usize,
) -> Option<Vec<usize>> {
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut top = Vec::with_capacity(rows);
    for &key in previous_ranked.iter().take(budget) {
        let index = index_of(key);
        let text = haystacks.get(index)?;
        if added
            .iter()
            .all(|atom| atom.score(text, &mut matcher).is_some())
        {
            top.push(index);
            if top.len() == rows {
                return Some(top);
            }
        }
    }
    (previous_ranked.len() <= budget).then_some(top)
}

/// The atoms `query` adds to `previous` when it keeps its atoms as they were and every added
/// one is negated; `None` otherwise.
pub fn added_negations(previous: &str, query: &str) -> Option<Vec<Atom>> {
    let before = parse(previous);
    let after = parse(query);
    let kept = before.atoms.len();
    (kept > 0
        && after.atoms.len() > kept
        && before.atoms[..] == after.atoms[..kept]
        && after.atoms[kept..].iter().all(|atom| atom.negative))
    .then(|| after.atoms[kept..].to_vec())
}

#[cfg(test)]
#[path = "negate_tests.rs"]
mod tests;
