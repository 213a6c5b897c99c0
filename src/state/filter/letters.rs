//! The ASCII letters and digits a text can match, as one bit each, computed once per user so
//! a user whose text lacks a character the query needs is skipped without running the matcher;
//! and the letter or digit its first and last characters can match, so a `^prefix` or
//! `postfix$` atom skips the users it cannot match without reading their text.
//!
//! Sound by construction: a text's set holds every ASCII letter or digit any of its characters
//! can turn into under nucleo's case folding and normalization (in either order), and a query
//! requires only the ASCII letters and digits of its needles. Anything else requires nothing.
//! The first and last characters are those nucleo compares a prefix or postfix with: past the
//! leading or trailing whitespace, as nucleo's matcher finds it (ASCII whitespace in an ASCII
//! text, Unicode whitespace in another; none trimmed from a text that is all whitespace).

use nucleo_matcher::Utf32Str;
use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::{AtomKind, Pattern};

/// A set of ASCII letters (case-folded) and digits, in bits 0 to 35, and the letter or digit
/// the first and last characters can match ([`EDGE_BITS`] each, above them).
///
/// As a requirement (`required_by`), the edges are the letter or digit a prefix or postfix
/// atom needs there, or [`ANY`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterSet(u64);

/// Bits of the letters and digits.
const LETTERS: u64 = (1 << 36) - 1;

/// Bits of each edge's code.
const EDGE_BITS: u32 = 6;

/// Where the first character's code lies.
const FIRST_SHIFT: u32 = 36;

/// Where the last character's code lies.
const LAST_SHIFT: u32 = FIRST_SHIFT + EDGE_BITS;

/// An edge code: the character can match no ASCII letter or digit (or there is none).
const NONE: u64 = 62;

/// An edge code: the character may match more than one (a text's), or anything is allowed
/// (a requirement's).
const ANY: u64 = 63;

/// The bit of an ASCII letter or digit (case-folded); none for any other character.
fn bit(c: char) -> u64 {
    match c.to_ascii_lowercase() {
        c @ 'a'..='z' => 1 << (c as u32 - 'a' as u32),
        c @ '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 0,
    }
}

/// The characters nucleo may compare `c` as, once folded, normalized, or both (in either
/// order): `c` itself, four times over, when it is ASCII.
pub(super) fn compared_as(c: char) -> [char; 4] {
    if c.is_ascii() {
        return [c; 4];
    }
    let folded = to_lower_case(c);
    let normalized = normalize(c);
    [
        folded,
        normalized,
        to_lower_case(normalized),
        normalize(folded),
    ]
}

/// The bits of every ASCII letter or digit the matcher may compare `c` as.
fn bits_of(c: char) -> u64 {
    if c.is_ascii() {
        return bit(c);
    }
    compared_as(c)
        .iter()
        .fold(0, |bits, variant| bits | bit(*variant))
}

/// The edge code of a character's bits: its one letter or digit, [`NONE`] or [`ANY`].
fn edge_code(bits: u64) -> u64 {
    match bits.count_ones() {
        0 => NONE,
        1 => u64::from(bits.trailing_zeros()),
        _ => ANY,
    }
}

/// The first and last characters nucleo compares a prefix and a postfix with: past the
/// whitespace it trims (ASCII whitespace from an ASCII text, Unicode whitespace from another;
/// none from a text that is all whitespace).
fn edges(text: Utf32Str<'_>) -> Option<(char, char)> {
    let blank = |c: char| {
        if text.is_ascii() {
            c.is_ascii_whitespace()
        } else {
            c.is_whitespace()
        }
    };
    let last = text.len().checked_sub(1)?;
    let lead = text.chars().position(|c| !blank(c)).unwrap_or(0);
    let trail = text.chars().rev().position(|c| !blank(c)).unwrap_or(0);
    Some((text.get(lead as u32), text.get((last - trail) as u32)))
}

/// Whether a text's edge code admits a required one.
fn edge_admits(have: u64, need: u64) -> bool {
    need == ANY || have == ANY || have == need
}

impl LetterSet {
    /// Every ASCII letter or digit the characters of `text` can match, and those its first
    /// and last characters can.
    pub fn of_text(text: Utf32Str<'_>) -> Self {
        let bits = text.chars().fold(0, |bits, c| bits | bits_of(c));
        let (first, last) = edges(text).map_or((NONE, NONE), |(first, last)| {
            (edge_code(bits_of(first)), edge_code(bits_of(last)))
        });
        Self(bits | first << FIRST_SHIFT | last << LAST_SHIFT)
    }

    /// The ASCII letters and digits every match of `pattern` must contain: those of the
    /// needles of its positive atoms (a negative atom requires nothing); and the letter or
    /// digit a prefix atom needs first, a postfix atom last (an exact one, both).
    pub fn required_by(pattern: &Pattern) -> Self {
        let mut bits = 0;
        let (mut first, mut last) = (ANY, ANY);
        for atom in pattern.atoms.iter().filter(|atom| !atom.negative) {
            let needle = atom.needle_text();
            for c in needle.chars() {
                if c.is_ascii() {
                    bits |= bit(c);
                }
            }
            // Each such atom needs its own edge; the first one found is required (any one
            // alone is sound). A needle edge that is no ASCII letter or digit needs nothing.
            let need = |c: Option<char>| {
                c.map(bit)
                    .filter(|bit| *bit != 0)
                    .map_or(ANY, |bit| u64::from(bit.trailing_zeros()))
            };
            if matches!(atom.kind, AtomKind::Prefix | AtomKind::Exact) && first == ANY {
                first = need(needle.chars().next());
            }
            if matches!(atom.kind, AtomKind::Postfix | AtomKind::Exact) && last == ANY {
                last = need(needle.chars().next_back());
            }
        }
        Self(bits | first << FIRST_SHIFT | last << LAST_SHIFT)
    }

    /// Whether this text's set admits `required`: every letter in it, and the edges.
    pub fn contains_all(self, required: Self) -> bool {
        let edge = |set: Self, shift: u32| (set.0 >> shift) & ((1 << EDGE_BITS) - 1);
        self.0 & required.0 & LETTERS == required.0 & LETTERS
            && edge_admits(edge(self, FIRST_SHIFT), edge(required, FIRST_SHIFT))
            && edge_admits(edge(self, LAST_SHIFT), edge(required, LAST_SHIFT))
    }
}

#[cfg(test)]
#[path = "letters_tests.rs"]
mod tests;
