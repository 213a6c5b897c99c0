//! Unit tests of `update`: scripted messages, no terminal, no network.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::model::{RawBody, UserPage, UserRecord, UserSummary};
use crate::provider::ProviderError;
use crate::state::{DetailTab, ProfileBadge, RequestId};

fn state() -> State {
    let profile = ProfileBadge {
        name: "sandbox-zoo".into(),
        provider: "zoo".into(),
        is_sandbox: true,
    };
    State::new(profile, (120, 40))
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn user(index: usize) -> UserSummary {
    UserSummary {
        id: format!("u{index}"),
        name: format!("User {index}"),
        email: format!("user{index}@x.io"),
        role: None,
        status: Vec::new(),
    }
}

fn page(range: std::ops::Range<usize>, next: Option<&str>) -> UserPage {
    UserPage {
        users: range.map(user).collect(),
        next: next.map(str::to_owned),
        total: Some(500),
    }
}

fn record(id: &str) -> Arc<UserRecord> {
    Arc::new(UserRecord {
        provider: "zoo",
        id: id.to_owned(),
        summary: UserSummary::with_id(id),
        bodies: vec![RawBody {
            label: "user".into(),
            path: "/u".into(),
            bytes: bytes::Bytes::from_static(b"{\"a\":1}"),
        }],
        json: serde_json::json!({"a": 1}),
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
    })
}

fn load_request(effects: &[Effect]) -> RequestId {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::LoadUsers { request, .. } => Some(*request),
            _ => None,
        })
        .expect("a LoadUsers effect")
}

fn fetch_request(effects: &[Effect]) -> Option<(RequestId, String)> {
    effects.iter().find_map(|effect| match effect {
        Effect::FetchRecord { request, id } => Some((*request, id.clone())),
        _ => None,
    })
}

/// A state with the first page loaded (100 users, more to come).
fn loaded() -> State {
    let mut state = state();
    let request = load_request(&init(&mut state));
    update(
        &mut state,
        Msg::UsersLoaded {
            request,
            result: Ok(page(0..100, Some("p2"))),
        },
    );
    state
}

#[test]
fn starts_by_loading_the_first_page() {
    let mut state = state();
    let effects = init(&mut state);
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadUsers { cursor: None, .. }]
    ));
    assert!(state.needs_tick(), "a spinner runs while loading");
}

#[test]
fn a_page_fills_the_list_and_the_selection_waits_to_rest_before_fetching() {
    let mut state = loaded();
    assert_eq!(state.list.users.len(), 100);
    assert_eq!(
        state
            .detail
            .wanted
            .as_ref()
            .map(|wanted| wanted.id.as_str()),
        Some("u0")
    );
    // Scrolling past rows fetches nothing.
    for _ in 0..5 {
        assert!(fetch_request(&update(&mut state, key(KeyCode::Char('j')))).is_none());
    }
    assert!(fetch_request(&update(&mut state, Msg::Tick)).is_none());
    let (_, id) = fetch_request(&update(&mut state, Msg::Tick)).expect("fetch once rested");
    assert_eq!(id, "u5");
}

#[test]
fn late_answers_of_superseded_requests_are_dropped() {
    let mut state = loaded();
    let first =
        fetch_request(&update(&mut state, key(KeyCode::Enter))).expect("enter fetches at once");
    state.focus = Focus::List;
    update(&mut state, key(KeyCode::Char('j')));
    let second = fetch_request(&update(&mut state, key(KeyCode::Enter))).expect("second fetch");
    assert_ne!(first.0, second.0);
    update(
        &mut state,
        Msg::RecordLoaded {
            request: first.0,
            result: Ok(record("u0")),
        },
    );
    assert!(state.detail.record.is_none(), "the stale answer is dropped");
    update(
        &mut state,
        Msg::RecordLoaded {
            request: second.0,
            result: Ok(record("u1")),
        },
    );
    assert_eq!(
        state
            .detail
            .record
            .as_ref()
            .map(|record| record.id.as_str()),
        Some("u1")
    );
    assert!(!state.detail.raw_lines.is_empty());
}

#[test]
fn a_new_fetch_cancels_the_one_in_flight_and_esc_cancels_too() {
    let mut state = loaded();
    let (first, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    state.focus = Focus::List;
    update(&mut state, key(KeyCode::Char('j')));
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::Cancel(request) if *request == first))
    );
    let effects = update(&mut state, key(KeyCode::Esc));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::Cancel(_)))
    );
    assert!(state.detail.loading.is_none());
}

