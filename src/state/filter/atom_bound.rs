//! The most an atom can score on a text whose letters stand so (`standing.rs`): a bound read
//! from the standing's three words in a few nanoseconds.
//!
//! Why the bound holds, from nucleo-matcher 0.3's scoring (`score.rs`, `fuzzy_optimal.rs`;
//! `prefer_prefix` is off): every atom's score is that of one alignment of its needle in the
//! text (the optimal matcher's best, a greedy one, or the one place an exact, prefix, postfix
//! or substring atom matches), and an alignment scores, per matched character, 16 plus a
//! bonus (the first character's twice), less at least 3 for each gap between runs of
//! consecutive matches. A character starting a run gets the bonus of its place in the text;
//! one continuing a run gets the greater of 4, its own and the run's (the first character's,
//! raised by a later one of 8 or more). [`atom_bound`] takes the most of this over every way
//! to cut the needle into runs, each character tried at each kind of place its letter takes
//! somewhere in the text (`Place`): high (9 or more), right after punctuation (8, letters
//! only), or neither (7 where the text has a camel case hump, else 0). A character at a high
//! place, or a letter right after punctuation, can only be followed in its run by a
//! character whose pair with it stands at such a place too (`Standing`'s pairs); inside a run
//! a letter or digit can only stand high after whitespace or a delimiter, and a letter only
//! follows punctuation after a character that is no letter or digit.
//!
//! What the bound reads of a standing for one atom (`Reading`) takes a few hundred values over
//! a million users, so the bound itself is computed once per reading (`bounded.rs` caches it).
//! Its levels alone give a looser bound (every pair taken to stand, a camel case hump
//! somewhere), which rules most users out before their pairs are read.
//!
//! Places are given nucleo's bonus (`bonus.rs`). A one-character needle takes nucleo's
//! single-character path, which on a non-ASCII text reads word boundaries from the previous
//! *matching* character: such a text is allowed the top bonus for it.
//!
//! `standing_tests.rs` checks the bound against nucleo's scores on random texts and queries.

use nucleo_matcher::pattern::{Atom, Pattern};

use super::bonus::{
    BONUS_CONSECUTIVE, BONUS_PUNCTUATION, GAP_START, SCORE_MATCH, TOP_BONUS, run_bonus,
};
use super::needle_char::{NeedleChar, Place};
use super::standing::{
    LETTER_BITS, LOW, NO_PAIR, NOT_ASCII, ODD_PUNCTUATION, PUNCTUATED_SHIFT, Standing, pair_code,
};

/// What an atom's bound reads of a standing: equal readings, equal bounds. Few distinct
/// readings occur over many users, so a bound is computed once per reading (`bounded.rs`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Reading {
    /// The standing's levels under the atom's `level_mask`.
    levels: u64,
    /// Bit `at`: whether the pair of needle characters `at` and `at + 1` stands high, read
    /// for pairs whose first character is a letter or digit that stands high (no other pair
    /// is ever checked there: its first character is never at a high place).
    high_pairs: u64,
    /// Bit `at`: whether that pair stands after punctuation, read for pairs whose first
    /// character is a letter that stands after punctuation.
    punctuated_pairs: u64,
    /// Whether a letter stands at a camel case hump, read for needles with a letter.
    camel: bool,
}

impl Reading {
    /// A reading of these levels and pairs (tests build readings a standing may not give).
    #[cfg(test)]
    pub fn of_words(levels: u64, high_pairs: u64, punctuated_pairs: u64) -> Self {
        Self {
            levels,
            high_pairs,
            punctuated_pairs,
            camel: false,
        }
    }

    /// Every word mixed into one, for a hash: the pairs' few low bits spread by odd
    /// multipliers, so that they do not cancel the levels' bits.
    pub fn mixed(self) -> u64 {
        self.levels
            ^ self.high_pairs.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ self.punctuated_pairs.wrapping_mul(0x1656_67B1_9E37_79F9)
            ^ u64::from(self.camel).wrapping_mul(0x27D4_EB2F_1656_67C5)
    }
}

/// One positive atom's needle, as the bound reads it.
#[derive(Debug, Clone)]
pub struct AtomNeedle {
    chars: Vec<NeedleChar>,
    /// The bits of `Standing::levels` its bound reads.
    level_mask: u64,
    /// Whether it has a letter (whose bonus a camel case hump may raise).
    has_letter: bool,
    /// Its bound on a text where none of `level_mask`'s letters and digits stands high or
    /// after punctuation, and none of its flags is set.
    calm_bound: u32,
    /// The positions (as bits) whose pair with the next character the bound checks: a letter
    /// or digit first, a code second, within the first [`CHECKED_PAIRS`]; any other pair is
    /// taken to stand.
    checked: u64,
    /// By pair code (or [`NO_PAIR`]), the positions (as bits) where the bound checks that
    /// pair. A table, so that a standing's kept pairs are read without a branch on what they
    /// hold.
    pair_positions: Box<[u32]>,
    /// Each checked position and the code of its first character, for a standing that kept
    /// too many pairs to read.
    checked_firsts: Vec<(usize, u32)>,
}

