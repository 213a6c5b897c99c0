//! Which characters a text holds, so that a user whose text lacks a character the query needs
//! is skipped without scoring: the filter's one shortcut, and an exact one.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::pattern::Pattern;

/// Which characters a text holds, each folded into one of 64 buckets, so that a text lacking a
/// character the query needs is skipped without scoring it.
///
/// Exact, not a guess: nucleo compares a text's character `c` as one of `c`, `normalize(c)`,
/// `lower(c)` or `lower(normalize(c))` (by the atom's case and normalization), with the needle's
/// character as the atom holds it. A text marks the buckets of all four forms; a needle's
/// character needs its own bucket. If nucleo matched a needle character to `c`, the needle
/// character is one of those forms, so its bucket is marked: a text missing a needle bucket
/// cannot match. (`char_set_never_rules_out_a_match` checks this against nucleo.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CharSet(u64);

impl CharSet {
    fn bucket(c: char) -> u64 {
        let index = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            'A'..='Z' => c as u32 - 'A' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + (c as u32 % 28),
        };
        1 << index
    }

    /// The buckets of every form a text's characters are compared as.
    pub fn of_text(text: Utf32Str<'_>) -> Self {
        use nucleo_matcher::chars::{normalize, to_lower_case};
        let mut bits = 0;
        for c in text.chars() {
            if c.is_ascii() {
                // Normalizing leaves ASCII as it is, and an upper-case letter's lower case
                // falls in its own bucket: one bucket covers every form.
                bits |= Self::bucket(c);
                continue;
            }
            let normalized = normalize(c);
            bits |= Self::bucket(c)
                | Self::bucket(normalized)
                | Self::bucket(to_lower_case(c))
                | Self::bucket(to_lower_case(normalized));
        }
        Self(bits)
    }

    /// The buckets every text that can match `pattern` holds: each character of each atom
    /// that must match (negated atoms need nothing).
    pub fn required_by(pattern: &Pattern) -> Self {
        let mut bits = 0;
        for atom in pattern.atoms.iter().filter(|atom| !atom.negative) {
            for c in atom.needle_text().chars() {
                bits |= Self::bucket(c);
            }
        }
        Self(bits)
    }

    /// Whether this text holds every bucket `required` names.
    pub fn holds(self, required: Self) -> bool {
        self.0 & required.0 == required.0
    }
}

#[cfg(test)]
mod tests {
    use nucleo_matcher::{Config, Matcher, Utf32String};

    use super::*;
    use crate::state::filter::parse;

    /// Characters of texts: ASCII, accents precomposed and combining, case pairs that fold
    /// oddly (dotless i, the long s, a ligature, a titlecase digraph), CJK, RTL controls.
    const TEXT_CHARS: &[char] = &[
        'a', 'e', 'i', 's', 'o', 'A', 'E', 'I', 'S', 'z', '0', '7', ' ', '.', '@', '_', '\'', '-',
        'À', 'É', 'é', 'è', 'Ö', 'ö', 'ü', 'Ü', 'ß', 'Š', 'š', 'ž', 'Ç', 'ç', 'ı', 'İ', 'ſ', 'ﬁ',
        'ǅ', 'Ǆ', 'ǆ', '伟', '陈', 'Ω', 'ω', 'K', '\u{212a}', '\u{0301}', '\u{202e}', '\t',
    ];

    /// Characters of queries, fzf's syntax included.
    const QUERY_CHARS: &[char] = &[
        'a', 'e', 'i', 's', 'o', 'A', 'E', 'I', 'S', 'z', '0', ' ', '.', '@', '\'', '^', '$', '!',
        '\\', 'É', 'é', 'ö', 'Ö', 'Š', 'š', 'ß', 'ç', 'ı', 'İ', 'ſ', 'ǅ', 'ω', 'K', '\u{212a}',
        '\u{0301}', '-',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        /// The skip is exact: a text it rules out is one nucleo does not match.
        #[test]
        fn char_set_never_rules_out_a_match(
            text in proptest::collection::vec(proptest::sample::select(TEXT_CHARS), 0..24),
            query in proptest::collection::vec(proptest::sample::select(QUERY_CHARS), 0..8),
        ) {
            let query: String = query.into_iter().collect();
            let text: String = text.into_iter().collect();
            let pattern = parse(&query);
            let text = Utf32String::from(text.as_str());
            let mut matcher = Matcher::new(Config::DEFAULT);
            if pattern.score(text.slice(..), &mut matcher).is_some() {
                proptest::prop_assert!(
                    CharSet::of_text(text.slice(..)).holds(CharSet::required_by(&pattern))
                );
            }
        }
    }

    #[test]
    fn a_text_lacking_a_needed_character_is_ruled_out() {
        let pattern = parse("zq");
        let text = Utf32String::from("Anna Smith anna@x.io");
        assert!(!CharSet::of_text(text.slice(..)).holds(CharSet::required_by(&pattern)));
        let accented = Utf32String::from("José");
        assert!(CharSet::of_text(accented.slice(..)).holds(CharSet::required_by(&parse("jose"))));
    }
}
