//! What the sandbox answers: each provider's 401 body for wrong credentials, and records with
//! the documented shapes and special indices.

use std::collections::HashSet;

use serde_json::Value;
use userscope::sandbox::generate;

use crate::{auth, client, get, get_json, start};
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
