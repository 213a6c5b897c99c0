//! The report of an audit over every profile: the same rows with `person` added (the normalised
//! e-mail that joins one person's accounts), and in Markdown a closing summary of the people
//! who hold accounts in two or more providers, with the worst finding of each.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::{COLUMNS, Format, Row, cells, markdown_cell, row};
use crate::audit::Finding;
use crate::model::ProviderKind;
use crate::people::normalise_email;

/// One account an all-profiles scan read: its provider and its e-mail as the record gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedAccount {
    /// The account's provider.
    pub provider: ProviderKind,
    /// Its e-mail (empty when the record has none).
    pub email: String,
}

/// A row of the cross-profile JSON report.
#[derive(Debug, Serialize)]
struct PersonRow<'a> {
    #[serde(flatten)]
    row: Row<'a>,
    person: String,
}

fn person_of(email: &str) -> String {
    normalise_email(email).unwrap_or_default()
}

/// The report of findings from every profile, in `format`; `accounts` are every account the
/// scan read (with or without findings), for the Markdown summary of people.
pub fn render_across_profiles(
    findings: &[Finding],
    accounts: &[ScannedAccount],
    format: Format,
) -> Vec<u8> {
    match format {
        Format::Json => {
            let rows: Vec<PersonRow<'_>> = findings
                .iter()
                .map(|finding| PersonRow {
                    row: row(finding),
                    person: person_of(&finding.email),
                })
                .collect();
            let mut out = serde_json::to_vec_pretty(&rows).unwrap_or_else(|_| b"[]".to_vec());
            out.push(b'\n');
            out
        }
        Format::Csv => {
            let header: Vec<&str> = COLUMNS.iter().copied().chain(["person"]).collect();
            let rows = findings.iter().map(|finding| {
                cells(finding)
                    .into_iter()
                    .chain([person_of(&finding.email)])
            });
            crate::csv_cell::table(&header, rows)
        }
        Format::Markdown => markdown(findings, accounts).into_bytes(),
    }
}

fn markdown(findings: &[Finding], accounts: &[ScannedAccount]) -> String {
    let mut out = format!("| {} | person |\n", COLUMNS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(COLUMNS.len() + 1));
    for finding in findings {
        let mut line: Vec<String> = cells(finding)
            .iter()
            .map(|cell| markdown_cell(cell))
            .collect();
        line.push(markdown_cell(&person_of(&finding.email)));
        let _ = writeln!(out, "| {} |", line.join(" | "));
    }
    out.push_str("\n## People in two or more providers\n\n");
    let people = people_across_providers(findings, accounts);
    if people.is_empty() {
        out.push_str("No one holds accounts in two or more providers.\n");
        return out;
    }
    out.push_str("| person | providers | worst finding |\n|---|---|---|\n");
    for (person, (providers, worst)) in people {
        let providers: Vec<&str> = providers.iter().map(|kind| kind.name()).collect();
        let worst = worst.map_or_else(
            || "none".to_owned(),
            |finding| {
                format!(
                    "{} {} ({})",
                    finding.severity, finding.rule, finding.provider
                )
            },
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            markdown_cell(&person),
            providers.join(", "),
            markdown_cell(&worst)
        );
    }
    out
}

/// Each person with accounts in two or more providers: the providers and the worst finding.
fn people_across_providers<'a>(
    findings: &'a [Finding],
    accounts: &[ScannedAccount],
) -> BTreeMap<String, (BTreeSet<ProviderKind>, Option<&'a Finding>)> {
    let mut people: BTreeMap<String, (BTreeSet<ProviderKind>, Option<&Finding>)> = BTreeMap::new();
    for account in accounts {
        if let Some(person) = normalise_email(&account.email) {
            people.entry(person).or_default().0.insert(account.provider);
        }
    }
    people.retain(|_, (providers, _)| providers.len() >= 2);
    for finding in findings {
        if let Some((_, worst)) = people.get_mut(&person_of(&finding.email)) {
            let worse = worst.is_none_or(|known: &Finding| {
                (finding.severity, std::cmp::Reverse(finding.rule))
                    > (known.severity, std::cmp::Reverse(known.rule))
            });
            if worse {
                *worst = Some(finding);
            }
        }
    }
    people
}

#[cfg(test)]
mod tests;
