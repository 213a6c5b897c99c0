//! The record as a folding tree: a flat pre-order array of nodes built once per record, with
//! an expansion bit per node and the visible rows derived from them. Moving the cursor is O(1);
//! folding recomputes the visible rows in one linear pass that skips collapsed subtrees.

mod notes;

use std::fmt::Write as _;

use serde_json::Value;

/// What a node holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// An object with this many members.
    Object(usize),
    /// An array with this many items.
    Array(usize),
    /// A string, number, boolean or null.
    Scalar,
}

/// How a node is reached from its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKey {
    /// The root.
    Root,
    /// An object member.
    Key(String),
    /// An array item.
    Index(usize),
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Parent node index (the root has none).
    pub parent: Option<usize>,
    /// Depth, the root at 0.
    pub depth: usize,
    /// Key or index under the parent.
    pub key: NodeKey,
    /// What it holds.
    pub kind: NodeKind,
    /// The scalar's JSON text, or a short preview of a container.
    pub preview: String,
    /// A domain label for known nodes ("discount SPRING · 10 · expires 2026-01-01").
    pub label: Option<String>,
    /// One past the last node of this subtree.
    pub subtree_end: usize,
}

/// Names a node in domain terms from its JSON path and value; `None` for no label.
pub type Labeller = fn(&[PathSegment<'_>], &Value) -> Option<String>;

/// One step of a node's path, for labellers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathSegment<'a> {
    /// An object key.
    Key(&'a str),
    /// An array index.
    Index(usize),
}

/// A record's tree and the reader's place in it.
#[derive(Debug, Clone, Default)]
pub struct TreeState {
    /// Nodes in pre-order.
    pub nodes: Vec<Node>,
    /// Whether each node is expanded.
    pub expanded: Vec<bool>,
    /// Node indices shown, in order.
    pub visible: Vec<usize>,
    /// Cursor: an index into `visible`.
    pub cursor: usize,
    /// First visible row drawn.
    pub offset: usize,
}

const PREVIEW_CHARS: usize = 120;

impl TreeState {
    /// Builds the tree of a JSON value, expanded to `depth` levels.
    pub fn build(json: &Value, labeller: Labeller, depth: usize) -> Self {
        let mut nodes = Vec::new();
        let mut path = Vec::new();
        push_node(
            &mut nodes,
            &mut path,
            json,
            None,
            NodeKey::Root,
            0,
            labeller,
        );
        let expanded = nodes.iter().map(|node| node.depth < depth).collect();
        let mut tree = Self {
            nodes,
            expanded,
            visible: Vec::new(),
            cursor: 0,
            offset: 0,
        };
        tree.refresh_visible(None);
        tree
    }

    /// The node under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.cursor).copied()
    }

    /// Whether a node has children.
    pub fn is_container(&self, node: usize) -> bool {
        self.nodes.get(node).is_some_and(|node| {
            !matches!(
                node.kind,
                NodeKind::Scalar | NodeKind::Object(0) | NodeKind::Array(0)
            )
        })
    }

    /// Recomputes the visible rows, keeping the cursor on `keep` (or the nearest ancestor shown).
    fn refresh_visible(&mut self, keep: Option<usize>) {
        self.visible.clear();
        let mut index = 0;
        while index < self.nodes.len() {
            self.visible.push(index);
            index = if self.expanded[index] {
                index + 1
            } else {
                self.nodes[index].subtree_end
            };
        }
        if let Some(mut target) = keep {
            loop {
                if let Ok(row) = self.visible.binary_search(&target) {
                    self.cursor = row;
                    break;
                }
                let Some(parent) = self.nodes[target].parent else {
                    self.cursor = 0;
                    break;
                };
                target = parent;
            }
        }
        self.cursor = self.cursor.min(self.visible.len().saturating_sub(1));
    }

    /// Moves the cursor by rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(self.visible.len().saturating_sub(1));
    }

    /// To the first or last row.
    pub fn move_to_end(&mut self, last: bool) {
        self.cursor = if last {
            self.visible.len().saturating_sub(1)
        } else {
            0
        };
    }

    /// Expands the current node (`l`), or steps into its first child if it is expanded.
    pub fn expand_or_enter(&mut self) {
        let Some(node) = self.current() else { return };
        if !self.is_container(node) {
            return;
        }
        if self.expanded[node] {
            self.move_by(1);
        } else {
            self.expanded[node] = true;
            self.refresh_visible(Some(node));
        }
    }

    /// Collapses the current node (`h`), or steps to its parent if it is collapsed or a leaf.
    pub fn collapse_or_leave(&mut self) {
        let Some(node) = self.current() else { return };
        if self.is_container(node) && self.expanded[node] && node != 0 {
            self.expanded[node] = false;
            self.refresh_visible(Some(node));
        } else {
            self.go_parent();
        }
    }

    /// To the parent (`H`).
    pub fn go_parent(&mut self) {
        if let Some(parent) = self.current().and_then(|node| self.nodes[node].parent) {
            self.refresh_visible(Some(parent));
        }
    }

    /// To the next or previous sibling (`J`/`K`).
    pub fn go_sibling(&mut self, forward: bool) {
        let Some(node) = self.current() else { return };
        let parent = self.nodes[node].parent;
        let target = if forward {
            let next = self.nodes[node].subtree_end;
            (next < self.nodes.len() && self.nodes[next].parent == parent).then_some(next)
        } else {
            let start = parent.map_or(0, |parent| parent + 1);
            let mut previous = None;
            let mut index = start;
            while index < node {
                previous = Some(index);
                index = self.nodes[index].subtree_end;
            }
            previous
        };
        if let Some(target) = target {
            self.refresh_visible(Some(target));
        }
    }

    /// Expands (`e`) or collapses (`c`) the current node and all below it; `E`/`C` do the
    /// whole tree (`C` keeps the root open).
    pub fn set_expanded(&mut self, whole_tree: bool, expand: bool) {
        let Some(node) = self.current() else { return };
        let range = if whole_tree {
            0..self.nodes.len()
        } else {
            node..self.nodes[node].subtree_end
        };
        for index in range {
            self.expanded[index] = expand || (whole_tree && index == 0);
        }
        self.refresh_visible(Some(node));
    }

    /// Shows exactly `depth` levels below the root (`1`-`9`).
    pub fn collapse_to_depth(&mut self, depth: usize) {
        let keep = self.current();
        for (index, node) in self.nodes.iter().enumerate() {
            self.expanded[index] = node.depth < depth;
        }
        self.refresh_visible(keep);
    }

    /// The jq path of a node (`.discounts[3].events[0]`).
    pub fn jq_path(&self, node: usize) -> String {
        let mut keys = Vec::new();
        let mut current = Some(node);
        while let Some(index) = current {
            keys.push(&self.nodes[index].key);
            current = self.nodes[index].parent;
        }
        let mut path = String::new();
        for key in keys.into_iter().rev() {
            match key {
                NodeKey::Root => {}
                NodeKey::Index(index) => {
                    let _ = write!(path, "[{index}]");
                }
                NodeKey::Key(key) if is_identifier(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                NodeKey::Key(key) => {
                    let _ = write!(path, "[{}]", Value::String(key.clone()));
                }
            }
        }
        if path.starts_with('.') {
            path
        } else {
            format!(".{path}")
        }
    }

    /// Expands every ancestor of a node and puts the cursor on it.
    pub fn reveal(&mut self, node: usize) {
        let mut current = self.nodes.get(node).and_then(|data| data.parent);
        while let Some(index) = current {
            self.expanded[index] = true;
            current = self.nodes[index].parent;
        }
        self.refresh_visible(Some(node));
    }

    /// The node at a jq path, if the record has it.
    pub fn find_path(&self, path: &str) -> Option<usize> {
        (0..self.nodes.len()).find(|node| self.jq_path(*node) == path)
    }

    /// The JSON pointer of a node (`/discounts/3/events/0`), to read its value from the record.
    pub fn pointer(&self, node: usize) -> String {
        let mut keys = Vec::new();
        let mut current = Some(node);
        while let Some(index) = current {
            keys.push(&self.nodes[index].key);
            current = self.nodes[index].parent;
        }
        let mut pointer = String::new();
        for key in keys.into_iter().rev() {
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

    /// Keeps the cursor row on screen for a pane of `rows` rows.
    pub fn scroll_to_cursor(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
    }
}

fn is_identifier(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn push_node<'a>(
    nodes: &mut Vec<Node>,
    path: &mut Vec<PathSegment<'a>>,
    value: &'a Value,
    parent: Option<usize>,
    key: NodeKey,
    depth: usize,
    labeller: Labeller,
) {
    let index = nodes.len();
    let kind = match value {
        Value::Object(map) => NodeKind::Object(map.len()),
        Value::Array(items) => NodeKind::Array(items.len()),
        _ => NodeKind::Scalar,
    };
    let label = labeller(path, value);
    nodes.push(Node {
        parent,
        depth,
        key,
        kind,
        preview: preview(value),
        label,
        subtree_end: index + 1,
    });
    match value {
        Value::Object(map) => {
            for (child_key, child) in map {
                path.push(PathSegment::Key(child_key));
                push_node(
                    nodes,
                    path,
                    child,
                    Some(index),
                    NodeKey::Key(child_key.clone()),
                    depth + 1,
                    labeller,
                );
                path.pop();
            }
        }
        Value::Array(items) => {
            for (child_index, child) in items.iter().enumerate() {
                path.push(PathSegment::Index(child_index));
                push_node(
                    nodes,
                    path,
                    child,
                    Some(index),
                    NodeKey::Index(child_index),
                    depth + 1,
                    labeller,
                );
                path.pop();
            }
        }
        _ => {}
    }
    let end = nodes.len();
    nodes[index].subtree_end = end;
}

fn preview(value: &Value) -> String {
    match value {
        Value::Object(map) => format!(
            "{{{} {}}}",
            map.len(),
            if map.len() == 1 { "key" } else { "keys" }
        ),
        Value::Array(items) => format!(
            "[{} {}]",
            items.len(),
            if items.len() == 1 { "item" } else { "items" }
        ),
        scalar => {
            let text = scalar.to_string();
            if text.chars().count() > PREVIEW_CHARS {
                format!("{}…", text.chars().take(PREVIEW_CHARS).collect::<String>())
            } else {
                text
            }
        }
    }
}

/// A labeller that names nothing.
pub fn no_labels(_: &[PathSegment<'_>], _: &Value) -> Option<String> {
    None
}

#[cfg(test)]
mod tests;
