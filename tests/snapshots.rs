//! Snapshots of every pane at 80x24 and 120x40, drawn by the real render function on ratatui's
//! `TestBackend` from hand-built states: the list with its count and markers, the overview, the
//! tree with domain labels, the raw view, the help overlay, loading and error states.
//!
//! The audit tab's snapshots are in `snapshots/audit.rs`.

use std::sync::Arc;

use bytes::Bytes;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use userscope::http::Response;
use userscope::model::{StatusMarker, UserSummary};
use userscope::msg::Msg;
use userscope::state::{DetailTab, Focus, ProfileBadge, RequestId, State};
use userscope::theme::Theme;
use userscope::ui::DrawnRows;
use userscope::update::update;

// Submodules sit in `tests/snapshots/`, by `#[path]` (a `mod x;` here would be `tests/x.rs`, a
// test binary of its own), beside the `.snap` files. This file stays the crate root, not
// `tests/snapshots/main.rs`, so `assert_snapshot!` in `snapshot` keeps its file: insta reads the
// same `tests/snapshots/` and every `.snap` keeps its name and `source`.
#[path = "snapshots/audit.rs"]
mod audit;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

const RECORD: &str = r#"{"id":479,"shared_user":{"id":5123,"first_name":"Asha","last_name":"Rao","full_name":"Asha Rao","email":"asha.rao@example.in","language":"en","is_shared":true,"date_joined":"2023-09-11T16:28:22.223671+05:30","last_login":null,"first_login":true,"has_usable_password":false,"is_social_signup":false,"is_sso_login":false,"enforce_mfa":true,"mfa_enabled":false,"mfa_status":"Disabled"},"access_level":{"id":3,"name":"Viewer","permissions":[{"id":2,"code":"QR_CODE_CAN_VIEW","name":"View QR codes","description":"","is_boolean":true}],"is_custom":false},"invitation_sent_on":"2023-09-11T16:28:22.227002+05:30","invitation_accepted_on":null,"is_invitation_sent":true,"is_invitation_accepted":false,"created":"2023-09-11T16:28:22.223671+05:30","modified":"2023-09-11T16:28:22.227109+05:30","tags":[{"id":1,"name":"Marketing"}],"x_new_field":"kept"}"#;

fn users() -> Vec<UserSummary> {
    let names = [
        (
            "0",
            "Ján Horváthová",
            "jan.horvathova@example.net",
            vec![StatusMarker::Owner],
        ),
        (
            "479",
            "Asha Rao",
            "asha.rao@example.in",
            vec![StatusMarker::PendingInvitation, StatusMarker::NeverLoggedIn],
        ),
        ("2", "Grace O'Brien", "grace.obrien@example.org", vec![]),
        (
            "3",
            "Evil\u{1b}[2J\u{1b}]52;c;aGk=\u{7}Name",
            "evil@example.com",
            vec![StatusMarker::Blocked("admin".into())],
        ),
        (
            "4",
            "山田 太郎",
            "taro.yamada@example.jp",
            vec![StatusMarker::Disabled],
        ),
        (
            "5",
            "Zoë Ó Súilleabháin with a name far too long to fit any column at all",
            "zoe@example.ie",
            vec![],
        ),
    ];
    names
        .into_iter()
        .map(|(id, name, email, status)| UserSummary {
            id: id.into(),
            name: name.into(),
            email: email.into(),
            role: None,
            status,
        })
        .collect()
}

fn record() -> Arc<userscope::model::UserRecord> {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let response = Response {
        status: 200,
        path: "/multi-users/479/".into(),
        headers,
        body: Bytes::from_static(RECORD.as_bytes()),
    };
    Arc::new(userscope::provider::scanova::map_record("479", &response).expect("the record maps"))
}

/// A state with users loaded (4,210 in all) and the second user's record shown.
fn loaded(size: (u16, u16)) -> State {
    let profile = ProfileBadge {
        name: "sandbox-scanova".into(),
        provider: "scanova".into(),
        is_sandbox: true,
    };
    let mut state = State::new(profile, size);
    let effects = userscope::update::init(&mut state);
    let Some(userscope::effect::Effect::OpenDirectory { request }) = effects.into_iter().next()
    else {
        panic!("no directory opened")
    };
    // Stored five minutes ago, of a directory of 4,210 the last sync did not finish.
    let stored = userscope::msg::StoredDirectory {
        users: users(),
        age_secs: Some(300),
        stale: false,
        total: Some(4_210),
        note: None,
        held: None,
    };
    update(
        &mut state,
        Msg::DirectoryOpened {
            request,
            stored: Ok(stored),
        },
    );
    state.list.cursor = 1;
    state.detail.wanted = None;
    let request = state.next_request();
    state.detail.loading = Some((request, "479".into()));
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record()),
        },
    );
    state
}

fn draw(state: &State) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(state.size.0, state.size.1)).expect("a test terminal");
    terminal
        .draw(|frame| {
            userscope::ui::render(frame, state, &Theme::dark(), &mut DrawnRows::default());
        })
        .expect("draws");
    terminal.backend().to_string()
}

