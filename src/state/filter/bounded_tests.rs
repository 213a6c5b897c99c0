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

fn exhaustive_top(query: &str, haystacks: &Haystacks, rows: usize) -> Vec<usize> {
    rank_some(&parse(query), haystacks, 0..haystacks.len())
        .iter()
        .take(rows)
        .map(|key| index_of(*key))
        .collect()
}

/// The top rows as one part scanning every user proves them, bounding users by their text
/// once it has scored `text_bounds_from`.
fn scanned_top(
    query: &str,
    haystacks: &Haystacks,
    rows: usize,
    budget: usize,
    text_bounds_from: usize,
) -> Option<Vec<usize>> {
    let mut best = scan_part(
        query,
        haystacks,
        0..haystacks.len(),
        rows,
        budget,
        text_bounds_from,
    )?;
    best.sort_unstable();
    best.truncate(rows);
    Some(best.into_iter().map(index_of).collect())
}

/// Names and addresses the way the sandbox makes them, many on one domain.
fn people(count: usize) -> Vec<String> {
    let first = ["Anna", "Emma", "John", "Zoë", "Mei", "Ana María", "Xu"];
    let last = ["Walker", "Öztürk", "Nguyen", "Berg", "de la Cruz"];
    let domain = ["example.com", "example.org", "corp.example.com", "mail.io"];
    (0..count)
        .map(|index| {
            let first = first[index % first.len()];
            let last = last[index / 7 % last.len()];
            let domain = domain[index / 3 % domain.len()];
            format!("{first} {last} {}.{index}@{domain}", first.to_lowercase())
        })
        .collect()
}

#[test]
fn e_mail_text_over_many_users_is_proven_scoring_few() {
    let texts = people(60_000);
    let haystacks = haystacks(&texts);
    // The budget is far below the users who match: most go unscored. Those whose letters
    // stand where the query could score more than the rows are scored: one in 35 is an Ana
    // María Berg, who could score the most on "ab" but for the gap's length.
    for (query, budget) in [
        ("exam", 4_000),
        ("example.com", 4_000),
        ("example.com$", 4_000),
        ("ab", 4_000),
        ("zoe ex", 4_000),
        ("an !walker", 4_000),
        // The rows score less than "ema" run together at 8 after punctuation would: all who
        // have the letters are scored (nearly every user), but the rows are right.
        ("ema", usize::MAX),
    ] {
        let expected = exhaustive_top(query, &haystacks, 30);
        let top = bounded_top_rows(query, &haystacks, 30, budget);
        assert_eq!(top.as_deref(), Some(&expected[..]), "{query}");
    }
    // Bounded by their text from the start, the rows are the same.
    for query in [
        "exam",
        "example.com$",
        "ab",
        "zoe ex",
        "an !walker",
        "ema",
        "emma mail",
    ] {
        let expected = exhaustive_top(query, &haystacks, 30);
        let top = scanned_top(query, &haystacks, 30, usize::MAX, 0);
        assert_eq!(top.as_deref(), Some(&expected[..]), "{query}");
    }
    // "ema": the text rules out whom the summary cannot (an `@mail` address lets `ma` run
    // after punctuation, but no `e` of theirs stands after punctuation before it), and the
    // pass that runs out of budget without text bounds finishes with them.
    assert_eq!(scanned_top("ema", &haystacks, 30, 4_000, usize::MAX), None);
    assert_eq!(
        scanned_top("ema", &haystacks, 30, 4_000, 0).as_deref(),
        Some(&exhaustive_top("ema", &haystacks, 30)[..])
    );
    // Too small a budget proves nothing rather than guess.
    assert_eq!(bounded_top_rows("exam", &haystacks, 30, 10), None);
    // A query of negations alone ranks by nothing: no proof is tried.
    assert_eq!(bounded_top_rows("!x", &haystacks, 30, usize::MAX), None);
}

#[test]
fn fewer_matches_than_rows_are_all_the_rows() {
    let texts = people(100);
    let haystacks = haystacks(&texts);
    let expected = exhaustive_top("zoe ozt", &haystacks, 50);
    assert!(expected.len() < 50);
    assert_eq!(
        bounded_top_rows("zoe ozt", &haystacks, 50, usize::MAX),
        Some(expected)
    );
    assert_eq!(
        bounded_top_rows("qqq", &haystacks, 50, usize::MAX),
        Some(vec![])
    );
}

#[test]
fn users_are_visited_once_each_in_load_order() {
    let texts: Vec<String> = (0..10_000).map(|index| format!("user {index}")).collect();
    let haystacks = haystacks(&texts);
    for (start, end) in [
        (0, 10_000),
        (4000, 9000),
        (4096, 8192),
        (9999, 20_000),
        (20, 10),
    ] {
        let indices: Vec<usize> = haystacks
            .chunks_in(start..end)
            .flat_map(|(first, summaries, texts)| {
                assert_eq!(summaries.len(), texts.len());
                first..first + texts.len()
            })
            .collect();
        let expected: Vec<usize> = (start..end.min(10_000)).collect();
        assert_eq!(indices, expected, "{start}..{end}");
    }
}

#[test]
fn readings_spread_over_the_cache_whichever_bits_differ() {
    // The letters after punctuation lie in the levels' top bits: a slot taken from the
    // product's middle bits put them all in a few slots, and a million users' few hundred
    // readings were computed again and again.
    for bits in [0..32_u32, 32..64] {
        let slots: std::collections::HashSet<usize> = bits
            .clone()
            .flat_map(|bit| {
                [
                    slot_of(Reading::of_words(1 << bit, 0, 0)),
                    slot_of(Reading::of_words(0, 1 << bit, 0)),
                    slot_of(Reading::of_words(0, 0, 1 << bit)),
                ]
            })
            .collect();
        assert!(slots.len() > 84, "{bits:?}: {} slots", slots.len());
    }
}

/// Characters for names and e-mails: word starts, case changes, delimiters, digits, accents.
const ALPHABET: &[char] = &[
    'a', 'b', 'e', 'x', 'A', 'B', 'E', 'X', '1', ' ', ' ', '.', '@', '-', '/', 'á', 'é', 'É', 'ß',
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// The proven rows are exactly the first rows of exhaustive scoring: same users, same
    /// order (scores, then load order).
    #[test]
    fn proven_rows_are_the_exhaustive_top_rows(
        texts in prop::collection::vec(texts(ALPHABET, 0..30), 1..150),
        query in texts(ALPHABET, 1..6),
        rows in 1_usize..8,
    ) {
        let haystacks = haystacks(&texts);
        let expected = exhaustive_top(&query, &haystacks, rows);
        if let Some(top) = bounded_top_rows(&query, &haystacks, rows, usize::MAX) {
            prop_assert_eq!(&top, &expected);
        } else {
            prop_assert!(AtomNeedle::of_pattern(&parse(&query)).is_empty());
        }
        // Bounding every user the summary leaves by their text changes no row.
        if !AtomNeedle::of_pattern(&parse(&query)).is_empty() {
            let top = scanned_top(&query, &haystacks, rows, usize::MAX, 0);
            prop_assert_eq!(top, Some(expected));
        }
    }
}
