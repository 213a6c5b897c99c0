//! The record as a folding tree over a [`JsonIndex`] of its bytes: an expansion bit per node and
//! the visible rows derived from them. Nothing is decoded up front; a row's key, preview and
//! domain label are read from the bytes when it is drawn (`rows`), so a 31 MB record costs its
//! bytes, 24 bytes a node for the index, a byte a node for the fold state, and a few bytes a
//! run of consecutive rows shown (`visible`).
//! Moving the cursor is O(1); folding recomputes the visible rows in one linear pass that skips
//! collapsed subtrees.

mod paths;
mod rows;
mod visible;

use std::num::NonZeroU64;
use std::sync::Arc;

use bytes::Bytes;
use serde_json::Value;

pub use crate::json::{Labeller, PathSegment, no_labels};
use crate::json_index::{IndexNode, JsonIndex};
pub use crate::json_index::{Kind as NodeKind, NodeKey};
use crate::model::UserRecord;
pub use rows::Row;
pub use visible::VisibleRows;

/// A record's tree and the reader's place in it.
#[derive(Debug, Clone)]
pub struct TreeState {
    /// The JSON the tree shows (a record's body, shared with it, not copied).
    source: Bytes,
    /// The nodes of `source`, in pre-order.
    index: Arc<JsonIndex>,
    /// Names known nodes in domain terms.
    labeller: Labeller,
    /// Whether each node is expanded.
    pub expanded: Vec<bool>,
    /// The nodes shown, in order.
    pub visible: VisibleRows,
    /// Cursor: an index into `visible`.
    pub cursor: usize,
    /// First visible row drawn.
    pub offset: usize,
    /// Domain labels of the rows last scrolled to (labels decode a node's whole value).
    labels: rows::LabelCache,
    /// Which document this is: a node's key, preview and label depend only on it and the node
    /// (its source, index and labeller never change once built), so drawing can reuse a row.
    /// `None` until the state numbers the tree it shows (`numbered`).
    document: Option<NonZeroU64>,
}

impl Default for TreeState {
    fn default() -> Self {
        Self {
            source: Bytes::new(),
            index: Arc::default(),
            labeller: no_labels,
            expanded: Vec::new(),
            visible: VisibleRows::default(),
            cursor: 0,
            offset: 0,
            labels: rows::LabelCache::default(),
            document: None,
        }
    }
}

impl TreeState {
    /// Indexes `source` (one JSON document) into a tree expanded to `depth` levels.
    pub fn build(
        source: Bytes,
        labeller: Labeller,
        depth: usize,
    ) -> Result<Self, crate::json_index::IndexError> {
        let index = JsonIndex::new(&source)?;
        Ok(Self::of_index(source, Arc::new(index), labeller, depth))
    }

    /// The tree of `source` from its index, already built.
    pub fn of_index(
        source: Bytes,
        index: Arc<JsonIndex>,
        labeller: Labeller,
        depth: usize,
    ) -> Self {
        let expanded = index
            .nodes()
            .iter()
            .map(|node| usize::from(node.depth) < depth)
            .collect();
        let mut tree = Self {
            source,
            index,
            labeller,
            expanded,
            ..Self::default()
        };
        tree.refresh_visible(None);
        tree
    }

    /// The tree of a JSON value (small values: it is serialised first).
    pub fn from_value(json: &Value, labeller: Labeller, depth: usize) -> Self {
        let bytes = serde_json::to_vec(json).unwrap_or_else(|_| b"null".to_vec());
        Self::build(Bytes::from(bytes), labeller, depth).unwrap_or_default()
    }

    /// The tree of a record: its bytes as an export writes them (the body itself when there is
    /// one, shared, not copied), else its parsed JSON when the bytes are not JSON.
    pub fn of_record(record: &UserRecord, labeller: Labeller, depth: usize) -> Self {
        let source = match (record.bodies.as_slice(), &record.big) {
            // A big body was indexed when it was read.
            ([body], Some(big)) => {
                return Self::of_index(body.bytes.clone(), Arc::clone(&big.index), labeller, depth);
            }
            ([body], None) => body.bytes.clone(),
            _ => Bytes::from(crate::export::record_bytes(record)),
        };
        Self::build(source, labeller, depth)
            .unwrap_or_else(|_| Self::from_value(&record.json, labeller, depth))
    }

    /// The tree numbered `document` (from `State::next_document`, so no two trees the state
    /// shows share a number).
    #[must_use]
    pub fn numbered(self, document: NonZeroU64) -> Self {
        Self {
            document: Some(document),
            ..self
        }
    }

