//! Scanova's two doc sites put the shared users under `/multi-users/` and `/shared-user/`. Over a
//! sandbox that serves only `/shared-user/` (its `/multi-users/` paths answer DRF's 404), the
//! `auto` path variant must list and fetch there, and the other variants must keep to their own.

mod support;

use support::{assert_only_gets, assert_unique_ids, build, list_all, profile, set_faults, start};
use userscope::provider::ProviderError;
use userscope::sandbox::Sandbox;

const USERS: u64 = 45;

/// The older doc site: every `/multi-users/` path is not found.
const ONLY_SHARED_USER: &str = "status=404,scope=/scanova/multi-users/";

fn paths_asked(sandbox: &Sandbox, prefix: &str) -> usize {
    sandbox
        .requests()
        .iter()
        .filter(|request| request.path.starts_with(prefix))
        .count()
}

#[tokio::test]
async fn auto_lists_and_fetches_under_shared_user_when_multi_users_is_not_found() {
    let sandbox = start(USERS).await;
    set_faults(&sandbox, ONLY_SHARED_USER);
    let scanova = build(&profile(&sandbox, "scanova"));

    let users = list_all(scanova.as_ref()).await;
    assert_eq!(users.len() as u64, USERS);
    assert_unique_ids("scanova", &users);
    // One 404 found the path; the other pages went straight to `/shared-user/`.
    assert_eq!(paths_asked(&sandbox, "/scanova/multi-users/"), 1);
    let pages = USERS.div_ceil(20) as usize;
    assert_eq!(paths_asked(&sandbox, "/scanova/shared-user/"), pages);

    let user = &users[users.len() - 1];
    let record = scanova.fetch_record(&user.id).await.unwrap();
    assert_eq!(record.bodies[0].path, format!("/shared-user/{}/", user.id));
    assert_eq!(record.summary.email, user.email);
    assert_eq!(paths_asked(&sandbox, "/scanova/multi-users/"), 1);

    let missing = scanova.fetch_record("99999").await.unwrap_err();
    assert!(
        matches!(missing, ProviderError::NotFound { ref id, .. } if id == "99999"),
        "{missing:?}"
    );
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn auto_lists_under_multi_users_where_it_answers() {
    let sandbox = start(USERS).await;
    let scanova = build(&profile(&sandbox, "scanova"));
    let users = list_all(scanova.as_ref()).await;
    assert_eq!(users.len() as u64, USERS);
    assert_eq!(paths_asked(&sandbox, "/scanova/shared-user/"), 0);
}

#[tokio::test]
async fn a_pinned_variant_does_not_fall_back() {
    let sandbox = start(USERS).await;
    set_faults(&sandbox, ONLY_SHARED_USER);
    let mut pinned = profile(&sandbox, "scanova");
    pinned.config.path_variant = Some("multi-users".to_owned());
    let scanova = build(&pinned);
    let refused = scanova.list_users(None, 50).await.unwrap_err();
    assert!(
        matches!(refused, ProviderError::Http(ref error) if error.status() == Some(404)),
        "{refused:?}"
    );
    assert_eq!(paths_asked(&sandbox, "/scanova/shared-user/"), 0);

    let mut older = profile(&sandbox, "scanova");
    older.config.path_variant = Some("shared-user".to_owned());
    let users = list_all(build(&older).as_ref()).await;
    assert_eq!(users.len() as u64, USERS);
    assert_eq!(paths_asked(&sandbox, "/scanova/multi-users/"), 1);
}
