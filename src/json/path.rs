//! Where a node sits in a record, as labellers read it.

use serde_json::Value;

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

/// A labeller that names nothing.
pub fn no_labels(_: &[PathSegment<'_>], _: &Value) -> Option<String> {
    None
}
