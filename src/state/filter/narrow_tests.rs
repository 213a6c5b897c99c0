use crate::state::filter::test_strategies::texts;
use nucleo_matcher::{Config, Matcher, Utf32String};
use proptest::prelude::*;

use super::*;
use crate::state::filter::rank_some;
use crate::state::filter::user_rise::{Appended, rise_for};

fn haystacks(texts: &[String]) -> Haystacks {
    let mut haystacks = Haystacks::default();
    for text in texts {
        haystacks.push(Utf32String::from(text.as_str()));
    }
    haystacks
}

/// The rise's amount and whether it is for short texts only.
fn bound(previous: &str, query: &str) -> Option<(u32, bool)> {
    score_rise(previous, query).map(|rise| (rise.most, rise.short_texts_only))
}

#[test]
fn the_rise_is_known_only_for_queries_that_add_fuzzy_characters() {
    assert_eq!(bound("ab", "abg"), Some((26, true)));
    assert_eq!(bound("ab", "abgx"), Some((52, true)));
    assert_eq!(bound("ab", "ab g"), Some((36, false)));
    assert_eq!(bound("ab", "abg xy"), Some((26 + 36 + 26, true)));
    assert_eq!(bound("a bc", "a bcd"), Some((26, true)));
    // A one-character needle scores by another path in nucleo: nothing to extend from.
    assert_eq!(bound("a b", "a bc"), None);
    assert_eq!(bound("a", "a b"), Some((36, false)));
    assert_eq!(bound("Ab", "Abg"), Some((26, true)));
    assert_eq!(bound("çağ", "çağl"), Some((26, true)));
    // The same query, or not a narrowing at all.
    assert_eq!(bound("ab", "ab"), Some((0, false)));
    assert_eq!(bound("abg", "ab"), None);
    assert_eq!(bound("ab", "xb"), None);
    assert_eq!(bound("", "ab"), None);
    // Smart case or normalization would change under the old characters.
    assert_eq!(bound("ab", "abG"), None);
    assert_eq!(bound("ab", "abé"), None);
    // Other atom kinds and negations score differently.
    assert_eq!(bound("^ab", "^abg"), None);
    assert_eq!(bound("'berg ^ann", "'berg ^anna"), None);
    assert_eq!(bound("ab", "ab$"), None);
    assert_eq!(bound("ab", "ab 'g"), None);
    assert_eq!(bound("ab", "ab !g"), None);
    assert_eq!(bound("!x ab", "!x abg"), None);
    // An escaped space joins the atom: "ab\ g" is one needle, not "ab" and "g".
    assert_eq!(bound("ab\\", "ab\\ g"), None);
}

#[test]
fn initials_are_proven_from_the_previous_ranking_as_exhaustive_scoring_ranks_them() {
    let texts: Vec<String> = (0..3000)
        .map(|index| {
            let first = ["Anna", "Abel", "Bob", "Agnes", "Abby"][index % 5];
            let last = ["Berg", "Gray", "Abbot", "Bengtsson", "Ng"][index % 7 % 5];
            format!(
                "{first} {last} {}.{index}@mail.example",
                first.to_lowercase()
            )
        })
        .collect();
    let haystacks = haystacks(&texts);
    let previous = rank_some(&parse("ab"), &haystacks, 0..texts.len());
    // Long enough to be walked on every core.
    assert!(previous.len() >= PARALLEL_FROM);
    let expected = rank_some(&parse("abg"), &haystacks, 0..texts.len());
    let top = narrowed_top_rows("ab", &previous, "abg", &haystacks, 20, usize::MAX).unwrap();
    let expected: Vec<usize> = expected[..20].iter().map(|key| index_of(*key)).collect();
    assert_eq!(top, expected);
    // A budget too small to reach the proof gives up rather than guess.
    assert_eq!(
        narrowed_top_rows("ab", &previous, "abg", &haystacks, 20, 10),
        None
    );
    // No one has a "z": nothing is scored, yet a walk that can never stop gives up too.
    assert_eq!(
        narrowed_top_rows("ab", &previous, "abz", &haystacks, 20, 100),
        None
    );
    assert_eq!(
        narrowed_top_rows("ab", &previous, "abz", &haystacks, 20, usize::MAX),
        Some(Vec::new())
    );
    // Not a narrowing the rise covers: no proof.
    assert_eq!(
        narrowed_top_rows("ab", &previous, "^abg", &haystacks, 20, usize::MAX),
        None
    );
}

