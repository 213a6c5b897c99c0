//! End-to-end tests of the built binary in a pseudo-terminal: what an operator sees and types,
//! from the first screen to the exported file, and how the terminal is left afterwards.
//!
//! Every test runs the explorer on the embedded sandbox with private HOME and XDG dirs. Waits are
//! deadline loops on the screen (see `pty::Tui::wait_for`); nothing asserts on timing.

#![allow(clippy::unwrap_used)]

#[path = "../pty/mod.rs"]
mod pty;

mod export;
mod hostile;
mod restore;

use pty::{Tui, list_rows, only_file, screen_rows};

const SEED: u64 = 42;
const USERS: u64 = 200;

/// The explorer on a sandbox profile with an explicit seed and population, so a second sandbox
/// in the test serves the very same bytes.
fn explorer(profile: &str, cols: u16, rows: u16) -> Tui {
    let seed = SEED.to_string();
    let users = USERS.to_string();
    Tui::spawn(
        &[
            "--profile",
            profile,
            "--sandbox-seed",
            &seed,
            "--sandbox-users",
            &users,
        ],
        cols,
        rows,
    )
}

/// Waits for the first page: the SANDBOX badge and at least `min` user rows.
fn wait_for_users(tui: &Tui, min: usize) -> Vec<String> {
    // Once the directory is synced, no page redraws the rows while they are read.
    tui.wait_for(
        &format!("SANDBOX, a synced directory and {min} user rows"),
        |screen| {
            let rows = list_rows(screen);
            let contents = screen.contents();
            (contents.contains("SANDBOX") && contents.contains("· synced") && rows.len() >= min)
                .then_some(rows)
        },
    )
}

#[test]
fn redraws_after_a_resize() {
    let mut tui = explorer("sandbox-scanova", 120, 40);
    wait_for_users(&tui, 10);
    tui.resize(80, 24);
    // At 80 columns the list pane is 32 wide: its corner meets the detail pane's at 31/32,
    // where at 120 columns there was a border line.
    tui.wait_for("the 80x24 layout", |screen| {
        let rows = screen_rows(screen);
        let top: Vec<char> = rows.get(1)?.chars().collect();
        let bottom: Vec<char> = rows.get(21)?.chars().collect();
        (top.get(31) == Some(&'┐')
            && top.get(32) == Some(&'┌')
            // By cell, not by char: a wide name in the detail pane's title takes two columns.
            && screen.cell(1, 79).is_some_and(|cell| cell.contents() == "┐")
            && bottom.first() == Some(&'└')
            && screen.contents().contains("SANDBOX")
            && list_rows(screen).len() >= 5)
            .then_some(())
    });
    assert!(tui.alive(), "the app exited on a resize");
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut tui = explorer("sandbox-zoo", 80, 24);
    wait_for_users(&tui, 5);
    tui.send("?");
    // One predicate for the whole overlay: a read can end mid-frame.
    tui.wait_for("the help overlay", |screen| {
        let text = screen.contents();
        (text.contains("Keys: user list") && text.contains("any key closes this")).then_some(())
    });
    tui.send("j");
    tui.wait_for("help to close", |screen| {
        (!screen.contents().contains("Keys:")).then_some(())
    });
    assert!(tui.alive());
    tui.send("q");
    assert!(tui.wait_exit().success());
}

/// `:audit` then `:export-audit` in the explorer writes the same report as `userscope audit`
/// for the same profile and seed (the fetch times aside).
#[test]
fn the_explorer_and_the_cli_write_the_same_audit_report() {
    let mut tui = explorer("sandbox-scanova", 120, 40);
    wait_for_users(&tui, 5);
    tui.send(":audit\r");
    tui.wait_for("the audit to finish", |screen| {
        screen.contents().contains("audit finished").then_some(())
    });
    tui.send(":export-audit\r");
    tui.wait_for("the report to be written", |screen| {
        screen.contents().contains("exported to").then_some(())
    });
    let report = only_file(&tui.homes.exports()).expect("one report file");
    tui.send("q");
    tui.wait_exit();
    let seed = SEED.to_string();
    let users = USERS.to_string();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_userscope"))
        .args([
            "--sandbox-seed",
            &seed,
            "--sandbox-users",
            &users,
            "audit",
            "--profile",
            "sandbox-scanova",
            "--format",
            "json",
        ])
        .env("HOME", tui.homes.home())
        .env("XDG_CONFIG_HOME", tui.homes.config())
        .env("XDG_DATA_HOME", tui.homes.data())
        .env("XDG_STATE_HOME", tui.homes.state())
        .output()
        .expect("the CLI runs");
    let without_times = |bytes: &[u8]| {
        let mut rows: Vec<serde_json::Value> =
            serde_json::from_slice(bytes).expect("a JSON report");
        for row in &mut rows {
            row.as_object_mut()
                .expect("an object per finding")
                .remove("fetched_at");
        }
        rows
    };
    let from_tui = without_times(&std::fs::read(&report).expect("the report reads"));
    let from_cli = without_times(&cli.stdout);
    assert!(!from_cli.is_empty(), "the sandbox has findings");
    assert_eq!(from_tui.len(), from_cli.len());
    assert_eq!(from_tui, from_cli);
}

/// The screen once it differs from `before` and the app has stopped drawing (nothing written
/// for a quarter of a second). Waiting for a change first keeps a slow machine, which has not
/// begun to answer the keys yet, from passing the screen before them for the settled one.
fn settled_after(tui: &Tui, before: &str) -> String {
    tui.wait_for("the screen to change", |screen| {
        (screen.contents() != before).then_some(())
    });
    settled(tui)
}

