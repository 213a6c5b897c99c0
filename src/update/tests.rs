//! Unit tests of `update`: scripted messages, no terminal, no network. One file per part of the
//! explorer under `tests/`; this file holds the helpers they share.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::model::FetchError;
use crate::model::{RawBody, UserPage, UserRecord, UserSummary};
use crate::state::{DetailTab, ProfileBadge, RequestId};

fn state() -> State {
    let profile = ProfileBadge {
        name: "sandbox-zoo".into(),
        provider: "zoo".into(),
        is_sandbox: true,
    };
    State::new(profile, (120, 40))
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn user(index: usize) -> UserSummary {
    UserSummary {
        id: format!("u{index}"),
        name: format!("User {index}"),
        email: format!("user{index}@x.io"),
        role: None,
        status: Vec::new(),
    }
}

fn page(range: std::ops::Range<usize>, next: Option<&str>) -> UserPage {
    UserPage {
        users: range.map(user).collect(),
        next: next.map(str::to_owned),
        total: Some(500),
    }
}

fn record(id: &str) -> Arc<UserRecord> {
    Arc::new(UserRecord {
        provider: crate::model::ProviderKind::Zoo,
        id: id.to_owned(),
        summary: UserSummary::with_id(id),
        bodies: vec![RawBody {
            label: "user".into(),
            path: "/u".into(),
            bytes: bytes::Bytes::from_static(b"{\"a\":1}"),
        }],
        json: serde_json::json!({"a": 1}),
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
        big: None,
    })
}

fn open_request(effects: &[Effect]) -> RequestId {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::OpenDirectory { request } => Some(*request),
            _ => None,
        })
        .expect("an OpenDirectory effect")
}

fn sync_request(effects: &[Effect]) -> Option<RequestId> {
    effects.iter().find_map(|effect| match effect {
        Effect::SyncDirectory { request, .. } => Some(*request),
        _ => None,
    })
}

/// Opens the directory as read from the store: the effects that follow.
fn open_stored(state: &mut State, stored: crate::msg::StoredDirectory) -> Vec<Effect> {
    let request = open_request(&init(state));
    update(
        state,
        Msg::DirectoryOpened {
            request,
            stored: Ok(stored),
        },
    )
}

/// Ends a full sync completely, as the app does: the users it did not see are dropped off
/// the loop (`Effect::KeepSeenUsers`) and the answer comes back through `update`.
fn end_sync(state: &mut State, sync: RequestId) -> Vec<Effect> {
    let effects = update(
        state,
        Msg::DirectorySyncEnded {
            request: sync,
            result: Ok(None),
        },
    );
    let mut after = Vec::new();
    for effect in effects {
        match effect {
            Effect::KeepSeenUsers {
                request,
                users,
                seen,
            } => {
                let kept = users.keeping(|at| seen.has(at));
                after.extend(update(
                    state,
                    Msg::SeenUsersKept {
                        request,
                        kept,
                        seen,
                    },
                ));
            }
            other => after.push(other),
        }
    }
    after
}

/// Opens the directory with nothing stored: the sync it starts.
fn open_empty(state: &mut State) -> RequestId {
    let effects = open_stored(
        state,
        crate::msg::StoredDirectory {
            stale: true,
            ..Default::default()
        },
    );
    sync_request(&effects).expect("nothing stored: a sync")
}

/// Answers a refresh of the changes as a provider that cannot list them does
/// (`directory_refresh.rs` has one that can): the full sync it becomes.
fn cannot_list_changes(state: &mut State, refresh: RequestId) -> RequestId {
    let refused = FetchError {
        unsupported: true,
        ..FetchError::new("this provider cannot list only the users that changed", "")
    };
    let effects = update(
        state,
        Msg::DirectorySyncEnded {
            request: refresh,
            result: Err(refused),
        },
    );
    sync_request(&effects).expect("a full sync")
}

fn fetch_request(effects: &[Effect]) -> Option<(RequestId, String)> {
    effects.iter().find_map(|effect| match effect {
        Effect::FetchRecord { request, id } => Some((*request, id.clone())),
        _ => None,
    })
}

/// Presses Enter on the list: the fetch it starts, or the one already in flight for the user
/// under the cursor (the first selection is fetched as soon as the page shows it).
fn open_selected(state: &mut State) -> (RequestId, String) {
    let effects = update(state, key(KeyCode::Enter));
    fetch_request(&effects)
        .or_else(|| state.detail.loading.clone())
        .expect("a fetch for the selected user")
}

/// Answers the record fetch in flight, if any, with a record of that id.
pub(super) fn answer_fetch(state: &mut State) {
    if let Some((request, id)) = state.detail.loading.clone() {
        update(
            state,
            Msg::RecordLoaded {
                request,
                result: Ok(record(&id)),
            },
        );
    }
}

/// A state with the sync's first page in (100 users of 500, more to come), the first
/// user's record being fetched.
fn syncing() -> State {
    let mut state = state();
    let request = open_empty(&mut state);
    update(
        &mut state,
        Msg::DirectoryPage {
            request,
            page: page(0..100, Some("p2")),
        },
    );
    state
}

/// A state with the directory synced (100 users), the first user's record being fetched.
fn loaded() -> State {
    let mut state = state();
    let request = open_empty(&mut state);
    update(
        &mut state,
        Msg::DirectoryPage {
            request,
            page: page(0..100, None),
        },
    );
    update(
        &mut state,
        Msg::DirectorySyncEnded {
            request,
            result: Ok(None),
        },
    );
    state
}

fn type_text(state: &mut State, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(update(state, key(KeyCode::Char(c))));
    }
    effects
}

mod audit;
mod command;
mod copy;
mod detail;
mod directory;
mod directory_refresh;
mod history;
mod list;
mod marks;
mod people;
mod status;
mod trail;
mod tree;
mod zoom;
