//! `userscope audit` end to end on the built binary: report formats, exit codes, `--out`, the
//! `[audit]` config table and the audit trail, each run with private HOME and XDG directories.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;
use tokio::process::Command;
use userscope::sandbox::SandboxCredentials;

/// The fields every report row has.
const FIELDS: [&str; 9] = [
    "profile",
    "provider",
    "user_id",
    "email",
    "rule",
    "severity",
    "path",
    "value",
    "fetched_at",
];

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

    fn trail(&self) -> PathBuf {
        self.path("state")
            .join("userscope")
            .join("audit-trail.jsonl")
    }

    async fn run(&self, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_userscope"));
        command
            .args(["--sandbox-users", "60"])
            .args(args)
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .kill_on_drop(true);
        tokio::time::timeout(Duration::from_secs(60), command.output())
            .await
            .unwrap_or_else(|_| panic!("userscope {args:?} ran over 60 s"))
            .unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn rows(output: &Output) -> Vec<serde_json::Map<String, Value>> {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("not a JSON array: {err}: {}", text(&output.stdout)))
}

#[tokio::test]
async fn json_reports_one_row_per_finding_with_every_field() {
    let home = Home::new();
    let output = home
        .run(&["audit", "-p", "sandbox-scanova", "--format", "json"])
        .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    // stderr is not a terminal here: no progress line, nothing at all.
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
    let rows = rows(&output);
    assert!(!rows.is_empty());
    for row in &rows {
        for field in FIELDS {
            assert!(row.contains_key(field), "{field} missing from {row:?}");
        }
        assert_eq!(row["profile"], "sandbox-scanova");
        assert_eq!(row["provider"], "scanova");
        assert!(row["rule"].as_str().unwrap().starts_with("scanova."));
        assert!(row["path"].as_str().unwrap().starts_with('.'));
    }
    // Every Scanova rule has users to fire on in the sandbox's first 60.
    for rule in [
        "scanova.mfa_off",
        "scanova.mfa_enforced_not_enabled",
        "scanova.invitation_pending",
        "scanova.never_logged_in",
        "scanova.no_login_method",
    ] {
        assert!(rows.iter().any(|row| row["rule"] == rule), "{rule}");
    }
}

#[tokio::test]
async fn csv_and_markdown_have_their_headers() {
    let home = Home::new();
    let output = home
        .run(&["audit", "-p", "sandbox-quip", "--format", "csv"])
        .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let csv = text(&output.stdout);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for field in FIELDS {
        assert!(header.contains(&field), "{field} not in {header:?}");
    }
    assert!(lines.clone().count() > 0);
    assert!(lines.all(|line| line.starts_with("sandbox-quip,quip,")));

    let output = home
        .run(&["audit", "-p", "sandbox-quip", "--format", "markdown"])
        .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let markdown = text(&output.stdout);
    assert!(
        markdown.starts_with("| profile | provider | user_id |"),
        "{markdown}"
    );
    assert!(!markdown.contains('\u{1b}'));
}

#[tokio::test]
async fn fail_on_sets_the_exit_code() {
    let home = Home::new();
    // scanova.mfa_enforced_not_enabled is high.
    let output = home
        .run(&["audit", "-p", "sandbox-scanova", "--fail-on", "high"])
        .await;
    assert_eq!(output.status.code(), Some(1));
    assert!(!rows(&output).is_empty(), "the report is still written");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("at or above high"), "{stderr}");

    let output = home
        .run(&["audit", "-p", "sandbox-scanova", "--fail-on", "CRITICAL"])
        .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));

    let output = home
        .run(&[
            "audit",
            "-p",
            "sandbox-scanova",
            "--rules",
            "scanova.never_logged_in,scanova.mfa_off",
            "--fail-on",
            "high",
        ])
        .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        rows(&output)
            .iter()
            .all(|row| row["rule"] == "scanova.never_logged_in" || row["rule"] == "scanova.mfa_off")
    );

    let output = home
        .run(&["audit", "-p", "sandbox-scanova", "--fail-on", "urgent"])
        .await;
    assert_eq!(output.status.code(), Some(2));
}

