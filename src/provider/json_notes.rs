//! What a record's parsed JSON cannot say, found in one pass over the raw bytes: numbers whose
//! digits a 64-bit float cannot hold (`serde_json` reads them as the nearest double), keys written
//! twice in one object (the parser keeps the last value) and strings that are not UTF-8 (read with
//! U+FFFD in place of the bad bytes). The record still opens and its bytes are kept exactly; these
//! notes let every view say so instead of silently showing something else.
//!
//! This is a local check rather than `serde_json`'s `arbitrary_precision`: that feature changes every
//! number of every body crate-wide (an allocation each, on the hot path of big records) and still
//! says nothing about duplicate keys.

mod numbers;
mod pretty;
mod sections;

use std::borrow::Cow;

pub use pretty::pretty_lines;
pub use sections::{NOTES_SECTION, annotate_sections};

use crate::model::UserRecord;

/// Notes kept per record; a body with more says how many were left out.
const MAX_NOTES: usize = 50;

/// Nesting past this stops the scan (`serde_json` refuses bodies deeper than 128 anyway).
const MAX_DEPTH: usize = 256;

/// One step from a container to a child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// An object member.
    Key(String),
    /// An array item.
    Index(usize),
}

/// What is odd at a place in the JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// A number a double cannot hold exactly: `exact` as the server wrote it, `shown` as the parsed
    /// value prints.
    InexactNumber {
        /// The server's digits.
        exact: String,
        /// What the parsed `f64` prints as.
        shown: String,
    },
    /// The member's key appears `count` times in its object; the last value is the one read.
    DuplicateKey {
        /// How many times.
        count: usize,
    },
    /// A string (or key) holding bytes that are not UTF-8, shown with U+FFFD in their place.
    InvalidUtf8,
}

/// One finding: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonNote {
    /// The path from the root of the record's JSON.
    pub path: Vec<PathStep>,
    /// What is odd there.
    pub kind: NoteKind,
}

impl JsonNote {
    /// The path in jq form, as field paths are written (`.a.b[0]`, `.["odd key"]`).
    pub fn jq_path(&self) -> String {
        let mut pointer = String::new();
        for step in &self.path {
            pointer.push('/');
            match step {
                PathStep::Key(key) => pointer.push_str(&key.replace('~', "~0").replace('/', "~1")),
                PathStep::Index(index) => pointer.push_str(&index.to_string()),
            }
        }
        crate::json::fields::jq_path(&pointer)
    }

    /// A short heading for the note.
    pub fn title(&self) -> &'static str {
        match self.kind {
            NoteKind::InexactNumber { .. } => "Number beyond 64 bits",
            NoteKind::DuplicateKey { .. } => "Duplicate key",
            NoteKind::InvalidUtf8 => "Not UTF-8",
        }
    }

    /// One line saying what it is and what the views do about it.
    pub fn describe(&self) -> String {
        match &self.kind {
            NoteKind::InexactNumber { exact, shown } => format!(
                "the server wrote {exact}; a 64-bit float holds {shown}, so the exact digits are shown here and in the tree, and kept in exports"
            ),
            NoteKind::DuplicateKey { count } => format!(
                "this key appears {count} times in its object; the last value is the one shown and audited, the Raw tab shows all"
            ),
            NoteKind::InvalidUtf8 => {
                "holds bytes that are not UTF-8, shown as \u{FFFD}; exports keep the bytes as sent"
                    .to_owned()
            }
        }
    }

    /// The short marker views put beside the value.
    pub fn marker(&self) -> String {
        match &self.kind {
            NoteKind::InexactNumber { .. } => "⚠ exact digits; beyond a 64-bit float".to_owned(),
            NoteKind::DuplicateKey { count } => {
                format!("⚠ key written {count} times; last value shown")
            }
            NoteKind::InvalidUtf8 => "⚠ not UTF-8; bad bytes shown as \u{FFFD}".to_owned(),
        }
    }
}

/// The notes of a record's bodies, with paths into `record.json` (a record of several bodies is
/// an object keyed by body label).
pub fn record_notes(record: &UserRecord) -> Vec<JsonNote> {
    match record.bodies.as_slice() {
        [body] => scan(&body.bytes),
        bodies => bodies
            .iter()
            .flat_map(|body| {
                scan(&body.bytes).into_iter().map(|mut note| {
                    note.path.insert(0, PathStep::Key(body.label.clone()));
                    note
                })
            })
            .collect(),
    }
}

/// Scans the record's bodies and puts what it finds on the overview (nothing when all is plain).
pub fn annotate_record(record: &mut UserRecord) {
    let notes = record_notes(record);
    annotate_sections(&mut record.sections, &notes);
}

/// The notes of one JSON body (at most [`MAX_NOTES`]); nothing for a body that is not JSON.
pub fn scan(bytes: &[u8]) -> Vec<JsonNote> {
    let mut scanner = Scanner {
        bytes,
        at: 0,
        path: Vec::new(),
        notes: Vec::new(),
    };
    let _ = scanner.value(0);
    scanner.notes
}

