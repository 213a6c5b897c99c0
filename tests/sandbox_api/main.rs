//! The sandbox over real HTTP: determinism, auth bodies, paging, a million users, the request log.
//!
//! Here: the helpers, determinism and the request log; auth bodies and record shapes are in
//! `bodies`, paging and a million users in `paging`.

// Tests may unwrap (the project allows it in tests; helper fns here are outside #[test]).
#![allow(clippy::unwrap_used)]

mod bodies;
mod paging;

use reqwest::header::HeaderMap;
use serde_json::Value;
use userscope::sandbox::{Sandbox, SandboxConfig};

async fn start(users: u64, seed: u64) -> Sandbox {
    let config = SandboxConfig {
        users,
        seed,
        ..SandboxConfig::default()
    };
    Sandbox::start("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap()
}

thread_local! {
    /// One client per test (each test runs on its own thread and runtime): building a client loads
    /// the TLS roots, which costs tens of milliseconds in a debug build.
    static CLIENT: reqwest::Client = {
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    };
}

fn client() -> reqwest::Client {
    CLIENT.with(Clone::clone)
}

/// The headers each provider wants, for the sandbox's default credentials.
fn auth(api: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let mut set = |name: &'static str, value: &str| {
        headers.insert(name, value.parse().unwrap());
    };
    match api {
        "zoo" => set("authorization", "Bearer sandbox-zoo-token"),
        "zooza" => {
            set("x-zooza-api-key", "sandbox-zooza-key");
            set("x-zooza-token", "sandbox-zooza-token");
            set("x-zooza-company", "77");
        }
        "quip" => set("authorization", "Bearer sandbox-quip-token"),
        "quip-scim" => set("authorization", "Bearer sandbox-quip-scim-token"),
        "scanova" => set("authorization", "sk_sandbox_scanova"),
        _ => {}
    }
    headers
}

async fn get(sandbox: &Sandbox, api: &str, path: &str) -> (u16, HeaderMap, Vec<u8>) {
    let response = client()
        .get(format!("{}{path}", sandbox.base_url(api)))
        .headers(auth(api))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

async fn get_json(sandbox: &Sandbox, api: &str, path: &str) -> Value {
    let (status, _, body) = get(sandbox, api, path).await;
    assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).unwrap()
}

const SAMPLE_PATHS: [(&str, &str); 10] = [
    ("zoo", "/org/members?limit=30"),
    ("zoo", "/users?limit=30"),
    ("zooza", "/user"),
    ("zooza", "/users?page=1&page_size=25"),
    (
        "zooza",
        "/registrations?advanced_search=1&distinct=1&user=a",
    ),
    ("zooza", "/user/1013/orders"),
    ("quip-scim", "/Users?startIndex=1&count=40"),
    ("scanova", "/multi-users/?page=2"),
    ("scanova", "/multi-users/13/"),
    ("quip", "/1/users/?ids=nobody@example.com"),
];

#[tokio::test]
async fn same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let (one, two, other) = (
        start(200, 42).await,
        start(200, 42).await,
        start(200, 7).await,
    );
    for (api, path) in SAMPLE_PATHS {
        let (_, _, first) = get(&one, api, path).await;
        let (_, _, second) = get(&two, api, path).await;
        assert!(first == second, "{api}{path} differs between two servers");
    }
    // Detail routes: ids come from the lists, which are themselves deterministic.
    let members = get_json(&one, "zoo", "/org/members?limit=20").await;
    for item in members["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        for path in [format!("/users/{id}/admin/details"), format!("/users/{id}")] {
            assert_eq!(
                get(&one, "zoo", &path).await.2,
                get(&two, "zoo", &path).await.2
            );
        }
    }
    let scim = get_json(&one, "quip-scim", "/Users?count=20").await;
    for resource in scim["Resources"].as_array().unwrap() {
        let path = format!(
            "/1/admin/users/{}?company_id=SBXcompany1",
            resource["id"].as_str().unwrap()
        );
        assert_eq!(
            get(&one, "quip", &path).await.2,
            get(&two, "quip", &path).await.2
        );
    }
    assert_ne!(
        get(&one, "zooza", "/user").await.2,
        get(&other, "zooza", "/user").await.2
    );
}

#[tokio::test]
async fn the_request_log_records_methods_and_non_gets_get_405() {
    let sandbox = start(20, 42).await;
    let client = client();
    let response = client
        .post(format!("{}/multi-users/", sandbox.base_url("scanova")))
        .headers(auth("scanova"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["detail"], "Method \"POST\" not allowed.");
    let response = client
        .delete(format!("{}/users/x/admin/details", sandbox.base_url("zoo")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert!(response.headers().contains_key("x-api-call-id"));
    get_json(&sandbox, "zooza", "/user").await;
    let log = sandbox.requests();
    let methods: Vec<&str> = log.iter().map(|request| request.method.as_str()).collect();
    assert_eq!(methods, ["POST", "DELETE", "GET"]);
    assert_eq!(log[0].path, "/scanova/multi-users/");
    assert_eq!(log[2].path, "/zooza/v1/user");
    assert_eq!(log[2].query, None);
}
