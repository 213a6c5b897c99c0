//! Issue 6: details fetched per second from the embedded sandbox over loopback, no rate limit,
//! per provider. An in-process sandbox serves 10,000 users; each provider is built from its
//! built-in sandbox profile (concurrency raised to 16) and fetches 256 records, 16 at a time.
//!
//! Then (`cargo bench --bench fetch -- paging_1m`, printed, not a criterion figure): a sandbox
//! of 1,000,000 users, the time from starting it to its first page served, and the process's
//! resident memory after that page and after paging through every user over HTTP (the client
//! keeps only a count, so growth would be the sandbox's).

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use futures::StreamExt;
use userscope::provider::Provider;
use userscope::sandbox::{Sandbox, SandboxConfig};
use userscope::sandbox_profiles::{SANDBOX_PROFILE_NAMES, sandbox_profile};

const RECORDS: usize = 256;

/// A mapping of a Zooza `GET /user` body.
type MapUser = fn(
    &str,
    &userscope::http::Response,
    chrono::DateTime<chrono::Utc>,
) -> Result<userscope::model::UserRecord, userscope::provider::ProviderError>;
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

    // The client's share of a Zooza fetch: mapping one `GET /user` body it has read (the
    // sandbox's first users; ~90 KB, a few dozen credits each), no HTTP.
    let mut group = c.benchmark_group("fetch");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let mut profile = sandbox_profile("sandbox-zooza", &sandbox).expect("a built-in profile");
    profile.config.max_concurrency = Some(CONCURRENCY);
    let provider = userscope::provider::build(&profile).expect("the profile builds");
    let ids = runtime.block_on(first_ids(&provider));
    let bodies: Vec<(String, bytes::Bytes)> = ids[1..17]
        .iter()
        .map(|id| {
            let record = runtime
                .block_on(provider.fetch_record(id))
                .expect("the sandbox serves every record");
            (id.clone(), bytes::Bytes::copy_from_slice(record.raw()))
        })
        .collect();
    let bytes: usize = bodies.iter().map(|(_, body)| body.len()).sum();
    group.throughput(Throughput::Elements(bodies.len() as u64));
    // As a fetch maps it (the credits overview left until the record is shown), and whole.
    let mappings: [(&str, MapUser); 2] = [
        (
            "map_fetched_zooza_record",
            userscope::provider::zooza::map_fetched_user_record,
        ),
        (
            "map_zooza_record",
            userscope::provider::zooza::map_user_record,
        ),
    ];
    for (name, map) in mappings {
        group.bench_function(
            BenchmarkId::new(name, format!("{} KB each", bytes / bodies.len() / 1024)),
            |b| {
                b.iter(|| {
                    for (id, body) in &bodies {
                        let response =
                            userscope::provider::offline::response("/user", body.clone());
                        let now = chrono::Utc::now();
                        std::hint::black_box(
                            map(id, &response, now).expect("a sandbox record maps"),
                        );
                    }
                });
            },
        );
    }
    group.finish();
    runtime.block_on(sandbox.shutdown());
}

/// Whether a bench id is wanted by the filters given on the command line (none: all).
fn wanted(id: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    filters.is_empty() || filters.iter().any(|filter| id.contains(filter.as_str()))
}

/// This process's resident memory in MB (Linux `/proc`; 0 elsewhere).
fn resident_mb() -> f64 {
    common::status_mib("self", "VmRSS").unwrap_or(0.0)
}

/// Pages through every user of a 1,000,000-user sandbox, 200 a page, and prints the figures.
fn paging_1m() {
    const USERS: u64 = 1_000_000;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts");
    let start = std::time::Instant::now();
    let sandbox = runtime
        .block_on(Sandbox::start(
            SocketAddr::from(([127, 0, 0, 1], 0)),
            SandboxConfig {
                users: USERS,
                ..SandboxConfig::default()
            },
        ))
        .expect("the sandbox binds a loopback port");
    let profile = sandbox_profile("sandbox-zoo", &sandbox).expect("a built-in profile");
    let provider = userscope::provider::build(&profile).expect("the profile builds");
    let first = runtime
        .block_on(provider.list_users(None, 200))
        .expect("the sandbox lists users");
    let serving = start.elapsed();
    let rss_start = resident_mb();
    let (mut listed, mut cursor, mut pages) = (first.users.len(), first.next, 1);
    let paging = std::time::Instant::now();
    while let Some(next) = cursor {
        let page = runtime
            .block_on(provider.list_users(Some(&next), 200))
            .expect("the sandbox lists users");
        listed += page.users.len();
        cursor = page.next;
        pages += 1;
    }
    println!(
        "paging_1m: sandbox of {USERS} users serving its first page {:.1} ms after start; \
         {listed} users listed in {pages} pages in {:.1} s; resident memory {rss_start:.1} MB \
         after the first page, {:.1} MB after the last",
        serving.as_secs_f64() * 1000.0,
        paging.elapsed().as_secs_f64(),
        resident_mb()
    );
    runtime.block_on(sandbox.shutdown());
}

fn paging(_: &mut Criterion) {
    if wanted("paging_1m") {
        paging_1m();
    }
}

criterion_group!(benches, bench, paging);
criterion_main!(benches);
