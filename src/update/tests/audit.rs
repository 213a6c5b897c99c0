//! The Audit tab and `:audit` / `:export-audit`.

use super::*;
use crate::audit::Finding;
use crate::state::FindingRow;

#[test]
fn the_audit_tab_lists_findings_and_enter_opens_the_evidence_in_the_tree() {
    let mut state = loaded();
    let json = serde_json::json!({"id": 7, "shared_user": {"email": "a@x.io", "mfa_enabled": false, "enforce_mfa": true, "last_login": null}});
    let mut scanova = (*record("7")).clone();
    scanova.provider = crate::model::ProviderKind::Scanova;
    scanova.summary.id = "u0".into();
    // The tree shows the body's bytes; the rules read the parsed JSON: both say the same.
    scanova.bodies[0].bytes = bytes::Bytes::from(json.to_string());
    scanova.json = json;
    let (request, _) = open_selected(&mut state);
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
fn a_wait_the_server_asks_of_the_scan_is_said_until_it_is_over() {
    let mut state = loaded();
    let wait = crate::model::ServerWait {
        status: 429,
        wait: std::time::Duration::from_secs(2),
        retry: 1,
        retries: 3,
    };
    let waiting = |wait| Msg::ServerWaiting {
        waiter: crate::state::Waiter::Audit,
        wait,
    };
    let said = |state: &State| state.status.server_wait.map(|(_, wait)| wait);
    // No scan running: a late word of an ended one is not kept.
    update(&mut state, waiting(wait));
    assert_eq!(said(&state), None);
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "audit");
    update(&mut state, key(KeyCode::Enter));
    update(&mut state, waiting(wait));
    assert_eq!(said(&state), Some(wait));
    // Other users' progress: the wait still holds (another request may be done).
    update(
        &mut state,
        Msg::AuditProgress(crate::audit::scan::ScanProgress {
            done: 1,
            ..Default::default()
        }),
    );
    assert_eq!(said(&state), Some(wait));
    // Over: the retry is sent.
    update(
        &mut state,
        waiting(crate::model::ServerWait {
            wait: std::time::Duration::ZERO,
            ..wait
        }),
    );
    assert_eq!(said(&state), None);
    // Said again, then the scan ends: nothing is said.
    update(&mut state, waiting(wait));
    update(&mut state, Msg::AuditFinished(Box::default()));
    assert_eq!(said(&state), None);
}

#[test]
fn export_audit_needs_findings() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "export-audit");
    assert!(update(&mut state, key(KeyCode::Enter)).is_empty());
    assert!(state.status.error.as_deref().unwrap().contains(":audit"));
}

fn finding(rule: &'static str, severity: crate::audit::Severity, user: &str) -> Finding {
    Finding {
        rule,
        severity,
        title: rule.to_owned(),
        user_id: user.to_owned(),
        email: format!("{user}@x.io"),
        path: ".a".to_owned(),
        value: serde_json::Value::Null,
        provider: crate::model::ProviderKind::Zoo,
        profile: "sandbox-zoo".to_owned(),
        fetched_at: chrono::DateTime::UNIX_EPOCH,
    }
}

/// A state after a scan of three users found five things, the Audit tab focused.
fn scanned() -> State {
    use crate::audit::Severity::{High, Low, Medium};
    let mut state = loaded();
    let findings = vec![
        finding("zoo.no_payment_method", Low, "u2"),
        finding("zoo.blocked", High, "u3"),
        finding("zoo.many_sessions", Medium, "u2"),
        finding("zoo.blocked", High, "u2"),
        finding("zoo.many_api_tokens", Medium, "u1"),
    ];
    let outcome = crate::audit::scan::ScanOutcome {
        scanned: vec!["u1".into(), "u2".into(), "u3".into()],
        findings,
        ..Default::default()
    };
    update(&mut state, Msg::AuditFinished(Box::new(outcome)));
    state.focus = Focus::Detail;
    state.detail.tab = DetailTab::Audit;
    state
}

/// The groups shown, as `label · count`.
fn groups(state: &State) -> Vec<String> {
    state
        .detail
        .findings_view
        .groups
        .iter()
        .map(|group| format!("{} · {}", group.label, group.findings.len()))
        .collect()
}

/// The finding under the cursor.
fn under_cursor(state: &State) -> Option<Finding> {
    let view = &state.detail.findings_view;
    view.current_finding()
        .map(|index| state.audit_scan.findings[index].clone())
}

#[test]
fn the_audit_tab_groups_by_severity_then_rule_then_user_and_capital_s_reverses() {
    let mut state = scanned();
    assert_eq!(state.key_context(), crate::state::KeyContext::Audit);
    assert_eq!(groups(&state), ["high · 2", "medium · 2", "low · 1"]);
    let first = under_cursor(&state).unwrap();
    assert_eq!(
        (first.rule, first.user_id.as_str()),
        ("zoo.blocked", "u2"),
        "the cursor starts on the most severe finding"
    );

    update(&mut state, key(KeyCode::Char('s')));
    assert_eq!(
        state.detail.findings_view.grouping,
        crate::state::FindingGrouping::Rule
    );
    assert_eq!(
        groups(&state),
        [
            "zoo.blocked · 2",
            "zoo.many_api_tokens · 1",
            "zoo.many_sessions · 1",
            "zoo.no_payment_method · 1"
        ]
    );
    assert_eq!(
        under_cursor(&state),
        Some(first.clone()),
        "the cursor keeps its finding"
    );

    update(&mut state, key(KeyCode::Char('s')));
    assert_eq!(
        groups(&state),
        ["u1@x.io · 1", "u2@x.io · 3", "u3@x.io · 1"]
    );
    let view = &state.detail.findings_view;
    let u2: Vec<&str> = view.groups[1]
        .findings
        .iter()
        .map(|index| state.audit_scan.findings[*index].rule)
        .collect();
    assert_eq!(
        u2,
        ["zoo.blocked", "zoo.many_sessions", "zoo.no_payment_method"],
        "a user's findings most severe first"
    );

    update(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Char('S'), KeyModifiers::SHIFT)),
    );
    assert_eq!(
        groups(&state),
        ["u3@x.io · 1", "u2@x.io · 3", "u1@x.io · 1"]
    );
    assert_eq!(under_cursor(&state), Some(first));

    update(&mut state, key(KeyCode::Char('s')));
    assert_eq!(
        groups(&state),
        ["high · 2", "medium · 2", "low · 1"],
        "back to severity, most severe first again"
    );
}

