//! `info` shows paths and profiles but no secret; the `sandbox` command serves a million users.

use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::{Home, PROFILES, get_bytes, succeeded, text};

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
