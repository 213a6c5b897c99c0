//! Every list pages through every user once, and a million users are served at both ends.

use std::collections::HashSet;

use serde_json::Value;
use userscope::sandbox::FaultPlan;

use crate::{auth, client, get, get_json, start};
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
