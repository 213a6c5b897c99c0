//! The footer: key hints from the keymap, and the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{draw, spinner};
use crate::action::Action;
use crate::sanitize::one_line;
use crate::state::{KeyContext, State};
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
    let context = match state.key_context() {
        KeyContext::Filter | KeyContext::Command => KeyContext::List,
        other => other,
    };
    let mut hints = Vec::new();
    for action in HINTS {
        if let Some(key) = state
            .keymap
            .first_key(context, *action)
            .or_else(|| state.keymap.first_key(KeyContext::Filter, *action))
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
    draw::paragraph(frame.buffer_mut(), area, Style::default(), &lines);
    if let Some(line) = &state.command {
        render_command_line(frame, area, line, theme);
    }
}

/// The `:` line over the status line, with its completions when Tab offered several.
fn render_command_line(
    frame: &mut Frame<'_>,
    area: Rect,
    line: &crate::state::CommandLine,
    theme: &Theme,
) {
    let Some(row) = area.height.checked_sub(1).map(|offset| Rect {
        y: area.y + offset,
        height: 1,
        ..area
    }) else {
        return;
    };
    let mut spans = vec![
        Span::styled(":", theme.key()),
        Span::styled(one_line(line.input.value()), theme.text()),
    ];
    if line.completions.len() > 1 {
        spans.push(Span::styled(
            format!("   {}", line.completions.join("  ")),
            theme.muted(),
        ));
    }
    frame.render_widget(ratatui::widgets::Clear, row);
    frame.render_widget(Paragraph::new(Line::from(spans)), row);
    let cursor = u16::try_from(line.input.visual_cursor()).unwrap_or(u16::MAX);
    frame.set_cursor_position((
        row.x
            .saturating_add(1)
            .saturating_add(cursor)
            .min(row.right().saturating_sub(1)),
        row.y,
    ));
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
    if let Some(name) = &state.switching {
        busy.push(format!("opening profile {}", one_line(name)));
    }
    if state.exporting {
        busy.push("exporting".to_owned());
    }
    if state.audit_scan.running {
        busy.push(audit_progress(state.audit_scan.progress.as_ref()));
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

/// The scan's progress as a bar and a line: `[#####-----] audit: 40/200 users, ... 12s left`.
fn audit_progress(progress: Option<&crate::audit::scan::ScanProgress>) -> String {
    let Some(progress) = progress else {
        return "audit starting".to_owned();
    };
    let bar = match progress.total {
        Some(total) if total > 0 => {
            let filled = (progress.done as u64 * 10 / total).min(10) as usize;
            format!("[{}{}] ", "#".repeat(filled), "-".repeat(10 - filled))
        }
        _ => String::new(),
    };
    format!("{bar}{}", progress.line())
}