/// Needle positions whose pairs the bound checks; pairs past them are taken to stand.
const CHECKED_PAIRS: usize = 32;

impl AtomNeedle {
    /// The positive atoms of a pattern (a negative one adds nothing to a score).
    pub fn of_pattern(pattern: &Pattern) -> Vec<Self> {
        pattern
            .atoms
            .iter()
            .filter(|atom| !atom.negative)
            .map(Self::of_atom)
            .collect()
    }

    pub(super) fn of_atom(atom: &Atom) -> Self {
        let chars: Vec<NeedleChar> = atom.needle_text().chars().map(NeedleChar::of).collect();
        let mut flags = 0;
        if chars.len() == 1 {
            flags |= NOT_ASCII;
        }
        if chars
            .iter()
            .any(|c| matches!(c, NeedleChar::Punctuation(..)))
        {
            flags |= ODD_PUNCTUATION;
        }
        let codes = |chars: &[NeedleChar]| {
            chars.iter().fold(0, |bits, c| match c {
                NeedleChar::LetterOrDigit(code) => bits | 1 << code,
                _ => bits,
            })
        };
        let high = codes(&chars);
        let punctuated = (high & LETTER_BITS) << PUNCTUATED_SHIFT;
        let pair_codes: Vec<Option<u64>> = chars
            .windows(2)
            .map(|pair| Some(pair_code(pair[0].code()?, pair[1].code()?)))
            .collect();
        let checked_firsts: Vec<(usize, u32)> = chars
            .iter()
            .zip(&pair_codes)
            .enumerate()
            .take(CHECKED_PAIRS)
            .filter_map(|(at, (c, code))| match (c, code) {
                (NeedleChar::LetterOrDigit(first), Some(_)) => Some((at, *first)),
                _ => None,
            })
            .collect();
        // Every pair code, and `NO_PAIR` (checked nowhere).
        let mut pair_positions = vec![0_u32; NO_PAIR as usize + 1].into_boxed_slice();
        for &(at, _) in &checked_firsts {
            if let Some(code) = pair_codes[at] {
                pair_positions[code as usize] |= 1 << at;
            }
        }
        let mut needle = Self {
            checked: checked_firsts
                .iter()
                .fold(0, |positions, (at, _)| positions | 1 << at),
            pair_positions,
            checked_firsts,
            has_letter: chars.iter().any(|c| c.letter().is_some()),
            chars,
            level_mask: high | punctuated | flags,
            calm_bound: 0,
        };
        needle.calm_bound = needle.loose_bound(0);
        needle
    }

    /// Whether the atom's bound on a text of these levels (`Standing::levels`) is its calm
    /// bound.
    pub fn is_calm(&self, levels: u64) -> bool {
        levels & self.level_mask == 0
    }

    /// Its bound on a text whose letters stand nowhere high or after punctuation.
    pub fn calm_bound(&self) -> u32 {
        self.calm_bound
    }

    /// What the loose bound reads of a standing's levels.
    pub fn loose_reading(&self, levels: u64) -> u64 {
        levels & self.level_mask
    }

    /// The most this atom can score on a text of these levels (`levels`), whatever its pairs
    /// and camel case humps: no less than its bound, and read from far fewer bits, so that
    /// most users of a pass are ruled out before their pairs are read.
    pub fn loose_bound(&self, levels: u64) -> u32 {
        self.bound_of(Reading {
            levels,
            high_pairs: u64::MAX,
            punctuated_pairs: u64::MAX,
            camel: self.has_letter,
        })
    }

    /// What the bound reads of a standing.
    pub fn reading(&self, standing: Standing) -> Reading {
        let levels = standing.levels;
        // A pair is kept only where its first character stands so: a kept pair stands at
        // every position it is checked at. A set that overflowed holds every pair.
        let high_pairs = match standing.high_pairs() {
            Some(kept) => self.positions_of(kept),
            None => self.positions_where(|first| levels & 1 << first != 0),
        };
        let punctuated_pairs = match standing.punctuated_pairs() {
            Some(kept) => self.positions_of(kept),
            None => self.positions_where(|first| {
                first < 26 && levels & 1 << (first + PUNCTUATED_SHIFT) != 0
            }),
        };
        Reading {
            levels: levels & self.level_mask,
            high_pairs,
            punctuated_pairs,
            camel: self.has_letter && standing.has_camel_hump(),
        }
    }

    /// The positions, as bits, where one of these kept pairs is checked.
    fn positions_of(&self, kept: impl Iterator<Item = u64>) -> u64 {
        kept.fold(0, |positions, code| {
            let at = self.pair_positions.get(code as usize).copied().unwrap_or(0);
            positions | u64::from(at)
        })
    }

