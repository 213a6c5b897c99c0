//! A JSON document indexed in one validating pass over its bytes: a flat pre-order array of
//! nodes (kind, byte span, key, parent, subtree end, depth), 24 bytes each, and nothing decoded.
//! A 31 MB record of 1.5 million nodes indexes in tens of milliseconds into ~37 MB, where a
//! `serde_json::Value` of it takes ~10x the time and ~290 MB. Keys, strings and numbers are
//! decoded only when asked for (`decode`), so a viewer pays only for what is on screen.
//!
//! The parser keeps its open containers on a heap stack, never the call stack, and refuses
//! nesting deeper than [`MAX_DEPTH`] (`serde_json`'s own limit, so whatever indexes also parses).

mod decode;

pub use decode::{NodeKey, escape_json_string, preview_text};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// What it holds.
    pub kind: Kind,
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
    nodes: Vec<IndexNode>,
}

impl JsonIndex {
    /// Validates `bytes` as one JSON document (surrounding whitespace allowed) and indexes it.
    pub fn new(bytes: &[u8]) -> Result<Self, IndexError> {
        if u32::try_from(bytes.len()).is_err() {
            return Err(IndexError {
                what: "a document over 4 GiB",
                offset: 0,
            });
        }
        if let Err(error) = std::str::from_utf8(bytes) {
            return Err(IndexError {
                what: "invalid UTF-8",
                offset: error.valid_up_to(),
            });
        }
        Indexer::new(bytes).run().map(|nodes| Self { nodes })
    }

    /// How many nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are none (only the default index).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// All nodes, in pre-order.
    pub fn nodes(&self) -> &[IndexNode] {
        &self.nodes
    }

    /// One node.
    pub fn node(&self, index: usize) -> &IndexNode {
        &self.nodes[index]
    }

    /// The parent of a node, `None` for the root.
    pub fn parent(&self, index: usize) -> Option<usize> {
        let parent = self.nodes[index].parent;
        (parent != NO_PARENT).then_some(parent as usize)
    }

    /// The direct children of a node, in order.
    pub fn children(&self, index: usize) -> Children<'_> {
        Children {
            nodes: &self.nodes,
            next: index + 1,
            end: self.nodes[index].subtree_end as usize,
        }
    }

    /// Bytes of memory the nodes take.
    pub fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<IndexNode>()
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

/// An open container: its node and how many children it has so far.
struct Open {
    node: u32,
    children: u32,
    object: bool,
}

struct Indexer<'a> {
    bytes: &'a [u8],
    at: usize,
    nodes: Vec<IndexNode>,
    open: Vec<Open>,
}

