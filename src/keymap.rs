//! Keys to actions, per focused pane: the only place key literals live. The reverse lookup
//! feeds the footer hints and the `?` help, so they always say what the keys really do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::state::Focus;

/// A key and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyBinding {
    /// The key.
    pub code: KeyCode,
    /// Ctrl/Alt/Shift as needed.
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> KeyBinding {
    KeyBinding {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> KeyBinding {
    KeyBinding {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// Bindings in every pane (unless the filter input takes the key).
const GLOBAL: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('q')), Action::Quit),
    (ctrl('c'), Action::Quit),
    (key(KeyCode::Char('?')), Action::ToggleHelp),
    (key(KeyCode::Tab), Action::FocusNext),
    (key(KeyCode::BackTab), Action::FocusPrev),
    (
        KeyBinding {
            code: KeyCode::BackTab,
            modifiers: KeyModifiers::SHIFT,
        },
        Action::FocusPrev,
    ),
    (key(KeyCode::Esc), Action::Cancel),
    (key(KeyCode::Char('x')), Action::Export),
    (key(KeyCode::Char('/')), Action::StartFilter),
    (key(KeyCode::Char(']')), Action::NextTab),
    (key(KeyCode::Char('[')), Action::PrevTab),
];

/// Movement, shared by the list and the detail pane.
const MOVEMENT: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('j')), Action::Down),
    (key(KeyCode::Down), Action::Down),
    (key(KeyCode::Char('k')), Action::Up),
    (key(KeyCode::Up), Action::Up),
    (key(KeyCode::PageDown), Action::PageDown),
    (ctrl('d'), Action::PageDown),
    (key(KeyCode::PageUp), Action::PageUp),
    (ctrl('u'), Action::PageUp),
    (key(KeyCode::Char('g')), Action::Top),
    (key(KeyCode::Home), Action::Top),
    (key(KeyCode::Char('G')), Action::Bottom),
    (
        KeyBinding {
            code: KeyCode::Char('G'),
            modifiers: KeyModifiers::SHIFT,
        },
        Action::Bottom,
    ),
    (key(KeyCode::End), Action::Bottom),
];

const LIST: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Char('l')), Action::Open),
    (key(KeyCode::Right), Action::Open),
    (key(KeyCode::Char(' ')), Action::ToggleMark),
    (key(KeyCode::Char('r')), Action::Refresh),
];

const DETAIL: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('h')), Action::FocusPrev),
    (key(KeyCode::Left), Action::FocusPrev),
    (key(KeyCode::Char('l')), Action::NextTab),
    (key(KeyCode::Right), Action::NextTab),
    (key(KeyCode::Char('r')), Action::Refresh),
];

/// Keys the filter input does not swallow.
const FILTER: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Esc), Action::Cancel),
    (key(KeyCode::Down), Action::Down),
    (key(KeyCode::Up), Action::Up),
    (key(KeyCode::Tab), Action::FocusNext),
    (ctrl('c'), Action::Quit),
];

fn tables(focus: Focus) -> Vec<&'static [(KeyBinding, Action)]> {
    match focus {
        Focus::Filter => vec![FILTER],
        Focus::List => vec![LIST, MOVEMENT, GLOBAL],
        Focus::Detail => vec![DETAIL, MOVEMENT, GLOBAL],
    }
}

/// The action a key means in a pane, if any.
pub fn resolve(focus: Focus, event: &KeyEvent) -> Option<Action> {
    // Shift is implied by an upper-case letter or a symbol; terminals disagree on reporting it.
    let modifiers = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    tables(focus)
        .into_iter()
        .flatten()
        .find_map(|(binding, action)| {
            let binding_modifiers = match binding.code {
                KeyCode::Char(_) => binding.modifiers - KeyModifiers::SHIFT,
                _ => binding.modifiers,
            };
            (binding.code == event.code && binding_modifiers == modifiers).then_some(*action)
        })
}

/// Every binding of a pane, as (keys, description) for the help overlay, in table order.
pub fn help(focus: Focus) -> Vec<(String, &'static str)> {
    let mut entries: Vec<(Action, Vec<String>)> = Vec::new();
    for (binding, action) in tables(focus).into_iter().flatten() {
        let name = key_name(binding);
        match entries.iter_mut().find(|(known, _)| known == action) {
            Some((_, names)) if !names.contains(&name) => names.push(name),
            Some(_) => {}
            None => entries.push((*action, vec![name])),
        }
    }
    entries
        .into_iter()
        .map(|(action, names)| (names.join("/"), action.describe()))
        .collect()
}

/// The first key bound to an action in a pane, for footer hints.
pub fn first_key(focus: Focus, action: Action) -> Option<String> {
    tables(focus)
        .into_iter()
        .flatten()
        .find(|(_, bound)| *bound == action)
        .map(|(binding, _)| key_name(binding))
}

/// A key as the help shows it: `j`, `Ctrl-d`, `PgDn`, `Enter`.
pub fn key_name(binding: &KeyBinding) -> String {
    let base = match binding.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "S-Tab".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        other => format!("{other:?}"),
    };
    if binding.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn vim_keys_and_arrows_both_move() {
        for focus in [Focus::List, Focus::Detail] {
            assert_eq!(
                resolve(focus, &press(KeyCode::Char('j'))),
                Some(Action::Down)
            );
            assert_eq!(resolve(focus, &press(KeyCode::Down)), Some(Action::Down));
            assert_eq!(resolve(focus, &press(KeyCode::Char('k'))), Some(Action::Up));
            assert_eq!(resolve(focus, &press(KeyCode::Up)), Some(Action::Up));
        }
    }

    #[test]
    fn upper_case_letters_match_with_or_without_shift_reported() {
        assert_eq!(
            resolve(Focus::List, &press(KeyCode::Char('G'))),
            Some(Action::Bottom)
        );
        assert_eq!(
            resolve(
                Focus::List,
                &KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            resolve(
                Focus::List,
                &KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT)
            ),
            Some(Action::ToggleHelp)
        );
    }

    #[test]
    fn the_filter_input_keeps_letters() {
        assert_eq!(resolve(Focus::Filter, &press(KeyCode::Char('q'))), None);
        assert_eq!(
            resolve(Focus::Filter, &press(KeyCode::Esc)),
            Some(Action::Cancel)
        );
        assert_eq!(
            resolve(
                Focus::Filter,
                &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn help_lists_each_action_once_with_all_its_keys() {
        let help = help(Focus::List);
        let down = help
            .iter()
            .find(|(_, description)| *description == "down")
            .unwrap();
        assert_eq!(down.0, "j/↓");
        assert_eq!(
            help.iter()
                .filter(|(_, description)| *description == "down")
                .count(),
            1
        );
        assert_eq!(first_key(Focus::List, Action::Quit).as_deref(), Some("q"));
    }
}
