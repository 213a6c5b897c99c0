//! Copying the value, key or path under the tree cursor, or the whole record, via OSC 52.

use crate::action::Action;
use crate::clipboard;
use crate::effect::Effect;
use crate::state::State;
use crate::state::tree::NodeKey;

pub(super) fn copy(state: &mut State, action: Action) -> Vec<Effect> {
    let Some(record) = state.detail.record.clone() else {
        state.status.error = Some("nothing to copy: no record is shown".to_owned());
        return Vec::new();
    };
    if state.detail.tab == crate::state::DetailTab::Overview && action != Action::YankRecord {
        let Some(field) = record
            .sections
            .iter()
            .flat_map(|section| &section.fields)
            .nth(state.detail.overview_field)
        else {
            return Vec::new();
        };
        let (what, text) = match action {
            Action::YankKey => ("the label", field.label.clone()),
            Action::YankPath => ("the path", field.path.clone()),
            _ => (
                "the value",
                match &field.value {
                    crate::model::FieldValue::Text(text) => text.clone(),
                    other => other.display_in(state.time_offset),
                },
            ),
        };
        return send(state, what, &text);
    }
    let tree = &state.detail.tree;
    let node = tree.current();
    let (what, text) = match (action, node) {
        (Action::YankRecord, _) => (
            "the record",
            String::from_utf8_lossy(&crate::export::record_bytes(&record)).into_owned(),
        ),
        (Action::YankPath, Some(node)) => ("the path", tree.jq_path(node)),
        (Action::YankKey, Some(node)) => (
            "the key",
            match tree.key(node) {
                NodeKey::Root => ".".to_owned(),
                NodeKey::Key(key) => key.into_owned(),
                NodeKey::Index(index) => index.to_string(),
            },
        ),
        (Action::YankValue, Some(node)) => {
            // Decoded from the tree's bytes: the record's JSON may not be parsed (big records).
            let text = match tree.value(node) {
                serde_json::Value::String(text) => text,
                other => serde_json::to_string_pretty(&other).unwrap_or_default(),
            };
            ("the value", text)
        }
        _ => return Vec::new(),
    };
    send(state, what, &text)
}

/// Sends `text` to the clipboard through the terminal and says so.
fn send(state: &mut State, what: &str, text: &str) -> Vec<Effect> {
    match clipboard::osc52(text, state.multiplexer) {
        Ok(bytes) => {
            state.status.error = None;
            let size = text.len();
            state.status.info = Some(match state.multiplexer.doubt() {
                None => format!("copied {what} ({size} bytes) to the clipboard"),
                Some(doubt) => format!("sent {what} ({size} bytes); {doubt}"),
            });
            vec![Effect::WriteTerminal(bytes)]
        }
        Err(error) => {
            state.status.error = Some(error.to_string());
            Vec::new()
        }
    }
}