/// A path step that borrows the key's raw bytes, turned into a [`PathStep`] only for a note.
#[derive(Clone, Copy)]
enum RawStep<'a> {
    Key(&'a [u8]),
    Index(usize),
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    path: Vec<RawStep<'a>>,
    notes: Vec<JsonNote>,
}

impl<'a> Scanner<'a> {
    fn skip_whitespace(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn next_byte(&mut self) -> Option<u8> {
        self.skip_whitespace();
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn note(&mut self, extra: Option<RawStep<'a>>, kind: NoteKind) {
        if self.notes.len() >= MAX_NOTES {
            return;
        }
        let path = self
            .path
            .iter()
            .chain(extra.as_ref())
            .map(|step| match step {
                RawStep::Key(raw) => PathStep::Key(decode_key(raw).into_owned()),
                RawStep::Index(index) => PathStep::Index(*index),
            })
            .collect();
        self.notes.push(JsonNote { path, kind });
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        match *self.bytes.get(self.at)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => {
                let raw = self.string()?;
                if std::str::from_utf8(raw).is_err() {
                    self.note(None, NoteKind::InvalidUtf8);
                }
                Some(())
            }
            b't' | b'f' | b'n' => {
                while self.bytes.get(self.at).is_some_and(u8::is_ascii_alphabetic) {
                    self.at += 1;
                }
                Some(())
            }
            _ => self.number(),
        }
    }

    /// A string's raw content (escapes left as written); the cursor ends past the closing quote.
    fn string(&mut self) -> Option<&'a [u8]> {
        self.at += 1;
        let start = self.at;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
        let raw = self.bytes.get(start..self.at)?;
        self.at += 1;
        Some(raw)
    }

    fn number(&mut self) -> Option<()> {
        let start = self.at;
        while self
            .bytes
            .get(self.at)
            .is_some_and(|byte| matches!(byte, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            self.at += 1;
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
        if text.is_empty() {
            return None;
        }
        if let Some(shown) = numbers::inexact(text) {
            let exact = text.to_owned();
            self.note(None, NoteKind::InexactNumber { exact, shown });
        }
        Some(())
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        self.at += 1;
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Some(());
        }
        let mut index = 0;
        loop {
            self.path.push(RawStep::Index(index));
            self.value(depth + 1)?;
            self.path.pop();
            match self.next_byte()? {
                b',' => index += 1,
                b']' => return Some(()),
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<()> {
        self.at += 1;
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Some(());
        }
        let mut keys: Vec<&'a [u8]> = Vec::new();
        loop {
            self.skip_whitespace();
            if self.bytes.get(self.at) != Some(&b'"') {
                return None;
            }
            let key = self.string()?;
            if std::str::from_utf8(key).is_err() {
                self.note(Some(RawStep::Key(key)), NoteKind::InvalidUtf8);
            }
            if self.next_byte()? != b':' {
                return None;
            }
            keys.push(key);
            self.path.push(RawStep::Key(key));
            self.value(depth + 1)?;
            self.path.pop();
            match self.next_byte()? {
                b',' => {}
                b'}' => break,
                _ => return None,
            }
        }
        for (key, count) in duplicates(&keys) {
            self.note(Some(RawStep::Key(key)), NoteKind::DuplicateKey { count });
        }
        Some(())
    }
}

/// Keys that occur more than once, in order of first occurrence, with their counts. Keys are
/// compared decoded, so `"a"` and `"\u0061"` are the same key.
fn duplicates<'a>(keys: &[&'a [u8]]) -> Vec<(&'a [u8], usize)> {
    let mut decoded: Vec<(usize, Cow<'a, [u8]>)> = keys
        .iter()
        .enumerate()
        .map(|(order, raw)| (order, decode_key_bytes(raw)))
        .collect();
    decoded.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut found: Vec<(usize, &'a [u8], usize)> = Vec::new();
    let mut run_start = 0;
    for index in 1..=decoded.len() {
        if index == decoded.len() || decoded[index].1 != decoded[run_start].1 {
            let count = index - run_start;
            if count > 1 {
                let first = decoded[run_start].0;
                found.push((first, keys[first], count));
            }
            run_start = index;
        }
    }
    found.sort_by_key(|(first, _, _)| *first);
    found
        .into_iter()
        .map(|(_, key, count)| (key, count))
        .collect()
}

/// A key's bytes with escapes decoded (only keys that hold a backslash are copied).
fn decode_key_bytes(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'\\') {
        return Cow::Borrowed(raw);
    }
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    match serde_json::from_slice::<String>(&quoted) {
        Ok(text) => Cow::Owned(text.into_bytes()),
        Err(_) => Cow::Borrowed(raw),
    }
}

/// A key as text: escapes decoded, bytes that are not UTF-8 as U+FFFD (as the parser reads it).
fn decode_key(raw: &[u8]) -> Cow<'_, str> {
    match decode_key_bytes(raw) {
        Cow::Borrowed(bytes) => String::from_utf8_lossy(bytes),
        Cow::Owned(bytes) => Cow::Owned(String::from_utf8_lossy(&bytes).into_owned()),
    }
}

#[cfg(test)]
mod tests;
