//! A record's arrival: shown in every tab, audited, and (once it has rested) logged as viewed.

use std::sync::Arc;

use super::{audit, threads};
use crate::effect::Effect;
use crate::model::{FetchError, UserRecord};
use crate::msg::MappedRecord;
use crate::state::{RequestId, State};

/// A fetched record (or why the fetch failed): shown if it is still the one wanted.
pub(super) fn loaded(
    state: &mut State,
    request: RequestId,
    result: Result<Arc<UserRecord>, FetchError>,
) -> Vec<Effect> {
    if state.detail.loading.as_ref().map(|(id, _)| *id) != Some(request) {
        return Vec::new();
    }
    state.detail.loading = None;
    match result {
        Ok(record) => {
            state.detail.error = None;
            if !record.deferred {
                // Scanned for JSON notes as it was fetched (a deferred record with its
                // full mapping), off the loop.
                announce_json_notes(state, &record);
            }
            let labeller = crate::json::labels::for_provider(record.provider);
            let tree = crate::state::tree::TreeState::of_record(&record, labeller, 1)
                .numbered(state.next_document());
            state.detail.raw_lines = Arc::new(crate::state::raw::RawLines::of_index(
                tree.source().clone(),
                tree.shared_index(),
            ));
            // A search still typed in holds in the new record's lines, not the old ones.
            state.detail.raw_search.find_anew(&state.detail.raw_lines);
            state.detail.tree = tree;
            let (rows, jump) = (state.detail_rows(), state.detail_jump());
            state.detail.tree.scroll_to_cursor(rows, jump);
            state.detail.threads = crate::state::threads::ThreadsState::new(record.threads.clone());
            let id = record.id.clone();
            let mut effects = Vec::new();
            if record.deferred {
                // Shown now from its bytes; the overview and the audit wait for the
                // mapping, which parses all of it, off the loop.
                let request = state.next_request();
                state.detail.mapping = Some(request);
                state.detail.findings.clear();
                effects.push(Effect::MapRecord {
                    request,
                    record: Arc::clone(&record),
                    audit: record_audit(state),
                });
            } else {
                state.detail.mapping = None;
                audit_record(state, &record);
            }
            state.detail.record = Some(record);
            state.detail.scroll = 0;
            state.detail.overview_field = 0;
            if !state.detail.tabs().contains(&state.detail.tab) {
                state.detail.tab = crate::state::DetailTab::Overview;
            }
            if let Some(path) = state.detail.reveal_after_load.take() {
                audit::reveal(state, &path);
            }
            effects.extend(super::viewed::shown(state, id));
            effects.extend(threads::request_titles(state));
            return effects;
        }
        Err(error) => {
            state.detail.record = None;
            state.detail.unviewed = None;
            state.detail.error = Some(format!("{} (r in this pane retries)", error.one_line()));
        }
    }
    Vec::new()
}

/// A deferred record's mapping: its overview and findings, over the same bytes.
pub(super) fn mapped(
    state: &mut State,
    request: RequestId,
    result: Result<MappedRecord, FetchError>,
) -> Vec<Effect> {
    if state.detail.mapping != Some(request) {
        return Vec::new();
    }
    state.detail.mapping = None;
    match result {
        // Same bytes, so the tree, the raw view and the reader's place in them stay.
        Ok(mapped) => {
            announce_json_notes(state, &mapped.record);
            show_findings(state, &mapped.record, mapped.findings);
            state.detail.record = Some(mapped.record);
        }
        Err(error) => {
            state.status.error = Some(format!("mapping the record: {}", error.one_line()));
        }
    }
    Vec::new()
}

/// Runs the audit rules over the record just shown: its findings for the Audit tab, its worst
/// severity for the list's badge.
fn audit_record(state: &mut State, record: &crate::model::UserRecord) {
    let findings = record_audit(state).findings(record);
    show_findings(state, record, findings);
}

/// What auditing a record takes now: the profile, its enabled rules, its settings.
fn record_audit(state: &State) -> crate::audit::RecordAudit {
    let settings = audit::settings(state);
    crate::audit::RecordAudit {
        profile: state.profile.name.clone(),
        rules: crate::audit::select_rules(None, &settings.disabled_rules).unwrap_or_default(),
        settings,
    }
}

/// A record's findings (the most severe first) on the Audit tab and as its list badge.
fn show_findings(
    state: &mut State,
    record: &crate::model::UserRecord,
    findings: Vec<crate::audit::Finding>,
) {
    match findings.first() {
        Some(worst) => state
            .list
            .severity
            .insert(record.summary.id.clone(), worst.severity),
        None => state.list.severity.remove(&record.summary.id),
    };
    state.detail.findings = findings;
    // Scan findings, when there are any, are what the tab shows; they did not change.
    if state.audit_scan.findings.is_empty() {
        audit::regroup(state);
    }
}

/// Tells the operator when the record's JSON holds what a parsed value would hide (long numbers,
/// duplicate keys, bytes that are not UTF-8): the overview's first section lists them.
fn announce_json_notes(state: &mut State, record: &crate::model::UserRecord) {
    let Some(section) = record
        .sections
        .first()
        .filter(|section| section.title == crate::model::NOTES_SECTION)
    else {
        return;
    };
    let count = section.fields.len();
    state.status.info = Some(format!(
        "this record's JSON has {count} oddit{} (long numbers, duplicate keys or bytes that are not UTF-8): see JSON notes in the overview",
        if count == 1 { "y" } else { "ies" }
    ));
}
