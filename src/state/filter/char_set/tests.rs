use nucleo_matcher::{Config, Matcher, Utf32String};

use super::*;
use crate::state::filter::parse;

/// Characters of texts: ASCII, accents precomposed and combining, case pairs that fold
/// oddly (dotless i, the long s, a ligature, a titlecase digraph), CJK, RTL controls.
const TEXT_CHARS: &[char] = &[
    'a', 'e', 'i', 's', 'o', 'A', 'E', 'I', 'S', 'z', '0', '7', ' ', '.', '@', '_', '\'', '-', 'À',
    'É', 'é', 'è', 'Ö', 'ö', 'ü', 'Ü', 'ß', 'Š', 'š', 'ž', 'Ç', 'ç', 'ı', 'İ', 'ſ', 'ﬁ', 'ǅ', 'Ǆ',
    'ǆ', '伟', '陈', 'Ω', 'ω', 'K', '\u{212a}', '\u{0301}', '\u{202e}', '\t',
    // Code points 1024 apart share a memo slot with one above.
    '\u{4e9}', '\u{8e9}', '\u{4f1f}',
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

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

    /// The memo gives the plain sets, its slots taken by other characters too.
    #[test]
    fn a_memo_gives_the_same_sets(
        texts in proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(TEXT_CHARS), 0..24),
            1..6,
        ),
    ) {
        let mut memo = CharSets::default();
        for text in texts {
            let text: String = text.into_iter().collect();
            proptest::prop_assert_eq!(memo.of_str(&text), CharSet::of_str(&text));
            let text = Utf32String::from(text.as_str());
            proptest::prop_assert_eq!(
                CharSet::of_str(&text.to_string()),
                CharSet::of_text(text.slice(..))
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
