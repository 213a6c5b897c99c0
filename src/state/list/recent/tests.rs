use super::*;

fn ranking(query: &str) -> Ranking {
    Ranking {
        query: query.to_owned(),
        ranked: vec![1, 2],
        users: 3,
    }
}

#[test]
fn keeps_the_newest_few_and_gives_each_once() {
    let mut recent = RecentRankings::default();
    for query in ["a", "an", "ann", "anna", "annab"] {
        recent.keep(ranking(query));
    }
    recent.keep(ranking(""));
    assert!(recent.take("a").is_none(), "the oldest went");
    assert_eq!(recent.take("ann").map(|r| r.users), Some(3));
    assert!(recent.take("ann").is_none(), "taken out");
    assert!(recent.take("").is_none(), "no filter is never kept");
    recent.forget();
    assert!(recent.take("anna").is_none());
}
