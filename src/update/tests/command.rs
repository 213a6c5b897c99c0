//! The `:` command line (profile and theme switches, mistakes, quit) and terminating.

use super::*;

#[test]
fn terminate_quits() {
    let mut state = loaded();
    assert!(matches!(
        update(&mut state, Msg::Terminate).as_slice(),
        [Effect::Quit]
    ));
    assert!(state.quit);
}

#[test]
fn colon_profile_switches_in_place_with_a_fresh_list() {
    let mut state = loaded();
    state.profile_names = vec!["sandbox-zoo".into(), "sandbox-quip".into()];
    update(&mut state, key(KeyCode::Char(':')));
    assert_eq!(state.key_context(), crate::state::KeyContext::Command);
    type_text(&mut state, "profile sandbox-q");
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(
        state.command.as_ref().unwrap().input.value(),
        "profile sandbox-quip"
    );
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(matches!(effects.as_slice(), [Effect::SwitchProfile(name)] if name == "sandbox-quip"));
    assert!(state.command.is_none());
    let badge = ProfileBadge {
        name: "sandbox-quip".into(),
        provider: "quip".into(),
        is_sandbox: true,
    };
    let opened = crate::msg::ProfileView {
        badge,
        theme: crate::theme::Theme::no_color(),
    };
    let effects = update(&mut state, Msg::ProfileSwitched { result: Ok(opened) });
    assert!(matches!(effects.as_slice(), [Effect::OpenDirectory { .. }]));
    assert!(state.list.users.is_empty() && state.detail.record.is_none());
    assert_eq!(state.profile.name, "sandbox-quip");
    assert_eq!(state.theme.name, "no-color");
}

#[test]
fn colon_commands_report_mistakes_and_quit() {
    let mut state = loaded();
    state.profile_names = vec!["sandbox-zoo".into()];
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "profile nope");
    assert!(update(&mut state, key(KeyCode::Enter)).is_empty());
    assert!(
        state
            .status
            .error
            .as_deref()
            .unwrap()
            .contains("no profile nope")
    );
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "theme light");
    assert!(
        matches!(update(&mut state, key(KeyCode::Enter)).as_slice(), [Effect::LoadTheme(name)] if name == "light")
    );
    update(&mut state, key(KeyCode::Char(':')));
    update(&mut state, key(KeyCode::Esc));
    assert!(state.command.is_none() && !state.quit);
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "q");
    assert!(matches!(
        update(&mut state, key(KeyCode::Enter)).as_slice(),
        [Effect::Quit]
    ));
    assert!(state.quit);
}

/// The `:` line's text.
fn command_text(state: &State) -> String {
    state.command.as_ref().unwrap().input.value().to_owned()
}

#[test]
fn tab_and_shift_tab_cycle_the_candidates_in_place() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char(':')));
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(command_text(&state), "profile ");
    // The second Tab replaces the first candidate, it does not complete after it.
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(command_text(&state), "theme ");
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(command_text(&state), "export");
    update(&mut state, key(KeyCode::BackTab));
    update(&mut state, key(KeyCode::BackTab));
    assert_eq!(command_text(&state), "profile ");
    // Back past the first: the last, as the list wraps.
    update(&mut state, key(KeyCode::BackTab));
    assert_eq!(command_text(&state), "quit");
    let line = state.command.as_ref().unwrap();
    assert_eq!(line.completions.len(), crate::state::command::NAMES.len());
    assert_eq!(
        line.completion_index,
        Some(crate::state::command::NAMES.len() - 1)
    );
}

#[test]
fn one_candidate_stays_put_and_typing_starts_a_new_completion() {
    let mut state = loaded();
    state.profile_names = vec!["sandbox-zoo".into(), "sandbox-zooza".into()];
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "p");
    update(&mut state, key(KeyCode::Tab));
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(command_text(&state), "profile ", "not `profile profile`");
    // A key typed after a completion: the next Tab completes the new word.
    type_text(&mut state, "s");
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(command_text(&state), "profile sandbox-zoo");
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(command_text(&state), "profile sandbox-zooza");
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(command_text(&state), "profile sandbox-zoo");
    // Shift-Tab first: the last candidate.
    let mut state = loaded();
    state.profile_names = vec!["sandbox-zoo".into(), "sandbox-zooza".into()];
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "profile ");
    update(&mut state, key(KeyCode::BackTab));
    assert_eq!(command_text(&state), "profile sandbox-zooza");
}

fn run_command(state: &mut State, text: &str) -> Vec<Effect> {
    update(state, key(KeyCode::Char(':')));
    type_text(state, text);
    update(state, key(KeyCode::Enter))
}

#[test]
fn colon_user_selects_a_user_shown_and_opens_it() {
    let mut state = loaded();
    answer_fetch(&mut state);
    let effects = run_command(&mut state, "user u42");
    assert_eq!(state.list.selected().map(|user| user.id), Some("u42"));
    assert_eq!(
        fetch_request(&effects).map(|(_, id)| id).as_deref(),
        Some("u42"),
        "opened at once, as Enter would"
    );
    assert!(
        state.detail.view_on_load,
        "a user asked for by id is viewed once shown"
    );
    assert_eq!(state.focus, Focus::Detail);
    assert_eq!(
        state.status.info.as_deref(),
        Some("user u42: selected in the list")
    );
}

#[test]
fn colon_user_fetches_a_user_not_in_the_list_or_hidden_by_the_filter_and_says_so() {
    let mut state = loaded();
    answer_fetch(&mut state);
    let effects = run_command(&mut state, "user 999999");
    assert_eq!(
        fetch_request(&effects).map(|(_, id)| id).as_deref(),
        Some("999999")
    );
    assert_eq!(
        state.status.info.as_deref(),
        Some("user 999999 is not in the list: fetching it by id")
    );
    assert_eq!(state.list.selected().map(|user| user.id), Some("u0"));
    // Held but filtered out: fetched all the same, and the status says why.
    state.focus = Focus::List;
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "user 42");
    update(&mut state, key(KeyCode::Enter));
    let effects = run_command(&mut state, "user u7");
    assert_eq!(
        fetch_request(&effects).map(|(_, id)| id).as_deref(),
        Some("u7")
    );
    assert_eq!(
        state.status.info.as_deref(),
        Some("user u7 is hidden by the filter: fetching it by id")
    );
    // No id: the error says what is missing.
    assert!(run_command(&mut state, "user").is_empty());
    assert_eq!(state.status.error.as_deref(), Some(":user needs a user id"));
}
