//! Issue "One person, every provider": `userscope who ADDRESS` across the four sandbox profiles
//! with their stored directories warm, as an operator runs it: the built binary, start to exit
//! (the in-process sandbox, the four stored directories read, each account's record fetched and
//! audited). Target: answered within 100 ms. The first run syncs the directories (not timed);
//! then the median of several runs, with min and max.

use std::process::Command;
use std::time::Instant;

const RUNS: usize = 15;

fn userscope(home: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_userscope"))
        .args(["--sandbox-users", "300"])
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.join("home"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .expect("the binary runs")
}

fn main() {
    let home = tempfile::tempdir().expect("a private home");
    // The sandbox's owner holds an account in every provider.
    let first = userscope(
        home.path(),
        &["list", "-p", "sandbox-zoo", "-n", "1", "--json"],
    );
    let users: serde_json::Value = serde_json::from_slice(&first.stdout).expect("a JSON list");
    let address = users[0]["email"].as_str().expect("an e-mail").to_owned();
    let warm = userscope(home.path(), &["who", &address, "--json"]);
    assert!(warm.status.success(), "{warm:?}");
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let output = userscope(home.path(), &["who", &address, "--json"]);
            let elapsed = start.elapsed().as_secs_f64() * 1000.0;
            assert!(output.status.success(), "{output:?}");
            let accounts: serde_json::Value =
                serde_json::from_slice(&output.stdout).expect("a JSON array");
            assert_eq!(accounts.as_array().map(Vec::len), Some(4), "{accounts}");
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "who {address} over four warm sandbox profiles, process start to exit: median {:.1} ms (min {:.1}, max {:.1}; {RUNS} runs; target 100 ms)",
        times[RUNS / 2],
        times[0],
        times[RUNS - 1]
    );
}
