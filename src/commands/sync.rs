//! `userscope sync`: a profile's whole directory into the local store, with progress on
//! stderr when it is a terminal and one summary line at the end; exit 1 when incomplete.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use super::{CommandError, EXIT_REMOTE};
use crate::count_text::thousands;
use crate::directory::{Directory, SyncReport};
use crate::model::UserSummary;
use crate::session::Session;

pub async fn run(session: &mut Session, profile: Option<&str>) -> Result<(), CommandError> {
    let profile = session.profile(profile).await?;
    let (directory, note) = session.directory(&profile)?;
    let started = Instant::now();
    let (report, _) = sync_all(&directory, &profile, note, false).await?;
    let kept = match (&directory.store, &report.store_error) {
        (Some(_), None) if report.superseded => {
            "(another userscope began a sync of it meanwhile: the store keeps that one)".to_owned()
        }
        (Some(store), None) => format!("into {}", store.path().display()),
        _ => "in memory only (no store)".to_owned(),
    };
    let line = format!(
        "synced {} users of {} {kept}{} in {:.1} s",
        thousands(report.users as u64),
        profile.name,
        if report.removed > 0 {
            format!(", {} gone from the server removed", report.removed)
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64()
    );
    writeln!(std::io::stdout().lock(), "{line}")?;
    Ok(())
}

/// Syncs a directory to the end (every user collected when `collect`), with progress on
/// stderr when it is a terminal. A store note (corrupt, locked, full) goes to stderr as one
/// line.
pub async fn sync_all(
    directory: &Directory,
    profile: &crate::config::Profile,
    note: Option<String>,
    collect: bool,
) -> Result<(SyncReport, Vec<UserSummary>), CommandError> {
    let mut stderr = std::io::stderr();
    if let Some(note) = note {
        let _ = writeln!(stderr, "userscope: {note}");
    }
    let provider = crate::provider::build(profile)?;
    let show_progress = stderr.is_terminal();
    let mut users: Vec<UserSummary> = Vec::new();
    let mut count = 0_usize;
    let result = directory
        .sync(provider.as_ref(), |page| {
            count += page.users.len();
            if collect {
                users.extend(page.users);
            }
            if show_progress {
                let total = page
                    .total
                    .map(|total| format!(" of {}", thousands(total)))
                    .unwrap_or_default();
                let _ = write!(
                    stderr,
                    "\r\x1b[Ksyncing {}: {}{total} users",
                    profile.name,
                    thousands(count as u64)
                );
            }
        })
        .await;
    if show_progress {
        let _ = write!(stderr, "\r\x1b[K");
    }
    match result {
        Ok(report) => {
            if let Some(error) = &report.store_error {
                let _ = writeln!(stderr, "userscope: {error}; the directory was not kept");
            }
            Ok((report, users))
        }
        Err(error) => Err(CommandError {
            message: format!(
                "sync of {} incomplete after {} users: {}",
                profile.name,
                thousands(count as u64),
                error.one_line()
            ),
            code: EXIT_REMOTE,
        }),
    }
}
