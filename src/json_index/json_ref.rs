//! A JSON value read where it lies: inside a parsed `serde_json::Value`, or at a node of a byte
//! index. A Zooza record is mostly credits; building a `Value` of them is most of what fetching
//! one costs (allocating every key and string), where reading the few entries a mapper or a rule
//! needs straight from the indexed bytes allocates nothing. Code that reads credits takes a
//! `JsonRef` and gives the same answers for both, as `Value` would: the last of a duplicated key,
//! numbers as `serde_json` reads them.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::{Number, Value};

mod text;

use super::node_text::{decode_string, string_end};
use super::{Children, JsonIndex, Kind};
use text::{read_number, write_compact, write_number};

/// A value in parsed JSON or in an index's bytes.
#[derive(Debug, Clone, Copy)]
pub enum JsonRef<'a> {
    /// Inside a parsed value.
    Parsed(&'a Value),
    /// A node of an index over `bytes`.
    Indexed {
        /// The index.
        index: &'a JsonIndex,
        /// The bytes it indexes.
        bytes: &'a [u8],
        /// The node.
        node: usize,
    },
}

impl<'a> From<&'a Value> for JsonRef<'a> {
    fn from(value: &'a Value) -> Self {
        JsonRef::Parsed(value)
    }
}

impl<'a> JsonRef<'a> {
    /// What it holds.
    pub fn kind(self) -> Kind {
        match self {
            JsonRef::Parsed(value) => match value {
                Value::Null => Kind::Null,
                Value::Bool(_) => Kind::Bool,
                Value::Number(_) => Kind::Number,
                Value::String(_) => Kind::String,
                Value::Array(_) => Kind::Array,
                Value::Object(_) => Kind::Object,
            },
            JsonRef::Indexed { index, node, .. } => index.node(node).kind(),
        }
    }

    /// The value under an object key (the last one when the key is duplicated, as `serde_json`
    /// keeps); `None` for an absent key or a value that is not an object.
    pub fn get(self, key: &str) -> Option<Self> {
        match self {
            JsonRef::Parsed(value) => crate::json::fields::field(value, key).map(Self::Parsed),
            JsonRef::Indexed { .. } => {
                let mut found = [None];
                self.pick(&[key], &mut found);
                found[0]
            }
        }
    }

