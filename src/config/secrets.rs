//! Fetching a secret from the environment or from a command's output.

use std::process::{Command, Stdio};

use crate::secret::Secret;

/// The secret named by `env` or printed by `command` (first that is set); `Ok(None)` if neither
/// is configured. Errors name the variable or program, never a value.
pub fn resolve_secret(
    env: Option<&str>,
    command: Option<&[String]>,
) -> Result<Option<Secret>, String> {
    if let Some(variable) = env {
        return match std::env::var(variable) {
            Ok(value) if !value.trim().is_empty() => Ok(Some(Secret::new(value.trim()))),
            Ok(_) => Err(format!("environment variable {variable} is empty")),
            Err(_) => Err(format!("environment variable {variable} is not set")),
        };
    }
    let Some(argv) = command else { return Ok(None) };
    let Some((program, args)) = argv.split_first() else {
        return Err("the secret command is empty".to_owned());
    };
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|err| format!("cannot run {program}: {err}"))?;
    if !output.status.success() {
        return Err(format!("{program} failed ({})", output.status));
    }
    let value = String::from_utf8(output.stdout)
        .map_err(|_| format!("{program} printed something that is not UTF-8"))?;
    let value = value.trim();
    if value.is_empty() {
        return Err(format!("{program} printed nothing"));
    }
    Ok(Some(Secret::new(value)))
}

#[cfg(test)]
mod tests;
