//! A refresh of a stored directory over real HTTP (issue 18): against the sandbox's Quip SCIM,
//! `Directory::sync_changes` asks only for the users changed since the last complete sync (less
//! the overlap), writes them over their stored rows in place and removes nobody; a server that
//! refuses the filter, a provider that has no such list and a directory never synced answer
//! `Unsupported` (the explorer then syncs every user), leaving the store as it was.

#![allow(clippy::unwrap_used)]

mod support;

use std::sync::Arc;

use support::{build, list_all, profile, set_faults, start};
use userscope::directory::{Directory, Store};
use userscope::model::UserPage;
use userscope::provider::ProviderError;
use userscope::sandbox_clock::SANDBOX_NOW_EPOCH_SECS;

const KEY: &str = "test|quip";

fn directory(store: &Arc<Store>) -> Directory {
    Directory {
        store: Some(Arc::clone(store)),
        key: KEY.to_owned(),
        ..Directory::in_memory("sandbox-quip", "quip")
    }
}

#[tokio::test]
async fn a_refresh_brings_only_the_changes_in_place_and_removes_nobody() {
    let sandbox = start(200).await;
    let provider = build(&profile(&sandbox, "quip"));
    let everyone = list_all(provider.as_ref()).await;
    let folder = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&folder.path().join("directory.sqlite3")).unwrap();
    let store = Arc::new(store);

    // Stored by a complete sync three days before the sandbox's "now", user 7 since renamed
    // on the server (every 50th user changed in the last two days) and user 8 not.
    let mut stored = everyone.clone();
    stored[7].name = "Before The Change".into();
    stored[8].name = "Unchanged Here".into();
    let ticket = store.begin_sync(KEY, "sandbox-quip", "quip").unwrap();
    store.write_page(ticket, &stored, Some(200)).unwrap();
    let three_days_before = SANDBOX_NOW_EPOCH_SECS - 3 * 86_400;
    store.finish_sync(ticket, three_days_before).unwrap();

    let started = userscope::directory::unix_now();
    let mut pages: Vec<UserPage> = Vec::new();
    let report = directory(&store)
        .sync_changes(provider.as_ref(), |page| pages.push(page))
        .await
        .unwrap();
    let changed: Vec<&str> = pages
        .iter()
        .flat_map(|page| &page.users)
        .map(|user| user.id.as_str())
        .collect();
    let expected: Vec<&str> = [7, 57, 107, 157]
        .iter()
        .map(|&index| everyone[index].id.as_str())
        .collect();
    assert_eq!(changed, expected, "only the users changed since");
    assert_eq!(report.users, 4);
    assert_eq!(report.removed, 0);
    assert!(
        pages.iter().all(|page| page.total.is_none()),
        "not the directory's total"
    );

    // The request carried the filter, from the last sync's time less the overlap.
    let asked = sandbox
        .requests()
        .into_iter()
        .rev()
        .find(|request| request.path.contains("/scim/"))
        .unwrap();
    let overlap = userscope::directory::CHANGES_OVERLAP
        .as_secs()
        .cast_signed();
    let since = chrono::DateTime::from_timestamp(three_days_before - overlap, 0).unwrap();
    let filter = format!(
        "meta.lastModified gt \"{}\"",
        since.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(asked.query.as_deref().unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    assert!(
        query.contains(&("filter".to_owned(), filter.clone())),
        "{query:?} lacks {filter}"
    );

    let after = store.load(KEY).unwrap();
    let ids: Vec<&str> = after.users.iter().map(|user| user.id.as_str()).collect();
    let before: Vec<&str> = everyone.iter().map(|user| user.id.as_str()).collect();
    assert_eq!(ids, before, "same users, same order");
    assert_eq!(
        after.users[7], everyone[7],
        "the changed row, updated in place"
    );
    assert_eq!(
        after.users[8].name, "Unchanged Here",
        "nothing else asked for"
    );
    assert!(
        after.synced_at.unwrap() >= started,
        "up to date as of the refresh"
    );
    assert_eq!(after.total, Some(200));
}

#[tokio::test]
async fn what_cannot_list_changes_answers_unsupported_and_leaves_the_store_alone() {
    let sandbox = start(20).await;
    let quip = build(&profile(&sandbox, "quip"));
    let folder = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&folder.path().join("directory.sqlite3")).unwrap();
    let store = Arc::new(store);

    // Never synced: nothing to ask changes since, and no request.
    let err = directory(&store)
        .sync_changes(quip.as_ref(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported(_)), "{err:?}");
    assert!(sandbox.requests().is_empty());

    directory(&store).sync(quip.as_ref(), |_| {}).await.unwrap();
    let synced = store.load(KEY).unwrap();
    assert_eq!(synced.users.len(), 20);

    // A server that answers the filter with 400.
    set_faults(&sandbox, "status=400,scope=/quip/scim/");
    let err = directory(&store)
        .sync_changes(quip.as_ref(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported(_)), "{err:?}");
    sandbox.set_faults(userscope::sandbox::FaultPlan::default());

    // A provider with no list of changes.
    let zoo = build(&profile(&sandbox, "zoo"));
    let err = directory(&store)
        .sync_changes(zoo.as_ref(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported(_)), "{err:?}");

    let after = store.load(KEY).unwrap();
    assert_eq!(after.users, synced.users);
    assert_eq!(after.synced_at, synced.synced_at);
}
