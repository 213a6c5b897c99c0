//! Up and Down on the `:` line and in the filter input: what was typed earlier in the session
//! comes back, as in a shell. A filter is kept when the operator leaves the input with it (Enter,
//! Esc, Tab), a command when it is run.

use tui_input::Input;

use crate::effect::Effect;
use crate::state::State;

/// Up (`older`) or Down in the filter input: the filter typed before (or after) the one shown,
/// applied to the list as if typed.
pub(super) fn recall_filter(state: &mut State, older: bool) -> Vec<Effect> {
    let current = state.list.filter.value().to_owned();
    let history = &mut state.filter_history;
    let recalled = if older {
        history.older(&current)
    } else {
        history.newer()
    };
    let Some(recalled) = recalled.map(str::to_owned) else {
        return Vec::new();
    };
    if recalled == current {
        return Vec::new();
    }
    state.list.filter = Input::new(recalled);
    super::filter::refilter(state)
}

/// The filter input loses the keyboard: its query, if any, joins the history.
pub(super) fn remember_filter(state: &mut State) {
    let query = state.list.filter.value().to_owned();
    state.filter_history.remember(&query);
}

/// Up (`older`) or Down on the `:` line: the command run before (or after) the one shown.
pub(super) fn recall_command(state: &mut State, older: bool) {
    let Some(line) = state.command.as_mut() else {
        return;
    };
    let history = &mut state.command_history;
    let recalled = if older {
        history.older(line.input.value())
    } else {
        history.newer()
    };
    if let Some(recalled) = recalled {
        line.input = Input::new(recalled.to_owned());
        line.completions.clear();
        line.completion_index = None;
    }
}
