//! The user list pane: the filter input over the rows, a count, markers and the cursor.

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::list_columns::{
    Columns, GUTTER, cell, finding_word, fit_email, fit_middle, header_label, pad, status_word,
};
use super::row_memo::RowMemo;
use super::{draw, spinner, thousands};
use crate::model::{StatusMarker, UserRef};
use crate::sanitize::one_line;
use crate::state::list_sort::{ListSort, SortColumn, display_name};
use crate::state::{Focus, State};
use crate::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let list = &state.list;
    let focused = matches!(state.focus, Focus::List | Focus::Filter);
    let title = super::pane_title(title(state), state, theme);
    let inner = draw::bordered_block(frame.buffer_mut(), area, theme.border(focused), &title);
    let [filter_area, rows_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    render_filter(frame, filter_area, state, theme);

    if let Some(error) = list.error.as_ref().filter(|_| list.users.is_empty()) {
        let text = Paragraph::new(one_line(error))
            .style(theme.error())
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(text, rows_area);
        return;
    }
    if list.users.is_empty() && list.directory.busy() {
        frame.render_widget(
            Paragraph::new(format!("{} loading users…", spinner(state))).style(theme.muted()),
            rows_area,
        );
        return;
    }
    let [header_area, rows_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(rows_area);
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
    LIST_ROWS.with_borrow_mut(|memo| {
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
                    RowKey {
                        id: user.id.to_owned(),
                        name: user.name.to_owned(),
                        email: user.email.to_owned(),
                        role: user.role.map(str::to_owned),
                        marker: marker(user),
                        look,
                        styles,
                    }
                },
            );
            drawn += 1;
        }
        memo.truncate(drawn);
    });
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

/// How a row looks besides its user: the finding, the cursor, the mark, the columns.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowLook {
    severity: Option<crate::audit::Severity>,
    selected: bool,
    marked: bool,
    columns: Columns,
}

/// What a row of the list was drawn from: a row whose key is unchanged since the last frame is
/// copied, not drawn again (sanitising, measuring and fitting two strings).
struct RowKey {
    id: String,
    name: String,
    email: String,
    role: Option<String>,
    marker: &'static str,
    look: RowLook,
    styles: RowStyles,
}

impl RowKey {
    fn is(&self, user: UserRef<'_>, look: &RowLook, styles: &RowStyles) -> bool {
        self.look == *look
            && self.styles == *styles
            && self.marker == marker(user)
            && self.id == user.id
            && self.name == user.name
            && self.email == user.email
            && self.role.as_deref() == user.role
    }
}

/// Every style a list row can use (the theme read once a frame), the badge's for each severity
/// among them: equal styles draw equal rows.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowStyles {
    warning: Style,
    text: Style,
    selection: Style,
    muted: Style,
    badges: [Style; 5],
}

impl RowStyles {
    fn of(theme: &Theme, focused: bool) -> Self {
        use crate::audit::Severity;
        let badge = |severity| super::audit::severity_style(severity, theme);
        Self {
            warning: theme.warning(),
            text: theme.text(),
            selection: theme.selection(focused),
            muted: theme.muted(),
            badges: [
                badge(Severity::Critical),
                badge(Severity::High),
                badge(Severity::Medium),
                badge(Severity::Low),
                badge(Severity::Info),
            ],
        }
    }

    fn badge(&self, severity: crate::audit::Severity) -> Style {
        use crate::audit::Severity;
        let at = match severity {
            Severity::Critical => 0,
            Severity::High => 1,
            Severity::Medium => 2,
            Severity::Low => 3,
            Severity::Info => 4,
        };
        self.badges[at]
    }
}

