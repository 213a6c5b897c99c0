//! The Audit tab: the rules' findings on the record shown, most severe first, with the
//! evidence's path and value; Enter opens the evidence in the tree.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::list::fit;
use crate::audit::Severity;
use crate::sanitize::one_line;
use crate::state::State;
use crate::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, focused: bool, theme: &Theme) {
    let findings = crate::update::audit::shown(state);
    let scan = &state.audit_scan;
    if findings.is_empty() {
        frame.render_widget(
            Paragraph::new(
                "no finding: every audit rule passes on this record (:audit scans every user)",
            )
            .style(theme.ok()),
            area,
        );
        return;
    }
    let width = usize::from(area.width);
    // A header says whose findings these are: the record's, or every scanned user's.
    let header = if scan.findings.is_empty() {
        format!(
            "{} findings on this record (:audit scans every user)",
            findings.len()
        )
    } else {
        format!(
            "{} findings over {} users scanned (Enter opens the user's evidence)",
            findings.len(),
            scan.scanned.len()
        )
    };
    let mut lines = vec![Line::from(Span::styled(fit(&header, width), theme.muted()))];
    // Two lines per finding: what (and whom), then where and the value.
    let per_screen = (usize::from(area.height).saturating_sub(1) / 2).max(1);
    let cursor = state.detail.finding_cursor;
    let first = cursor.saturating_sub(per_screen - 1);
    for (index, finding) in findings.iter().enumerate().skip(first).take(per_screen) {
        let selected = index == cursor;
        let badge = format!(" {:<8} ", finding.severity.as_str().to_uppercase());
        let whom = if scan.findings.is_empty() {
            String::new()
        } else {
            format!("{}  ", one_line(&finding.email))
        };
        let head = fit(
            &format!("{whom}{}  {}", finding.rule, one_line(&finding.title)),
            width.saturating_sub(badge.width()),
        );
        let pad = width.saturating_sub(badge.width() + head.width());
        let style = if selected {
            theme.selection(focused)
        } else {
            theme.text()
        };
        lines.push(Line::from(vec![
            Span::styled(badge, severity_style(finding.severity, theme)),
            Span::styled(format!("{head}{}", " ".repeat(pad)), style),
        ]));
        let value = one_line(&finding.value.to_string());
        lines.push(Line::from(Span::styled(
            fit(&format!("          {} = {value}", finding.path), width),
            theme.muted(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// How a severity badge looks.
pub fn severity_style(severity: Severity, theme: &Theme) -> ratatui::style::Style {
    match severity {
        Severity::Critical | Severity::High => theme.error(),
        Severity::Medium => theme.warning(),
        Severity::Low | Severity::Info => theme.muted(),
    }
}
