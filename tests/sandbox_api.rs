//! The sandbox over real HTTP: determinism, auth bodies, paging, a million users, the request log.

// Tests may unwrap (the project allows it in tests; helper fns here are outside #[test]).
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;

use reqwest::header::HeaderMap;
use serde_json::Value;
use userscope::sandbox::{FaultPlan, Sandbox, SandboxConfig, generate};

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
async fn wrong_credentials_get_each_providers_401_body() {
    let sandbox = start(50, 42).await;
    let client = client();
    let url = |api: &str, path: &str| format!("{}{path}", sandbox.base_url(api));

    let missing = client.get(url("zoo", "/org/members")).send().await.unwrap();
    assert_eq!(missing.status(), 401);
    assert!(missing.headers().contains_key("x-api-call-id"));
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["error_code"], "auth_token_missing");
    assert!(body["message"].is_string() && body["request_id"].is_string());
    let wrong: Value = client
        .get(url("zoo", "/org/members"))
        .bearer_auth("nope")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(wrong["error_code"], "auth_token_invalid");

    let mut zooza = auth("zooza");
    zooza.insert("x-zooza-company", "other".parse().unwrap());
    let response = client
        .get(url("zooza", "/user"))
        .headers(zooza)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "unauthorized");
    assert!(body["error_log_raw"][0]["val"].is_string());

    let response = client
        .get(url("quip", "/1/admin/users/x?company_id=SBXcompany1"))
        .bearer_auth("nope")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert!(response.headers().contains_key("x-ratelimit-reset"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], true);
    assert!(body["error_description"].is_string());
    let (status, _, _) = get(&sandbox, "quip", "/1/admin/users/x").await;
    assert_eq!(status, 400, "company_id is required");
    let (status, _, _) = get(&sandbox, "quip", "/1/admin/users/x?company_id=SBXcompany2").await;
    assert_eq!(status, 403);
    let response = client
        .get(url("quip-scim", "/Users"))
        .bearer_auth("sandbox-quip-token")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401, "SCIM takes its own token");

    let response = client
        .get(url("scanova", "/multi-users/"))
        .header("authorization", "Bearer sk_sandbox_scanova")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["detail"], "Invalid API key.");
}

fn collect_ids(items: &Value, key: &str, seen: &mut HashSet<String>) -> usize {
    let items = items.as_array().unwrap();
    for item in items {
        assert!(
            seen.insert(item[key].to_string()),
            "duplicate {}",
            item[key]
        );
    }
    items.len()
}

