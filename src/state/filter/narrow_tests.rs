use nucleo_matcher::{Config, Matcher, Utf32String};
use proptest::prelude::*;

use super::*;
use crate::state::filter::rank_some;

fn haystacks(texts: &[String]) -> Haystacks {
    let mut haystacks = Haystacks::default();
    for text in texts {
        haystacks.push(Utf32String::from(text.as_str()));
    }
    haystacks
}

fn rise(most: u32, short_texts_only: bool) -> ScoreRise {
    ScoreRise {
        most,
        short_texts_only,
    }
}

#[test]
fn the_rise_is_known_only_for_queries_that_add_fuzzy_characters() {
    assert_eq!(score_rise("ab", "abg"), Some(rise(26, true)));
    assert_eq!(score_rise("ab", "abgx"), Some(rise(52, true)));
    assert_eq!(score_rise("ab", "ab g"), Some(rise(36, false)));
    assert_eq!(score_rise("ab", "abg xy"), Some(rise(26 + 36 + 26, true)));
    assert_eq!(score_rise("a bc", "a bcd"), Some(rise(26, true)));
    // A one-character needle scores by another path in nucleo: nothing to extend from.
    assert_eq!(score_rise("a b", "a bc"), None);
    assert_eq!(score_rise("a", "a b"), Some(rise(36, false)));
    assert_eq!(score_rise("Ab", "Abg"), Some(rise(26, true)));
    assert_eq!(score_rise("çağ", "çağl"), Some(rise(26, true)));
    // The same query, or not a narrowing at all.
    assert_eq!(score_rise("ab", "ab"), Some(rise(0, false)));
    assert_eq!(score_rise("abg", "ab"), None);
    assert_eq!(score_rise("ab", "xb"), None);
    assert_eq!(score_rise("", "ab"), None);
    // Smart case or normalization would change under the old characters.
    assert_eq!(score_rise("ab", "abG"), None);
    assert_eq!(score_rise("ab", "abé"), None);
    // Other atom kinds and negations score differently.
    assert_eq!(score_rise("^ab", "^abg"), None);
    assert_eq!(score_rise("'berg ^ann", "'berg ^anna"), None);
    assert_eq!(score_rise("ab", "ab$"), None);
    assert_eq!(score_rise("ab", "ab 'g"), None);
    assert_eq!(score_rise("ab", "ab !g"), None);
    assert_eq!(score_rise("!x ab", "!x abg"), None);
    // An escaped space joins the atom: "ab\ g" is one needle, not "ab" and "g".
    assert_eq!(score_rise("ab\\", "ab\\ g"), None);
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
    'Á', 'ğ', 'é', 'ß',
];

/// Characters a query adds (what the rise covers and what it must refuse).
const TYPED: &[char] = &[
    'a', 'b', 'g', 'n', 'e', '1', '.', ' ', 'G', 'é', '^', '$', '\'',
];

fn chars(from: &'static [char], length: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(from), length)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The rise bounds nucleo: every text the narrowed query matches, the previous matched,
    /// scoring no more than the rise below.
    #[test]
    fn no_score_rises_more_than_the_rise(
        text in chars(ALPHABET, 0..40),
        previous in chars(ALPHABET, 1..6),
        typed in chars(TYPED, 1..4),
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
        texts in prop::collection::vec(chars(ALPHABET, 0..30), 1..120),
        previous in chars(ALPHABET, 1..4),
        typed in chars(TYPED, 1..3),
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
