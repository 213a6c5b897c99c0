//! A bound on an atom's score read from a user's text itself, for the users whose summary
//! (`standing.rs`) allows them more than the rows score: a few tens of nanoseconds where the
//! matcher takes several hundred on a text the needle matches.
//!
//! The summary knows which letters stand where, but not in what order or next to what: over
//! a million users whose addresses give every `e` a place after punctuation, and a fifth of
//! whom have `@mail`, it allows `ema` to run after punctuation in most of them. The text
//! knows better:
//! - every character of an alignment lies in its window: no earlier than where a greedy
//!   match from the text's start puts it, no later than where one from the end does (a text
//!   with no such match cannot match at all);
//! - an alignment is runs of consecutive matches, each a stretch of the needle found at one
//!   place of the text, and scores as nucleo scores those runs (the module doc of
//!   `atom_bound.rs` has the rules), less at least 3 for each gap between them.
//!
//! So the bound is the best way to cut the needle into runs, each scored at the best place it
//! occurs inside its characters' windows. A character is taken to match wherever nucleo may
//! compare it with the needle's (either case, any normalization), which only widens the
//! windows: the bound stays a bound. `text_bound_tests.rs` checks it against nucleo's scores.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::chars::to_lower_case;
use nucleo_matcher::pattern::Atom;

use super::bonus::{GAP_START, SCORE_MATCH, bonus, run_bonus};
use super::letters::compared_as;

/// Needles longer than this are bounded by their summary alone (windows are kept on the
/// stack); queries are typed, so this is rarely reached.
pub const MOST_CHARS: usize = 24;

/// One positive atom's needle, as the text bound reads it; `None` from [`TextNeedle::of_atom`]
/// when the summary's bound must do (one character, which nucleo scores by another path, or
/// more than [`MOST_CHARS`]).
#[derive(Debug, Clone)]
pub struct TextNeedle {
    /// The needle's characters, lower-cased.
    chars: Vec<char>,
}

impl TextNeedle {
    pub fn of_atom(atom: &Atom) -> Option<Self> {
        let chars: Vec<char> = atom.needle_text().chars().map(to_lower_case).collect();
        if chars.len() < 2 || chars.len() > MOST_CHARS {
            return None;
        }
        Some(Self { chars })
    }

    /// The most this atom can score on `text`: 0 when it cannot match.
    pub fn bound(&self, text: Utf32Str<'_>) -> u32 {
        match text {
            Utf32Str::Ascii(bytes) => self.bound_in(bytes),
            Utf32Str::Unicode(chars) => self.bound_in(chars),
        }
    }

    fn bound_in<C: TextChar>(&self, text: &[C]) -> u32 {
        let needle = &self.chars[..];
        let count = needle.len();
        // The windows: earliest and latest place of each character in any alignment.
        let mut earliest = [0_usize; MOST_CHARS];
        let mut at = 0;
        for (number, &wanted) in needle.iter().enumerate() {
            let Some(found) = (at..text.len()).find(|&place| text[place].may_be(wanted)) else {
                return 0;
            };
            earliest[number] = found;
            at = found + 1;
        }
        let mut latest = [0_usize; MOST_CHARS];
        let mut end = text.len();
        for (number, &wanted) in needle.iter().enumerate().rev() {
            // A match exists (the greedy walk found one), so each search here succeeds.
            let Some(found) = (0..end).rev().find(|&place| text[place].may_be(wanted)) else {
                return 0;
            };
            latest[number] = found;
            end = found;
        }
        // best[s]: the best score of needle[..s] cut into runs; `None` where no cut reaches.
        let mut best = [None::<u32>; MOST_CHARS + 1];
        best[0] = Some(0);
        for start in 0..count {
            let Some(before) = best[start] else {
                continue;
            };
            // Every run scores at least SCORE_MATCH, more than a gap costs, so this never
            // saturates; saturating keeps it a bound regardless.
            let before = if start == 0 {
                before
            } else {
                before.saturating_sub(GAP_START)
            };
            for place in earliest[start]..=latest[start] {
                if !text[place].may_be(needle[start]) {
                    continue;
                }
                let first = place_bonus(text, place);
                let mut carried = first;
                let multiplier = if start == 0 { 2 } else { 1 };
                let mut score = before + SCORE_MATCH + multiplier * first;
                let mut next = start + 1;
                loop {
                    let cell = &mut best[next];
                    *cell = Some(cell.map_or(score, |known| known.max(score)));
                    let place = place + next - start;
                    if next == count
                        || place > latest[next]
                        || place < earliest[next]
                        || !text[place].may_be(needle[next])
                    {
                        break;
                    }
                    let own = place_bonus(text, place);
                    let run = run_bonus(carried, own);
                    score += SCORE_MATCH + run.max(own);
                    carried = run;
                    next += 1;
                }
            }
        }
        best[count].unwrap_or(0)
    }
}

/// The bonus nucleo gives the character at `place` of a text.
fn place_bonus<C: TextChar>(text: &[C], place: usize) -> u32 {
    let previous = place.checked_sub(1).map(|before| text[before].as_char());
    bonus(previous, text[place].as_char())
}

/// A character of a text as the matcher holds it: a byte of an ASCII text, or a `char`.
trait TextChar: Copy {
    fn as_char(self) -> char;

    /// Whether nucleo may compare this character as `wanted` (lower-cased).
    fn may_be(self, wanted: char) -> bool;
}

impl TextChar for u8 {
    fn as_char(self) -> char {
        char::from(self)
    }

    fn may_be(self, wanted: char) -> bool {
        char::from(self.to_ascii_lowercase()) == wanted
            || (wanted.is_whitespace() && self.is_ascii_whitespace())
    }
}

impl TextChar for char {
    fn as_char(self) -> char {
        self
    }

    fn may_be(self, wanted: char) -> bool {
        // Most characters of a text that is not ASCII are: compared as themselves, folded.
        if self.is_ascii() {
            return self.to_ascii_lowercase() == wanted
                || (wanted.is_whitespace() && self.is_whitespace());
        }
        to_lower_case(self) == wanted
            || compared_as(self)
                .iter()
                .any(|variant| to_lower_case(*variant) == wanted)
            || (wanted.is_whitespace() && self.is_whitespace())
    }
}

#[cfg(test)]
#[path = "text_bound_tests.rs"]
mod tests;
