//! A JSON document indexed in one validating pass over its bytes: a flat pre-order array of
//! nodes (kind, byte span, key, parent, subtree end, depth), 24 bytes each, and nothing decoded.
//! A 31 MB record of 1.5 million nodes indexes in tens of milliseconds into ~37 MB, where a
//! `serde_json::Value` of it takes ~10x the time and ~290 MB. Keys, strings and numbers are
//! decoded only when asked for (`decode`), so a viewer pays only for what is on screen.
//!
//! The parser keeps its open containers on a heap stack, never the call stack, and refuses
//! nesting deeper than [`MAX_DEPTH`] (`serde_json`'s own limit, so whatever indexes also parses).

mod json_ref;
mod node_store;
mod node_text;
mod parse;

pub use json_ref::{JsonRef, Members, RefItems};
pub use node_text::{NodeKey, escape_json_string, preview_text};

/// Containers nested deeper than this are refused: the same limit as `serde_json`'s parser, which the
/// mapping of a record still uses, so a body the index accepts is one the mapping can read.
pub const MAX_DEPTH: usize = 127;

/// What a node holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number, kept as its exact text.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// One node: where its value lies in the bytes and where it sits in the tree.
///
/// Plain old data (`bytemuck::Pod`, no padding), so a big index can live in a huge-page map
/// (`node_store`): hence the kind kept as its byte, read through [`IndexNode::kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub struct IndexNode {
    /// First byte of the value.
    pub start: u32,
    /// One past the last byte of the value (a container's closing bracket included).
    pub end: u32,
    /// An object member's key: the byte offset of its opening quote. An array item: its index.
    /// The root: 0.
    pub key: u32,
    /// The parent node, `NO_PARENT` for the root.
    pub parent: u32,
    /// One past the last node of this subtree.
    pub subtree_end: u32,
    /// Depth, the root at 0.
    pub depth: u16,
    /// What it holds: a `Kind` as `u8`.
    kind: u8,
    /// Spells out what would be padding, which `Pod` forbids.
    unused: u8,
}

impl IndexNode {
    pub fn new(
        start: u32,
        end: u32,
        key: u32,
        parent: u32,
        subtree_end: u32,
        depth: u16,
        kind: Kind,
    ) -> Self {
        Self {
            start,
            end,
            key,
            parent,
            subtree_end,
            depth,
            kind: kind as u8,
            unused: 0,
        }
    }

    /// What it holds.
    pub fn kind(&self) -> Kind {
        match self.kind {
            0 => Kind::Null,
            1 => Kind::Bool,
            2 => Kind::Number,
            3 => Kind::String,
            4 => Kind::Array,
            // Only `new` writes it, so nothing else is ever here.
            _ => Kind::Object,
        }
    }
}

/// `IndexNode::parent` of the root.
pub const NO_PARENT: u32 = u32::MAX;

/// Why bytes are not one JSON document, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} at byte {offset}")]
pub struct IndexError {
    /// What was wrong.
    pub what: &'static str,
    /// The byte offset it was found at.
    pub offset: usize,
}

/// A JSON document's nodes in pre-order; node 0 is the root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonIndex {
    nodes: node_store::NodeStore,
    /// Whether any object key has an escape: without one, a key's bytes are its text, and
    /// lookups compare bytes without decoding or even finding where each key ends.
    escaped_keys: bool,
}

impl JsonIndex {
    /// Validates `bytes` as one JSON document in UTF-8 (surrounding whitespace allowed) and
    /// indexes it.
    pub fn new(bytes: &[u8]) -> Result<Self, IndexError> {
        if u32::try_from(bytes.len()).is_err() {
            return Err(IndexError {
                what: "a document over 4 GiB",
                offset: 0,
            });
        }
        parse::Indexer::new(bytes)
            .run()
            .map(|(nodes, escaped_keys)| Self {
                nodes,
                escaped_keys,
            })
    }

    /// Whether any object key has an escape (`\u0069d` for `id`).
    pub fn has_escaped_keys(&self) -> bool {
        self.escaped_keys
    }

    /// How many nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are none (only the default index).
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 0
    }

    /// All nodes, in pre-order.
    pub fn nodes(&self) -> &[IndexNode] {
        self.nodes.as_slice()
    }

    /// One node.
    pub fn node(&self, index: usize) -> &IndexNode {
        &self.nodes.as_slice()[index]
    }

    /// The parent of a node, `None` for the root.
    pub fn parent(&self, index: usize) -> Option<usize> {
        let parent = self.nodes.as_slice()[index].parent;
        (parent != NO_PARENT).then_some(parent as usize)
    }

    /// The direct children of a node, in order.
    pub fn children(&self, index: usize) -> Children<'_> {
        Children {
            nodes: self.nodes.as_slice(),
            next: index + 1,
            end: self.nodes.as_slice()[index].subtree_end as usize,
        }
    }

    /// Bytes of memory the nodes take.
    pub fn heap_bytes(&self) -> usize {
        self.nodes.heap_bytes()
    }
}

/// The direct children of a node.
pub struct Children<'a> {
    nodes: &'a [IndexNode],
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        (self.next < self.end).then(|| {
            let child = self.next;
            self.next = self.nodes[child].subtree_end as usize;
            child
        })
    }
}

#[cfg(test)]
mod tests;
