use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use crate::model::UserSummary;
use crate::msg::Msg;
use crate::state::{Focus, ProfileBadge, State};
use crate::update::{init, update};

fn loaded() -> State {
    let badge = ProfileBadge {
        name: "p".into(),
        provider: "zoo".into(),
        is_sandbox: false,
    };
    let mut state = State::new(badge, (120, 40));
    let effects = init(&mut state);
    let Some(crate::effect::Effect::OpenDirectory { request }) = effects.into_iter().next() else {
        panic!()
    };
    let users = (0..50)
        .map(|index| UserSummary::with_id(format!("u{index}")))
        .collect();
    update(
        &mut state,
        Msg::DirectoryOpened {
            request,
            stored: Ok(crate::msg::StoredDirectory {
                users,
                age_secs: Some(1),
                ..Default::default()
            }),
        },
    );
    state
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: crossterm::event::KeyModifiers::NONE,
    })
}

#[test]
fn a_click_selects_the_row_and_focuses_the_pane() {
    let mut state = loaded();
    update(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Left), 5, 4 + 4),
    );
    assert_eq!(state.list.cursor, 4);
    update(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Left), 100, 10),
    );
    assert_eq!(state.focus, Focus::Detail);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_without_moving_focus() {
    let mut state = loaded();
    state.focus = Focus::Detail;
    update(&mut state, mouse(MouseEventKind::ScrollDown, 5, 10));
    assert_eq!(state.list.cursor, 3);
    assert_eq!(state.focus, Focus::Detail);
}

#[test]
fn a_click_in_a_zoomed_pane_lands_where_it_is_drawn() {
    let mut state = loaded();
    update(
        &mut state,
        Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('z'),
            crossterm::event::KeyModifiers::NONE,
        )),
    );
    // Column 100 is the detail pane unzoomed; zoomed, it is the list's fifth row.
    update(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Left), 100, 4 + 4),
    );
    assert_eq!(state.list.cursor, 4);
    assert_eq!(state.focus, Focus::List);
    state.focus = Focus::Detail;
    // Column 5 is the list unzoomed; zoomed, it is the detail pane.
    update(&mut state, mouse(MouseEventKind::ScrollDown, 5, 10));
    assert_eq!(state.list.cursor, 4, "the wheel scrolled the detail pane");
    update(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Left), 5, 10),
    );
    assert_eq!(state.focus, Focus::Detail);
}