#[test]
fn the_next_page_loads_as_the_cursor_nears_the_end() {
    let mut state = loaded();
    assert!(state.list.loading.is_none());
    let effects = update(&mut state, key(KeyCode::Char('G')));
    let request = load_request(&effects);
    assert!(
        matches!(effects.iter().find(|effect| matches!(effect, Effect::LoadUsers { .. })), Some(Effect::LoadUsers { cursor: Some(cursor), .. }) if cursor == "p2")
    );
    update(
        &mut state,
        Msg::UsersLoaded {
            request,
            result: Ok(page(100..150, None)),
        },
    );
    assert_eq!(state.list.users.len(), 150);
    assert!(state.list.next.is_none());
    assert!(
        update(&mut state, key(KeyCode::Char('G')))
            .iter()
            .all(|effect| !matches!(effect, Effect::LoadUsers { .. }))
    );
}

#[test]
fn a_failed_page_says_why_and_the_app_keeps_going() {
    let mut state = state();
    let request = load_request(&init(&mut state));
    let error = ProviderError::Config("profile p sets neither token_env nor token_command".into());
    update(
        &mut state,
        Msg::UsersLoaded {
            request,
            result: Err(error),
        },
    );
    assert!(state.status.error.as_deref().unwrap().contains("token_env"));
    assert!(!state.quit);
}

#[test]
fn slash_filters_as_you_type_and_enter_asks_the_server() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('/')));
    assert_eq!(state.focus, Focus::Filter);
    for c in "user 42".chars() {
        update(&mut state, key(KeyCode::Char(c)));
    }
    assert_eq!(
        state.list.selected().map(|user| user.id.as_str()),
        Some("u42")
    );
    // q is text while typing, not quit.
    update(&mut state, key(KeyCode::Char('q')));
    assert!(!state.quit);
    update(&mut state, key(KeyCode::Backspace));
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::SearchServer { query, .. }] if query == "user 42")
    );
    assert_eq!(state.focus, Focus::List);
    // Esc clears the filter once nothing is in flight.
    let request = state.list.searching.unwrap();
    update(
        &mut state,
        Msg::SearchLoaded {
            request,
            result: Ok(vec![user(900)]),
        },
    );
    assert_eq!(
        state.list.users.len(),
        101,
        "server answers merge into the list"
    );
    update(&mut state, key(KeyCode::Esc));
    update(&mut state, key(KeyCode::Esc));
    assert_eq!(state.list.visible.len(), 101);
}

#[test]
fn tabs_focus_help_and_quit() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(state.focus, Focus::Detail);
    update(&mut state, key(KeyCode::Char(']')));
    assert_eq!(state.detail.tab, DetailTab::Tree);
    update(&mut state, key(KeyCode::Char(']')));
    assert_eq!(state.detail.tab, DetailTab::Audit);
    update(&mut state, key(KeyCode::Char(']')));
    assert_eq!(state.detail.tab, DetailTab::Raw);
    update(&mut state, key(KeyCode::Char('[')));
    assert_eq!(state.detail.tab, DetailTab::Audit);
    update(&mut state, key(KeyCode::Char('?')));
    assert!(state.help_open);
    update(&mut state, key(KeyCode::Char('j')));
    assert!(!state.help_open, "any key closes help");
    let effects = update(&mut state, key(KeyCode::Char('q')));
    assert!(state.quit);
    assert!(matches!(effects.as_slice(), [Effect::Quit]));
}

#[test]
fn export_needs_a_record_and_reports_the_path() {
    let mut state = loaded();
    assert!(update(&mut state, key(KeyCode::Char('x'))).is_empty());
    assert!(state.status.error.is_some());
    let (request, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    let effects = update(&mut state, key(KeyCode::Char('x')));
    assert!(matches!(effects.as_slice(), [Effect::Export { records }] if records.len() == 1));
    update(
        &mut state,
        Msg::ExportFinished {
            result: Ok("/tmp/e.json".into()),
        },
    );
    assert_eq!(
        state.status.last_export.as_deref(),
        Some(std::path::Path::new("/tmp/e.json"))
    );
    assert!(
        state
            .status
            .info
            .as_deref()
            .unwrap()
            .contains("/tmp/e.json")
    );
}

#[test]
fn idle_means_no_tick() {
    let mut state = loaded();
    update(&mut state, Msg::Tick);
    let (request, _) = fetch_request(&update(&mut state, Msg::Tick)).unwrap();
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    assert!(!state.needs_tick());
}

#[test]
fn terminate_quits() {
    let mut state = loaded();
    assert!(matches!(
        update(&mut state, Msg::Terminate).as_slice(),
        [Effect::Quit]
    ));
    assert!(state.quit);
}

fn type_text(state: &mut State, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(update(state, key(KeyCode::Char(c))));
    }
    effects
}