/// The screen once the app has stopped drawing (nothing written for a quarter of a second).
fn settled(tui: &Tui) -> String {
    let read = || tui.wait_for("a screen", |screen| Some(screen.contents()));
    let mut last = read();
    for _ in 0..80 {
        std::thread::sleep(std::time::Duration::from_millis(250));
        let now = read();
        if now == last {
            return now;
        }
        last = now;
    }
    panic!("the app kept drawing; the screen:\n{last}");
}

#[test]
fn a_scrolled_pane_shows_what_a_full_redraw_shows() {
    // Zoomed, a list that moves off its last row is scrolled by the terminal (a scroll region)
    // and only the new rows are written; beside the detail pane, its rows are rewritten. Either
    // way the screen must be the frame: after a resize (which redraws everything) it is the same.
    let mut tui = explorer("sandbox-zoo", 100, 30);
    wait_for_users(&tui, 20);
    for zoom in [true, false] {
        // Each pass moves the cursor 13 rows down, so the screen changes.
        let before = settled(&tui);
        if zoom {
            tui.send("z");
        }
        tui.send(&"j".repeat(40));
        tui.send(&"k".repeat(27));
        let scrolled = settled_after(&tui, &before);
        // The pane's top right corner sits in the last column once the app has drawn a width.
        let drawn_at = |cols: usize| {
            move |screen: &vt100::Screen| {
                let top: Vec<char> = screen_rows(screen).get(1)?.chars().collect();
                (top.len() == cols && top.last() == Some(&'┐')).then_some(())
            }
        };
        tui.resize(99, 30);
        tui.wait_for("the 99-column layout", drawn_at(99));
        tui.resize(100, 30);
        tui.wait_for("the 100-column layout", drawn_at(100));
        let redrawn = settled(&tui);
        // A cell written blank and a cell never written read alike on screen; the screen
        // model tells them apart at a row's end (the status line after a longer message).
        let rows = |screen: &str| {
            screen
                .lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(rows(&scrolled), rows(&redrawn), "zoomed: {zoom}");
        if zoom {
            tui.send("z");
        }
    }
    tui.send("q");
    assert!(tui.wait_exit().success());
}

/// `:who` with the first user's address: the People view shows the person's account in every
/// provider (the sandbox's owner holds one in all four), then `Esc` closes it.
#[test]
fn who_shows_one_person_in_every_provider() {
    let mut tui = explorer("sandbox-zoo", 160, 40);
    wait_for_users(&tui, 5);
    // The organisation's owner: person 0 of seed 42, at index 0 of every provider.
    let email = "yui.suzuki.0@contractors.example.net";
    tui.send(":");
    tui.send(&format!("who {email}\r"));
    tui.wait_for("the four providers' accounts", |screen| {
        let text = screen.contents();
        (text.contains("People")
            && [
                "sandbox-zoo ",
                "sandbox-zooza ",
                "sandbox-quip ",
                "sandbox-scanova ",
            ]
            .iter()
            .all(|profile| text.contains(profile))
            && text.matches(email).count() >= 4)
            .then_some(())
    });
    tui.send("\u{1b}");
    tui.wait_for("the list back", |screen| {
        (!screen.contents().contains("People ·")).then_some(())
    });
    assert!(tui.alive(), "the app exited on :who");
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_sync_the_server_throttles_says_why_it_waits_then_completes() {
    // The first two requests get 429 with `Retry-After: 2`: the status bar says what the
    // server answered and when the retry comes, instead of a spinner turning in silence.
    let mut tui = Tui::spawn(
        &[
            "--profile",
            "sandbox-zoo",
            "--sandbox-users",
            "50",
            "--sandbox-fault",
            "storm=2:2",
        ],
        80,
        24,
    );
    // The seconds count down from 2; any of them will do.
    tui.wait_for("the wait in the status bar", |screen| {
        let text = screen.contents();
        (text.contains("syncing the directory… server answered 429: retry 1/3 in ")
            && text.contains(" s (Esc cancels)"))
        .then_some(())
    });
    wait_for_users(&tui, 5);
    assert!(!tui.screen_text().contains("server answered"));
    tui.send("q");
    assert!(tui.wait_exit().success());
}

#[test]
fn a_command_the_server_throttles_counts_the_wait_down_on_a_terminal_then_clears_it() {
    let mut tui = Tui::spawn(
        &[
            "--profile",
            "sandbox-zoo",
            "--sandbox-users",
            "50",
            "--sandbox-fault",
            "storm=1:2",
            "list",
            "--limit",
            "3",
        ],
        100,
        12,
    );
    tui.wait_for("the wait on stderr", |screen| {
        screen
            .contents()
            .contains("userscope: server answered 429: retry 1/3 in ")
            .then_some(())
    });
    assert!(tui.wait_exit().success());
    // The line was cleared before the table: the table starts on the first row.
    let text = tui.screen_text();
    assert!(text.starts_with("ID "), "{text}");
    assert!(!text.contains("server answered"), "{text}");
}

#[test]
fn who_names_the_profile_whose_server_asks_to_wait() {
    // Every profile is asked at once: the one whose request met the 429 is named.
    let mut tui = Tui::spawn(
        &[
            "--sandbox-users",
            "20",
            "--sandbox-fault",
            "storm=1:2",
            "who",
            "yui.suzuki.0@contractors.example.net",
        ],
        100,
        12,
    );
    tui.wait_for("the named wait on stderr", |screen| {
        let text = screen.contents();
        (text.contains("userscope: sandbox-") && text.contains(": server answered 429: retry 1/3"))
            .then_some(())
    });
    assert!(tui.wait_exit().success());
    assert!(!tui.screen_text().contains("server answered"));
}
