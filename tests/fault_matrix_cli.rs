//! The fault matrix (`support/faults.rs`) against the built binary: for every provider and case, a
//! sandbox serving the fault and a config whose profile points at it with test-sized timeouts
//! and secrets of its own; `list` and `get` must fail with exit code 1 and exactly one
//! `userscope: ` line on stderr that says what happened and what to try (no panic, no secret,
//! nothing on stdout), or, for the cases that still make a record, succeed and show it with its
//! JSON notes while `get --raw` writes the server's bytes exactly. Cases run concurrently.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::process::{Output, Stdio};
use std::time::Duration;

use futures::StreamExt as _;
use support::faults::{
    CAP_BYTES, FaultCase, Outcome, READ_TIMEOUT_MS, Setup, TIMEOUT_MS, cases, mentions_panic,
};
use support::{PROVIDERS, set_faults};
use tempfile::TempDir;
use tokio::process::Command;
use userscope::sandbox::{Sandbox, SandboxConfig, SandboxCredentials};

/// Processes at once (each case runs two to four).
const CONCURRENCY: usize = 16;

/// Secrets only this suite uses, so a leak cannot hide behind the sandbox's published ones.
fn credentials() -> SandboxCredentials {
    SandboxCredentials {
        zoo_token: "matrix-zoo-secret-5b1e".into(),
        zooza_api_key: "matrix-zooza-key-secret-77a0".into(),
        zooza_token: "matrix-zooza-token-secret-c3d9".into(),
        zooza_company_id: 4_821,
        quip_token: "matrix-quip-secret-91fe".into(),
        quip_scim_token: "matrix-quip-scim-secret-4a62".into(),
        quip_company_id: "SBXcompany1".into(),
        scanova_key: "matrix-scanova-secret-e810".into(),
    }
}

fn secrets() -> Vec<String> {
    let c = credentials();
    vec![
        c.zoo_token,
        c.zooza_api_key,
        c.zooza_token,
        c.quip_token,
        c.quip_scim_token,
        c.scanova_key,
    ]
}

/// The profile `p` for a provider, pointing at `root` (the sandbox, or a closed port).
fn config(provider: &str, root: &str) -> String {
    let limits = format!(
        "timeout_ms = {TIMEOUT_MS}\nconnect_timeout_ms = 1000\nread_timeout_ms = {READ_TIMEOUT_MS}\nmax_retries = 0\nmax_body_bytes = {CAP_BYTES}\n"
    );
    let specific = match provider {
        "zoo" => format!("base_url = \"{root}/zoo\"\ntoken_env = \"MATRIX_TOKEN\"\n"),
        "zooza" => format!(
            "base_url = \"{root}/zooza/v1\"\napi_key_env = \"MATRIX_API_KEY\"\ntoken_env = \"MATRIX_TOKEN\"\ncompany = \"4821\"\nuser_token_command = [\"echo\", \"{}-{{id}}\"]\n",
            credentials().zooza_token
        ),
        "quip" => format!(
            "base_url = \"{root}/quip\"\nscim_base_url = \"{root}/quip/scim/2\"\ntoken_env = \"MATRIX_TOKEN\"\nscim_token_env = \"MATRIX_SCIM_TOKEN\"\ncompany_id = \"SBXcompany1\"\n"
        ),
        _ => format!("base_url = \"{root}/scanova\"\ntoken_env = \"MATRIX_TOKEN\"\n"),
    };
    format!("[profiles.p]\nprovider = \"{provider}\"\n{specific}{limits}")
}

fn env(provider: &str) -> Vec<(&'static str, String)> {
    let c = credentials();
    match provider {
        "zoo" => vec![("MATRIX_TOKEN", c.zoo_token)],
        "zooza" => vec![
            ("MATRIX_TOKEN", c.zooza_token),
            ("MATRIX_API_KEY", c.zooza_api_key),
        ],
        "quip" => vec![
            ("MATRIX_TOKEN", c.quip_token),
            ("MATRIX_SCIM_TOKEN", c.quip_scim_token),
        ],
        _ => vec![("MATRIX_TOKEN", c.scanova_key)],
    }
}

/// A private home (HOME and XDG dirs) with the config file in it.
struct Home {
    dir: TempDir,
    provider: &'static str,
}

impl Home {
    fn new(provider: &'static str, root: &str) -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), config(provider, root)).unwrap();
        Home { dir, provider }
    }

