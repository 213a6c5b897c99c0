//! Random texts and queries shared by the filter's property tests.

use proptest::prelude::*;

/// Characters for names and e-mails: word starts, case changes, delimiters, digits, accents,
/// Unicode whitespace and characters that fold or normalize onto ASCII.
pub const NAMES_AND_MAILS: &[char] = &[
    'a', 'b', 'e', 'x', 'A', 'B', 'E', 'X', '1', ' ', '.', '@', '-', '/', ':', 'á', 'Á', 'é', 'É',
    'ß', 'ğ', '\u{212A}', 'k', 'ﬁ', 'i', 'f', '\t', '\u{A0}', '\u{2003}', '中',
];

/// Texts of `lengths` characters of `alphabet`.
pub fn texts(
    alphabet: &'static [char],
    lengths: std::ops::Range<usize>,
) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(alphabet), lengths)
        .prop_map(|chars| chars.into_iter().collect())
}

/// Queries of one or two atoms of `lengths` characters of `alphabet` (whitespace left out),
/// each written with one of `befores` (`^`, `'`, `!`...) and one of `afters` (`$`).
pub fn queries(
    alphabet: &'static [char],
    lengths: std::ops::Range<usize>,
    befores: Vec<&'static str>,
    afters: Vec<&'static str>,
) -> impl Strategy<Value = String> {
    let letters: Vec<char> = alphabet
        .iter()
        .filter(|c| !c.is_whitespace())
        .copied()
        .collect();
    let atom = (
        prop::collection::vec(prop::sample::select(letters), lengths),
        prop::sample::select(befores),
        prop::sample::select(afters),
    )
        .prop_map(|(chars, before, after)| {
            format!("{before}{}{after}", chars.into_iter().collect::<String>())
        });
    prop::collection::vec(atom, 1..3).prop_map(|atoms| atoms.join(" "))
}
