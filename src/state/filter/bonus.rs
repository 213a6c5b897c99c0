//! nucleo-matcher 0.3's bonus for a character at its place in a text (`score.rs`,
//! `bonus_for`, and `chars.rs`, `char_class`), with its default configuration, for any
//! character: the bonus depends only on the classes of the character and the one before it
//! (the text's start counting as whitespace), taken from the characters as they are in the
//! text, before case folding or normalization.

use nucleo_matcher::chars::is_upper_case;

/// A matched character's score before its bonus.
pub const SCORE_MATCH: u32 = 16;

/// The most bonus any place gets (after whitespace or at the text's start).
pub const TOP_BONUS: u32 = 10;

/// The least bonus a consecutive match carries.
pub const BONUS_CONSECUTIVE: u32 = 4;

/// A gap's opening penalty: the least a gap costs.
pub const GAP_START: u32 = 3;

/// The bonus after punctuation that is no delimiter (`@`, `.`, `-`), and of such punctuation
/// itself; from this a character continuing a run raises the bonus the run carries.
pub const BONUS_PUNCTUATION: u32 = 8;

/// The bonus a run carries on once a character of bonus `own` continues it, from `carried`:
/// at least [`BONUS_CONSECUTIVE`], raised by a character of [`BONUS_PUNCTUATION`] or more. The
/// character itself scores the greater of this and `own`.
pub fn run_bonus(carried: u32, own: u32) -> u32 {
    let run = carried.max(BONUS_CONSECUTIVE);
    if own >= BONUS_PUNCTUATION && own > run {
        own
    } else {
        run
    }
}

/// nucleo's character classes, in its order (word classes after `Delimiter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Whitespace,
    NonWord,
    Delimiter,
    Lower,
    Upper,
    Letter,
    Number,
}

/// The class nucleo gives a character with its default configuration.
fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' => Class::Lower,
            'A'..='Z' => Class::Upper,
            '0'..='9' => Class::Number,
            c if c.is_ascii_whitespace() => Class::Whitespace,
            '/' | ',' | ':' | ';' | '|' => Class::Delimiter,
            _ => Class::NonWord,
        };
    }
    if c.is_lowercase() {
        Class::Lower
    } else if is_upper_case(c) {
        Class::Upper
    } else if c.is_numeric() {
        Class::Number
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_whitespace() {
        Class::Whitespace
    } else {
        Class::NonWord
    }
}

/// The bonus nucleo gives character `c` after `previous` (`None`: the text's start).
pub fn bonus(previous: Option<char>, c: char) -> u32 {
    let previous = previous.map_or(Class::Whitespace, class);
    let now = class(c);
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
