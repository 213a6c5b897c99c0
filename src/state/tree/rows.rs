//! What a row of the tree shows, read from the bytes when it is drawn: the key, a preview of
//! the value, and a domain label. Labels decode a node's whole value, so the labels of the rows
//! on screen are kept (`cache_labels`, called whenever the view moves) and nodes too big to be a
//! labelled item are never decoded.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{NodeKey, NodeKind, TreeState};
use crate::json::PathSegment;
use crate::json_index::preview_text;

/// Nodes larger than this get no label: labelled items (a credit, an event, a card) are a few
/// KB, and decoding a multi-megabyte array to find out would cost a frame.
const LABEL_MAX_BYTES: usize = 64 * 1024;

/// Characters of a scalar's text shown before it is cut with `…`.
const PREVIEW_CHARS: usize = 120;

/// Labels of the rows last shown, by node.
pub(super) type LabelCache = HashMap<u32, Option<String>>;

/// One row as the tree pane draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// Depth, the root at 0.
    pub depth: usize,
    /// Key or index under the parent.
    pub key: NodeKey<'a>,
    /// What the node holds.
    pub kind: NodeKind,
    /// Whether it has children, and whether they are shown.
    pub fold: Option<bool>,
    /// The scalar's JSON text (cut at 120 characters), or a count of a container's children.
    pub preview: Cow<'a, str>,
    /// A domain label for known nodes ("credit discount · SBX-000001 · value 10").
    pub label: Option<Cow<'a, str>>,
}

impl TreeState {
    /// What a node's row shows.
    pub fn row(&self, node: usize) -> Row<'_> {
        let data = self.node(node);
        let preview = match data.kind() {
            NodeKind::Object | NodeKind::Array => {
                let count = self.index.child_count(node);
                let object = data.kind() == NodeKind::Object;
                let (open, close, noun) = if object {
                    ('{', '}', "key")
                } else {
                    ('[', ']', "item")
                };
                let plural = if count == 1 { "" } else { "s" };
                Cow::Owned(format!("{open}{count} {noun}{plural}{close}"))
            }
            _ => {
                let text = preview_text(&self.index, &self.source, node);
                match text.char_indices().nth(PREVIEW_CHARS) {
                    Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
                    None => text,
                }
            }
        };
        let label = match self.labels.get(&(node as u32)) {
            Some(label) => label.as_deref().map(Cow::Borrowed),
            None => self.compute_label(node).map(Cow::Owned),
        };
        Row {
            depth: self.depth(node),
            key: self.key(node),
            kind: data.kind(),
            fold: self.fold(node),
            preview,
            label,
        }
    }

    /// Whether a node has children (`Some`), and whether they are shown: a row's fold marker.
    pub fn fold(&self, node: usize) -> Option<bool> {
        self.is_container(node)
            .then(|| self.expanded.get(node).copied().unwrap_or(false))
    }

    /// A node's domain label, decoding its value.
    fn compute_label(&self, node: usize) -> Option<String> {
        let data = self.node(node);
        if (data.end - data.start) as usize > LABEL_MAX_BYTES {
            return None;
        }
        let keys = self.keys_to(node);
        let path: Vec<PathSegment<'_>> = keys
            .iter()
            .filter_map(|key| match key {
                NodeKey::Root => None,
                NodeKey::Key(key) => Some(PathSegment::Key(key)),
                NodeKey::Index(index) => Some(PathSegment::Index(*index)),
            })
            .collect();
        (self.labeller)(&path, &self.value(node))
    }

    /// Labels the rows of the page shown (`rows` rows from `offset`) and forgets the others, so
    /// drawing a frame decodes no value and the cache stays the size of a page.
    pub(super) fn cache_labels(&mut self, rows: usize) {
        let page: Vec<u32> = self
            .visible
            .iter_from(self.offset)
            .take(rows)
            .map(|node| node as u32)
            .collect();
        self.labels.retain(|node, _| page.contains(node));
        for node in page {
            if !self.labels.contains_key(&node) {
                let label = self.compute_label(node as usize);
                self.labels.insert(node, label);
            }
        }
    }
}
