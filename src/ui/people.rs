//! The People view: a card for the person (the query, how many accounts, how many active),
//! then a row per account (profile, provider, id, name, e-mail, active, last login, MFA,
//! findings) and a row per profile still looking or that could not be searched.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::draw;
use crate::people::{Account, MatchKind, WhoQuery};
use crate::sanitize::one_line;
use crate::state::State;
use crate::state::people::{PeopleRow, PeopleView};
use crate::theme::Theme;

/// Column headers and their widths when the pane has room for all of them.
const COLUMNS: [(&str, usize); 9] = [
    ("PROFILE", 16),
    ("PROVIDER", 9),
    ("ID", 14),
    ("NAME", 18),
    ("E-MAIL", 38),
    ("ACTIVE", 7),
    ("LAST LOGIN", 20),
    ("MFA", 4),
    ("FINDINGS", 24),
];

/// The narrowest each column gets when the pane is narrower than every full width.
const NARROWEST: [usize; 9] = [12, 8, 8, 12, 24, 6, 11, 4, 16];

/// The columns' widths for a pane `width` cells wide (0: not shown): full where they all fit;
/// else the wide ones give way: the findings, the last login (its date stays), the e-mail, the
/// name, the id; and where even the narrowest widths do not fit, whole columns go rather than
/// be cut mid-word: the id, the e-mail (the card says the address asked), the last login, the
/// name.
fn widths(width: usize) -> [usize; 9] {
    let mut widths = COLUMNS.map(|(_, width)| width);
    let total = |widths: &[usize; 9]| {
        let shown = widths.iter().filter(|width| **width > 0);
        shown.clone().sum::<usize>() + shown.count().saturating_sub(1)
    };
    for column in [8, 6, 4, 3, 2, 0, 1, 5] {
        let over = total(&widths).saturating_sub(width);
        if over == 0 {
            return widths;
        }
        let give = over.min(widths[column] - NARROWEST[column]);
        widths[column] -= give;
    }
    for column in [2, 4, 6, 3] {
        if total(&widths) <= width {
            break;
        }
        widths[column] = 0;
    }
    widths
}

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, theme: &Theme) {
    let Some(view) = state.people.as_ref() else {
        return;
    };
    let title =
        Line::from(format!(" People · {} ", one_line(&view.query.text()))).style(theme.accent());
    let inner = draw::bordered_block(frame.buffer_mut(), area, theme.border(true), &title);
    let widths = widths(usize::from(inner.width));
    let mut lines = card(view, theme);
    lines.push(Line::default());
    lines.push(Line::styled(
        fit_row(COLUMNS.iter().map(|(name, _)| (*name).to_owned()), &widths),
        theme.header(),
    ));
    let rows = view.rows();
    let visible = usize::from(inner.height).saturating_sub(lines.len());
    let first = view.cursor.saturating_sub(visible.saturating_sub(1));
    for (index, row) in rows.iter().enumerate().skip(first).take(visible) {
        let selected = index == view.cursor;
        let (text, style) = row_line(row, state, theme, &widths);
        let style = if selected {
            style.patch(theme.selection(true))
        } else {
            style
        };
        lines.push(Line::styled(text, style));
    }
    draw::paragraph(frame.buffer_mut(), inner, theme.text(), &lines);
}

/// The person: who was asked, and what was found so far.
fn card(view: &PeopleView, theme: &Theme) -> Vec<Line<'static>> {
    let accounts: Vec<&Account> = view.accounts().collect();
    let active = accounts.iter().filter(|account| account.active).count();
    let mut providers: Vec<&str> = accounts
        .iter()
        .map(|account| account.provider.name())
        .collect();
    providers.sort_unstable();
    providers.dedup();
    let (label, certainty) = match &view.query {
        WhoQuery::Email(email) => (one_line(email), "accounts under this address"),
        WhoQuery::Name(_) => (
            one_line(&view.query.text()),
            "possible accounts: names that fit, not certain",
        ),
    };
    vec![
        Line::from(vec![Span::styled(label, theme.accent())]),
        Line::from(vec![
            Span::raw(format!(
                "{} {certainty}, {active} active, in {}",
                accounts.len(),
                if providers.is_empty() {
                    "no provider yet".to_owned()
                } else {
                    providers.join(", ")
                }
            )),
            Span::styled(
                if view.waiting() {
                    "  · still looking"
                } else {
                    ""
                },
                theme.muted(),
            ),
        ]),
    ]
}

fn row_line(
    row: &PeopleRow<'_>,
    state: &State,
    theme: &Theme,
    widths: &[usize; 9],
) -> (String, Style) {
    match row {
        PeopleRow::Account(account) => (account_row(account, widths), theme.text()),
        PeopleRow::Waiting(profile, wait) => (
            format!(
                "{} {}  {}",
                super::spinner(state),
                fit(profile, widths[0]),
                wait.map_or_else(
                    || "waiting for its directory (stored, or synced now), then the records"
                        .to_owned(),
                    |wait| format!("still looking: {}", wait.describe())
                )
            ),
            theme.muted(),
        ),
        PeopleRow::NoAccount(profile) => (
            format!("{}  no account found here", fit(profile, widths[0])),
            theme.muted(),
        ),
        PeopleRow::Failed(profile, reason) => (
            format!(
                "{}  could not be searched: {} (r retries)",
                fit(profile, widths[0]),
                one_line(reason)
            ),
            theme.error(),
        ),
    }
}

fn account_row(account: &Account, widths: &[usize; 9]) -> String {
    let yes_no = |flag: bool| if flag { "yes" } else { "no" }.to_owned();
    let mut findings = account.findings_text();
    if account.certainty == MatchKind::Possible {
        findings.push_str("  (possible)");
    }
    fit_row(
        [
            account.profile.clone(),
            account.provider.name().to_owned(),
            account.user_id.clone(),
            account.name.clone(),
            account.email.clone(),
            yes_no(account.active),
            account.last_login.clone().unwrap_or_else(|| "—".to_owned()),
            account.mfa.map_or_else(|| "—".to_owned(), yes_no),
            findings,
        ],
        widths,
    )
}

/// Cells cut or padded to their columns' widths, sanitized.
fn fit_row(cells: impl IntoIterator<Item = String>, widths: &[usize; 9]) -> String {
    cells
        .into_iter()
        .zip(widths)
        .filter(|(_, width)| **width > 0)
        .map(|(cell, width)| fit(&one_line(&cell), *width))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` in exactly `width` columns: cut with an ellipsis, or padded.
fn fit(text: &str, width: usize) -> String {
    super::list_columns::pad(super::ellipsis::fit(text, width), width)
}

#[cfg(test)]
mod tests;
