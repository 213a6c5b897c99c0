//! Where a user's letters stand in their text (at a word start or after punctuation), kept
//! per user as three words, from which `atom_bound.rs` reads the most any query can score on a
//! text that stands so: a bound read in a few nanoseconds, where scoring the text takes ~0.3 µs.
//!
//! This is what proves the top rows of queries no earlier ranking helps with (`bounded.rs`):
//! over a million users who all have `@example.com`, the users who tie at the score the
//! domain gives are ruled out unread, and only those whose letters stand higher (a name
//! starting with the query's letters) are scored.
//!
//! A standing keeps, per letter or digit, whether it stands at a place of 9 or more (after
//! whitespace or a delimiter) and whether a letter stands at 8 or more (after punctuation);
//! up to five pairs of a character at a high place and the one after it, and as many of a
//! letter right after punctuation (8) and the one after it; and whether any letter stands at
//! a camel case hump (7). Places are given nucleo's bonus (`bonus.rs`).
//!
//! The pairs after punctuation are what rule out an e-mail's letters that run on from no
//! `@` or `.`: every address has an `e` after one (`@example`), and without its pair a query
//! such as `ema` is allowed a run of `e`, `m` and `a` at 8 each on every user.

use nucleo_matcher::Utf32Str;

use super::bonus::{BONUS_PUNCTUATION, bonus};
use super::letters::compared_as;

/// A place whose bonus is at least this counts as high: only whitespace (10) and the
/// delimiters `/,:;|` (9) lead to it.
pub(super) const HIGH: u32 = 9;

/// The most a letter or digit gets that stands nowhere high or after punctuation (a camel
/// case hump or a digit after a letter).
pub(super) const LOW: u32 = 7;

/// Bits of the letters' codes.
pub(super) const LETTER_BITS: u64 = (1 << 26) - 1;

/// Bits of the letters and digits that stand high somewhere.
pub(super) const HIGH_BITS: u64 = (1 << 36) - 1;

/// Where the bits of the letters (not digits) that stand at 8 or more begin.
pub(super) const PUNCTUATED_SHIFT: u32 = 36;

/// Set when a non-ASCII character of the text may be compared as ASCII punctuation or
/// whitespace (its bonus then cannot be read from its class).
pub(super) const ODD_PUNCTUATION: u64 = 1 << 62;

/// Set when the text is not ASCII (a one-character needle may then get the top bonus).
pub(super) const NOT_ASCII: u64 = 1 << 63;

/// The code of an ASCII character: letters (case-folded) and digits as in `LetterSet`
/// (0-35), other ASCII characters folded onto 36-63.
pub(super) fn code(c: u8) -> u32 {
    match c.to_ascii_lowercase() {
        c @ b'a'..=b'z' => u32::from(c - b'a'),
        c @ b'0'..=b'9' => 26 + u32::from(c - b'0'),
        c => 36 + u32::from(c) % 28,
    }
}

/// The codes of the ASCII characters nucleo may compare `c` as, as one bit each.
fn codes(c: char) -> u64 {
    compared_as(c)
        .iter()
        .filter(|variant| variant.is_ascii())
        .fold(0, |codes, variant| codes | 1 << code(*variant as u8))
}

/// The code of a pair of codes: a character and the one after it.
pub(super) fn pair_code(first: u32, second: u32) -> u64 {
    u64::from(first) << 6 | u64::from(second)
}

/// Bits of a pair's code.
const PAIR_BITS: u32 = 12;

/// Pairs a set keeps; a text with more distinct pairs at its places (five word starts with
/// different first letters, say) counts every pair as standing there.
const PAIR_SLOTS: u64 = 5;

/// Where the count of pairs kept lies in a set.
const PAIR_COUNT_SHIFT: u32 = 61;

/// The count of a set with too many pairs to keep.
const PAIRS_OVERFLOWED: u64 = 7;

/// Set in `Standing::punctuated` when a letter stands at a camel case hump (a bonus of 7):
/// the one bit between the slots and the count.
const CAMEL: u64 = 1 << 60;

/// Where a text's letters stand, in three words (see the module's doc).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// Letters and digits at a high place (bits 0-35), letters at a place of 8 or more (bits
    /// 36-61), [`ODD_PUNCTUATION`] and [`NOT_ASCII`].
    pub(super) levels: u64,
    /// Pairs of a character at a high place and the one after it: up to [`PAIR_SLOTS`] codes
    /// of [`PAIR_BITS`], and their count above (or [`PAIRS_OVERFLOWED`]).
    high: u64,
    /// Pairs of a letter right after punctuation (a bonus of 8) and the one after it, as in
    /// `high`, and [`CAMEL`].
    punctuated: u64,
}

/// A standing's pairs and camel case hump, kept apart from its levels (`Standing::pair_words`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct PairWords([u64; 2]);

