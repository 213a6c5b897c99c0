//! Quip's SCIM list of only what changed (issue 18): the sandbox serves RFC 7644's
//! `filter=meta.lastModified gt "<time>"` over its deterministic change times and refuses other
//! filters with 400 `invalidFilter`; the provider asks with that filter, pages through the
//! answer, and reads a 400 as "this server cannot list changes" (`Unsupported`), which a
//! refresh answers with a full sync. Providers without such a list say so without a request.

#![allow(clippy::unwrap_used)]

mod support;

use chrono::{DateTime, Utc};
use support::{build, get_with_headers, list_all, profile, set_faults, start};
use userscope::provider::ProviderError;
use userscope::sandbox_clock::SANDBOX_NOW_EPOCH_SECS;

/// Two days before the sandbox's fixed "now": every 50th user (index % 50 == 7) changed since.
fn two_days_before_now() -> DateTime<Utc> {
    DateTime::from_timestamp(SANDBOX_NOW_EPOCH_SECS - 2 * 86_400, 0).unwrap()
}

fn scim_auth() -> [(&'static str, String); 1] {
    [("authorization", "Bearer sandbox-quip-scim-token".to_owned())]
}

fn encoded(filter: &str) -> String {
    url::form_urlencoded::byte_serialize(filter.as_bytes()).collect()
}

#[tokio::test]
async fn the_sandbox_filters_by_last_modified_and_refuses_other_filters_in_scims_shape() {
    let sandbox = start(200).await;
    let since = "2026-05-30T00:00:00Z";
    let path = format!(
        "/Users?count=1000&filter={}",
        encoded(&format!("meta.lastModified gt \"{since}\""))
    );
    let (status, body) = get_with_headers(&sandbox, "quip-scim", &path, &scim_auth()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["totalResults"], 4);
    let resources = body["Resources"].as_array().unwrap();
    assert_eq!(resources.len(), 4);
    for user in resources {
        let modified = user["meta"]["lastModified"].as_str().unwrap();
        assert!(modified > since, "{modified}");
        assert!(user["meta"]["created"].as_str().unwrap() < modified);
    }
    // Every user's change time is after its creation, the recent ones included.
    let (_, everyone) =
        get_with_headers(&sandbox, "quip-scim", "/Users?count=200", &scim_auth()).await;
    for user in everyone["Resources"].as_array().unwrap() {
        assert!(user["meta"]["created"].as_str() < user["meta"]["lastModified"].as_str());
    }

    for unsupported in [
        "name.familyName co \"x\"",
        "meta.lastModified gt \"last week\"",
    ] {
        let path = format!("/Users?filter={}", encoded(unsupported));
        let (status, body) = get_with_headers(&sandbox, "quip-scim", &path, &scim_auth()).await;
        assert_eq!(status, 400, "{unsupported}");
        assert_eq!(
            body["schemas"][0],
            "urn:ietf:params:scim:api:messages:2.0:Error"
        );
        assert_eq!(body["scimType"], "invalidFilter");
        assert_eq!(body["status"], "400");
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("meta.lastModified")
        );
    }
}

#[tokio::test]
async fn quip_lists_only_the_users_changed_since_a_time_page_by_page() {
    let sandbox = start(200).await;
    let provider = build(&profile(&sandbox, "quip"));
    let everyone = list_all(provider.as_ref()).await;
    let expected: Vec<&str> = [7, 57, 107, 157]
        .iter()
        .map(|&index| everyone[index].id.as_str())
        .collect();

    let mut changed = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let page = provider
            .list_users_changed_since(two_days_before_now(), cursor.as_deref(), 3)
            .await
            .unwrap();
        assert_eq!(page.total, Some(4));
        changed.extend(page.users);
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let ids: Vec<&str> = changed.iter().map(|user| user.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(changed[0], everyone[7]);

    let future = DateTime::from_timestamp(SANDBOX_NOW_EPOCH_SECS, 0).unwrap();
    let none = provider
        .list_users_changed_since(future, None, 100)
        .await
        .unwrap();
    assert!(none.users.is_empty());
    assert_eq!(none.next, None);
}

#[tokio::test]
async fn a_server_that_refuses_the_filter_is_one_that_cannot_list_changes() {
    let sandbox = start(20).await;
    let provider = build(&profile(&sandbox, "quip"));
    set_faults(&sandbox, "status=400,scope=/quip/scim/");
    let err = provider
        .list_users_changed_since(two_days_before_now(), None, 100)
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported(_)), "{err:?}");
    assert!(err.to_string().contains("meta.lastModified"), "{err}");
    assert!(userscope::model::FetchError::from(err).unsupported);
    // The plain list still fails as any 400 does: only the changes have a way around it.
    let err = provider.list_users(None, 100).await.unwrap_err();
    assert!(!matches!(err, ProviderError::Unsupported(_)), "{err:?}");
}

#[tokio::test]
async fn providers_without_a_list_of_changes_say_so_without_asking() {
    let sandbox = start(20).await;
    for name in ["zoo", "zooza", "scanova"] {
        let provider = build(&profile(&sandbox, name));
        let before = sandbox.requests().len();
        let err = provider
            .list_users_changed_since(two_days_before_now(), None, 100)
            .await
            .unwrap_err();
        assert!(
            matches!(err, ProviderError::Unsupported(_)),
            "{name}: {err:?}"
        );
        assert_eq!(sandbox.requests().len(), before, "{name} sent a request");
    }
}
