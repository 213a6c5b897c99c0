//! Issue 6: details fetched per second from the embedded sandbox over loopback, no rate limit,
//! per provider. An in-process sandbox serves 10,000 users; each provider is built from its
//! built-in sandbox profile (concurrency raised to 16) and fetches 256 records, 16 at a time.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use futures::StreamExt;
use userscope::provider::Provider;
use userscope::sandbox::{Sandbox, SandboxConfig};
use userscope::sandbox_profiles::{SANDBOX_PROFILE_NAMES, sandbox_profile};

const RECORDS: usize = 256;
const CONCURRENCY: usize = 16;

/// Fetches every id, `CONCURRENCY` in flight; panics on a failed fetch (no faults are planned).
async fn fetch_all(provider: &Arc<dyn Provider>, ids: &[String]) -> usize {
    futures::stream::iter(ids)
        .map(|id| async move { provider.fetch_record(id).await })
        .buffer_unordered(CONCURRENCY)
        .map(|record| {
            record
                .expect("the sandbox serves every record")
                .bodies
                .len()
        })
        .fold(0, |sum, bodies| async move { sum + bodies })
        .await
}

/// The first `RECORDS` user ids the provider lists.
async fn first_ids(provider: &Arc<dyn Provider>) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor = None;
    while ids.len() < RECORDS {
        let page = provider
            .list_users(cursor.as_deref(), 100)
            .await
            .expect("the sandbox lists users");
        ids.extend(page.users.into_iter().map(|user| user.id));
        cursor = page.next;
        if cursor.is_none() {
            break;
        }
    }
    ids.truncate(RECORDS);
    ids
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    let sandbox = runtime
        .block_on(Sandbox::start(
            SocketAddr::from(([127, 0, 0, 1], 0)),
            SandboxConfig {
                users: 10_000,
                ..SandboxConfig::default()
            },
        ))
        .expect("the sandbox binds a loopback port");

    let mut group = c.benchmark_group("fetch");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(RECORDS as u64));
    for (profile_name, provider_name) in SANDBOX_PROFILE_NAMES {
        let mut profile = sandbox_profile(profile_name, &sandbox).expect("a built-in profile");
        profile.config.max_concurrency = Some(CONCURRENCY);
        let provider = userscope::provider::build(&profile).expect("the profile builds");
        let ids = runtime.block_on(first_ids(&provider));
        assert_eq!(ids.len(), RECORDS, "{provider_name}: too few users listed");
        group.bench_function(
            BenchmarkId::new("records_16_in_flight", provider_name),
            |b| {
                b.iter(|| runtime.block_on(fetch_all(&provider, &ids)));
            },
        );
    }
    group.finish();
    runtime.block_on(sandbox.shutdown());
}

criterion_group!(benches, bench);
criterion_main!(benches);
