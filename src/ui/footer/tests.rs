use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::state::{Focus, ProfileBadge};

/// The hints drawn for `state`, the memo warm from the frames before.
fn hints_row(state: &State, memo: &mut Option<HintsMemo>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(200, 6)).unwrap();
    terminal
        .draw(|frame| render(frame, Rect::new(0, 4, 200, 2), state, &state.theme, memo))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..200).map(|x| buffer[(x, 4)].symbol()).collect()
}

#[test]
fn the_remembered_hints_follow_the_keymap_and_the_focused_pane() {
    let badge = ProfileBadge {
        name: "test".to_owned(),
        provider: "zoo".to_owned(),
        is_sandbox: true,
    };
    let mut state = State::new(badge, (200, 6));
    let mut memo = None;
    let list_hints = hints_row(&state, &mut memo);
    assert!(list_hints.contains(" q quit"), "{list_hints}");
    // Another keymap, same pane: the hints say the new key.
    let keys = [("quit".to_owned(), vec!["ctrl-q".to_owned()])].into();
    state.keymap = Arc::new(Keymap::from_config(&keys).unwrap());
    let remapped = hints_row(&state, &mut memo);
    assert!(remapped.contains(" Ctrl-q quit"), "{remapped}");
    assert!(!remapped.contains(" q quit"), "{remapped}");
    // Another pane, then back: each time the hints of the pane focused.
    state.focus = Focus::Detail;
    let detail = hints_row(&state, &mut memo);
    let fresh = HintsMemo::new(&state.keymap, state.key_context(), 200, false, &state.theme);
    let expected: String = fresh.line.spans.iter().map(|span| &*span.content).collect();
    assert_eq!(detail.trim_end(), expected.trim_end());
    state.focus = Focus::List;
    assert_eq!(hints_row(&state, &mut memo), remapped);
    // Users marked: the same pane offers to clear them.
    state.list.marked.insert("u1".to_owned());
    assert!(hints_row(&state, &mut memo).contains(" u clear the marks"));
}

#[test]
fn a_fetch_the_server_asked_to_wait_says_so_within_80_columns() {
    let badge = ProfileBadge {
        name: "test".to_owned(),
        provider: "zoo".to_owned(),
        is_sandbox: true,
    };
    let mut state = State::new(badge, (80, 24));
    let sync = crate::state::RequestId(7);
    state.list.directory.syncing = Some(sync);
    let wait = crate::model::ServerWait {
        status: 429,
        wait: std::time::Duration::from_secs(61),
        retry: 1,
        retries: 3,
    };
    state.status.server_wait = Some((crate::state::Waiter::Fetch(sync), wait));
    let text = |state: &State| -> String {
        let line = status_line(state, &state.theme, 80);
        line.spans.iter().map(|span| &*span.content).collect()
    };
    let said = text(&state);
    assert!(
        said.ends_with(
            " syncing the directory… server answered 429: retry 1/3 in 61 s (Esc cancels)"
        ),
        "{said}"
    );
    assert!(said.chars().count() <= 80, "{said}");
    // A long id gives way in its middle to the wait and to Esc.
    state.list.directory.syncing = None;
    let record = crate::state::RequestId(8);
    state.detail.loading = Some((record, "2ece05a0-4767-482f-9476-000000000000".to_owned()));
    state.status.server_wait = Some((crate::state::Waiter::Fetch(record), wait));
    let said = text(&state);
    assert!(said.contains(" fetching 2e"), "{said}");
    assert!(
        said.ends_with("… server answered 429: retry 1/3 in 61 s (Esc cancels)"),
        "{said}"
    );
    assert!(said.chars().count() <= 80, "{said}");
    // The fetch ended: nothing is said (update drops the wait then).
    state.detail.loading = None;
    state.status.server_wait = None;
    assert_eq!(text(&state), " ready");
    // The audit's waits are said after its progress.
    state.audit_scan.running = true;
    state.status.server_wait = Some((crate::state::Waiter::Audit, wait));
    let said = text(&state);
    assert!(said.contains(" audit"), "{said}");
    assert!(
        said.ends_with("… server answered 429: retry 1/3 in 61 s (Esc cancels)"),
        "{said}"
    );
    // However narrow, the line fits: `(Esc cancels)` goes first, then the wait is cut.
    for width in 0..80 {
        let said: String = status_line(&state, &state.theme, width)
            .spans
            .iter()
            .map(|span| &*span.content)
            .collect();
        assert!(said.width() <= width.max(2), "{width}: {said}");
        if width >= 44 {
            assert!(said.contains("retry 1/3 in 61 s"), "{width}: {said}");
        }
    }
}
