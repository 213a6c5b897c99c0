//! Each fault kind of the sandbox, observed over real HTTP, run-wide and per request.

// Tests may unwrap (the project allows it in tests; helper fns here are outside #[test]).
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use serde_json::Value;
use userscope::sandbox::{FaultPlan, Sandbox, SandboxConfig};

async fn start() -> Sandbox {
    let config = SandboxConfig {
        users: 50,
        ..SandboxConfig::default()
    };
    Sandbox::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap()
}

fn client(follow_redirects: bool) -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let policy = if follow_redirects {
        reqwest::redirect::Policy::limited(5)
    } else {
        reqwest::redirect::Policy::none()
    };
    reqwest::Client::builder().redirect(policy).build().unwrap()
}

/// A request for the owner's Zooza record (a large body), with a per-request fault spec.
fn zooza(client: &reqwest::Client, sandbox: &Sandbox, spec: &str) -> reqwest::RequestBuilder {
    let request = client
        .get(format!("{}/user", sandbox.base_url("zooza")))
        .header("x-zooza-api-key", "sandbox-zooza-key")
        .header("x-zooza-token", "sandbox-zooza-token")
        .header("x-zooza-company", "77");
    if spec.is_empty() {
        request
    } else {
        request.header("x-sandbox-fault", spec)
    }
}

fn zoo(
    client: &reqwest::Client,
    sandbox: &Sandbox,
    path_and_query: &str,
) -> reqwest::RequestBuilder {
    client
        .get(format!("{}{path_and_query}", sandbox.base_url("zoo")))
        .bearer_auth("sandbox-zoo-token")
}

#[tokio::test]
async fn status_faults_carry_the_providers_body_or_none() {
    let (sandbox, client) = (start().await, client(false));
    let response = zooza(&client, &sandbox, "status=503").send().await.unwrap();
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert!(body["message"].is_string() && body["error"].is_string());

    let response = zoo(&client, &sandbox, "/org/members?sandbox_fault=status%3D500")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 500);
    assert!(response.headers().contains_key("x-api-call-id"));
    let body: Value = response.json().await.unwrap();
    assert!(body["request_id"].is_string());

    let response = zooza(&client, &sandbox, "status=502:empty")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 502);
    assert!(response.bytes().await.unwrap().is_empty());
    let response = zooza(&client, &sandbox, "status=504:bare")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 504);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );

    let response = zooza(&client, &sandbox, "explode").send().await.unwrap();
    assert_eq!(response.status(), 400, "a bad spec is refused, not ignored");
}

#[tokio::test]
async fn body_faults_break_the_body_in_each_documented_way() {
    let (sandbox, client) = (start().await, client(false));
    let intact = zooza(&client, &sandbox, "")
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(serde_json::from_slice::<Value>(&intact).is_ok());

    let malformed = zooza(&client, &sandbox, "malformed").send().await.unwrap();
    assert_eq!(malformed.status(), 200);
    assert!(serde_json::from_slice::<Value>(&malformed.bytes().await.unwrap()).is_err());

    let truncated = zooza(&client, &sandbox, "truncated").send().await.unwrap();
    let declared = truncated.content_length().unwrap();
    let body = truncated.bytes().await.unwrap();
    assert_eq!(
        declared,
        body.len() as u64,
        "Content-Length matches the short body"
    );
    assert!(body.len() < intact.len());
    assert!(serde_json::from_slice::<Value>(&body).is_err());

    let cut = zooza(&client, &sandbox, "cut").send().await.unwrap();
    assert_eq!(cut.status(), 200);
    assert!(cut.bytes().await.is_err(), "the connection drops mid-body");

    let html = zooza(&client, &sandbox, "html").send().await.unwrap();
    assert!(
        html.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html.text().await.unwrap().contains("<html>"));

    let empty = zooza(&client, &sandbox, "empty").send().await.unwrap();
    assert_eq!(empty.status(), 200);
    assert!(empty.bytes().await.unwrap().is_empty());

    let error = zoo(&client, &sandbox, "/org/members")
        .header("x-sandbox-fault", "error200")
        .send()
        .await
        .unwrap();
    assert_eq!(error.status(), 200);
    let body: Value = error.json().await.unwrap();
    assert!(body["message"].is_string() && body.get("items").is_none());

    let huge = zooza(&client, &sandbox, "huge=3000000")
        .send()
        .await
        .unwrap();
    let body = huge.bytes().await.unwrap();
    assert_eq!(body.len(), 3_000_000);
    assert!(serde_json::from_slice::<Value>(&body).is_ok());
}

#[tokio::test]
async fn stalls_and_latency_hold_the_answer_back() {
    let (sandbox, client) = (start().await, client(false));
    let stalled = zooza(&client, &sandbox, "stall=30000")
        .send()
        .await
        .unwrap();
    assert_eq!(stalled.status(), 200, "headers arrive at once");
    let body = tokio::time::timeout(Duration::from_millis(300), stalled.bytes()).await;
    assert!(body.is_err(), "the body hangs");

    let slow = zooza(&client, &sandbox, "latency=30000")
        .timeout(Duration::from_millis(200))
        .send()
        .await;
    assert!(slow.unwrap_err().is_timeout());
}

#[tokio::test]
async fn storms_and_rate_limits_answer_429_then_recover() {
    let (sandbox, client) = (start().await, client(false));
    sandbox.set_faults("storm=2:7".parse().unwrap());
    for _ in 0..2 {
        let response = zoo(&client, &sandbox, "/org/members?limit=1")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers()["retry-after"], "7");
    }
    let response = zoo(&client, &sandbox, "/org/members?limit=1")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    // Quip's two throttling styles under a rate limit.
    sandbox.set_faults("rate=2,scope=/quip/".parse().unwrap());
    let mut statuses = Vec::new();
    for _ in 0..8 {
        let response = client
            .get(format!("{}/1/users/?ids=x", sandbox.base_url("quip")))
            .bearer_auth("sandbox-quip-token")
            .send()
            .await
            .unwrap();
        let reset: u64 = response.headers()["x-ratelimit-reset"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        statuses.push((response.status().as_u16(), reset));
    }
    assert!(
        statuses
            .iter()
            .any(|&(status, reset)| status == 503 && reset > 1_700_000_000),
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .any(|&(status, reset)| status == 429 && reset == 0),
        "{statuses:?}"
    );
    let response = zoo(&client, &sandbox, "/org/members?limit=1")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "out of scope");

    sandbox.set_faults(FaultPlan::default());
    let response = client
        .get(format!("{}/1/users/?ids=x", sandbox.base_url("quip")))
        .bearer_auth("sandbox-quip-token")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("x-ratelimit-remaining"));
}

#[tokio::test]
async fn a_redirect_loop_exhausts_the_client_and_scope_limits_faults() {
    let (sandbox, client) = (start().await, client(true));
    let looped = zooza(&client, &sandbox, "redirect").send().await;
    assert!(looped.unwrap_err().is_redirect());

    sandbox.set_faults("status=500,scope=/scanova/".parse().unwrap());
    let response = zooza(&client, &sandbox, "").send().await.unwrap();
    assert_eq!(response.status(), 200);
    let response = client
        .get(format!("{}/multi-users/", sandbox.base_url("scanova")))
        .header("authorization", "sk_sandbox_scanova")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 500);
    let body: Value = response.json().await.unwrap();
    assert!(body["detail"].is_string());
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|request| request.method == "GET")
    );
}
