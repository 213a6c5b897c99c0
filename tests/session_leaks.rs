//! A whole session with a known, distinctive token never lets it out: `list`, `get` (all three
//! forms), `info`, `audit` to a file and to stdout, then the explorer (list, a record, its tree,
//! an export, `:audit`, `:export-audit`), and in both a forced 401 and 500 from the server. Then
//! every file under the private HOME and XDG dirs (logs at `RUST_LOG=debug`, exports, reports,
//! the audit trail, config), every CLI output, every screen the explorer showed and the raw byte
//! stream it wrote are searched for the token as it is, base64 (either alphabet, any
//! alignment), percent-encoded and hex.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod pty;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::Engine as _;
use pty::{Homes, Tui, tree_path};
use userscope::sandbox::{FaultPlan, Sandbox, SandboxConfig, StatusBody, StatusFault};

/// The token: characters that change under base64, percent-encoding and hex, so each form
/// is a different needle.
const TOKEN: &str = "Lk+9/Qz=canary-7T3x_w2Ue";

const TOKEN_ENV: &str = "LEAK_TEST_ZOO_TOKEN";

/// Every form the token could leak in.
fn needles() -> Vec<(String, Vec<u8>)> {
    let mut needles = vec![("as is".to_owned(), TOKEN.as_bytes().to_vec())];
    // A token inside a longer encoded text starts at any of three offsets in a base64 group;
    // the whole groups made of its bytes from offset `skip` appear whatever the surrounding.
    for skip in 0..3 {
        let bytes = &TOKEN.as_bytes()[skip..];
        let whole = &bytes[..bytes.len() / 3 * 3];
        for (name, engine) in [
            ("base64", &base64::engine::general_purpose::STANDARD_NO_PAD),
            (
                "base64url",
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            ),
        ] {
            needles.push((
                format!("{name} at +{skip}"),
                engine.encode(whole).into_bytes(),
            ));
        }
    }
    let percent = |upper: bool| -> Vec<u8> {
        TOKEN
            .bytes()
            .map(|byte| match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    char::from(byte).to_string()
                }
                _ if upper => format!("%{byte:02X}"),
                _ => format!("%{byte:02x}"),
            })
            .collect::<String>()
            .into_bytes()
    };
    needles.push(("percent-encoded".to_owned(), percent(true)));
    needles.push(("percent-encoded, lower-case hex".to_owned(), percent(false)));
    let hex = TOKEN.bytes().fold(String::new(), |mut hex, byte| {
        use std::fmt::Write as _;
        let _ = write!(hex, "{byte:02x}");
        hex
    });
    needles.push(("hex".to_owned(), hex.into_bytes()));
    needles
}

/// The forms of the token `haystack` holds.
fn leaks(haystack: &[u8]) -> Vec<String> {
    needles()
        .into_iter()
        .filter(|(_, needle)| {
            haystack
                .windows(needle.len())
                .any(|window| window == needle)
        })
        .map(|(form, _)| form)
        .collect()
}

/// Panics if `haystack` (named `what`) holds the token in any form.
fn assert_clean(what: &str, haystack: &[u8]) {
    let forms = leaks(haystack);
    assert!(forms.is_empty(), "the token is in {what}, as {forms:?}");
}

/// The search finds the token however it is wrapped, so a clean result means something.
#[test]
fn the_search_finds_every_form_of_the_token() {
    assert_eq!(leaks(format!("x{TOKEN}y").as_bytes()), ["as is"]);
    for prefix in ["", "a", "ab", "Authorization: Bearer "] {
        let header = format!("{prefix}{TOKEN}!");
        for engine in [
            &base64::engine::general_purpose::STANDARD,
            &base64::engine::general_purpose::URL_SAFE,
        ] {
            let encoded = engine.encode(&header);
            assert!(!leaks(encoded.as_bytes()).is_empty(), "{encoded}");
        }
    }
    assert!(leaks(b"Lk%2B9%2FQz%3Dcanary-7T3x_w2Ue").contains(&"percent-encoded".to_owned()));
    assert!(
        leaks(b"Lk%2b9%2fQz%3dcanary-7T3x_w2Ue")
            .contains(&"percent-encoded, lower-case hex".to_owned())
    );
    assert!(leaks(b"sandbox-zoo-token").is_empty());
}

/// Every file under `dir`, however deep.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

fn fault(code: u16) -> FaultPlan {
    FaultPlan {
        scope: Some("/zoo/".to_owned()),
        status: Some(StatusFault {
            code,
            body: StatusBody::Provider,
        }),
        ..FaultPlan::default()
    }
}