thread_local! {
    /// The list rows of the last frame drawn on this thread.
    static LIST_ROWS: RefCell<RowMemo<RowKey>> = const { RefCell::new(RowMemo::new()) };
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

fn marker(user: UserRef<'_>) -> &'static str {
    match user.status.first() {
        Some(StatusMarker::Blocked(_)) => "⊘",
        Some(StatusMarker::Disabled) => "✕",
        Some(StatusMarker::PendingInvitation) => "✉",
        Some(StatusMarker::Owner) => "★",
        Some(StatusMarker::Robot) => "⚙",
        Some(StatusMarker::Inactive) => "–",
        Some(StatusMarker::NeverLoggedIn) => "∅",
        None => " ",
    }
}

fn row_line(user: UserRef<'_>, look: &RowLook, styles: &RowStyles) -> Line<'static> {
    let columns = look.columns;
    let prefix = format!("{}{}", if look.marked { "●" } else { " " }, marker(user));
    // The worst audit finding of a viewed record, as one letter: C, H, M, L or I.
    let badge = look.severity.map_or_else(
        || " ".to_owned(),
        |severity| severity.as_str()[..1].to_uppercase(),
    );
    let name = fit_middle(&one_line(display_name(user)), columns.name);
    let gap = columns.name - name.width().min(columns.name);
    // The selection covers the name and a cell either side, not the whole row: a cursor move
    // then rewrites ~20 cells per row, not the pane's width (bytes count over SSH).
    let (name_style, padding) = if look.selected {
        (styles.selection, 1)
    } else {
        (styles.text, 0)
    };
    let badge_style = look
        .severity
        .map_or(styles.text, |severity| styles.badge(severity));
    let mut spans = vec![
        Span::styled(prefix, styles.warning),
        Span::styled(badge, badge_style),
        Span::styled(" ", name_style),
        Span::styled(name, name_style),
        Span::styled(" ".repeat(padding.min(gap + 1)), name_style),
        Span::styled(" ".repeat((gap + 1).saturating_sub(padding)), styles.text),
        Span::styled(
            pad(
                fit_email(&one_line(user.email), columns.email),
                columns.email,
            ),
            styles.muted,
        ),
    ];
    let role = one_line(user.role.unwrap_or(""));
    let finding_style = look
        .severity
        .map_or(styles.text, |severity| styles.badge(severity));
    for (width, text, style) in [
        (columns.role, role.as_str(), styles.text),
        (columns.status, status_word(user), styles.warning),
        (columns.finding, finding_word(look.severity), finding_style),
    ] {
        if width > 0 {
            spans.push(Span::styled(" ", styles.text));
            spans.push(Span::styled(cell(text, width), style));
        }
    }
    Line::from(spans)
}

/// Shortens text to a display width with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    if width == 0 {
        return if text.width() == 0 {
            text.to_owned()
        } else {
            String::new()
        };
    }
    // One pass with a running width: a long value costs its length, not its length squared.
    let mut used = 0;
    let mut cut = None;
    for (at, c) in text.char_indices() {
        let char_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cut.is_none() && used + char_width + 1 > width {
            cut = Some(at);
        }
        used += char_width;
        if used > width {
            let end = cut.unwrap_or(at);
            return format!("{}…", &text[..end]);
        }
    }
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UserSummary;

    #[test]
    fn the_selection_covers_the_name_only_and_stays_visible_without_colour() {
        let user = UserSummary {
            id: "1".into(),
            name: "Anna Berg".into(),
            email: "anna@x.io".into(),
            role: None,
            status: vec![StatusMarker::Disabled],
        };
        let look = RowLook {
            severity: None,
            selected: true,
            marked: false,
            columns: Columns::fit(40, &std::iter::once(UserRef::from(&user))),
        };
        for theme in [Theme::dark(), Theme::no_color()] {
            let line = row_line(UserRef::from(&user), &look, &RowStyles::of(&theme, true));
            let styled: Vec<(&str, bool)> = line
                .spans
                .iter()
                .filter(|span| !span.content.is_empty())
                .map(|span| (span.content.as_ref(), span.style == theme.selection(true)))
                .collect();
            assert_eq!(
                styled,
                [
                    (" ✕", false),
                    (" ", false),
                    (" ", true),
                    ("Anna Berg", true),
                    (" ", true),
                    ("anna@x.io", false),
                    (" ", false),
                    ("disabled", false),
                ]
            );
            assert_ne!(theme.selection(true), theme.text());
        }
    }

    #[test]
    fn the_header_names_the_columns_and_marks_the_sorted_one() {
        let columns = Columns {
            name: 8,
            email: 10,
            role: 0,
            status: 8,
            finding: 0,
        };
        let sort = ListSort {
            column: SortColumn::Email,
            reversed: true,
        };
        let line = header_line(columns, Some(sort), &Theme::dark());
        assert_eq!(line.to_string(), "    NAME     EMAIL↓     STATUS");
    }
}
