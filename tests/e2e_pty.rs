//! End-to-end tests of the built binary in a pseudo-terminal: what an operator sees and types,
//! from the first screen to the exported file, and how the terminal is left afterwards.
//!
//! Every test runs the explorer on the embedded sandbox with private HOME and XDG dirs. Waits are
//! deadline loops on the screen (see `pty::Tui::wait_for`); nothing asserts on timing.

#![allow(clippy::unwrap_used)]

mod pty;

use std::ffi::{OsStr, OsString};
use std::os::unix::fs::PermissionsExt;

use pty::{Tui, list_rows, only_file, screen_rows, tree_path};
use userscope::sandbox::{Sandbox, SandboxConfig};

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

/// Waits for the tree path to differ from `before`; returns the new one.
fn wait_path_change(tui: &Tui, before: &str) -> String {
    tui.wait_for(&format!("the tree path to move off {before:?}"), |screen| {
        tree_path(screen).filter(|path| path != before)
    })
}

/// Presses `key` until the tree path is `target`, one key per observed move.
fn walk_to(tui: &mut Tui, key: &str, target: &str) {
    let mut path = tui.wait_for("the tree path line", tree_path);
    for _ in 0..60 {
        if path == target {
            return;
        }
        tui.send(key);
        path = wait_path_change(tui, &path);
    }
    panic!("never reached {target}; last path {path}");
}

/// `l` on the current node until the path changes: expand (path stays), then step in.
fn step_in(tui: &mut Tui) -> String {
    let before = tui.wait_for("the tree path line", tree_path);
    // The first `l` expands (the path stays); the second enters the first child. The app
    // reads keys in order, so both can go at once.
    tui.send("ll");
    wait_path_change(tui, &before)
}

/// The 3rd user row's name (the rows are `<mark><status> <name>  <email>`).
fn name_of(row: &str) -> String {
    let rest: String = row.chars().skip(3).collect();
    let (name, email) = rest.trim_end().rsplit_once(' ').unwrap();
    assert!(email.contains('@'), "no e-mail at the end of {row:?}");
    name.trim().to_owned()
}

/// GET the record exactly as the zooza provider does for a sandbox profile: `/user` with the
/// user's own token (`{owner token}-{id}`).
fn zooza_record_body(id: &str) -> Vec<u8> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let config = SandboxConfig {
            users: USERS,
            seed: SEED,
            ..SandboxConfig::default()
        };
        let sandbox = Sandbox::start("127.0.0.1:0".parse().unwrap(), config)
            .await
            .unwrap();
        let _ = rustls::crypto::ring::default_provider().install_default();
        let credentials = sandbox.credentials().clone();
        let response = reqwest::Client::new()
            .get(format!("{}/user", sandbox.base_url("zooza")))
            .header("X-ZOOZA-API-KEY", &credentials.zooza_api_key)
            .header("X-ZOOZA-COMPANY", credentials.zooza_company_id.to_string())
            .header("X-ZOOZA-TOKEN", format!("{}-{id}", credentials.zooza_token))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let body = response.bytes().await.unwrap().to_vec();
        sandbox.shutdown().await;
        body
    })
}

