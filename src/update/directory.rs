//! The directory through `update`: the stored users shown at once, then a sync in the
//! background when they are missing or stale (or asked for: `r` on the list, `:sync`), its
//! pages merged as they come, `Esc` stopping it with what came kept. A stale directory that was
//! synced completely before is refreshed with only what changed since, where the provider can
//! list that; a full sync is the only one that removes users.

use super::selection_changed;
use crate::count_text::thousands;
use crate::effect::Effect;
use crate::model::FetchError;
use crate::model::UserPage;
use crate::msg::StoredDirectory;
use crate::state::{HeldUsers, RequestId, SeenUsers, State, SyncEnd};

/// Reads the stored directory (the first thing the explorer does for a profile).
pub(crate) fn open(state: &mut State) -> Vec<Effect> {
    let request = state.next_request();
    state.list.directory.opening = Some(request);
    vec![Effect::OpenDirectory { request }]
}

/// The stored users arrived: shown at once; a sync follows when they are missing or stale.
pub(crate) fn opened(
    state: &mut State,
    request: RequestId,
    stored: Result<StoredDirectory, String>,
) -> Vec<Effect> {
    if state.list.directory.opening != Some(request) {
        return Vec::new();
    }
    state.list.directory.opening = None;
    let stored = match stored {
        Ok(stored) => stored,
        Err(message) => {
            // The store is unusable: one line, and the directory lives in memory only.
            state.status.error = Some(message.clone());
            state.list.directory.store_note = Some(message);
            StoredDirectory::default()
        }
    };
    if let Some(note) = &stored.note {
        state.status.error = Some(note.clone());
    }
    state.list.directory.stored_age_secs = stored.age_secs;
    state.list.total = stored.total.or(state.list.total);
    let empty = stored.users.is_empty() && stored.held.as_ref().is_none_or(HeldUsers::is_empty);
    if let Some(held) = stored.held {
        state.list.take_held(held);
    }
    state.list.merge(stored.users);
    let mut effects = super::filter::refilter(state);
    effects.extend(selection_changed(state));
    if stored.stale || empty {
        // A directory that was synced completely needs only what changed since, where the
        // provider can list that (it answers `unsupported` where not, and `ended` syncs all).
        let synced_before = !empty && stored.age_secs.is_some();
        effects.extend(start(state, synced_before));
    }
    effects
}

/// Starts a sync of the whole directory, stopping one in flight: the only kind that removes
/// users gone from the server (`r`, `:sync`).
pub(crate) fn sync(state: &mut State) -> Vec<Effect> {
    start(state, false)
}

/// Starts a sync, stopping one in flight: every user, or (`changes_only`) those changed since
/// the last complete sync.
fn start(state: &mut State, changes_only: bool) -> Vec<Effect> {
    let mut effects: Vec<Effect> = state
        .list
        .directory
        .syncing
        .take()
        .map(Effect::Cancel)
        .into_iter()
        .collect();
    // Users the last sync did not see are removed by this one if it completes; a pruning in
    // flight would answer a list this sync is about to change.
    effects.extend(
        state
            .list
            .directory
            .pruning
            .take()
            .map(|(pruning, _)| Effect::Cancel(pruning)),
    );
    let request = state.next_request();
    let directory = &mut state.list.directory;
    directory.syncing = Some(request);
    directory.changes_only = changes_only;
    directory.changed = 0;
    directory.seen.clear();
    directory.last = None;
    effects.push(Effect::SyncDirectory {
        request,
        changes_only,
    });
    effects
}

/// A page of the sync: merged in place (new users added, changed rows updated).
pub(crate) fn page(state: &mut State, request: RequestId, page: UserPage) -> Vec<Effect> {
    if state.list.directory.syncing != Some(request) {
        return Vec::new();
    }
    if state.list.error.take().is_some() {
        state.status.error = None;
    }
    let directory = &mut state.list.directory;
    let merged = if directory.changes_only {
        // A refresh's total counts the changes; nobody is removed, so none is noted as seen.
        directory.changed += page.users.len() as u64;
        state.list.merge(page.users)
    } else {
        let mut seen = std::mem::take(&mut directory.seen);
        state.list.total = page.total.or(state.list.total);
        let merged = state.list.merge_seen(page.users, &mut seen);
        state.list.directory.seen = seen;
        merged
    };
    let mut effects = Vec::new();
    if merged.changed > 0 {
        effects.extend(super::filter::refilter(state));
    }
    effects.extend(selection_changed(state));
    effects
}