/// A provider that is never called: profile switches only carry it through `update`.
#[derive(Debug)]
struct Unused;

#[async_trait::async_trait]
impl crate::provider::Provider for Unused {
    fn name(&self) -> &'static str {
        "unused"
    }
    async fn list_users(&self, _: Option<&str>, _: usize) -> Result<UserPage, ProviderError> {
        Err(ProviderError::Unsupported("unused".into()))
    }
    async fn fetch_record(&self, _: &str) -> Result<UserRecord, ProviderError> {
        Err(ProviderError::Unsupported("unused".into()))
    }
}

#[test]
fn colon_profile_switches_in_place_with_a_fresh_list() {
    let mut state = loaded();
    state.profile_names = vec!["sandbox-zoo".into(), "sandbox-quip".into()];
    update(&mut state, key(KeyCode::Char(':')));
    assert_eq!(state.key_context(), crate::state::KeyContext::Command);
    type_text(&mut state, "profile sandbox-q");
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(
        state.command.as_ref().unwrap().input.value(),
        "profile sandbox-quip"
    );
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(matches!(effects.as_slice(), [Effect::SwitchProfile(name)] if name == "sandbox-quip"));
    assert!(state.command.is_none());
    let badge = ProfileBadge {
        name: "sandbox-quip".into(),
        provider: "quip".into(),
        is_sandbox: true,
    };
    let opened = crate::msg::OpenedProfile {
        provider: Arc::new(Unused),
        badge,
        theme: crate::theme::Theme::no_color(),
    };
    let effects = update(&mut state, Msg::ProfileSwitched { result: Ok(opened) });
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadUsers { cursor: None, .. }]
    ));
    assert!(state.list.users.is_empty() && state.detail.record.is_none());
    assert_eq!(state.profile.name, "sandbox-quip");
    assert_eq!(state.theme.name, "no-color");
}

#[test]
fn colon_commands_report_mistakes_and_quit() {
    let mut state = loaded();
    state.profile_names = vec!["sandbox-zoo".into()];
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "profile nope");
    assert!(update(&mut state, key(KeyCode::Enter)).is_empty());
    assert!(
        state
            .status
            .error
            .as_deref()
            .unwrap()
            .contains("no profile nope")
    );
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "theme light");
    assert!(
        matches!(update(&mut state, key(KeyCode::Enter)).as_slice(), [Effect::LoadTheme(name)] if name == "light")
    );
    update(&mut state, key(KeyCode::Char(':')));
    update(&mut state, key(KeyCode::Esc));
    assert!(state.command.is_none() && !state.quit);
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "q");
    assert!(matches!(
        update(&mut state, key(KeyCode::Enter)).as_slice(),
        [Effect::Quit]
    ));
    assert!(state.quit);
}

#[test]
fn space_marks_and_x_exports_the_marked_set_in_list_order() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char(' ')));
    update(&mut state, key(KeyCode::Char('g')));
    update(&mut state, key(KeyCode::Char(' ')));
    assert_eq!(state.list.marked.len(), 2);
    let effects = update(&mut state, key(KeyCode::Char('x')));
    assert!(
        matches!(effects.as_slice(), [Effect::ExportMarked { ids }] if ids == &["u0".to_owned(), "u2".to_owned()])
    );
    assert!(state.exporting);
    update(
        &mut state,
        Msg::ExportFinished {
            result: Err("wrote /x but could not fetch u2 (HTTP 500)".into()),
        },
    );
    assert!(
        state
            .status
            .error
            .as_deref()
            .unwrap()
            .contains("could not fetch u2")
    );
}

