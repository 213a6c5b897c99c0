use super::haystacks::CHUNK;
use super::*;
use nucleo_matcher::Utf32String;

fn haystacks(texts: &[&str]) -> Haystacks {
    let mut haystacks = Haystacks::default();
    for text in texts {
        haystacks.push(Utf32String::from(*text));
    }
    haystacks
}

#[test]
fn haystacks_are_found_across_shared_chunks_and_snapshots_stay_fixed() {
    let mut haystacks = Haystacks::default();
    for index in 0..CHUNK * 2 + 5 {
        haystacks.push(Utf32String::from(format!("user {index}")));
    }
    let snapshot = haystacks.clone();
    haystacks.push(Utf32String::from("late"));
    assert_eq!(snapshot.len(), CHUNK * 2 + 5);
    assert_eq!(haystacks.len(), CHUNK * 2 + 6);
    for index in [0, CHUNK - 1, CHUNK, CHUNK * 2 + 4] {
        assert_eq!(
            haystacks.get(index).unwrap().to_string(),
            format!("user {index}")
        );
    }
    assert_eq!(haystacks.get(CHUNK * 2 + 5).unwrap().to_string(), "late");
    assert!(snapshot.get(CHUNK * 2 + 5).is_none());
    assert!(haystacks.get(CHUNK * 3).is_none());
}

#[test]
fn rankings_order_best_score_first_then_load_order() {
    assert!(rank(100, 7) < rank(90, 1));
    assert!(rank(90, 1) < rank(90, 2));
    assert_eq!(index_of(rank(55, 123_456)), 123_456);
    assert_eq!(merge(&[1, 4, 9], &[2, 3, 10]), [1, 2, 3, 4, 9, 10]);
}

#[test]
fn no_text_scores_above_the_best_possible_score() {
    // The early proof of the top rows rests on this bound: check it on texts shaped like
    // names and e-mails, with word starts, delimiters, case changes and accents.
    let texts = [
        "Anna Berg anna.berg.1@example.com",
        "anna",
        "ANNA",
        "Ann Annunziata ann.annunziata.2@annex.example.io",
        "Hannah-Anna x",
        "x/anna_b",
        "JoAnna Mann joanna.mann@corp.example.com",
        "Çağla Öztürk cagla.ozturk@example.org",
        "a1 b2 anna1",
        " anna ",
        "berg ^ann",
    ];
    let haystacks = haystacks(&texts);
    for query in [
        "ann", "anna", "Anna", "a b", "^ann", "'berg", "org$", "an na", "!x anna", "1", "anna1",
        "çağla", "cagla",
    ] {
        let pattern = parse(query);
        let best = best_possible_score(&pattern).unwrap();
        let mut matcher = Matcher::new(Config::DEFAULT);
        for (index, text) in texts.iter().enumerate() {
            let score = pattern.score(haystacks.get(index).unwrap(), &mut matcher);
            assert!(score <= Some(best), "{query} on {text:?}");
        }
    }
}

#[test]
fn top_rows_are_proven_only_when_enough_users_reach_the_best_score() {
    let haystacks = haystacks(&["bob", "anna b", "hannah", "anna c", "anna d"]);
    assert_eq!(
        proven_top_rows("anna", &haystacks, 2, 100),
        Some(vec![1, 3])
    );
    // Three are needed, but the scan may only look at four users.
    assert_eq!(proven_top_rows("anna", &haystacks, 3, 4), None);
    assert_eq!(
        proven_top_rows("anna", &haystacks, 3, 5),
        Some(vec![1, 3, 4])
    );
    assert_eq!(proven_top_rows("nna", &haystacks, 1, 100), None);
}

#[test]
fn a_job_ranks_like_one_thread_does() {
    let texts: Vec<String> = (0..25_000)
        .map(|index| format!("user{index} name{}", index % 13))
        .collect();
    let mut haystacks = Haystacks::default();
    for text in &texts {
        haystacks.push(Utf32String::from(text.as_str()));
    }
    let pattern = parse("name1");
    let expected = rank_some(&pattern, &haystacks, 0..texts.len());
    let job = FilterJob::new("name1".to_owned(), haystacks.clone(), None);
    let ranking = job.run(&|| false).unwrap();
    assert_eq!(ranking.ranked, expected);
    assert_eq!(ranking.users, 25_000);
    // Half the users, in an order of their own (a previous ranking's): visited in load order.
    let mut candidates = (0..25_000).step_by(2).collect::<Vec<_>>();
    candidates.reverse();
    candidates.swap(0, 5_000);
    let job = FilterJob::new(
        "name1".to_owned(),
        haystacks.clone(),
        Some(Arc::new(candidates)),
    );
    let expected = rank_some(&pattern, &haystacks, (0..25_000).step_by(2));
    assert_eq!(job.run(&|| false).unwrap().ranked, expected);
    // Few users (one in a hundred): visited in their own order, with the same answer.
    let candidates: Vec<usize> = (0..25_000).step_by(100).rev().collect();
    let expected = rank_some(&pattern, &haystacks, candidates.iter().copied());
    let job = FilterJob::new(
        "name1".to_owned(),
        haystacks.clone(),
        Some(Arc::new(candidates)),
    );
    assert_eq!(job.run(&|| false).unwrap().ranked, expected);
}