#[test]
fn texts_too_long_for_the_bound_are_scored_outright() {
    // Past the length the rise is proven for, a text is scored whatever its previous score;
    // here it has the best "abg" and is the first row.
    let long = format!("Abg {}", "y".repeat(BOUNDED_TEXT_CHARS));
    let mut texts: Vec<String> = (0..200).map(|index| format!("Ab Cd {index}")).collect();
    texts.push(long);
    texts.extend((0..50).map(|index| format!("a b g {index}")));
    let haystacks = haystacks(&texts);
    assert_eq!(haystacks.long_texts(), [200]);
    let previous = rank_some(&parse("ab"), &haystacks, 0..texts.len());
    let expected = rank_some(&parse("abg"), &haystacks, 0..texts.len());
    let top = narrowed_top_rows("ab", &previous, "abg", &haystacks, 5, usize::MAX).unwrap();
    let expected: Vec<usize> = expected[..5].iter().map(|key| index_of(*key)).collect();
    assert_eq!(top, expected);
    assert_eq!(top[0], 200);
}

/// Characters for names and e-mails: word starts, case changes, delimiters, digits, accents.
const ALPHABET: &[char] = &[
    'a', 'b', 'g', 'n', 'e', 'A', 'B', 'G', 'N', '1', '2', ' ', ' ', '.', '@', '-', '_', '/', 'á',
    'Á', 'ğ', 'é', 'ß', ':', '\t',
];

