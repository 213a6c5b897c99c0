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
mod tests;