/// One CLI run in the session's homes with the token in its environment.
fn run(homes: &Homes, args: &[&str]) -> Output {
    let mut command = Command::new(pty::app());
    command.args(args);
    homes.apply(&mut command);
    command
        .env(TOKEN_ENV, TOKEN)
        .env("RUST_LOG", "debug")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The CLI half: returns every output, and the ids it listed.
fn cli_session(homes: &Homes, sandbox: &Sandbox) -> (Vec<Output>, Vec<String>) {
    let mut outputs = Vec::new();
    let list = run(homes, &["list", "-p", "leaky", "--json"]);
    let users: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    let ids: Vec<String> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|user| user["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.len() >= 5, "{ids:?}");
    outputs.push(list);
    outputs.push(run(homes, &["list", "-p", "leaky"]));
    for form in [None, Some("--json"), Some("--raw")] {
        let mut args = vec!["get", "-p", "leaky", &ids[0]];
        args.extend(form);
        let output = run(homes, &args);
        stdout(&output);
        outputs.push(output);
    }
    outputs.push(run(homes, &["info"]));
    let report = homes.data().join("report.csv");
    let audit = run(
        homes,
        &[
            "audit",
            "-p",
            "leaky",
            "-f",
            "csv",
            "--out",
            report.to_str().unwrap(),
        ],
    );
    stdout(&audit);
    assert!(report.exists());
    outputs.push(audit);
    let audit = run(homes, &["audit", "-p", "leaky", "-f", "markdown"]);
    stdout(&audit);
    outputs.push(audit);
    for code in [401, 500] {
        sandbox.set_faults(fault(code));
        for args in [
            vec!["get", "-p", "leaky", &ids[1]],
            vec!["list", "-p", "leaky"],
        ] {
            let output = run(homes, &args);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains(&code.to_string()), "{args:?}: {stderr}");
            outputs.push(output);
        }
    }
    sandbox.set_faults(FaultPlan::default());
    (outputs, ids)
}

/// Waits for the screen to be ready, and keeps it.
fn step(tui: &Tui, screens: &mut Vec<String>, what: &str, ready: impl Fn(&str) -> bool) {
    tui.wait_for(what, |screen| ready(&screen.contents()).then_some(()));
    screens.push(tui.screen_text());
}

/// The explorer half: returns every screen it showed at each step.
fn explorer_session(tui: &mut Tui, sandbox: &Sandbox) -> Vec<String> {
    let mut screens = Vec::new();
    tui.wait_for("the user list", |screen| {
        (pty::list_rows(screen).len() >= 5).then_some(())
    });
    screens.push(tui.screen_text());
    tui.send("\r");
    step(tui, &mut screens, "the record", |text| {
        text.contains("Overview")
    });
    tui.send("]");
    let root = tui.wait_for("the tree", tree_path);
    tui.send("jll");
    tui.wait_for("a move in the tree", |screen| {
        tree_path(screen).filter(|path| *path != root)
    });
    screens.push(tui.screen_text());
    tui.send("x");
    step(tui, &mut screens, "the export", |text| {
        text.contains("exported to")
    });
    tui.send(":audit\r");
    step(tui, &mut screens, "the audit", |text| {
        text.contains("audit finished")
    });
    tui.send(":export-audit\r");
    step(tui, &mut screens, "the audit report", |text| {
        text.matches("exported to").count() == 1 && text.contains("-audit-")
    });
    for code in [401, 500] {
        sandbox.set_faults(fault(code));
        // Back to the list, the next user, open it.
        tui.send("\tj\r");
        let code = code.to_string();
        step(tui, &mut screens, &format!("the {code}"), |text| {
            text.contains(&format!("HTTP {code}"))
        });
    }
    sandbox.set_faults(FaultPlan::default());
    tui.send("q");
    assert!(tui.wait_exit().success());
    screens
}

#[test]
fn a_whole_session_never_writes_or_shows_the_token() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut config = SandboxConfig {
        users: 30,
        ..SandboxConfig::default()
    };
    config.credentials.zoo_token = TOKEN.to_owned();
    let sandbox = runtime
        .block_on(Sandbox::start("127.0.0.1:0".parse().unwrap(), config))
        .unwrap();
    let homes = Homes::new();
    let config_dir = homes.config().join("userscope");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        format!(
            "default_profile = \"leaky\"\n\n[profiles.leaky]\nprovider = \"zoo\"\nbase_url = \"{}\"\ntoken_env = \"{TOKEN_ENV}\"\nmax_retries = 0\n",
            sandbox.base_url("zoo")
        ),
    )
    .unwrap();

    let (outputs, _) = cli_session(&homes, &sandbox);
    let root = homes.root().to_path_buf();
    let env: [(&str, &OsStr); 2] = [(TOKEN_ENV, TOKEN.as_ref()), ("RUST_LOG", "debug".as_ref())];
    let args: Vec<OsString> = ["--profile", "leaky"]
        .into_iter()
        .map(OsString::from)
        .collect();
    let mut tui = Tui::spawn_in(homes, pty::app().as_ref(), &args, &env, 120, 40);
    let screens = explorer_session(&mut tui, &sandbox);

    assert!(
        sandbox.requests().len() > 30,
        "the session hardly reached the sandbox"
    );
    for (index, output) in outputs.iter().enumerate() {
        assert_clean(&format!("the stdout of CLI run {index}"), &output.stdout);
        assert_clean(&format!("the stderr of CLI run {index}"), &output.stderr);
    }
    for (index, screen) in screens.iter().enumerate() {
        assert_clean(&format!("screen {index}"), screen.as_bytes());
    }
    assert_clean("the explorer's byte stream", &tui.raw());
    let files = files_under(&root);
    let names: Vec<String> = files
        .iter()
        .map(|file| file.strip_prefix(&root).unwrap().display().to_string())
        .collect();
    for expected in [
        "userscope.log",
        "audit-trail.jsonl",
        "report.csv",
        "-audit-",
        ".json",
    ] {
        assert!(
            names.iter().any(|name| name.contains(expected)),
            "no {expected} among {names:?}"
        );
    }
    let mut searched_bytes = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        searched_bytes += bytes.len();
        assert_clean(&file.display().to_string(), &bytes);
    }
    eprintln!(
        "searched {} files ({searched_bytes} bytes: {names:?}), {} CLI runs, {} screens, {} bytes of terminal stream",
        files.len(),
        outputs.len(),
        screens.len(),
        tui.raw().len()
    );
    runtime.block_on(sandbox.shutdown());
}
