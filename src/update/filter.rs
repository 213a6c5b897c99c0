//! The list filter through `update`: a big filter becomes a background job whose answer
//! arrives as `Msg::UsersFiltered`; a newer keystroke cancels the job it supersedes.

use super::selection_changed;
use crate::effect::Effect;
use crate::state::State;
use crate::state::filter::Ranking;

/// Refilters the list for the filter text as it is now (and the query shown again if a row
/// changed under it).
pub(crate) fn refilter(state: &mut State) -> Vec<Effect> {
    let superseded = state.list.filtering.as_ref().map(|pending| pending.request);
    let request = state.next_request();
    let job = state.list.refilter(request);
    let mut effects: Vec<Effect> = superseded.map(Effect::Cancel).into_iter().collect();
    if let Some(job) = job {
        effects.push(Effect::FilterUsers {
            request,
            job: Box::new(job),
        });
    }
    effects.extend(selection_changed(state));
    effects
}

/// A background filter's answer: shown if it is still the one wanted, else dropped.
pub(crate) fn on_filtered(
    state: &mut State,
    request: crate::state::RequestId,
    ranking: Ranking,
) -> Vec<Effect> {
    if !state.list.finish_filter(request, ranking) {
        return Vec::new();
    }
    selection_changed(state)
}

#[cfg(test)]
mod tests;
