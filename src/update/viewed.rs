//! When a record counts as `viewed` on the audit trail: once it is shown and the selection has
//! rested on it for the rest debounce, or as soon as it is shown when the operator opened it
//! (Enter, `r`, `:user`, a finding). A record that flickers by while a filter narrows, or a
//! fetch superseded before it was shown, is never logged: the trail says what was read.

use super::DEBOUNCE_TICKS;
use crate::audit::trail::action as trail;
use crate::effect::Effect;
use crate::state::{State, UnviewedRecord};

/// A record was just shown: viewed now if the operator opened it, else once it rests.
pub(super) fn shown(state: &mut State, id: String) -> Vec<Effect> {
    if std::mem::take(&mut state.detail.view_on_load) {
        state.detail.unviewed = None;
        return vec![viewed(id)];
    }
    state.detail.unviewed = Some(UnviewedRecord {
        id,
        rested_ticks: 0,
    });
    Vec::new()
}

/// A tick: the record shown counts as viewed once the selection has rested on it long enough.
pub(super) fn tick(state: &mut State) -> Vec<Effect> {
    if !state.resting_on_unviewed() {
        return Vec::new();
    }
    let Some(unviewed) = state.detail.unviewed.as_mut() else {
        return Vec::new();
    };
    unviewed.rested_ticks += 1;
    if unviewed.rested_ticks < DEBOUNCE_TICKS {
        return Vec::new();
    }
    state
        .detail
        .unviewed
        .take()
        .map(|unviewed| viewed(unviewed.id))
        .into_iter()
        .collect()
}

/// The selection moved: the record shown must rest under it afresh to count.
pub(super) fn selection_moved(state: &mut State) {
    if let Some(unviewed) = state.detail.unviewed.as_mut() {
        unviewed.rested_ticks = 0;
    }
}

/// The operator opened the selected user: the record, shown or on its way, counts as viewed
/// without waiting.
pub(super) fn opened(state: &mut State, id: &str) -> Vec<Effect> {
    if state
        .detail
        .loading
        .as_ref()
        .is_some_and(|(_, loading)| loading == id)
    {
        state.detail.view_on_load = true;
        return Vec::new();
    }
    match state.detail.unviewed.take() {
        Some(unviewed) if unviewed.id == id => vec![viewed(unviewed.id)],
        other => {
            state.detail.unviewed = other;
            Vec::new()
        }
    }
}

fn viewed(user_id: String) -> Effect {
    Effect::Trail {
        user_id,
        action: trail::VIEWED,
    }
}
