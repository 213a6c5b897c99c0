//! The footer: key hints from the keymap, and the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::spinner;
use crate::action::Action;
use crate::keymap;
use crate::sanitize::one_line;
use crate::state::{Focus, KeyContext, State};
use crate::theme::Theme;

const HINTS: &[Action] = &[
    Action::ToggleHelp,
    Action::StartFilter,
    Action::FocusNext,
    Action::Open,
    Action::NextTab,
    Action::Export,
    Action::Cancel,
    Action::Quit,
];

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let context = if state.focus == Focus::Filter {
        KeyContext::List
    } else {
        state.key_context()
    };
    let mut hints = Vec::new();
    for action in HINTS {
        if let Some(key) = keymap::first_key(context, *action)
            .or_else(|| keymap::first_key(KeyContext::Filter, *action))
        {
            hints.push(Span::styled(format!(" {key}"), theme.key()));
            hints.push(Span::styled(
                format!(" {} ", action.describe()),
                theme.muted(),
            ));
        }
    }
    let status = status_line(state, theme);
    let lines = vec![Line::from(hints), status];
    frame.render_widget(Paragraph::new(lines), area);
}

fn status_line(state: &State, theme: &Theme) -> Line<'static> {
    if let Some(error) = &state.status.error {
        return Line::from(Span::styled(
            format!(" ✖ {}", one_line(error)),
            theme.error(),
        ));
    }
    let mut busy = Vec::new();
    if state.list.loading.is_some() {
        busy.push("loading users".to_owned());
    }
    if state.list.searching.is_some() {
        busy.push("searching the server".to_owned());
    }
    if let Some((_, id)) = &state.detail.loading {
        busy.push(format!("fetching {}", one_line(id)));
    }
    if state.exporting {
        busy.push("exporting".to_owned());
    }
    if !busy.is_empty() {
        return Line::from(Span::styled(
            format!(" {} {}… (Esc cancels)", spinner(state), busy.join(", ")),
            theme.accent(),
        ));
    }
    match &state.status.info {
        Some(info) => Line::from(Span::styled(format!(" {}", one_line(info)), theme.ok())),
        None => Line::from(Span::styled(" ready", theme.muted())),
    }
}
