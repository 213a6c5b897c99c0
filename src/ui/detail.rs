//! The detail pane: tabs over the selected user's record (Overview sections, Raw JSON).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::draw;
use super::ellipsis::fit;
use super::row_memo::RowMemo;
use super::spinner;
use crate::layout::DetailAreas;
use crate::model::{FieldValue, UserRecord};
use crate::sanitize::one_line;
use crate::state::{DetailTab, Focus, State};
use crate::theme::Theme;

/// The pane's title: the user being fetched while a fetch runs (the record still shown is the
/// previous user's, and a title naming them would say the wrong user is loading), else the
/// user shown.
fn detail_title(state: &State) -> String {
    let detail = &state.detail;
    if let Some((_, id)) = &detail.loading {
        let name = state
            .list
            .index_of_id(id)
            .and_then(|index| state.list.users.get(index))
            .map_or(id.as_str(), crate::state::list_sort::display_name);
        return format!(" fetching {}… ", fit(&one_line(name), 40));
    }
    detail.record.as_ref().map_or_else(
        || " Detail ".to_owned(),
        |record| format!(" {} ", fit(&one_line(&record.summary.name), 40)),
    )
}

/// Draws the detail pane; the Tree tab copies from `tree_rows` the rows the last frame drew alike.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &State,
    theme: &Theme,
    tree_rows: &mut RowMemo<super::tree::RowKey>,
) {
    let focused = state.focus == Focus::Detail;
    let detail = &state.detail;
    let title = detail_title(state);
    let title = super::pane_title(title, state, theme);
    draw::bordered_block(frame.buffer_mut(), area, theme.border(focused), &title);
    let DetailAreas {
        tabs: tabs_area,
        body,
    } = DetailAreas::of(area);
    let tabs = detail.tabs();
    let titles: Vec<&str> = tabs.iter().map(|tab| tab.title()).collect();
    let selected = tabs.iter().position(|tab| *tab == detail.tab).unwrap_or(0);
    let tabs = Tabs::new(titles)
        .select(selected)
        .style(theme.muted())
        .highlight_style(theme.selection(focused))
        .divider("│");
    frame.render_widget(tabs, tabs_area);

    if let Some((_, id)) = &detail.loading {
        let text = format!(
            "{} fetching {}… (Esc cancels)",
            spinner(state),
            one_line(id)
        );
        frame.render_widget(Paragraph::new(text).style(theme.muted()), body);
        return;
    }
    if let Some(error) = &detail.error {
        let text = Paragraph::new(one_line(error))
            .style(theme.error())
            .wrap(Wrap { trim: true });
        frame.render_widget(text, body);
        return;
    }
    let Some(record) = &detail.record else {
        let hint = if state.list.users.is_empty() {
            ""
        } else {
            "select a user; Enter opens it here"
        };
        frame.render_widget(Paragraph::new(hint).style(theme.muted()), body);
        return;
    };
    match detail.tab {
        DetailTab::Overview => {
            let (lines, cursor_line) = overview_lines(
                record,
                usize::from(body.width),
                state.time_offset,
                theme,
                Some((detail.overview_field, theme.selection(focused))),
            );
            // The view follows the field cursor, a third of the way down the pane.
            let height = usize::from(body.height);
            let max_scroll = lines.len().saturating_sub(height);
            let scroll = cursor_line
                .map_or(0, |line| line.saturating_sub(height / 3))
                .min(max_scroll);
            let visible: Vec<Line<'_>> = lines.into_iter().skip(scroll).take(height).collect();
            draw::paragraph(frame.buffer_mut(), body, Style::default(), &visible);
        }
        DetailTab::Tree => {
            super::tree::render(frame, body, &detail.tree, focused, theme, tree_rows);
        }
        DetailTab::Threads => {
            super::threads::render(
                frame,
                body,
                &detail.threads,
                state.time_offset,
                focused,
                theme,
            );
        }
        DetailTab::Audit => {
            super::audit::render(frame, body, state, focused, theme);
        }
        DetailTab::Raw => {
            super::raw::render(frame, body, detail, theme);
        }
    }
}

