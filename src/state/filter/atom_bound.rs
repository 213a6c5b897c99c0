//! The most an atom can score on a text whose letters stand so (`standing.rs`): a bound read
//! from the standing's two words in a few nanoseconds.
//!
//! Why the bound holds, from nucleo-matcher 0.3's scoring (`score.rs`, `fuzzy_optimal.rs`;
//! `prefer_prefix` is off): every atom's score is that of one alignment of its needle in the
//! text (the optimal matcher's best, a greedy one, or the one place an exact, prefix, postfix
//! or substring atom matches), and an alignment scores, per matched character, 16 plus a
//! bonus (the first character's twice), less at least 3 for each gap between runs of
//! consecutive matches. A character starting a run gets the bonus of its place in the text;
//! one continuing a run gets the greater of 4, its own and the run's (the first character's,
//! raised by a later one of 8 or more). [`atom_bound`] takes the most of this over every way
//! to cut the needle into runs, each character given the most bonus its letter has anywhere
//! in the text (`Standing`), except that a character at a place of 9 or more can only be
//! followed in its run by a character whose pair with it stands there too (`pairs`), and a
//! letter or digit can only stand at such a place inside a run after whitespace or a
//! delimiter (after a letter, a digit or other punctuation it gets 8 at most).
//!
//! What the bound reads of a standing for one atom (`Reading`) takes a few hundred values over
//! a million users, so the bound itself is computed once per reading (`bounded.rs` caches it).
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
use super::standing::{
    HIGH, LOW, NOT_ASCII, ODD_PUNCTUATION, PUNCTUATED_SHIFT, Standing, code, pair_code,
};

/// One needle character as the bound reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NeedleChar {
    /// A letter or digit: its code; its bonus is read from where it stands.
    LetterOrDigit(u32),
    /// Other ASCII: its code and the bonus its class always gets (whitespace 10, other
    /// punctuation 8, a delimiter 0).
    Punctuation(u32, u32),
    /// Not ASCII: any bonus, in any pair.
    Other,
}

impl NeedleChar {
    fn of(c: char) -> Self {
        if !c.is_ascii() {
            return Self::Other;
        }
        let byte = c as u8;
        if byte.is_ascii_alphanumeric() {
            return Self::LetterOrDigit(code(byte));
        }
        let bonus = if byte.is_ascii_whitespace() {
            TOP_BONUS
        } else if b"/,:;|".contains(&byte) {
            0
        } else {
            BONUS_PUNCTUATION
        };
        Self::Punctuation(code(byte), bonus)
    }

    /// The most bonus this character gets at any place in a text that stands so.
    fn most_bonus(self, standing: Standing) -> u32 {
        match self {
            Self::LetterOrDigit(code) if standing.levels & 1 << code != 0 => TOP_BONUS,
            Self::LetterOrDigit(code) if code >= 26 => BONUS_PUNCTUATION,
            Self::LetterOrDigit(code) if standing.levels & 1 << (code + PUNCTUATED_SHIFT) != 0 => {
                BONUS_PUNCTUATION
            }
            Self::LetterOrDigit(_) => LOW,
            Self::Punctuation(..) if standing.levels & ODD_PUNCTUATION != 0 => TOP_BONUS,
            Self::Punctuation(_, bonus) => bonus,
            Self::Other => TOP_BONUS,
        }
    }

    /// Whether a letter or digit right after this character may stand high: only after
    /// whitespace or a delimiter (a letter or digit after anything else gets 8 at most).
    fn may_precede_high(self) -> bool {
        match self {
            Self::LetterOrDigit(_) => false,
            Self::Punctuation(_, bonus) => bonus != BONUS_PUNCTUATION,
            Self::Other => true,
        }
    }

    /// The code, for pairs; `None` when any pair may stand (whitespace, non-ASCII).
    fn code(self) -> Option<u32> {
        match self {
            Self::Punctuation(_, TOP_BONUS) | Self::Other => None,
            Self::LetterOrDigit(code) | Self::Punctuation(code, _) => Some(code),
        }
    }
}