#[tokio::test]
async fn every_list_pages_through_every_user_once() {
    let sandbox = start(200, 42).await;
    for list in ["/org/members", "/users"] {
        let (mut seen, mut token) = (HashSet::new(), None::<String>);
        loop {
            let path = match &token {
                Some(token) => format!("{list}?limit=37&page_token={token}"),
                None => format!("{list}?limit=37"),
            };
            let page = get_json(&sandbox, "zoo", &path).await;
            assert!(collect_ids(&page["items"], "id", &mut seen) <= 37);
            match page["next_page"].as_str() {
                Some(next) => token = Some(next.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen.len(), 200, "{list}");
    }
    let mut by_role = 0;
    for role in ["admin", "member", "service_account"] {
        let page = get_json(
            &sandbox,
            "zoo",
            &format!("/org/members?limit=1000&role={role}"),
        )
        .await;
        for item in page["items"].as_array().unwrap() {
            assert_eq!(item["role"], role);
        }
        by_role += page["items"].as_array().unwrap().len();
    }
    assert_eq!(by_role, 200);

    let mut seen = HashSet::new();
    for page in 0..7 {
        let body = get_json(
            &sandbox,
            "zooza",
            &format!("/users?page={page}&page_size=30"),
        )
        .await;
        assert_eq!(body["total"], 200);
        assert_eq!(body["page"], page);
        collect_ids(&body["data"], "id", &mut seen);
    }
    assert_eq!(seen.len(), 200);
    let owners = get_json(&sandbox, "zooza", "/users?roles=owner&page_size=200").await;
    assert_eq!(owners["total"], 1);
    assert_eq!(owners["data"][0]["id"], 1000);
    let staff = get_json(
        &sandbox,
        "zooza",
        "/users?roles=owner|member|assistant|inactive&page_size=200",
    )
    .await;
    assert_eq!(staff["total"], 200);

    let mut seen = HashSet::new();
    let mut start_index = 1;
    loop {
        let body = get_json(
            &sandbox,
            "quip-scim",
            &format!("/Users?startIndex={start_index}&count=60"),
        )
        .await;
        assert_eq!(body["totalResults"], 200);
        let got = collect_ids(&body["Resources"], "id", &mut seen);
        if got == 0 {
            break;
        }
        start_index += got;
    }
    assert_eq!(seen.len(), 200);

    for drf_urls in [false, true] {
        sandbox.set_faults(FaultPlan {
            drf_urls,
            ..FaultPlan::default()
        });
        let mut seen = HashSet::new();
        let mut path = "/multi-users/?page=1".to_owned();
        loop {
            let page = get_json(&sandbox, "scanova", &path).await;
            assert_eq!(page["count"], 200);
            assert!(collect_ids(&page["results"], "id", &mut seen) <= 20);
            path = match &page["next"] {
                Value::Null => break,
                Value::Number(number) => format!("/multi-users/?page={number}"),
                Value::String(url) => {
                    assert!(drf_urls);
                    url.split("/scanova").nth(1).unwrap().to_owned()
                }
                other => panic!("next is {other}"),
            };
        }
        assert_eq!(seen.len(), 200);
        assert!(seen.contains("0"), "the owner is listed");
    }
}

#[tokio::test]
async fn a_million_users_are_served_at_both_ends() {
    let sandbox = start(1_000_000, 42).await;
    let last = get_json(
        &sandbox,
        "zoo",
        "/org/members?limit=1&sort_by=created_at_descending",
    )
    .await;
    let last = &last["items"][0];
    assert!(
        last["id"].as_str().unwrap().ends_with("0000000f423f"),
        "index 999,999 is embedded"
    );
    for id in [
        last["id"].as_str().unwrap(),
        last["email"].as_str().unwrap(),
    ] {
        let details = get_json(&sandbox, "zoo", &format!("/users/{id}/admin/details")).await;
        assert!(details["payment_methods"].is_array());
        let profile = get_json(&sandbox, "zoo", &format!("/users/{id}")).await;
        assert_eq!(profile["id"], last["id"]);
    }
    let first = get_json(&sandbox, "zoo", "/org/members?limit=1000").await;
    assert_eq!(first["items"].as_array().unwrap().len(), 1000);

    let team = get_json(&sandbox, "zooza", "/users?page=4999&page_size=200").await;
    assert_eq!(team["total"], 1_000_000);
    assert_eq!(
        team["data"].as_array().unwrap().last().unwrap()["id"],
        1_000_999
    );
    let email = team["data"].as_array().unwrap().last().unwrap()["email"]
        .as_str()
        .unwrap()
        .to_owned();
    let found = get_json(
        &sandbox,
        "zooza",
        &format!(
            "/registrations?advanced_search=1&distinct=1&user={}",
            &email[..email.find('@').unwrap()]
        ),
    )
    .await;
    assert_eq!(found["results"][0]["user_id"], 1_000_999);
    let mut own = auth("zooza");
    own.insert(
        "x-zooza-token",
        "sandbox-zooza-token-1000999".parse().unwrap(),
    );
    let record: Value = client()
        .get(format!("{}/user", sandbox.base_url("zooza")))
        .headers(own)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(record["user"]["id"], 1_000_999);

    let scim = get_json(&sandbox, "quip-scim", "/Users?startIndex=999951&count=100").await;
    let resources = scim["Resources"].as_array().unwrap();
    assert_eq!(resources.len(), 50);
    let user_name = resources[49]["userName"].as_str().unwrap();
    let filtered = get_json(
        &sandbox,
        "quip-scim",
        &format!("/Users?filter=userName%20eq%20%22{user_name}%22"),
    )
    .await;
    assert_eq!(filtered["totalResults"], 1);
    let id = resources[49]["id"].as_str().unwrap();
    let user = get_json(
        &sandbox,
        "quip",
        &format!("/1/admin/users/{id}?company_id=SBXcompany1&threads_meta=true"),
    )
    .await;
    assert_eq!(user["id"], id);
    let bulk = get_json(
        &sandbox,
        "quip",
        &format!("/1/users/?ids={id},{user_name},nobody@example.com"),
    )
    .await;
    assert_eq!(bulk[id]["id"], id);
    assert_eq!(bulk[user_name]["id"], id);
    assert!(bulk["nobody@example.com"].is_string());

    let page = get_json(&sandbox, "scanova", "/multi-users/?page=50000").await;
    assert_eq!(page["next"], Value::Null);
    assert_eq!(page["previous"], 49_999);
    assert_eq!(page["results"][19]["id"], 999_999);
    let detail = get_json(&sandbox, "scanova", "/multi-users/999999/").await;
    assert_eq!(detail["id"], 999_999);
    let (status, _, body) = get(&sandbox, "scanova", "/multi-users/1000000/").await;
    assert_eq!(status, 404);
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap()["detail"],
        "Not found."
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

#[tokio::test]
async fn records_have_the_documented_shapes_and_special_indices() {
    let sandbox = start(200, 42).await;
    // Scanova without the trailing slash: Django's 301.
    let (status, headers, _) = get(&sandbox, "scanova", "/multi-users/5").await;
    assert_eq!(status, 301);
    assert_eq!(headers["location"], "/scanova/multi-users/5/");

    let owner = get_json(&sandbox, "scanova", "/multi-users/0/").await;
    assert_eq!(owner["access_level"]["name"], "OWNER");
    assert_eq!(owner["shared_user"]["is_shared"], false);
    assert!(owner["access_level"]["permissions"][0]["code"].is_string());
    assert!(owner["created"].as_str().unwrap().ends_with("+05:30"));

    let zooza = get_json(&sandbox, "zooza", "/user").await;
    assert_eq!(zooza["user"]["id"], 1000);
    assert_eq!(zooza["user"]["role"], "owner");
    assert!(zooza["user"]["user_fields"]["3rd_party"].is_boolean());
    assert!(zooza["discounts"].as_array().unwrap().len() >= 24);
    let attendance_states: HashSet<&str> = zooza["discounts"]
        .as_array()
        .unwrap()
        .iter()
        .chain(zooza["free_events"].as_array().unwrap())
        .flat_map(|credit| credit["attendance"].as_array().unwrap())
        .map(|row| row["attendance"].as_str().unwrap())
        .collect();
    assert_eq!(
        attendance_states.len(),
        9,
        "every attendance state: {attendance_states:?}"
    );

    // Index 7: hostile (CSI) everywhere; index 182: the null kind; index 13: odd JSON.
    assert_eq!(
        generate::hostile_kind(182),
        Some(generate::HostileKind::Nulls)
    );
    let members = get_json(&sandbox, "zoo", "/org/members?limit=200").await;
    assert!(
        members["items"][7]["name"]
            .as_str()
            .unwrap()
            .contains('\u{1b}')
    );
    assert!(members["items"][182]["name"].is_null());
    let id13 = members["items"][13]["id"].as_str().unwrap();
    let (_, _, raw) = get(&sandbox, "zoo", &format!("/users/{id13}/admin/details")).await;
    let raw = String::from_utf8(raw).unwrap();
    assert!(raw.starts_with("{\"stripe_customer_id\""));
    assert!(raw.contains("123456789012345678901234567890") && raw.contains("1.0e3"));

    let blocks: HashSet<String> = futures::future::join_all((0..200).map(|index| {
        let id = members["items"][index]["id"].as_str().unwrap().to_owned();
        let sandbox = &sandbox;
        async move {
            get_json(sandbox, "zoo", &format!("/users/{id}/admin/details")).await["block"]
                .to_string()
        }
    }))
    .await
    .into_iter()
    .collect();
    for block in [
        "null",
        "\"missing_payment_method\"",
        "\"admin\"",
        "\"fraud_review\"",
        "\"chargeback_hold\"",
    ] {
        assert!(blocks.contains(block), "{block} in {blocks:?}");
    }
}