#[test]
fn filter_open_walk_the_tree_and_export_the_exact_bytes() {
    let mut tui = explorer("sandbox-zooza", 120, 40);
    let rows = wait_for_users(&tui, 10);
    let name = name_of(&rows[2]);
    assert!(!name.is_empty(), "no name in {:?}", rows[2]);

    // Filter on the name, then Enter also asks the server.
    tui.send("/");
    tui.send(&name);
    tui.wait_for("the filter to narrow the list", |screen| {
        screen.contents().contains(" match ").then_some(())
    });
    tui.send("\r");
    tui.wait_for_text("the server found");

    // Open the selected user, go to the Tree tab.
    tui.send("\r");
    tui.wait_for_text("Overview");
    tui.wait_for("the record's overview", |screen| {
        screen.contents().contains("User id").then_some(())
    });
    tui.send("]");
    let title = format!("┌ {name} ");
    let root = tui.wait_for("the tree of the user typed", |screen| {
        screen
            .contents()
            .contains(&title)
            .then(|| tree_path(screen))
            .flatten()
    });
    assert_eq!(root, ".");

    // Down to the first top-level key, then siblings to `discounts`.
    tui.send("j");
    wait_path_change(&tui, ".");
    walk_to(&mut tui, "J", ".discounts");
    tui.wait_for("the discounts row", |screen| {
        screen.contents().contains("discounts: [").then_some(())
    });
    assert_eq!(step_in(&mut tui), ".discounts[0]");
    assert_eq!(step_in(&mut tui), ".discounts[0].id");
    walk_to(&mut tui, "J", ".discounts[0].attendance");
    assert_eq!(step_in(&mut tui), ".discounts[0].attendance[0]");
    tui.wait_for("an attendance row", |screen| {
        screen_rows(screen)
            .iter()
            .any(|row| row.contains("attendance:"))
            .then_some(())
    });

    // Export: the status line says where, the file is private and holds the server's bytes.
    tui.send("x");
    tui.wait_for_text("exported to");
    let exports = tui.homes.exports();
    let file = only_file(&exports).unwrap_or_else(|| panic!("one export in {exports:?}"));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{file:?}");
    let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
    let (id, _) = file_name
        .strip_prefix("sandbox-zooza-")
        .and_then(|rest| rest.split_once('-'))
        .unwrap_or_else(|| panic!("unexpected export name {file_name}"));
    let exported = std::fs::read(&file).unwrap();
    let served = zooza_record_body(id);
    assert_eq!(
        exported, served,
        "the export of user {id} differs from the server's body"
    );
    let json: serde_json::Value = serde_json::from_slice(&served).unwrap();
    assert_eq!(
        format!(
            "{} {}",
            json["user"]["first_name"].as_str().unwrap(),
            json["user"]["last_name"].as_str().unwrap()
        ),
        name,
        "the export is of the user whose name was typed"
    );

    tui.send("q");
    assert!(tui.wait_exit().success());
}

/// The zooza team page as the sandbox serves it: (first name, last name) by index.
fn zooza_names(count: u64) -> Vec<(String, String)> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let config = SandboxConfig {
            users: USERS,
            seed: SEED,
            ..SandboxConfig::default()
        };
        let sandbox = Sandbox::start("127.0.0.1:0".parse().unwrap(), config)
            .await
            .unwrap();
        let _ = rustls::crypto::ring::default_provider().install_default();
        let credentials = sandbox.credentials().clone();
        let body: serde_json::Value = reqwest::Client::new()
            .get(format!(
                "{}/users?page=0&page_size={count}",
                sandbox.base_url("zooza")
            ))
            .header("X-ZOOZA-API-KEY", &credentials.zooza_api_key)
            .header("X-ZOOZA-COMPANY", credentials.zooza_company_id.to_string())
            .header("X-ZOOZA-TOKEN", &credentials.zooza_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        sandbox.shutdown().await;
        body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|user| {
                let text = |key: &str| user[key].as_str().unwrap_or_default().to_owned();
                (text("first_name"), text("last_name"))
            })
            .collect()
    })
}

/// What the list shows of a hostile name: the sanitized text up to a few characters past the
/// first replacement mark (three: a long name is cut in its middle to fit its column).
/// (The screen model shows the mark as `pty::MARK_ON_SCREEN`, see there.)
fn shown_prefix(first: &str, last: &str) -> String {
    let shown = userscope::sanitize::one_line(&format!("{first} {last}"));
    let mark = shown
        .chars()
        .position(|c| c == userscope::sanitize::MARK)
        .unwrap_or_else(|| panic!("{shown:?} holds no replacement mark"));
    shown
        .chars()
        .take(mark + 3)
        .map(|c| {
            if c == userscope::sanitize::MARK {
                pty::MARK_ON_SCREEN
            } else {
                c
            }
        })
        .collect()
}

