//! The one pass that validates and indexes: a state machine over the bytes with the open
//! containers on a heap stack (never the call stack), so nesting costs no recursion.

use super::node_store::NodeStore;
use super::{IndexError, IndexNode, Kind, MAX_DEPTH, NO_PARENT};

/// Bytes that end a run of plain string content: the closing quote, an escape, or a control
/// character (which JSON forbids raw in a string).
const STRING_STOP: [bool; 256] = {
    let mut stop = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        stop[byte] = true;
        byte += 1;
    }
    stop[b'"' as usize] = true;
    stop[b'\\' as usize] = true;
    stop
};

/// The high bit of each byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Each byte of a word set to `byte`.
const fn splat(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

/// The high bit of each byte of `word` (little-endian: the first byte lowest) that is a
/// `STRING_STOP`: a quote, a backslash or a control character. The lowest bit set is always a
/// true stop (a borrow can flag a byte only above a true one), which is all `string` reads.
fn stops(word: u64) -> u64 {
    let zero_byte = |word: u64| word.wrapping_sub(splat(1)) & !word;
    let quote = zero_byte(word ^ splat(b'"'));
    let backslash = zero_byte(word ^ splat(b'\\'));
    let control = word.wrapping_sub(splat(0x20)) & !word;
    (quote | backslash | control) & HIGH_BITS
}

/// An open container: its node and how many children it has so far.
struct Open {
    node: u32,
    children: u32,
    object: bool,
}

pub(super) struct Indexer<'a> {
    bytes: &'a [u8],
    at: usize,
    nodes: NodeStore,
    open: Vec<Open>,
    /// Whether the last string read had an escape.
    escaped: bool,
    /// Whether any object key has an escape.
    escaped_keys: bool,
}

impl<'a> Indexer<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        // At most one node per 2 bytes (`[0,0,...]`); a typical record has one per ~20. Reserving
        // a generous guess up front avoids the copy of a doubling `Vec` (briefly 3x the nodes);
        // pages never written are never resident.
        let guess = bytes.len() / 12 + 16;
        Self {
            bytes,
            at: 0,
            nodes: NodeStore::with_capacity(guess),
            open: Vec::new(),
            escaped: false,
            escaped_keys: false,
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

    /// The nodes, and whether any object key has an escape.
    pub(super) fn run(mut self) -> Result<(NodeStore, bool), IndexError> {
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
        Ok((self.nodes, self.escaped_keys))
    }

    fn close(&mut self, node: usize) {
        let subtree_end = self.nodes.len() as u32;
        let entry = &mut self.nodes.as_mut_slice()[node];
        entry.end = self.at as u32;
        entry.subtree_end = subtree_end;
    }

    /// A key and its colon; returns the key's offset and leaves `at` on the member's value.
    fn member_key(&mut self) -> Result<u32, IndexError> {
        if self.peek() != Some(b'"') {
            return self.fail("expected a key string");
        }
        let key = self.at as u32;
        self.escaped = false;
        self.string()?;
        self.escaped_keys |= self.escaped;
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
        self.nodes.push(IndexNode::new(
            start as u32,
            0,
            key,
            parent,
            index as u32 + 1,
            depth as u16,
            kind,
        ));
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
        self.nodes.as_mut_slice()[index].end = self.at as u32;
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

    /// A string from its opening quote; leaves `at` after the closing one, its content checked
    /// as UTF-8 when it has a byte past ASCII (outside strings, JSON is ASCII, and any other
    /// byte fails as no JSON). Plain content is skipped eight bytes at a time (`stops`): most
    /// strings of a record are short (keys, codes, dates), where `memchr`'s setup costs more
    /// than it saves, but a byte at a time costs a branch each.
    fn string(&mut self) -> Result<(), IndexError> {
        self.at += 1;
        let content = self.at;
        let mut past_ascii = 0;
        loop {
            if let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
                let mut word = [0; 8];
                word.copy_from_slice(chunk);
                let word = u64::from_le_bytes(word);
                let stops = stops(word);
                if stops == 0 {
                    past_ascii |= word;
                    self.at += 8;
                    continue;
                }
                // The bytes before the first stop are content; the stop is read below.
                let before = stops.trailing_zeros() / 8;
                past_ascii |= word & ((1u64 << (before * 8)) - 1);
                self.at += before as usize;
            }
            match self.bytes.get(self.at) {
                Some(byte) if !STRING_STOP[usize::from(*byte)] => {
                    past_ascii |= u64::from(*byte);
                    self.at += 1;
                }
                Some(b'"') => {
                    if past_ascii & HIGH_BITS != 0 {
                        self.check_utf8(content)?;
                    }
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => self.escape()?,
                Some(_) => return self.fail("control character in a string"),
                None => return self.fail("unexpected end of input in a string"),
            }
        }
    }

    /// Checks a string's content, from `content` to its closing quote at `at`, as UTF-8.
    fn check_utf8(&mut self, content: usize) -> Result<(), IndexError> {
        match std::str::from_utf8(&self.bytes[content..self.at]) {
            Ok(_) => Ok(()),
            Err(error) => {
                self.at = content + error.valid_up_to();
                self.fail("invalid UTF-8")
            }
        }
    }

    /// One escape from its backslash.
    fn escape(&mut self) -> Result<(), IndexError> {
        self.escaped = true;
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
