//! A response far over the size cap is refused while it streams: the built binary asked for a
//! 1 GiB record never holds much more than the cap in memory, and says why it stopped.
//!
//! The peak is the children's `ru_maxrss` (`getrusage(RUSAGE_CHILDREN)`), which the kernel keeps
//! for every reaped child: exact, unlike polling `/proc`, which can miss a peak just before exit.
//! It covers every child this process ever waited for, so this file holds one test and spawns
//! nothing else.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use nix::sys::resource::{UsageWho, getrusage};
use userscope::sandbox::{BodyFault, FaultPlan, Sandbox, SandboxConfig};

/// The profile's cap: small, so the test is quick, and far under the body.
const CAP_BYTES: u64 = 8 * 1024 * 1024;

/// What the sandbox streams: 1 GiB, chunked, no `Content-Length` to refuse it up front.
const BODY_BYTES: u64 = 1024 * 1024 * 1024;

const KEY: &str = "cap-test-key";

/// The largest peak RSS of any child reaped so far, in bytes (Linux reports KiB).
fn children_peak_rss_bytes() -> u64 {
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).expect("getrusage");
    u64::try_from(usage.max_rss()).unwrap() * 1024
}

fn get_user_zero(home: &Path, config: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_userscope"))
        .args([
            "--config",
            config.to_str().unwrap(),
            "get",
            "-p",
            "capped",
            "0",
        ])
        .env("HOME", home.join("home"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("SCANOVA_KEY", KEY)
        .env_remove("RUST_LOG")
        .output()
        .expect("userscope runs")
}

#[test]
fn a_body_far_over_the_cap_is_refused_without_memory_growing_past_it() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut config = SandboxConfig {
        users: 5,
        ..SandboxConfig::default()
    };
    config.credentials.scanova_key = KEY.to_owned();
    let sandbox = runtime
        .block_on(Sandbox::start("127.0.0.1:0".parse().unwrap(), config))
        .unwrap();
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.capped]\nprovider = \"scanova\"\nbase_url = \"{}\"\ntoken_env = \"SCANOVA_KEY\"\npath_variant = \"multi-users\"\nmax_body_bytes = {CAP_BYTES}\nmax_retries = 0\n",
            sandbox.base_url("scanova")
        ),
    )
    .unwrap();

    // The same command on an ordinary record: the baseline of runtime, TLS, threads.
    let ordinary = get_user_zero(home.path(), &config);
    assert!(
        ordinary.status.success(),
        "{}",
        String::from_utf8_lossy(&ordinary.stderr)
    );
    let baseline = children_peak_rss_bytes();

    sandbox.set_faults(FaultPlan {
        scope: Some("/scanova/multi-users/".to_owned()),
        body: Some(BodyFault::Huge { bytes: BODY_BYTES }),
        ..FaultPlan::default()
    });
    let huge = get_user_zero(home.path(), &config);
    let peak = children_peak_rss_bytes();

    let stderr = String::from_utf8_lossy(&huge.stderr);
    assert_eq!(huge.status.code(), Some(1), "a remote failure: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(&format!("larger than the {CAP_BYTES}-byte cap"))
            && stderr.contains("max_body_bytes"),
        "says what happened and what to try: {stderr}"
    );
    assert!(huge.stdout.is_empty());
    // The body is held up to the cap; a growing buffer may briefly hold its old copy too.
    let allowance = 3 * CAP_BYTES;
    eprintln!(
        "peak RSS: ordinary get {} MiB, 1 GiB body {} MiB (allowed {} MiB)",
        baseline >> 20,
        peak >> 20,
        (baseline + allowance) >> 20
    );
    assert!(
        peak <= baseline + allowance,
        "peak RSS {peak} bytes over a baseline of {baseline} + {allowance}"
    );
    runtime.block_on(sandbox.shutdown());
}
