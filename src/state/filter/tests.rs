use super::*;
use crate::model::UserSummary;
use crate::state::HeldUsers;

fn haystacks(texts: &[&str]) -> HeldSnapshot {
    let mut held = HeldUsers::default();
    for (id, text) in texts.iter().enumerate() {
        let (name, email) = text.rsplit_once(' ').unwrap_or((text, ""));
        held.push(&UserSummary {
            id: id.to_string(),
            name: name.to_owned(),
            email: email.to_owned(),
            role: None,
            status: Vec::new(),
        });
    }
    held.snapshot()
}

#[test]
fn a_job_ranks_best_score_first_then_load_order_on_every_core() {
    // Enough users for several parts, so workers and the merge are exercised.
    let texts: Vec<String> = (0..PART * 3 + 7)
        .map(|i| match i % 3 {
            0 => format!("Anna Smith anna{i}@x.io"),
            1 => format!("Hannah Banner h{i}@x.io"),
            _ => format!("Zed Quux z{i}@x.io"),
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let held = haystacks(&refs);
    let ranking = FilterJob::new("ann".into(), held.clone())
        .run(&|| false)
        .unwrap();
    let single = rank_range("ann", &held, 0, held.len());
    assert_eq!(ranking.ranked, single);
    assert_eq!(ranking.users, held.len());
    assert_eq!(index_of(ranking.ranked[0]), 0);
    assert!(ranking.ranked.windows(2).all(|pair| pair[0] < pair[1]));
}

#[test]
fn a_cancelled_job_gives_no_answer() {
    let held = haystacks(&["a"; 10]);
    assert!(FilterJob::new("a".into(), held).run(&|| true).is_none());
}

#[test]
fn merge_keeps_order() {
    assert_eq!(merge(&[1, 4, 9], &[2, 3, 10]), vec![1, 2, 3, 4, 9, 10]);
}
