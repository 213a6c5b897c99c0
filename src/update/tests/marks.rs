//! Marks on the user list: Space, `*` for every row shown, `u` and Esc to clear, and the export
//! of the marked set, which lets go of them.

use super::*;

fn marked(state: &State) -> Vec<String> {
    let mut ids: Vec<String> = state.list.marked.iter().cloned().collect();
    ids.sort();
    ids
}

fn info(state: &State) -> String {
    state.status.info.clone().unwrap_or_default()
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
    // A record's fetch waits as its server asked: the status bar says so until the export ends.
    let waiting = Msg::ServerWaiting {
        waiter: crate::state::Waiter::Export,
        wait: crate::model::ServerWait {
            status: 503,
            wait: std::time::Duration::from_secs(5),
            retry: 1,
            retries: 3,
        },
    };
    update(&mut state, waiting);
    assert!(state.status.server_wait.is_some());
    update(
        &mut state,
        Msg::ExportFinished {
            result: Err("wrote /x but could not fetch u2 (HTTP 500)".into()),
        },
    );
    assert_eq!(state.status.server_wait, None);
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
fn exporting_the_marked_set_clears_its_marks_and_says_so() {
    let mut state = loaded();
    answer_fetch(&mut state);
    update(&mut state, key(KeyCode::Char(' ')));
    update(&mut state, key(KeyCode::Char(' ')));
    let effects = update(&mut state, key(KeyCode::Char('x')));
    assert!(matches!(effects.as_slice(), [Effect::ExportMarked { ids }] if ids.len() == 2));
    // A mark set while the export runs is not among those written: it stays.
    update(&mut state, key(KeyCode::Char(' ')));
    let effects = update(
        &mut state,
        Msg::ExportFinished {
            result: Ok("/tmp/marked.ndjson".into()),
        },
    );
    assert_eq!(effects.len(), 2, "both exported users on the trail");
    assert_eq!(marked(&state), ["u2"]);
    assert_eq!(
        info(&state),
        "exported 2 marked users to /tmp/marked.ndjson — 2 marks cleared"
    );
    // The next x exports what is still marked, not the set already written.
    let effects = update(&mut state, key(KeyCode::Char('x')));
    assert!(
        matches!(effects.as_slice(), [Effect::ExportMarked { ids }] if ids == &["u2".to_owned()])
    );
}

#[test]
fn a_failed_export_of_the_marked_set_keeps_the_marks_to_retry() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char(' ')));
    update(&mut state, key(KeyCode::Char('x')));
    update(
        &mut state,
        Msg::ExportFinished {
            result: Err("disk full".into()),
        },
    );
    assert_eq!(marked(&state), ["u0"]);
}

#[test]
fn esc_clears_the_marks_once_nothing_else_is_left_to_cancel() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char(' ')));
    update(&mut state, key(KeyCode::Char(' ')));
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "user");
    update(&mut state, key(KeyCode::Enter));
    // First the server search in flight, then the filter, then the marks.
    update(&mut state, key(KeyCode::Esc));
    assert!(state.list.searching.is_none());
    assert_eq!(marked(&state).len(), 2);
    update(&mut state, key(KeyCode::Esc));
    assert!(state.list.filter.value().is_empty());
    assert_eq!(marked(&state).len(), 2);
    update(&mut state, key(KeyCode::Esc));
    assert!(marked(&state).is_empty());
    assert_eq!(info(&state), "cleared 2 marks");
}

#[test]
fn star_marks_every_row_shown_and_u_clears_every_mark() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "user 4");
    let shown = state.list.rows().len();
    assert!(shown > 1 && shown < 100, "the filter narrows: {shown}");
    update(&mut state, key(KeyCode::Enter));
    update(&mut state, key(KeyCode::Char('*')));
    assert_eq!(state.list.marked.len(), shown);
    let shown_ids: Vec<&str> = state
        .list
        .rows()
        .iter()
        .filter_map(|index| state.list.users.get(*index).map(|user| user.id))
        .collect();
    assert!(shown_ids.iter().all(|id| state.list.marked.contains(*id)));
    assert_eq!(
        info(&state),
        format!("marked {shown} more users of the {shown} shown: {shown} marked in all")
    );
    update(&mut state, key(KeyCode::Char('u')));
    assert!(state.list.marked.is_empty());
    assert_eq!(info(&state), format!("cleared {shown} marks"));
    update(&mut state, key(KeyCode::Char('u')));
    assert_eq!(info(&state), "no marks to clear");
}
