use nucleo_matcher::{Config, Matcher, Utf32String};
use proptest::prelude::*;

use super::*;
use crate::state::filter::parse;

fn letters(text: &str) -> LetterSet {
    LetterSet::of_text(Utf32String::from(text).slice(..))
}

#[test]
fn a_text_holds_its_letters_and_digits_case_folded_and_normalized() {
    let set = letters("Anna B. 42");
    for needed in ["anna", "AB", "b4", "2"] {
        assert!(
            set.contains_all(LetterSet::required_by(&parse(needed))),
            "{needed}"
        );
    }
    for missing in ["x", "anna 5", "g"] {
        assert!(
            !set.contains_all(LetterSet::required_by(&parse(missing))),
            "{missing}"
        );
    }
    // Accented letters match their base letter once normalized, so they hold it too.
    let accented = letters("Çağla Öztürk");
    assert!(accented.contains_all(LetterSet::required_by(&parse("cagla ozturk"))));
    // The Kelvin sign folds to "k".
    assert!(letters("\u{212A}").contains_all(LetterSet::required_by(&parse("k"))));
}

#[test]
fn negations_and_other_characters_require_nothing() {
    let empty = LetterSet::default();
    for query in ["!x", "!^abc", "é", ". @ -", "!x y"] {
        let required = LetterSet::required_by(&parse(query));
        assert_eq!(empty.contains_all(required), query != "!x y", "{query}");
    }
}

/// Characters that exercise case, normalization, word boundaries and digits.
const ALPHABET: &[char] = &[
    'a', 'b', 'g', 'n', 'A', 'B', 'G', 'N', '1', ' ', '.', '@', '-', '/', 'á', 'Á', 'ß', 'ğ', 'Ö',
    'o', 'ø', '\u{212A}', 'k', 'ﬁ', 'i', 'f',
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Skipping on letters never drops a match: whatever nucleo matches holds every letter the
    /// query requires.
    #[test]
    fn every_match_holds_the_required_letters(haystack in text(16), query in text(5)) {
        let pattern = parse(&query);
        let utf32 = Utf32String::from(haystack.as_str());
        let mut matcher = Matcher::new(Config::DEFAULT);
        if pattern.score(utf32.slice(..), &mut matcher).is_some() {
            prop_assert!(
                LetterSet::of_text(utf32.slice(..)).contains_all(LetterSet::required_by(&pattern))
            );
        }
    }
}
