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
    list.merge(vec![
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
    if let Some(job) = list.refilter(RequestId(1)) {
        let ranking = job.run(&|| false).unwrap();
        assert!(list.finish_filter(RequestId(1), ranking));
    }
    assert!(list.filtering.is_none());
}

/// The ranking of a query computed from scratch on a fresh list of the same users.
fn fresh(users: &[UserSummary], text: &str) -> Vec<usize> {
    let mut list = UserListState::default();
    list.merge(users.to_vec());
    filter(&mut list, text);
    list.visible.clone()
}

#[test]
fn fuzzy_filter_with_smart_case_and_extended_syntax() {
    let mut list = list();
    filter(&mut list, "ann");
    assert_eq!(list.visible.len(), 2);
    filter(&mut list, "Ann");
    assert_eq!(list.visible.len(), 2);
    filter(&mut list, "^bob");
    assert_eq!(list.visible, [1]);
    filter(&mut list, "!ann");
    assert_eq!(list.visible, [1]);
    filter(&mut list, "z.io$");
    assert_eq!(list.visible, [2]);
    filter(&mut list, "'berg");
    assert_eq!(list.visible, [0]);
    filter(&mut list, "");
    assert_eq!(list.visible, [0, 1, 2]);
}

#[test]
fn narrowing_and_widening_give_the_same_answers_as_a_fresh_filter() {
    let users = many(FILTER_AT_ONCE_UP_TO + 2_000);
    let mut list = UserListState::default();
    list.merge(users.clone());
    for query in [
        "a", "an", "ann", "anna 1", "anna 12", "anna 1", "x3", "x3.io$", "!x3",
    ] {
        filter(&mut list, query);
        assert_eq!(list.visible, fresh(&users, query), "{query}");
    }
}

#[test]
fn a_big_filter_runs_in_the_background_keeping_the_previous_rows_meanwhile() {
    let users = many(FILTER_AT_ONCE_UP_TO + 2_000);
    let mut list = UserListState::default();
    list.merge(users.clone());
    filter(&mut list, "anna");
    let before = list.visible.clone();
    list.filter = Input::new("anna 1".to_owned());
    let job = list.refilter(RequestId(2)).expect("a background job");
    assert!(!list.rows_are_final());
    assert_eq!(list.rows(), before.as_slice(), "the previous rows stay");
    assert!(list.finish_filter(RequestId(2), job.run(&|| false).unwrap()));
    assert!(list.rows_are_final());
    assert_eq!(list.visible, fresh(&users, "anna 1"));
}

#[test]
fn stale_answers_are_dropped_and_a_newer_query_wins() {
    let users = many(FILTER_AT_ONCE_UP_TO + 2_000);
    let mut list = UserListState::default();
    list.merge(users.clone());
    list.filter = Input::new("ann".to_owned());
    let older = list.refilter(RequestId(1)).unwrap();
    list.filter = Input::new("anna".to_owned());
    let newer = list.refilter(RequestId(2)).unwrap();
    assert!(!list.finish_filter(RequestId(1), older.run(&|| false).unwrap()));
    assert_eq!(list.filtering.as_ref().unwrap().request, RequestId(2));
    assert!(list.finish_filter(RequestId(2), newer.run(&|| false).unwrap()));
    assert_eq!(list.visible, fresh(&users, "anna"));
    // Back to a query already answered: shown at once from what is kept.
    list.filter = Input::new("anna ".to_owned());
    assert!(list.refilter(RequestId(3)).is_none());
}

#[test]
fn a_cancelled_job_gives_no_answer() {
    let mut list = UserListState::default();
    list.merge(many(FILTER_AT_ONCE_UP_TO + 2_000));
    list.filter = Input::new("ann".to_owned());
    let job = list.refilter(RequestId(1)).unwrap();
    assert!(job.run(&|| true).is_none());
}

#[test]
fn users_loaded_during_and_after_a_filter_are_ranked_in() {
    let users = many(12_100);
    let mut list = UserListState::default();
    list.merge(users[..12_000].to_vec());
    list.filter = Input::new("anna 1".to_owned());
    let job = list.refilter(RequestId(1)).unwrap();
    // A page arrives while the job runs: its answer misses those users; they are ranked in.
    list.merge(users[12_000..12_050].to_vec());
    assert!(list.finish_filter(RequestId(1), job.run(&|| false).unwrap()));
    assert_eq!(list.visible, fresh(&users[..12_050], "anna 1"));
    // And a page after it: only the new users are scored and merged in place.
    list.merge(users[12_050..].to_vec());
    assert_eq!(list.visible, fresh(&users, "anna 1"));
}

#[test]
fn the_cursor_follows_its_user_through_a_background_filter() {
    let users = many(FILTER_AT_ONCE_UP_TO + 2_000);
    let mut list = UserListState::default();
    list.merge(users);
    list.cursor = 401; // user 401, "Hannah Li 401"
    filter(&mut list, "hannah 401");
    assert_eq!(list.selected().unwrap().id, "401");
    // Moving while a filter runs: the end of it keeps the row chosen.
    list.filter = Input::new("hannah 40".to_owned());
    let job = list
        .refilter(RequestId(2))
        .unwrap_or_else(|| panic!("narrowing is a job"));
    list.move_by(0);
    assert!(list.finish_filter(RequestId(2), job.run(&|| false).unwrap()));
    assert_eq!(list.selected().unwrap().id, "401");
}

#[test]
fn duplicates_are_skipped_and_the_cursor_follows_its_user() {
    let mut list = list();
    list.cursor = 2;
    list.merge(vec![
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
fn a_changed_row_is_updated_in_place_and_ranked_again() {
    let mut list = list();
    list.cursor = 1;
    let merged = list.merge(vec![user("2", "Bob Annex", "bob@y.io")]);
    assert_eq!(
        merged,
        Merged {
            added: 0,
            changed: 1
        }
    );
    assert_eq!(list.users.get(1).unwrap().name, "Bob Annex");
    assert_eq!(list.selected().unwrap().id, "2", "the selection stays");
    list.filter = Input::new("'annex".to_owned());
    assert!(list.refilter(RequestId(1)).is_none());
    assert_eq!(list.visible, [1]);
    // Unchanged rows change nothing.
    assert_eq!(
        list.merge(vec![user("1", "Anna Berg", "anna@x.io")]),
        Merged::default()
    );
}

#[test]
fn users_gone_from_the_server_leave_and_the_cursor_stays_on_its_user() {
    let mut list = list();
    list.cursor = 2;
    list.marked.insert("2".to_owned());
    let mut seen = SeenUsers::default();
    let page = vec![list_user(&list, 2), list_user(&list, 0)];
    assert_eq!(list.merge_seen(page, &mut seen), Merged::default());
    let kept = list.users.snapshot().keeping(|at| seen.has(at));
    assert_eq!(list.keep_seen(kept, &seen), 1);
    assert_eq!(list.users.len(), 2);
    assert_eq!(list.selected().unwrap().id, "3");
    assert!(list.marked.is_empty());
    assert_eq!(list.index_of_id("3"), Some(1));
    assert_eq!(list.index_of_id("2"), None);
    assert_eq!(list.rows(), [0, 1]);
}

/// The summary of the user held at `at`.
fn list_user(list: &UserListState, at: usize) -> UserSummary {
    list.users.get(at).expect("held").to_summary()
}

#[test]
fn going_back_to_a_query_shows_its_kept_ranking_at_once_with_new_users_ranked_in() {
    let users = many(FILTER_AT_ONCE_UP_TO + 2_000);
    let mut list = UserListState::default();
    list.merge(users.clone());
    filter(&mut list, "ann");
    filter(&mut list, "anna");
    // Back to `ann`: no job, the kept answer, with a user that came since ranked in.
    let mut grown = users.clone();
    grown.push(user("new", "Ann New", "ann@new.io"));
    list.merge(vec![grown[grown.len() - 1].clone()]);
    list.filter = Input::new("ann".to_owned());
    assert!(list.refilter(RequestId(2)).is_none(), "no job runs");
    assert_eq!(list.visible, fresh(&grown, "ann"));
    // Cleared and typed again: kept as well.
    list.filter = Input::new(String::new());
    assert!(list.refilter(RequestId(3)).is_none());
    list.filter = Input::new("ann".to_owned());
    assert!(list.refilter(RequestId(4)).is_none());
    assert_eq!(list.visible, fresh(&grown, "ann"));
}

#[test]
fn a_changed_row_forgets_the_kept_rankings() {
    let users = many(FILTER_AT_ONCE_UP_TO + 2_000);
    let mut list = UserListState::default();
    list.merge(users.clone());
    filter(&mut list, "bob");
    filter(&mut list, "");
    let mut changed = users.clone();
    changed[2].name = "Zed Zed".to_owned();
    list.merge(vec![changed[2].clone()]);
    filter(&mut list, "bob");
    assert_eq!(list.visible, fresh(&changed, "bob"));
    assert!(!list.visible.contains(&2));
}
