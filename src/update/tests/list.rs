//! The user list: loading pages, stale answers, fetching the resting selection, the filter,
//! sorting and ticking only while busy (the stored directory behind it: `directory.rs`).

use super::*;

#[test]
fn a_page_fills_the_list_and_its_first_user_is_fetched_at_once() {
    let mut state = state();
    let request = open_empty(&mut state);
    let effects = update(
        &mut state,
        Msg::DirectoryPage {
            request,
            page: page(0..100, Some("p2")),
        },
    );
    assert_eq!(state.list.users.len(), 100);
    let (_, id) = fetch_request(&effects).expect("the first user, with the pane empty");
    assert_eq!(id, "u0");
    assert!(state.detail.wanted.is_none());
}

#[test]
fn later_selections_wait_to_rest_before_fetching() {
    let mut state = loaded();
    answer_fetch(&mut state);
    // Scrolling past rows fetches nothing.
    for _ in 0..5 {
        assert!(fetch_request(&update(&mut state, key(KeyCode::Char('j')))).is_none());
    }
    assert!(fetch_request(&update(&mut state, Msg::Tick)).is_none());
    let (_, id) = fetch_request(&update(&mut state, Msg::Tick)).expect("fetch once rested");
    assert_eq!(id, "u5");
}

#[test]
fn after_a_failed_fetch_or_an_esc_the_next_selection_still_waits_to_rest() {
    let mut state = loaded();
    let (request, _) = state.detail.loading.clone().expect("u0 in flight");
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Err(crate::model::FetchError::new("down", "try later")),
        },
    );
    assert!(state.detail.record.is_none() && state.detail.loading.is_none());
    assert!(fetch_request(&update(&mut state, key(KeyCode::Char('j')))).is_none());
    update(&mut state, Msg::Tick);
    let (_, id) = fetch_request(&update(&mut state, Msg::Tick)).expect("fetch once rested");
    assert_eq!(id, "u1");
    // Esc cancels it, with no record shown: the next move waits to rest too.
    update(&mut state, key(KeyCode::Esc));
    assert!(state.detail.loading.is_none());
    assert!(fetch_request(&update(&mut state, key(KeyCode::Char('j')))).is_none());
}

#[test]
fn the_first_selection_is_fetched_at_once_only_while_the_pane_is_empty() {
    let mut state = loaded();
    // u0 is in flight: moving on waits to rest, and the fetch that follows supersedes it.
    assert!(fetch_request(&update(&mut state, key(KeyCode::Char('j')))).is_none());
    update(&mut state, Msg::Tick);
    let effects = update(&mut state, Msg::Tick);
    assert_eq!(
        fetch_request(&effects).map(|(_, id)| id).as_deref(),
        Some("u1")
    );
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::Cancel(_))),
        "u0's fetch is cancelled"
    );
}

#[test]
fn late_answers_of_superseded_requests_are_dropped() {
    let mut state = loaded();
    let first = open_selected(&mut state);
    state.focus = Focus::List;
    update(&mut state, key(KeyCode::Char('j')));
    let second = fetch_request(&update(&mut state, key(KeyCode::Enter))).expect("second fetch");
    assert_ne!(first.0, second.0);
    update(
        &mut state,
        Msg::RecordLoaded {
            request: first.0,
            result: Ok(record("u0")),
        },
    );
    assert!(state.detail.record.is_none(), "the stale answer is dropped");
    update(
        &mut state,
        Msg::RecordLoaded {
            request: second.0,
            result: Ok(record("u1")),
        },
    );
    assert_eq!(
        state
            .detail
            .record
            .as_ref()
            .map(|record| record.id.as_str()),
        Some("u1")
    );
    assert!(!state.detail.raw_lines.is_empty());
}

#[test]
fn a_new_fetch_cancels_the_one_in_flight_and_esc_cancels_too() {
    let mut state = loaded();
    let (first, _) = open_selected(&mut state);
    state.focus = Focus::List;
    update(&mut state, key(KeyCode::Char('j')));
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::Cancel(request) if *request == first))
    );
    let effects = update(&mut state, key(KeyCode::Esc));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::Cancel(_)))
    );
    assert!(state.detail.loading.is_none());
}

#[test]
fn scrolling_to_the_end_fetches_no_page_of_its_own() {
    let mut state = loaded();
    let effects = update(&mut state, key(KeyCode::Char('G')));
    assert!(sync_request(&effects).is_none());
    assert!(
        effects
            .iter()
            .all(|effect| !matches!(effect, Effect::SyncDirectory { .. }))
    );
}

#[test]
fn a_failed_page_says_why_and_the_app_keeps_going() {
    let mut state = state();
    let request = open_empty(&mut state);
    let error = FetchError::new(
        "profile p sets neither token_env nor token_command",
        "fix the profile",
    );
    update(
        &mut state,
        Msg::DirectorySyncEnded {
            request,
            result: Err(error),
        },
    );
    assert!(state.status.error.as_deref().unwrap().contains("token_env"));
    assert!(!state.quit);
}

