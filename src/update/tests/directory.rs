//! The stored directory: opened at start and shown at once, synced in the background when it
//! is stale, and the sync stopped by Esc.

use super::*;

#[test]
fn starts_by_opening_the_stored_directory() {
    let mut state = state();
    let effects = init(&mut state);
    assert!(matches!(effects.as_slice(), [Effect::OpenDirectory { .. }]));
    assert!(state.needs_tick(), "a spinner runs while loading");
}

#[test]
fn a_fresh_stored_directory_shows_at_once_with_no_sync() {
    let mut state = state();
    let effects = open_stored(
        &mut state,
        crate::msg::StoredDirectory {
            users: page(0..300, None).users,
            age_secs: Some(60),
            stale: false,
            total: Some(300),
            note: None,
            held: None,
        },
    );
    assert_eq!(state.list.users.len(), 300);
    assert!(sync_request(&effects).is_none(), "fresh: no sync");
    assert!(fetch_request(&effects).is_some(), "the first user's record");
    assert_eq!(state.list.directory.word(), "stored 1 min ago");
}

#[test]
fn a_stale_stored_directory_shows_at_once_and_syncs_in_the_background() {
    let mut state = state();
    let effects = open_stored(
        &mut state,
        crate::msg::StoredDirectory {
            users: page(0..3, None).users,
            age_secs: Some(7200),
            stale: true,
            total: Some(3),
            note: None,
            held: None,
        },
    );
    assert_eq!(state.list.users.len(), 3);
    let refresh = sync_request(&effects).expect("stale: a sync");
    // This provider cannot list only what changed: the refresh becomes a sync of every user.
    let sync = cannot_list_changes(&mut state, refresh);
    // The sync sees user 1 renamed and user 2 gone; the selection stays on its user.
    update(&mut state, key(KeyCode::Char('j')));
    let mut renamed = user(1);
    renamed.name = "Renamed One".into();
    update(
        &mut state,
        Msg::DirectoryPage {
            request: sync,
            page: UserPage {
                users: vec![user(0), renamed, user(3)],
                next: None,
                total: Some(3),
            },
        },
    );
    assert_eq!(state.list.users.get(1).unwrap().name, "Renamed One");
    assert_eq!(state.list.selected().unwrap().id, "u1");
    end_sync(&mut state, sync);
    let ids: Vec<&str> = state.list.users.iter().map(|u| u.id).collect();
    assert_eq!(ids, ["u0", "u1", "u3"], "u2 is gone from the server");
    assert_eq!(state.list.selected().unwrap().id, "u1");
    assert_eq!(state.list.directory.word(), "synced");
}

#[test]
fn esc_stops_the_sync_and_keeps_what_came() {
    let mut state = syncing();
    state.detail.loading = None;
    let sync = state.list.directory.syncing.expect("syncing");
    let effects = update(&mut state, key(KeyCode::Esc));
    assert!(matches!(effects.as_slice(), [Effect::Cancel(request)] if *request == sync));
    assert_eq!(state.list.users.len(), 100);
    assert!(
        state
            .status
            .info
            .as_deref()
            .unwrap()
            .contains("sync stopped: 100 of 500")
    );
    // A late page of the stopped sync changes nothing; r syncs again.
    update(
        &mut state,
        Msg::DirectoryPage {
            request: sync,
            page: page(100..200, None),
        },
    );
    assert_eq!(state.list.users.len(), 100);
    assert!(sync_request(&update(&mut state, key(KeyCode::Char('r')))).is_some());
}

/// The state after a full sync that saw users 0-49 of the 100 held ended: the pruning asked
/// for and not yet answered, and the answer it will get.
fn sync_ended_seeing_half() -> (State, RequestId, Msg) {
    let mut state = loaded();
    state.focus = Focus::List;
    let sync = sync_request(&update(&mut state, key(KeyCode::Char('r')))).expect("r syncs");
    update(
        &mut state,
        Msg::DirectoryPage {
            request: sync,
            page: page(0..50, None),
        },
    );
    let effects = update(
        &mut state,
        Msg::DirectorySyncEnded {
            request: sync,
            result: Ok(None),
        },
    );
    assert_eq!(state.list.users.len(), 100, "nobody leaves on the loop");
    let answer = effects
        .into_iter()
        .find_map(|effect| match effect {
            Effect::KeepSeenUsers {
                request,
                users,
                seen,
            } => Some(Msg::SeenUsersKept {
                request,
                kept: users.keeping(|at| seen.has(at)),
                seen,
            }),
            _ => None,
        })
        .expect("the users gone are dropped off the loop");
    (state, sync, answer)
}

