//! The `?` overlay: the focused pane's keys, built from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::keymap;
use crate::state::{KeyContext, State};
use crate::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let context = state.key_context();
    let pane = match context {
        KeyContext::Filter => "filter",
        KeyContext::List => "user list",
        KeyContext::Detail => "detail",
        KeyContext::Tree => "tree",
        KeyContext::Command => "command line",
    };
    let entries = keymap::help(context);
    let key_width = entries
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line<'_>> = entries
        .iter()
        .map(|(keys, description)| {
            Line::from(vec![
                Span::styled(format!(" {keys:>key_width$} "), theme.key()),
                Span::styled(format!(" {description}"), theme.text()),
            ])
        })
        .collect();
    if context == KeyContext::Filter {
        lines.push(Line::from(Span::styled(
            " fzf syntax: 'exact ^prefix suffix$ !negate",
            theme.muted(),
        )));
    }
    lines.push(Line::from(Span::styled(
        " any key closes this",
        theme.muted(),
    )));
    let width = (key_width as u16 + 30).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(format!(" Keys: {pane} "));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
