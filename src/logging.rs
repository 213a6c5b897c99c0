//! Logs go to a file in the state dir, never to the terminal (the explorer owns the screen).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The log file for a state dir.
pub fn log_file(state_dir: &Path) -> PathBuf {
    state_dir.join("userscope.log")
}

/// Starts logging to the state dir's log file at `RUST_LOG` (default `info`). Logging is a
/// convenience: if the file cannot be opened, userscope runs without it.
pub fn init(state_dir: &Path) {
    if std::fs::create_dir_all(state_dir).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_file(state_dir))
    else {
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
