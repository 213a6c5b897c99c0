//! Rate limits: a 429 storm is waited out as `Retry-After` asks, and a paced client stays under
//! a server's limit.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::join_all;
use userscope::http::waits::reporting_waits;
use userscope::provider::ProviderError;
use userscope::sandbox::Sandbox;

use crate::support::{PROVIDERS, assert_only_gets, build, list_all, profile, set_faults, start};
/// A 429 storm with `Retry-After: 1`: the client waits as asked and then succeeds.
async fn storm_then_success(sandbox: &Sandbox, name: &str) {
    let mut profile = profile(sandbox, name);
    profile.config.max_retries = Some(3);
    let provider = build(&profile);
    set_faults(sandbox, "storm=2:1");
    let before = sandbox.requests().len();
    let heard = Arc::new(Mutex::new(Vec::new()));
    let into = Arc::clone(&heard);
    let page = reporting_waits(
        move |wait| into.lock().unwrap().push(wait),
        provider.list_users(None, 10),
    )
    .await
    .unwrap_or_else(|err| panic!("{name}: {err}"));
    assert!(!page.users.is_empty(), "{name}");
    // Two refusals, then the answer.
    assert_eq!(sandbox.requests().len() - before, 3, "{name}");
    // Each wait was told to the task that made the request, as the status bar shows it.
    let told: Vec<_> = heard
        .lock()
        .unwrap()
        .iter()
        .map(|wait| (wait.status, wait.wait, wait.retry, wait.retries))
        .collect();
    // Each wait is told with its length, then as over when its retry is sent.
    let (second, over) = (Duration::from_secs(1), Duration::ZERO);
    assert_eq!(
        told,
        [
            (429, second, 1, 3),
            (429, over, 1, 3),
            (429, second, 2, 3),
            (429, over, 2, 3)
        ],
        "{name}"
    );
    set_faults(sandbox, "none");
}

#[tokio::test]
async fn a_429_storm_is_waited_out() {
    // One sandbox per provider: storm counters are per plan, and the storms run at once.
    join_all(PROVIDERS.map(|name| async move {
        let sandbox = start(20).await;
        storm_then_success(&sandbox, name).await;
        assert_only_gets(&sandbox);
    }))
    .await;
}

/// 40 records at once under a server limit of 20/s and a client limit of 20/s: none fails.
/// Forty records fetched at once by a client paced at 20 requests a second, from a server that
/// refuses what goes past 25 in a second. No retries: a retried 429 would hide a limiter that does
/// not pace, so any refusal fails the fetch and the test. The server's margin over the pace is
/// for arrival jitter on a busy machine (a window opened by a late request sees the next ones on
/// time); unpaced, the forty requests reach the server within a fraction of a second.
async fn forty_records_under_a_rate_limit(name: &str) {
    let sandbox = start(60).await;
    let mut config = profile(&sandbox, name);
    config.config.requests_per_second = Some(20.0);
    config.config.max_retries = Some(0);
    let provider = build(&config);
    let users = list_all(provider.as_ref()).await;
    set_faults(&sandbox, "rate=25");
    let results = join_all(
        users
            .iter()
            .take(40)
            .map(|user| provider.fetch_record(&user.id)),
    )
    .await;
    let failures: Vec<String> = results
        .iter()
        .filter_map(|result| result.as_ref().err().map(ProviderError::one_line))
        .collect();
    assert!(failures.is_empty(), "{name}: {failures:?}");
    assert_eq!(results.len(), 40);
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn zoo_stays_under_a_rate_limit() {
    forty_records_under_a_rate_limit("zoo").await;
}

#[tokio::test]
async fn zooza_stays_under_a_rate_limit() {
    forty_records_under_a_rate_limit("zooza").await;
}

#[tokio::test]
async fn scanova_stays_under_a_rate_limit() {
    forty_records_under_a_rate_limit("scanova").await;
}
