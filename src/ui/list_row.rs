//! One row of the user list: what it shows (marker, badge, name, e-mail, role, status,
//! finding), how it looks (the cursor, the mark, the styles), and the key the row memo keeps it
//! by, so an unchanged row is copied rather than drawn again.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::list_columns::{Columns, cell, finding_word, fit_email, fit_middle, pad, status_word};
use super::severity::severity_style;
use crate::model::{StatusMarker, UserRef};
use crate::sanitize::one_line;
use crate::state::list_sort::display_name;
use crate::theme::Theme;

/// How a row looks besides its user: the finding, the cursor, the mark, the columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RowLook {
    pub(super) severity: Option<crate::audit::Severity>,
    pub(super) selected: bool,
    pub(super) marked: bool,
    pub(super) columns: Columns,
}

/// What a row of the list was drawn from: a row whose key is unchanged since the last frame is
/// copied, not drawn again (sanitising, measuring and fitting two strings).
pub(super) struct RowKey {
    id: String,
    name: String,
    email: String,
    role: Option<String>,
    marker: &'static str,
    look: RowLook,
    styles: RowStyles,
}

impl RowKey {
    /// The key of `user`'s row drawn as `look` with `styles`.
    pub(super) fn of(user: UserRef<'_>, look: RowLook, styles: RowStyles) -> Self {
        Self {
            id: user.id.to_owned(),
            name: user.name.to_owned(),
            email: user.email.to_owned(),
            role: user.role.map(str::to_owned),
            marker: marker(user),
            look,
            styles,
        }
    }

    /// Whether the row drawn with this key shows `user` as `look` with `styles`.
    pub(super) fn is(&self, user: UserRef<'_>, look: &RowLook, styles: &RowStyles) -> bool {
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
pub(super) struct RowStyles {
    warning: Style,
    text: Style,
    selection: Style,
    muted: Style,
    badges: [Style; 5],
}

impl RowStyles {
    /// The styles of a row in a pane focused or not.
    pub(super) fn of(theme: &Theme, focused: bool) -> Self {
        use crate::audit::Severity;
        let badge = |severity| severity_style(severity, theme);
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

/// The glyph of a user's first status, before the name.
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

/// The row's spans, each cut to its column.
pub(super) fn row_line(user: UserRef<'_>, look: &RowLook, styles: &RowStyles) -> Line<'static> {
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

#[cfg(test)]
mod tests;