    /// The checked positions, as bits, whose first character is as `first_stands` says.
    fn positions_where(&self, first_stands: impl Fn(u32) -> bool) -> u64 {
        self.checked_firsts
            .iter()
            .filter(|(_, first)| first_stands(*first))
            .fold(0, |positions, (at, _)| positions | 1 << at)
    }

    /// The most this atom can score on a text that stands so.
    #[cfg(test)]
    pub fn bound(&self, standing: Standing) -> u32 {
        self.bound_of(self.reading(standing))
    }

    /// The most this atom can score on a text read so.
    pub fn bound_of(&self, reading: Reading) -> u32 {
        match self.chars.as_slice() {
            [] => 0,
            [only] if reading.levels & NOT_ASCII != 0 => {
                SCORE_MATCH + 2 * TOP_BONUS.max(only.most_bonus(reading.levels, reading.camel))
            }
            [only] => SCORE_MATCH + 2 * only.most_bonus(reading.levels, reading.camel),
            chars => {
                // Pairs the bound does not check are taken to stand.
                let pair_stands = |at: usize, place: Place| {
                    let read = match place {
                        Place::Low => return true,
                        Place::Punctuated => reading.punctuated_pairs,
                        Place::High => reading.high_pairs,
                    };
                    let checked = at < CHECKED_PAIRS && self.checked & 1 << at != 0;
                    !checked || read & 1 << at != 0
                };
                // A letter or digit stands high inside a run only after whitespace or a
                // delimiter, and a letter after punctuation only after a character that is
                // none (after a letter or a digit it gets 7 at most).
                let in_run = |at: usize, place: Place| match place {
                    _ if !matches!(chars[at], NeedleChar::LetterOrDigit(_)) => true,
                    Place::Low => true,
                    Place::Punctuated => !matches!(chars[at - 1], NeedleChar::LetterOrDigit(_)),
                    Place::High => chars[at - 1].may_precede_high(),
                };
                let places: Vec<Vec<(u32, Place)>> = chars
                    .iter()
                    .map(|c| c.places(reading.levels, reading.camel).collect())
                    .collect();
                atom_bound(&places, pair_stands, in_run)
            }
        }
    }
}

/// The most an alignment of a needle can score, given the places each character may take
/// with the most bonus it gets there (`places`, two characters or more), whether a character
/// at a place may be followed in its run by the next (`pair_stands(at, place)`) and whether a
/// character may take a place inside a run (`in_run(at, place)`): a walk over the needle
/// keeping, for each bonus a run may carry and the place the last character took, the best
/// score so far.
fn atom_bound(
    places: &[Vec<(u32, Place)>],
    pair_stands: impl Fn(usize, Place) -> bool,
    in_run: impl Fn(usize, Place) -> bool,
) -> u32 {
    // best[carried][place]: the best score with the last character matched, its run carrying
    // bonus `CARRIED[carried]`, the character at that place; 0 where none is possible (a
    // matched character scores 16 at least).
    let mut best = [[0_u32; 3]; CARRIED.len()];
    for &(bonus, place) in &places[0] {
        let cell = &mut best[carried_index(bonus)][place as usize];
        *cell = (*cell).max(SCORE_MATCH + 2 * bonus);
    }
    for (at, places) in places.iter().enumerate().skip(1) {
        let mut next = [[0_u32; 3]; CARRIED.len()];
        let after_gap = best.iter().flatten().max().copied().unwrap_or(0);
        let stands =
            [Place::Low, Place::Punctuated, Place::High].map(|was| pair_stands(at - 1, was));
        for &(bonus, place) in places {
            let cell = &mut next[carried_index(bonus)][place as usize];
            *cell = (*cell).max(after_gap.saturating_sub(GAP_START) + SCORE_MATCH + bonus);
            if !in_run(at, place) {
                continue;
            }
            for (carried, cells) in CARRIED.iter().zip(&best) {
                for (was, score) in cells.iter().enumerate() {
                    if *score == 0 || !stands[was] {
                        continue;
                    }
                    let run = run_bonus(*carried, bonus);
                    let cell = &mut next[carried_index(run)][place as usize];
                    *cell = (*cell).max(score + SCORE_MATCH + run.max(bonus));
                }
            }
        }
        best = next;
    }
    best.iter().flatten().max().copied().unwrap_or(0)
}

/// The bonuses a run can carry: a character's (0, 7, 8 or 10), or at least 4 once
/// consecutive.
const CARRIED: [u32; 5] = [0, BONUS_CONSECUTIVE, LOW, BONUS_PUNCTUATION, TOP_BONUS];

/// Where a bonus a run carries lies in [`CARRIED`] (one above it, were another to occur, is
/// taken as the next one up: a bound).
fn carried_index(bonus: u32) -> usize {
    CARRIED
        .iter()
        .position(|carried| *carried >= bonus)
        .unwrap_or(CARRIED.len() - 1)
}

#[cfg(test)]
#[path = "standing_tests.rs"]
mod tests;
