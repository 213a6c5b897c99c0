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
//! windows: the bound stays a bound. Which needle characters each text character may be is
//! read once per text (a table for ASCII), so the walks test bits, not Unicode tables.
//! `text_bound_tests.rs` checks it against nucleo's scores.

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
    /// Per ASCII character, the needle's characters it may be, as bits.
    ascii: [u32; 128],
}

/// Texts up to this long have their characters' needle bits kept on the stack.
const TEXT_ON_STACK: usize = 128;

impl TextNeedle {
    pub fn of_atom(atom: &Atom) -> Option<Self> {
        let chars: Vec<char> = atom.needle_text().chars().map(to_lower_case).collect();
        if chars.len() < 2 || chars.len() > MOST_CHARS {
            return None;
        }
        let mut ascii = [0_u32; 128];
        for (byte, bits) in (0_u8..).zip(&mut ascii) {
            *bits = needle_bits(&chars, |wanted| ascii_may_be(byte, wanted));
        }
        Some(Self { chars, ascii })
    }

    /// The most this atom can score on `text`: 0 when it cannot match.
    pub fn bound(&self, text: Utf32Str<'_>) -> u32 {
        match text {
            Utf32Str::Ascii(bytes) => self.bound_in(bytes),
            Utf32Str::Unicode(chars) => self.bound_in(chars),
        }
    }

    fn bound_in<C: TextChar>(&self, text: &[C]) -> u32 {
        let count = self.chars.len();
        // Each text character's needle characters, as bits: read once, so that the walks
        // below test bits (a non-ASCII character is compared through Unicode tables).
        let mut on_stack = [0_u32; TEXT_ON_STACK];
        let mut on_heap = Vec::new();
        let bits = if text.len() <= TEXT_ON_STACK {
            &mut on_stack[..text.len()]
        } else {
            on_heap.resize(text.len(), 0);
            &mut on_heap[..]
        };
        for (bits, c) in bits.iter_mut().zip(text) {
            *bits = c.needle_bits(self);
        }
        let may_be = |place: usize, number: usize| bits[place] & 1 << number != 0;
        // The windows: earliest and latest place of each character in any alignment.
        let mut earliest = [0_usize; MOST_CHARS];
        let mut at = 0;
        for (number, earliest) in earliest.iter_mut().enumerate().take(count) {
            let Some(found) = (at..text.len()).find(|&place| may_be(place, number)) else {
                return 0;
            };
            *earliest = found;
            at = found + 1;
        }
        let mut latest = [0_usize; MOST_CHARS];
        let mut end = text.len();
        for (number, latest) in latest.iter_mut().enumerate().take(count).rev() {
            // A match exists (the greedy walk found one), so each search here succeeds.
            let Some(found) = (0..end).rev().find(|&place| may_be(place, number)) else {
                return 0;
            };
            *latest = found;
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
                if !may_be(place, start) {
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
                        || !may_be(place, next)
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

/// The bits of the needle's characters (`chars`) a text character may be compared as.
fn needle_bits(chars: &[char], may_be: impl Fn(char) -> bool) -> u32 {
    chars
        .iter()
        .enumerate()
        .filter(|(_, wanted)| may_be(**wanted))
        .fold(0, |bits, (number, _)| bits | 1 << number)
}

/// The bonus nucleo gives the character at `place` of a text.
fn place_bonus<C: TextChar>(text: &[C], place: usize) -> u32 {
    let previous = place.checked_sub(1).map(|before| text[before].as_char());
    bonus(previous, text[place].as_char())
}

/// A character of a text as the matcher holds it: a byte of an ASCII text, or a `char`.
trait TextChar: Copy {
    fn as_char(self) -> char;

    /// The bits of the needle's characters nucleo may compare this character as.
    fn needle_bits(self, needle: &TextNeedle) -> u32;
}

/// Whether nucleo may compare an ASCII character as `wanted` (lower-cased): itself in
/// either case, or any whitespace as whitespace (`char::is_whitespace` has more than ASCII's).
fn ascii_may_be(byte: u8, wanted: char) -> bool {
    char::from(byte.to_ascii_lowercase()) == wanted
        || (wanted.is_whitespace() && char::from(byte).is_whitespace())
}

impl TextChar for u8 {
    fn as_char(self) -> char {
        char::from(self)
    }

    fn needle_bits(self, needle: &TextNeedle) -> u32 {
        needle.ascii[usize::from(self & 0x7f)]
    }
}

impl TextChar for char {
    fn as_char(self) -> char {
        self
    }

    fn needle_bits(self, needle: &TextNeedle) -> u32 {
        if self.is_ascii() {
            return needle.ascii[self as usize];
        }
        // Folded, normalized, or both.
        let folded = to_lower_case(self);
        let variants = compared_as(self).map(to_lower_case);
        let whitespace = self.is_whitespace();
        needle_bits(&needle.chars, |wanted| {
            folded == wanted || variants.contains(&wanted) || (wanted.is_whitespace() && whitespace)
        })
    }
}

#[cfg(test)]
#[path = "text_bound_tests.rs"]
mod tests;
