//! The whole-profile scan: every page, failed fetches, and keeping to a rate limit.

use super::*;

#[tokio::test]
async fn a_scan_covers_every_page_and_counts_failed_fetches() {
    let sandbox = sandbox(45).await;
    sandbox.set_faults("status=403,scope=/scanova/multi-users/7/".parse().unwrap());
    let provider = provider(&sandbox, "sandbox-scanova");
    let rules = select_rules(None, &[]).unwrap();
    let mut calls = 0;
    let outcome = scan(
        provider.as_ref(),
        "sandbox-scanova",
        &rules,
        &settings(),
        &ScanOptions {
            page_size: 20,
            max_concurrency: 4,
            ..ScanOptions::default()
        },
        &mut |_| calls += 1,
    )
    .await;
    assert_eq!(outcome.progress.total, Some(45));
    assert_eq!(outcome.progress.listed, 45);
    assert_eq!(outcome.progress.done, 45);
    assert_eq!(outcome.progress.failed, 1);
    assert_eq!(outcome.scanned.len(), 44);
    assert_eq!(outcome.failures.len(), 1);
    assert_eq!(outcome.failures[0].user_id.as_deref(), Some("7"));
    assert_eq!(outcome.failures[0].kind, "HTTP 403");
    assert!(calls >= 45);
    assert!(outcome.findings.iter().all(|f| f.user_id != "7"));
    // Sorted most severe first.
    assert!(
        outcome
            .findings
            .windows(2)
            .all(|pair| pair[0].severity >= pair[1].severity)
    );
    // A rerun that skips what was scanned fetches only the failed user.
    let again = scan(
        provider.as_ref(),
        "sandbox-scanova",
        &rules,
        &settings(),
        &ScanOptions {
            skip: outcome.scanned.iter().cloned().collect(),
            ..ScanOptions::default()
        },
        &mut |_| {},
    )
    .await;
    assert_eq!(
        again.progress.done, 1,
        "{:?} {:?}",
        again.progress, again.failures
    );
}

/// The rate check, small: the sandbox refuses more than R requests a second, the profile
/// is limited to 95% of R (no margin at all would let a request delayed on the way land in the
/// next of the sandbox's fixed windows), and the scan ends with no failure and no 429.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_scan_has_no_failures_and_keeps_to_the_rate() {
    const RATE: u32 = 40;
    let sandbox = sandbox(100).await;
    sandbox.set_faults(format!("rate={RATE}").parse().unwrap());
    let mut profile =
        crate::sandbox_profiles::sandbox_profile("sandbox-scanova", &sandbox).unwrap();
    profile.config.requests_per_second = Some(f64::from(RATE) * 0.95);
    let provider = crate::provider::build(&profile).unwrap();
    let rules = select_rules(None, &[]).unwrap();
    let outcome = scan(
        provider.as_ref(),
        "sandbox-scanova",
        &rules,
        &settings(),
        &ScanOptions::default(),
        &mut |_| {},
    )
    .await;
    assert!(outcome.failures.is_empty(), "{:?}", outcome.failures);
    assert_eq!(outcome.progress.done, 100);
    // Five list pages and a hundred records: a refused request would have been retried.
    let requests = sandbox.requests().len();
    assert_eq!(requests, 105, "no request over the sandbox's rate");
    // How close to R the scan keeps is a speed, measured by `cargo bench --bench audit` (it
    // prints the share of R), not asserted here; the limiter's spacing is checked in virtual
    // time (`http/rate.rs`).
}
