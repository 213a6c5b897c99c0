//! The user list pane: the filter input over the rows, a count, markers and the cursor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list_columns::{Columns, GUTTER, cell, header_label};
use super::list_row::{RowKey, RowLook, RowStyles, row_line};
use super::row_memo::RowMemo;
use super::{draw, spinner};
use crate::count_text::thousands;
use crate::layout::ListAreas;
use crate::sanitize::one_line;
use crate::state::list_sort::{ListSort, SortColumn};
use crate::state::{Focus, State};
use crate::theme::Theme;

/// Draws the list pane, copying from `memo` the rows the last frame drew alike.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &State,
    theme: &Theme,
    memo: &mut RowMemo<RowKey>,
) {
    let list = &state.list;
    let focused = matches!(state.focus, Focus::List | Focus::Filter);
    let title = super::pane_title(title(state), state, theme);
    draw::bordered_block(frame.buffer_mut(), area, theme.border(focused), &title);
    let areas = ListAreas::of(area);
    render_filter(frame, areas.filter, state, theme);

    if let Some(error) = list.error.as_ref().filter(|_| list.users.is_empty()) {
        let text = Paragraph::new(one_line(error))
            .style(theme.error())
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(text, areas.body);
        return;
    }
    if list.users.is_empty() && list.directory.busy() {
        frame.render_widget(
            Paragraph::new(format!("{} loading users…", spinner(state))).style(theme.muted()),
            areas.body,
        );
        return;
    }
    let (header_area, rows_area) = (areas.header, areas.rows);
    let width = usize::from(rows_area.width);
    let page_rows = list
        .rows()
        .iter()
        .skip(list.offset)
        .take(usize::from(rows_area.height))
        .filter_map(|index| list.users.get(*index));
    let columns = Columns::fit(width, &page_rows);
    let sorted_by = list.rows_are_sorted().then(|| list.sort());
    draw::line(
        frame.buffer_mut(),
        header_area,
        &header_line(columns, sorted_by, theme),
    );
    let styles = RowStyles::of(theme, focused);
    let buf = frame.buffer_mut();
    let mut drawn = 0;
    let page = list
        .rows()
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(usize::from(rows_area.height))
        .filter_map(|(row, index)| list.users.get(*index).map(|user| (row, user)));
    for (row, user) in page {
        let selected = row == list.cursor;
        let marked = list.marked.contains(user.id);
        let severity = list.severity.get(user.id).copied();
        let at = Rect {
            y: rows_area.y + u16::try_from(drawn).unwrap_or(u16::MAX),
            height: 1,
            ..rows_area
        };
        let look = RowLook {
            severity,
            selected,
            marked,
            columns,
        };
        memo.draw_row(
            buf,
            at,
            drawn,
            |kept| kept.is(user, &look, &styles),
            |buf, at| {
                let line = row_line(user, &look, &styles);
                draw::line(buf, at, &line);
                RowKey::of(user, look, styles)
            },
        );
        drawn += 1;
    }
    memo.truncate(drawn);
}

/// The header row: each column's name over its cells, the sorted one with its arrow.
fn header_line(columns: Columns, sorted_by: Option<ListSort>, theme: &Theme) -> Line<'static> {
    let label = |text, column| header_label(text, column, sorted_by);
    let mut text = " ".repeat(GUTTER + 1);
    text.push_str(&cell(&label("NAME", SortColumn::Name), columns.name));
    for (width, name, column) in [
        (columns.email, "EMAIL", SortColumn::Email),
        (columns.role, "ROLE", SortColumn::Role),
        (columns.status, "STATUS", SortColumn::Status),
        (columns.finding, "FINDING", SortColumn::Finding),
    ] {
        if width > 0 {
            text.push(' ');
            text.push_str(&cell(&label(name, column), width));
        }
    }
    Line::from(Span::styled(text.trim_end().to_owned(), theme.muted()))
}

fn title(state: &State) -> String {
    let list = &state.list;
    let held = thousands(list.users.len() as u64);
    let count = match list.total {
        _ if list.filtering.is_some() => "filtering…".to_owned(),
        _ if !list.filter.value().trim().is_empty() => {
            format!("{} of {held} match", thousands(list.visible.len() as u64))
        }
        Some(total) if total != list.users.len() as u64 => {
            format!("{held} of {}", thousands(total))
        }
        _ => held,
    };
    let directory = list.directory.word();
    let directory = if directory.is_empty() {
        String::new()
    } else {
        format!(" · {directory}")
    };
    let busy = if list.directory.busy() || list.searching.is_some() || list.filtering.is_some() {
        format!(" {}", spinner(state))
    } else {
        String::new()
    };
    let marked = if list.marked.is_empty() {
        String::new()
    } else {
        format!(", {} marked", list.marked.len())
    };
    format!(" Users  {count}{marked}{directory}{busy} ")
}

fn render_filter(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let editing = state.focus == Focus::Filter;
    let value = state.list.filter.value();
    let line = if value.is_empty() && !editing {
        Line::from(Span::styled("/ to filter", theme.muted()))
    } else {
        Line::from(vec![
            Span::styled("/", theme.key()),
            Span::styled(one_line(value), theme.text()),
        ])
    };
    draw::line(frame.buffer_mut(), area, &line);
    if editing {
        let cursor = u16::try_from(state.list.filter.visual_cursor()).unwrap_or(u16::MAX);
        frame.set_cursor_position((
            area.x
                .saturating_add(1)
                .saturating_add(cursor)
                .min(area.right().saturating_sub(1)),
            area.y,
        ));
    }
}

#[cfg(test)]
mod tests;
