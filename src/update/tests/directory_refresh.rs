//! Refreshing a stale directory (issue 18): only the users changed since the last complete sync
//! are asked for and merged in place (rows updated, new users added, nobody removed); a provider
//! or server that cannot list changes gets a full sync instead; `r` and `:sync` always sync
//! every user. The list title and the status line say which it did.

use super::*;

/// Opens a directory of `u0..u3` stored two hours ago by a complete sync: the effects.
fn open_stale(state: &mut State) -> Vec<Effect> {
    open_stored(
        state,
        crate::msg::StoredDirectory {
            users: page(0..4, None).users,
            age_secs: Some(7200),
            stale: true,
            total: Some(4),
            ..Default::default()
        },
    )
}

fn sync_effect(effects: &[Effect]) -> (RequestId, bool) {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::SyncDirectory {
                request,
                changes_only,
            } => Some((*request, *changes_only)),
            _ => None,
        })
        .expect("a sync")
}

fn ids(state: &State) -> Vec<&str> {
    state.list.users.iter().map(|u| u.id).collect()
}

#[test]
fn a_stale_directory_asks_only_for_the_changes_and_merges_them_in_place() {
    let mut state = state();
    let (refresh, changes_only) = sync_effect(&open_stale(&mut state));
    assert!(changes_only, "a refresh asks only for what changed");
    assert_eq!(state.list.directory.word(), "syncing changes");
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char('j')));
    assert_eq!(state.list.selected().unwrap().id, "u2");

    let mut renamed = user(2);
    renamed.name = "Renamed Two".into();
    update(
        &mut state,
        Msg::DirectoryPage {
            request: refresh,
            // The server's total counts the changes only: it is not the directory's.
            page: UserPage {
                users: vec![renamed, user(9)],
                next: None,
                total: Some(2),
            },
        },
    );
    update(
        &mut state,
        Msg::DirectorySyncEnded {
            request: refresh,
            result: Ok(None),
        },
    );
    assert_eq!(
        ids(&state),
        ["u0", "u1", "u2", "u3", "u9"],
        "nobody removed"
    );
    assert_eq!(state.list.users.get(2).unwrap().name, "Renamed Two");
    assert_eq!(
        state.list.selected().unwrap().id,
        "u2",
        "the selection stays"
    );
    assert_eq!(state.list.total, Some(5));
    assert_eq!(state.list.directory.word(), "changes synced");
    let info = state.status.info.as_deref().unwrap();
    assert!(
        info.contains("2 users changed since the last sync"),
        "{info}"
    );
}

#[test]
fn a_server_that_refuses_the_changes_filter_gets_a_full_sync() {
    let mut state = state();
    let (refresh, _) = sync_effect(&open_stale(&mut state));
    let refused = FetchError {
        unsupported: true,
        ..FetchError::new(
            "the SCIM server does not filter users by meta.lastModified (Unsupported filter)",
            "",
        )
    };
    let effects = update(
        &mut state,
        Msg::DirectorySyncEnded {
            request: refresh,
            result: Err(refused),
        },
    );
    let (sync, changes_only) = sync_effect(&effects);
    assert!(!changes_only, "the fallback lists every user");
    assert_ne!(sync, refresh);
    assert_eq!(state.list.directory.word(), "syncing");
    let info = state.status.info.as_deref().unwrap();
    assert!(info.contains("meta.lastModified"), "{info}");
    assert!(info.ends_with("syncing every user"), "{info}");
    assert!(state.status.error.is_none(), "not a failure");

    // The full sync removes users gone from the server, as only a full sync can.
    update(
        &mut state,
        Msg::DirectoryPage {
            request: sync,
            page: page(0..2, None),
        },
    );
    end_sync(&mut state, sync);
    assert_eq!(ids(&state), ["u0", "u1"]);
    assert_eq!(state.list.directory.word(), "synced");
}

#[test]
fn a_refresh_that_fails_otherwise_is_a_failed_sync() {
    let mut state = state();
    let (refresh, _) = sync_effect(&open_stale(&mut state));
    let effects = update(
        &mut state,
        Msg::DirectorySyncEnded {
            request: refresh,
            result: Err(FetchError::new("HTTP 500", "try again")),
        },
    );
    assert!(
        effects
            .iter()
            .all(|effect| !matches!(effect, Effect::SyncDirectory { .. }))
    );
    assert_eq!(state.list.directory.word(), "sync failed");
    assert_eq!(ids(&state), ["u0", "u1", "u2", "u3"]);
}

#[test]
fn nothing_synced_completely_before_and_a_forced_refresh_sync_every_user() {
    // Never synced completely (no age): every user.
    let mut state = state();
    let effects = open_stored(
        &mut state,
        crate::msg::StoredDirectory {
            users: page(0..4, None).users,
            stale: true,
            ..Default::default()
        },
    );
    assert!(!sync_effect(&effects).1);

    // `r` on the list and `:sync` during a refresh: every user.
    let mut state = state_after_refresh();
    state.focus = crate::state::Focus::List;
    assert!(!sync_effect(&update(&mut state, key(KeyCode::Char('r')))).1);
    let mut state = state_after_refresh();
    update(&mut state, key(KeyCode::Char(':')));
    for c in "sync".chars() {
        update(&mut state, key(KeyCode::Char(c)));
    }
    let (_, changes_only) = sync_effect(&update(&mut state, key(KeyCode::Enter)));
    assert!(!changes_only);
    assert_eq!(state.list.directory.word(), "syncing");
}

/// A state whose stale directory is being refreshed.
fn state_after_refresh() -> State {
    let mut state = state();
    let (_, changes_only) = sync_effect(&open_stale(&mut state));
    assert!(changes_only);
    state
}