#[test]
fn slash_filters_as_you_type_and_enter_asks_the_server() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('/')));
    assert_eq!(state.focus, Focus::Filter);
    for c in "user 42".chars() {
        update(&mut state, key(KeyCode::Char(c)));
    }
    assert_eq!(state.list.selected().map(|user| user.id), Some("u42"));
    // q is text while typing, not quit.
    update(&mut state, key(KeyCode::Char('q')));
    assert!(!state.quit);
    update(&mut state, key(KeyCode::Backspace));
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::SearchServer { query, .. }] if query == "user 42")
    );
    assert_eq!(state.focus, Focus::List);
    // Esc clears the filter once nothing is in flight.
    let request = state.list.searching.unwrap();
    update(
        &mut state,
        Msg::SearchLoaded {
            request,
            result: Ok(vec![user(900)]),
        },
    );
    assert_eq!(
        state.list.users.len(),
        101,
        "server answers merge into the list"
    );
    update(&mut state, key(KeyCode::Esc));
    update(&mut state, key(KeyCode::Esc));
    assert_eq!(state.list.visible.len(), 101);
}

#[test]
fn idle_means_no_tick() {
    let mut state = loaded();
    assert!(state.needs_tick(), "a spinner runs while the record loads");
    answer_fetch(&mut state);
    assert!(
        state.needs_tick(),
        "the record shown rests before it counts as viewed"
    );
    for _ in 0..DEBOUNCE_TICKS {
        update(&mut state, Msg::Tick);
    }
    assert!(!state.needs_tick());
}

#[test]
fn beside_the_detail_the_list_turns_a_page_and_zoomed_it_scrolls_by_line() {
    use crate::state::scroll::ScrollStep;
    let down_to_the_first_row_off_the_page = |state: &mut State| {
        update(state, key(KeyCode::Char('g')));
        for _ in 0..state.list_page_rows() {
            update(state, key(KeyCode::Char('j')));
        }
    };
    let mut state = loaded();
    let rows = state.list_page_rows();
    assert!(state.list.users.len() > rows * 2);
    down_to_the_first_row_off_the_page(&mut state);
    assert_eq!(state.list.cursor, rows);
    assert_eq!(
        state.list.offset,
        rows - 2,
        "beside the detail: a page, two lines kept"
    );
    // Back up to the row above the view: a page again, the other way.
    for _ in 0..3 {
        update(&mut state, key(KeyCode::Char('k')));
    }
    assert_eq!(state.list.offset, 0);

    update(&mut state, key(KeyCode::Char('z')));
    down_to_the_first_row_off_the_page(&mut state);
    assert_eq!(state.list.offset, 1, "zoomed: one line");

    update(&mut state, key(KeyCode::Char('z')));
    state.scroll_step = ScrollStep::Line;
    down_to_the_first_row_off_the_page(&mut state);
    assert_eq!(state.list.offset, 1, "the config's `scroll = \"line\"`");
}

#[test]
fn s_sorts_the_list_by_the_next_column_and_capital_s_reverses() {
    let mut state = loaded();
    state.list.cursor = 5;
    update(&mut state, key(KeyCode::Char('s')));
    assert_eq!(state.status.info.as_deref(), Some("sorted by name ↑"));
    // "User 0", "User 1", "User 10", ... as text; the cursor stays on its user.
    assert_eq!(state.list.selected().map(|user| user.id), Some("u5"));
    update(&mut state, key(KeyCode::Char('S')));
    assert_eq!(state.status.info.as_deref(), Some("sorted by name ↓"));
    assert_eq!(state.list.rows().first(), Some(&99));
    for _ in 0..5 {
        update(&mut state, key(KeyCode::Char('s')));
    }
    assert_eq!(state.status.info.as_deref(), Some("the provider's order"));
    assert_eq!(state.list.rows(), (0..100).collect::<Vec<_>>());
}

#[test]
fn a_sort_under_a_filter_waits_for_the_filter_to_be_cleared() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "User 1");
    let ranking = state.list.rows().to_vec();
    update(&mut state, key(KeyCode::Enter));
    update(&mut state, key(KeyCode::Char('S')));
    assert!(
        state
            .status
            .info
            .as_deref()
            .is_some_and(|info| info.contains("once the filter is cleared")),
        "{:?}",
        state.status.info
    );
    assert_eq!(state.list.rows(), ranking, "the filter's ranking stays");
    // Esc stops what runs (the server search, the fetch), then clears the filter.
    for _ in 0..4 {
        update(&mut state, key(KeyCode::Esc));
    }
    assert!(state.list.filter.value().is_empty());
    assert_eq!(
        state.list.rows().first(),
        Some(&99),
        "the provider's order reversed"
    );
}
