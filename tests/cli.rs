//! The built binary end to end: `list`, `get`, `info` and `sandbox` on the built-in sandbox profiles
//! and on config files, each run with private HOME and XDG directories. Failures must be exactly one
//! `userscope: ` line on stderr, nothing on stdout, no panic and no secret.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use userscope::sandbox::{Sandbox, SandboxConfig};

const PROFILES: [&str; 4] = [
    "sandbox-zoo",
    "sandbox-zooza",
    "sandbox-quip",
    "sandbox-scanova",
];

/// The first odd-JSON index (`generate::has_odd_json`): a big integer, `1.0e3`, keys out of order.
const ODD_JSON_INDEX: usize = 13;

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

fn keys(value: &Value) -> Vec<String> {
    value
        .as_object()
        .expect("a JSON object")
        .keys()
        .cloned()
        .collect()
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

/// The CLI's in-process sandbox and one started here must make the same bytes.
fn cli_default_sandbox() -> SandboxConfig {
    let config = SandboxConfig::default();
    // `--sandbox-users` and `--sandbox-seed` default to 200 and 42 (src/cli.rs).
    assert_eq!((config.users, config.seed), (200, 42));
    config
}

/// The direct GET of `path` on the in-test sandbox, checked to carry the odd JSON.
async fn odd_json_body(sandbox: &Sandbox, api: &str, path: &str, auth: &str) -> Vec<u8> {
    let url = format!("{}{path}", sandbox.base_url(api));
    let (status, body) = get_bytes(&url, &[("authorization", auth)]).await;
    assert_eq!(status, 200, "{url}: {}", text(&body));
    let body_text = text(&body);
    assert!(body_text.contains("1.0e3"), "{body_text}");
    assert!(
        body_text.contains("123456789012345678901234567890"),
        "{body_text}"
    );
    assert!(body_text.contains("x_sandbox_future_field"), "{body_text}");
    body
}

async fn zoo_odd_user(sandbox: &Sandbox) -> String {
    let url = format!("{}/org/members?limit=20", sandbox.base_url("zoo"));
    let (status, body) = get_bytes(&url, &[("authorization", "Bearer sandbox-zoo-token")]).await;
    assert_eq!(status, 200);
    let page: Value = serde_json::from_slice(&body).unwrap();
    // Ascending creation order is index order.
    page["items"][ODD_JSON_INDEX]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_raw_writes_the_servers_bytes_exactly() {
    let sandbox = start_sandbox(cli_default_sandbox()).await;
    let home = Home::new();

    let zoo_id = zoo_odd_user(&sandbox).await;
    let zoo_body = odd_json_body(
        &sandbox,
        "zoo",
        &format!("/users/{zoo_id}/admin/details"),
        "Bearer sandbox-zoo-token",
    )
    .await;
    // Keys out of alphabetical order: stripe_customer_id comes first on odd-JSON records.
    assert!(
        zoo_body.starts_with(b"{\"stripe_customer_id\""),
        "{}",
        text(&zoo_body)
    );
    let output = home
        .run(&["get", "--profile", "sandbox-zoo", &zoo_id, "--raw"])
        .await;
    succeeded(&output, "zoo get --raw");
    assert!(
        output.stdout == zoo_body,
        "zoo: {}\n!=\n{}",
        text(&output.stdout),
        text(&zoo_body)
    );

    let scanova_id = ODD_JSON_INDEX.to_string();
    let scanova_body = odd_json_body(
        &sandbox,
        "scanova",
        &format!("/multi-users/{scanova_id}/"),
        "sk_sandbox_scanova",
    )
    .await;
    let output = home
        .run(&["get", "--profile", "sandbox-scanova", &scanova_id, "--raw"])
        .await;
    succeeded(&output, "scanova get --raw");
    assert!(
        output.stdout == scanova_body,
        "scanova: {}\n!=\n{}",
        text(&output.stdout),
        text(&scanova_body)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_json_keeps_the_servers_key_order() {
    let sandbox = start_sandbox(cli_default_sandbox()).await;
    let home = Home::new();
    let zoo_id = zoo_odd_user(&sandbox).await;
    let cases = [
        (
            "sandbox-scanova",
            ODD_JSON_INDEX.to_string(),
            "scanova",
            format!("/multi-users/{ODD_JSON_INDEX}/"),
            "sk_sandbox_scanova",
        ),
        (
            "sandbox-zoo",
            zoo_id.clone(),
            "zoo",
            format!("/users/{zoo_id}/admin/details"),
            "Bearer sandbox-zoo-token",
        ),
    ];
    for (profile, id, api, path, auth) in cases {
        let raw: Value =
            serde_json::from_slice(&odd_json_body(&sandbox, api, &path, auth).await).unwrap();
        let output = home
            .run(&["get", "--profile", profile, &id, "--json"])
            .await;
        succeeded(&output, profile);
        let json: Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|err| panic!("{profile}: not JSON ({err}): {}", text(&output.stdout)));
        // A record made of several bodies (Zoo: admin details and profile) is an object keyed by
        // body label, the primary body first; a one-body record is that body.
        let primary = if keys(&json) == keys(&raw) {
            &json
        } else {
            let first = keys(&json).into_iter().next().unwrap();
            &json[first.as_str()]
        };
        assert_eq!(keys(primary), keys(&raw), "{profile}");
        assert_eq!(
            keys(&primary["x_sandbox_future_field"]),
            ["zeta", "big", "sci", "alpha", "empty"],
            "{profile}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_print_one_line_and_nothing_else() {
    let home = Home::new();
    let closed_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let unset = "USERSCOPE_CLI_TEST_NEVER_SET";
    let syntax = home.path("syntax.toml");
    std::fs::write(&syntax, "[profiles.broken\nprovider = \"zoo\"\n").unwrap();
    let secret_in_file = home.path("secret.toml");
    std::fs::write(
        &secret_in_file,
        "[profiles.p]\nprovider = \"zoo\"\ntoken = \"file-secret-456\"\n",
    )
    .unwrap();
    let profiles = home.path("profiles.toml");
    std::fs::write(
        &profiles,
        format!(
            r#"
[profiles.unset-env]
provider = "zoo"
base_url = "http://127.0.0.1:9/zoo"
token_env = "{unset}"

[profiles.closed-port]
provider = "zoo"
base_url = "http://127.0.0.1:{closed_port}/zoo"
token_env = "USERSCOPE_CLI_TEST_TOKEN"

[profiles.plain-http]
provider = "zoo"
base_url = "http://example.com/zoo"
token_env = "USERSCOPE_CLI_TEST_TOKEN"
"#
        ),
    )
    .unwrap();
    let syntax = syntax.to_str().unwrap();
    let secret_in_file = secret_in_file.to_str().unwrap();
    let profiles = profiles.to_str().unwrap();
    // (what, argv, a fragment the line must hold, the exit code: 2 config, 1 remote).
    let cases: [(&str, Vec<&str>, &str, Option<i32>); 8] = [
        (
            "unknown profile",
            vec!["list", "-p", "no-such-profile"],
            "no-such-profile",
            Some(2),
        ),
        (
            "config syntax error",
            vec!["--config", syntax, "list"],
            "syntax.toml",
            Some(2),
        ),
        (
            "secret in the file",
            vec!["--config", secret_in_file, "list", "-p", "p"],
            "token_env",
            Some(2),
        ),
        (
            "token_env unset",
            vec!["--config", profiles, "list", "-p", "unset-env"],
            unset,
            Some(2),
        ),
        (
            "get of a missing id",
            vec!["get", "-p", "sandbox-zoo", "nobody.0@example.com"],
            "no user nobody.0@example.com",
            Some(1),
        ),
        (
            "get of a missing scanova id",
            vec!["get", "-p", "sandbox-scanova", "99999"],
            "no user 99999",
            Some(1),
        ),
        (
            "connection refused",
            vec!["--config", profiles, "list", "-p", "closed-port"],
            "Connection refused",
            Some(1),
        ),
        // A profile mistake: a config problem by the README's exit codes.
        (
            "plain http off loopback",
            vec!["--config", profiles, "list", "-p", "plain-http"],
            "allow_insecure_http",
            Some(2),
        ),
    ];
    for (what, args, mention, code) in cases {
        let output = home
            .run_with(&args, &[("USERSCOPE_CLI_TEST_TOKEN", "env-secret-789")])
            .await;
        let line = failed_cleanly(&output, what);
        assert_eq!(output.status.code(), code, "{what}: {line}");
        assert!(
            line.contains(mention),
            "{what}: {line:?} should mention {mention:?}"
        );
        for secret in ["file-secret-456", "env-secret-789"] {
            assert!(!line.contains(secret), "{what}: {line:?} leaks a secret");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_is_a_401_that_does_not_echo_the_token() {
    let sandbox = start_sandbox(SandboxConfig::default()).await;
    let home = Home::new();
    let config = home.config(&format!(
        "[profiles.custom-zoo]\nprovider = \"zoo\"\nbase_url = \"{}\"\ntoken_env = \"ZOO_TOKEN\"\nlist_endpoint = \"org-members\"\n",
        sandbox.base_url("zoo")
    ));
    let config = config.to_str().unwrap();
    for args in [
        vec!["--config", config, "list", "-p", "custom-zoo"],
        vec![
            "--config",
            config,
            "get",
            "-p",
            "custom-zoo",
            "nobody.0@example.com",
        ],
    ] {
        let output = home
            .run_with(&args, &[("ZOO_TOKEN", "wrong-secret-123")])
            .await;
        let line = failed_cleanly(&output, "wrong token");
        assert!(line.contains("401"), "{line:?}");
        assert!(!line.contains("wrong-secret-123"), "{line:?}");
    }
    assert!(
        !sandbox.requests().is_empty(),
        "the CLI never reached the sandbox"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn info_shows_paths_and_profiles_but_no_secret() {
    let home = Home::new();
    // No config: the default path (under XDG_CONFIG_HOME) and the built-in profiles.
    let output = home.run(&["info"]).await;
    succeeded(&output, "info");
    let stdout = text(&output.stdout);
    let default_config = home.path("config").join("userscope").join("config.toml");
    assert!(
        stdout.contains(default_config.to_str().unwrap()),
        "{stdout}"
    );
    for profile in PROFILES {
        assert!(
            stdout
                .lines()
                .any(|line| line.contains(profile) && line.contains("[SANDBOX]")),
            "{profile} missing: {stdout}"
        );
    }

    // A config at the default path with secrets named by variables that hold values.
    std::fs::create_dir_all(default_config.parent().unwrap()).unwrap();
    std::fs::write(
        &default_config,
        "[profiles.acme-zoo]\nprovider = \"zoo\"\ntoken_env = \"ACME_ZOO_TOKEN\"\n\n\
         [profiles.acme-zooza]\nprovider = \"zooza\"\napi_key_env = \"ACME_ZOOZA_KEY\"\ntoken_env = \"ACME_ZOOZA_TOKEN\"\ncompany = \"1\"\n",
    )
    .unwrap();
    let secrets = [
        ("ACME_ZOO_TOKEN", "info-secret-zoo-987"),
        ("ACME_ZOOZA_KEY", "info-secret-key-654"),
        ("ACME_ZOOZA_TOKEN", "info-secret-token-321"),
    ];
    let output = home.run_with(&["info"], &secrets).await;
    succeeded(&output, "info with a config");
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(default_config.to_str().unwrap()),
        "{stdout}"
    );
    assert!(
        stdout.contains("acme-zoo") && stdout.contains("ACME_ZOO_TOKEN"),
        "{stdout}"
    );
    for profile in PROFILES {
        assert!(stdout.contains(profile), "{profile} missing: {stdout}");
    }
    for (_, value) in secrets {
        assert!(!stdout.contains(value), "info shows a secret: {stdout}");
        assert!(!text(&output.stderr).contains(value));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_command_serves_a_million_users() {
    let home = Home::new();
    let mut child = home
        .command(&["sandbox", "--addr", "127.0.0.1:0", "--users", "1000000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    // Wait for the banner, with a deadline rather than a fixed sleep.
    let first = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("no banner within 20 s")
        .unwrap()
        .expect("the sandbox exited before its banner");
    // "zoo      http://127.0.0.1:PORT/zoo  Authorization: Bearer …"
    let zoo_base = first
        .split_whitespace()
        .nth(1)
        .filter(|url| url.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("unexpected banner line {first:?}"))
        .to_owned();
    let root = zoo_base.trim_end_matches("/zoo").to_owned();

    let (status, _) = get_bytes(&format!("{root}/scanova/multi-users/"), &[]).await;
    assert_eq!(status, 401, "scanova without a key");

    // The far end of the org-members list: newest first, one item, is user 999,999.
    let zoo_auth = [("authorization", "Bearer sandbox-zoo-token")];
    let (status, body) = get_bytes(
        &format!("{zoo_base}/org/members?limit=1&sort_by=created_at_descending"),
        &zoo_auth,
    )
    .await;
    assert_eq!(status, 200, "{}", text(&body));
    let page: Value = serde_json::from_slice(&body).unwrap();
    let last = &page["items"][0];
    let id = last["id"].as_str().unwrap();
    // Zoo ids end in the index in hex (generate::zoo_uuid); phones end in it in decimal.
    assert!(id.ends_with(&format!("{:012x}", 999_999)), "{id}");
    assert_eq!(last["phone"], "+15550999999");
    for by in [id, last["email"].as_str().unwrap()] {
        let (status, body) = get_bytes(&format!("{zoo_base}/users/{by}"), &zoo_auth).await;
        assert_eq!(status, 200, "{by}: {}", text(&body));
        let user: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(user["id"], id);
        let (status, _) =
            get_bytes(&format!("{zoo_base}/users/{by}/admin/details"), &zoo_auth).await;
        assert_eq!(status, 200, "{by}");
    }
    // And one past the end is not there.
    let (status, _) = get_bytes(
        &format!("{root}/scanova/multi-users/1000000/"),
        &[("authorization", "sk_sandbox_scanova")],
    )
    .await;
    assert_eq!(status, 404);
    let (status, body) = get_bytes(
        &format!("{root}/scanova/multi-users/999999/"),
        &[("authorization", "sk_sandbox_scanova")],
    )
    .await;
    assert_eq!(status, 200, "{}", text(&body));

    child.start_kill().unwrap();
    tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("the sandbox did not stop")
        .unwrap();
}