#[test]
fn users_gone_leave_when_their_pruning_answers() {
    let (mut state, _, answer) = sync_ended_seeing_half();
    update(&mut state, answer);
    assert_eq!(state.list.users.len(), 50);
    assert_eq!(state.list.total, Some(50));
    assert_eq!(
        state.status.info.as_deref(),
        Some("directory synced: 50 users gone from the server removed")
    );
}

#[test]
fn a_pruning_answers_no_list_changed_since() {
    // A page of a newer sync came first: the answer is of the list before it.
    let (mut state, _, answer) = sync_ended_seeing_half();
    let effects = update(&mut state, key(KeyCode::Char('r')));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::Cancel(_))),
        "the pruning in flight is cancelled"
    );
    let newer = sync_request(&effects).expect("r syncs");
    let mut renamed = user(3);
    renamed.name = "Renamed".into();
    update(
        &mut state,
        Msg::DirectoryPage {
            request: newer,
            page: UserPage {
                users: vec![renamed],
                next: Some("more".into()),
                total: None,
            },
        },
    );
    update(&mut state, answer);
    assert_eq!(
        state.list.users.len(),
        100,
        "the late answer changes nothing"
    );
    assert_eq!(state.list.users.get(3).unwrap().name, "Renamed");
}

/// A wait the server asked of a fetch's request; `secs` 0: the wait is over.
fn asked_to_wait(request: RequestId, secs: u64) -> Msg {
    Msg::ServerWaiting {
        waiter: crate::state::Waiter::Fetch(request),
        wait: crate::model::ServerWait {
            status: 429,
            wait: std::time::Duration::from_secs(secs),
            retry: 1,
            retries: 3,
        },
    }
}

/// The fetch whose wait is said, if any.
fn waiting_on(state: &State) -> Option<crate::state::Waiter> {
    state.status.server_wait.map(|(waiter, _)| waiter)
}

#[test]
fn a_wait_the_server_asks_of_the_sync_is_said_until_it_is_over() {
    let mut state = syncing();
    state.detail.loading = None;
    let sync = state.list.directory.syncing.expect("syncing");
    let fetch = Some(crate::state::Waiter::Fetch(sync));
    update(&mut state, asked_to_wait(sync, 61));
    assert_eq!(waiting_on(&state), fetch);
    // Counting down, then over (the retry is sent): nothing is said.
    update(&mut state, asked_to_wait(sync, 60));
    assert_eq!(
        state
            .status
            .server_wait
            .map(|(_, wait)| wait.wait.as_secs()),
        Some(60)
    );
    update(&mut state, asked_to_wait(sync, 0));
    assert_eq!(waiting_on(&state), None);
    // Another fetch's end does not end this one's wait.
    update(&mut state, asked_to_wait(sync, 61));
    update(&mut state, asked_to_wait(RequestId(sync.0 + 100), 0));
    assert_eq!(waiting_on(&state), fetch);
    // Esc: the sync stops and so does the wait.
    update(&mut state, key(KeyCode::Esc));
    assert_eq!(waiting_on(&state), None);
    // A late word of the stopped sync is not said.
    update(&mut state, asked_to_wait(sync, 61));
    assert_eq!(waiting_on(&state), None);
}

#[test]
fn a_wait_the_server_asks_of_a_record_is_said_while_it_loads() {
    let mut state = loaded();
    let (record, _) = state.detail.loading.clone().expect("a record loading");
    update(&mut state, asked_to_wait(record, 61));
    assert_eq!(
        waiting_on(&state),
        Some(crate::state::Waiter::Fetch(record))
    );
    update(
        &mut state,
        Msg::RecordLoaded {
            request: record,
            result: Err(crate::model::FetchError::new("gone", "try later")),
        },
    );
    assert_eq!(state.status.server_wait, None);
}