#[test]
fn hostile_names_are_shown_inert_and_never_reach_the_terminal() {
    // Index 7 carries CSI (clear screen, home, red), 32 an OSC 52 clipboard write, 57 an OSC 0
    // title change (`userscope::sandbox::generate::hostile_kind`); the zooza team list is in
    // index order, owner first.
    let names = zooza_names(60);
    let mut tui = explorer("sandbox-zooza", 120, 40);
    let prefixes: Vec<(usize, String)> = [7, 32]
        .into_iter()
        .map(|index| (index, shown_prefix(&names[index].0, &names[index].1)))
        .collect();
    tui.wait_for("rows 7 and 32 with their marks", |screen| {
        let rows = list_rows(screen);
        prefixes
            .iter()
            .all(|(index, prefix)| rows.get(*index).is_some_and(|row| row.contains(prefix)))
            .then_some(())
    });
    // Open user 7: the detail pane's title and overview print the name too.
    tui.send("jjjjjjj\r");
    let (first, last) = &names[7];
    let prefix = shown_prefix(first, last);
    tui.wait_for("user 7's overview", |screen| {
        let text = screen.contents();
        (text.contains("User id") && text.contains("1007")).then_some(())
    });
    tui.wait_for("the hostile name in the detail title", |screen| {
        screen_rows(screen)
            .iter()
            .any(|row| row.contains(&format!("┐┌ {prefix}")))
            .then_some(())
    });
    // Back to the list and a page down, so user 57 (OSC 0) is drawn: beside the detail pane
    // the view turns a page (rows 31-63 with the cursor on 40). A second page would turn past
    // 57, and whether a frame showed it in between would depend on timing.
    tui.send("\t");
    tui.send("\x1b[6~");
    let (first, last) = &names[57];
    let prefix = shown_prefix(first, last);
    tui.wait_for("user 57's row", |screen| {
        list_rows(screen)
            .iter()
            .any(|row| row.contains(&prefix))
            .then_some(())
    });
    tui.send("q");
    assert!(tui.wait_exit().success());

    assert_eq!(
        tui.requests(),
        (0, 0),
        "(clipboard writes, title changes) the terminal was asked for"
    );
    // The app never writes OSC itself, so none of these can be legitimate output.
    let raw = tui.raw();
    let contains = |needle: &[u8]| raw.windows(needle.len()).any(|window| window == needle);
    for needle in [
        &b"\x1b]52;"[..],
        b"cm0gLXJmIH4=",
        b"\x1b]0;",
        b"owned by sandbox",
        b"\x1b[2J\x1b[H\x1b[31m",
    ] {
        assert!(
            !contains(needle),
            "the terminal received {:?}",
            String::from_utf8_lossy(needle)
        );
    }
}

/// Where `needle` last occurs in `haystack`.
fn last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

/// The control sequences (`ESC [ params final`) in `bytes` that end in `final_byte`, with
/// where each starts.
fn csi_sequences(bytes: &[u8], final_byte: u8) -> Vec<(usize, &[u8])> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = bytes[at..]
        .windows(2)
        .position(|window| window == b"\x1b[")
        .map(|offset| at + offset)
    {
        let params = bytes[start + 2..]
            .iter()
            .take_while(|byte| byte.is_ascii_digit() || **byte == b';')
            .count();
        let end = start + 2 + params;
        if bytes.get(end) == Some(&final_byte) {
            found.push((start, &bytes[start..=end]));
        }
        at = end.max(start + 2);
    }
    found
}

/// What the shell around the app prints before `stty -a`, once the app has exited.
const STTY_MARK: &str = "--- stty after exit ---";

