//! Rendering: a pure function of the state. Each pane lives in its own file under `ui/` and
//! only draws what it is given.

mod audit;
mod detail;
mod draw;
mod footer;
mod header;
mod help;
mod hints;
mod legend;
mod list;
mod list_columns;
mod people;
mod raw;
mod row_memo;
mod status_text;
mod threads;
mod tree;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::state::{Focus, State};
use crate::theme::Theme;

/// Spinner frames for anything loading.
pub const SPINNER: &[&str] = &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Where each pane sits on a screen of a given size; `update` uses it too, to route the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The header line.
    pub header: Rect,
    /// The user list pane.
    pub list: Rect,
    /// The detail pane.
    pub detail: Rect,
    /// The two footer lines.
    pub footer: Rect,
}

/// The layout for a screen area. While a pane is zoomed it takes the whole body and the other
/// gets an empty rect at the body's corner: nothing is drawn there and no click lands on it.
pub fn areas(screen: Rect, zoomed: Option<Focus>) -> Areas {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(screen);
    let hidden = Rect {
        width: 0,
        height: 0,
        ..body
    };
    let (list, detail) = match zoomed {
        Some(Focus::Detail) => (hidden, body),
        Some(Focus::List | Focus::Filter) => (body, hidden),
        None => {
            // The list keeps room for a name and an e-mail; the detail pane takes the rest.
            let list_width = (body.width * 2 / 5).clamp(30.min(body.width), 60);
            let [list, detail] =
                Layout::horizontal([Constraint::Length(list_width), Constraint::Min(10)])
                    .areas(body);
            (list, detail)
        }
    };
    Areas {
        header,
        list,
        detail,
        footer,
    }
}

/// Draws the whole explorer.
pub fn render(frame: &mut Frame<'_>, state: &State, theme: &Theme) {
    let areas = areas(frame.area(), state.zoomed_pane());
    header::render(frame, areas.header, state, theme);
    if state.people.as_ref().is_some_and(|view| !view.hidden) {
        // The People view takes the whole body, over the list and the record.
        let body = areas.list.union(areas.detail);
        people::render(frame, body, state, theme);
    } else {
        if !areas.list.is_empty() {
            list::render(frame, areas.list, state, theme);
        }
        if !areas.detail.is_empty() {
            detail::render(frame, areas.detail, state, theme);
        }
    }
    footer::render(frame, areas.footer, state, theme);
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

/// A count with thousands separators: 4210 -> "4,210".
pub fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4_210), "4,210");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn a_zoomed_pane_takes_the_body_and_keeps_its_height() {
        for screen in [Rect::new(0, 0, 80, 24), Rect::new(0, 0, 120, 40)] {
            let split = areas(screen, None);
            let body = split.list.union(split.detail);
            let list = areas(screen, Some(Focus::List));
            assert_eq!(list.list, body);
            assert!(list.detail.is_empty());
            let detail = areas(screen, Some(Focus::Detail));
            assert_eq!(detail.detail, body);
            assert!(detail.list.is_empty());
            // The page sizes `update` derives from the height hold zoomed or not.
            assert_eq!(list.list.height, split.list.height);
            assert_eq!(detail.detail.height, split.detail.height);
            assert_eq!((list.header, list.footer), (split.header, split.footer));
        }
    }
}
