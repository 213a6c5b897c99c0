//! Where a user's letters stand in their text (at a word start or after punctuation), kept
//! per user as two words, from which `atom_bound.rs` reads the most any query can score on a
//! text that stands so: a bound read in a few nanoseconds, where scoring the text takes ~0.3 µs.
//!
//! This is what proves the top rows of queries no earlier ranking helps with (`bounded.rs`):
//! over a million users who all have `@example.com`, the users who tie at the score the
//! domain gives are ruled out unread, and only those whose letters stand higher (a name
//! starting with the query's letters) are scored.
//!
//! A standing keeps, per letter or digit, whether it stands at a place of 9 or more (after
//! whitespace or a delimiter) and whether a letter stands at 8 or more (after punctuation),
//! and up to five pairs of a character at a high place and the one after it. Places are given
//! nucleo's bonus (`bonus.rs`).

use nucleo_matcher::Utf32Str;

use super::bonus::{BONUS_PUNCTUATION, bonus};
use super::letters::compared_as;

/// A place whose bonus is at least this counts as high: only whitespace (10) and the
/// delimiters `/,:;|` (9) lead to it.
pub(super) const HIGH: u32 = 9;

/// The most a letter or digit gets that stands nowhere high or after punctuation (a camel
/// case hump or a digit after a letter).
pub(super) const LOW: u32 = 7;

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

/// Pairs a text keeps; a text with more distinct pairs at high places (five word starts with
/// different first letters, say) counts every pair as standing.
const PAIR_SLOTS: u64 = 5;

/// Where the count of pairs kept lies in `Standing::pairs`.
const PAIR_COUNT_SHIFT: u32 = 61;

/// The count of a text with too many pairs to keep.
const PAIRS_OVERFLOWED: u64 = 7;

/// Where a text's letters stand, in two words (see the module's doc).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// Letters and digits at a high place (bits 0-35), letters at a place of 8 or more (bits
    /// 36-61), [`ODD_PUNCTUATION`] and [`NOT_ASCII`].
    pub(super) levels: u64,
    /// Pairs of a character at a high place and the one after it: up to [`PAIR_SLOTS`] codes
    /// of [`PAIR_BITS`], and their count above (or [`PAIRS_OVERFLOWED`]).
    pairs: u64,
}

impl Standing {
    /// Where the letters of `text` stand.
    pub fn of_text(text: Utf32Str<'_>) -> Self {
        let mut standing = Self::default();
        if !text.is_ascii() {
            standing.levels |= NOT_ASCII;
        }
        let mut previous = None;
        let mut high_codes: u64 = 0;
        for c in text.chars() {
            let codes = if c.is_ascii() {
                1 << code(c as u8)
            } else {
                codes(c)
            };
            if !c.is_ascii() && codes >> 36 != 0 {
                standing.levels |= ODD_PUNCTUATION;
            }
            // The pairs of the previous character, at a high place, with this one.
            let mut first = high_codes;
            while first != 0 {
                let first_code = first.trailing_zeros();
                first &= first - 1;
                let mut second = codes;
                while second != 0 {
                    standing.keep_pair(pair_code(first_code, second.trailing_zeros()));
                    second &= second - 1;
                }
            }
            let bonus = bonus(previous, c);
            let letters_and_digits = codes & HIGH_BITS;
            if bonus >= HIGH {
                standing.levels |= letters_and_digits;
            }
            if bonus >= BONUS_PUNCTUATION {
                standing.levels |= (letters_and_digits & ((1 << 26) - 1)) << PUNCTUATED_SHIFT;
            }
            // A needle's whitespace is taken to pair with anything (`NeedleChar::code`), so the
            // text's spaces, high by their class, need not fill the pairs.
            high_codes = if bonus >= HIGH && !c.is_ascii_whitespace() {
                codes
            } else {
                0
            };
            previous = Some(c);
        }
        standing
    }

    /// A standing of these levels and no pairs.
    pub(super) fn of_levels(levels: u64) -> Self {
        Self { levels, pairs: 0 }
    }

    /// Keeps a pair at a high place, unless it is kept or there are too many.
    fn keep_pair(&mut self, code: u64) {
        let count = self.pairs >> PAIR_COUNT_SHIFT;
        if count == PAIRS_OVERFLOWED || self.has_pair(code) {
            return;
        }
        let slots = self.pairs & ((1 << PAIR_COUNT_SHIFT) - 1);
        self.pairs = if count == PAIR_SLOTS {
            slots | PAIRS_OVERFLOWED << PAIR_COUNT_SHIFT
        } else {
            slots | code << (count * u64::from(PAIR_BITS)) | (count + 1) << PAIR_COUNT_SHIFT
        };
    }

    /// Whether a pair stands at a high place (any does in a text with too many to keep).
    pub(super) fn has_pair(self, code: u64) -> bool {
        let count = self.pairs >> PAIR_COUNT_SHIFT;
        count == PAIRS_OVERFLOWED
            || (0..count).any(|slot| {
                self.pairs >> (slot * u64::from(PAIR_BITS)) & ((1 << PAIR_BITS) - 1) == code
            })
    }
}
