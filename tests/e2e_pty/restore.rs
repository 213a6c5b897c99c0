//! How the terminal is left: after `q`, SIGHUP, SIGTERM and a panic, the alternate screen, the
//! cursor, mouse reporting, the pen and the line discipline are all back as they were.

use std::ffi::{OsStr, OsString};

use crate::pty::{self, Tui, screen_rows};
use crate::{SEED, USERS, wait_for_users};

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
