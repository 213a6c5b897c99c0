//! `userscope audit`: scan every user of a profile with the audit rules and write the report;
//! progress on stderr when it is a terminal, failures summarized one line per kind, the run and
//! the report recorded in the audit trail.

use std::collections::BTreeMap;
use std::io::{IsTerminal as _, Write as _};
use std::time::{Duration, Instant};

use super::report_out::{self, record_start, refuse_existing, warn_trail};
use super::{CommandError, EXIT_CONFIG, EXIT_FINDINGS, EXIT_REMOTE, table};
use crate::audit::scan::{ScanFailure, ScanProgress, scan};
use crate::audit::trail::{self, TrailEntry, action};
use crate::audit::{all_rules, report, select_rules};
use crate::cli::{AuditArgs, FailOn};
use crate::session::Session;

pub async fn run(
    session: &mut Session,
    profile: Option<&str>,
    args: &AuditArgs,
) -> Result<(), CommandError> {
    if args.list_rules {
        return list_rules();
    }
    let mut settings = session
        .config
        .as_ref()
        .map(|config| config.audit.clone())
        .unwrap_or_default();
    let disabled = if args.rules.is_some() {
        Vec::new()
    } else {
        settings.disabled_rules.clone()
    };
    let rules = select_rules(args.rules.as_deref(), &disabled).map_err(|message| CommandError {
        message,
        code: EXIT_CONFIG,
    })?;
    let fail_on = match args.fail_on {
        Some(FailOn::Never) => None,
        Some(FailOn::At(severity)) => Some(severity),
        None => settings.fail_on,
    };
    if let Some(out) = &args.out
        && std::fs::symlink_metadata(out).is_ok()
    {
        return Err(refuse_existing(out));
    }
    if args.all_profiles {
        let findings = super::audit_all::run(session, args, &rules, &settings).await?;
        return fail_on_findings(&findings, fail_on);
    }
    let profile = session.profile(profile).await?;
    let provider = crate::provider::build(&profile)?;
    if profile.is_sandbox {
        settings.now = crate::sandbox_clock::now();
    }
    let state_dir = session.paths.state_dir.clone();
    record_start(&state_dir, &profile.name)?;

    let options = super::scan_options(args, &profile);
    let mut meter = Meter::new(std::io::stderr().is_terminal());
    let outcome = scan(
        provider.as_ref(),
        &profile.name,
        &rules,
        &settings,
        &options,
        &mut |progress| meter.show(progress),
    )
    .await;
    meter.finish();
    warn_trail(trail::append(
        &state_dir,
        &TrailEntry::now(&profile.name, None, action::RUN_FINISHED),
    ));
    for line in failure_lines(&outcome.failures) {
        super::stderr::line(&line);
    }

    let bytes = report::render(&outcome.findings, args.format);
    report_out::write(
        args.out.as_deref(),
        &bytes,
        &report::summary(&outcome.findings),
    )?;
    warn_trail(trail::append(
        &state_dir,
        &TrailEntry::now(&profile.name, None, action::REPORT),
    ));

    fail_on_findings(&outcome.findings, fail_on)?;
    if !outcome.failures.is_empty() {
        return Err(CommandError {
            message: format!(
                "the scan is incomplete: {} of {} users could not be fetched",
                outcome.progress.failed, outcome.progress.done
            ),
            code: EXIT_REMOTE,
        });
    }
    Ok(())
}

/// Exit 1 when a finding is at or above `--fail-on`.
fn fail_on_findings(
    findings: &[crate::audit::Finding],
    fail_on: Option<crate::audit::Severity>,
) -> Result<(), CommandError> {
    if let Some(threshold) = fail_on {
        let over = findings
            .iter()
            .filter(|finding| finding.severity >= threshold)
            .count();
        if over > 0 {
            return Err(CommandError {
                message: format!("{over} findings at or above {threshold} (--fail-on)"),
                code: EXIT_FINDINGS,
            });
        }
    }
    Ok(())
}

fn list_rules() -> Result<(), CommandError> {
    let rows: Vec<Vec<String>> = all_rules()
        .map(|rule| {
            vec![
                rule.id.to_owned(),
                rule.severity.to_string(),
                rule.title.to_owned(),
            ]
        })
        .collect();
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(table::render(&["RULE", "SEVERITY", "TITLE"], &rows).as_bytes())?;
    Ok(())
}

/// One line per kind of failure: how many, and one example.
fn failure_lines(failures: &[ScanFailure]) -> Vec<String> {
    let mut kinds: BTreeMap<(bool, &str), Vec<&ScanFailure>> = BTreeMap::new();
    for failure in failures {
        kinds
            .entry((failure.user_id.is_none(), &failure.kind))
            .or_default()
            .push(failure);
    }
    kinds
        .into_iter()
        .map(|((list, kind), group)| {
            let example = group[0];
            if list {
                format!(
                    "the user list stopped early ({kind}): {}",
                    crate::sanitize::one_line(&example.message)
                )
            } else {
                format!(
                    "{} users could not be fetched ({kind}), e.g. {}: {}",
                    group.len(),
                    crate::sanitize::one_line(example.user_id.as_deref().unwrap_or_default()),
                    crate::sanitize::one_line(&example.message)
                )
            }
        })
        .collect()
}

/// The progress line on a terminal's stderr, redrawn at most every 100 ms.
struct Meter {
    enabled: bool,
    last: Option<Instant>,
    latest: Option<ScanProgress>,
}

impl Meter {
    fn new(enabled: bool) -> Self {
        Self {
            enabled,
            last: None,
            latest: None,
        }
    }

    fn show(&mut self, progress: &ScanProgress) {
        if !self.enabled {
            return;
        }
        self.latest = Some(progress.clone());
        if self
            .last
            .is_some_and(|last| last.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(Instant::now());
        Self::draw(progress);
    }

    fn draw(progress: &ScanProgress) {
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r{}\u{1b}[K", progress.line());
        let _ = stderr.flush();
    }

    fn finish(&mut self) {
        if let Some(progress) = self.latest.take() {
            Self::draw(&progress);
            super::stderr::end_line();
        }
    }
}