impl Standing {
    /// Where the letters of `text` stand.
    pub fn of_text(text: Utf32Str<'_>) -> Self {
        let mut standing = Self::default();
        if !text.is_ascii() {
            standing.levels |= NOT_ASCII;
        }
        let mut previous = None;
        // The codes of the previous character where it stood high, or was a letter after
        // punctuation: the first of a pair to keep.
        let mut high_codes: u64 = 0;
        let mut punctuated_codes: u64 = 0;
        for c in text.chars() {
            let codes = if c.is_ascii() {
                1 << code(c as u8)
            } else {
                codes(c)
            };
            if !c.is_ascii() && codes >> 36 != 0 {
                standing.levels |= ODD_PUNCTUATION;
            }
            keep_pairs(&mut standing.high, high_codes, codes);
            keep_pairs(&mut standing.punctuated, punctuated_codes, codes);
            let bonus = bonus(previous, c);
            let letters_and_digits = codes & HIGH_BITS;
            let letters = codes & LETTER_BITS;
            if bonus >= HIGH {
                standing.levels |= letters_and_digits;
            }
            if bonus >= BONUS_PUNCTUATION {
                standing.levels |= letters << PUNCTUATED_SHIFT;
            }
            if bonus == LOW && letters != 0 {
                standing.punctuated |= CAMEL;
            }
            // A needle's whitespace is taken to pair with anything (`NeedleChar::code`), so the
            // text's spaces, high by their class, need not fill the pairs.
            high_codes = if bonus >= HIGH && !c.is_ascii_whitespace() {
                codes
            } else {
                0
            };
            punctuated_codes = if bonus == BONUS_PUNCTUATION {
                letters
            } else {
                0
            };
            previous = Some(c);
        }
        standing
    }

    /// The pairs kept at high places (and [`NO_PAIR`]s); `None` when there were too many to
    /// keep (any pair whose first character stands high may stand there).
    pub(super) fn high_pairs(self) -> Option<impl Iterator<Item = u64>> {
        kept(self.high)
    }

    /// The pairs kept with their first a letter right after punctuation, as `high_pairs`.
    pub(super) fn punctuated_pairs(self) -> Option<impl Iterator<Item = u64>> {
        kept(self.punctuated)
    }

    /// The words besides the levels, for keeping apart from them: a pass reads the levels of
    /// every user and these of few.
    pub(super) fn pair_words(self) -> PairWords {
        PairWords([self.high, self.punctuated])
    }

    /// The standing of these levels and pair words.
    pub(super) fn of_words(levels: u64, pairs: PairWords) -> Self {
        let PairWords([high, punctuated]) = pairs;
        Self {
            levels,
            high,
            punctuated,
        }
    }

    /// Whether a letter stands at a camel case hump.
    pub(super) fn has_camel_hump(self) -> bool {
        self.punctuated & CAMEL != 0
    }
}

/// Keeps in `set` the pairs of each of `firsts` with each of `seconds` (codes as bits).
fn keep_pairs(set: &mut u64, firsts: u64, seconds: u64) {
    let mut first = firsts;
    while first != 0 {
        let first_code = first.trailing_zeros();
        first &= first - 1;
        let mut second = seconds;
        while second != 0 {
            keep_pair(set, pair_code(first_code, second.trailing_zeros()));
            second &= second - 1;
        }
    }
}

/// Keeps a pair in a set, unless it is kept or there are too many.
fn keep_pair(set: &mut u64, code: u64) {
    let count = *set >> PAIR_COUNT_SHIFT;
    if count == PAIRS_OVERFLOWED || has_pair(*set, code) {
        return;
    }
    let rest = *set & ((1 << PAIR_COUNT_SHIFT) - 1);
    *set = if count == PAIR_SLOTS {
        rest | PAIRS_OVERFLOWED << PAIR_COUNT_SHIFT
    } else {
        rest | code << (count * u64::from(PAIR_BITS)) | (count + 1) << PAIR_COUNT_SHIFT
    };
}

/// A code no pair has, yielded for a set's empty slots.
pub(super) const NO_PAIR: u64 = 1 << PAIR_BITS;

/// The pairs a set keeps, one per slot ([`NO_PAIR`] for an empty one: a fixed count of
/// slots, so that reading them takes no branch on how many there are); `None` when it had
/// too many to keep.
fn kept(set: u64) -> Option<impl Iterator<Item = u64>> {
    let count = set >> PAIR_COUNT_SHIFT;
    (count != PAIRS_OVERFLOWED).then(|| {
        (0..PAIR_SLOTS).map(move |slot| {
            let code = set >> (slot * u64::from(PAIR_BITS)) & ((1 << PAIR_BITS) - 1);
            if slot < count { code } else { NO_PAIR }
        })
    })
}

/// Whether a set holds a pair (any, once it has too many to keep).
fn has_pair(set: u64, code: u64) -> bool {
    kept(set).is_none_or(|mut codes| codes.any(|kept| kept == code))
}

#[cfg(test)]
#[path = "pair_set_tests.rs"]
mod tests;