/// The explorer on a sandbox profile, run by `sh`, which prints the terminal's settings once
/// the app has exited (so they are read from the terminal itself, not from what the app
/// claims) and exits with the app's status.
fn explorer_in_shell(profile: &str, env: &[(&str, &str)]) -> Tui {
    let script =
        format!("\"$0\" \"$@\"; status=$?; echo; echo '{STTY_MARK}'; stty -a; exit $status");
    let (seed, users) = (SEED.to_string(), USERS.to_string());
    let args: Vec<OsString> = [
        "-c",
        &script,
        pty::app(),
        "--profile",
        profile,
        "--sandbox-seed",
        &seed,
        "--sandbox-users",
        &users,
    ]
    .into_iter()
    .map(OsString::from)
    .collect();
    let env: Vec<(&str, &OsStr)> = env
        .iter()
        .map(|(key, value)| (*key, OsStr::new(value)))
        .collect();
    Tui::spawn_in(pty::Homes::new(), "sh".as_ref(), &args, &env, 120, 40)
}

/// The settings `stty -a` prints as words (`icanon`, `-echo`, `rows` ...).
fn stty_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ';')
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The flags a terminal in cooked mode has and raw mode (`cfmakeraw`) clears.
const COOKED_FLAGS: [&str; 5] = ["icanon", "echo", "isig", "icrnl", "opost"];

/// The terminal's settings now, read from its device.
fn stty_now(tui: &Tui) -> Vec<String> {
    let output = std::process::Command::new("stty")
        .arg("-a")
        .arg("-F")
        .arg(tui.tty_name())
        .output()
        .expect("stty runs");
    assert!(output.status.success(), "stty -F failed: {output:?}");
    stty_words(&String::from_utf8_lossy(&output.stdout))
}

/// The app left the terminal as it found it: the stream's tail leaves the alternate screen,
/// shows the cursor and turns mouse reporting off (after the last time it entered / hid /
/// turned them on), the screen model agrees, and `stty -a` run after the app says the line
/// discipline is back in cooked mode.
fn assert_restored(tui: &Tui) {
    let raw = tui.raw();
    let entered = last(&raw, b"\x1b[?1049h").expect("the app entered the alternate screen");
    let left = last(&raw, b"\x1b[?1049l").expect("the app left the alternate screen");
    assert!(
        left > entered,
        "the alternate screen was entered again after leaving it"
    );
    let shown = last(&raw, b"\x1b[?25h").expect("the cursor was shown again");
    if let Some(hidden) = last(&raw, b"\x1b[?25l") {
        assert!(shown > hidden, "the cursor was left hidden");
    }
    // The backend keeps its pen and scroll region from frame to frame: the shell must get
    // neither back.
    let before_leaving = &raw[..left];
    if let Some((_, sgr)) = csi_sequences(before_leaving, b'm').last() {
        assert!(
            *sgr == b"\x1b[0m" || *sgr == b"\x1b[m",
            "the style was left as {sgr:?}"
        );
    }
    if let Some((_, margins)) = csi_sequences(before_leaving, b'r').last() {
        assert_eq!(*margins, b"\x1b[r", "a scroll region was left set");
    }
    for mode in ["1000", "1002", "1003", "1006"] {
        if let Some(on) = last(&raw, format!("\x1b[?{mode}h").as_bytes()) {
            let off = last(&raw, format!("\x1b[?{mode}l").as_bytes());
            assert!(off > Some(on), "mouse mode {mode} was left on");
        }
    }
    assert_eq!(
        tui.terminal_modes(),
        (false, false),
        "(alternate screen, hidden cursor) after exit"
    );
    assert!(!tui.mouse_reporting(), "mouse reporting is still on");
    let stty_at = last(&raw, STTY_MARK.as_bytes()).expect("the shell ran stty after the app");
    assert!(stty_at > left, "stty ran before the app left");
    let words = stty_words(&String::from_utf8_lossy(&raw[stty_at..]));
    for flag in COOKED_FLAGS {
        assert!(
            words.iter().any(|word| word == flag),
            "{flag} is not set after exit: {words:?}"
        );
    }
}

