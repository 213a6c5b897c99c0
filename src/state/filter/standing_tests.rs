use nucleo_matcher::{Config, Matcher, Utf32String};
use proptest::prelude::*;

use super::*;
use crate::state::filter::parse;
use crate::state::filter::test_strategies::{NAMES_AND_MAILS, queries, texts};

fn standing(text: &str) -> Standing {
    Standing::of_text(Utf32String::from(text).slice(..))
}

/// The bound of a whole query: its positive atoms' bounds summed.
fn query_bound(query: &str, text: &str) -> u32 {
    let standing = standing(text);
    AtomNeedle::of_pattern(&parse(query))
        .iter()
        .map(|atom| atom.bound(standing))
        .sum()
}

fn score(query: &str, text: &str) -> Option<u32> {
    parse(query).score(
        Utf32String::from(text).slice(..),
        &mut Matcher::new(Config::DEFAULT),
    )
}

#[test]
fn an_e_mail_domain_is_bounded_by_the_score_it_gives() {
    // `exam` after `@` scores 16 + 2 x 8, then 16 + 8 three times: so is the bound, as no
    // letter of it starts a word.
    let text = "John Walker john.walker.7@example.com";
    assert_eq!(score("exam", text), Some(104));
    assert_eq!(query_bound("exam", text), 104);
    assert_eq!(
        query_bound("example.com", text),
        score("example.com", text).unwrap()
    );
    // A name starting with "E" may start the needle at a word start, but "ex" stands at no
    // word start: a run from there carries 8 at most.
    let emma = "Emma Walker emma.walker.7@example.com";
    assert_eq!(query_bound("exam", emma), 104);
    // "Ex" at a word start lets the run carry the top bonus.
    let exley = "Anna Exley anna.exley@example.com";
    assert_eq!(score("exam", exley), Some(104));
    assert_eq!(query_bound("exam", exley), 36 + 3 * 26);
}

#[test]
fn one_character_gets_twice_the_bonus_where_it_stands() {
    assert_eq!(query_bound("w", "John Walker"), 36);
    assert_eq!(query_bound("k", "John Walker"), 16);
    // A camel case hump anywhere lets a letter that stands nowhere higher have its 7.
    assert_eq!(query_bound("k", "John WalKer"), 16 + 2 * LOW);
    assert_eq!(query_bound("k", "JohnWalker"), 16 + 2 * LOW);
    assert_eq!(query_bound("e", "a.e"), 16 + 2 * 8);
    // nucleo's single-character path on a non-ASCII text may give any character the top bonus.
    assert_eq!(query_bound("k", "Jöhn Walker"), 36);
    // Punctuation gets its class's bonus wherever it is.
    assert_eq!(query_bound("@", "a@b"), 16 + 2 * 8);
    assert_eq!(query_bound("/", "a/b"), 16);
}

#[test]
fn equal_readings_are_equal_bounds() {
    let texts = [
        "Emma Walker emma@example.com",
        "Emma Berg emma@example.com",
        "Zoë Öztürk zoe@x.io",
        "a/b:c",
        "ex ex",
        "Ex Am Ple",
    ];
    for query in ["exam", "ex", "e", "é", "x@e", "a/b", "ab cd", "example.com"] {
        for atom in AtomNeedle::of_pattern(&parse(query)) {
            for one in texts {
                for other in texts {
                    let (one, other) = (standing(one), standing(other));
                    if atom.reading(one) == atom.reading(other) {
                        assert_eq!(atom.bound(one), atom.bound(other), "{query}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_calm_text_is_bounded_by_the_calm_bound() {
    for (query, text) in [
        ("xm", "John Walker john.walker.7@example.com"),
        ("zz", "John Walker john.walker.7@example.com"),
        ("Zz", "JohnWalker"),
    ] {
        for atom in AtomNeedle::of_pattern(&parse(query)) {
            let standing = standing(text);
            assert!(atom.is_calm(standing.levels), "{query}");
            assert!(atom.bound(standing) <= atom.calm_bound(), "{query}");
        }
    }
    let em = &AtomNeedle::of_pattern(&parse("em"))[0];
    assert!(!em.is_calm(standing("Emma").levels));
    assert!(!em.is_calm(standing("anna@example.com").levels));
}

/// Queries of one or two atoms, each fuzzy, `^prefix`, `postfix$`, `^exact$`, `'substring`
/// or negated.
fn query() -> impl Strategy<Value = String> {
    queries(
        NAMES_AND_MAILS,
        1..6,
        vec!["", "", "^", "'", "!"],
        vec!["", "", "$"],
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    /// No text scores more than the bound read from where its letters stand.
    #[test]
    fn no_text_scores_more_than_its_bound(text in texts(NAMES_AND_MAILS, 0..40), query in query()) {
        if let Some(score) = score(&query, &text) {
            let bound = query_bound(&query, &text);
            prop_assert!(score <= bound, "{query:?} on {text:?}: {score} > {bound}");
        }
    }

    /// Runs of the needle's letters after every kind of character, where the pairs matter.
    #[test]
    fn no_run_scores_more_than_its_bound(
        text in texts(&['e', 'x', 'a', 'E', 'X', '@', '.', ' ', '/', '1', 'é'], 0..30),
        needle in texts(&['e', 'x', 'a', '.'], 1..8),
    ) {
        if let Some(score) = score(&needle, &text) {
            let bound = query_bound(&needle, &text);
            prop_assert!(score <= bound, "{needle:?} on {text:?}: {score} > {bound}");
        }
    }
}

#[test]
fn an_e_mail_domain_lends_no_run_to_letters_it_does_not_hold() {
    // `e` stands after `@`, but only `ex` is a pair there: `ema` cannot run from it, and no
    // letter of the text has a camel case hump's 7.
    let text = "Peter Hamada peter.hamada.123@example.com";
    let bound = query_bound("ema", text);
    assert!(bound < 75, "{bound}");
    assert!(score("ema", text).unwrap() <= bound);
    // Where `ma` follows punctuation (`@mail`), the run may go on from there.
    let mail = "Peter Walker peter.walker.123@mail.example.net";
    assert!(query_bound("ma", mail) >= score("ma", mail).unwrap());
    assert_eq!(query_bound("ma", mail), 16 + 2 * 8 + 16 + 8);
}
