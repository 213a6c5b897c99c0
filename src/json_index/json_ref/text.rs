//! Writing a value of the index back as text, as `serde_json` would once it had parsed it: a
//! container as compact JSON, a number as the `Number` it reads.

use std::fmt::Write as _;

use serde_json::Number;

use super::super::{JsonIndex, Kind};
use super::member_key;

/// Appends a container of the index as `Value`'s `Display` writes it once parsed: no whitespace,
/// keys and strings escaped as `serde_json` escapes them, numbers as it reads them. A container
/// with a duplicated key is parsed, which keeps the last one.
pub(super) fn write_compact(index: &JsonIndex, bytes: &[u8], root: usize, out: &mut String) {
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
        match data.kind() {
            Kind::Object => open.push(('}', data.subtree_end as usize)),
            Kind::Array => open.push((']', data.subtree_end as usize)),
            Kind::Number => write_number(raw, out),
            Kind::String => out.push_str(&super::super::preview_text(index, bytes, node)),
            Kind::Null | Kind::Bool => out.push_str(std::str::from_utf8(raw).unwrap_or_default()),
        }
        if let Kind::Object | Kind::Array = data.kind() {
            out.push(if data.kind() == Kind::Object {
                '{'
            } else {
                '['
            });
        }
    }
    while let Some((close, _)) = open.pop() {
        out.push(close);
    }
}

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
pub(super) fn read_number(raw: &[u8]) -> Option<Number> {
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
pub(super) fn write_number(raw: &[u8], out: &mut String) {
    if plain_integer(raw) {
        out.push_str(std::str::from_utf8(raw).unwrap_or_default());
    } else if let Some(number) = read_number(raw) {
        let _ = write!(out, "{number}");
    }
}

/// Whether an object in the subtree of `root` has a key twice.
fn has_duplicate_key(index: &JsonIndex, bytes: &[u8], root: usize) -> bool {
    let mut keys = Vec::new();
    (root..index.node(root).subtree_end as usize)
        .filter(|node| index.node(*node).kind() == Kind::Object)
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
