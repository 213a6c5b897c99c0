use super::*;

fn user(id: &str, name: &str, email: &str) -> UserSummary {
    UserSummary {
        id: id.into(),
        name: name.into(),
        email: email.into(),
        role: None,
        status: Vec::new(),
    }
}

fn list() -> UserListState {
    let mut list = UserListState::default();
    list.append(vec![
        user("1", "Anna Berg", "anna@x.io"),
        user("2", "Bob Ode", "bob@y.io"),
        user("3", "Ann Li", "li@z.io"),
    ]);
    list
}

/// Many users, enough that a filter runs as a background job.
fn many(count: usize) -> Vec<UserSummary> {
    (0..count)
        .map(|index| {
            let name = ["Anna Berg", "Hannah Li", "Bob Ode", "Joanna Mann"][index % 4];
            user(
                &index.to_string(),
                &format!("{name} {index}"),
                &format!("a{index}@x{}.io", index % 7),
            )
        })
        .collect()
}

/// Types a filter and, when it runs in the background, runs its job to the end as the app
/// would and hands the answer back.
fn filter(list: &mut UserListState, text: &str) {
    list.filter = Input::new(text.to_owned());
    if let Some(job) = list.refilter(10, RequestId(1)) {
        let ranking = job.run(&|| false).unwrap();
        assert!(list.finish_filter(RequestId(1), ranking));
    }
    assert!(list.filtering.is_none());
}

/// The ranking of a query computed from scratch on a fresh list of the same users.
fn fresh(users: &[UserSummary], text: &str) -> Vec<usize> {
    let mut list = UserListState::default();
    list.append(users.to_vec());
    filter(&mut list, text);
    list.visible.to_vec()
}

#[test]
fn fuzzy_filter_with_smart_case_and_extended_syntax() {
    let mut list = list();
    filter(&mut list, "ann");
    assert_eq!(list.visible.len(), 2);
    filter(&mut list, "Ann");
    assert_eq!(list.visible.len(), 2);
    filter(&mut list, "^bob");
    assert_eq!(*list.visible, [1]);
    filter(&mut list, "!ann");
    assert_eq!(*list.visible, [1]);
    filter(&mut list, "z.io$");
    assert_eq!(*list.visible, [2]);
    filter(&mut list, "'berg");
    assert_eq!(*list.visible, [0]);
    filter(&mut list, "");
    assert_eq!(*list.visible, [0, 1, 2]);
}

#[test]
fn narrowing_and_widening_give_the_same_answers_as_a_fresh_filter() {
    let users = many(12_000);
    let mut list = UserListState::default();
    list.append(users.clone());
    for query in [
        "a", "an", "ann", "anna 1", "anna 12", "anna 1", "x3", "x3.io$", "!x3",
    ] {
        filter(&mut list, query);
        assert_eq!(*list.visible, fresh(&users, query), "{query}");
    }
}

#[test]
fn a_big_filter_runs_in_the_background_showing_proven_top_rows_meanwhile() {
    let users = many(12_000);
    let mut list = UserListState::default();
    list.append(users.clone());
    list.filter = Input::new("anna".to_owned());
    let job = list
        .refilter(5, RequestId(7))
        .expect("12,000 users filter in the background");
    let pending = list.filtering.as_ref().unwrap();
    assert_eq!(
        (pending.request, pending.query.as_str()),
        (RequestId(7), "anna")
    );
    // Every fourth user is "Anna Berg …": the best possible score, so the first five of them
    // are the top rows before anything else is scored.
    assert_eq!(list.rows(), [0, 4, 8, 12, 16]);
    // The complete list is still the previous one (no filter) until the job answers.
    assert_eq!(list.visible.len(), 12_000);
    let ranking = job.run(&|| false).unwrap();
    assert!(list.finish_filter(RequestId(7), ranking));
    assert!(list.filtering.is_none());
    assert_eq!(&list.rows()[..5], [0, 4, 8, 12, 16]);
    assert_eq!(*list.visible, fresh(&users, "anna"));
}

#[test]
fn unproven_top_rows_keep_the_previous_rows_until_the_answer() {
    let mut list = UserListState::default();
    list.append(many(140_000));
    list.filter = Input::new("ab".to_owned());
    assert!(list.refilter(5, RequestId(1)).is_some());
    // No one has "ab" in a row at a word start. 35,000 Anna Bergs tie at the best score, the
    // gap before "B" costing 6; where their letters stand, it could cost 3 (`filter/
    // standing.rs`): each would have to be scored, more than a proof may score.
    assert_eq!(list.rows().len(), 140_000);
    assert!(list.filtering.is_some());
}

#[test]
fn stale_answers_are_dropped_and_a_newer_query_wins() {
    let users = many(12_000);
    let mut list = UserListState::default();
    list.append(users.clone());
    list.filter = Input::new("ann".to_owned());
    let older = list.refilter(5, RequestId(1)).unwrap();
    list.filter = Input::new("anna".to_owned());
    let newer = list.refilter(5, RequestId(2)).unwrap();
    assert!(!list.finish_filter(RequestId(1), older.run(&|| false).unwrap()));
    assert_eq!(list.filtering.as_ref().unwrap().request, RequestId(2));
    assert!(list.finish_filter(RequestId(2), newer.run(&|| false).unwrap()));
    assert_eq!(*list.visible, fresh(&users, "anna"));
    // Back to a query already answered: shown at once from what is kept.
    list.filter = Input::new("anna ".to_owned());
    assert!(list.refilter(5, RequestId(3)).is_none());
}

