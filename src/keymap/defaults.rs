//! The built-in key tables, one per pane, and which apply where: the only place key literals
//! live besides the config's `[keys]`.

use crossterm::event::{KeyCode, KeyModifiers};

use super::KeyBinding;
use crate::action::Action;
use crate::key_context::KeyContext;

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
    (key(KeyCode::Char('z')), Action::ToggleZoom),
    (key(KeyCode::Char('x')), Action::Export),
    (key(KeyCode::Char('/')), Action::StartFilter),
    (key(KeyCode::Char(']')), Action::NextTab),
    (key(KeyCode::Char(':')), Action::CommandLine),
    (key(KeyCode::Char('Y')), Action::YankRecord),
    (shift('Y'), Action::YankRecord),
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
    (key(KeyCode::Char('*')), Action::MarkAllShown),
    (key(KeyCode::Char('u')), Action::ClearMarks),
    (key(KeyCode::Char('W')), Action::PersonEverywhere),
    (shift('W'), Action::PersonEverywhere),
    (key(KeyCode::Char('r')), Action::Refresh),
    (key(KeyCode::Char('s')), Action::CycleSort),
    (key(KeyCode::Char('S')), Action::ReverseSort),
    (shift('S'), Action::ReverseSort),
];

/// The People view (`:who`): Enter opens an account in its profile, `r` retries a profile
/// that could not be searched.
const PEOPLE: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Char('l')), Action::Open),
    (key(KeyCode::Char('r')), Action::Refresh),
];

/// What the People view takes of the global keys: it covers the panes, so their keys (Tab, `z`,
/// `x`, `/`, tabs, `Y`) would act on what is hidden beneath it.
const PEOPLE_GLOBAL: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('q')), Action::Quit),
    (ctrl('c'), Action::Quit),
    (key(KeyCode::Char('?')), Action::ToggleHelp),
    (key(KeyCode::Esc), Action::Cancel),
    (key(KeyCode::Char(':')), Action::CommandLine),
];

const DETAIL: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('h')), Action::FocusPrev),
    (key(KeyCode::Left), Action::FocusPrev),
    (key(KeyCode::Char('l')), Action::NextTab),
    (key(KeyCode::Right), Action::NextTab),
    (key(KeyCode::Char('r')), Action::Refresh),
];

const fn shift(c: char) -> KeyBinding {
    KeyBinding {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::SHIFT,
    }
}

/// The tree tab, in the fashion of jless and fx.
const TREE: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('l')), Action::TreeExpand),
    (key(KeyCode::Right), Action::TreeExpand),
    (key(KeyCode::Char('h')), Action::TreeCollapse),
    (key(KeyCode::Left), Action::TreeCollapse),
    (key(KeyCode::Enter), Action::TreeToggle),
    (key(KeyCode::Char('H')), Action::TreeParent),
    (shift('H'), Action::TreeParent),
    (key(KeyCode::Char('J')), Action::TreeNextSibling),
    (shift('J'), Action::TreeNextSibling),
    (key(KeyCode::Char('K')), Action::TreePrevSibling),
    (shift('K'), Action::TreePrevSibling),
    (key(KeyCode::Char('e')), Action::TreeExpandSubtree),
    (key(KeyCode::Char('E')), Action::TreeExpandAll),
    (shift('E'), Action::TreeExpandAll),
    (key(KeyCode::Char('c')), Action::TreeCollapseSubtree),
    (key(KeyCode::Char('C')), Action::TreeCollapseAll),
    (shift('C'), Action::TreeCollapseAll),
    (key(KeyCode::Char('y')), Action::YankStart),
    (key(KeyCode::Char('1')), Action::TreeDepth(1)),
    (key(KeyCode::Char('2')), Action::TreeDepth(2)),
    (key(KeyCode::Char('3')), Action::TreeDepth(3)),
    (key(KeyCode::Char('4')), Action::TreeDepth(4)),
    (key(KeyCode::Char('5')), Action::TreeDepth(5)),
    (key(KeyCode::Char('6')), Action::TreeDepth(6)),
    (key(KeyCode::Char('7')), Action::TreeDepth(7)),
    (key(KeyCode::Char('8')), Action::TreeDepth(8)),
    (key(KeyCode::Char('9')), Action::TreeDepth(9)),
];

