//! The `:` command line: typing, completion, and running what was typed.

use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

use crate::action::Action;
use crate::effect::Effect;
use crate::state::command::{self, Command};
use crate::state::{CommandLine, KeyContext, State};

/// Opens the command line.
pub(super) fn open(state: &mut State) -> Vec<Effect> {
    state.command = Some(CommandLine::default());
    Vec::new()
}

/// A key while the command line is open.
pub(super) fn on_key(state: &mut State, key: &KeyEvent) -> Vec<Effect> {
    let Some(line) = state.command.as_mut() else {
        return Vec::new();
    };
    match state.keymap.resolve(KeyContext::Command, key) {
        Some(Action::Cancel) => {
            state.command = None;
            Vec::new()
        }
        Some(Action::Quit) => {
            state.quit = true;
            vec![Effect::Quit]
        }
        Some(Action::Complete) => {
            complete(line, &state.profile_names, &state.theme_names, true);
            Vec::new()
        }
        Some(Action::CompletePrevious) => {
            complete(line, &state.profile_names, &state.theme_names, false);
            Vec::new()
        }
        Some(Action::Open) => {
            let text = line.input.value().to_owned();
            state.command = None;
            state.command_history.remember(&text);
            run(state, &text)
        }
        Some(action @ (Action::HistoryPrevious | Action::HistoryNext)) => {
            super::history::recall_command(state, action == Action::HistoryPrevious);
            Vec::new()
        }
        _ => {
            line.input.handle_event(&Event::Key(*key));
            line.completions.clear();
            line.completion_index = None;
            state.command_history.stop_recalling();
            Vec::new()
        }
    }
}

/// Tab (`forward`) or Shift-Tab: the first (or last) candidate, then the next (or previous)
/// one on each press, each in place of the one before.
fn complete(line: &mut CommandLine, profiles: &[String], themes: &[String], forward: bool) {
    if line.completion_index.is_none() {
        line.completion_base = line.input.value().to_owned();
        line.completions = command::candidates(&line.completion_base, profiles, themes);
    }
    let count = line.completions.len();
    if count == 0 {
        return;
    }
    let shown = match (line.completion_index, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(index), true) => (index + 1) % count,
        (Some(index), false) => (index + count - 1) % count,
    };
    let completed = command::complete(&line.completion_base, &line.completions[shown]);
    line.input = tui_input::Input::new(completed);
    line.completion_index = Some(shown);
}

/// Runs a command line's text.
fn run(state: &mut State, text: &str) -> Vec<Effect> {
    match command::parse(text) {
        Err(message) => {
            state.status.error = Some(message);
            Vec::new()
        }
        Ok(Command::Quit) => {
            state.quit = true;
            vec![Effect::Quit]
        }
        Ok(Command::Help) => {
            state.help_open = true;
            Vec::new()
        }
        Ok(Command::Export) => super::export::start(state),
        Ok(Command::Audit) => super::audit::start(state),
        Ok(Command::ExportAudit) => super::audit::export(state),
        Ok(Command::Sync) => super::directory::sync(state),
        Ok(Command::User(id)) => go_to_user(state, id),
        Ok(Command::Who(query)) => super::people::open(state, &query),
        Ok(Command::Theme(name)) => vec![Effect::LoadTheme(name)],
        Ok(Command::Profile(name)) => {
            if !state.profile_names.contains(&name) {
                state.status.error = Some(format!(
                    "no profile {name}; profiles: {}",
                    state.profile_names.join(", ")
                ));
                return Vec::new();
            }
            state.switching = Some(name.clone());
            state.status.error = None;
            vec![Effect::SwitchProfile(name)]
        }
    }
}

/// `:user ID`: the user selected in the list if shown there, else fetched by id (a user the
/// directory does not hold yet, or one the filter hides); either way the record is opened, as
/// Enter would, and the status says which it was.
fn go_to_user(state: &mut State, id: String) -> Vec<Effect> {
    if state.list.select_id(&id) {
        let mut effects = super::selection_changed(state);
        if state.detail.current_id() == Some(id.as_str()) {
            effects.extend(super::viewed::opened(state, &id));
        } else {
            effects.extend(super::open_record(state, id.clone()));
        }
        state.status.info = Some(format!("user {id}: selected in the list"));
        state.focus = crate::state::Focus::Detail;
        return effects;
    }
    let whereabouts = if state.list.index_of_id(&id).is_some() {
        "hidden by the filter"
    } else {
        "not in the list"
    };
    state.status.info = Some(format!("user {id} is {whereabouts}: fetching it by id"));
    state.focus = crate::state::Focus::Detail;
    super::open_record(state, id)
}
