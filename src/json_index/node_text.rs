//! Reading one node of an index back from its bytes: its key, its scalar text, its whole value.
//! Strings without escapes are borrowed straight from the bytes (already validated UTF-8).

use std::borrow::Cow;

use serde_json::Value;

use super::{JsonIndex, Kind};

/// How a node is reached from its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKey<'a> {
    /// The root.
    Root,
    /// An object member.
    Key(Cow<'a, str>),
    /// An array item.
    Index(usize),
}

impl NodeKey<'_> {
    /// The key with its text owned.
    pub fn into_owned(self) -> NodeKey<'static> {
        match self {
            NodeKey::Root => NodeKey::Root,
            NodeKey::Key(key) => NodeKey::Key(Cow::Owned(key.into_owned())),
            NodeKey::Index(index) => NodeKey::Index(index),
        }
    }
}

/// The end (one past the closing quote) of the string whose opening quote is at `start`.
pub(super) fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(found) = bytes
        .get(at..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        at += found;
        if bytes[at] == b'"' {
            return at + 1;
        }
        // An escape: skip the backslash and the character it escapes (`\uXXXX` needs no more:
        // its digits are never a quote or a backslash).
        at += 2;
    }
    bytes.len()
}

/// The decoded text of the JSON string at `start..end` (quotes included).
pub(super) fn decode_string(bytes: &[u8], start: usize, end: usize) -> Cow<'_, str> {
    let inner = bytes.get(start + 1..end.saturating_sub(1)).unwrap_or(&[]);
    if memchr::memchr(b'\\', inner).is_none() {
        return std::str::from_utf8(inner).map_or(Cow::Borrowed(""), Cow::Borrowed);
    }
    serde_json::from_slice::<String>(&bytes[start..end]).map_or(Cow::Borrowed(""), Cow::Owned)
}

/// The JSON string at `start..end` (quotes included) as `serde_json` writes it back: without an
/// escape its bytes are that text already and nothing is allocated; with one it is decoded and
/// escaped again (`serde_json` may escape differently than the sender did).
fn string_json(bytes: &[u8], start: usize, end: usize) -> Cow<'_, str> {
    let raw = bytes.get(start..end).unwrap_or(&[]);
    if memchr::memchr(b'\\', raw).is_none() {
        return std::str::from_utf8(raw).map_or(Cow::Borrowed(""), Cow::Borrowed);
    }
    Cow::Owned(escape_json_string(&decode_string(bytes, start, end)))
}

/// A string as JSON text (quoted, escaped), as `serde_json` writes it.
pub fn escape_json_string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// A scalar as the tree previews it: strings quoted and escaped as `serde_json` writes them,
/// numbers as their exact text (a 30-digit id stays 30 digits), `true`, `false`, `null`.
pub fn preview_text<'a>(index: &JsonIndex, bytes: &'a [u8], node: usize) -> Cow<'a, str> {
    let data = index.node(node);
    let raw = &bytes[data.start as usize..data.end as usize];
    match data.kind() {
        Kind::String => string_json(bytes, data.start as usize, data.end as usize),
        _ => std::str::from_utf8(raw).map_or(Cow::Borrowed(""), Cow::Borrowed),
    }
}

impl JsonIndex {
    /// How a node is reached from its parent.
    pub fn key<'a>(&self, bytes: &'a [u8], node: usize) -> NodeKey<'a> {
        let Some(parent) = self.parent(node) else {
            return NodeKey::Root;
        };
        let key = self.node(node).key as usize;
        if self.node(parent).kind() == Kind::Object {
            NodeKey::Key(decode_string(bytes, key, string_end(bytes, key)))
        } else {
            NodeKey::Index(key)
        }
    }

    /// An object member's key as JSON text (quoted and escaped as `serde_json` writes it);
    /// `None` for an array item or the root. Without an escape the key's bytes are that text
    /// already, and nothing is allocated.
    pub fn key_json<'a>(&self, bytes: &'a [u8], node: usize) -> Option<Cow<'a, str>> {
        let parent = self.parent(node)?;
        if self.node(parent).kind() != Kind::Object {
            return None;
        }
        let start = self.node(node).key as usize;
        Some(string_json(bytes, start, string_end(bytes, start)))
    }

    /// A string node's decoded text; `None` for other kinds.
    pub fn string<'a>(&self, bytes: &'a [u8], node: usize) -> Option<Cow<'a, str>> {
        let data = self.node(node);
        (data.kind() == Kind::String)
            .then(|| decode_string(bytes, data.start as usize, data.end as usize))
    }

    /// The exact bytes of a node's value.
    pub fn raw<'a>(&self, bytes: &'a [u8], node: usize) -> &'a [u8] {
        let data = self.node(node);
        &bytes[data.start as usize..data.end as usize]
    }

    /// A node's value decoded (its whole subtree: keep it to small nodes).
    pub fn value(&self, bytes: &[u8], node: usize) -> Value {
        serde_json::from_slice(self.raw(bytes, node)).unwrap_or(Value::Null)
    }

    /// How many children a node has (0 for a scalar).
    pub fn child_count(&self, node: usize) -> usize {
        self.children(node).count()
    }

    /// The child of `node` under an object key, if any. With a duplicated key it is the last
    /// one, whose value `serde_json` keeps.
    pub fn member(&self, bytes: &[u8], node: usize, key: &str) -> Option<usize> {
        if self.node(node).kind() != Kind::Object {
            return None;
        }
        self.children(node)
            .filter(|child| matches!(self.key(bytes, *child), NodeKey::Key(name) if name == key))
            .last()
    }

    /// The node at a JSON pointer (`/discounts/3/events/0`), as `Value::pointer` finds it.
    pub fn pointer(&self, bytes: &[u8], pointer: &str) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        if pointer.is_empty() {
            return Some(0);
        }
        let mut node = 0;
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            node = match self.node(node).kind() {
                Kind::Object => self.member(bytes, node, &token)?,
                Kind::Array => {
                    let index: usize = token.parse().ok()?;
                    if token.starts_with('+') || (token.len() > 1 && token.starts_with('0')) {
                        return None;
                    }
                    self.children(node).nth(index)?
                }
                _ => return None,
            };
        }
        Some(node)
    }
}
