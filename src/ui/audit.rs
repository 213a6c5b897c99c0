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
use crate::state::DetailState;
use crate::theme::Theme;

pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    detail: &DetailState,
    focused: bool,
    theme: &Theme,
) {
    if detail.findings.is_empty() {
        frame.render_widget(
            Paragraph::new("no finding: every audit rule passes on this record").style(theme.ok()),
            area,
        );
        return;
    }
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    // Two lines per finding: what, then where and the value.
    let per_screen = (height / 2).max(1);
    let first = detail.finding_cursor.saturating_sub(per_screen - 1);
    let mut lines = Vec::new();
    for (index, finding) in detail
        .findings
        .iter()
        .enumerate()
        .skip(first)
        .take(per_screen)
    {
        let selected = index == detail.finding_cursor;
        let badge = format!(" {:<8} ", finding.severity.as_str().to_uppercase());
        let head = fit(
            &format!("{}  {}", finding.rule, one_line(&finding.title)),
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
