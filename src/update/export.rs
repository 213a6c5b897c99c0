//! Exports from the explorer: the marked set (which the export then lets go of) or the record
//! shown, and the audit trail of what was written.

use crate::audit::trail::action as trail;
use crate::effect::Effect;
use crate::state::State;

/// `x` or `:export`: the marked users if any are marked, else the record shown.
pub(super) fn start(state: &mut State) -> Vec<Effect> {
    if state.exporting {
        return Vec::new();
    }
    if !state.list.marked.is_empty() {
        // The marked set, in list order, fetched afresh and written as one NDJSON file.
        let ids: Vec<String> = state
            .list
            .users
            .iter()
            .filter(|user| state.list.marked.contains(user.id))
            .map(|user| user.id.to_owned())
            .collect();
        state.exporting = true;
        state.exporting_marked = true;
        state.exporting_ids.clone_from(&ids);
        state.status.info = Some(format!("exporting {} marked users…", ids.len()));
        return vec![Effect::ExportMarked { ids }];
    }
    let Some(record) = state.detail.record.clone() else {
        state.status.error = Some(if state.detail.loading.is_some() {
            "the record is still loading; export once it is shown".to_owned()
        } else {
            "no record to export: select a user first".to_owned()
        });
        return Vec::new();
    };
    state.exporting = true;
    state.exporting_marked = false;
    state.exporting_ids = vec![record.id.clone()];
    state.status.info = Some("exporting…".to_owned());
    vec![Effect::Export {
        records: vec![record],
    }]
}

/// The export was written (or failed). A marked set written is done with: its marks are
/// cleared and the status says so, so the next `x` does not silently export them again. A
/// failed export keeps them, to retry.
pub(super) fn finished(
    state: &mut State,
    result: Result<std::path::PathBuf, String>,
) -> Vec<Effect> {
    state.exporting = false;
    let marked = std::mem::take(&mut state.exporting_marked);
    let ids = std::mem::take(&mut state.exporting_ids);
    let path = match result {
        Ok(path) => path,
        Err(message) => {
            state.status.error = Some(format!("export failed: {message}"));
            return Vec::new();
        }
    };
    state.status.error = None;
    state.status.info = Some(if marked {
        // Marks set while the export ran are not among those written: they stay.
        let before = state.list.marked.len();
        state.list.marked.retain(|id| !ids.contains(id));
        let cleared = before - state.list.marked.len();
        format!(
            "exported {} marked user{} to {} — {cleared} mark{} cleared",
            ids.len(),
            plural(ids.len()),
            path.display(),
            plural(cleared),
        )
    } else {
        format!("exported to {}", path.display())
    });
    state.status.last_export = Some(path);
    ids.into_iter()
        .map(|user_id| Effect::Trail {
            user_id,
            action: trail::EXPORTED,
        })
        .collect()
}

/// The `s` of a plural noun, for a count.
pub(super) fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}
