//! A tighter rise for one user, when the query appends one character to its last fuzzy atom:
//! read from where that character occurs in the user's text, far cheaper than scoring it.
//!
//! From the optimal matcher (see `narrow.rs`): the appended character's cell is either a match
//! right after a match of the old last character (at most the old score plus 26), or a match
//! after a gap, at most the old score minus the gap's 3 plus 16 and the character's own bonus.
//! That bonus is 0 for a lower-case ASCII letter after an ASCII letter or digit, and for a
//! digit after a digit; anything else is taken at the top bonus, 10. Where it is unsure (a
//! non-ASCII character that may fold onto either needle character) it assumes the worst.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::chars::{normalize, to_lower_case};

use super::narrow::RISE_PER_CHAR;

/// A match and the top bonus, less the smallest gap penalty.
const RISE_AFTER_GAP: u32 = 16 + 10 - 3;

/// A match with no bonus, less the smallest gap penalty.
const RISE_AFTER_GAP_MID_WORD: u32 = 16 - 3;

/// The character typed onto the last atom and the old needle's last character before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    /// The old needle's last character.
    pub after: char,
    /// The character typed (ASCII, not upper case).
    pub typed: char,
}

/// Whether nucleo may compare text character `text` equal to needle character `needle`
/// (case-folded, normalized): never `false` when it might.
fn may_match(text: char, needle: char) -> bool {
    if !needle.is_ascii() {
        return true;
    }
    if text.is_ascii() {
        return text.eq_ignore_ascii_case(&needle);
    }
    let folded = to_lower_case(text);
    let normalized = normalize(text);
    [
        folded,
        normalized,
        to_lower_case(normalized),
        normalize(folded),
    ]
    .iter()
    .any(|variant| variant.eq_ignore_ascii_case(&needle))
}

/// Whether nucleo gives character `c` no bonus after `previous` (else: up to the top bonus).
fn has_no_bonus(previous: char, c: char) -> bool {
    (c.is_ascii_lowercase() && previous.is_ascii_alphanumeric())
        || (c.is_ascii_digit() && previous.is_ascii_digit())
}

/// Most `appended` can add to this text's score for the atom it extends (0 if the typed
/// character cannot match anywhere).
pub fn rise_for(text: Utf32Str<'_>, appended: Appended) -> u32 {
    let mut most = 0;
    let mut previous = None;
    for c in text.chars() {
        if may_match(c, appended.typed) {
            let rise = match previous {
                Some(previous) if !may_match(previous, appended.after) => {
                    if has_no_bonus(previous, c) {
                        RISE_AFTER_GAP_MID_WORD
                    } else {
                        RISE_AFTER_GAP
                    }
                }
                _ => RISE_PER_CHAR,
            };
            most = most.max(rise);
            if most == RISE_PER_CHAR {
                break;
            }
        }
        previous = Some(c);
    }
    most
}