    async fn run(&self, args: &[&str]) -> Output {
        let path = |sub: &str| self.dir.path().join(sub);
        let mut command = Command::new(env!("CARGO_BIN_EXE_userscope"));
        command
            .arg("--config")
            .arg(path("config.toml"))
            .args(args)
            .env("HOME", path("home"))
            .env("XDG_CONFIG_HOME", path("config"))
            .env("XDG_DATA_HOME", path("data"))
            .env("XDG_STATE_HOME", path("state"))
            .env("RUST_BACKTRACE", "1")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .kill_on_drop(true);
        for (name, value) in env(self.provider) {
            command.env(name, value);
        }
        tokio::time::timeout(Duration::from_secs(60), command.output())
            .await
            .unwrap_or_else(|_| panic!("userscope {args:?} ran over 60 s"))
            .unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The checks every run ends with: no panic, no secret, anywhere.
fn clean(what: &str, output: &Output) -> Result<(), String> {
    let all = format!("{}{}", text(&output.stdout), text(&output.stderr));
    if mentions_panic(&all) {
        return Err(format!("{what}: a panic: {all}"));
    }
    match secrets().into_iter().find(|secret| all.contains(secret)) {
        Some(secret) => Err(format!("{what}: leaked {secret}: {all}")),
        None => Ok(()),
    }
}

/// Exit 1, nothing on stdout, one `userscope: ` line holding both fragments.
fn failed(what: &str, output: &Output, says: &str, hint: &str) -> Result<(), String> {
    clean(what, output)?;
    let stderr = text(&output.stderr);
    let problem = if output.status.code() != Some(1) {
        Some("exit code")
    } else if !output.stdout.is_empty() {
        Some("stdout")
    } else if stderr.lines().count() != 1 || !stderr.starts_with("userscope: ") {
        Some("not one line")
    } else if !stderr.contains(says) {
        Some("does not say what happened")
    } else if !stderr.contains(hint) {
        Some("no hint")
    } else {
        None
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(format!(
            "{what}: {problem} (wanted {says:?} and {hint:?}): exit {:?}, stdout {:?}, stderr {stderr:?}",
            output.status.code(),
            text(&output.stdout)
        )),
    }
}

fn succeeded(what: &str, output: &Output) -> Result<(), String> {
    clean(what, output)?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what}: exit {:?}, stderr {:?}",
            output.status.code(),
            text(&output.stderr)
        ))
    }
}

async fn start_sandbox() -> Sandbox {
    let config = SandboxConfig {
        users: 40,
        credentials: credentials(),
        ..SandboxConfig::default()
    };
    Sandbox::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap()
}

async fn run_case(provider: &'static str, case: FaultCase) -> Result<(), String> {
    let what = |command: &str| format!("{provider} {command}: {}", case.name);
    let sandbox = start_sandbox().await;
    let in_process = support::build(&support::profile(&sandbox, provider));
    let id = in_process.list_users(None, 5).await.unwrap().users[0]
        .id
        .clone();
    let root = match case.setup {
        Setup::Fault(spec) => {
            set_faults(&sandbox, spec);
            format!("http://{}", sandbox.addr())
        }
        Setup::ConnectionRefused => {
            let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let port = closed.local_addr().unwrap().port();
            drop(closed);
            format!("http://127.0.0.1:{port}")
        }
    };
    let home = Home::new(provider, &root);
    let list = home.run(&["list", "-p", "p"]).await;
    let get = home.run(&["get", "-p", "p", &id]).await;
    match case.outcome {
        Outcome::Fails {
            says,
            record_says,
            hint,
            record_hint,
        } => {
            failed(&what("list"), &list, says, hint)?;
            failed(&what("get"), &get, record_says, record_hint)?;
            if case.setup == Setup::Fault("deep=100000") {
                // The hint's way out works: `--raw` needs no parsing.
                let raw = home.run(&["get", "-p", "p", &id, "--raw"]).await;
                clean(&what("get --raw"), &raw)?;
                let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
                if !raw.status.success() || raw.stdout != deep.as_bytes() {
                    return Err(format!(
                        "{}: exit {:?}, {} bytes",
                        what("get --raw"),
                        raw.status.code(),
                        raw.stdout.len()
                    ));
                }
            }
        }
        Outcome::Opens { shows } => {
            succeeded(&what("list"), &list)?;
            succeeded(&what("get"), &get)?;
            let shown = text(&get.stdout);
            let notes_shown = shown.contains("JSON notes") && shown.contains(shows);
            if !shows.is_empty() && !notes_shown {
                return Err(format!("{}: no {shows:?} in {shown}", what("get")));
            }
            // The record's bytes as the server sent them (the sandbox is deterministic).
            let expected = in_process.fetch_record(&id).await.unwrap();
            let raw = home.run(&["get", "-p", "p", &id, "--raw"]).await;
            succeeded(&what("get --raw"), &raw)?;
            if raw.stdout != expected.raw() {
                return Err(format!("{}: not the server's bytes", what("get --raw")));
            }
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_case_fails_in_one_clear_line_or_opens_the_record() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let cases = cases();
    let jobs: Vec<(&'static str, FaultCase)> = PROVIDERS
        .iter()
        .flat_map(|provider| cases.iter().map(move |case| (*provider, case.clone())))
        .collect();
    let total = jobs.len();
    let failures: Vec<String> = futures::stream::iter(jobs)
        .map(|(provider, case)| run_case(provider, case))
        .buffer_unordered(CONCURRENCY)
        .filter_map(|result| async move { result.err() })
        .collect()
        .await;
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_fault_flag_reaches_the_built_in_profiles() {
    let home = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_userscope"))
        .args(["--sandbox-fault", "status=401", "list", "-p", "sandbox-zoo"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .stdin(Stdio::null())
        .output()
        .await
        .unwrap();
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("HTTP 401"), "{stderr}");
    let output = Command::new(env!("CARGO_BIN_EXE_userscope"))
        .args(["--sandbox-fault", "explode", "list", "-p", "sandbox-zoo"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdin(Stdio::null())
        .output()
        .await
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("bad --sandbox-fault"));
}
