//! Rendering: a pure function of the state. Each pane lives in its own file under `ui/` and
//! only draws what it is given.

mod audit;
mod detail;
mod draw;
mod drawn_rows;
mod ellipsis;
mod footer;
mod header;
mod help;
mod hints;
mod legend;
mod list;
mod list_columns;
mod list_row;
mod people;
mod raw;
mod row_memo;
mod severity;
mod status_text;
mod threads;
mod tree;

use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::state::State;
use crate::theme::Theme;

pub use drawn_rows::DrawnRows;

/// Spinner frames for anything loading.
pub const SPINNER: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Draws the whole explorer, copying from `drawn` what the last frame drew alike (and keeping
/// there what this one draws).
pub fn render(frame: &mut Frame<'_>, state: &State, theme: &Theme, drawn: &mut DrawnRows) {
    let areas = crate::layout::areas(frame.area(), state.zoom());
    header::render(frame, areas.header, state, theme);
    if state.people.as_ref().is_some_and(|view| !view.hidden) {
        // The People view takes the whole body, over the list and the record.
        let body = areas.list.union(areas.detail);
        people::render(frame, body, state, theme);
    } else {
        if !areas.list.is_empty() {
            list::render(frame, areas.list, state, theme, &mut drawn.list);
        }
        if !areas.detail.is_empty() {
            detail::render(frame, areas.detail, state, theme, &mut drawn.tree);
        }
    }
    footer::render(frame, areas.footer, state, theme, &mut drawn.hints);
    if state.help_open {
        help::render(frame, frame.area(), state, theme);
    }
}

/// A pane's title, with ` [zoomed] ` after it while the pane fills the body: a word rather
/// than a glyph or a colour, so it reads the same under `NO_COLOR` and 16 colours.
fn pane_title(text: String, state: &State, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(text)];
    if state.zoomed {
        spans.push(Span::styled("[zoomed] ", theme.key()));
    }
    Line::from(spans).style(theme.accent())
}

/// The spinner frame for a state.
pub fn spinner(state: &State) -> &'static str {
    SPINNER[state.spinner_frame % SPINNER.len()]
}