#[test]
fn the_threads_tab_asks_for_titles_in_view_once_and_fills_them_in() {
    let mut state = loaded();
    let threads: Vec<crate::model::ThreadInfo> = (0..250)
        .map(|index| crate::model::ThreadInfo {
            id: format!("T{index:03}"),
            updated_usec: Some(1_000 - index),
            ..Default::default()
        })
        .collect();
    let mut quip = (*record("u0")).clone();
    quip.provider = "quip";
    quip.threads = threads;
    let (request, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(Arc::new(quip)),
        },
    );
    assert!(state.detail.tabs().contains(&DetailTab::Threads));
    update(&mut state, key(KeyCode::Char(']')));
    let effects = update(&mut state, key(KeyCode::Char(']')));
    assert_eq!(state.detail.tab, DetailTab::Threads);
    let Some(Effect::FetchThreads { request, ids }) = effects.into_iter().next() else {
        panic!("titles asked")
    };
    assert!(!ids.is_empty() && ids.len() <= 100);
    assert_eq!(ids[0], "T000", "newest first");
    let titles = ids
        .iter()
        .map(|id| crate::model::ThreadInfo {
            id: id.clone(),
            title: Some(format!("Doc {id}")),
            ..Default::default()
        })
        .collect();
    update(
        &mut state,
        Msg::ThreadsLoaded {
            request,
            result: Ok(titles),
        },
    );
    assert_eq!(
        state.detail.threads.items[0].title.as_deref(),
        Some("Doc T000")
    );
    // Moving far down asks for the next rows only.
    let effects = update(&mut state, key(KeyCode::Char('G')));
    assert!(matches!(effects.as_slice(), [Effect::FetchThreads { ids, .. }] if ids[0] != "T000"));
    update(&mut state, key(KeyCode::Enter));
    assert_eq!(state.detail.threads.open, Some(249));
    update(&mut state, key(KeyCode::Char('s')));
    assert_eq!(
        state.detail.threads.sort,
        crate::state::threads::ThreadSort::Title
    );
}

#[test]
fn providers_without_threads_have_no_threads_tab() {
    let mut state = loaded();
    let (request, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    assert_eq!(
        state.detail.tabs(),
        [
            DetailTab::Overview,
            DetailTab::Tree,
            DetailTab::Audit,
            DetailTab::Raw
        ]
    );
}

#[test]
fn y_then_v_k_or_p_copies_from_the_tree_and_capital_y_the_record() {
    let mut state = loaded();
    let (request, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    update(&mut state, key(KeyCode::Char(']')));
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char('y')));
    assert_eq!(state.key_context(), crate::state::KeyContext::Yank);
    let effects = update(&mut state, key(KeyCode::Char('p')));
    assert!(
        matches!(effects.as_slice(), [Effect::WriteTerminal(bytes)] if bytes.starts_with(b"\x1b]52;c;"))
    );
    assert!(state.status.info.as_deref().unwrap().contains("the path"));
    update(&mut state, key(KeyCode::Char('y')));
    let effects = update(&mut state, key(KeyCode::Char('v')));
    // The value of `.a` is 1, base64 "MQ==".
    assert!(
        matches!(effects.as_slice(), [Effect::WriteTerminal(bytes)] if bytes == b"\x1b]52;c;MQ==\x07")
    );
    let effects = update(&mut state, key(KeyCode::Char('Y')));
    assert!(matches!(effects.as_slice(), [Effect::WriteTerminal(_)]));
    assert!(state.status.info.as_deref().unwrap().contains("the record"));
}

#[test]
fn slash_in_the_raw_view_searches_it_and_n_walks_the_matches() {
    let mut state = loaded();
    let (request, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    state.detail.raw_lines = Arc::new(
        (0..200)
            .map(|index| format!("  \"k{index}\": {}", index % 50))
            .collect(),
    );
    update(&mut state, key(KeyCode::Char('[')));
    assert_eq!(state.key_context(), crate::state::KeyContext::Raw);
    update(&mut state, key(KeyCode::Char('/')));
    assert_eq!(state.focus, Focus::Detail, "the list filter is not touched");
    type_text(&mut state, ": 42");
    assert_eq!(state.detail.raw_search.matches, [42, 92, 142, 192]);
    update(&mut state, key(KeyCode::Enter));
    assert_eq!(state.key_context(), crate::state::KeyContext::Raw);
    update(&mut state, key(KeyCode::Char('n')));
    assert_eq!(state.detail.raw_search.current_line(), Some(92));
    assert!(
        state.detail.scroll <= 92 && state.detail.scroll > 60,
        "the match is in view"
    );
    update(&mut state, key(KeyCode::Char('N')));
    update(&mut state, key(KeyCode::Char('N')));
    assert_eq!(state.detail.raw_search.current_line(), Some(192), "wraps");
}

#[test]
fn viewing_and_exporting_leave_a_trail_without_content() {
    let mut state = loaded();
    let (request, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    let effects = update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    assert!(
        matches!(effects.as_slice(), [Effect::Trail { user_id, action: "viewed" }] if user_id == "u0")
    );
    update(&mut state, key(KeyCode::Char('x')));
    let effects = update(
        &mut state,
        Msg::ExportFinished {
            result: Ok("/tmp/e.json".into()),
        },
    );
    assert!(
        matches!(effects.as_slice(), [Effect::Trail { user_id, action: "exported" }] if user_id == "u0")
    );
}

#[test]
fn the_audit_tab_lists_findings_and_enter_opens_the_evidence_in_the_tree() {
    let mut state = loaded();
    let json = serde_json::json!({"id": 7, "shared_user": {"email": "a@x.io", "mfa_enabled": false, "enforce_mfa": true, "last_login": null}});
    let mut scanova = (*record("7")).clone();
    scanova.provider = "scanova";
    scanova.summary.id = "u0".into();
    // The tree shows the body's bytes; the rules read the parsed JSON: both say the same.
    scanova.bodies[0].bytes = bytes::Bytes::from(json.to_string());
    scanova.json = json;
    let (request, _) = fetch_request(&update(&mut state, key(KeyCode::Enter))).unwrap();
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(Arc::new(scanova)),
        },
    );
    assert!(!state.detail.findings.is_empty(), "MFA off is a finding");
    assert!(
        state.list.severity.contains_key("u0"),
        "the list row gets a badge"
    );
    while state.detail.tab != DetailTab::Audit {
        update(&mut state, key(KeyCode::Char(']')));
    }
    let finding = state.detail.findings[0].clone();
    update(&mut state, key(KeyCode::Enter));
    assert_eq!(state.detail.tab, DetailTab::Tree);
    let node = state.detail.tree.current().unwrap();
    assert_eq!(state.detail.tree.jq_path(node), finding.path);
}

