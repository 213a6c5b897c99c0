//! Filter, open, walk the tree and export: the exported file holds the server's exact bytes.

use std::os::unix::fs::PermissionsExt;

use userscope::sandbox::{Sandbox, SandboxConfig};

use crate::pty::{Tui, only_file, screen_rows, tree_path};
use crate::{SEED, USERS, explorer, wait_for_users};

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
