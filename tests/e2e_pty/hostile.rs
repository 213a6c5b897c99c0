//! Hostile names (CSI, OSC 52, OSC 0) are shown inert and never reach the terminal, and the
//! screen model these tests read sees such requests at all.

use userscope::sandbox::{Sandbox, SandboxConfig};

use crate::pty::{self, list_rows, screen_rows};
use crate::{SEED, USERS, explorer};

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
