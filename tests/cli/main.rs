//! The built binary end to end: `list`, `get`, `info` and `sandbox` on the built-in sandbox profiles
//! and on config files, each run with private HOME and XDG directories. Failures must be exactly one
//! `userscope: ` line on stderr, nothing on stdout, no panic and no secret.
//!
//! Here: the private home, the checks every run ends with, and `list`; `get`, the failures, and
//! `info` with the `sandbox` command each have a module.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod failures;
mod get;
mod info_and_sandbox;

use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;
use tokio::process::Command;
use userscope::sandbox::{Sandbox, SandboxConfig};

const PROFILES: [&str; 4] = [
    "sandbox-zoo",
    "sandbox-zooza",
    "sandbox-quip",
    "sandbox-scanova",
];

/// A private home: HOME and the XDG directories all under one temporary directory.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    /// Writes a config file and returns its path.
    fn config(&self, text: &str) -> PathBuf {
        let path = self.path("config.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_userscope"));
        command
            .args(args)
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("RUST_BACKTRACE", "1")
            .env_remove("NO_COLOR")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .kill_on_drop(true);
        command
    }

    async fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[]).await
    }

    async fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = self.command(args);
        for (name, value) in env {
            command.env(name, value);
        }
        tokio::time::timeout(Duration::from_secs(30), command.output())
            .await
            .unwrap_or_else(|_| panic!("userscope {args:?} ran over 30 s"))
            .unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn succeeded(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what}: exit {:?}, stderr {}",
        output.status.code(),
        text(&output.stderr)
    );
}

/// A failure the way the README promises: non-zero exit, one `userscope: ` line on stderr, empty
/// stdout, no panic or backtrace. Returns the stderr line.
fn failed_cleanly(output: &Output, what: &str) -> String {
    let stderr = text(&output.stderr);
    assert!(
        !output.status.success(),
        "{what}: should fail; stdout {}",
        text(&output.stdout)
    );
    assert!(
        output.stdout.is_empty(),
        "{what}: stdout {}",
        text(&output.stdout)
    );
    assert_eq!(stderr.lines().count(), 1, "{what}: stderr {stderr:?}");
    assert!(stderr.ends_with('\n'), "{what}: stderr {stderr:?}");
    assert!(
        stderr.starts_with("userscope: "),
        "{what}: stderr {stderr:?}"
    );
    for bad in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(bad), "{what}: stderr {stderr:?}");
    }
    stderr
}

async fn start_sandbox(config: SandboxConfig) -> Sandbox {
    let _ = rustls::crypto::ring::default_provider().install_default();
    Sandbox::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap()
}

async fn get_bytes(url: &str, headers: &[(&str, &str)]) -> (u16, Vec<u8>) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut request = reqwest::Client::new().get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_json_gives_users_with_the_summary_fields() {
    let home = Home::new();
    for profile in PROFILES {
        let output = home
            .run(&["list", "--profile", profile, "--limit", "1000", "--json"])
            .await;
        succeeded(&output, profile);
        let users: Value = serde_json::from_slice(&output.stdout).unwrap();
        let users = users.as_array().expect("a JSON array");
        assert!(users.len() >= 20, "{profile}: {} users", users.len());
        for user in users {
            for key in ["id", "name", "email", "status"] {
                assert!(
                    user.get(key).is_some(),
                    "{profile}: {key} missing in {user}"
                );
            }
            assert!(user["status"].is_array(), "{profile}: {user}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_tables_hold_no_control_characters_even_for_hostile_records() {
    let home = Home::new();
    for profile in PROFILES {
        let output = home
            .run(&[
                "--sandbox-users",
                "200",
                "list",
                "--profile",
                profile,
                "--limit",
                "1000",
            ])
            .await;
        succeeded(&output, profile);
        let table = std::str::from_utf8(&output.stdout).expect("UTF-8 table");
        // Every hostile kind sits below index 200 (generate::hostile_kind), so they are all here.
        assert!(table.lines().count() > 150, "{profile}: too few rows");
        let bad: Vec<(usize, char)> = table
            .char_indices()
            .filter(|&(_, c)| c != '\n' && (c.is_control() || c == '\u{1b}'))
            .collect();
        assert!(bad.is_empty(), "{profile}: control characters {bad:?}");
        // The hostile names arrived and were neutralised, not dropped.
        assert!(
            table.contains('\u{FFFD}'),
            "{profile}: no replaced control in {table}"
        );
    }
}
