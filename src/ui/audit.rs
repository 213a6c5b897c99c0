//! The Audit tab: the findings on the record shown (or every scanned user's after `:audit`),
//! grouped by severity, rule or user under header rows with their counts, each finding with the
//! evidence's path and value. Only the rows on screen are drawn; the grouping is done in `update`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::ellipsis::fit;
use super::severity::severity_style;
use crate::action::Action;
use crate::audit::Finding;
use crate::count_text::thousands;
use crate::sanitize::one_line;
use crate::state::{FindingGroup, FindingGrouping, FindingRow, KeyContext, State};
use crate::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, state: &State, focused: bool, theme: &Theme) {
    let findings = state.shown_findings();
    let view = &state.detail.findings_view;
    if findings.is_empty() || view.rows.is_empty() {
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
    let scanned = !state.audit_scan.findings.is_empty();
    let mut lines = vec![header(state, findings.len(), width, theme)];
    let room = crate::layout::audit_lines(area);
    let first = view.first_row(room);
    let mut used = 0;
    for (index, row) in view.rows.iter().enumerate().skip(first) {
        if used >= room {
            break;
        }
        used += row.height();
        let selected = index == view.cursor;
        let row_style = if selected {
            theme.selection(focused)
        } else {
            theme.text()
        };
        match *row {
            FindingRow::Group(group) => {
                if let Some(group) = view.groups.get(group) {
                    let selection = selected.then(|| theme.selection(focused));
                    lines.push(group_line(group, view.grouping, width, selection, theme));
                }
            }
            FindingRow::Finding { finding, .. } => {
                if let Some(finding) = findings.get(finding) {
                    let head = finding_head(finding, view.grouping, scanned);
                    lines.extend(finding_lines(finding, &head, width, row_style, theme));
                }
            }
        }
    }
    lines.truncate(usize::from(area.height));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The tab's header: the grouping in force (the mode indicator), whose findings these are, and
/// the keys that change the grouping, named by the keymap.
fn header(state: &State, count: usize, width: usize, theme: &Theme) -> Line<'static> {
    let view = &state.detail.findings_view;
    let mode = format!(
        "By {}, {}",
        view.grouping.name(),
        view.grouping.order(view.reversed)
    );
    let whose = if state.audit_scan.findings.is_empty() {
        format!("{} on this record", plural(count, "finding"))
    } else {
        format!(
            "{} over {} scanned",
            plural(count, "finding"),
            plural(state.audit_scan.scanned.len(), "user")
        )
    };
    let keymap = &state.keymap;
    let mut hints = Vec::new();
    if let Some(key) = keymap.first_key(KeyContext::Audit, Action::CycleSort) {
        hints.push(format!("{key} by {}", view.grouping.next().name()));
    }
    if let Some(key) = keymap.first_key(KeyContext::Audit, Action::ReverseSort) {
        hints.push(format!("{key} reverse"));
    }
    if let Some(key) = keymap.first_key(KeyContext::Audit, Action::Open) {
        hints.push(format!("{key} opens"));
    }
    let rest = fit(
        &format!(" · {whose} · {}", hints.join(" · ")),
        width.saturating_sub(mode.width()),
    );
    Line::from(vec![
        Span::styled(fit(&mode, width), theme.accent()),
        Span::styled(rest, theme.muted()),
    ])
}

/// `1 finding`, `20,431 findings`.
fn plural(count: usize, noun: &str) -> String {
    let s = if count == 1 { "" } else { "s" };
    format!("{} {noun}{s}", thousands(count as u64))
}

/// A group's header row: fold marker, label and count, in its worst severity's colour; a rule's
/// group also names the rule.
fn group_line(
    group: &FindingGroup,
    grouping: FindingGrouping,
    width: usize,
    selection: Option<Style>,
    theme: &Theme,
) -> Line<'static> {
    let marker = if group.folded { "▸" } else { "▾" };
    let label = one_line(&group.label);
    let count = thousands(group.findings.len() as u64);
    let text = match crate::audit::rule(&group.label) {
        Some(rule) if grouping == FindingGrouping::Rule => {
            format!("{marker} {label} · {count}  {}", rule.title)
        }
        _ => format!("{marker} {label} · {count}"),
    };
    let text = fit(&text, width);
    let pad = " ".repeat(width.saturating_sub(text.width()));
    // The selection's colours win over the severity's, so the cursor stays visible.
    let style = match selection {
        Some(selection) => selection,
        None => severity_style(group.worst, theme),
    }
    .add_modifier(Modifier::BOLD);
    Line::from(Span::styled(format!("{text}{pad}"), style))
}

/// What a finding row says after its badge: what the group does not already say.
fn finding_head(finding: &Finding, grouping: FindingGrouping, scanned: bool) -> String {
    let whom = if scanned && grouping != FindingGrouping::User {
        format!("{}  ", one_line(&finding.email))
    } else {
        String::new()
    };
    let title = one_line(&finding.title);
    match grouping {
        FindingGrouping::Rule => format!("{whom}{title}"),
        FindingGrouping::Severity | FindingGrouping::User => {
            format!("{whom}{}  {title}", finding.rule)
        }
    }
}

/// A finding's two lines: its severity badge and what, then where and the value.
fn finding_lines(
    finding: &Finding,
    head: &str,
    width: usize,
    row_style: Style,
    theme: &Theme,
) -> [Line<'static>; 2] {
    let badge = format!(" {:<8} ", finding.severity.as_str().to_uppercase());
    let head = fit(head, width.saturating_sub(badge.width()));
    let pad = width.saturating_sub(badge.width() + head.width());
    let value = one_line(&finding.value.to_string());
    [
        Line::from(vec![
            Span::styled(badge, severity_style(finding.severity, theme)),
            Span::styled(format!("{head}{}", " ".repeat(pad)), row_style),
        ]),
        Line::from(Span::styled(
            fit(
                &format!("          {} = {value}", one_line(&finding.path)),
                width,
            ),
            theme.muted(),
        )),
    ]
}
