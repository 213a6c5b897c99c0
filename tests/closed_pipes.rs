//! The built binary writing into a pipe its reader has already closed (`| head -1`): the command
//! ends quietly with exit 0, as ripgrep and fd do, and never panics on a failed write to stderr.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// Runs `userscope args` in a private home with stdout closed before it starts: every write to
/// stdout fails with a broken pipe, whenever it comes. With `stderr_too`, stderr is the same
/// closed pipe (`2>&1 | head`); otherwise it is captured.
fn run_into_closed_pipe(args: &[&str], stderr_too: bool) -> Output {
    let home = TempDir::new().unwrap();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let stderr = if stderr_too {
        Stdio::from(writer.try_clone().unwrap())
    } else {
        Stdio::piped()
    };
    Command::new(env!("CARGO_BIN_EXE_userscope"))
        .args(args)
        .env("HOME", home.path().join("home"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::from(writer))
        .stderr(stderr)
        .output()
        .unwrap()
}

fn assert_quiet_success(output: &Output, what: &str) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{what}: stderr {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{what}: stderr {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn get_with_stderr_on_the_closed_pipe_exits_zero_without_a_panic() {
    // `2>&1 | head -1`: the error line about stdout would go to the same closed pipe.
    let output = run_into_closed_pipe(&["get", "-p", "sandbox-zooza", "1000"], true);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn get_into_a_closed_pipe_says_nothing() {
    let output = run_into_closed_pipe(&["get", "-p", "sandbox-zooza", "1000"], false);
    assert_quiet_success(&output, "get");
}

#[test]
fn audit_list_and_info_into_a_closed_pipe_say_nothing() {
    let commands: [&[&str]; 5] = [
        &[
            "--sandbox-users",
            "50",
            "audit",
            "-p",
            "sandbox-zoo",
            "-f",
            "csv",
        ],
        &["audit", "--list-rules"],
        &["list", "-p", "sandbox-quip"],
        &["list", "-p", "sandbox-zoo", "--json"],
        &["info"],
    ];
    for args in commands {
        let output = run_into_closed_pipe(args, false);
        assert_quiet_success(&output, &args.join(" "));
    }
}

#[test]
fn a_failure_whose_stderr_is_closed_still_exits_with_its_code() {
    // Nothing can be said, but the exit code still tells a script what happened.
    let output = run_into_closed_pipe(&["get", "-p", "no-such-profile", "1"], true);
    assert_eq!(output.status.code(), Some(2));
}