#[test]
fn a_cancelled_job_gives_no_answer() {
    let mut list = UserListState::default();
    list.append(many(12_000));
    list.filter = Input::new("ann".to_owned());
    let job = list.refilter(5, RequestId(1)).unwrap();
    assert!(job.run(&|| true).is_none());
}

#[test]
fn users_loaded_during_and_after_a_filter_are_ranked_in() {
    let users = many(12_100);
    let mut list = UserListState::default();
    list.append(users[..12_000].to_vec());
    list.filter = Input::new("anna 1".to_owned());
    let job = list.refilter(5, RequestId(1)).unwrap();
    // A page arrives while the job runs: its answer misses those users; they are ranked in.
    list.append(users[12_000..12_050].to_vec());
    assert!(list.finish_filter(RequestId(1), job.run(&|| false).unwrap()));
    assert_eq!(*list.visible, fresh(&users[..12_050], "anna 1"));
    // And a page after it: only the new users are scored and merged in place.
    list.append(users[12_050..].to_vec());
    assert_eq!(*list.visible, fresh(&users, "anna 1"));
}

#[test]
fn the_cursor_follows_its_user_through_a_background_filter() {
    let users = many(12_000);
    let mut list = UserListState::default();
    list.append(users);
    list.cursor = 401; // user 401, "Hannah Li 401"
    filter(&mut list, "hannah 401");
    assert_eq!(list.selected().unwrap().id, "401");
    // Moving while a filter runs: the end of it keeps the row chosen.
    list.filter = Input::new("hannah 40".to_owned());
    let job = list
        .refilter(5, RequestId(2))
        .unwrap_or_else(|| panic!("narrowing is a job"));
    list.move_by(0);
    assert!(list.finish_filter(RequestId(2), job.run(&|| false).unwrap()));
    assert_eq!(list.selected().unwrap().id, "401");
}

#[test]
fn duplicates_are_skipped_and_the_cursor_follows_its_user() {
    let mut list = list();
    list.cursor = 2;
    list.append(vec![
        user("3", "Ann Li", "li@z.io"),
        user("4", "Dee", "d@d"),
    ]);
    assert_eq!(list.users.len(), 4);
    filter(&mut list, "li");
    assert_eq!(list.selected().unwrap().id, "3");
}

#[test]
fn cursor_and_scrolling_stay_in_bounds() {
    let mut list = list();
    list.move_by(10);
    assert_eq!(list.cursor, 2);
    list.move_by(-10);
    assert_eq!(list.cursor, 0);
    list.cursor = 2;
    list.scroll_to_cursor(2, 1);
    assert_eq!(list.offset, 1);
}

#[test]
fn a_narrowed_query_shows_top_rows_proven_from_the_last_answer_at_once() {
    let users = many(12_000);
    let mut list = UserListState::default();
    list.append(users.clone());
    // Every e-mail ("a7@x3.io") matches "ai", but no one has the best possible "aio" (a word
    // starting "aio"), so the load-order scan cannot prove the top rows; walking the ranking
    // of "ai" can, as "o" adds at most 26 to a score.
    filter(&mut list, "ai");
    list.filter = Input::new("aio".to_owned());
    let job = list
        .refilter(5, RequestId(2))
        .expect("12,000 candidates filter in the background");
    assert!(list.rows_are_final());
    let expected = fresh(&users, "aio");
    assert_eq!(list.rows(), &expected[..5]);
    assert!(list.finish_filter(RequestId(2), job.run(&|| false).unwrap()));
    assert_eq!(*list.visible, expected);
}

#[test]
fn a_query_typed_again_shows_its_ranking_at_once_with_users_loaded_since() {
    let users = many(30_000);
    let mut list = UserListState::default();
    list.append(users[..20_000].to_vec());
    filter(&mut list, "ann");
    filter(&mut list, "anna");
    list.append(users[20_000..].to_vec());
    let typed_again = |list: &mut UserListState, text: &str| {
        list.filter = Input::new(text.to_owned());
        assert!(list.refilter(10, RequestId(2)).is_none(), "{text}: no job");
        assert!(list.filtering.is_none());
        assert_eq!(list.visible.to_vec(), fresh(&users, text), "{text}");
    };
    // A backspace: "ann" was ranked whole before, over fewer users.
    typed_again(&mut list, "ann");
    typed_again(&mut list, "anna");
    // Cleared, then typed again.
    filter(&mut list, "");
    assert_eq!(list.visible.len(), users.len());
    typed_again(&mut list, "anna");
}

#[test]
fn a_query_of_the_same_atoms_keeps_the_answer_and_a_negation_added_after_narrows_it() {
    let users = many(30_000);
    let mut list = UserListState::default();
    list.append(users.clone());
    filter(&mut list, "ann");
    let shown = list.visible.clone();
    // A lone "!" is no atom yet: nothing to filter again.
    list.filter = Input::new("ann !".to_owned());
    assert!(list.refilter(10, RequestId(7)).is_none(), "no job");
    assert!(list.filtering.is_none());
    assert_eq!(list.visible, shown);
    // The negation typed after it: the top rows are proven from the last answer at once, and
    // the job scores only the users that matched before.
    list.filter = Input::new("ann !b".to_owned());
    let job = list
        .refilter(10, RequestId(8))
        .expect("a job over many users");
    assert!(list.rows_are_final(), "the top rows are proven");
    assert_eq!(job.candidate_count(), shown.len());
    let expected = fresh(&users, "ann !b");
    assert_eq!(list.rows().to_vec(), expected[..10].to_vec());
    assert!(list.finish_filter(RequestId(8), job.run(&|| false).expect("not cancelled")));
    assert_eq!(*list.visible, expected);
}