#[tokio::test]
async fn out_writes_a_private_file_and_never_overwrites_it() {
    let home = Home::new();
    let out = home.path("report.csv");
    let out_text = out.to_str().unwrap();
    let output = home
        .run(&["audit", "-p", "sandbox-zoo", "-f", "csv", "--out", out_text])
        .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty());
    let written = std::fs::read(&out).unwrap();
    assert!(written.starts_with(b"profile,provider,user_id,email,rule,severity"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let output = home
        .run(&[
            "audit",
            "-p",
            "sandbox-zoo",
            "-f",
            "json",
            "--out",
            out_text,
        ])
        .await;
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(std::fs::read(&out).unwrap(), written, "left as it was");
    let leftovers = std::fs::read_dir(home.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[tokio::test]
async fn the_config_switches_rules_off_and_sets_fail_on() {
    let home = Home::new();
    let config = home.path("config.toml");
    std::fs::write(
        &config,
        "[audit]\ndisabled_rules = [\"quip.disabled\"]\nfail_on = \"low\"\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let output = home
        .run(&["--config", config, "audit", "-p", "sandbox-quip"])
        .await;
    // quip.robot is low: fail_on from the file applies.
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let rows = rows(&output);
    assert!(rows.iter().all(|row| row["rule"] != "quip.disabled"));
    assert!(rows.iter().any(|row| row["rule"] == "quip.robot"));
    // `--fail-on never` overrides the file.
    let output = home
        .run(&[
            "--config",
            config,
            "audit",
            "-p",
            "sandbox-quip",
            "--fail-on",
            "never",
        ])
        .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));

    std::fs::write(
        home.path("config.toml"),
        "[audit]\ndisabled_rules = [\"quip.robott\"]\n",
    )
    .unwrap();
    let output = home
        .run(&["--config", config, "audit", "-p", "sandbox-quip"])
        .await;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("quip.robott"));
    assert!(output.stdout.is_empty());
}

#[tokio::test]
async fn the_trail_records_runs_and_reports_but_no_secret_or_content() {
    let home = Home::new();
    for profile in ["sandbox-zooza", "sandbox-scanova"] {
        let output = home.run(&["audit", "-p", profile]).await;
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    }
    let trail = std::fs::read_to_string(home.trail()).unwrap();
    let entries: Vec<serde_json::Map<String, Value>> = trail
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let actions: Vec<&str> = entries
        .iter()
        .map(|entry| entry["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "audit_run_started",
            "audit_run_finished",
            "audit_report",
            "audit_run_started",
            "audit_run_finished",
            "audit_report"
        ]
    );
    for entry in &entries {
        assert!(entry["time"].as_str().unwrap().ends_with('Z'));
        assert!(entry["profile"].as_str().unwrap().starts_with("sandbox-"));
        for key in entry.keys() {
            assert!(["time", "profile", "user_id", "action"].contains(&key.as_str()));
        }
    }
    let credentials = SandboxCredentials::default();
    for secret in [
        &credentials.zoo_token,
        &credentials.zooza_api_key,
        &credentials.zooza_token,
        &credentials.quip_token,
        &credentials.quip_scim_token,
        &credentials.scanova_key,
    ] {
        assert!(!trail.contains(secret.as_str()), "{secret} in the trail");
    }
    assert!(
        !trail.contains('@'),
        "no e-mail (record content) in the trail"
    );
}

#[tokio::test]
async fn list_rules_names_every_rule() {
    let home = Home::new();
    let output = home.run(&["audit", "--list-rules"]).await;
    assert_eq!(output.status.code(), Some(0));
    let listing = text(&output.stdout);
    for rule in [
        "zoo.blocked",
        "zooza.noshows",
        "quip.robot",
        "scanova.mfa_off",
    ] {
        assert!(listing.contains(rule), "{rule}");
    }
}