/// The sync ended: complete (users gone from the server leave the list) or failed (what came
/// is kept and the operator is told how to go on).
pub(crate) fn ended(
    state: &mut State,
    request: RequestId,
    result: Result<Option<String>, FetchError>,
) -> Vec<Effect> {
    if state.list.directory.syncing != Some(request) {
        return Vec::new();
    }
    state.list.directory.syncing = None;
    if std::mem::take(&mut state.list.directory.changes_only) {
        return changes_ended(state, result);
    }
    let seen = std::mem::take(&mut state.list.directory.seen);
    match result {
        Ok(store_error) => {
            note_store_error(state, store_error);
            state.list.directory.last = Some(SyncEnd::Complete);
            state.list.directory.stored_age_secs = Some(0);
            state.list.total = Some(state.list.users.len() as u64);
            // The list title says the sync is done; the status line only what changed.
            let mut effects = Vec::new();
            if (0..state.list.users.len()).any(|at| !seen.has(at)) {
                // Holding the others anew takes a fraction of a second over a million users:
                // off the loop.
                let request = state.next_request();
                state.list.directory.pruning = Some((request, state.list.edits()));
                effects.push(Effect::KeepSeenUsers {
                    request,
                    users: state.list.users.snapshot(),
                    seen,
                });
            }
            effects.extend(selection_changed(state));
            effects
        }
        Err(error) => failed(state, &error),
    }
}

/// The users a full sync saw, held anew: the others leave, unless the list changed since
/// (a new sync, a page), when the next full sync removes them.
pub(crate) fn kept(
    state: &mut State,
    request: RequestId,
    kept: HeldUsers,
    seen: &SeenUsers,
) -> Vec<Effect> {
    let edits = match state.list.directory.pruning {
        Some((pruning, edits)) if pruning == request => edits,
        _ => return Vec::new(),
    };
    state.list.directory.pruning = None;
    if edits != state.list.edits() {
        return Vec::new();
    }
    let removed = state.list.keep_seen(kept, seen);
    state.list.total = Some(state.list.users.len() as u64);
    state.status.info = Some(format!(
        "directory synced: {} users gone from the server removed",
        thousands(removed as u64)
    ));
    let mut effects = Vec::new();
    // The rows shown stay right; a filter still running ran over the old list.
    if state.list.filtering.is_some() {
        effects.extend(super::filter::refilter(state));
    }
    effects.extend(selection_changed(state));
    effects
}

/// A refresh of the changes ended: merged (nobody removed), or, where the provider or its
/// server cannot list changes, a full sync instead.
fn changes_ended(state: &mut State, result: Result<Option<String>, FetchError>) -> Vec<Effect> {
    match result {
        Ok(store_error) => {
            note_store_error(state, store_error);
            state.list.directory.last = Some(SyncEnd::ChangesComplete);
            state.list.directory.stored_age_secs = Some(0);
            state.list.total = Some(state.list.users.len() as u64);
            state.status.info = Some(format!(
                "directory refreshed: {} users changed since the last sync (r syncs every user)",
                thousands(state.list.directory.changed)
            ));
            selection_changed(state)
        }
        Err(error) if error.unsupported => {
            state.status.info = Some(format!(
                "{}: syncing every user",
                crate::sanitize::one_line(&error.message)
            ));
            sync(state)
        }
        Err(error) => failed(state, &error),
    }
}

/// The store stopped keeping the sync: one line, and the directory lives in memory.
fn note_store_error(state: &mut State, store_error: Option<String>) {
    if let Some(message) = store_error {
        state.list.directory.store_note = Some(message.clone());
        state.status.error = Some(format!("{message}; the directory is kept in memory"));
    }
}

/// A sync failed: what came is kept and the operator is told how to go on.
fn failed(state: &mut State, error: &FetchError) -> Vec<Effect> {
    let message = format!(
        "sync failed after {} users: {} (r retries)",
        thousands(state.list.users.len() as u64),
        error.one_line()
    );
    state.list.directory.last = Some(SyncEnd::Failed(message.clone()));
    state.list.error = Some(message.clone());
    state.status.error = Some(message);
    Vec::new()
}

/// `Esc` while syncing: the sync stops and what came stays usable.
pub(crate) fn stop(state: &mut State) -> Vec<Effect> {
    let Some(request) = state.list.directory.syncing.take() else {
        return Vec::new();
    };
    state.list.directory.seen.clear();
    state.list.directory.changes_only = false;
    state.list.directory.last = Some(SyncEnd::Stopped);
    let held = thousands(state.list.users.len() as u64);
    state.status.info = Some(match state.list.total {
        Some(total) => format!(
            "sync stopped: {held} of {} users held (r syncs again)",
            thousands(total)
        ),
        None => format!("sync stopped: {held} users held (r syncs again)"),
    });
    vec![Effect::Cancel(request)]
}