#[test]
fn colon_audit_scans_resumes_and_esc_stops_it() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "audit");
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(matches!(effects.as_slice(), [Effect::StartAudit { skip, .. }] if skip.is_empty()));
    assert!(state.audit_scan.running && state.needs_tick());
    update(
        &mut state,
        Msg::AuditProgress(crate::audit::scan::ScanProgress {
            listed: 100,
            total: Some(500),
            done: 40,
            ..Default::default()
        }),
    );
    assert_eq!(
        state
            .audit_scan
            .progress
            .as_ref()
            .map(|progress| progress.done),
        Some(40)
    );
    let effects = update(&mut state, key(KeyCode::Esc));
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::CancelAudit))
    );
    let outcome = crate::audit::scan::ScanOutcome {
        scanned: vec!["u0".into(), "u1".into()],
        cancelled: true,
        ..Default::default()
    };
    update(&mut state, Msg::AuditFinished(Box::new(outcome)));
    assert!(!state.audit_scan.running);
    assert!(state.status.info.as_deref().unwrap().contains("stopped"));
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "audit");
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::StartAudit { skip, .. }] if skip.len() == 2),
        "a rerun resumes"
    );
}

#[test]
fn export_audit_needs_findings() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "export-audit");
    assert!(update(&mut state, key(KeyCode::Enter)).is_empty());
    assert!(state.status.error.as_deref().unwrap().contains(":audit"));
}

#[test]
fn r_asks_for_the_list_again_after_it_failed() {
    let mut state = state();
    let request = load_request(&init(&mut state));
    update(
        &mut state,
        Msg::UsersLoaded {
            request,
            result: Err(ProviderError::Unsupported("down".into())),
        },
    );
    assert!(state.status.error.is_some());
    let effects = update(&mut state, key(KeyCode::Char('r')));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadUsers { cursor: None, .. }]
    ));
}

#[test]
fn a_record_with_json_notes_says_so_and_shows_the_servers_digits() {
    let mut state = loaded();
    let id = state.list.users[0].id.clone();
    let effects = update(&mut state, key(KeyCode::Enter));
    let (request, _) = fetch_request(&effects).expect("a fetch");
    let body: &'static [u8] = br#"{"a":1,"a":2,"n":123456789012345678901234567890}"#;
    let record = UserRecord {
        provider: "zoo",
        id: id.clone(),
        summary: UserSummary::with_id(&id),
        bodies: vec![RawBody {
            label: "user".into(),
            path: "/u".into(),
            bytes: bytes::Bytes::from_static(body),
        }],
        json: serde_json::from_slice(body).unwrap(),
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
    };
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(Arc::new(record)),
        },
    );
    let shown = state.detail.record.as_ref().unwrap();
    assert_eq!(shown.sections[0].title, "JSON notes");
    assert!(state.status.info.as_deref().unwrap().contains("2 oddities"));
    assert!(
        state
            .detail
            .raw_lines
            .iter()
            .any(|line| line.contains("\"a\": 1"))
    );
    assert!(
        state
            .detail
            .raw_lines
            .iter()
            .any(|line| line.contains("123456789012345678901234567890"))
    );
}
