//! `userscope who` and `audit --all-profiles` against the built binary and its in-process
//! sandbox, with a private home: one person's accounts in all four providers, the same answer in
//! any case, an unknown address, one provider failing (a fault on its path only) while the
//! others still answer, and one report over every profile.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// The built binary with HOME and the XDG directories under `home`.
fn userscope(home: &TempDir, args: &[&str]) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_userscope"));
    for (name, sub) in [
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ] {
        command.env(name, home.path().join(sub));
    }
    command
        .args(args)
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "{err}: stdout {:?}, stderr {:?}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The address of the sandbox's first user in Zoo: the organisation's owner, who (by the
/// generator's rule for person 0) holds an account in every provider.
fn owner_email(home: &TempDir) -> String {
    let listed = json(&userscope(
        home,
        &[
            "--sandbox-users",
            "60",
            "list",
            "-p",
            "sandbox-zoo",
            "-n",
            "1",
            "--json",
        ],
    ));
    listed[0]["email"].as_str().unwrap().to_owned()
}

fn providers(accounts: &Value) -> Vec<String> {
    let mut names: Vec<String> = accounts
        .as_array()
        .unwrap()
        .iter()
        .map(|account| account["provider"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn who_finds_one_person_in_every_provider_in_any_case() {
    let home = tempfile::tempdir().unwrap();
    let email = owner_email(&home);
    let output = userscope(
        &home,
        &[
            "--sandbox-users",
            "60",
            "who",
            &email.to_uppercase(),
            "--json",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let accounts = json(&output);
    assert_eq!(providers(&accounts), ["quip", "scanova", "zoo", "zooza"]);
    for account in accounts.as_array().unwrap() {
        assert_eq!(
            account["email"].as_str().unwrap().to_lowercase(),
            email.to_lowercase()
        );
        assert!(account["active"].is_boolean());
        assert!(account["findings"].is_object());
        assert_eq!(account["match"], "certain");
    }
    let trail = std::fs::read_to_string(home.path().join("state/userscope/audit-trail.jsonl"))
        .unwrap_or_default();
    assert_eq!(trail.matches("\"action\":\"who\"").count(), 4, "{trail}");
}

#[test]
fn an_unknown_address_is_an_empty_array_and_success() {
    let home = tempfile::tempdir().unwrap();
    let output = userscope(
        &home,
        &[
            "--sandbox-users",
            "60",
            "who",
            "nobody@nowhere.invalid",
            "--json",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(json(&output), serde_json::json!([]));
}

#[test]
fn a_failing_provider_is_named_and_the_others_still_answer() {
    let home = tempfile::tempdir().unwrap();
    let email = owner_email(&home);
    let output = userscope(
        &home,
        &[
            "--sandbox-users",
            "60",
            "--sandbox-fault",
            "status=401,scope=/quip/",
            "who",
            &email,
            "--json",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "incomplete is never 0");
    assert_eq!(providers(&json(&output)), ["scanova", "zoo", "zooza"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not search sandbox-quip"), "{stderr}");
    assert!(stderr.contains("401"), "{stderr}");
    assert!(!stderr.contains("sandbox-zoo:"), "{stderr}");
}

#[test]
fn fail_if_active_fails_only_when_an_account_is_active() {
    let home = tempfile::tempdir().unwrap();
    let email = owner_email(&home);
    let checked = userscope(
        &home,
        &[
            "--sandbox-users",
            "60",
            "who",
            &email,
            "--json",
            "--fail-if-active",
        ],
    );
    let any_active = json(&checked)
        .as_array()
        .unwrap()
        .iter()
        .any(|account| account["active"] == true);
    assert_eq!(checked.status.code(), Some(i32::from(any_active)));
    let nobody = userscope(
        &home,
        &[
            "--sandbox-users",
            "60",
            "who",
            "nobody@nowhere.invalid",
            "--fail-if-active",
        ],
    );
    assert!(nobody.status.success(), "{nobody:?}");
}

#[test]
fn an_audit_over_every_profile_keeps_profile_and_provider_and_adds_the_person() {
    let home = tempfile::tempdir().unwrap();
    let output = userscope(
        &home,
        &[
            "--sandbox-users",
            "30",
            "audit",
            "--all-profiles",
            "--format",
            "json",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let rows = json(&output);
    let mut seen: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["provider"].as_str().unwrap())
        .collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, ["quip", "scanova", "zoo", "zooza"]);
    for row in rows.as_array().unwrap() {
        assert!(row["profile"].as_str().unwrap().starts_with("sandbox-"));
        assert_eq!(
            row["person"].as_str().unwrap(),
            row["email"].as_str().unwrap().trim().to_lowercase()
        );
    }
    let markdown = userscope(
        &home,
        &[
            "--sandbox-users",
            "30",
            "audit",
            "--all-profiles",
            "--format",
            "markdown",
        ],
    );
    let text = String::from_utf8_lossy(&markdown.stdout);
    let summary = text
        .split("## People in two or more providers")
        .nth(1)
        .unwrap();
    assert!(
        summary.contains("| zoo, zooza, quip, scanova |"),
        "{summary}"
    );
}

/// `--out` over every profile as over one: written whole, said on stderr, never overwritten.
#[test]
fn an_audit_over_every_profile_writes_its_report_file_as_one_profile_does() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("report.json");
    let args = [
        "--sandbox-users",
        "30",
        "audit",
        "--all-profiles",
        "--out",
        out.to_str().unwrap(),
    ];
    let written = userscope(&home, &args);
    assert!(written.status.success(), "{written:?}");
    let stderr = String::from_utf8_lossy(&written.stderr);
    assert!(
        stderr.contains(&format!("wrote {}", out.display())),
        "{stderr}"
    );
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(report.contains("\"person\""), "{report}");
    let again = userscope(&home, &args);
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), report);
}
