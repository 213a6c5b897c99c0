//! A refresh of a stored directory over real HTTP (issue 18): against the sandbox's Quip SCIM,
//! `Directory::sync_changes` asks only for the users changed since the last complete sync (less
//! the overlap), writes them over their stored rows in place and removes nobody; a server that
//! refuses the filter, a provider that has no such list and a directory never synced answer
//! `Unsupported` (the explorer then syncs every user), leaving the store as it was. The
//! explorer's own loop does the same on a stale stored directory.

#![allow(clippy::unwrap_used)]

mod support;

use std::sync::Arc;
use support::explorer::{NoProfiles, no_terminal_writes};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{build, list_all, profile, set_faults, start};
use userscope::app::AppContext;
use userscope::directory::{Directory, Store};
use userscope::model::UserPage;
use userscope::msg::Msg;
use userscope::provider::ProviderError;
use userscope::sandbox::Sandbox;
use userscope::sandbox_clock::SANDBOX_NOW_EPOCH_SECS;
use userscope::state::{ProfileBadge, State};

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

/// Runs the explorer's loop on `name`'s sandbox profile over `store` (stored three days
/// before the sandbox's "now", so stale) until the store says a sync completed, then quits.
async fn explore_until_synced(sandbox: &Sandbox, name: &str, store: &Arc<Store>) {
    let provider = build(&profile(sandbox, name));
    let exports = tempfile::tempdir().unwrap();
    let context = AppContext {
        provider,
        directory: Directory {
            store: Some(Arc::clone(store)),
            key: KEY.to_owned(),
            ..Directory::in_memory(&format!("sandbox-{name}"), name)
        },
        profile_name: format!("sandbox-{name}"),
        exports_dir: exports.path().to_owned(),
        profiles: Arc::new(NoProfiles),
        write_terminal: no_terminal_writes,
        state_dir: None,
        audit_cancel: Arc::default(),
    };
    let badge = ProfileBadge {
        name: format!("sandbox-{name}"),
        provider: name.to_owned(),
        is_sandbox: true,
    };
    let (keys, input) = futures::channel::mpsc::unbounded::<Msg>();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let app = userscope::app::run(&mut terminal, input, context, State::new(badge, (120, 40)));
    let stored_at = store.load(KEY).unwrap().synced_at;
    let watch = async {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
        while store.load(KEY).unwrap().synced_at == stored_at {
            assert!(
                tokio::time::Instant::now() < deadline,
                "{name}: no sync completed"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        keys.unbounded_send(Msg::Terminate).unwrap();
    };
    let (ran, ()) = tokio::join!(app, watch);
    ran.unwrap();
}

/// Stores `users` as a complete sync three days before the sandbox's "now".
fn store_stale(store: &Store, name: &str, users: &[userscope::model::UserSummary]) {
    let ticket = store
        .begin_sync(KEY, &format!("sandbox-{name}"), name)
        .unwrap();
    store.write_page(ticket, users, None).unwrap();
    store
        .finish_sync(ticket, SANDBOX_NOW_EPOCH_SECS - 3 * 86_400)
        .unwrap();
}

fn scim_filters(sandbox: &Sandbox) -> Vec<bool> {
    sandbox
        .requests()
        .iter()
        .filter(|request| request.path.ends_with("/scim/2/Users"))
        .map(|request| {
            request
                .query
                .as_deref()
                .unwrap_or_default()
                .contains("filter=")
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_explorer_refreshes_a_stale_quip_directory_with_the_changes_alone() {
    let sandbox = start(200).await;
    let everyone = list_all(build(&profile(&sandbox, "quip")).as_ref()).await;
    let folder = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&folder.path().join("d.sqlite3")).unwrap().0);
    let mut stored = everyone.clone();
    stored[57].email = "old@example.com".into();
    store_stale(&store, "quip", &stored);
    let listed_before = scim_filters(&sandbox).len();

    explore_until_synced(&sandbox, "quip", &store).await;
    let asked = &scim_filters(&sandbox)[listed_before..];
    assert!(
        !asked.is_empty() && asked.iter().all(|filtered| *filtered),
        "{asked:?}"
    );
    let after = store.load(KEY).unwrap();
    assert_eq!(
        after.users, everyone,
        "user 57 updated in place, nobody else touched"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_explorer_syncs_every_user_where_changes_cannot_be_listed() {
    let sandbox = start(30).await;
    let everyone = list_all(build(&profile(&sandbox, "zoo")).as_ref()).await;
    let folder = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(&folder.path().join("d.sqlite3")).unwrap().0);
    let mut stored = everyone.clone();
    stored.push(userscope::model::UserSummary::with_id(
        "gone-from-the-server",
    ));
    store_stale(&store, "zoo", &stored);

    explore_until_synced(&sandbox, "zoo", &store).await;
    let after = store.load(KEY).unwrap();
    assert_eq!(after.users, everyone, "a full sync removed the user gone");
}