fn snapshot(name: &str, state: &State) {
    let (columns, rows) = state.size;
    let screen = draw(state);
    assert!(
        !screen.contains('\u{1b}'),
        "no escape byte reaches the screen"
    );
    insta::assert_snapshot!(format!("{name}_{columns}x{rows}"), screen);
}

#[test]
fn list_and_overview() {
    for size in SIZES {
        snapshot("list_and_overview", &loaded(size));
    }
}

/// The tree tab, focused, two levels shown, the cursor on its fourth row.
fn on_the_tree(size: (u16, u16)) -> State {
    let mut state = loaded(size);
    state.focus = Focus::Detail;
    state.detail.tab = DetailTab::Tree;
    state.detail.tree.collapse_to_depth(2);
    state.detail.tree.move_by(3);
    state
}

#[test]
fn tree_tab_expanded_two_levels() {
    for size in SIZES {
        snapshot("tree", &on_the_tree(size));
    }
}

#[test]
fn raw_tab() {
    for size in SIZES {
        let mut state = loaded(size);
        state.detail.tab = DetailTab::Raw;
        snapshot("raw", &state);
    }
}

#[test]
fn help_overlay() {
    for size in SIZES {
        let mut state = loaded(size);
        state.help_open = true;
        snapshot("help", &state);
    }
}

#[test]
fn filter_typing() {
    for size in SIZES {
        let mut state = loaded(size);
        state.focus = Focus::Filter;
        state.list.filter = tui_input::Input::new("'example.org".into());
        // A small list filters at once: no background job.
        assert!(state.list.refilter(RequestId(0)).is_none());
        snapshot("filter", &state);
    }
}

#[test]
fn loading_and_error_states() {
    for size in SIZES {
        let profile = ProfileBadge {
            name: "acme-zoo".into(),
            provider: "zoo".into(),
            is_sandbox: false,
        };
        let mut state = State::new(profile, size);
        userscope::update::init(&mut state);
        snapshot("loading", &state);
        let error = userscope::provider::ProviderError::Http(userscope::http::HttpError::Status {
            status: 401,
            path: "/org/members".into(),
            message: Some("auth_token_invalid".into()),
            retry_after: None,
        });
        let effects = update(
            &mut state,
            Msg::DirectoryOpened {
                request: RequestId(1),
                stored: Ok(userscope::msg::StoredDirectory {
                    stale: true,
                    ..Default::default()
                }),
            },
        );
        let sync = effects
            .iter()
            .find_map(|effect| match effect {
                userscope::effect::Effect::SyncDirectory { request, .. } => Some(*request),
                _ => None,
            })
            .expect("nothing stored: a sync");
        update(
            &mut state,
            Msg::DirectorySyncEnded {
                request: sync,
                result: Err(error.into()),
            },
        );
        snapshot("error", &state);
    }
}

#[test]
fn threads_tab_with_titles_loading_and_one_open() {
    for size in SIZES {
        let mut state = loaded(size);
        let mut quip = (*record()).clone();
        quip.provider = userscope::model::ProviderKind::Quip;
        quip.threads = (0..40)
            .map(|index| userscope::model::ThreadInfo {
                id: format!("T{index:010}"),
                title: (index % 3 != 2).then(|| format!("Design doc \u{1b}[31m#{index}")),
                updated_usec: Some(1_700_000_000_000_000 - index * 3_600_000_000),
                link: Some(format!("https://example.quip.com/T{index}")),
                deleted: index % 7 == 3,
            })
            .collect();
        let request = state.next_request();
        state.detail.loading = Some((request, "479".into()));
        update(
            &mut state,
            Msg::RecordLoaded {
                request,
                result: Ok(Arc::new(quip)),
            },
        );
        state.focus = Focus::Detail;
        state.detail.tab = DetailTab::Threads;
        state.detail.threads.open = Some(0);
        snapshot("threads", &state);
    }
}

fn press(state: &mut State, code: crossterm::event::KeyCode) {
    let key = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
    update(state, Msg::Key(key));
}

/// `z` on the tree tab: the detail pane fills the body, its title says `[zoomed]`, the tree
/// shows the same rows as unzoomed (zoom changes the width only) with longer values whole.
#[test]
fn zoomed_tree() {
    for size in SIZES {
        let mut state = on_the_tree(size);
        press(&mut state, crossterm::event::KeyCode::Char('z'));
        snapshot("zoomed_tree", &state);
    }
}

/// `z` on the list: the list fills the body and the long name and e-mails fit.
#[test]
fn zoomed_list() {
    for size in SIZES {
        let mut state = loaded(size);
        press(&mut state, crossterm::event::KeyCode::Char('z'));
        snapshot("zoomed_list", &state);
    }
}

/// While another user's record is fetched, the detail pane's title names the user coming, not
/// the one whose record is still shown.
#[test]
fn the_detail_title_says_who_is_being_fetched() {
    let mut state = loaded((120, 40));
    let request = state.next_request();
    state.detail.loading = Some((request, "2".into()));
    let screen = draw(&state);
    let title_row = screen.lines().nth(1).expect("a title row");
    assert!(
        title_row.contains("┌ fetching Grace O'Brien… "),
        "{title_row}"
    );
    assert!(!title_row.contains("Asha Rao"), "{title_row}");
}
