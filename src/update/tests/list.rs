//! The user list: loading pages, stale answers, fetching the resting selection, the filter,
//! marking users and ticking only while busy.

use super::*;

#[test]
fn starts_by_loading_the_first_page() {
    let mut state = state();
    let effects = init(&mut state);
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadUsers { cursor: None, .. }]
    ));
    assert!(state.needs_tick(), "a spinner runs while loading");
}

#[test]
fn a_page_fills_the_list_and_its_first_user_is_fetched_at_once() {
    let mut state = state();
    let request = load_request(&init(&mut state));
    let effects = update(
        &mut state,
        Msg::UsersLoaded {
            request,
            result: Ok(page(0..100, Some("p2"))),
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
            result: Err(crate::provider::ProviderError::Unsupported("down".into())),
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
fn the_next_page_loads_as_the_cursor_nears_the_end() {
    let mut state = loaded();
    assert!(state.list.loading.is_none());
    let effects = update(&mut state, key(KeyCode::Char('G')));
    let request = load_request(&effects);
    assert!(
        matches!(effects.iter().find(|effect| matches!(effect, Effect::LoadUsers { .. })), Some(Effect::LoadUsers { cursor: Some(cursor), .. }) if cursor == "p2")
    );
    update(
        &mut state,
        Msg::UsersLoaded {
            request,
            result: Ok(page(100..150, None)),
        },
    );
    assert_eq!(state.list.users.len(), 150);
    assert!(state.list.next.is_none());
    assert!(
        update(&mut state, key(KeyCode::Char('G')))
            .iter()
            .all(|effect| !matches!(effect, Effect::LoadUsers { .. }))
    );
}

#[test]
fn a_failed_page_says_why_and_the_app_keeps_going() {
    let mut state = state();
    let request = load_request(&init(&mut state));
    let error = ProviderError::Config("profile p sets neither token_env nor token_command".into());
    update(
        &mut state,
        Msg::UsersLoaded {
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
    assert_eq!(
        state.list.selected().map(|user| user.id.as_str()),
        Some("u42")
    );
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
    assert!(!state.needs_tick());
}

#[test]
fn space_marks_and_x_exports_the_marked_set_in_list_order() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char(' ')));
    update(&mut state, key(KeyCode::Char('g')));
    update(&mut state, key(KeyCode::Char(' ')));
    assert_eq!(state.list.marked.len(), 2);
    let effects = update(&mut state, key(KeyCode::Char('x')));
    assert!(
        matches!(effects.as_slice(), [Effect::ExportMarked { ids }] if ids == &["u0".to_owned(), "u2".to_owned()])
    );
    assert!(state.exporting);
    update(
        &mut state,
        Msg::ExportFinished {
            result: Err("wrote /x but could not fetch u2 (HTTP 500)".into()),
        },
    );
    assert!(
        state
            .status
            .error
            .as_deref()
            .unwrap()
            .contains("could not fetch u2")
    );
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
