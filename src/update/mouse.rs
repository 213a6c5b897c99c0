//! The mouse, when captured: the wheel scrolls the pane under the pointer, a click focuses a
//! pane and, in the list, selects the row clicked.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::keys::on_key;
use super::selection_changed;
use crate::effect::Effect;
use crate::layout::ListAreas;
use crate::state::{Focus, State};

/// Rows the wheel moves per notch.
const WHEEL_ROWS: usize = 3;

pub(super) fn on_mouse(state: &mut State, event: MouseEvent) -> Vec<Effect> {
    if state.help_open || state.command.is_some() {
        return Vec::new();
    }
    let areas = state.areas();
    let at = Position::new(event.column, event.row);
    let pane = if areas.list.contains(at) {
        Focus::List
    } else if areas.detail.contains(at) {
        Focus::Detail
    } else {
        return Vec::new();
    };
    match event.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let code = if event.kind == MouseEventKind::ScrollDown {
                KeyCode::Down
            } else {
                KeyCode::Up
            };
            // The wheel scrolls the pane under the pointer, as a key would there.
            let focus = state.focus;
            state.focus = pane;
            let mut effects = Vec::new();
            for _ in 0..WHEEL_ROWS {
                effects.extend(on_key(state, &KeyEvent::new(code, KeyModifiers::NONE)));
            }
            state.focus = focus;
            effects
        }
        MouseEventKind::Down(MouseButton::Left) => {
            state.focus = pane;
            if pane != Focus::List {
                return Vec::new();
            }
            // The list's rows start below its border, the filter line and the column header.
            let rows = ListAreas::of(areas.list).rows;
            let Some(row) = event.row.checked_sub(rows.y) else {
                return Vec::new();
            };
            let index = state.list.offset + usize::from(row);
            if index < state.list.rows().len() && event.row < rows.bottom() {
                state.list.cursor = index;
                return selection_changed(state);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
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
        let Some(crate::effect::Effect::OpenDirectory { request }) = effects.into_iter().next()
        else {
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
}
