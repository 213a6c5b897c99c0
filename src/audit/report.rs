//! The report: one row per finding with the fields `profile`, `provider`, `user_id`, `email`,
//! `rule`, `severity`, `title`, `path`, `value` and `fetched_at`, as JSON (an array of objects), CSV
//! (a header row, then RFC 4180 quoting) or a Markdown table (cells flattened and sanitized,
//! Markdown punctuation escaped).

use std::fmt::Write as _;

use chrono::SecondsFormat;
use serde::Serialize;
use serde_json::Value;

use super::{Finding, Severity};
use crate::sanitize::one_line;

mod people;
pub use people::{ScannedAccount, render_across_profiles};

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// An array of objects.
    #[default]
    Json,
    /// A header row, then one row per finding.
    Csv,
    /// A Markdown table.
    Markdown,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }
}

/// The columns, in order.
pub const COLUMNS: [&str; 10] = [
    "profile",
    "provider",
    "user_id",
    "email",
    "rule",
    "severity",
    "title",
    "path",
    "value",
    "fetched_at",
];

/// One row as JSON writes it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    profile: &'a str,
    provider: &'a str,
    user_id: &'a str,
    email: &'a str,
    rule: &'a str,
    severity: Severity,
    title: &'a str,
    path: &'a str,
    value: &'a Value,
    fetched_at: String,
}

fn row(finding: &Finding) -> Row<'_> {
    Row {
        profile: &finding.profile,
        provider: finding.provider.name(),
        user_id: &finding.user_id,
        email: &finding.email,
        rule: finding.rule,
        severity: finding.severity,
        title: &finding.title,
        path: &finding.path,
        value: &finding.value,
        fetched_at: finding
            .fetched_at
            .to_rfc3339_opts(SecondsFormat::Secs, true),
    }
}

/// A value as one text cell: strings as they are, anything else as compact JSON.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The cells of a row, in column order.
fn cells(finding: &Finding) -> [String; 10] {
    let row = row(finding);
    [
        row.profile.to_owned(),
        row.provider.to_owned(),
        row.user_id.to_owned(),
        row.email.to_owned(),
        row.rule.to_owned(),
        row.severity.to_string(),
        row.title.to_owned(),
        row.path.to_owned(),
        value_text(row.value),
        row.fetched_at,
    ]
}

/// The report in `format`.
pub fn render(findings: &[Finding], format: Format) -> Vec<u8> {
    match format {
        Format::Json => json(findings),
        Format::Csv => csv(findings),
        Format::Markdown => markdown(findings).into_bytes(),
    }
}

fn json(findings: &[Finding]) -> Vec<u8> {
    let rows: Vec<Row<'_>> = findings.iter().map(row).collect();
    // Serializing plain rows into a Vec cannot fail; fall back to an empty array all the same.
    let mut out = serde_json::to_vec_pretty(&rows).unwrap_or_else(|_| b"[]".to_vec());
    out.push(b'\n');
    out
}

fn csv(findings: &[Finding]) -> Vec<u8> {
    crate::csv_cell::table(&COLUMNS, findings.iter().map(cells))
}

/// A Markdown table cell: one sanitized line, with Markdown punctuation backslash-escaped so
/// remote text cannot break the table, link, or inject HTML.
fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(
            c,
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out.trim().to_owned()
}

fn markdown(findings: &[Finding]) -> String {
    let mut out = format!("| {} |\n", COLUMNS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(COLUMNS.len()));
    for finding in findings {
        let line: Vec<String> = cells(finding)
            .iter()
            .map(|cell| markdown_cell(cell))
            .collect();
        let _ = writeln!(out, "| {} |", line.join(" | "));
    }
    out
}

/// Findings per severity, most severe first, for a summary line: `2 high, 5 low`.
pub fn summary(findings: &[Finding]) -> String {
    counts_text(&counts_of(findings)).unwrap_or_else(|| "no findings".to_owned())
}

/// How many findings there are of each severity found.
pub fn counts_of(findings: &[Finding]) -> std::collections::BTreeMap<Severity, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for finding in findings {
        *counts.entry(finding.severity).or_default() += 1;
    }
    counts
}

/// `2 high, 5 low`: counts per severity, most severe first; `None` when there are none.
pub fn counts_text(counts: &std::collections::BTreeMap<Severity, usize>) -> Option<String> {
    let parts: Vec<String> = counts
        .iter()
        .rev()
        .filter(|(_, count)| **count > 0)
        .map(|(severity, count)| format!("{count} {severity}"))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests;