/// What an atom's bound reads of a standing: equal readings, equal bounds. Few distinct
/// readings occur over many users, so a bound is computed once per reading (`bounded.rs`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Reading {
    /// The standing's levels under the atom's `level_mask`.
    levels: u64,
    /// Bit `at`: whether the pair of needle characters `at` and `at + 1` stands, read for
    /// pairs whose first character is a letter or digit that stands high (no other pair is
    /// ever checked: its first character is never at a high place).
    pairs: u64,
}

impl Reading {
    /// A reading of these words (tests build readings a standing may not give).
    #[cfg(test)]
    pub fn of_words(levels: u64, pairs: u64) -> Self {
        Self { levels, pairs }
    }

    /// Both words mixed into one, for a hash.
    pub fn mixed(self) -> u64 {
        self.levels ^ self.pairs.rotate_left(29)
    }
}

/// One positive atom's needle, as the bound reads it.
#[derive(Debug, Clone)]
pub struct AtomNeedle {
    chars: Vec<NeedleChar>,
    /// The code of each character's pair with the next (`None` where any pair may stand).
    pair_codes: Vec<Option<u64>>,
    /// The bits of `Standing::levels` its bound reads.
    level_mask: u64,
    /// The bits of `Standing::levels` that, all clear, leave its bound at `calm_bound`: its
    /// letters and digits standing high, and the flags it reads.
    calm_mask: u64,
    /// Its bound where none of `calm_mask` is set.
    calm_bound: u32,
    /// The high bits of the letters and digits that start a pair the bound may check.
    pair_firsts: u64,
}

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
        let high = chars.iter().fold(0, |bits, c| match c {
            NeedleChar::LetterOrDigit(code) => bits | 1 << code,
            _ => bits,
        });
        let punctuated = (high & ((1 << 26) - 1)) << PUNCTUATED_SHIFT;
        let pair_codes = chars
            .windows(2)
            .map(|pair| Some(pair_code(pair[0].code()?, pair[1].code()?)))
            .collect();
        let pair_firsts =
            chars[..chars.len().saturating_sub(1)]
                .iter()
                .fold(0, |bits, c| match c {
                    NeedleChar::LetterOrDigit(code) => bits | 1 << code,
                    _ => bits,
                });
        let mut needle = Self {
            pair_firsts,
            chars,
            pair_codes,
            level_mask: high | punctuated | flags,
            calm_mask: high | flags,
            calm_bound: 0,
        };
        // Calm: no letter high, every letter after punctuation somewhere (8 at most).
        needle.calm_bound = needle.bound_of(Reading {
            levels: punctuated,
            pairs: 0,
        });
        needle
    }

    /// Whether the atom's bound on a text that stands so is its calm bound.
    pub fn is_calm(&self, standing: Standing) -> bool {
        standing.levels & self.calm_mask == 0
    }

    /// Its bound on a text whose letters do not stand high.
    pub fn calm_bound(&self) -> u32 {
        self.calm_bound
    }

    /// What the bound reads of a standing.
    pub fn reading(&self, standing: Standing) -> Reading {
        let mut pairs = 0;
        let pair_codes = if standing.levels & self.pair_firsts == 0 {
            &[]
        } else {
            &self.pair_codes[..]
        };
        for (at, code) in pair_codes.iter().enumerate().take(64) {
            if let (Some(code), NeedleChar::LetterOrDigit(first)) = (code, self.chars[at])
                && standing.levels & 1 << first != 0
                && standing.has_pair(*code)
            {
                pairs |= 1 << at;
            }
        }
        // A letter that stands high gets the top bonus whether or not it also follows
        // punctuation: one reading for both.
        let high_letters = standing.levels & ((1 << 26) - 1);
        Reading {
            levels: standing.levels & self.level_mask & !(high_letters << PUNCTUATED_SHIFT),
            pairs,
        }
    }

    /// The most this atom can score on a text that stands so.
    #[cfg(test)]
    pub fn bound(&self, standing: Standing) -> u32 {
        self.bound_of(self.reading(standing))
    }

    /// The most this atom can score on a text read so.
    pub fn bound_of(&self, reading: Reading) -> u32 {
        let standing = Standing::of_levels(reading.levels);
        let most: Vec<u32> = self.chars.iter().map(|c| c.most_bonus(standing)).collect();
        match most.as_slice() {
            [] => 0,
            [only] if reading.levels & NOT_ASCII != 0 => SCORE_MATCH + 2 * TOP_BONUS.max(*only),
            [only] => SCORE_MATCH + 2 * only,
            _ => {
                // Pairs past the 64 read, or whose first character is no letter or digit, are
                // taken to stand.
                let pair_stands = |at: usize| {
                    at >= 64
                        || !matches!(self.chars[at], NeedleChar::LetterOrDigit(_))
                        || self.pair_codes[at].is_none()
                        || reading.pairs & 1 << at != 0
                };
                let high_in_run = |at: usize| {
                    !matches!(self.chars[at], NeedleChar::LetterOrDigit(_))
                        || self.chars[at - 1].may_precede_high()
                };
                atom_bound(&most, pair_stands, high_in_run)
            }
        }
    }
}

