//! The `?` overlay: the focused pane's keys, built from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::action::Action;
use crate::state::{KeyContext, State};
use crate::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let context = state.key_context();
    let pane = match context {
        KeyContext::Filter => "filter",
        KeyContext::List => "user list",
        KeyContext::Detail => "detail",
        KeyContext::Tree => "tree",
        KeyContext::Threads => "threads",
        KeyContext::Audit => "audit findings",
        KeyContext::Command => "command line",
        KeyContext::Yank => "copy",
        KeyContext::Raw => "raw view",
        KeyContext::RawSearch => "raw search",
    };
    let entries = state.keymap.help(context);
    let key_width = entries
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let description_width = entries
        .iter()
        .map(|(_, description)| description.chars().count())
        .max()
        .unwrap_or(0);
    let cell_width = key_width + description_width + 4;
    let notes = notes(state, context, theme);
    // As many columns as the height needs, so every key shows even at 80x24.
    let rows_available = usize::from(area.height)
        .saturating_sub(2 + notes.len())
        .max(1);
    let columns = entries.len().div_ceil(rows_available).max(1);
    let rows = entries.len().div_ceil(columns);
    let mut lines: Vec<Line<'_>> = (0..rows)
        .map(|row| {
            let spans = (0..columns)
                .filter_map(|column| entries.get(column * rows + row))
                .flat_map(|(keys, description)| {
                    [
                        Span::styled(format!(" {keys:>key_width$} "), theme.key()),
                        Span::styled(format!(" {description:<description_width$} "), theme.text()),
                    ]
                })
                .collect::<Vec<_>>();
            Line::from(spans)
        })
        .collect();
    lines.extend(notes);
    let width = u16::try_from(cell_width * columns + 2)
        .unwrap_or(u16::MAX)
        .max(34)
        .min(area.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
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

/// The lines under the keys: the filter's syntax, how zoom follows focus, how to close this.
fn notes(state: &State, context: KeyContext, theme: &Theme) -> Vec<Line<'static>> {
    let mut notes = Vec::new();
    if context == KeyContext::Filter {
        notes.push(Line::from(Span::styled(
            " fzf syntax: 'exact ^prefix suffix$ !negate",
            theme.muted(),
        )));
    }
    let keymap = &state.keymap;
    if let (Some(zoom), Some(focus)) = (
        keymap.first_key(context, Action::ToggleZoom),
        keymap.first_key(context, Action::FocusNext),
    ) {
        notes.push(Line::from(Span::styled(
            format!(" {focus} keeps the zoom, {zoom} undoes it"),
            theme.muted(),
        )));
    }
    notes.push(Line::from(Span::styled(
        " any key closes this",
        theme.muted(),
    )));
    notes
}
