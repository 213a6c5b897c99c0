//! Failures print exactly one `userscope: ` line on stderr and nothing on stdout, with no panic
//! and no secret; a wrong token is a 401 that does not echo the token.

use userscope::sandbox::SandboxConfig;

use crate::{Home, failed_cleanly, start_sandbox};
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

/// A throttled request retried to success: stderr piped (a log, cron) says nothing of the
/// wait, which only a terminal sees counted down; stdout holds the users alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wait_a_server_asks_for_is_not_said_to_a_pipe() {
    let home = Home::new();
    let output = home
        .run(&[
            "--profile",
            "sandbox-zoo",
            "--sandbox-users",
            "20",
            "--sandbox-fault",
            "storm=1:1",
            "list",
            "--limit",
            "3",
        ])
        .await;
    crate::succeeded(&output, "list under a 429 storm");
    let stderr = crate::text(&output.stderr);
    assert!(!stderr.contains("server answered"), "{stderr}");
    assert_eq!(
        crate::text(&output.stdout).lines().count(),
        4,
        "a header and three users"
    );
}
