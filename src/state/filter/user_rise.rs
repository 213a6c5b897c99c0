//! A tighter rise for one user, when the query appends one character to its last fuzzy atom:
//! read from where that character occurs in the user's text, far cheaper than scoring it.
//!
//! From the optimal matcher (see `narrow.rs`, and `next_m_cell` in nucleo's
//! `fuzzy_optimal.rs`): the appended character's cell is either a match after a gap, at most
//! the old score minus the gap's 3 plus 16 and the character's own bonus; or a match right
//! after a match of the old last character, at most the old score plus 16 and the greatest of
//! 4, its own bonus and the bonus the run of consecutive matches it extends carries (the
//! largest own bonus in that run, which ends at the character before and matches the old
//! needle's last characters). Bonuses are nucleo's for ASCII characters (a word character
//! after whitespace 10, after one of `/,:;|` 9, after other punctuation 8; upper after lower,
//! or a digit after a non-digit, 7; punctuation 8 and whitespace 10 themselves; else 0), and
//! the top bonus, 10, wherever a character is not ASCII. Where it is unsure (a non-ASCII
//! character that may fold onto a needle character) it assumes the worst.
//!
//! The run's bonus is what makes e-mail text provable: `exa` -> `exam` on `…@example.com` adds
//! 16 + 8 (the run `exa` starts after `@`), where the top bonus would allow 26, so users who
//! tie at the best score of `exa` tie again, and a walk rules them out without scoring them.

use nucleo_matcher::Utf32Str;

use super::bonus::{BONUS_CONSECUTIVE, GAP_START, SCORE_MATCH, TOP_BONUS};
use super::letters::compared_as;

/// Old needle characters kept to follow a run back; a run longer than this is assumed to
/// carry the top bonus.
pub const TAIL: usize = 16;

/// The character typed onto the last atom and the old needle's last characters before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    /// The old needle's last character.
    pub after: char,
    /// The character typed (ASCII, not upper case).
    pub typed: char,
    /// The old needle's last characters (up to [`TAIL`]), in order, ending with `after`.
    tail: [char; TAIL],
    /// How many of `tail` are set.
    tail_len: usize,
    /// Whether the old needle has more characters than `tail` holds.
    tail_cut: bool,
}

impl Appended {
    /// `typed` appended to the needle `old` (not empty).
    pub fn new(old: &[char], typed: char) -> Option<Self> {
        let after = *old.last()?;
        let count = old.len();
        let mut tail = ['\0'; TAIL];
        let tail_len = count.min(TAIL);
        tail[..tail_len].copy_from_slice(&old[count - tail_len..]);
        Some(Self {
            after,
            typed,
            tail,
            tail_len,
            tail_cut: count > TAIL,
        })
    }
}

/// Whether nucleo may compare text character `text` equal to needle character `needle`
/// (case-folded, normalized): never `false` when it might.
fn may_match(text: char, needle: char) -> bool {
    !needle.is_ascii()
        || compared_as(text)
            .iter()
            .any(|variant| variant.eq_ignore_ascii_case(&needle))
}

/// nucleo's character classes of ASCII characters, in its order (word classes last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Whitespace,
    NonWord,
    Delimiter,
    Lower,
    Upper,
    Number,
}

/// The class of an ASCII character with nucleo's default configuration.
fn class(c: u8) -> Class {
    match c {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Number,
        c if c.is_ascii_whitespace() => Class::Whitespace,
        b'/' | b',' | b':' | b';' | b'|' => Class::Delimiter,
        _ => Class::NonWord,
    }
}

/// The most bonus nucleo gives character `c` after `previous` (`None`: the text's start,
/// taken as whitespace): exact where both are ASCII, the top bonus otherwise.
pub(super) fn bonus_at_most(previous: Option<char>, c: char) -> u32 {
    let previous = previous.unwrap_or(' ');
    if !previous.is_ascii() || !c.is_ascii() {
        return TOP_BONUS;
    }
    // `is_ascii` above: both fit a byte.
    let (previous, now) = (class(previous as u8), class(c as u8));
    if now > Class::Delimiter {
        match previous {
            Class::Whitespace => return 10,
            Class::Delimiter => return 9,
            Class::NonWord => return 8,
            _ => {}
        }
    }
    if (previous == Class::Lower && now == Class::Upper)
        || (previous != Class::Number && now == Class::Number)
    {
        7
    } else if now == Class::Whitespace {
        10
    } else if now == Class::NonWord {
        8
    } else {
        0
    }
}

/// The most bonus a run of consecutive matches ending at `text[end]` carries: the largest
/// own bonus of the text characters, back from `end`, that may match the old needle's last
/// characters in turn.
fn run_bonus(text: Utf32Str<'_>, end: usize, appended: &Appended) -> u32 {
    let mut most = BONUS_CONSECUTIVE;
    let tail = &appended.tail[..appended.tail_len];
    for (back, needle) in tail.iter().rev().enumerate() {
        let Some(at) = end.checked_sub(back) else {
            return most;
        };
        let c = text.get(at as u32);
        if !may_match(c, *needle) {
            return most;
        }
        let previous = at.checked_sub(1).map(|before| text.get(before as u32));
        most = most.max(bonus_at_most(previous, c));
    }
    if appended.tail_cut { TOP_BONUS } else { most }
}

/// Most `appended` can add to this text's score for the atom it extends (0 if the typed
/// character cannot match anywhere).
pub fn rise_for(text: Utf32Str<'_>, appended: Appended) -> u32 {
    let mut most = 0;
    let mut previous = None;
    for (at, c) in text.chars().enumerate() {
        if may_match(c, appended.typed) {
            let bonus = bonus_at_most(previous, c);
            // After a gap.
            let mut rise = (SCORE_MATCH + bonus).saturating_sub(GAP_START);
            // Right after a match of the old last character, extending its run.
            if let Some(before) = previous
                && may_match(before, appended.after)
            {
                let carried = run_bonus(text, at - 1, &appended);
                rise = rise.max(SCORE_MATCH + bonus.max(carried).max(BONUS_CONSECUTIVE));
            }
            most = most.max(rise);
            if most == SCORE_MATCH + TOP_BONUS {
                break;
            }
        }
        previous = Some(c);
    }
    most
}