#[test]
fn enter_on_a_group_folds_it_and_enter_on_a_finding_opens_its_user() {
    let mut state = scanned();
    update(&mut state, key(KeyCode::Char('g')));
    assert_eq!(
        state.detail.findings_view.current(),
        Some(FindingRow::Group(0))
    );
    let rows = state.detail.findings_view.rows.len();
    assert!(update(&mut state, key(KeyCode::Enter)).is_empty());
    assert!(state.detail.findings_view.groups[0].folded);
    assert_eq!(state.detail.findings_view.rows.len(), rows - 2);
    assert_eq!(
        state.detail.findings_view.current(),
        Some(FindingRow::Group(0)),
        "the cursor stays on the header"
    );
    assert_eq!(state.detail.tab, DetailTab::Audit, "no jump from a header");

    // The next row is now the medium group's header; below it, its first finding.
    update(&mut state, key(KeyCode::Char('j')));
    update(&mut state, key(KeyCode::Char('j')));
    let finding = under_cursor(&state).unwrap();
    assert_eq!(finding.rule, "zoo.many_api_tokens");
    let effects = update(&mut state, key(KeyCode::Enter));
    assert_eq!(
        fetch_request(&effects).map(|(_, id)| id).as_deref(),
        Some("u1"),
        "Enter fetches the finding's user"
    );
    assert_eq!(state.list.selected().map(|user| user.id), Some("u1"));
    assert_eq!(state.detail.reveal_after_load.as_deref(), Some(".a"));

    update(&mut state, key(KeyCode::Char('g')));
    update(&mut state, key(KeyCode::Enter));
    assert!(
        !state.detail.findings_view.groups[0].folded,
        "Enter opens it again"
    );
}

#[test]
fn a_record_does_not_regroup_the_scans_findings() {
    let mut state = scanned();
    update(&mut state, key(KeyCode::Char('s')));
    update(&mut state, key(KeyCode::Char('j')));
    let cursor = state.detail.findings_view.cursor;
    state.focus = Focus::List;
    let (request, _) = open_selected(&mut state);
    update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    assert_eq!(state.detail.findings_view.cursor, cursor);
    assert_eq!(groups(&state).len(), 4, "still by rule");
}

#[test]
fn switching_profile_stops_the_scan_and_forgets_its_findings() {
    let mut state = scanned();
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "audit");
    update(&mut state, key(KeyCode::Enter));
    assert!(state.audit_scan.running);
    let opened = crate::msg::ProfileView {
        badge: crate::state::ProfileBadge {
            name: "sandbox-quip".into(),
            provider: "quip".into(),
            is_sandbox: true,
        },
        theme: crate::theme::Theme::no_color(),
    };
    let effects = update(&mut state, Msg::ProfileSwitched { result: Ok(opened) });
    assert!(matches!(effects.first(), Some(Effect::CancelAudit)));
    assert!(!state.audit_scan.running && state.audit_scan.findings.is_empty());
    // The old scan's last words arrive late: none of it is the new profile's.
    update(
        &mut state,
        Msg::AuditProgress(crate::audit::scan::ScanProgress {
            done: 7,
            ..Default::default()
        }),
    );
    let late = crate::audit::scan::ScanOutcome {
        scanned: vec!["u9".into()],
        findings: vec![finding("zoo.blocked", crate::audit::Severity::High, "u9")],
        cancelled: true,
        ..Default::default()
    };
    update(&mut state, Msg::AuditFinished(Box::new(late)));
    assert!(state.audit_scan.progress.is_none());
    assert!(state.audit_scan.findings.is_empty() && state.audit_scan.scanned.is_empty());
    assert!(state.list.severity.is_empty());
    // A scan of the new profile starts from nothing and its end counts.
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "audit");
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(matches!(effects.as_slice(), [Effect::StartAudit { skip, .. }] if skip.is_empty()));
    let outcome = crate::audit::scan::ScanOutcome {
        scanned: vec!["q1".into()],
        ..Default::default()
    };
    update(&mut state, Msg::AuditFinished(Box::new(outcome)));
    assert!(!state.audit_scan.running);
    assert_eq!(state.audit_scan.scanned.len(), 1);
}

#[test]
fn after_s_the_first_groups_header_is_in_view() {
    let mut state = scanned();
    // A view scrolled past the first header, the cursor on the first finding.
    state.detail.findings_view.offset = 1;
    for _ in 0..3 {
        update(&mut state, key(KeyCode::Char('s')));
        assert_eq!(state.detail.findings_view.offset, 0);
        update(&mut state, key(KeyCode::Char('S')));
        assert_eq!(state.detail.findings_view.offset, 0);
    }
}
