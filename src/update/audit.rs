//! `:audit` and `:export-audit`: the whole-profile scan, its progress, its findings, the Audit
//! tab's grouping, folding and cursor, and jumping from a finding to the user and the evidence.

use crate::action::Action;
use crate::audit::scan::{ScanOutcome, ScanProgress};
use crate::effect::Effect;
use crate::state::{DetailTab, FindingRow, Focus, State};

/// The audit settings for this profile: the config's, on the sandbox's clock for sandbox data.
pub(super) fn settings(state: &State) -> crate::audit::AuditSettings {
    let mut settings = (*state.audit_settings).clone();
    if state.profile.is_sandbox {
        // The sandbox's data is written as of its own fixed date, as `userscope audit` knows.
        settings.now =
            chrono::DateTime::from_timestamp(crate::sandbox_clock::SANDBOX_NOW_EPOCH_SECS, 0);
    }
    settings
}

/// `:audit`: starts a scan of every user not scanned yet.
pub(super) fn start(state: &mut State) -> Vec<Effect> {
    if state.audit_scan.running {
        state.status.info = Some("an audit is already running (Esc stops it)".to_owned());
        return Vec::new();
    }
    state.audit_scan.running = true;
    state.audit_scan.progress = None;
    state.status.error = None;
    let resumed = state.audit_scan.scanned.len();
    state.status.info = Some(if resumed > 0 {
        format!("audit resumes, skipping {resumed} users already scanned")
    } else {
        "audit started".to_owned()
    });
    vec![Effect::StartAudit {
        skip: state.audit_scan.scanned.clone(),
        settings: settings(state),
    }]
}

/// The profile is switching: a running scan is stopped and its late answers are ignored, and
/// the findings of the old profile are forgotten.
pub(super) fn abandon(state: &mut State) -> Vec<Effect> {
    let abandoned = state.audit_scan.abandoned + usize::from(state.audit_scan.running);
    state.audit_scan = crate::state::AuditScan {
        abandoned,
        ..Default::default()
    };
    if abandoned > 0 {
        vec![Effect::CancelAudit]
    } else {
        Vec::new()
    }
}

/// Progress of the running scan.
pub(super) fn progress(state: &mut State, progress: ScanProgress) -> Vec<Effect> {
    if state.audit_scan.running && state.audit_scan.abandoned == 0 {
        state.audit_scan.progress = Some(progress);
    }
    Vec::new()
}

/// The scan ended: its findings join those of earlier runs.
pub(super) fn finished(state: &mut State, outcome: ScanOutcome) -> Vec<Effect> {
    let scan = &mut state.audit_scan;
    if scan.abandoned > 0 {
        // The end of a scan of the profile switched away from: nothing of it is shown here.
        scan.abandoned -= 1;
        return Vec::new();
    }
    scan.running = false;
    scan.failed = outcome.failures.len();
    scan.scanned.extend(outcome.scanned.iter().cloned());
    scan.findings.extend(outcome.findings);
    // The same order as `userscope audit`, so both write the same report.
    crate::audit::scan::sort_findings(&mut scan.findings);
    for finding in &scan.findings {
        let badge = state
            .list
            .severity
            .entry(finding.user_id.clone())
            .or_insert(finding.severity);
        *badge = (*badge).max(finding.severity);
    }
    let verb = if outcome.cancelled {
        "stopped"
    } else {
        "finished"
    };
    state.status.info = Some(format!(
        "audit {verb}: {} findings over {} users, {} failed fetches; :audit again {}, :export-audit writes the report",
        scan.findings.len(),
        scan.scanned.len(),
        scan.failed,
        if outcome.cancelled {
            "resumes"
        } else {
            "scans users added since"
        }
    ));
    regroup(state);
    Vec::new()
}

/// `:export-audit`: the findings so far as a report.
pub(super) fn export(state: &mut State) -> Vec<Effect> {
    if state.audit_scan.findings.is_empty() {
        state.status.error = Some("no audit findings to export: run :audit first".to_owned());
        return Vec::new();
    }
    vec![Effect::ExportAudit {
        findings: state.audit_scan.findings.clone(),
    }]
}

/// Groups the findings the tab shows anew: call it whenever `shown` may have changed (a record's
/// findings while no scan has any, a scan's end, a profile switch), and only then.
pub(super) fn regroup(state: &mut State) {
    let mut view = std::mem::take(&mut state.detail.findings_view);
    view.regroup(state.shown_findings());
    state.detail.findings_view = view;
}

/// `s` groups by the next key (severity, rule, user), `S` reverses the groups' order.
pub(super) fn sort(state: &mut State, reverse: bool) -> Vec<Effect> {
    let mut view = std::mem::take(&mut state.detail.findings_view);
    if reverse {
        view.reverse();
    } else {
        view.cycle_grouping(state.shown_findings());
    }
    state.detail.findings_view = view;
    let lines = state.audit_lines();
    // The view starts over from the top, moving down only as far as the cursor needs: the
    // first group's header shows whenever the cursor's finding is on the first screen.
    state.detail.findings_view.offset = 0;
    state.detail.findings_view.scroll_to_cursor(lines);
    Vec::new()
}

/// Cursor keys on the findings: a page is a screen of finding rows (two lines each).
pub(super) fn movement(state: &mut State, action: Action) -> Vec<Effect> {
    let lines = state.audit_lines();
    let page = isize::try_from(lines / 2).unwrap_or(isize::MAX).max(1);
    let delta = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        _ => isize::MAX / 2,
    };
    state.detail.findings_view.move_by(delta, lines);
    Vec::new()
}

/// Enter on a group's header folds or opens it (as Enter does on a tree node). Enter on a
/// finding: the record's own evidence opens in the tree; a scan finding first selects its user
/// and fetches the record, then reveals the evidence.
pub(super) fn open(state: &mut State) -> Vec<Effect> {
    let finding = match state.detail.findings_view.current() {
        Some(FindingRow::Group(group)) => {
            let lines = state.audit_lines();
            let view = &mut state.detail.findings_view;
            view.toggle_fold(group);
            view.scroll_to_cursor(lines);
            return Vec::new();
        }
        Some(FindingRow::Finding { finding, .. }) => finding,
        None => return Vec::new(),
    };
    let Some(finding) = state.shown_findings().get(finding).cloned() else {
        return Vec::new();
    };
    let shown_id = state.detail.record.as_ref().map(|record| record.id.clone());
    if shown_id.as_deref() == Some(finding.user_id.as_str()) {
        reveal(state, &finding.path);
        return super::viewed::opened(state, &finding.user_id);
    }
    if state.list.select_id(&finding.user_id) {
        let (rows, jump) = (state.list_page_rows(), state.list_jump());
        state.list.scroll_to_cursor(rows, jump);
    }
    state.detail.reveal_after_load = Some(finding.path);
    super::open_record(state, finding.user_id)
}

/// Shows a jq path's node in the tree, opened down to it.
pub(super) fn reveal(state: &mut State, path: &str) {
    let (rows, jump) = (state.detail_rows(), state.detail_jump());
    let detail = &mut state.detail;
    if let Some(node) = detail.tree.find_path(path) {
        detail.tree.reveal(node);
        detail.tree.scroll_to_cursor(rows, jump);
        detail.tab = DetailTab::Tree;
        state.focus = Focus::Detail;
    } else {
        state.status.error = Some(format!("{path} is not in this record"));
    }
}
