//! The audit trail, the Audit tab and `:audit` / `:export-audit`.

use super::*;

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
