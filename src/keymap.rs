//! Keys to actions, per focused pane: the only place key literals live. The reverse lookup
//! feeds the footer hints and the `?` help, so they always say what the keys really do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::key_context::KeyContext;

mod defaults;

use defaults::tables;

/// A key and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyBinding {
    /// The key.
    pub code: KeyCode,
    /// Ctrl/Alt/Shift as needed.
    pub modifiers: KeyModifiers,
}

/// The keymap: the built-in tables with the config's `[keys]` overrides applied. An action
/// given keys in the config loses its built-in keys wherever it is bound.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    overrides: Vec<(Action, Vec<KeyBinding>)>,
}

impl Keymap {
    /// A keymap from the config's `[keys]` table: action name -> keys.
    pub fn from_config(
        keys: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> Result<Self, String> {
        let mut overrides = Vec::new();
        for (name, keys) in keys {
            let action = Action::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = Action::NAMED.iter().map(|action| action.name()).collect();
                format!(
                    "[keys] {name:?} is not an action; actions: {}",
                    names.join(", ")
                )
            })?;
            let bindings = keys
                .iter()
                .map(|text| {
                    parse_key(text)
                        .ok_or_else(|| format!("[keys] {name}: cannot read the key {text:?}"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            overrides.push((action, bindings));
        }
        Ok(Self { overrides })
    }

    /// The bindings in force in a context, in precedence order.
    fn bindings(&self, context: KeyContext) -> Vec<(KeyBinding, Action)> {
        let tables = tables(context);
        let mut bindings: Vec<(KeyBinding, Action)> = Vec::new();
        for (action, keys) in &self.overrides {
            if tables
                .iter()
                .any(|table| table.iter().any(|(_, bound)| bound == action))
            {
                bindings.extend(keys.iter().map(|binding| (*binding, *action)));
            }
        }
        bindings.extend(
            tables
                .into_iter()
                .flatten()
                .filter(|(_, action)| {
                    !self
                        .overrides
                        .iter()
                        .any(|(overridden, _)| overridden == action)
                })
                .copied(),
        );
        bindings
    }

    /// The action a key means in a context, if any.
    pub fn resolve(&self, context: KeyContext, event: &KeyEvent) -> Option<Action> {
        // Shift is implied by an upper-case letter or a symbol; terminals disagree on reporting it.
        let modifiers = match event.code {
            KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
            _ => event.modifiers,
        };
        self.bindings(context)
            .into_iter()
            .find_map(|(binding, action)| {
                let binding_modifiers = match binding.code {
                    KeyCode::Char(_) => binding.modifiers - KeyModifiers::SHIFT,
                    _ => binding.modifiers,
                };
                (binding.code == event.code && binding_modifiers == modifiers).then_some(action)
            })
    }

    /// Every binding of a context, as (keys, description) for the help overlay.
    pub fn help(&self, context: KeyContext) -> Vec<(String, &'static str)> {
        let mut entries: Vec<(Action, Vec<String>)> = Vec::new();
        for (binding, action) in self.bindings(context) {
            if !self.is_live(context, &binding, action) {
                continue;
            }
            // The nine depth keys read as one line.
            let (action, name) = if matches!(action, Action::TreeDepth(_)) {
                (Action::TreeDepth(0), "1-9".to_owned())
            } else {
                (action, key_name(&binding))
            };
            match entries.iter_mut().find(|(known, _)| *known == action) {
                Some((_, names)) if !names.contains(&name) => names.push(name),
                Some(_) => {}
                None => entries.push((action, vec![name])),
            }
        }
        entries
            .into_iter()
            .map(|(action, names)| (names.join("/"), action.describe_in(context)))
            .collect()
    }

    /// The first key bound to an action in a context, for footer hints.
    pub fn first_key(&self, context: KeyContext, action: Action) -> Option<String> {
        self.bindings(context)
            .into_iter()
            .find(|(binding, bound)| *bound == action && self.is_live(context, binding, action))
            .map(|(binding, _)| key_name(&binding))
    }

    /// Whether a binding still means its action in a context (an earlier one may shadow it).
    fn is_live(&self, context: KeyContext, binding: &KeyBinding, action: Action) -> bool {
        self.resolve(context, &KeyEvent::new(binding.code, binding.modifiers)) == Some(action)
    }
}

/// The action a key means in a context with the built-in keys.
pub fn resolve(context: KeyContext, event: &KeyEvent) -> Option<Action> {
    Keymap::default().resolve(context, event)
}

/// The built-in keys of a context, for the help overlay.
pub fn help(context: KeyContext) -> Vec<(String, &'static str)> {
    Keymap::default().help(context)
}

/// The first built-in key of an action in a context.
pub fn first_key(context: KeyContext, action: Action) -> Option<String> {
    Keymap::default().first_key(context, action)
}

/// Reads a key as the config writes it: `q`, `G`, `ctrl-d`, `shift-tab`, `enter`, `space`, `pgdn`.
pub fn parse_key(text: &str) -> Option<KeyBinding> {
    let lower = text.to_ascii_lowercase();
    let (modifiers, name) = if let Some(rest) = lower
        .strip_prefix("ctrl-")
        .or_else(|| lower.strip_prefix("c-"))
    {
        (KeyModifiers::CONTROL, rest.to_owned())
    } else if let Some(rest) = lower
        .strip_prefix("alt-")
        .or_else(|| lower.strip_prefix("m-"))
    {
        (KeyModifiers::ALT, rest.to_owned())
    } else if lower == "shift-tab" || lower == "backtab" || lower == "s-tab" {
        return Some(KeyBinding {
            code: KeyCode::BackTab,
            modifiers: KeyModifiers::SHIFT,
        });
    } else {
        (KeyModifiers::NONE, lower.clone())
    };
    let code = match name.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        _ => {
            // A single character keeps its case as written (`G` is not `g`).
            let original = &text[text.len() - name.len()..];
            let mut chars = original.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(if modifiers == KeyModifiers::CONTROL {
                c.to_ascii_lowercase()
            } else {
                c
            })
        }
    };
    Some(KeyBinding { code, modifiers })
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
mod tests;
