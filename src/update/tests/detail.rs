//! The detail pane: tabs, help, exporting a record, threads, JSON notes and searching the raw
//! view (copying from it: `copy.rs`).

use super::*;

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
    let (request, _) = open_selected(&mut state);
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
    quip.provider = crate::model::ProviderKind::Quip;
    quip.threads = threads;
    let (request, _) = open_selected(&mut state);
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
    let (request, _) = open_selected(&mut state);
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
fn slash_in_the_raw_view_searches_it_and_n_walks_the_matches() {
    let mut state = loaded();
    let (request, _) = open_selected(&mut state);
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
fn a_raw_search_narrows_as_keys_are_typed_and_starts_over_otherwise() {
    let mut state = loaded();
    let (request, _) = open_selected(&mut state);
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    state.detail.raw_lines = Arc::new(
        (0..300)
            .map(|index| format!("  \"K{index}\": \"Zoë{}\"", index % 40))
            .collect(),
    );
    let every = |needle: &str| -> Vec<usize> {
        state
            .detail
            .raw_lines
            .iter()
            .enumerate()
            .filter(|(_, line)| line.to_lowercase().contains(needle))
            .map(|(number, _)| number)
            .collect()
    };
    let (k1, k12, zoe3) = (every("k1"), every("k12"), every("zoë3"));
    update(&mut state, key(KeyCode::Char('[')));
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "k1");
    assert_eq!(state.detail.raw_search.matches, k1);
    type_text(&mut state, "2");
    assert_eq!(state.detail.raw_search.matches, k12, "narrowed");
    update(&mut state, key(KeyCode::Backspace));
    assert_eq!(
        state.detail.raw_search.matches, k1,
        "widened: searched again"
    );
    update(&mut state, key(KeyCode::Esc));
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "zoë3");
    assert_eq!(state.detail.raw_search.matches, zoe3, "not ASCII, any case");
    type_text(&mut state, "X");
    assert!(
        state.detail.raw_search.matches.is_empty(),
        "an upper-case letter makes it case-sensitive"
    );
}

#[test]
fn r_asks_for_the_list_again_after_it_failed() {
    let mut state = state();
    let request = open_empty(&mut state);
    update(
        &mut state,
        Msg::DirectorySyncEnded {
            request,
            result: Err(FetchError::new("down", "try again later")),
        },
    );
    assert!(state.status.error.as_deref().unwrap().contains("r retries"));
    let effects = update(&mut state, key(KeyCode::Char('r')));
    assert!(sync_request(&effects).is_some());
}

#[test]
fn a_record_with_json_notes_says_so_and_shows_the_servers_digits() {
    let mut state = loaded();
    let id = state.list.users.get(0).unwrap().id.to_owned();
    let (request, _) = open_selected(&mut state);
    let body: &'static [u8] = br#"{"a":1,"a":2,"n":123456789012345678901234567890}"#;
    let record = UserRecord {
        provider: crate::model::ProviderKind::Zoo,
        id: id.clone(),
        summary: UserSummary::with_id(&id),
        bodies: vec![RawBody {
            label: "user".into(),
            path: "/u".into(),
            bytes: bytes::Bytes::from_static(body),
        }],
        json: serde_json::from_slice(body).unwrap(),
        // As the fetch hands it over: scanned for JSON notes off the loop
        // (`provider::json_notes` tests the scan).
        sections: vec![
            crate::model::Section::new(crate::model::NOTES_SECTION)
                .with("Duplicate key", ".a", crate::model::FieldValue::Missing)
                .with("Long number", ".n", crate::model::FieldValue::Missing),
        ],
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
        big: None,
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
