//! Copying from the detail pane: a field of the overview, a node of the tree or the whole
//! record, inside tmux too.

use super::*;

#[test]
fn a_copy_inside_tmux_sends_the_plain_sequence_and_says_when_it_cannot_be_confirmed() {
    use crate::clipboard::{Multiplexer, TmuxClipboard};
    let copy_value = |multiplexer: Multiplexer| {
        let mut state = loaded();
        state.multiplexer = multiplexer;
        let (request, _) = open_selected(&mut state);
        update(
            &mut state,
            Msg::RecordLoaded {
                request,
                result: Ok(record("u0")),
            },
        );
        update(&mut state, key(KeyCode::Char(']')));
        update(&mut state, key(KeyCode::Char('j')));
        update(&mut state, key(KeyCode::Char('y')));
        let effects = update(&mut state, key(KeyCode::Char('v')));
        let [Effect::WriteTerminal(bytes)] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        (bytes.clone(), state.status.info.clone().unwrap())
    };
    // tmux with set-clipboard on takes the plain OSC 52 (the value of `.a` is 1, "MQ==").
    let (bytes, status) = copy_value(Multiplexer::Tmux(TmuxClipboard::On));
    assert_eq!(bytes, b"\x1b]52;c;MQ==\x07");
    assert!(status.starts_with("copied the value"), "{status}");
    // With tmux's default (external) the same bytes go, and the status says what to set.
    let (bytes, status) = copy_value(Multiplexer::Tmux(TmuxClipboard::Ignored));
    assert_eq!(bytes, b"\x1b]52;c;MQ==\x07");
    assert!(status.contains("can't confirm"), "{status}");
    assert!(status.contains("set -g set-clipboard on"), "{status}");
    // screen needs the wrapped one.
    let (bytes, status) = copy_value(Multiplexer::Screen);
    assert_eq!(bytes, b"\x1bP\x1b]52;c;MQ==\x07\x1b\\");
    assert!(status.contains("can't confirm"), "{status}");
}

#[test]
fn y_then_v_k_or_p_copies_from_the_tree_and_capital_y_the_record() {
    let mut state = loaded();
    let (request, _) = open_selected(&mut state);
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    update(&mut state, key(KeyCode::Char(']')));
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char('y')));
    assert_eq!(state.key_context(), crate::state::KeyContext::Yank);
    let effects = update(&mut state, key(KeyCode::Char('p')));
    assert!(
        matches!(effects.as_slice(), [Effect::WriteTerminal(bytes)] if bytes.starts_with(b"\x1b]52;c;"))
    );
    assert!(state.status.info.as_deref().unwrap().contains("the path"));
    update(&mut state, key(KeyCode::Char('y')));
    let effects = update(&mut state, key(KeyCode::Char('v')));
    // The value of `.a` is 1, base64 "MQ==".
    assert!(
        matches!(effects.as_slice(), [Effect::WriteTerminal(bytes)] if bytes == b"\x1b]52;c;MQ==\x07")
    );
    let effects = update(&mut state, key(KeyCode::Char('Y')));
    assert!(matches!(effects.as_slice(), [Effect::WriteTerminal(_)]));
    assert!(state.status.info.as_deref().unwrap().contains("the record"));
}

#[test]
fn the_overview_moves_a_cursor_over_fields_and_enter_or_y_copies_one() {
    let mut state = loaded();
    let (request, _) = open_selected(&mut state);
    let mut shown = (*record("u0")).clone();
    shown.sections = vec![
        crate::model::Section::new("Identity")
            .with(
                "E-mail",
                ".email",
                crate::model::FieldValue::Text("ada@example.com".into()),
            )
            .with(
                "Company",
                ".company.name",
                crate::model::FieldValue::Text("Acme Gym".into()),
            ),
    ];
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(Arc::new(shown)),
        },
    );
    assert_eq!(state.detail.tab, DetailTab::Overview);
    assert_eq!(state.focus, crate::state::Focus::Detail);
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char('j')));
    assert_eq!(state.detail.overview_field, 1, "clamped to the last field");
    // Enter copies the value under the cursor ("Acme Gym" is "QWNtZSBHeW0=" in base64).
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::WriteTerminal(bytes)] if bytes.ends_with(b"QWNtZSBHeW0=\x07")),
        "{effects:?}"
    );
    // `y` then `p` copies its path; `k` its label.
    update(&mut state, key(KeyCode::Char('k')));
    update(&mut state, key(KeyCode::Char('y')));
    let effects = update(&mut state, key(KeyCode::Char('p')));
    let [Effect::WriteTerminal(bytes)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(bytes.ends_with(b"LmVtYWls\x07"), "the path .email");
}
