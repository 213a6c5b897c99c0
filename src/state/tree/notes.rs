//! The record's JSON notes on its tree: a number shows the server's digits, and the node of a
//! duplicated key, a long number or a string that was not UTF-8 carries a marker in its label.

use super::{NodeKey, TreeState};
use crate::provider::json_notes::{JsonNote, NoteKind, PathStep};

impl TreeState {
    /// Puts the notes on their nodes (a note whose node is not found is left to the overview).
    pub fn annotate(&mut self, notes: &[JsonNote]) {
        for note in notes {
            let Some(node) = self.node_at(&note.path) else {
                continue;
            };
            if let NoteKind::InexactNumber { exact, .. } = &note.kind {
                self.nodes[node].preview.clone_from(exact);
            }
            let marker = note.marker();
            let label = match self.nodes[node].label.take() {
                Some(label) => format!("{label} · {marker}"),
                None => marker,
            };
            self.nodes[node].label = Some(label);
        }
    }

    /// The node a path leads to from the root, walking children by key or index.
    fn node_at(&self, path: &[PathStep]) -> Option<usize> {
        let mut node = 0;
        self.nodes.first()?;
        for step in path {
            let end = self.nodes[node].subtree_end;
            let mut child = node + 1;
            let mut found = None;
            while child < end {
                let matches = match (&self.nodes[child].key, step) {
                    (NodeKey::Key(key), PathStep::Key(wanted)) => key == wanted,
                    (NodeKey::Index(index), PathStep::Index(wanted)) => index == wanted,
                    _ => false,
                };
                if matches {
                    found = Some(child);
                    break;
                }
                child = self.nodes[child].subtree_end;
            }
            node = found?;
        }
        Some(node)
    }
}

#[cfg(test)]
mod tests {
    use crate::provider::json_notes::scan;
    use crate::state::tree::{TreeState, no_labels};

    #[test]
    fn numbers_show_the_servers_digits_and_duplicates_are_marked() {
        let body = br#"{"a":{"big":123456789012345678901234567890},"id":"decoy","id":7}"#;
        let json: serde_json::Value = serde_json::from_slice(body).unwrap();
        let mut tree = TreeState::build(&json, no_labels, 9);
        tree.annotate(&scan(body));
        let big = tree.find_path(".a.big").unwrap();
        assert_eq!(tree.nodes[big].preview, "123456789012345678901234567890");
        assert!(
            tree.nodes[big]
                .label
                .as_deref()
                .unwrap()
                .contains("exact digits")
        );
        let id = tree.find_path(".id").unwrap();
        assert_eq!(tree.nodes[id].preview, "7");
        assert!(tree.nodes[id].label.as_deref().unwrap().contains("2 times"));
    }
}