/// The label column is at most this wide: a longer label wraps, and the value keeps its width.
const LABEL_WIDTH_CAP: usize = 24;
/// A value wraps onto at most this many lines; the tree and raw tabs show the rest.
const VALUE_LINES_CAP: usize = 12;

/// The Overview's lines, and the first line of the field under the cursor (`cursor`: the
/// field's index and how to draw it).
fn overview_lines(
    record: &UserRecord,
    width: usize,
    time_offset: chrono::FixedOffset,
    theme: &Theme,
    cursor: Option<(usize, Style)>,
) -> (Vec<Line<'static>>, Option<usize>) {
    let label_width = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| field.label.width())
        .max()
        .unwrap_or(0)
        .min(LABEL_WIDTH_CAP)
        .min(width / 2);
    let mut lines = Vec::new();
    if record.deferred {
        // A record shown before all of its overview is mapped: the tree and raw tabs already
        // read its bytes. A big one takes a moment; a fetched one's credits a millisecond.
        let megabytes = record.raw().len() as f64 / 1_000_000.0;
        let text = if megabytes >= 1.0 {
            format!("mapping this {megabytes:.0} MB record… the Tree and Raw tabs are ready")
        } else {
            "mapping the rest of this record…".to_owned()
        };
        lines.push(Line::from(Span::styled(text, theme.muted())));
    }
    let room = width.saturating_sub(label_width + 3).max(1);
    let mut field_index = 0;
    let mut cursor_line = None;
    for section in &record.sections {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            one_line(&section.title),
            theme.accent(),
        )));
        for field in &section.fields {
            // Only what can show is sanitized: a list field can hold tens of kilobytes.
            let shown: String = overview_value(&field.value, time_offset)
                .chars()
                .take(room * VALUE_LINES_CAP + 16)
                .collect();
            let value_style = match field.value {
                FieldValue::Missing | FieldValue::Null => theme.muted(),
                _ => theme.text(),
            };
            let labels = wrap(&one_line(&field.label), label_width.max(1));
            let mut values = wrap(&one_line(&shown), room);
            if values.len() > VALUE_LINES_CAP {
                values.truncate(VALUE_LINES_CAP);
                if let Some(last) = values.last_mut() {
                    *last = format!("{}…", fit(last, room.saturating_sub(1)));
                }
            }
            let selected = cursor
                .filter(|(at, _)| *at == field_index)
                .map(|(_, style)| style);
            if selected.is_some() {
                cursor_line = Some(lines.len());
            }
            for row in 0..labels.len().max(values.len()) {
                let label = labels.get(row).map_or("", String::as_str);
                let pad = label_width.saturating_sub(label.width());
                lines.push(Line::from(vec![
                    Span::styled(
                        format!(" {label}{}  ", " ".repeat(pad)),
                        selected.unwrap_or_else(|| theme.muted()),
                    ),
                    Span::styled(
                        values.get(row).cloned().unwrap_or_default(),
                        selected.unwrap_or(value_style),
                    ),
                ]));
            }
            field_index += 1;
        }
    }
    (lines, cursor_line)
}

/// A field's value as the overview shows it, the same way whatever the provider: a missing
/// value and a JSON `null` are both `—` (the tree and raw tabs tell them apart), and a time the
/// provider gave as text is shown as the model shows times, in the operator's offset.
fn overview_value(value: &FieldValue, time_offset: chrono::FixedOffset) -> String {
    match value {
        FieldValue::Missing | FieldValue::Null => "—".to_owned(),
        FieldValue::Text(text) => match chrono::DateTime::parse_from_rfc3339(text.trim()) {
            Ok(time) => FieldValue::Time(time).display_in(time_offset),
            Err(_) => text.clone(),
        },
        other => other.display_in(time_offset),
    }
}

/// Text broken into lines of at most `width` cells, at spaces where it can be, else mid-word.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = usize::from(!line.is_empty()) + word.width();
        if line.width() + needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word longer than a line is cut into lines of its own.
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests;
