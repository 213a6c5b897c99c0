//! The thread list: moving, sorting, and asking for the titles of the rows in view.

use crate::action::Action;
use crate::effect::Effect;
use crate::model::FetchError;
use crate::model::ThreadInfo;
use crate::state::{DetailTab, RequestId, State};

/// Asks for the titles of the threads in view that have none yet, when the tab is shown.
pub(super) fn request_titles(state: &mut State) -> Vec<Effect> {
    if state.detail.tab != DetailTab::Threads || state.detail.threads.loading.is_some() {
        return Vec::new();
    }
    let ids = state.detail.threads.titles_to_fetch(state.detail_rows());
    if ids.is_empty() {
        return Vec::new();
    }
    let request = state.next_request();
    let threads = &mut state.detail.threads;
    threads.requested.extend(ids.iter().cloned());
    threads.loading = Some(request);
    vec![Effect::FetchThreads { request, ids }]
}

/// A batch of thread details arrived.
pub(super) fn loaded(
    state: &mut State,
    request: RequestId,
    result: Result<Vec<ThreadInfo>, FetchError>,
) -> Vec<Effect> {
    if state.detail.threads.loading != Some(request) {
        return Vec::new();
    }
    state.detail.threads.loading = None;
    match result {
        Ok(fetched) => {
            state.detail.threads.error = None;
            state.detail.threads.merge(fetched);
            request_titles(state)
        }
        Err(error) => {
            state.detail.threads.error = Some(error.one_line());
            Vec::new()
        }
    }
}

/// Cursor keys on the thread list.
pub(super) fn movement(state: &mut State, action: Action, page: isize) -> Vec<Effect> {
    let (rows, jump) = (state.detail_rows(), state.detail_jump());
    let threads = &mut state.detail.threads;
    let delta = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        _ => isize::MAX / 2,
    };
    threads.move_by(delta, rows, jump);
    request_titles(state)
}

/// `s` sorts by the next column, `S` reverses.
pub(super) fn sort(state: &mut State, reverse: bool) -> Vec<Effect> {
    let threads = &mut state.detail.threads;
    if reverse {
        threads.descending = !threads.descending;
    } else {
        threads.sort = threads.sort.next();
    }
    threads.sort_items();
    request_titles(state)
}
