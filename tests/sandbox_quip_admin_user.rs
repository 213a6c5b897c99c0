//! Quip's Admin "Get a user" (seed 002) over the sandbox: `threads_meta` slims the threads and
//! leaves the contacts out, but the user (affinity, folders, the rest) is the same answer; and
//! `shared_thread_id` lets an admin see an external member of a shared thread, restricted to the
//! name, e-mails, company and id the docs list, while others stay denied.

// The helper below sits outside #[test] functions, where clippy.toml's test allowance does
// not reach.
#![allow(clippy::unwrap_used)]

mod support;

use serde_json::Value;
use support::{get_with_headers as get, start};
use userscope::sandbox::Sandbox;

fn quip_admin(sandbox: &Sandbox) -> Vec<(&'static str, String)> {
    vec![(
        "authorization",
        format!("Bearer {}", sandbox.credentials().quip_token),
    )]
}

fn quip_user_path(sandbox: &Sandbox, id: &str, options: &str) -> String {
    format!(
        "/1/admin/users/{id}?company_id={}{options}",
        sandbox.credentials().quip_company_id
    )
}

#[tokio::test]
async fn quip_slim_mode_changes_the_threads_and_nothing_else() {
    let sandbox = start(20).await;
    let auth = quip_admin(&sandbox);
    // Index 5 is one of the users with hundreds of threads.
    for index in 0..20 {
        let (status, scim) = get(
            &sandbox,
            "quip-scim",
            &format!("/Users?startIndex={}&count=1", index + 1),
            &[(
                "authorization",
                format!("Bearer {}", sandbox.credentials().quip_scim_token),
            )],
        )
        .await;
        assert_eq!(status, 200);
        let id = scim["Resources"][0]["id"].as_str().unwrap().to_owned();
        for sort in ["", "&sort_by=title&sort_order=desc"] {
            let (full_status, full) = get(
                &sandbox,
                "quip",
                &quip_user_path(&sandbox, &id, sort),
                &auth,
            )
            .await;
            let slim_options = format!("&threads_meta=true{sort}");
            let (slim_status, slim) = get(
                &sandbox,
                "quip",
                &quip_user_path(&sandbox, &id, &slim_options),
                &auth,
            )
            .await;
            assert_eq!((full_status, slim_status), (200, 200), "{id}");
            let (mut full, mut slim) = (full, slim);
            let full_threads = full.as_object_mut().unwrap().remove("threads").unwrap();
            let slim_threads = slim.as_object_mut().unwrap().remove("threads").unwrap();
            assert_eq!(full, slim, "{id}{sort}: the user differs between the modes");
            // Slim: the same threads, each only its update time, link and deleted flag.
            let full_threads = full_threads["threads"].as_object().unwrap();
            let slim_threads = slim_threads.as_object().unwrap();
            assert_eq!(
                full_threads.keys().collect::<Vec<_>>(),
                slim_threads.keys().collect::<Vec<_>>()
            );
            for (thread_id, meta) in slim_threads {
                let thread = &full_threads[thread_id]["thread"];
                assert_eq!(meta["updated_usec"], thread["updated_usec"]);
                assert_eq!(meta["link"], thread["link"]);
                assert_eq!(meta["is_deleted"], thread["is_deleted"]);
            }
        }
    }
}

/// The first thread of the sandbox's users that has an external member, and that member.
async fn shared_thread_and_external_member(
    sandbox: &Sandbox,
    auth: &[(&str, String)],
) -> (String, String, String) {
    let (_, scim) = get(
        sandbox,
        "quip-scim",
        "/Users?count=100",
        &[(
            "authorization",
            format!("Bearer {}", sandbox.credentials().quip_scim_token),
        )],
    )
    .await;
    for user in scim["Resources"].as_array().unwrap() {
        let id = user["id"].as_str().unwrap();
        let (_, body) = get(sandbox, "quip", &quip_user_path(sandbox, id, ""), auth).await;
        for (thread_id, wrapper) in body["threads"]["threads"].as_object().unwrap() {
            let members: Vec<&str> = wrapper["user_ids"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            for member in members {
                let (status, _) =
                    get(sandbox, "quip", &quip_user_path(sandbox, member, ""), auth).await;
                if status == 403 {
                    return (id.to_owned(), thread_id.clone(), member.to_owned());
                }
            }
        }
    }
    panic!("no thread with an external member");
}

#[tokio::test]
async fn quip_shared_thread_id_shows_an_external_member_restricted() {
    let sandbox = start(60).await;
    let auth = quip_admin(&sandbox);
    let (internal, thread, external) = shared_thread_and_external_member(&sandbox, &auth).await;

    // Through the thread the external user shares: name, e-mails, company and id, no more.
    let through = format!("&shared_thread_id={thread}");
    let (status, restricted) = get(
        &sandbox,
        "quip",
        &quip_user_path(&sandbox, &external, &through),
        &auth,
    )
    .await;
    assert_eq!(status, 200, "{restricted}");
    let mut keys: Vec<&str> = restricted
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["company_id", "emails", "id", "name"]);
    assert_eq!(restricted["id"].as_str(), Some(external.as_str()));
    assert_ne!(
        restricted["company_id"].as_str(),
        Some(sandbox.credentials().quip_company_id.as_str()),
        "an external user is of another company"
    );

    // Through another thread, or none, the external user stays denied.
    let (_, owner) = get(
        &sandbox,
        "quip",
        &quip_user_path(&sandbox, &internal, ""),
        &auth,
    )
    .await;
    let other = owner["threads"]["threads"]
        .as_object()
        .unwrap()
        .keys()
        .find(|id| **id != thread)
        .cloned();
    if let Some(other) = other {
        let (status, _) = get(
            &sandbox,
            "quip",
            &quip_user_path(&sandbox, &external, &format!("&shared_thread_id={other}")),
            &auth,
        )
        .await;
        assert_eq!(status, 403);
    }

    // A user of the admin's company is answered in full whatever thread is named.
    let (status, full) = get(
        &sandbox,
        "quip",
        &quip_user_path(&sandbox, &internal, &through),
        &auth,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(full, owner);
}
