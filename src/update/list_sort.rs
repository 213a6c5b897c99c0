//! `s` and `S` on the list: sort the unfiltered rows by the next column, or reverse the order.

use crate::effect::Effect;
use crate::state::State;
use crate::state::list_sort::ListSort;

/// Sorts the list by the next column (`reverse`: the same column the other way), and says so.
/// Under a filter the rows stay its ranking, and the status says the sort waits for the filter
/// to be cleared, so nobody reads a ranking as sorted.
pub(crate) fn sort(state: &mut State, reverse: bool) -> Vec<Effect> {
    let now = state.list.sort();
    let next = if reverse {
        ListSort {
            reversed: !now.reversed,
            ..now
        }
    } else {
        ListSort {
            column: now.column.next(),
            reversed: false,
        }
    };
    state.list.set_sort(next);
    let order = next.describe().map_or_else(
        || "the provider's order".to_owned(),
        |by| format!("sorted by {by}"),
    );
    state.status.error = None;
    state.status.info = Some(if state.list.filter.value().trim().is_empty() {
        order
    } else {
        format!("{order} once the filter is cleared (a filter shows its best matches first)")
    });
    super::selection_changed(state)
}
