//! A JSON value read where it lies: inside a parsed `serde_json::Value`, or at a node of a byte
//! index. A Zooza record is mostly credits; building a `Value` of them is most of what fetching
//! one costs (allocating every key and string), where reading the few entries a mapper or a rule
//! needs straight from the indexed bytes allocates nothing. Code that reads credits takes a
//! `JsonRef` and gives the same answers for both, as `Value` would: the last of a duplicated key,
//! numbers as `serde_json` reads them.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde_json::{Number, Value};

use super::decode::{decode_string, string_end};
use super::{Children, JsonIndex, Kind};

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
            JsonRef::Indexed { index, node, .. } => index.node(node).kind,
        }
    }

    /// The value under an object key (the last one when the key is duplicated, as `serde_json`
    /// keeps); `None` for an absent key or a value that is not an object.
    pub fn get(self, key: &str) -> Option<Self> {
        match self {
            JsonRef::Parsed(value) => crate::provider::fields::field(value, key).map(Self::Parsed),
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
            JsonRef::Indexed { index, bytes, node } if index.node(node).kind == Kind::Object => {
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
            && index.node(node).kind == Kind::Object
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
            for child in index.children(node) {
                let data = index.node(child);
                let quote = data.key as usize;
                if !index.has_escaped_keys()
                    && let Some(&first) = bytes.get(quote + 1)
                    && firsts[usize::from(first >> 6)] & (1 << (first & 63)) == 0
                {
                    continue;
                }
                let at = if index.has_escaped_keys() {
                    let name = member_key(index, bytes, child);
                    keys.iter().position(|key| key.as_bytes() == &*name)
                } else {
                    // Every key is its bytes: a wanted key matches where the bytes after the
                    // opening quote are its own and a quote follows.
                    // The first byte and the closing quote rule out nearly every other key
                    // before any bytes are compared in a call.
                    let name = bytes.get(quote + 1..).unwrap_or_default();
                    keys.iter().position(|key| {
                        let key = key.as_bytes();
                        key.first().is_none_or(|first| name.first() == Some(first))
                            && name.get(key.len()) == Some(&b'"')
                            && name.starts_with(key)
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
            JsonRef::Indexed { index, bytes, node } if index.node(node).kind == Kind::Array => {
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
            JsonRef::Indexed { index, bytes, node } => match index.node(node).kind {
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
            JsonRef::Indexed { index, bytes, node } => match index.node(node).kind {
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
        Cow::Owned(match index.node(node).kind {
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
            JsonRef::Indexed { index, bytes, node } => match index.node(node).kind {
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

/// Appends a container of the index as `Value`'s `Display` writes it once parsed: no whitespace,
/// keys and strings escaped as `serde_json` escapes them, numbers as it reads them. A container
/// with a duplicated key is parsed, which keeps the last one.
fn write_compact(index: &JsonIndex, bytes: &[u8], root: usize, out: &mut String) {
    if has_duplicate_key(index, bytes, root) {
        let _ = write!(out, "{}", index.value(bytes, root));
        return;
    }
    // Containers still open: their closing bracket and the node their subtree ends before.
    let mut open: Vec<(char, usize)> = Vec::new();
    for node in root..index.node(root).subtree_end as usize {
        while let Some(&(close, end)) = open.last()
            && node >= end
        {
            out.push(close);
            open.pop();
        }
        if let Some(parent) = index.parent(node).filter(|_| node != root) {
            if parent + 1 != node {
                out.push(',');
            }
            if let Some(key) = index.key_json(bytes, node) {
                out.push_str(&key);
                out.push(':');
            }
        }
        let data = index.node(node);
        let raw = index.raw(bytes, node);
        match data.kind {
            Kind::Object => open.push(('}', data.subtree_end as usize)),
            Kind::Array => open.push((']', data.subtree_end as usize)),
            Kind::Number => write_number(raw, out),
            Kind::String => out.push_str(&super::preview_text(index, bytes, node)),
            Kind::Null | Kind::Bool => out.push_str(std::str::from_utf8(raw).unwrap_or_default()),
        }
        if let Kind::Object | Kind::Array = data.kind {
            out.push(if data.kind == Kind::Object { '{' } else { '[' });
        }
    }
    while let Some((close, _)) = open.pop() {
        out.push(close);
    }
}

static EMPTY_OBJECT: std::sync::LazyLock<serde_json::Map<String, Value>> =
    std::sync::LazyLock::new(serde_json::Map::new);

/// The longest run of digits that is always a `u64` (and so `serde_json` keeps exact).
const EXACT_DIGITS: usize = 19;

/// Whether a number's text is a plain non-negative integer that `serde_json` writes back as it is.
fn plain_integer(raw: &[u8]) -> bool {
    !raw.is_empty()
        && raw.len() <= EXACT_DIGITS
        && raw.iter().all(u8::is_ascii_digit)
        && (raw[0] != b'0' || raw.len() == 1)
}

/// A number's text read as `serde_json` reads it.
fn read_number(raw: &[u8]) -> Option<Number> {
    if plain_integer(raw) {
        return std::str::from_utf8(raw)
            .ok()?
            .parse::<u64>()
            .ok()
            .map(Number::from);
    }
    serde_json::from_slice(raw).ok()
}

/// Appends a number as `serde_json` writes it back once read: a plain integer as sent, others
/// through `Number` (an integer past 64 bits comes back as a float, as it does for a parsed body).
fn write_number(raw: &[u8], out: &mut String) {
    if plain_integer(raw) {
        out.push_str(std::str::from_utf8(raw).unwrap_or_default());
    } else if let Some(number) = read_number(raw) {
        let _ = write!(out, "{number}");
    }
}

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

/// Whether an object in the subtree of `root` has a key twice.
fn has_duplicate_key(index: &JsonIndex, bytes: &[u8], root: usize) -> bool {
    let mut keys = Vec::new();
    (root..index.node(root).subtree_end as usize)
        .filter(|node| index.node(*node).kind == Kind::Object)
        .any(|object| {
            keys.clear();
            keys.extend(
                index
                    .children(object)
                    .map(|child| member_key(index, bytes, child)),
            );
            keys.sort_unstable();
            keys.windows(2).any(|pair| pair[0] == pair[1])
        })
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
mod tests {
    use super::*;

    /// Every way of reading a value gives the same answer from the index as from the parse.
    fn same_reads(parsed: JsonRef<'_>, indexed: JsonRef<'_>) {
        assert_eq!(parsed.kind(), indexed.kind());
        assert_eq!(parsed.as_str(), indexed.as_str());
        assert_eq!(parsed.as_bool(), indexed.as_bool());
        assert_eq!(parsed.number(), indexed.number());
        assert_eq!(parsed.is_null(), indexed.is_null());
        assert_eq!(parsed.to_value(), indexed.to_value());
        let (mut a, mut b) = (String::new(), String::new());
        parsed.write_json(&mut a);
        indexed.write_json(&mut b);
        assert_eq!(a, b);
        let keys_a: Vec<_> = parsed.members().map(|(key, _)| key).collect();
        let keys_b: Vec<_> = indexed.members().map(|(key, _)| key).collect::<Vec<_>>();
        // The index keeps a duplicated key twice; the parse once, with the last value.
        let mut deduplicated = Vec::new();
        for key in keys_b {
            deduplicated.retain(|seen| *seen != key);
            deduplicated.push(key);
        }
        let mut keys_a_sorted = keys_a.clone();
        keys_a_sorted.sort();
        deduplicated.sort();
        assert_eq!(keys_a_sorted, deduplicated);
        for key in &keys_a {
            same_reads(parsed.get(key).unwrap(), indexed.get(key).unwrap());
        }
        assert_eq!(parsed.items().count(), indexed.items().count());
        for (a, b) in parsed.items().zip(indexed.items()) {
            same_reads(a, b);
        }
    }

    #[test]
    fn an_indexed_value_reads_as_its_parse_does() {
        let body = br#"{"id": 12, "big": 1234567890123456789012345, "neg": -0, "f": 1.50, "e": 1e2,
            "deep": {"a" : [ 1, {"b\u0041": "x\ty", "c": []}, {}, [[]], -1.5e3 ], "z": null},
            "name": "A\u00e9\"b", "on": true, "off": false, "nil": null, "dup": 1, "dup": "two",
            "list": [1, "x", {"a": [null]}], "nested": {"k": {"j": [true, 2.5]}}, "max": 18446744073709551615,
            "over": 18446744073709551616, "zero": 0, "lead": -12, "": "empty key"}"#;
        let value: Value = serde_json::from_slice(body).unwrap();
        let index = JsonIndex::new(body).unwrap();
        let indexed = JsonRef::Indexed {
            index: &index,
            bytes: body,
            node: 0,
        };
        assert!(
            index.has_escaped_keys(),
            "`b\\u0041` is a key with an escape"
        );
        same_reads(JsonRef::Parsed(&value), indexed);
        assert_eq!(indexed.get("dup").unwrap().as_str().as_deref(), Some("two"));
        assert_eq!(indexed.get("absent").map(JsonRef::kind), None);
        assert!(indexed.get("id").unwrap().get("x").is_none());
    }

    #[test]
    fn pick_finds_each_key_in_one_pass() {
        let body = br#"{"b": 2, "a": 1, "b": 3, "c": null, "ab": 4, "a\"": 5}"#;
        let index = JsonIndex::new(body).unwrap();
        // A key with an escape, decoded to compare: `a"` is not `a`.
        assert!(index.has_escaped_keys());
        let object = JsonRef::Indexed {
            index: &index,
            bytes: body,
            node: 0,
        };
        let mut found = [None; 3];
        object.pick(&["a", "b", "z"], &mut found);
        let text = |slot: Option<JsonRef<'_>>| {
            slot.map(|value| {
                let mut out = String::new();
                value.write_json(&mut out);
                out
            })
        };
        assert_eq!(text(found[0]).as_deref(), Some("1"));
        assert_eq!(
            text(found[1]).as_deref(),
            Some("3"),
            "the last of a duplicate"
        );
        assert_eq!(text(found[2]), None);

        // Without an escaped key, keys are compared where they lie: an empty key and prefixes.
        let body = br#"{"": 1, "a": 2, "ab": 3, "b": 4}"#;
        let index = JsonIndex::new(body).unwrap();
        assert!(!index.has_escaped_keys());
        let object = JsonRef::Indexed {
            index: &index,
            bytes: body,
            node: 0,
        };
        let mut found = [None; 4];
        object.pick(&["ab", "", "a", "abc"], &mut found);
        let found: Vec<Option<String>> = found.into_iter().map(text).collect();
        assert_eq!(
            found,
            [Some("3".into()), Some("1".into()), Some("2".into()), None]
        );
    }
}
