//! Marks on the user list: toggled one by one, set on every row shown, cleared all at once
//! (also by Esc, and by the export of the marked set). Each bulk change says what it did, so
//! marks are never kept or dropped unseen.

use super::export::plural;
use super::selection_changed;
use crate::effect::Effect;
use crate::state::State;

/// Space: marks or unmarks the selected user and steps down, to mark a run quickly.
pub(super) fn toggle(state: &mut State) -> Vec<Effect> {
    if let Some(id) = state.list.selected().map(|user| user.id.to_owned())
        && !state.list.marked.remove(&id)
    {
        state.list.marked.insert(id);
    }
    state.list.move_by(1);
    selection_changed(state)
}

/// Marks every row shown (all users, or those the filter matches).
pub(super) fn mark_all_shown(state: &mut State) -> Vec<Effect> {
    let list = &mut state.list;
    let before = list.marked.len();
    let shown: Vec<String> = list
        .rows()
        .iter()
        .filter_map(|index| list.users.get(*index))
        .map(|user| user.id.to_owned())
        .collect();
    let count = shown.len();
    list.marked.extend(shown);
    let added = list.marked.len() - before;
    state.status.info = Some(format!(
        "marked {added} more user{} of the {count} shown: {} marked in all",
        plural(added),
        list.marked.len()
    ));
    Vec::new()
}

/// Clears every mark, saying how many.
pub(super) fn clear(state: &mut State) -> Vec<Effect> {
    let count = state.list.marked.len();
    state.list.marked.clear();
    state.status.info = Some(if count == 0 {
        "no marks to clear".to_owned()
    } else {
        format!("cleared {count} mark{}", plural(count))
    });
    Vec::new()
}
