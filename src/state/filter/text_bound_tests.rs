use nucleo_matcher::{Config, Matcher, Utf32String};
use proptest::prelude::*;

use super::*;
use crate::state::filter::atom_bound::AtomNeedle;
use crate::state::filter::parse;
use crate::state::filter::standing::Standing;
use crate::state::filter::test_strategies::{NAMES_AND_MAILS, queries, texts};

fn score(query: &str, text: &str) -> Option<u32> {
    parse(query).score(
        Utf32String::from(text).slice(..),
        &mut Matcher::new(Config::DEFAULT),
    )
}

/// The bound of a whole query as the pass reads it: per positive atom, the text's bound
/// where there is one, else the summary's.
fn query_bound(query: &str, text: &str) -> u32 {
    let text = Utf32String::from(text);
    let standing = Standing::of_text(text.slice(..));
    let pattern = parse(query);
    pattern
        .atoms
        .iter()
        .filter(|atom| !atom.negative)
        .map(|atom| {
            let summary = AtomNeedle::of_atom(atom).bound(standing);
            TextNeedle::of_atom(atom).map_or(summary, |needle| needle.bound(text.slice(..)))
        })
        .sum()
}

fn text_bound(needle: &str, text: &str) -> u32 {
    let atom = &parse(needle).atoms[0];
    TextNeedle::of_atom(atom)
        .expect("two characters or more")
        .bound(Utf32String::from(text).slice(..))
}

#[test]
fn the_order_of_the_letters_rules_out_what_the_summary_allows() {
    // Every `e` after punctuation comes after the `m` of `@mail`: `ema` finds no `e` after
    // punctuation before it, where the summary allows 77. Left: the `e` of a name (16), a
    // gap (3 at least; 57 in all with its length), `ma` after `@` (16 + 8, twice).
    let mail = "Lena Berg lena.berg.5@mail.example.net member";
    assert_eq!(score("ema", mail), Some(57));
    assert_eq!(text_bound("ema", mail), 16 - 3 + 2 * 24);
    // No `a` after any `m` that follows an `e`: no match, and a bound of 0.
    let plain = "Lena Berg lena.berg.5@example.com member";
    assert_eq!(score("ema", plain), None);
    assert_eq!(text_bound("ema", plain), 0);
}

#[test]
fn a_run_scores_where_it_occurs_whole() {
    // `em` starts the name, `ma` is inside it, `ema` occurs nowhere: the bound is the score.
    let emma = "Emma Walker emma.walker.5@example.com member";
    assert_eq!(score("ema", emma), Some(75));
    assert_eq!(text_bound("ema", emma), 75);
    let domain = "John Walker john.walker.7@example.com";
    assert_eq!(text_bound("exam", domain), score("exam", domain).unwrap());
}

#[test]
fn one_character_or_a_long_needle_is_left_to_the_summary() {
    assert!(TextNeedle::of_atom(&parse("e").atoms[0]).is_none());
    let long = "a".repeat(MOST_CHARS + 1);
    assert!(TextNeedle::of_atom(&parse(&long).atoms[0]).is_none());
    assert!(TextNeedle::of_atom(&parse(&"a".repeat(MOST_CHARS)).atoms[0]).is_some());
}

#[test]
fn case_and_accents_match_as_nucleo_may_compare_them() {
    for (needle, text) in [
        ("ma", "MARÍA"),
        ("ía", "María"),
        ("ma", "María"),
        ("kb", "\u{212A}b"),
        ("a b", "a\u{A0}b"),
    ] {
        let score = score(needle, text).unwrap_or(0);
        let query = needle.replace(' ', "\\ ");
        assert!(score <= query_bound(&query, text), "{needle:?} on {text:?}");
    }
}

#[test]
fn a_text_longer_than_the_stack_holds_is_bounded_alike() {
    // Past `TEXT_ON_STACK` characters the needle bits go to the heap: the same bound.
    let name = "Emma Walker emma.walker.5@example.com";
    let long = format!("{} {name}", "x".repeat(TEXT_ON_STACK));
    assert!(long.len() > TEXT_ON_STACK);
    assert_eq!(score("ema", &long), Some(75));
    assert_eq!(text_bound("ema", &long), 75);
    let unicode = format!("{} Zoë {name}", "ö".repeat(TEXT_ON_STACK));
    assert_eq!(score("ema", &unicode), Some(75));
    assert_eq!(text_bound("ema", &unicode), 75);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

    /// No text scores more than the bound read from it.
    #[test]
    fn no_text_scores_more_than_its_bound(
        text in texts(NAMES_AND_MAILS, 0..40),
        query in queries(NAMES_AND_MAILS, 1..7, vec!["", "", "^", "'", "!"], vec!["", "", "$"]),
    ) {
        if let Some(score) = score(&query, &text) {
            let bound = query_bound(&query, &text);
            prop_assert!(score <= bound, "{query:?} on {text:?}: {score} > {bound}");
        }
    }

    /// Runs of the needle's letters after every kind of character, many matching places.
    #[test]
    fn no_run_scores_more_than_its_bound(
        text in texts(&['e', 'm', 'a', 'E', 'M', '@', '.', ' ', '/', '1', 'é'], 0..40),
        needle in texts(&['e', 'm', 'a', '.'], 2..9),
    ) {
        let score = score(&needle, &text);
        let bound = text_bound(&needle, &text);
        prop_assert!(score.unwrap_or(0) <= bound, "{needle:?} on {text:?}: {score:?} > {bound}");
        // A text the needle cannot match is bounded by 0 only if nucleo agrees.
        if bound == 0 {
            prop_assert!(score.is_none(), "{needle:?} on {text:?}");
        }
    }
}