/// The Overview: a cursor over the record's fields; `Enter` copies the value, `y` then `v`,
/// `k` or `p` the value, label or path, as in the tree.
const OVERVIEW: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::YankValue),
    (key(KeyCode::Char('y')), Action::YankStart),
];

/// The thread list.
const THREADS: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Char('s')), Action::CycleSort),
    (key(KeyCode::Char('S')), Action::ReverseSort),
    (shift('S'), Action::ReverseSort),
];

/// The audit findings: Enter shows the evidence in the tree (or folds a group), `s` groups by
/// the next key, `S` reverses, as the thread list sorts.
const AUDIT: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Char('s')), Action::CycleSort),
    (key(KeyCode::Char('S')), Action::ReverseSort),
    (shift('S'), Action::ReverseSort),
];

/// The raw view: `/` searches it, n/N walk the matches.
const RAW: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('n')), Action::NextMatch),
    (key(KeyCode::Char('N')), Action::PrevMatch),
    (shift('N'), Action::PrevMatch),
];

/// Typing a raw-view search.
const RAW_SEARCH: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Esc), Action::Cancel),
    (ctrl('c'), Action::Quit),
];

/// After `y` in the tree: what to copy.
const YANK: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Char('y')), Action::YankValue),
    (key(KeyCode::Char('v')), Action::YankValue),
    (key(KeyCode::Char('k')), Action::YankKey),
    (key(KeyCode::Char('p')), Action::YankPath),
    (key(KeyCode::Esc), Action::Cancel),
];

/// Keys the command line does not swallow.
const COMMAND: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Esc), Action::Cancel),
    (key(KeyCode::Tab), Action::Complete),
    (key(KeyCode::BackTab), Action::CompletePrevious),
    (key(KeyCode::Up), Action::HistoryPrevious),
    (key(KeyCode::Down), Action::HistoryNext),
    (ctrl('c'), Action::Quit),
];

/// Keys the filter input does not swallow: Up and Down recall earlier filters, as a shell's
/// history does; Ctrl-n and Ctrl-p move the list while typing, as in fzf.
const FILTER: &[(KeyBinding, Action)] = &[
    (key(KeyCode::Enter), Action::Open),
    (key(KeyCode::Esc), Action::Cancel),
    (key(KeyCode::Up), Action::HistoryPrevious),
    (key(KeyCode::Down), Action::HistoryNext),
    (ctrl('n'), Action::Down),
    (ctrl('p'), Action::Up),
    (key(KeyCode::Tab), Action::FocusNext),
    (ctrl('c'), Action::Quit),
];

pub(super) fn tables(context: KeyContext) -> Vec<&'static [(KeyBinding, Action)]> {
    match context {
        KeyContext::Filter => vec![FILTER],
        KeyContext::Command => vec![COMMAND],
        KeyContext::Yank => vec![YANK],
        KeyContext::Raw => vec![RAW, DETAIL, MOVEMENT, GLOBAL],
        KeyContext::Audit => vec![AUDIT, DETAIL, MOVEMENT, GLOBAL],
        KeyContext::RawSearch => vec![RAW_SEARCH],
        KeyContext::List => vec![LIST, MOVEMENT, GLOBAL],
        KeyContext::Detail => vec![OVERVIEW, DETAIL, MOVEMENT, GLOBAL],
        KeyContext::Tree => vec![TREE, DETAIL, MOVEMENT, GLOBAL],
        KeyContext::Threads => vec![THREADS, DETAIL, MOVEMENT, GLOBAL],
        KeyContext::People => vec![PEOPLE, MOVEMENT, PEOPLE_GLOBAL],
    }
}