/// The most an alignment of a needle can score, given the most bonus each character can get
/// (`most`, two or more), whether each character at a high place may be followed in its run
/// by the next (`pair_stands(at)`) and whether a character may stand high inside a run
/// (`high_in_run(at)`): a walk over the needle keeping, for each bonus a run may carry and
/// whether the last character stood high, the best score so far.
fn atom_bound(
    most: &[u32],
    pair_stands: impl Fn(usize) -> bool,
    high_in_run: impl Fn(usize) -> bool,
) -> u32 {
    // best[carried][high]: the best score with the last character matched, its run carrying
    // bonus `CARRIED[carried]`, the character at a high place or not; 0 where none is possible
    // (a matched character scores 16 at least).
    let mut best = [[0_u32; 2]; CARRIED.len()];
    for bonus in places(most[0]) {
        let cell = &mut best[carried_index(bonus)][usize::from(bonus >= HIGH)];
        *cell = (*cell).max(SCORE_MATCH + 2 * bonus);
    }
    for (at, &most) in most.iter().enumerate().skip(1) {
        let mut next = [[0_u32; 2]; CARRIED.len()];
        let after_gap = best.iter().flatten().max().copied().unwrap_or(0);
        let pair_stands = pair_stands(at - 1);
        for bonus in places(most) {
            let high = usize::from(bonus >= HIGH);
            let cell = &mut next[carried_index(bonus)][high];
            *cell = (*cell).max(after_gap.saturating_sub(GAP_START) + SCORE_MATCH + bonus);
            if high == 1 && !high_in_run(at) {
                continue;
            }
            for (carried, cells) in CARRIED.iter().zip(&best) {
                for (was_high, score) in cells.iter().enumerate() {
                    if *score == 0 || (was_high == 1 && !pair_stands) {
                        continue;
                    }
                    let run = run_bonus(*carried, bonus);
                    let cell = &mut next[carried_index(run)][high];
                    *cell = (*cell).max(score + SCORE_MATCH + run.max(bonus));
                }
            }
        }
        best = next;
    }
    best.iter().flatten().max().copied().unwrap_or(0)
}

/// The bonuses a run can carry: a character's most (`NeedleChar::most_bonus`: 0, 7, 8 or
/// 10), 8 (`places`), or at least 4 once consecutive.
const CARRIED: [u32; 5] = [0, BONUS_CONSECUTIVE, LOW, BONUS_PUNCTUATION, TOP_BONUS];

/// Where a bonus a run carries lies in [`CARRIED`] (one above it, were another to occur, is
/// taken as the next one up: a bound).
fn carried_index(bonus: u32) -> usize {
    CARRIED
        .iter()
        .position(|carried| *carried >= bonus)
        .unwrap_or(CARRIED.len() - 1)
}

/// The bonuses a character whose most is `most` is tried at: its most, and 8 when that is
/// high (a place that is not high frees the next character from the pair check).
fn places(most: u32) -> impl Iterator<Item = u32> {
    std::iter::once(most).chain((most >= HIGH).then_some(BONUS_PUNCTUATION))
}

#[cfg(test)]
#[path = "standing_tests.rs"]
mod tests;
