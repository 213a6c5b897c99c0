//! The per-provider paths: Zoo's list fallback and lookups, Zooza's tokens and search, Quip's
//! SCIM, threads and lookups, Scanova's URL `next` and `/shared-user/`.

use userscope::config::{Profile, SecretKind};
use userscope::http::HttpError;
use userscope::provider::ProviderError;
use userscope::provider::quip::threads_of;
use userscope::secret::Secret;

use crate::USERS;
use crate::support::{
    assert_one_line_with_hint, assert_only_gets, assert_unique_ids, build, direct_get, list_all,
    profile, set_faults, start,
};
#[tokio::test]
async fn zoo_auto_falls_back_to_org_members_and_finds_by_uuid_and_email() {
    let sandbox = start(USERS).await;
    let mut config = profile(&sandbox, "zoo");
    config.config.list_endpoint = Some("auto".to_owned());
    let zoo = build(&config);
    let direct = list_all(zoo.as_ref()).await;
    for status in [404, 405] {
        set_faults(&sandbox, &format!("status={status},scope=/zoo/users"));
        let before = sandbox.requests().len();
        let members = list_all(zoo.as_ref()).await;
        assert_eq!(members.len() as u64, USERS, "after {status}");
        assert_unique_ids("zoo org members", &members);
        let requests = &sandbox.requests()[before..];
        assert_eq!(requests[0].path, "/zoo/users", "{status}");
        assert_eq!(requests[1].path, "/zoo/org/members", "{status}");
        assert!(
            requests[2..].iter().all(|r| r.path == "/zoo/org/members"),
            "later pages stay on /org/members: {requests:?}"
        );
    }
    set_faults(&sandbox, "none");

    let user = &direct[direct.len() / 3];
    let by_uuid = zoo.search_users(&user.id).await.unwrap();
    assert_eq!(by_uuid.len(), 1);
    assert_eq!(by_uuid[0].id, user.id);
    assert!(!user.email.is_empty());
    let by_email = zoo.search_users(&user.email).await.unwrap();
    assert_eq!(by_email.len(), 1);
    assert_eq!(by_email[0].id, user.id);
    // Unknown: an empty result, not an error; a name: Zoo cannot search it.
    let nobody = zoo.search_users("nobody@nowhere.example").await.unwrap();
    assert!(nobody.is_empty());
    let err = zoo.search_users("Ana").await.unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported(_)), "{err:?}");
    assert_one_line_with_hint(&err, "neither");
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn zooza_records_by_user_token_owner_and_activity_and_search_by_name() {
    let sandbox = start(USERS).await;
    let zooza = build(&profile(&sandbox, "zooza"));
    let users = list_all(zooza.as_ref()).await;

    // Per-user token: the full `/user` record, credits with events and attendance.
    let mut with_attendance = None;
    for user in users.iter().skip(1).take(20) {
        let record = zooza.fetch_record(&user.id).await.unwrap();
        assert_eq!(record.bodies[0].path, "/user");
        assert_eq!(
            record.json.pointer("/user/id").map(ToString::to_string),
            Some(user.id.clone()),
        );
        // The credits of a body this size are read in place from its bytes (`model::lists`).
        let with_events_and_attendance = record.lists().items("discounts").any(|credit| {
            credit
                .get("events")
                .is_some_and(|e| e.items().next().is_some())
                && credit
                    .get("attendance")
                    .is_some_and(|a| a.items().next().is_some())
        });
        if with_events_and_attendance {
            with_attendance = Some(record);
            break;
        }
    }
    let record = with_attendance.expect("a user with discounts carrying events and attendance");
    // Its credits overview is built when it is shown: the explorer maps it then.
    assert!(record.deferred);
    let record = userscope::provider::deferred::map_in_full(&record).expect("it maps in full");
    let labels: Vec<&str> = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| field.label.as_str())
        .collect();
    assert!(
        labels.iter().any(|label| label.contains(" event ")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|label| label.contains(" attendance ")),
        "{labels:?}"
    );

    // Without per-user tokens: the owner through `/user`, anyone else through their activity.
    let mut config = profile(&sandbox, "zooza");
    config = Profile::sandbox(
        "zooza-owner-only",
        config.config.clone(),
        [
            (
                SecretKind::ApiKey,
                Secret::new(&sandbox.credentials().zooza_api_key),
            ),
            (
                SecretKind::Token,
                Secret::new(&sandbox.credentials().zooza_token),
            ),
        ],
        None,
    );
    let owner_only = build(&config);
    let owner = &users[0];
    let record = owner_only.fetch_record(&owner.id).await.unwrap();
    assert_eq!(record.bodies[0].path, "/user");
    assert_eq!(record.summary.id, owner.id);
    let other = &users[5];
    let record = owner_only.fetch_record(&other.id).await.unwrap();
    assert_eq!(
        record.bodies[0].path,
        format!("/user/{}/registrations", other.id)
    );
    let direct = direct_get(&sandbox, "zooza", &record.bodies[0].path, &[], None).await;
    assert!(record.raw() == direct.as_slice());

    // Search by a fragment of a plain name.
    let user = users
        .iter()
        .skip(1)
        .find(|user| {
            user.name.len() > 6
                && user
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ' ')
        })
        .expect("a user with a plain name");
    let last = user.name.split(' ').next_back().unwrap();
    let fragment = last[..last.len().min(4)].to_lowercase();
    let found = zooza.search_users(&fragment).await.unwrap();
    assert!(
        found.iter().any(|found| found.id == user.id),
        "{fragment:?} did not find {} ({}): {found:?}",
        user.id,
        user.name
    );
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn zooza_an_unknown_id_is_no_such_user_and_a_wrong_key_stays_an_auth_failure() {
    let sandbox = start(USERS).await;
    let zooza = build(&profile(&sandbox, "zooza"));
    // The unknown user's token is refused (401) as a real server refuses one: that is not an
    // auth failure of the profile.
    let err = zooza.fetch_record("999999").await.unwrap_err();
    assert!(
        matches!(&err, ProviderError::NotFound { id, .. } if id == "999999"),
        "{err:?}"
    );
    assert!(
        err.one_line().starts_with("no user 999999 on zooza"),
        "{err}"
    );
    assert!(!err.one_line().contains("401"), "{err}");

    // A wrong API key refuses every token, the owner's too: that stays the 401 it is.
    let credentials = sandbox.credentials();
    let wrong_key = Profile::sandbox(
        "zooza-wrong-key",
        profile(&sandbox, "zooza").config.clone(),
        [
            (SecretKind::ApiKey, Secret::new("not-the-key")),
            (SecretKind::Token, Secret::new(&credentials.zooza_token)),
        ],
        Some(Secret::new(format!("{}-{{id}}", credentials.zooza_token))),
    );
    let err = build(&wrong_key).fetch_record("1005").await.unwrap_err();
    assert!(
        matches!(
            err,
            ProviderError::Http(HttpError::Status { status: 401, .. })
        ),
        "{err:?}"
    );
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn quip_lists_through_scim_fetches_threads_in_batches_and_looks_up_users() {
    let sandbox = start(USERS).await;
    let quip = build(&profile(&sandbox, "quip"));
    let users = list_all(quip.as_ref()).await;
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|request| request.path == "/quip/scim/2/Users"),
        "listing is SCIM only"
    );

    // Index 5 has 150-300 threads (`index % 37 == 5`).
    let record = quip.fetch_record(&users[5].id).await.unwrap();
    let threads = threads_of(&record.json);
    assert!(threads.len() > 100, "{} threads", threads.len());
    let ids: Vec<String> = threads.iter().map(|thread| thread.id.clone()).collect();
    let before = sandbox.requests().len();
    let titled = quip.fetch_threads(&ids).await.unwrap();
    let batches: Vec<_> = sandbox.requests()[before..].to_vec();
    assert_eq!(batches.len(), ids.len().div_ceil(100), "{batches:?}");
    for batch in &batches {
        assert_eq!(batch.path, "/quip/1/admin/threads/");
        let ids_param = batch
            .query
            .as_deref()
            .unwrap_or_default()
            .split('&')
            .find_map(|pair| pair.strip_prefix("ids="))
            .unwrap_or_default();
        assert!(ids_param.split("%2C").count() <= 100, "{ids_param}");
    }
    assert_eq!(titled.len(), ids.len());
    for thread in &titled {
        assert!(ids.contains(&thread.id));
        assert!(
            thread.title.as_deref().is_some_and(|t| !t.is_empty()),
            "{thread:?}"
        );
    }

    // Lookups by id and by e-mail, in one query.
    let (a, b) = (&users[3], &users[USERS as usize - 2]);
    assert!(!b.email.is_empty());
    let found = quip
        .search_users(&format!("{}, {}", a.id, b.email))
        .await
        .unwrap();
    let found_ids: Vec<&str> = found.iter().map(|user| user.id.as_str()).collect();
    assert!(found_ids.contains(&a.id.as_str()), "{found_ids:?}");
    assert!(found_ids.contains(&b.id.as_str()), "{found_ids:?}");
    assert!(
        quip.search_users("nobody@nowhere.example")
            .await
            .unwrap()
            .is_empty()
    );
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn scanova_reads_url_style_next_and_falls_back_to_shared_user() {
    let sandbox = start(USERS).await;
    let scanova = build(&profile(&sandbox, "scanova"));
    set_faults(&sandbox, "drf-urls");
    let first = scanova.list_users(None, 50).await.unwrap();
    assert!(first.next.is_some());
    let direct = direct_get(&sandbox, "scanova", "/multi-users/", &[], None).await;
    let next: serde_json::Value = serde_json::from_slice(&direct).unwrap();
    assert!(
        next["next"]
            .as_str()
            .is_some_and(|url| url.starts_with("http")),
        "the sandbox wrote {:?}",
        next["next"]
    );
    let users = list_all(scanova.as_ref()).await;
    assert_eq!(users.len() as u64, USERS);
    assert_unique_ids("scanova", &users);

    set_faults(&sandbox, "status=404,scope=/scanova/multi-users/");
    let user = &users[users.len() / 2];
    let record = scanova.fetch_record(&user.id).await.unwrap();
    assert_eq!(record.bodies[0].path, format!("/shared-user/{}/", user.id));
    let direct = direct_get(&sandbox, "scanova", &record.bodies[0].path, &[], None).await;
    assert!(record.raw() == direct.as_slice());
    // Both paths 404: the user is not found, by its own variant.
    set_faults(&sandbox, "status=404");
    let err = scanova.fetch_record(&user.id).await.unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert_only_gets(&sandbox);
}
