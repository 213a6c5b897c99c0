//! The pure heart of the explorer: `update(&mut State, Msg) -> Vec<Effect>`. No I/O, no clock,
//! no spawning; unit tests drive it without a terminal or a network.

pub mod audit;
mod command;
mod copy;
pub(crate) mod directory;
mod export;
mod filter;
mod history;
pub(crate) mod keys;
mod list_sort;
mod marks;
mod mouse;
mod people;
mod record;
mod threads;
mod viewed;

use crate::effect::Effect;
use crate::msg::Msg;
use crate::state::{DetailState, Focus, State, Wanted};

/// Ticks the selection must rest on a user before its record is fetched (a tick is ~80 ms).
pub const DEBOUNCE_TICKS: u32 = 2;

/// The effects to start the explorer: the stored directory, read at once.
pub fn init(state: &mut State) -> Vec<Effect> {
    directory::open(state)
}

/// Applies one message to the state and returns the work it asks for.
pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    let before = state.status.clone();
    let effects = apply(state, msg);
    state.status.keep_newest(&before);
    if let Some((waiter, _)) = state.status.server_wait
        && !state.still_going(waiter)
    {
        state.status.server_wait = None;
    }
    effects
}

fn apply(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => keys::on_key(state, &key),
        Msg::Mouse(event) => mouse::on_mouse(state, event),
        Msg::Resize(columns, rows) => {
            state.size = (columns, rows);
            let (rows, jump) = (state.list_page_rows(), state.list_jump());
            state.list.scroll_to_cursor(rows, jump);
            let lines = state.audit_lines();
            state.detail.findings_view.scroll_to_cursor(lines);
            Vec::new()
        }
        Msg::Tick => on_tick(state),
        Msg::DirectoryOpened { request, stored } => directory::opened(state, request, stored),
        Msg::DirectoryPage { request, page } => directory::page(state, request, page),
        Msg::DirectorySyncEnded { request, result } => directory::ended(state, request, result),
        Msg::SeenUsersKept {
            request,
            kept,
            seen,
        } => directory::kept(state, request, kept, &seen),
        Msg::ServerWaiting { waiter, wait } => {
            if !wait.is_over() {
                state.status.server_wait = Some((waiter, wait));
            } else if state
                .status
                .server_wait
                .is_some_and(|(waiting, _)| waiting == waiter)
            {
                state.status.server_wait = None;
            }
            Vec::new()
        }
        Msg::UsersFiltered { request, ranking } => filter::on_filtered(state, request, *ranking),
        Msg::SearchLoaded { request, result } => {
            if state.list.searching != Some(request) {
                return Vec::new();
            }
            state.list.searching = None;
            match result {
                Ok(users) => {
                    state.status.info = Some(format!("the server found {} user(s)", users.len()));
                    // The directory sync is what keeps held rows current; a search only adds
                    // users the directory does not hold (yet).
                    let new: Vec<_> = users
                        .into_iter()
                        .filter(|user| state.list.index_of_id(&user.id).is_none())
                        .collect();
                    state.list.merge(new);
                    selection_changed(state)
                }
                Err(crate::model::FetchError {
                    message,
                    unsupported: true,
                    ..
                }) => {
                    state.status.info = Some(format!("{message}; filtering the users held"));
                    Vec::new()
                }
                Err(error) => {
                    state.status.error = Some(error.one_line());
                    Vec::new()
                }
            }
        }
        Msg::RecordLoaded { request, result } => record::loaded(state, request, result),
        Msg::RecordMapped { request, result } => record::mapped(state, request, result),
        Msg::ThreadsLoaded { request, result } => threads::loaded(state, request, result),
        Msg::ExportFinished { result } => export::finished(state, result),
        Msg::ProfileSwitched { result } => profile_switched(state, result),
        Msg::PersonLookedUp { request, answer } => people::answered(state, request, answer),
        Msg::PersonWaiting {
            request,
            profile,
            wait,
        } => people::waiting(state, request, &profile, wait),
        Msg::ThemeLoaded { result } => {
            match result {
                Ok(theme) => {
                    state.status.info = Some(format!("theme {}", theme.name));
                    state.theme = theme;
                }
                Err(message) => state.status.error = Some(message),
            }
            Vec::new()
        }
        Msg::AuditProgress(progress) => audit::progress(state, progress),
        Msg::AuditFinished(outcome) => audit::finished(state, *outcome),
        Msg::Terminate => {
            state.quit = true;
            vec![Effect::Quit]
        }
    }
}
/// After a profile switch: a fresh list and detail for the new provider, or the error.
fn profile_switched(
    state: &mut State,
    result: Result<crate::msg::ProfileView, String>,
) -> Vec<Effect> {
    state.switching = None;
    match result {
        Err(message) => {
            state.status.error = Some(message);
            state.people_opening = None;
            Vec::new()
        }
        Ok(opened) => {
            // The app aborted every task of the old provider; forget what they were for.
            let mut effects = audit::abandon(state);
            state.list = crate::state::UserListState::default();
            state.detail = DetailState::default();
            state.status.error = None;
            state.status.info = Some(format!("switched to {}", opened.badge.name));
            state.profile = opened.badge;
            state.theme = opened.theme;
            state.focus = Focus::List;
            audit::regroup(state);
            effects.extend(directory::open(state));
            effects.extend(people::after_switch(state));
            effects
        }
    }
}