/// Characters a query adds (what the rise covers and what it must refuse).
const TYPED: &[char] = &[
    'a', 'b', 'g', 'n', 'e', '1', '.', ' ', 'G', 'é', '^', '$', '\'',
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The rise bounds nucleo: every text the narrowed query matches, the previous matched,
    /// scoring no more than the rise below.
    #[test]
    fn no_score_rises_more_than_the_rise(
        text in texts(ALPHABET, 0..40),
        previous in texts(ALPHABET, 1..6),
        typed in texts(TYPED, 1..4),
    ) {
        let previous = previous.trim();
        let query = format!("{previous}{typed}");
        let query = query.trim();
        if let Some(rise) = score_rise(previous, query) {
            let text = Utf32String::from(text.as_str());
            let mut matcher = Matcher::new(Config::DEFAULT);
            if let Some(after) = parse(query).score(text.slice(..), &mut matcher) {
                let before = parse(previous).score(text.slice(..), &mut matcher);
                prop_assert!(before.is_some(), "{query:?} matches {text:?} but {previous:?} not");
                prop_assert!(after <= before.unwrap_or(0) + rise.most, "{previous:?} -> {query:?} on {text:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The proven rows are exactly the first rows of exhaustive scoring: same users, same
    /// order (scores, then load order), however the walk is shared out.
    #[test]
    fn proven_rows_are_the_exhaustive_top_rows(
        texts in prop::collection::vec(texts(ALPHABET, 0..30), 1..120),
        previous in texts(ALPHABET, 1..4),
        typed in texts(TYPED, 1..3),
        rows in 1_usize..8,
        walkers in 1_usize..4,
        block in 1_usize..40,
    ) {
        let previous = previous.trim();
        let query = format!("{previous}{typed}");
        let query = query.trim();
        let haystacks = haystacks(&texts);
        let before = rank_some(&parse(previous), &haystacks, 0..texts.len());
        let after = rank_some(&parse(query), &haystacks, 0..texts.len());
        let split = Split { walkers, block };
        if let Some(top) = prove_rows(previous, &before, query, &haystacks, rows, usize::MAX, split) {
            let expected: Vec<usize> =
                after.iter().take(rows).map(|key| index_of(*key)).collect();
            prop_assert_eq!(top, expected);
        } else {
            prop_assert!(score_rise(previous, query).is_none());
        }
    }
}

#[test]
fn one_typed_character_rises_by_where_it_occurs() {
    let appended = Appended::new(&['a', 'b'], 'g').expect("a needle");
    let text = |text: &str| Utf32String::from(text);
    // Right after a "b": a consecutive match, the full rise.
    assert_eq!(rise_for(text("ab bg").slice(..), appended), 26);
    // After a gap, mid-word: a match less the gap.
    assert_eq!(rise_for(text("abc erg").slice(..), appended), 13);
    // After a gap at a word start (or anything unsure): plus the top bonus.
    assert_eq!(rise_for(text("abc g").slice(..), appended), 23);
    assert_eq!(rise_for(text("abc éğ").slice(..), appended), 23);
    // After a gap, a case change: the camel-case bonus, 7.
    assert_eq!(rise_for(text("abc eG").slice(..), appended), 20);
    // Consecutive, the run carries its own start's bonus: 8 after `@`, 10 after a space.
    let exam = Appended::new(&['e', 'x', 'a'], 'm').expect("a needle");
    assert_eq!(
        rise_for(text("Ava Walker ava.walker.2@example.net").slice(..), exam),
        24
    );
    assert_eq!(rise_for(text("an example").slice(..), exam), 26);
    // A run longer than the characters kept of the needle is taken at the top bonus.
    let long: Vec<char> = "abcdefghijklmnopqrs".chars().collect();
    let long = Appended::new(&long, 't').expect("a needle");
    assert_eq!(rise_for(text("@abcdefghijklmnopqrst").slice(..), long), 26);
    let kept: Vec<char> = "abcdefghij".chars().collect();
    let kept = Appended::new(&kept, 'k').expect("a needle");
    assert_eq!(rise_for(text("@abcdefghijk").slice(..), kept), 24);
    // No "g" anywhere: no match, no rise.
    assert_eq!(rise_for(text("abc").slice(..), appended), 0);
    assert_eq!(
        score_rise("ab", "abg").and_then(|rise| rise.appended),
        Some(appended)
    );
    assert_eq!(
        score_rise("ab", "abgx").and_then(|rise| rise.appended),
        None
    );
    assert_eq!(
        score_rise("ab", "abg x").and_then(|rise| rise.appended),
        None
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// One typed character lifts a user's score by no more than their own rise.
    #[test]
    fn no_score_rises_more_than_its_own_rise(
        text in texts(ALPHABET, 0..40),
        previous in texts(ALPHABET, 2..6),
        typed in texts(TYPED, 1..2),
    ) {
        let previous = previous.trim();
        let query = format!("{previous}{typed}");
        if let Some(appended) = score_rise(previous, &query).and_then(|rise| rise.appended) {
            let text = Utf32String::from(text.as_str());
            let mut matcher = Matcher::new(Config::DEFAULT);
            if let Some(after) = parse(&query).score(text.slice(..), &mut matcher) {
                let before = parse(previous).score(text.slice(..), &mut matcher).unwrap_or(0);
                let own = rise_for(text.slice(..), appended);
                prop_assert!(after <= before + own, "{previous:?} -> {query:?} on {text:?}");
            }
        }
    }
}

/// Few letters and the punctuation around e-mail text, so runs of consecutive matches are
/// common and start after every kind of character.
const RUNS: &[char] = &['e', 'x', 'a', 'm', 'E', 'X', '@', '.', ' ', '/', '1', 'é'];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The run's carried bonus never lets a score rise past the rise read from the text.
    #[test]
    fn no_score_rises_more_than_its_own_rise_along_runs(
        text in texts(RUNS, 0..30),
        previous in texts(&['e', 'x', 'a', 'm'], 2..12),
        typed in texts(&['e', 'x', 'a', 'm'], 1..2),
    ) {
        let query = format!("{previous}{typed}");
        let appended = score_rise(&previous, &query).and_then(|rise| rise.appended);
        prop_assert!(appended.is_some());
        let appended = appended.expect("checked");
        let text = Utf32String::from(text.as_str());
        let mut matcher = Matcher::new(Config::DEFAULT);
        if let Some(after) = parse(&query).score(text.slice(..), &mut matcher) {
            let before = parse(&previous).score(text.slice(..), &mut matcher).unwrap_or(0);
            let own = rise_for(text.slice(..), appended);
            prop_assert!(after <= before + own, "{previous:?} -> {query:?} on {text:?}");
        }
    }
}
