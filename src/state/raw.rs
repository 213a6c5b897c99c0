//! The raw view's lines: the record pretty-printed as `serde_json` would (two-space indent, key
//! order kept), but read from the tree's index of the bytes, one line at a time. A line table
//! of 4 bytes a line is all that is kept, so a 31 MB record's two million lines cost 8 MB and
//! drawing formats only the lines in view.

use std::borrow::Cow;
use std::sync::Arc;

use bytes::Bytes;

use crate::json_index::{JsonIndex, Kind, NodeKey, escape_json_string, preview_text};

/// The raw view's lines.
#[derive(Debug, Clone)]
pub enum RawLines {
    /// Lines given as text (a body that is not JSON).
    Text(Vec<String>),
    /// Lines read from an index: each entry is a node times two, plus one for the line that
    /// closes a container.
    Indexed {
        /// The bytes indexed.
        source: Bytes,
        /// Their index.
        index: Arc<JsonIndex>,
        /// One entry a line.
        lines: Vec<u32>,
    },
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
        let mut lines = Vec::with_capacity(index.len() + index.len() / 4);
        let mut open: Vec<u32> = Vec::new();
        for (node, data) in index.nodes().iter().enumerate() {
            // Close the containers this node is not inside of.
            while open.last().is_some_and(|container| {
                index.node(*container as usize).subtree_end as usize <= node
            }) {
                if let Some(container) = open.pop() {
                    lines.push(container * 2 + 1);
                }
            }
            lines.push(node as u32 * 2);
            if data.subtree_end as usize > node + 1 {
                open.push(node as u32);
            }
        }
        while let Some(container) = open.pop() {
            lines.push(container * 2 + 1);
        }
        Self::Indexed {
            source,
            index,
            lines,
        }
    }

    /// How many lines.
    pub fn len(&self) -> usize {
        match self {
            Self::Text(lines) => lines.len(),
            Self::Indexed { lines, .. } => lines.len(),
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
            Self::Indexed {
                source,
                index,
                lines,
            } => lines.get(line).map_or(Cow::Borrowed(""), |entry| {
                Cow::Owned(indexed_line(source, index, *entry))
            }),
        }
    }

    /// Every line, in order.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'_, str>> {
        (0..self.len()).map(|line| self.line(line))
    }
}

fn indexed_line(source: &[u8], index: &JsonIndex, entry: u32) -> String {
    let node = (entry / 2) as usize;
    let closing = entry % 2 == 1;
    let data = index.node(node);
    let mut line = "  ".repeat(usize::from(data.depth));
    let open = data.subtree_end as usize > node + 1;
    if closing {
        line.push(if data.kind == Kind::Object { '}' } else { ']' });
    } else {
        if let NodeKey::Key(key) = index.key(source, node) {
            line.push_str(&escape_json_string(&key));
            line.push_str(": ");
        }
        match (data.kind, open) {
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
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lines_read_from_the_index_are_serde_json_pretty_lines() {
        let value =
            json!({"a": [1, {"b": null, "c\"": "é\n"}, [], {}], "d": {"e": [true]}, "f": 2.5});
        let bytes = Bytes::from(serde_json::to_vec(&value).unwrap());
        let index = Arc::new(JsonIndex::new(&bytes).unwrap());
        let lines = RawLines::of_index(bytes, index);
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let expected: Vec<&str> = pretty.lines().collect();
        let got: Vec<String> = lines.iter().map(Cow::into_owned).collect();
        assert_eq!(got, expected);
        assert_eq!(lines.line(99), "");
    }
}
