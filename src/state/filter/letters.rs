//! The ASCII letters and digits a text can match, as one bit each, computed once per user so
//! a user whose text lacks a character the query needs is skipped without running the matcher.
//!
//! Sound by construction: a text's set holds every ASCII letter or digit any of its characters
//! can turn into under nucleo's case folding and normalization (in either order), and a query
//! requires only the ASCII letters and digits of its needles. Anything else requires nothing.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::Pattern;

/// A set of ASCII letters (case-folded) and digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterSet(u64);

/// The bit of an ASCII letter or digit (case-folded); none for any other character.
fn bit(c: char) -> u64 {
    match c.to_ascii_lowercase() {
        c @ 'a'..='z' => 1 << (c as u32 - 'a' as u32),
        c @ '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 0,
    }
}

impl LetterSet {
    /// Every ASCII letter or digit the characters of `text` can match.
    pub fn of_text(text: Utf32Str<'_>) -> Self {
        let mut bits = 0;
        match text {
            Utf32Str::Ascii(bytes) => {
                for byte in bytes {
                    bits |= bit(char::from(*byte));
                }
            }
            Utf32Str::Unicode(chars) => {
                for &c in chars {
                    bits |= if c.is_ascii() {
                        bit(c)
                    } else {
                        // What the matcher may compare it as: folded, normalized, or both.
                        let folded = to_lower_case(c);
                        let normalized = normalize(c);
                        bit(folded)
                            | bit(normalized)
                            | bit(to_lower_case(normalized))
                            | bit(normalize(folded))
                    };
                }
            }
        }
        Self(bits)
    }

    /// The ASCII letters and digits every match of `pattern` must contain: those of the
    /// needles of its positive atoms (a negative atom requires nothing).
    pub fn required_by(pattern: &Pattern) -> Self {
        let mut bits = 0;
        for atom in pattern.atoms.iter().filter(|atom| !atom.negative) {
            for c in atom.needle_text().chars() {
                if c.is_ascii() {
                    bits |= bit(c);
                }
            }
        }
        Self(bits)
    }

    /// Whether every letter of `required` is in this set.
    pub fn contains_all(self, required: Self) -> bool {
        self.0 & required.0 == required.0
    }
}

#[cfg(test)]
#[path = "letters_tests.rs"]
mod tests;
