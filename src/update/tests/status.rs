//! The status line: a message speaks of the last act, and the newest message wins.

use super::*;

#[test]
fn a_success_clears_an_old_error_and_an_error_hides_an_old_success() {
    let mut state = loaded();
    state.status.error = Some("export failed: disk full".into());
    update(
        &mut state,
        Msg::ExportFinished {
            result: Ok("/tmp/x.json".into()),
        },
    );
    assert_eq!(state.status.error, None);
    assert_eq!(
        state.status.info.as_deref(),
        Some("exported to /tmp/x.json")
    );
    update(
        &mut state,
        Msg::ThemeLoaded {
            result: Err("no theme nope".into()),
        },
    );
    assert_eq!(state.status.error.as_deref(), Some("no theme nope"));
    assert_eq!(
        state.status.info, None,
        "cleared with the error, it stays gone"
    );
}

#[test]
fn a_message_goes_stale_when_the_operator_acts_again() {
    let mut state = loaded();
    state.status.error = Some("export failed: disk full".into());
    state.status.info = Some("the server found 3 user(s)".into());
    update(&mut state, key(KeyCode::Char('j')));
    assert_eq!(state.status, crate::state::StatusLine::default());
    // A message the key itself says stays.
    update(&mut state, key(KeyCode::Char('s')));
    assert_eq!(state.status.info.as_deref(), Some("sorted by name ↑"));
}
