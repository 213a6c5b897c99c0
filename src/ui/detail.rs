//! The detail pane: tabs over the selected user's record (Overview sections, Raw JSON).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs, Wrap};
use unicode_width::UnicodeWidthStr;

use super::draw;
use super::list::fit;
use super::spinner;
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

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let focused = state.focus == Focus::Detail;
    let detail = &state.detail;
    let title = detail_title(state);
    let title = super::pane_title(title, state, theme);
    let inner = draw::bordered_block(frame.buffer_mut(), area, theme.border(focused), &title);
    let [tabs_area, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
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
    let lines = match detail.tab {
        DetailTab::Overview => {
            overview_lines(record, usize::from(body.width), state.time_offset, theme)
        }
        DetailTab::Tree => {
            super::tree::render(frame, body, &detail.tree, focused, theme);
            return;
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
            return;
        }
        DetailTab::Audit => {
            super::audit::render(frame, body, state, focused, theme);
            return;
        }
        DetailTab::Raw => {
            super::raw::render(frame, body, detail, theme);
            return;
        }
    };
    let max_scroll = lines.len().saturating_sub(usize::from(body.height));
    let scroll = detail.scroll.min(max_scroll);
    let visible: Vec<Line<'_>> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .collect();
    draw::paragraph(frame.buffer_mut(), body, Style::default(), &visible);
}

fn overview_lines(
    record: &UserRecord,
    width: usize,
    time_offset: chrono::FixedOffset,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let label_width = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| field.label.width())
        .max()
        .unwrap_or(0)
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
    for section in &record.sections {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            one_line(&section.title),
            theme.accent(),
        )));
        for field in &section.fields {
            let label = fit(&one_line(&field.label), label_width);
            let pad = label_width.saturating_sub(label.width());
            let room = width.saturating_sub(label_width + 3);
            // Only what can show is sanitized: a list field can hold tens of kilobytes.
            let shown: String = field
                .value
                .display_in(time_offset)
                .chars()
                .take(room * 2 + 16)
                .collect();
            let value = one_line(&shown);
            let value_style = match field.value {
                FieldValue::Missing | FieldValue::Null => theme.muted(),
                _ => theme.text(),
            };
            lines.push(Line::from(vec![
                Span::styled(format!(" {label}{}  ", " ".repeat(pad)), theme.muted()),
                Span::styled(fit(&value, room), value_style),
            ]));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RawBody, Section, UserSummary};

    fn deferred_record(body_bytes: usize) -> UserRecord {
        UserRecord {
            provider: "zooza",
            id: "7".to_owned(),
            summary: UserSummary::with_id("7"),
            bodies: vec![RawBody {
                label: "user".into(),
                path: "/user".into(),
                bytes: bytes::Bytes::from(vec![b' '; body_bytes]),
            }],
            json: serde_json::Value::Null,
            sections: vec![Section::new("Identity").with(
                "User id",
                "/user/id",
                FieldValue::Number("7".into()),
            )],
            threads: Vec::new(),
            fetched_at: chrono::Utc::now(),
            deferred: true,
            big: None,
        }
    }

    fn text(record: &UserRecord) -> Vec<String> {
        overview_lines(
            record,
            80,
            chrono::FixedOffset::east_opt(0).unwrap(),
            &Theme::dark(),
        )
        .iter()
        .map(|line| {
            line.spans
                .iter()
                .map(|span| span.content.as_ref())
                .collect()
        })
        .collect()
    }

    /// A record shown before its overview is whole says so above the sections it has: a big
    /// opened one by its size, a fetched one (its credits to come) in a word.
    #[test]
    fn a_deferred_record_says_its_overview_is_coming() {
        let fetched = text(&deferred_record(90_000));
        assert_eq!(fetched[0], "mapping the rest of this record…");
        assert!(fetched.iter().any(|line| line == "Identity"), "{fetched:?}");
        let opened = text(&deferred_record(31_000_000));
        assert_eq!(
            opened[0],
            "mapping this 31 MB record… the Tree and Raw tabs are ready"
        );
    }
}
