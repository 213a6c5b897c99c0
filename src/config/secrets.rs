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
mod tests {
    use super::*;

    #[test]
    fn reads_a_command_and_never_quotes_the_value_in_errors() {
        let argv = vec!["printf".to_owned(), "  s3cret-value \n".to_owned()];
        let secret = resolve_secret(None, Some(&argv)).unwrap().unwrap();
        assert_eq!(secret.expose(), "s3cret-value");
        let failing = vec!["false".to_owned()];
        assert!(
            resolve_secret(None, Some(&failing))
                .unwrap_err()
                .contains("false failed")
        );
        assert!(resolve_secret(None, None).unwrap().is_none());
    }

    #[test]
    fn names_a_missing_variable() {
        let err = resolve_secret(Some("USERSCOPE_TEST_SURELY_UNSET_VAR"), None).unwrap_err();
        assert!(err.contains("USERSCOPE_TEST_SURELY_UNSET_VAR"));
    }
}
