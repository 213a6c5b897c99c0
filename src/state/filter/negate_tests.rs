use crate::state::filter::test_strategies::texts;
use nucleo_matcher::Utf32String;
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

/// The top rows of `query` proven from the ranking of `previous`, as the list asks for them:
/// `None` unless `query` only adds negations.
fn negated_top_rows(
    previous: &str,
    previous_ranked: &[u64],
    query: &str,
    haystacks: &Haystacks,
    rows: usize,
    budget: usize,
) -> Option<Vec<usize>> {
    let added = added_negations(previous, query)?;
    rows_without(&added, previous_ranked, haystacks, rows, budget)
}

/// The first `rows` rows of exhaustive scoring.
fn exhaustive(query: &str, haystacks: &Haystacks, rows: usize) -> Vec<usize> {
    rank_some(&parse(query), haystacks, 0..haystacks.len())
        .into_iter()
        .take(rows)
        .map(index_of)
        .collect()
}

#[test]
fn only_added_negations_are_taken() {
    assert!(added_negations("anna", "anna !berg").is_some());
    assert!(added_negations("anna", "anna !berg !^x").is_some());
    assert!(added_negations("anna !berg", "anna !berg !x").is_some());
    assert!(
        added_negations("anna", "anna berg").is_none(),
        "a positive atom"
    );
    assert!(
        added_negations("anna", "annb !berg").is_none(),
        "a changed atom"
    );
    assert!(added_negations("anna", "anna").is_none(), "nothing added");
    assert!(
        added_negations("", "!berg").is_none(),
        "no previous ranking to keep"
    );
}

#[test]
fn the_rows_are_the_previous_ones_without_the_negated() {
    let texts: Vec<String> = (0..300)
        .map(|index| {
            format!(
                "anna {} user{index}@{}.example",
                ["berg", "smith", "lee"][index % 3],
                ["corp", "mail"][index % 2]
            )
        })
        .collect();
    let haystacks = haystacks(&texts);
    let previous = rank_some(&parse("anna"), &haystacks, 0..texts.len());
    for query in [
        "anna !berg",
        "anna !corp",
        "anna !berg !mail",
        "anna !user1",
    ] {
        let rows = negated_top_rows("anna", &previous, query, &haystacks, 20, 10_000);
        assert_eq!(rows, Some(exhaustive(query, &haystacks, 20)), "{query}");
    }
    // Everyone ruled out: the whole (empty) answer, proven.
    let rows = negated_top_rows("anna", &previous, "anna !example", &haystacks, 20, 10_000);
    assert_eq!(rows, Some(Vec::new()));
    // The budget runs out before the rows are found.
    assert_eq!(
        negated_top_rows("anna", &previous, "anna !anna", &haystacks, 20, 100),
        None
    );
}

const ALPHABET: &[char] = &['a', 'b', 'n', 'A', 'B', ' ', '.', '@', 'á', '1'];

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// The rows proven from the previous ranking are those exhaustive scoring gives.
    #[test]
    fn proven_rows_are_the_exhaustive_top_rows(
        texts in prop::collection::vec(texts(ALPHABET, 0..12), 1..60),
        previous in texts(ALPHABET, 1..4),
        negated in prop::collection::vec(texts(ALPHABET, 1..3), 1..3),
        rows in 1_usize..8,
    ) {
        let previous = previous.trim().to_owned();
        prop_assume!(!previous.is_empty());
        let added: Vec<String> = negated
            .iter()
            .map(|needle| needle.trim())
            .filter(|needle| !needle.is_empty())
            .map(|needle| format!("!{needle}"))
            .collect();
        prop_assume!(!added.is_empty());
        let query = format!("{previous} {}", added.join(" "));
        let haystacks = haystacks(&texts);
        let ranked = rank_some(&parse(&previous), &haystacks, 0..texts.len());
        if let Some(top) = negated_top_rows(&previous, &ranked, &query, &haystacks, rows, 1_000) {
            prop_assert_eq!(top, exhaustive(&query, &haystacks, rows), "{:?}", query);
        }
    }
}

#[test]
fn a_lone_bang_is_no_atom_so_the_negation_typed_after_it_is_added() {
    assert_eq!(parse("anna !").atoms.len(), 1);
    assert!(added_negations("anna !", "anna !b").is_some());
}
