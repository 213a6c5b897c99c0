//! The thread list (Quip): title, last update, link and a deleted marker per row, the sort in
//! the header, and the open thread's details at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::ellipsis::fit;
use crate::model::ThreadInfo;
use crate::sanitize::one_line;
use crate::state::threads::ThreadsState;
use crate::theme::Theme;

/// Width of the "updated" column.
const UPDATED_WIDTH: usize = 16;

pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    threads: &ThreadsState,
    time_offset: chrono::FixedOffset,
    focused: bool,
    theme: &Theme,
) {
    if threads.items.is_empty() {
        frame.render_widget(
            Paragraph::new("this user has no threads").style(theme.muted()),
            area,
        );
        return;
    }
    let details_height = if threads.open.is_some() { 7 } else { 0 };
    let [header_area, rows_area, details_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(details_height),
    ])
    .areas(area);
    let width = usize::from(area.width);
    let title_width = width.saturating_sub(UPDATED_WIDTH + 4);
    let direction = if threads.descending { "↓" } else { "↑" };
    let loading = if threads.loading.is_some() {
        "  loading titles…"
    } else {
        ""
    };
    let error = threads
        .error
        .as_deref()
        .map(|error| format!("  ✖ {}", one_line(error)))
        .unwrap_or_default();
    let header = format!(
        "  {:<title_width$} {:<UPDATED_WIDTH$}",
        format!(
            "{} threads, by {} {direction}{loading}",
            threads.items.len(),
            threads.sort.name()
        ),
        "updated"
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(fit(&header, width), theme.muted()),
            Span::styled(error, theme.error()),
        ])),
        header_area,
    );
    let height = usize::from(rows_area.height);
    let offset = threads
        .offset
        .min(threads.cursor)
        .max((threads.cursor + 1).saturating_sub(height));
    let lines: Vec<Line<'_>> = threads
        .items
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(row, thread)| {
            row_line(
                thread,
                time_offset,
                row == threads.cursor,
                focused,
                title_width,
                theme,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
    if let Some(thread) = threads.open.and_then(|index| threads.items.get(index)) {
        render_details(frame, details_area, thread, time_offset, theme);
    }
}

fn updated(thread: &ThreadInfo, offset: chrono::FixedOffset) -> String {
    thread
        .updated_usec
        .and_then(chrono::DateTime::from_timestamp_micros)
        .map_or_else(
            || "—".to_owned(),
            |time| {
                time.with_timezone(&offset)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            },
        )
}

fn row_line(
    thread: &ThreadInfo,
    offset: chrono::FixedOffset,
    selected: bool,
    focused: bool,
    title_width: usize,
    theme: &Theme,
) -> Line<'static> {
    let marker = if thread.deleted { "✕ " } else { "  " };
    let title = thread
        .title
        .as_deref()
        .map_or_else(|| format!("… {}", one_line(&thread.id)), one_line);
    let title = fit(&title, title_width);
    let pad = title_width.saturating_sub(title.width());
    let style = if selected {
        theme.selection(focused)
    } else if thread.title.is_none() {
        theme.muted()
    } else {
        theme.text()
    };
    Line::from(vec![
        Span::styled(marker, if selected { style } else { theme.warning() }),
        Span::styled(format!("{title}{} ", " ".repeat(pad)), style),
        Span::styled(
            format!("{:<UPDATED_WIDTH$}", updated(thread, offset)),
            if selected { style } else { theme.muted() },
        ),
    ])
}

fn render_details(
    frame: &mut Frame<'_>,
    area: Rect,
    thread: &ThreadInfo,
    offset: chrono::FixedOffset,
    theme: &Theme,
) {
    let width = usize::from(area.width.saturating_sub(14));
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!(" {label:<10} "), theme.muted()),
            Span::styled(fit(&one_line(&value), width), theme.text()),
        ])
    };
    let lines = vec![
        field(
            "title",
            thread
                .title
                .clone()
                .unwrap_or_else(|| "(not loaded yet)".to_owned()),
        ),
        field("id", thread.id.clone()),
        field("updated", updated(thread, offset)),
        field(
            "link",
            thread.link.clone().unwrap_or_else(|| "—".to_owned()),
        ),
        field(
            "deleted",
            if thread.deleted {
                "yes".to_owned()
            } else {
                "no".to_owned()
            },
        ),
    ];
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border(false))
        .title(" thread (Enter closes) ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
