//! A needle character as the summary's bound reads it (`atom_bound.rs`): its kind, and the
//! kinds of place it may take in a text, each with the most bonus it gets there.

use super::bonus::{BONUS_PUNCTUATION, TOP_BONUS};
use super::standing::{LOW, ODD_PUNCTUATION, PUNCTUATED_SHIFT, code};

/// One needle character as the bound reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NeedleChar {
    /// A letter or digit: its code; its bonus is read from where it stands.
    LetterOrDigit(u32),
    /// Other ASCII: its code and the bonus its class always gets (whitespace 10, other
    /// punctuation 8, a delimiter 0).
    Punctuation(u32, u32),
    /// Not ASCII: any bonus, in any pair.
    Other,
}

/// What kind of place a needle character is tried at, for the pair its run may continue
/// with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// Below 8 (a letter after a letter), or a character whose pairs are not checked.
    Low = 0,
    /// A letter right after punctuation (8): its run continues only with a pair that stands
    /// after punctuation.
    Punctuated = 1,
    /// A letter or digit at 9 or more: its run continues only with a pair that stands high.
    High = 2,
}

impl NeedleChar {
    pub(super) fn of(c: char) -> Self {
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

    /// The places this character may take in a text of these levels (`Standing::levels`),
    /// with or without a camel case hump, each with the most bonus it gets there (a character
    /// whose pairs are not checked needs only its most).
    pub(super) fn places(self, levels: u64, camel: bool) -> impl Iterator<Item = (u32, Place)> {
        let (high, punctuated, low) = match self {
            Self::LetterOrDigit(code) if code < 26 => (
                levels & 1 << code != 0,
                levels & 1 << (code + PUNCTUATED_SHIFT) != 0,
                if camel { LOW } else { 0 },
            ),
            // A digit gets 8 after punctuation and 7 after a letter: its pairs after
            // punctuation are not kept.
            Self::LetterOrDigit(code) => (levels & 1 << code != 0, false, BONUS_PUNCTUATION),
            Self::Punctuation(..) if levels & ODD_PUNCTUATION != 0 => (false, false, TOP_BONUS),
            Self::Punctuation(_, bonus) => (false, false, bonus),
            Self::Other => (false, false, TOP_BONUS),
        };
        [
            high.then_some((TOP_BONUS, Place::High)),
            punctuated.then_some((BONUS_PUNCTUATION, Place::Punctuated)),
            Some((low, Place::Low)),
        ]
        .into_iter()
        .flatten()
    }

    /// The most bonus this character gets at any place in such a text.
    pub(super) fn most_bonus(self, levels: u64, camel: bool) -> u32 {
        self.places(levels, camel)
            .map(|(bonus, _)| bonus)
            .max()
            .unwrap_or(0)
    }

    /// Whether a letter or digit right after this character may stand high: only after
    /// whitespace or a delimiter (a letter or digit after anything else gets 8 at most).
    pub(super) fn may_precede_high(self) -> bool {
        match self {
            Self::LetterOrDigit(_) => false,
            Self::Punctuation(_, bonus) => bonus != BONUS_PUNCTUATION,
            Self::Other => true,
        }
    }

    /// The code, for pairs; `None` when any pair may stand (whitespace, non-ASCII).
    pub(super) fn code(self) -> Option<u32> {
        match self {
            Self::Punctuation(_, TOP_BONUS) | Self::Other => None,
            Self::LetterOrDigit(code) | Self::Punctuation(code, _) => Some(code),
        }
    }

    /// The code of a letter (not a digit).
    pub(super) fn letter(self) -> Option<u32> {
        match self {
            Self::LetterOrDigit(code) if code < 26 => Some(code),
            _ => None,
        }
    }
}
