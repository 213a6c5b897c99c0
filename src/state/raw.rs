//! The raw view's lines: the record pretty-printed as `serde_json` would (two-space indent, key
//! order kept), but read from the tree's index of the bytes, one line at a time. Each line is a
//! node's line or the line closing a container, and the line after any line follows from the
//! index alone (its parent and subtree end), so only every 64th line's node is kept: a 31 MB
//! record's two million lines cost 125 KB (a table of every line took 8 MB), a line is found in
//! at most 63 steps, and drawing formats only the lines in view.

use std::borrow::Cow;
use std::sync::Arc;

use bytes::Bytes;

use crate::json_index::{JsonIndex, Kind, preview_text};

/// The raw view's lines.
#[derive(Debug, Clone)]
pub enum RawLines {
    /// Lines given as text (a body that is not JSON).
    Text(Vec<String>),
    /// Lines read from an index. A line is an entry: a node times two, plus one for the line
    /// that closes a container.
    Indexed {
        /// The bytes indexed.
        source: Bytes,
        /// Their index.
        index: Arc<JsonIndex>,
        /// How many lines.
        lines: usize,
        /// The entry of every `CHECKPOINT_LINES`-th line.
        checkpoints: Vec<u32>,
    },
}

/// Every this many lines, the line's entry is kept.
const CHECKPOINT_LINES: usize = 64;

/// The entry of the line after `entry`'s, in the order `serde_json` prints: a container's first
/// child after it; after a node's last line (a scalar, an empty container, a closing bracket),
/// its parent's closing line when the node was the parent's last child, else the next node.
fn next_entry(index: &JsonIndex, entry: u32) -> Option<u32> {
    let node = (entry / 2) as usize;
    let data = index.node(node);
    let subtree_end = data.subtree_end as usize;
    if entry.is_multiple_of(2) && subtree_end > node + 1 {
        return entry_of(node + 1, false);
    }
    match index.parent(node) {
        Some(parent) if index.node(parent).subtree_end as usize == subtree_end => {
            entry_of(parent, true)
        }
        _ => (subtree_end < index.len())
            .then(|| entry_of(subtree_end, false))
            .flatten(),
    }
}

/// A line's entry (`None` past what 32 bits hold: a document of over 2 billion nodes).
fn entry_of(node: usize, closing: bool) -> Option<u32> {
    u32::try_from(node * 2 + usize::from(closing)).ok()
}

impl Default for RawLines {
    fn default() -> Self {
        Self::Text(Vec::new())
    }
}

impl FromIterator<String> for RawLines {
    fn from_iter<T: IntoIterator<Item = String>>(lines: T) -> Self {
        Self::Text(lines.into_iter().collect())
    }
}

impl RawLines {
    /// The pretty-printed lines of an indexed document.
    pub fn of_index(source: Bytes, index: Arc<JsonIndex>) -> Self {
        let mut lines = 0;
        let mut checkpoints = Vec::new();
        let mut entry = (!index.is_empty()).then_some(0);
        while let Some(at) = entry {
            if lines % CHECKPOINT_LINES == 0 {
                checkpoints.push(at);
            }
            lines += 1;
            entry = next_entry(&index, at);
        }
        Self::Indexed {
            source,
            index,
            lines,
            checkpoints,
        }
    }

    /// How many lines.
    pub fn len(&self) -> usize {
        match self {
            Self::Text(lines) => lines.len(),
            Self::Indexed { lines, .. } => *lines,
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// One line's text (empty past the end).
    pub fn line(&self, line: usize) -> Cow<'_, str> {
        match self {
            Self::Text(lines) => lines
                .get(line)
                .map_or(Cow::Borrowed(""), |text| Cow::Borrowed(text)),
            Self::Indexed { source, index, .. } => {
                self.entry(line).map_or(Cow::Borrowed(""), |entry| {
                    Cow::Owned(indexed_line(source, index, entry))
                })
            }
        }
    }

    /// The entry of an indexed line: from the checkpoint before it, step by step.
    fn entry(&self, line: usize) -> Option<u32> {
        let Self::Indexed {
            index,
            lines,
            checkpoints,
            ..
        } = self
        else {
            return None;
        };
        if line >= *lines {
            return None;
        }
        let mut entry = *checkpoints.get(line / CHECKPOINT_LINES)?;
        for _ in 0..line % CHECKPOINT_LINES {
            entry = next_entry(index, entry)?;
        }
        Some(entry)
    }

    /// Visits every line in order with its number, its text written into one reused buffer: a
    /// search of a big record's two million lines allocates nothing per line.
    pub fn scan(&self, mut visit: impl FnMut(usize, &str)) {
        match self {
            Self::Text(lines) => {
                for (number, line) in lines.iter().enumerate() {
                    visit(number, line);
                }
            }
            Self::Indexed { source, index, .. } => {
                let mut line = String::new();
                let mut entry = self.entry(0);
                let mut number = 0;
                while let Some(at) = entry {
                    write_line(&mut line, source, index, at);
                    visit(number, &line);
                    number += 1;
                    entry = next_entry(index, at);
                }
            }
        }
    }

    /// Every line, in order (one step a line, not a search from a checkpoint).
    pub fn iter(&self) -> Box<dyn Iterator<Item = Cow<'_, str>> + '_> {
        match self {
            Self::Text(lines) => Box::new(lines.iter().map(|text| Cow::Borrowed(text.as_str()))),
            Self::Indexed { source, index, .. } => {
                let entries =
                    std::iter::successors(self.entry(0), |entry| next_entry(index, *entry));
                Box::new(entries.map(|entry| Cow::Owned(indexed_line(source, index, entry))))
            }
        }
    }
}

impl<'a> IntoIterator for &'a RawLines {
    type Item = Cow<'a, str>;
    type IntoIter = Box<dyn Iterator<Item = Cow<'a, str>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

fn indexed_line(source: &[u8], index: &JsonIndex, entry: u32) -> String {
    let mut line = String::new();
    write_line(&mut line, source, index, entry);
    line
}

/// Writes an indexed line's text into `line` (cleared first).
fn write_line(line: &mut String, source: &[u8], index: &JsonIndex, entry: u32) {
    let node = (entry / 2) as usize;
    let closing = entry % 2 == 1;
    let data = index.node(node);
    line.clear();
    for _ in 0..data.depth {
        line.push_str("  ");
    }
    let open = data.subtree_end as usize > node + 1;
    if closing {
        line.push(if data.kind() == Kind::Object {
            '}'
        } else {
            ']'
        });
    } else {
        if let Some(key) = index.key_json(source, node) {
            line.push_str(&key);
            line.push_str(": ");
        }
        match (data.kind(), open) {
            (Kind::Object, true) => line.push('{'),
            (Kind::Array, true) => line.push('['),
            (Kind::Object, false) => line.push_str("{}"),
            (Kind::Array, false) => line.push_str("[]"),
            _ => line.push_str(&preview_text(index, source, node)),
        }
    }
    // A comma after every member but a container's last (the line that ends the member).
    let ends_member = closing || !open;
    let last = index
        .parent(node)
        .is_none_or(|parent| index.node(parent).subtree_end == data.subtree_end);
    if ends_member && !last {
        line.push(',');
    }
}

#[cfg(test)]
mod tests;
