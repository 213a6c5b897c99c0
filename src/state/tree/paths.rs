//! Naming a node of the tree: its jq path (`.discounts[3].events[0]`), its JSON pointer, and
//! the way back from a jq path to the node.

use std::fmt::Write as _;

use super::{NodeKey, TreeState};
use crate::json_index::{Kind, escape_json_string};

impl TreeState {
    /// The keys from the root down to a node.
    pub(super) fn keys_to(&self, node: usize) -> Vec<NodeKey<'_>> {
        let mut keys = Vec::new();
        let mut current = Some(node);
        while let Some(index) = current {
            keys.push(self.key(index));
            current = self.parent(index);
        }
        keys.reverse();
        keys
    }

    /// The jq path of a node (`.discounts[3].events[0]`).
    pub fn jq_path(&self, node: usize) -> String {
        if node >= self.len() {
            return ".".to_owned();
        }
        let mut path = String::new();
        for key in self.keys_to(node) {
            match key {
                NodeKey::Root => {}
                NodeKey::Index(index) => {
                    let _ = write!(path, "[{index}]");
                }
                NodeKey::Key(key) if is_identifier(&key) => {
                    path.push('.');
                    path.push_str(&key);
                }
                NodeKey::Key(key) => {
                    let _ = write!(path, "[{}]", escape_json_string(&key));
                }
            }
        }
        if path.starts_with('.') {
            path
        } else {
            format!(".{path}")
        }
    }

    /// The JSON pointer of a node (`/discounts/3/events/0`).
    pub fn pointer(&self, node: usize) -> String {
        let mut pointer = String::new();
        if node >= self.len() {
            return pointer;
        }
        for key in self.keys_to(node) {
            match key {
                NodeKey::Root => {}
                NodeKey::Index(index) => {
                    let _ = write!(pointer, "/{index}");
                }
                NodeKey::Key(key) => {
                    let _ = write!(pointer, "/{}", key.replace('~', "~0").replace('/', "~1"));
                }
            }
        }
        pointer
    }

    /// The node at a jq path as `jq_path` writes them, if the record has it. Walks down from the
    /// root, one step per segment, instead of naming every node.
    pub fn find_path(&self, path: &str) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        let mut node = 0;
        let mut rest = path.strip_prefix('.').unwrap_or(path);
        while !rest.is_empty() {
            let segment;
            (segment, rest) = next_segment(rest)?;
            node = match (segment, self.node(node).kind()) {
                (Segment::Key(key), Kind::Object) => self.index.member(&self.source, node, &key)?,
                (Segment::Index(index), Kind::Array) => self.index.children(node).nth(index)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

enum Segment {
    Key(String),
    Index(usize),
}

/// The first segment of a jq path (its leading `.` already gone) and the rest.
fn next_segment(path: &str) -> Option<(Segment, &str)> {
    if let Some(inside) = path.strip_prefix('[') {
        if inside.starts_with('"') {
            let mut strings = serde_json::Deserializer::from_str(inside).into_iter::<String>();
            let key = strings.next()?.ok()?;
            let rest = inside[strings.byte_offset()..].strip_prefix(']')?;
            return Some((Segment::Key(key), rest.strip_prefix('.').unwrap_or(rest)));
        }
        let (digits, rest) = inside.split_once(']')?;
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        return Some((Segment::Index(digits.parse().ok()?), rest));
    }
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let rest = &path[end..];
    Some((
        Segment::Key(path[..end].to_owned()),
        rest.strip_prefix('.').unwrap_or(rest),
    ))
}

fn is_identifier(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