    /// Which document the tree shows, the same for every clone of it; `None` for a tree no
    /// state has numbered (its rows are drawn afresh every frame).
    pub fn document(&self) -> Option<NonZeroU64> {
        self.document
    }

    /// How many nodes the tree has.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether the tree is empty (no record).
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The bytes shown.
    pub fn source(&self) -> &Bytes {
        &self.source
    }

    /// The index of the bytes shown.
    pub fn index(&self) -> &JsonIndex {
        &self.index
    }

    /// The index, shared (the raw view reads its lines from it).
    pub fn shared_index(&self) -> Arc<JsonIndex> {
        Arc::clone(&self.index)
    }

    fn node(&self, node: usize) -> &IndexNode {
        self.index.node(node)
    }

    /// The node under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.cursor)
    }

    /// A node's parent (the root has none).
    pub fn parent(&self, node: usize) -> Option<usize> {
        self.index.parent(node)
    }

    /// A node's depth, the root at 0.
    pub fn depth(&self, node: usize) -> usize {
        usize::from(self.node(node).depth)
    }

    /// How a node is reached from its parent.
    pub fn key(&self, node: usize) -> NodeKey<'_> {
        self.index.key(&self.source, node)
    }

    /// A node's value, decoded (its whole subtree).
    pub fn value(&self, node: usize) -> Value {
        self.index.value(&self.source, node)
    }

    /// Whether a node has children.
    pub fn is_container(&self, node: usize) -> bool {
        node < self.len() && self.node(node).subtree_end as usize > node + 1
    }

    /// Recomputes the visible rows, keeping the cursor on `keep` (or the nearest ancestor shown).
    fn refresh_visible(&mut self, keep: Option<usize>) {
        self.visible.clear();
        let nodes = self.index.nodes();
        let mut index = 0;
        while index < nodes.len() {
            self.visible.push(index);
            index = if self.expanded[index] {
                index + 1
            } else {
                nodes[index].subtree_end as usize
            };
        }
        if let Some(mut target) = keep {
            loop {
                if let Some(row) = self.visible.row_of(target) {
                    self.cursor = row;
                    break;
                }
                let Some(parent) = self.parent(target) else {
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
        if let Some(parent) = self.current().and_then(|node| self.parent(node)) {
            self.refresh_visible(Some(parent));
        }
    }

    /// To the next or previous sibling (`J`/`K`).
    pub fn go_sibling(&mut self, forward: bool) {
        let Some(node) = self.current() else { return };
        let parent = self.node(node).parent;
        let target = if forward {
            let next = self.node(node).subtree_end as usize;
            (next < self.len() && self.node(next).parent == parent).then_some(next)
        } else {
            self.parent(node).and_then(|parent| {
                self.index
                    .children(parent)
                    .take_while(|child| *child < node)
                    .last()
            })
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
            0..self.len()
        } else {
            node..self.node(node).subtree_end as usize
        };
        self.expanded[range].fill(expand);
        if whole_tree {
            self.expanded[0] = true;
        }
        self.refresh_visible(Some(node));
    }

    /// Shows exactly `depth` levels below the root (`1`-`9`).
    pub fn collapse_to_depth(&mut self, depth: usize) {
        let keep = self.current();
        for (expanded, node) in self.expanded.iter_mut().zip(self.index.nodes()) {
            *expanded = usize::from(node.depth) < depth;
        }
        self.refresh_visible(keep);
    }

    /// Expands every ancestor of a node and puts the cursor on it.
    pub fn reveal(&mut self, node: usize) {
        if node >= self.len() {
            return;
        }
        let mut current = self.parent(node);
        while let Some(index) = current {
            self.expanded[index] = true;
            current = self.parent(index);
        }
        self.refresh_visible(Some(node));
    }

    /// Keeps the cursor row on screen for a pane of `rows` rows, moving the view by at least
    /// `jump` rows when it must move (`scroll::ScrollStep`), and labels the rows shown.
    pub fn scroll_to_cursor(&mut self, rows: usize, jump: usize) {
        let len = self.visible.len();
        // A fold can leave the view starting below rows that are gone (`E`, `G`, `C`: the root
        // hidden above, one row and blanks below): the view comes back to end at the last row.
        // The cursor, on a row that exists, is at or below that start, so it stays shown.
        let offset = self.offset.min(len.saturating_sub(rows.max(1)));
        self.offset = super::scroll::offset_showing(offset, self.cursor, rows, len, jump);
        self.cache_labels(rows.max(1));
    }
}

#[cfg(test)]
mod tests;
