//! The directory sync: every user of a 100,000-user sandbox profile, over HTTP, into the
//! store (`Directory::sync`, as the explorer and `userscope sync` run it). Target (issue "The
//! whole directory"): 20,000 users/s or more. Each provider pages differently: Zoo 100 a page,
//! Scanova 20.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use userscope::directory::{Directory, Store};
use userscope::sandbox::{Sandbox, SandboxConfig};

const USERS: u64 = 100_000;

fn sync(c: &mut Criterion) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let sandbox = runtime.block_on(async {
        let config = SandboxConfig {
            users: USERS,
            ..SandboxConfig::default()
        };
        Sandbox::start("127.0.0.1:0".parse().expect("an address"), config)
            .await
            .expect("a sandbox")
    });
    let mut group = c.benchmark_group("directory_sync");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(30))
        .throughput(Throughput::Elements(USERS));
    for name in ["zoo", "scanova"] {
        let profile =
            userscope::sandbox_profiles::sandbox_profile(&format!("sandbox-{name}"), &sandbox)
                .expect("a sandbox profile");
        let provider = userscope::provider::build(&profile).expect("a provider");
        let dir = tempfile::tempdir().expect("a temp dir");
        let (store, _) = Store::open(&dir.path().join("directory.sqlite3")).expect("a store");
        let mut directory = Directory::in_memory(&profile.name, name);
        directory.store = Some(Arc::new(store));
        group.bench_function(BenchmarkId::new(name, USERS), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let report = runtime
                        .block_on(directory.sync(provider.as_ref(), |_| {}))
                        .expect("synced");
                    total += start.elapsed();
                    assert_eq!(report.users as u64, USERS);
                    assert!(report.store_error.is_none());
                }
                total
            });
        });
    }
    group.finish();
}

criterion_group!(benches, sync);
criterion_main!(benches);