/// Mouse reporting was asked for and the terminal was in raw mode while the app ran, so
/// `assert_restored` has something to check.
fn assert_raw_while_running(tui: &Tui) {
    let words = stty_now(tui);
    for flag in ["icanon", "echo"] {
        assert!(
            words.iter().any(|word| *word == format!("-{flag}")),
            "{flag} is still set while the app runs: {words:?}"
        );
    }
    assert!(
        tui.mouse_reporting(),
        "the app did not turn mouse reporting on"
    );
}

fn restores_on_signal(signal: &str) {
    let mut tui = explorer_in_shell("sandbox-zoo", &[]);
    wait_for_users(&tui, 1);
    assert_raw_while_running(&tui);
    let app = tui.wait_for_grandchild();
    pty::signal(app, signal);
    let status = tui.wait_exit();
    assert!(status.success(), "SIG{signal} exit: {status:?}");
    assert_restored(&tui);
}

#[test]
fn sighup_restores_the_terminal_and_exits() {
    restores_on_signal("HUP");
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    restores_on_signal("TERM");
}

#[test]
fn q_restores_the_terminal_and_exits_zero() {
    let mut tui = explorer_in_shell("sandbox-quip", &[]);
    wait_for_users(&tui, 1);
    tui.wait_for("the status line to say ready", |screen| {
        screen_rows(screen)
            .last()
            .is_some_and(|row| row.trim() == "ready")
            .then_some(())
    });
    assert_raw_while_running(&tui);
    tui.send("q");
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert!(status.success());
    assert_restored(&tui);
}

/// The test hook (`USERSCOPE_TEST_PANIC`, see `userscope::tui`) panics right after the first
/// frame: the terminal is restored all the same, the message is on the main screen (stderr)
/// and in the log, no token is in either, and the exit status says it failed.
#[test]
fn a_panic_restores_the_terminal_and_exits_non_zero() {
    let mut tui = explorer_in_shell(
        "sandbox-zoo",
        &[(userscope::tui::TEST_PANIC_ENV, "after-first-frame")],
    );
    let status = tui.wait_exit();
    assert!(!status.success(), "a panic exited zero: {status:?}");
    assert_eq!(status.exit_code(), 101, "Rust's exit code for a panic");
    assert_restored(&tui);

    let message = b"after-first-frame: a panic on demand";
    let raw = tui.raw();
    let left = last(&raw, b"\x1b[?1049l").unwrap();
    let said = last(&raw, message).expect("the panic message on stderr");
    assert!(
        said > left,
        "the message was printed on the alternate screen"
    );
    let log = std::fs::read(tui.homes.state().join("userscope").join("userscope.log"))
        .expect("the log file");
    let log = String::from_utf8_lossy(&log);
    let message = String::from_utf8_lossy(message);
    assert!(
        log.lines()
            .any(|line| line.contains("panic: ") && line.contains(&*message)),
        "no panic line in the log:\n{log}"
    );
    let credentials = userscope::sandbox::SandboxCredentials::default();
    for token in [
        &credentials.zoo_token,
        &credentials.zooza_token,
        &credentials.quip_token,
    ] {
        assert!(
            last(&raw, token.as_bytes()).is_none(),
            "{token} on the terminal"
        );
        assert!(!log.contains(token.as_str()), "{token} in the log");
    }
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

/// The harness itself: the screen model counts OSC requests and shows U+FFFD even when a read
/// splits it, so the assertions above can fail.
#[test]
fn the_screen_model_sees_osc_requests_and_split_replacement_marks() {
    let (requests, text) = pty::replay(&[
        b"a\xef\xbf",
        b"\xbdb\x1b]52;c;aGk=\x07\x1b]0;t\x07\xef",
        b"\xbf\xbd",
    ]);
    // OSC 0 sets both the icon name and the title.
    assert_eq!(requests, (1, 2));
    assert_eq!(
        text,
        format!("a{0}b{0}", pty::MARK_ON_SCREEN),
        "the marks take their column"
    );
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