    /// An object's members in order (none for other kinds).
    pub fn members(self) -> Members<'a> {
        Members(self.member_keys())
    }

    /// An object's members in order, their keys as bytes: comparing those is all a lookup needs.
    fn member_keys(self) -> MemberKeys<'a> {
        match self {
            JsonRef::Parsed(Value::Object(object)) => MemberKeys::Parsed(object.iter()),
            JsonRef::Indexed { index, bytes, node } if index.node(node).kind() == Kind::Object => {
                MemberKeys::Indexed {
                    index,
                    bytes,
                    children: index.children(node),
                }
            }
            _ => MemberKeys::Parsed(EMPTY_OBJECT.iter()),
        }
    }

    /// The values of the object's members named in `keys`, read in one pass over its members:
    /// `found[i]` is the value under `keys[i]` (the last one of a duplicated key), `None` when
    /// absent. `found` must be at least as long as `keys`.
    pub fn pick(self, keys: &[&str], found: &mut [Option<Self>]) {
        if let JsonRef::Indexed { index, bytes, node } = self
            && index.node(node).kind() == Kind::Object
        {
            // The loop the audit's credit walk spends its time in: keys compared as bytes where
            // they lie, with no `Cow` made and no search for where each key ends.
            found.fill(None);
            // The first bytes of the wanted keys (an empty key wants the closing quote), as a set:
            // most members are ruled out by their key's first byte alone.
            let mut firsts = [0u64; 4];
            for key in keys {
                let first = key.as_bytes().first().copied().unwrap_or(b'"');
                firsts[usize::from(first >> 6)] |= 1 << (first & 63);
            }
            let escaped = index.has_escaped_keys();
            for child in index.children(node) {
                let at = if escaped {
                    // Some key has an escape: each is decoded to compare.
                    let name = member_key(index, bytes, child);
                    keys.iter().position(|key| key.as_bytes() == &*name)
                } else {
                    // Every key is its bytes: a wanted key matches where the bytes after the
                    // opening quote are its own and a quote follows. Most members are ruled out
                    // by their key's first byte before any bytes are compared in a call.
                    let name = bytes
                        .get(index.node(child).key as usize + 1..)
                        .unwrap_or_default();
                    let first = name.first().copied().unwrap_or(b'"');
                    if firsts[usize::from(first >> 6)] & (1 << (first & 63)) == 0 {
                        continue;
                    }
                    keys.iter().position(|key| {
                        let key = key.as_bytes();
                        name.get(key.len()) == Some(&b'"') && name.starts_with(key)
                    })
                };
                if let Some(at) = at {
                    found[at] = Some(JsonRef::Indexed {
                        index,
                        bytes,
                        node: child,
                    });
                }
            }
            return;
        }
        self.pick_by(found, |name| {
            keys.iter().position(|key| key.as_bytes() == name)
        });
    }

    /// `pick` with the slot of each member's key (its text's bytes) found by `slot` (`None`: not
    /// wanted).
    pub fn pick_by(self, found: &mut [Option<Self>], slot: impl Fn(&[u8]) -> Option<usize>) {
        found.fill(None);
        for (name, value) in self.member_keys() {
            if let Some(at) = slot(&name) {
                found[at] = Some(value);
            }
        }
    }

    /// An array's items in order (none for other kinds).
    pub fn items(self) -> RefItems<'a> {
        match self {
            JsonRef::Parsed(Value::Array(items)) => RefItems::Parsed(items.iter()),
            JsonRef::Indexed { index, bytes, node } if index.node(node).kind() == Kind::Array => {
                RefItems::Indexed {
                    index,
                    bytes,
                    children: index.children(node),
                }
            }
            _ => RefItems::Parsed([].iter()),
        }
    }

    /// A string's text; `None` for other kinds.
    pub fn as_str(self) -> Option<Cow<'a, str>> {
        match self {
            JsonRef::Parsed(Value::String(text)) => Some(Cow::Borrowed(text)),
            JsonRef::Parsed(_) => None,
            JsonRef::Indexed { index, bytes, node } => index.string(bytes, node),
        }
    }

    /// A boolean; `None` for other kinds.
    pub fn as_bool(self) -> Option<bool> {
        match self {
            JsonRef::Parsed(value) => value.as_bool(),
            JsonRef::Indexed { index, bytes, node } => match index.node(node).kind() {
                Kind::Bool => Some(index.raw(bytes, node) == b"true"),
                _ => None,
            },
        }
    }

    /// A number as `serde_json` reads it (an integer past 64 bits becomes a float); `None` for
    /// other kinds.
    pub fn number(self) -> Option<Number> {
        match self {
            JsonRef::Parsed(Value::Number(number)) => Some(number.clone()),
            JsonRef::Parsed(_) => None,
            JsonRef::Indexed { index, bytes, node } => match index.node(node).kind() {
                Kind::Number => read_number(index.raw(bytes, node)),
                _ => None,
            },
        }
    }

    /// How many bytes the value takes as sent, when it was read in place (`None` when parsed).
    pub fn sent_len(self) -> Option<usize> {
        match self {
            JsonRef::Parsed(_) => None,
            JsonRef::Indexed { index, node, .. } => {
                let data = index.node(node);
                Some((data.end - data.start) as usize)
            }
        }
    }

    /// Whether it is `null`.
    pub fn is_null(self) -> bool {
        self.kind() == Kind::Null
    }

    /// The value as a `serde_json::Value` (its whole subtree: keep it to small values).
    pub fn to_value(self) -> Value {
        self.to_cow().into_owned()
    }

    /// The value as a `serde_json::Value`, borrowed when it is one already; a scalar of the
    /// index is read without running a parser.
    pub fn to_cow(self) -> Cow<'a, Value> {
        let (index, bytes, node) = match self {
            JsonRef::Parsed(value) => return Cow::Borrowed(value),
            JsonRef::Indexed { index, bytes, node } => (index, bytes, node),
        };
        Cow::Owned(match index.node(node).kind() {
            Kind::Null => Value::Null,
            Kind::Bool => Value::Bool(index.raw(bytes, node) == b"true"),
            Kind::Number => read_number(index.raw(bytes, node)).map_or(Value::Null, Value::Number),
            Kind::String => Value::String(self.as_str().unwrap_or_default().into_owned()),
            Kind::Array | Kind::Object => index.value(bytes, node),
        })
    }

    /// Appends the value as `Value`'s `Display` writes it: compact JSON, strings quoted.
    pub fn write_json(self, out: &mut String) {
        match self {
            JsonRef::Parsed(value) => {
                let _ = write!(out, "{value}");
            }
            JsonRef::Indexed { index, bytes, node } => match index.node(node).kind() {
                Kind::Null | Kind::Bool => {
                    out.push_str(std::str::from_utf8(index.raw(bytes, node)).unwrap_or_default());
                }
                Kind::Number => write_number(index.raw(bytes, node), out),
                Kind::String => out.push_str(&super::preview_text(index, bytes, node)),
                Kind::Array | Kind::Object => write_compact(index, bytes, node, out),
            },
        }
    }
}