impl<'a> Indexer<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        // At most one node per 2 bytes (`[0,0,...]`); a typical record has one per ~20. Reserving
        // a generous guess up front avoids the copy of a doubling `Vec` (briefly 3x the nodes);
        // pages never written are never resident.
        let guess = bytes.len() / 12 + 16;
        Self {
            bytes,
            at: 0,
            nodes: Vec::with_capacity(guess),
            open: Vec::new(),
        }
    }

    fn fail<T>(&self, what: &'static str) -> Result<T, IndexError> {
        Err(IndexError {
            what,
            offset: self.at,
        })
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn run(mut self) -> Result<Vec<IndexNode>, IndexError> {
        self.skip_whitespace();
        let mut key = 0;
        'values: loop {
            if let Some(first_key) = self.value(key)? {
                // A container opened: its first member's value comes next.
                key = first_key;
                continue 'values;
            }
            // After a value: close containers until one has another member, or the document ends.
            loop {
                self.skip_whitespace();
                let next = self.peek();
                let Some(open) = self.open.last_mut() else {
                    break 'values;
                };
                match (next, open.object) {
                    (Some(b','), object) => {
                        open.children += 1;
                        let children = open.children;
                        self.at += 1;
                        self.skip_whitespace();
                        key = if object { self.member_key()? } else { children };
                        continue 'values;
                    }
                    (Some(b'}'), true) | (Some(b']'), false) => {
                        let node = open.node as usize;
                        self.open.pop();
                        self.at += 1;
                        self.close(node);
                    }
                    (_, true) => return self.fail("expected `,` or `}`"),
                    (_, false) => return self.fail("expected `,` or `]`"),
                }
            }
        }
        self.skip_whitespace();
        if self.at < self.bytes.len() {
            return self.fail("trailing characters after the document");
        }
        self.nodes.shrink_to_fit();
        Ok(self.nodes)
    }

    fn close(&mut self, node: usize) {
        let subtree_end = self.nodes.len() as u32;
        let entry = &mut self.nodes[node];
        entry.end = self.at as u32;
        entry.subtree_end = subtree_end;
    }

    /// A key and its colon; returns the key's offset and leaves `at` on the member's value.
    fn member_key(&mut self) -> Result<u32, IndexError> {
        if self.peek() != Some(b'"') {
            return self.fail("expected a key string");
        }
        let key = self.at as u32;
        self.string()?;
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return self.fail("expected `:`");
        }
        self.at += 1;
        self.skip_whitespace();
        Ok(key)
    }

    /// One value at `at`: a scalar whole, or a container opened (and closed at once if empty).
    /// Returns the key of the first member when a container was left open.
    fn value(&mut self, key: u32) -> Result<Option<u32>, IndexError> {
        let index = self.nodes.len();
        let (parent, depth) = self
            .open
            .last()
            .map_or((NO_PARENT, 0), |open| (open.node, self.open.len()));
        let start = self.at;
        let kind = match self.peek() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::String,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'n') => Kind::Null,
            Some(b'-' | b'0'..=b'9') => Kind::Number,
            Some(_) => return self.fail("expected a value"),
            None => return self.fail("unexpected end of input, expected a value"),
        };
        self.nodes.push(IndexNode {
            start: start as u32,
            end: 0,
            key,
            parent,
            subtree_end: index as u32 + 1,
            depth: depth as u16,
            kind,
        });
        match kind {
            Kind::Object | Kind::Array => {
                if self.open.len() >= MAX_DEPTH {
                    return self.fail("nesting deeper than 127 levels");
                }
                let object = kind == Kind::Object;
                self.at += 1;
                self.skip_whitespace();
                let close = if object { b'}' } else { b']' };
                if self.peek() == Some(close) {
                    self.at += 1;
                    self.close(index);
                    return Ok(None);
                }
                self.open.push(Open {
                    node: index as u32,
                    children: 0,
                    object,
                });
                return if object {
                    self.member_key().map(Some)
                } else {
                    Ok(Some(0))
                };
            }
            Kind::String => self.string()?,
            Kind::Bool | Kind::Null => self.literal()?,
            Kind::Number => self.number()?,
        }
        self.nodes[index].end = self.at as u32;
        Ok(None)
    }

    fn literal(&mut self) -> Result<(), IndexError> {
        for word in [&b"true"[..], b"false", b"null"] {
            if self.bytes[self.at..].starts_with(word) {
                self.at += word.len();
                return Ok(());
            }
        }
        self.fail("expected a value")
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<(), IndexError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail("invalid number"),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            float = true;
            if self.digits() == 0 {
                return self.fail("invalid number: no digit after `.`");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            float = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return self.fail("invalid number: no digit in the exponent");
            }
        }
        if float {
            // serde_json refuses a number beyond f64; agree, so the mapping reads what indexes.
            let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("0");
            if text.parse::<f64>().is_ok_and(f64::is_infinite) {
                self.at = start;
                return self.fail("number out of range");
            }
        }
        Ok(())
    }

    /// A string from its opening quote; leaves `at` after the closing one.
    fn string(&mut self) -> Result<(), IndexError> {
        self.at += 1;
        loop {
            let rest = &self.bytes[self.at..];
            let Some(found) = memchr::memchr2(b'"', b'\\', rest) else {
                self.at = self.bytes.len();
                return self.fail("unexpected end of input in a string");
            };
            if let Some(control) = rest[..found].iter().position(|byte| *byte < 0x20) {
                self.at += control;
                return self.fail("control character in a string");
            }
            self.at += found;
            if rest[found] == b'"' {
                self.at += 1;
                return Ok(());
            }
            self.escape()?;
        }
    }

    /// One escape from its backslash.
    fn escape(&mut self) -> Result<(), IndexError> {
        self.at += 1;
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.at += 1;
                Ok(())
            }
            Some(b'u') => {
                let escape = self.at - 1;
                let unit = self.hex4()?;
                if (0xDC00..0xE000).contains(&unit) {
                    self.at = escape;
                    return self.fail("lone trailing surrogate in a \\u escape");
                }
                if (0xD800..0xDC00).contains(&unit) {
                    let low = if self.bytes[self.at..].starts_with(b"\\u") {
                        self.at += 1;
                        self.hex4()?
                    } else {
                        0
                    };
                    if !(0xDC00..0xE000).contains(&low) {
                        self.at = escape;
                        return self.fail("lone leading surrogate in a \\u escape");
                    }
                }
                Ok(())
            }
            _ => self.fail("invalid escape"),
        }
    }

    /// `u` and four hex digits; returns their value.
    fn hex4(&mut self) -> Result<u32, IndexError> {
        let digits = self
            .bytes
            .get(self.at + 1..self.at + 5)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .filter(|digits| digits.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .and_then(|digits| u32::from_str_radix(digits, 16).ok());
        match digits {
            Some(unit) => {
                self.at += 5;
                Ok(unit)
            }
            None => self.fail("invalid \\u escape"),
        }
    }
}

#[cfg(test)]
mod tests;
