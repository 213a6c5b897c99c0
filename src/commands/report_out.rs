//! Where an audit report goes, for one profile and for all alike: stdout, or a new file
//! (`--out`) written whole (temp file and rename), never over one that exists.

use std::io::Write as _;
use std::path::Path;

use super::{CommandError, EXIT_CONFIG, EXIT_IO};

/// The error for an `--out` that exists, asked before the scan and again as the report is
/// written (it may have appeared meanwhile).
pub(super) fn refuse_existing(out: &Path) -> CommandError {
    CommandError {
        message: format!(
            "{} already exists; userscope never overwrites a report (choose another --out)",
            crate::sanitize::one_line(&out.display().to_string())
        ),
        code: EXIT_CONFIG,
    }
}

/// Writes the report to `out` (then says so on stderr with `summary`), or to stdout.
pub(super) fn write(out: Option<&Path>, bytes: &[u8], summary: &str) -> Result<(), CommandError> {
    let Some(out) = out else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()?;
        return Ok(());
    };
    crate::export::write_exact(out, bytes).map_err(|err| {
        if err.kind() == std::io::ErrorKind::AlreadyExists {
            refuse_existing(out)
        } else {
            CommandError {
                message: format!(
                    "cannot write {}: {}",
                    crate::sanitize::one_line(&out.display().to_string()),
                    crate::export::describe_error(&err)
                ),
                code: EXIT_IO,
            }
        }
    })?;
    super::stderr::line(&format!(
        "wrote {} ({summary})",
        crate::sanitize::one_line(&out.display().to_string())
    ));
    Ok(())
}

/// Records that a scan of `profile` starts; a scan the audit trail cannot record does not run.
pub(super) fn record_start(state_dir: &Path, profile: &str) -> Result<(), CommandError> {
    use crate::audit::trail::{self, TrailEntry, action};
    trail::append(
        state_dir,
        &TrailEntry::now(profile, None, action::RUN_STARTED),
    )
    .map_err(|err| CommandError {
        message: format!(
            "cannot write the audit trail {}: {err}",
            trail::path(state_dir).display()
        ),
        code: EXIT_IO,
    })
}

/// A line on stderr when the audit trail cannot be appended to; the command goes on.
pub(super) fn warn_trail(result: std::io::Result<()>) {
    if let Err(err) = result {
        super::stderr::line(&format!("warning: cannot append to the audit trail: {err}"));
    }
}
