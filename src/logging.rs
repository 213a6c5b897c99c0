//! Logs go to a file in the state dir, never to the terminal (the explorer owns the screen).
//! The file is private (0600 in a 0700 folder: lines name profiles, users and URLs) and capped:
//! past [`MAX_LOG_BYTES`] it is renamed `userscope.log.1` (replacing the one before) and a new
//! one begins, so the logs hold at most twice the cap.

mod rotating_file;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use rotating_file::RotatingFile;

/// The size at which the log file is set aside and a new one begun.
pub const MAX_LOG_BYTES: u64 = 5 * 1024 * 1024;

/// The log file for a state dir.
pub fn log_file(state_dir: &Path) -> PathBuf {
    state_dir.join("userscope.log")
}

/// The one older log file kept beside it.
pub fn old_log_file(state_dir: &Path) -> PathBuf {
    state_dir.join("userscope.log.1")
}

/// Starts logging to the state dir's log file at `RUST_LOG` (default `info`). Logging is a
/// convenience: if the file cannot be opened, userscope runs without it.
pub fn init(state_dir: &Path) {
    let Ok(file) = RotatingFile::open(state_dir, MAX_LOG_BYTES) else {
        return;
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,hyper=warn,reqwest=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .try_init();
}