fn on_tick(state: &mut State) -> Vec<Effect> {
    state.spinner_frame = state.spinner_frame.wrapping_add(1);
    let mut effects = viewed::tick(state);
    let Some(wanted) = state.detail.wanted.as_mut() else {
        return effects;
    };
    wanted.rested_ticks += 1;
    if wanted.rested_ticks < DEBOUNCE_TICKS {
        return effects;
    }
    let id = wanted.id.clone();
    state.detail.wanted = None;
    effects.extend(fetch_record(state, id));
    effects
}

/// Starts fetching a record, cancelling a superseded fetch.
pub(crate) fn fetch_record(state: &mut State, id: String) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some((previous, _)) = state.detail.loading.take() {
        effects.push(Effect::Cancel(previous));
    }
    // Another record is coming: the mapping of the one shown is moot.
    if let Some(mapping) = state.detail.mapping.take() {
        effects.push(Effect::Cancel(mapping));
    }
    let request = state.next_request();
    state.detail.loading = Some((request, id.clone()));
    state.detail.fetched_before = true;
    state.detail.view_on_load = false;
    state.detail.error = None;
    effects.push(Effect::FetchRecord { request, id });
    effects
}

/// Fetches a record the operator asked for (Enter, `r`, `:user`, a finding): unlike one the
/// selection merely passed, it counts as viewed as soon as it is shown.
pub(crate) fn open_record(state: &mut State, id: String) -> Vec<Effect> {
    state.detail.wanted = None;
    let effects = fetch_record(state, id);
    state.detail.view_on_load = true;
    effects
}

/// After the cursor moved: remember the user to fetch once the selection rests.
pub(crate) fn selection_changed(state: &mut State) -> Vec<Effect> {
    let (rows, jump) = (state.list_page_rows(), state.list_jump());
    state.list.scroll_to_cursor(rows, jump);
    viewed::selection_moved(state);
    let mut effects = Vec::new();
    let selected = state.list.selected().map(|user| user.id.to_owned());
    match selected {
        // The first selection since the pane was made (launch, `open` of a file, a profile
        // switch): nobody is scrolling past records yet, so its record is fetched at once
        // rather than after two ticks (~160 ms). Every later one waits to rest, after a failed
        // fetch or an Esc too.
        Some(id) if !state.detail.fetched_before => {
            effects.extend(fetch_record(state, id));
        }
        Some(id)
            if state.detail.current_id() != Some(id.as_str())
                && state.detail.wanted.as_ref().map(|wanted| &wanted.id) != Some(&id) =>
        {
            state.detail.wanted = Some(Wanted {
                id,
                rested_ticks: 0,
            });
        }
        Some(id) if state.detail.current_id() != Some(id.as_str()) => {}
        Some(_) => state.detail.wanted = None,
        None => {}
    }
    effects
}

/// Stops the fetch in flight and forgets the pending one.
pub(crate) fn cancel_detail(detail: &mut DetailState) -> Vec<Effect> {
    detail.wanted = None;
    detail
        .loading
        .take()
        .map(|(request, _)| Effect::Cancel(request))
        .into_iter()
        .collect()
}

/// Whether the list pane has the keyboard (the filter counts: it sits on the list).
pub(crate) fn list_focused(state: &State) -> bool {
    matches!(state.focus, Focus::List | Focus::Filter)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod deferred_tests;
