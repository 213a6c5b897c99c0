//! `get --raw` writes the server's bytes exactly and `get --json` keeps the server's key order,
//! on a record with odd JSON (a big integer, `1.0e3`, keys out of order).

use serde_json::Value;
use userscope::sandbox::{Sandbox, SandboxConfig};

use crate::{Home, get_bytes, start_sandbox, succeeded, text};

/// The first odd-JSON index (`generate::has_odd_json`): a big integer, `1.0e3`, keys out of order.
const ODD_JSON_INDEX: usize = 13;

fn keys(value: &Value) -> Vec<String> {
    value
        .as_object()
        .expect("a JSON object")
        .keys()
        .cloned()
        .collect()
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
