//! `userscope info`: where the files are and which profiles exist, with no secret.

use std::fmt::Write as _;
use std::io::Write;

use super::CommandError;
use crate::session::Session;

pub fn run(session: &Session) -> Result<(), CommandError> {
    let paths = &session.paths;
    let config_state = if session.config.is_some() {
        ""
    } else {
        " (absent: the built-in sandbox profiles are used)"
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "config file  {}{config_state}",
        paths.config_file.display()
    );
    let _ = writeln!(out, "data dir     {}", paths.data_dir.display());
    let _ = writeln!(out, "exports      {}", paths.exports_dir().display());
    let _ = writeln!(out, "state dir    {}", paths.state_dir.display());
    let _ = writeln!(
        out,
        "log file     {}",
        crate::logging::log_file(&paths.state_dir).display()
    );
    let _ = writeln!(out, "themes dir   {}", paths.themes_dir.display());
    let _ = writeln!(
        out,
        "directory    {}{}",
        paths.directory_store().display(),
        if session.config.as_ref().and_then(|config| config.cache) == Some(false) {
            " (off: cache = false)"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "colours      {}",
        crate::theme::Colors::of_this_terminal().describe()
    );
    out.push_str("\nprofiles\n");
    for listing in session.profiles() {
        let marker = if listing.is_sandbox {
            "  [SANDBOX]"
        } else {
            ""
        };
        let sources = session
            .config
            .as_ref()
            .and_then(|config| config.profiles.get(&listing.name))
            .map(secret_sources)
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<24} {:<8}{marker}{sources}",
            listing.name, listing.provider
        );
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// Where a profile's secrets come from (variable names and programs, never values).
fn secret_sources(profile: &crate::config::ProfileConfig) -> String {
    let mut parts = Vec::new();
    for (key, env, command) in [
        ("token", &profile.token_env, &profile.token_command),
        ("api_key", &profile.api_key_env, &profile.api_key_command),
        (
            "scim_token",
            &profile.scim_token_env,
            &profile.scim_token_command,
        ),
    ] {
        if let Some(variable) = env {
            parts.push(format!("{key} from ${variable}"));
        } else if let Some(program) = command.as_ref().and_then(|argv| argv.first()) {
            parts.push(format!("{key} from `{program} …`"));
        }
    }
    if let Some(base) = &profile.base_url {
        parts.insert(0, base.clone());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("  {}", parts.join(", "))
    }
}
