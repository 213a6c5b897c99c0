//! Unit tests of `keymap`.

use super::*;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn config_keys_replace_an_actions_built_in_keys() {
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("quit".to_owned(), vec!["ctrl-q".to_owned()]);
    keys.insert(
        "export".to_owned(),
        vec!["e".to_owned(), "ctrl-s".to_owned()],
    );
    let keymap = Keymap::from_config(&keys).unwrap();
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(
        keymap.resolve(KeyContext::List, &ctrl_q),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.resolve(KeyContext::List, &press(KeyCode::Char('q'))),
        None,
        "q no longer quits"
    );
    assert_eq!(
        keymap.resolve(KeyContext::List, &press(KeyCode::Char('e'))),
        Some(Action::Export)
    );
    assert_eq!(
        keymap.resolve(KeyContext::Tree, &press(KeyCode::Char('e'))),
        Some(Action::Export),
        "config wins over the tree's e"
    );
    assert_eq!(
        keymap.first_key(KeyContext::List, Action::Quit).as_deref(),
        Some("Ctrl-q")
    );
    assert!(
        keymap
            .help(KeyContext::List)
            .iter()
            .any(|(keys, description)| keys == "e/Ctrl-s" && *description == "export")
    );
}

#[test]
fn config_mistakes_are_named() {
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("qiut".to_owned(), vec!["q".to_owned()]);
    assert!(
        Keymap::from_config(&keys)
            .unwrap_err()
            .contains("not an action")
    );
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("quit".to_owned(), vec!["ctrl-".to_owned()]);
    assert!(
        Keymap::from_config(&keys)
            .unwrap_err()
            .contains("cannot read the key")
    );
    assert_eq!(parse_key("G").unwrap().code, KeyCode::Char('G'));
    assert_eq!(parse_key("shift-tab").unwrap().code, KeyCode::BackTab);
    assert_eq!(parse_key("pgdn").unwrap().code, KeyCode::PageDown);
}

#[test]
fn vim_keys_and_arrows_both_move() {
    for focus in [KeyContext::List, KeyContext::Detail, KeyContext::Tree] {
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
        resolve(KeyContext::List, &press(KeyCode::Char('G'))),
        Some(Action::Bottom)
    );
    assert_eq!(
        resolve(
            KeyContext::List,
            &KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)
        ),
        Some(Action::Bottom)
    );
    assert_eq!(
        resolve(
            KeyContext::List,
            &KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT)
        ),
        Some(Action::ToggleHelp)
    );
}

#[test]
fn the_filter_input_keeps_letters() {
    assert_eq!(
        resolve(KeyContext::Filter, &press(KeyCode::Char('q'))),
        None
    );
    assert_eq!(
        resolve(KeyContext::Filter, &press(KeyCode::Esc)),
        Some(Action::Cancel)
    );
    assert_eq!(
        resolve(
            KeyContext::Filter,
            &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ),
        Some(Action::Quit)
    );
}

#[test]
fn help_lists_each_action_once_with_all_its_keys() {
    let entries = help(KeyContext::List);
    let down = entries
        .iter()
        .find(|(_, description)| *description == "down")
        .unwrap();
    assert_eq!(down.0, "j/↓");
    assert_eq!(
        entries
            .iter()
            .filter(|(_, description)| *description == "down")
            .count(),
        1
    );
    assert_eq!(
        first_key(KeyContext::List, Action::Quit).as_deref(),
        Some("q")
    );
    let tree = help(KeyContext::Tree);
    assert_eq!(tree.iter().filter(|(keys, _)| keys == "1-9").count(), 1);
}

#[test]
fn tree_keys_win_over_the_detail_pane_s() {
    assert_eq!(
        resolve(KeyContext::Tree, &press(KeyCode::Char('h'))),
        Some(Action::TreeCollapse)
    );
    assert_eq!(
        resolve(KeyContext::Detail, &press(KeyCode::Char('h'))),
        Some(Action::FocusPrev)
    );
    assert_eq!(
        resolve(KeyContext::Tree, &press(KeyCode::Char('3'))),
        Some(Action::TreeDepth(3))
    );
    assert_eq!(
        resolve(
            KeyContext::Tree,
            &KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT)
        ),
        Some(Action::TreeNextSibling)
    );
}
