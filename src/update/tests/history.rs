//! Up and Down recall what was typed earlier in the session: commands on the `:` line, queries
//! in the filter input.

use super::*;

fn command_text(state: &State) -> String {
    state
        .command
        .as_ref()
        .map(|line| line.input.value().to_owned())
        .unwrap_or_default()
}

#[test]
fn up_and_down_on_the_command_line_recall_earlier_commands() {
    let mut state = loaded();
    for text in ["theme light", "sync", "nonsense"] {
        update(&mut state, key(KeyCode::Char(':')));
        type_text(&mut state, text);
        update(&mut state, key(KeyCode::Enter));
    }
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "he");
    update(&mut state, key(KeyCode::Up));
    assert_eq!(
        command_text(&state),
        "nonsense",
        "a mistake is kept to mend"
    );
    update(&mut state, key(KeyCode::Up));
    update(&mut state, key(KeyCode::Up));
    assert_eq!(command_text(&state), "theme light");
    update(&mut state, key(KeyCode::Up));
    assert_eq!(command_text(&state), "theme light", "the oldest stays");
    update(&mut state, key(KeyCode::Down));
    assert_eq!(command_text(&state), "sync");
    update(&mut state, key(KeyCode::Down));
    update(&mut state, key(KeyCode::Down));
    assert_eq!(
        command_text(&state),
        "he",
        "past the newest: the line typed"
    );
    // A recalled command runs as typed.
    update(&mut state, key(KeyCode::Esc));
    update(&mut state, key(KeyCode::Char(':')));
    update(&mut state, key(KeyCode::Up));
    update(&mut state, key(KeyCode::Up));
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(sync_request(&effects).is_some(), "{effects:?}");
}

#[test]
fn up_and_down_in_the_filter_recall_earlier_queries_and_filter_the_list() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "user 42");
    update(&mut state, key(KeyCode::Enter));
    update(&mut state, key(KeyCode::Char('/')));
    for _ in 0.."user 42".len() {
        update(&mut state, key(KeyCode::Backspace));
    }
    type_text(&mut state, "user 7");
    // Esc leaves the input with its query: it is kept too.
    update(&mut state, key(KeyCode::Esc));
    update(&mut state, key(KeyCode::Char('/')));
    for _ in 0.."user 7".len() {
        update(&mut state, key(KeyCode::Backspace));
    }
    update(&mut state, key(KeyCode::Up));
    assert_eq!(state.list.filter.value(), "user 7");
    update(&mut state, key(KeyCode::Up));
    assert_eq!(state.list.filter.value(), "user 42");
    assert_eq!(
        state.list.selected().map(|user| user.id),
        Some("u42"),
        "the list is filtered by the query recalled"
    );
    update(&mut state, key(KeyCode::Down));
    update(&mut state, key(KeyCode::Down));
    assert_eq!(state.list.filter.value(), "", "back to the empty input");
    assert_eq!(state.list.visible.len(), 100);
    // Ctrl-n and Ctrl-p move the list while typing.
    let ctrl = |c| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    let before = state.list.cursor;
    update(&mut state, ctrl('n'));
    update(&mut state, ctrl('n'));
    update(&mut state, ctrl('p'));
    assert_eq!(state.list.cursor, before + 1);
    assert_eq!(state.focus, Focus::Filter);
}
