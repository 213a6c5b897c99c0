use nucleo_matcher::{Config, Matcher, Utf32String};
use proptest::prelude::*;

use super::*;
use crate::state::filter::parse;
use crate::state::filter::test_strategies::{queries, texts};

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

/// Characters that exercise case, normalization, word boundaries, digits and whitespace
/// (ASCII and not: nucleo trims each kind from the ends of its kind of text).
const ALPHABET: &[char] = &[
    'a', 'b', 'g', 'n', 'A', 'B', 'G', 'N', '1', ' ', '.', '@', '-', '/', 'á', 'Á', 'ß', 'ğ', 'Ö',
    'o', 'ø', '\u{212A}', 'k', 'ﬁ', 'i', 'f', '\t', '\u{A0}', '\u{2003}',
];

fn text(max: usize) -> impl Strategy<Value = String> {
    texts(ALPHABET, 0..max)
}

/// Queries of one or two atoms, each fuzzy, `^prefix`, `postfix$`, `^exact$`, `'substring`
/// or negated.
fn query() -> impl Strategy<Value = String> {
    queries(ALPHABET, 1..4, vec!["", "^", "'", "!", "!^"], vec!["", "$"])
}

#[test]
fn a_prefix_or_postfix_needs_its_edge_past_the_whitespace() {
    let set = letters("  Anna Berg\t");
    for admitted in [
        "^an",
        "erg$",
        "^anna berg$",
        "^a g$",
        "'nn",
        "g$ ^a",
        "!^b",
        "^.a",
        "g$",
    ] {
        assert!(
            set.contains_all(LetterSet::required_by(&parse(admitted))),
            "{admitted}"
        );
    }
    for refused in ["^b", "ann$", "^anna berga$", "n$", "^g"] {
        assert!(
            !set.contains_all(LetterSet::required_by(&parse(refused))),
            "{refused}"
        );
    }
    // An accented edge admits its base letter; whitespace of either kind is passed over.
    let accented = letters("\u{A0}Élodie Bérubé\u{2003}");
    for admitted in ["e$", "^e", "^elodie berube$"] {
        assert!(
            accented.contains_all(LetterSet::required_by(&parse(admitted))),
            "{admitted}"
        );
    }
    // One that matches no letter admits none; an empty text has no edges to match.
    assert!(!letters("Anna.").contains_all(LetterSet::required_by(&parse("a$"))));
    assert!(!letters("").contains_all(LetterSet::required_by(&parse("^a"))));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Skipping on letters never drops a match: whatever nucleo matches holds every letter the
    /// query requires.
    #[test]
    fn every_match_holds_the_required_letters(haystack in text(16), query in query()) {
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
