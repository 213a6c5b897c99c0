//! The `:` command line: typing, completion, and running what was typed.

use crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

use super::keys::export;
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
            complete(line, &state.profile_names, &state.theme_names);
            Vec::new()
        }
        Some(Action::Open) => {
            let text = line.input.value().to_owned();
            state.command = None;
            run(state, &text)
        }
        _ => {
            line.input.handle_event(&Event::Key(*key));
            line.completions.clear();
            line.completion_index = None;
            Vec::new()
        }
    }
}

/// Tab: the first candidate, then the next on each press.
fn complete(line: &mut CommandLine, profiles: &[String], themes: &[String]) {
    let typed = line.input.value().to_owned();
    if line.completion_index.is_none() {
        line.completions = command::candidates(&typed, profiles, themes);
    }
    if line.completions.is_empty() {
        return;
    }
    let next = line
        .completion_index
        .map_or(0, |index| (index + 1) % line.completions.len());
    // Completing again replaces the candidate inserted last time.
    let base = match line.completion_index {
        Some(index) => typed
            .strip_suffix(line.completions[index].as_str())
            .unwrap_or(&typed)
            .to_owned(),
        None => typed,
    };
    let completed = if line.completion_index.is_some() {
        format!("{base}{}", line.completions[next])
    } else {
        command::complete(&base, &line.completions[next])
    };
    line.input = tui_input::Input::new(completed);
    line.completion_index = Some(next);
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
        Ok(Command::Export) => export(state),
        Ok(Command::Audit) => super::audit::start(state),
        Ok(Command::ExportAudit) => super::audit::export(state),
        Ok(Command::Sync) => super::directory::sync(state),
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
