//! Audit figures (`cargo bench --bench audit`): the rules over 100,000 users' records, and a scan of
//! 10,000 sandbox users under a sandbox rate limit of R requests per second.
//! `AUDIT_BENCH_USERS` and `AUDIT_BENCH_RATE` change the scan's population (10,000) and R (500);
//! `AUDIT_BENCH_SAMPLE` the distinct records per provider (250); `AUDIT_BENCH_RULES` prints each
//! rule's time. `cargo bench --bench audit -- rules` (or `-- scan`) runs one of the two.
//!
//! The rules are timed two ways. Cycled over records already in memory (the median of five runs,
//! as wall time and as the time the thread was on a CPU, from `/proc/thread-self/schedstat`: on
//! a machine shared with other builds the second says what the code costs); most of that time is
//! reading records that are no longer in the CPU's caches. And as a scan runs them, on a record
//! in the caches (it has just been parsed): after a first pass over each record, the least of
//! three timed passes, summed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use chrono::DateTime;
use futures::StreamExt as _;
use userscope::audit::scan::{ScanOptions, scan};
use userscope::audit::{AuditSettings, all_rules, evaluate};
use userscope::model::UserRecord;
use userscope::sandbox::{Sandbox, SandboxConfig};
use userscope::sandbox_profiles::{SANDBOX_PROFILE_NAMES, sandbox_profile};

const RECORDS: usize = 100_000;
/// Distinct records fetched per provider, then repeated up to `RECORDS`.
const SAMPLE: u64 = 250;

/// Nanoseconds this thread has spent on a CPU (0 where `/proc` does not say).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Runs `work` five times; the median wall and CPU milliseconds, and what it returned.
fn median_of_five<T>(mut work: impl FnMut() -> T) -> (f64, f64, T) {
    let mut runs = Vec::new();
    let mut result = None;
    for _ in 0..5 {
        let (started, cpu) = (Instant::now(), cpu_ns());
        result = Some(work());
        let wall = started.elapsed().as_secs_f64() * 1000.0;
        runs.push((wall, (cpu_ns() - cpu) as f64 / 1e6));
    }
    let mut walls: Vec<f64> = runs.iter().map(|run| run.0).collect();
    let mut cpus: Vec<f64> = runs.iter().map(|run| run.1).collect();
    walls.sort_by(f64::total_cmp);
    cpus.sort_by(f64::total_cmp);
    (walls[2], cpus[2], result.unwrap())
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

async fn sample(sandbox: &Sandbox, profile: &str) -> Vec<UserRecord> {
    let provider = userscope::provider::build(&sandbox_profile(profile, sandbox).unwrap()).unwrap();
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = provider.list_users(cursor.as_deref(), 100).await.unwrap();
        ids.extend(page.users.into_iter().map(|user| user.id));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let provider = &provider;
    futures::stream::iter(ids)
        .map(|id| async move { provider.fetch_record(&id).await.unwrap() })
        .buffer_unordered(8)
        .collect()
        .await
}

async fn rules_over_records() {
    let sandbox = Sandbox::start(
        "127.0.0.1:0".parse().unwrap(),
        SandboxConfig {
            users: env("AUDIT_BENCH_SAMPLE", SAMPLE),
            ..SandboxConfig::default()
        },
    )
    .await
    .unwrap();
    let mut records = Vec::new();
    for (profile, _) in SANDBOX_PROFILE_NAMES {
        records.extend(sample(&sandbox, profile).await);
    }
    let rules: Vec<_> = all_rules().collect();
    let settings = AuditSettings {
        now: DateTime::from_timestamp(1_780_272_000, 0),
        ..AuditSettings::default()
    };
    let (wall, cpu, findings) = median_of_five(|| {
        let mut findings = 0;
        for record in records.iter().cycle().take(RECORDS) {
            findings += evaluate(record, "bench", &rules, &settings).len();
        }
        findings
    });
    if std::env::var_os("AUDIT_BENCH_RULES").is_some() {
        for rule in &rules {
            let one = [*rule];
            let (wall, cpu, ()) = median_of_five(|| {
                for record in records.iter().cycle().take(RECORDS) {
                    std::hint::black_box(evaluate(record, "bench", &one, &settings));
                }
            });
            println!("  {}: {wall:.0} ms ({cpu:.0} ms on CPU)", rule.id);
        }
    }
    println!(
        "rules: {RECORDS} records ({} distinct, all four providers, cycled) in {wall:.0} ms ({cpu:.0} ms on CPU), {findings} findings",
        records.len(),
    );
    // As a scan runs them: on a record it has just parsed, so in the CPU's caches. A first,
    // untimed pass over each record stands for the parse; then the least of three timed passes
    // (a pass the scheduler interrupted is longer, so the least is what the rules cost).
    let mut warm = std::time::Duration::ZERO;
    for record in records.iter().cycle().take(RECORDS) {
        std::hint::black_box(evaluate(record, "bench", &rules, &settings));
        warm += (0..3)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(evaluate(record, "bench", &rules, &settings));
                started.elapsed()
            })
            .min()
            .unwrap();
    }
    println!(
        "rules, each record in the cache (as a scan runs them, on a record it has just parsed): {:.0} ms",
        warm.as_secs_f64() * 1000.0
    );
}

async fn rate_limited_scan() {
    let users = env("AUDIT_BENCH_USERS", 10_000);
    let rate = env("AUDIT_BENCH_RATE", 500);
    let sandbox = Sandbox::start(
        "127.0.0.1:0".parse().unwrap(),
        SandboxConfig {
            users,
            faults: format!("rate={rate}").parse().unwrap(),
            ..SandboxConfig::default()
        },
    )
    .await
    .unwrap();
    let mut profile = sandbox_profile("sandbox-scanova", &sandbox).unwrap();
    // 95% of R, as an operator would set it: no margin at all lets a delayed request fall into the
    // sandbox's next fixed window.
    profile.config.requests_per_second = Some(rate as f64 * 0.95);
    profile.config.max_concurrency = Some(32);
    let provider = userscope::provider::build(&profile).unwrap();
    let rules: Vec<_> = all_rules().collect();
    let started = Instant::now();
    let outcome = scan(
        provider.as_ref(),
        "bench",
        &rules,
        &AuditSettings::default(),
        &ScanOptions {
            max_concurrency: 32,
            ..ScanOptions::default()
        },
        &mut |_| {},
    )
    .await;
    let elapsed = started.elapsed().as_secs_f64();
    let requests = sandbox.requests().len();
    println!(
        "scan: {users} users, R = {rate}/s: {requests} requests in {elapsed:.1} s = {:.1}/s ({:.0}% of R), {} failed",
        requests as f64 / elapsed,
        requests as f64 / elapsed / rate as f64 * 100.0,
        outcome.failures.len()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument picks one figure.
    let filter: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    if filter.as_deref().is_none_or(|f| "rules".contains(f)) {
        runtime.block_on(rules_over_records());
    }
    if filter.as_deref().is_none_or(|f| "scan".contains(f)) {
        runtime.block_on(rate_limited_scan());
    }
}
