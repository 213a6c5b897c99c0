//! `userscope audit --all-profiles`: one scan over every profile, one after another (each under
//! its own limits), and one report whose rows add `person` so one person's findings can be read
//! together; a profile that cannot be opened or scanned whole is named and the exit is 1.

use super::report_out::warn_trail;
use super::{CommandError, EXIT_REMOTE};
use crate::audit::report::{ScannedAccount, render_across_profiles};
use crate::audit::scan::scan;
use crate::audit::trail::{self, TrailEntry, action};
use crate::audit::{AuditSettings, Finding, Rule};
use crate::cli::AuditArgs;
use crate::session::Session;

/// Scans every profile and writes the one report (stdout, or `--out`).
pub async fn run(
    session: &mut Session,
    args: &AuditArgs,
    rules: &[&'static Rule],
    settings: &AuditSettings,
) -> Result<Vec<Finding>, CommandError> {
    let names: Vec<String> = session
        .profiles()
        .into_iter()
        .map(|listing| listing.name)
        .collect();
    let state_dir = session.paths.state_dir.clone();
    let mut findings = Vec::new();
    let mut accounts = Vec::new();
    let mut incomplete = Vec::new();
    for name in &names {
        let opened = async {
            let profile = session.profile(Some(name)).await?;
            let provider = crate::provider::build(&profile)?;
            Ok::<_, CommandError>((profile, provider))
        }
        .await;
        let (profile, provider) = match opened {
            Ok(opened) => opened,
            Err(error) => {
                incomplete.push(format!("{name}: {}", error.message));
                continue;
            }
        };
        let mut settings = settings.clone();
        if profile.is_sandbox {
            settings.now = crate::sandbox_clock::now();
        }
        // A scan the audit trail cannot record does not run; the others' findings still go
        // into the report.
        if let Err(error) = super::report_out::record_start(&state_dir, &profile.name) {
            incomplete.push(format!("{name}: {}", error.message));
            continue;
        }
        let options = super::scan_options(args, &profile);
        let outcome = scan(
            provider.as_ref(),
            &profile.name,
            rules,
            &settings,
            &options,
            &mut |_| {},
        )
        .await;
        warn_trail(trail::append(
            &state_dir,
            &TrailEntry::now(&profile.name, None, action::RUN_FINISHED),
        ));
        if !outcome.failures.is_empty() {
            incomplete.push(format!(
                "{}: {} of {} users could not be fetched",
                profile.name, outcome.progress.failed, outcome.progress.done
            ));
        }
        let kind = crate::model::ProviderKind::from_name(profile.provider());
        accounts.extend(kind.into_iter().flat_map(|provider| {
            outcome
                .scanned_emails
                .iter()
                .map(move |email| ScannedAccount {
                    provider,
                    email: email.clone(),
                })
        }));
        findings.extend(outcome.findings);
    }
    let bytes = render_across_profiles(&findings, &accounts, args.format);
    super::report_out::write(
        args.out.as_deref(),
        &bytes,
        &crate::audit::report::summary(&findings),
    )?;
    warn_trail(trail::append(
        &state_dir,
        &TrailEntry::now("*", None, action::REPORT),
    ));
    if !incomplete.is_empty() {
        for line in &incomplete {
            super::stderr::line(&format!("incomplete: {line}"));
        }
        return Err(CommandError {
            message: format!(
                "the scan is incomplete in {} of {} profiles",
                incomplete.len(),
                names.len()
            ),
            code: EXIT_REMOTE,
        });
    }
    Ok(findings)
}
