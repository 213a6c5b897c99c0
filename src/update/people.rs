//! The People view's messages and keys: `:who` (or `W` on a user) starts one lookup per
//! profile, each answer fills its profile's rows, `Enter` opens an account in its profile,
//! `Esc` there comes back, `r` retries a profile that could not be searched.

use crossterm::event::KeyEvent;

use crate::action::Action;
use crate::effect::Effect;
use crate::people::{ProfileAnswer, WhoQuery};
use crate::state::people::{PeopleRow, PeopleView, ProfileLookup};
use crate::state::{Focus, KeyContext, RequestId, State};

/// `:who QUERY`: opens the view and asks every profile.
pub(super) fn open(state: &mut State, text: &str) -> Vec<Effect> {
    let Some(query) = WhoQuery::parse(text) else {
        state.status.error = Some(":who needs an e-mail address or a name".to_owned());
        return Vec::new();
    };
    let mut profiles = state.profile_names.clone();
    if !profiles.contains(&state.profile.name) {
        profiles.insert(0, state.profile.name.clone());
    }
    let request = state.next_request();
    state.people = Some(PeopleView::new(query.clone(), request, &profiles));
    vec![lookup(state, request, query, profiles)]
}

/// `W` on a user: that user's address (or name, when there is no address) everywhere.
pub(super) fn open_selected(state: &mut State) -> Vec<Effect> {
    let Some(user) = state.list.selected() else {
        state.status.info = Some("no user selected".to_owned());
        return Vec::new();
    };
    let text = if user.email.trim().is_empty() {
        user.name.to_owned()
    } else {
        user.email.to_owned()
    };
    open(state, &text)
}

fn lookup(state: &State, request: RequestId, query: WhoQuery, profiles: Vec<String>) -> Effect {
    Effect::LookupPerson {
        request,
        query,
        profiles,
        settings: (*state.audit_settings).clone(),
    }
}

/// One profile answered.
pub(super) fn answered(
    state: &mut State,
    request: RequestId,
    answer: ProfileAnswer,
) -> Vec<Effect> {
    let Some(view) = state.people.as_mut().filter(|view| view.request == request) else {
        return Vec::new();
    };
    if let Some((_, lookup)) = view
        .profiles
        .iter_mut()
        .find(|(profile, _)| *profile == answer.profile)
    {
        *lookup = match answer.accounts {
            Ok(accounts) => ProfileLookup::Answered(accounts),
            Err(reason) => ProfileLookup::Failed(reason),
        };
    }
    view.move_cursor(0);
    Vec::new()
}

/// One profile's lookup waits, as its server asked: its row says so until it answers.
pub(super) fn waiting(
    state: &mut State,
    request: RequestId,
    profile: &str,
    wait: crate::model::ServerWait,
) -> Vec<Effect> {
    if let Some(view) = state.people.as_mut().filter(|view| view.request == request)
        && let Some((_, ProfileLookup::Waiting(said))) =
            view.profiles.iter_mut().find(|(name, _)| name == profile)
    {
        *said = (!wait.is_over()).then_some(wait);
    }
    Vec::new()
}

/// A key while the view exists; `None` leaves it to the panes (`:`, `?`, `q`).
pub(super) fn on_key(state: &mut State, key: &KeyEvent) -> Option<Vec<Effect>> {
    let view = state.people.as_ref()?;
    if view.hidden {
        // Back from an account opened here: Esc on the list or the record returns.
        let back = state.focus != Focus::Filter
            && state.keymap.resolve(state.key_context(), key) == Some(Action::Cancel);
        if back && let Some(view) = state.people.as_mut() {
            view.hidden = false;
            return Some(Vec::new());
        }
        return None;
    }
    let page = isize::try_from(state.list_page_rows()).unwrap_or(isize::MAX);
    // The view covers the panes: a key it does not take does nothing, never acts beneath it.
    let Some(action) = state.keymap.resolve(KeyContext::People, key) else {
        return Some(Vec::new());
    };
    let view = state.people.as_mut()?;
    let effects = match action {
        Action::Down => move_by(view, 1),
        Action::Up => move_by(view, -1),
        Action::PageDown => move_by(view, page),
        Action::PageUp => move_by(view, -page),
        Action::Top => move_by(view, isize::MIN / 2),
        Action::Bottom => move_by(view, isize::MAX / 2),
        Action::Cancel => {
            state.people = None;
            Vec::new()
        }
        Action::Open => open_account(state),
        Action::Refresh => retry(state),
        _ => return None,
    };
    Some(effects)
}

fn move_by(view: &mut PeopleView, delta: isize) -> Vec<Effect> {
    view.move_cursor(delta);
    Vec::new()
}

/// `Enter` on an account: its record, in its profile (switching to it first).
fn open_account(state: &mut State) -> Vec<Effect> {
    let Some(view) = state.people.as_mut() else {
        return Vec::new();
    };
    let Some(PeopleRow::Account(account)) = view.selected() else {
        return Vec::new();
    };
    let (profile, id) = (account.profile.clone(), account.user_id.clone());
    view.hidden = true;
    if profile == state.profile.name {
        state.focus = Focus::Detail;
        return super::open_record(state, id);
    }
    state.people_opening = Some(id);
    state.switching = Some(profile.clone());
    vec![Effect::SwitchProfile(profile)]
}

/// After a profile switch: the account opened from the view, if that is why it switched.
pub(super) fn after_switch(state: &mut State) -> Vec<Effect> {
    match state.people_opening.take() {
        Some(id) => {
            state.focus = Focus::Detail;
            super::open_record(state, id)
        }
        None => Vec::new(),
    }
}

/// `r` on a profile that could not be searched: ask it again.
fn retry(state: &mut State) -> Vec<Effect> {
    let Some(view) = state.people.as_mut() else {
        return Vec::new();
    };
    let Some(PeopleRow::Failed(profile, _)) = view.selected() else {
        return Vec::new();
    };
    let profile = profile.to_owned();
    if let Some((_, lookup)) = view.profiles.iter_mut().find(|(name, _)| *name == profile) {
        *lookup = ProfileLookup::Waiting(None);
    }
    let (request, query) = (view.request, view.query.clone());
    vec![lookup(state, request, query, vec![profile])]
}
