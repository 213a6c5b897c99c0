//! `userscope cache info|clear`: what the directory store holds, and forgetting it.

use std::fmt::Write as _;
use std::io::Write;

use super::{CommandError, EXIT_IO};
use crate::cli::CacheAction;
use crate::count_text::thousands;
use crate::directory::{age_since, unix_now};
use crate::session::Session;

pub fn run(
    session: &mut Session,
    profile: Option<&str>,
    action: CacheAction,
) -> Result<(), CommandError> {
    let store = session.store().map_err(|message| CommandError {
        message,
        code: EXIT_IO,
    })?;
    let failed = |err: crate::directory::StoreError| CommandError {
        message: err.to_string(),
        code: EXIT_IO,
    };
    let mut out = String::new();
    match action {
        CacheAction::Info => {
            let size: u64 = ["", "-wal"]
                .iter()
                .filter_map(|suffix| {
                    std::fs::metadata(format!("{}{suffix}", store.path().display())).ok()
                })
                .map(|meta| meta.len())
                .sum();
            let _ = writeln!(out, "file      {}", store.path().display());
            let _ = writeln!(out, "size      {} KB", thousands(size.div_ceil(1024)));
            let directories = store.info().map_err(failed)?;
            let users: u64 = directories.iter().map(|directory| directory.users).sum();
            let _ = writeln!(out, "users     {}", thousands(users));
            out.push_str("\nprofiles\n");
            if directories.is_empty() {
                out.push_str("  (none stored)\n");
            }
            let now = unix_now();
            for directory in directories {
                let _ = writeln!(
                    out,
                    "  {:<24} {:<8} {:>10} users  {}",
                    directory.profile,
                    directory.provider,
                    thousands(directory.users),
                    age_since(directory.synced_at, now)
                );
            }
        }
        CacheAction::Clear => {
            let removed = store.clear(profile).map_err(failed)?;
            let _ = writeln!(
                out,
                "forgot {} stored users{}",
                thousands(removed as u64),
                profile
                    .map(|name| format!(" of {name}"))
                    .unwrap_or_default()
            );
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}