static EMPTY_OBJECT: std::sync::LazyLock<serde_json::Map<String, Value>> =
    std::sync::LazyLock::new(serde_json::Map::new);

/// An object's members, in order.
pub struct Members<'a>(MemberKeys<'a>);

impl<'a> Iterator for Members<'a> {
    type Item = (Cow<'a, str>, JsonRef<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(key, value)| {
            // The bytes were validated as UTF-8 when indexed, and a key ends at a quote.
            let key = match key {
                Cow::Borrowed(key) => {
                    std::str::from_utf8(key).map_or(Cow::Borrowed(""), Cow::Borrowed)
                }
                Cow::Owned(key) => Cow::Owned(String::from_utf8(key).unwrap_or_default()),
            };
            (key, value)
        })
    }
}

/// An object's members, in order, their keys as the bytes of their text.
enum MemberKeys<'a> {
    /// Of a parsed object.
    Parsed(serde_json::map::Iter<'a>),
    /// Of an indexed object.
    Indexed {
        /// The index.
        index: &'a JsonIndex,
        /// Its bytes.
        bytes: &'a [u8],
        /// The members not yet read.
        children: Children<'a>,
    },
}

impl<'a> Iterator for MemberKeys<'a> {
    type Item = (Cow<'a, [u8]>, JsonRef<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            MemberKeys::Parsed(members) => members
                .next()
                .map(|(key, value)| (Cow::Borrowed(key.as_bytes()), JsonRef::Parsed(value))),
            MemberKeys::Indexed {
                index,
                bytes,
                children,
            } => children.next().map(|node| {
                let name = member_key(index, bytes, node);
                (name, JsonRef::Indexed { index, bytes, node })
            }),
        }
    }
}

/// The text of the key whose opening quote is at `key`, of the member whose value starts at
/// `value`, as bytes. The key's closing quote is the last quote before the value (only `:` and
/// whitespace lie between), found in a step or two; only a key with an escape is decoded.
fn key_text(bytes: &[u8], key: usize, value: usize) -> Cow<'_, [u8]> {
    let close = bytes
        .get(..value)
        .and_then(|before| before.iter().rposition(|byte| *byte == b'"'));
    if let Some(close) = close.filter(|close| *close > key) {
        let raw = &bytes[key + 1..close];
        if raw.iter().all(|byte| *byte != b'\\') {
            return Cow::Borrowed(raw);
        }
    }
    Cow::Owned(
        decode_string(bytes, key, string_end(bytes, key))
            .into_owned()
            .into_bytes(),
    )
}

/// `key_text` of an object member's node.
fn member_key<'b>(index: &JsonIndex, bytes: &'b [u8], node: usize) -> Cow<'b, [u8]> {
    let data = index.node(node);
    key_text(bytes, data.key as usize, data.start as usize)
}

/// An array's items, in order.
pub enum RefItems<'a> {
    /// Of a parsed array.
    Parsed(std::slice::Iter<'a, Value>),
    /// Of an indexed array.
    Indexed {
        /// The index.
        index: &'a JsonIndex,
        /// Its bytes.
        bytes: &'a [u8],
        /// The items not yet read.
        children: Children<'a>,
    },
}

impl<'a> Iterator for RefItems<'a> {
    type Item = JsonRef<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            RefItems::Parsed(items) => items.next().map(JsonRef::Parsed),
            RefItems::Indexed {
                index,
                bytes,
                children,
            } => children
                .next()
                .map(|node| JsonRef::Indexed { index, bytes, node }),
        }
    }
}

#[cfg(test)]
mod tests;
