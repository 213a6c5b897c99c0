//! A JSON object writer for the sandbox's bulkiest bodies. `serde_json` escapes every key it
//! writes, scanning it byte by byte: a Zooza record has ~3,000 keys, and that scan was a tenth
//! of a whole fetch from the sandbox (server and client together). Here keys are written as
//! they are (they are the wire's plain names, checked in debug builds), values as `serde_json`
//! writes them: integers and booleans as text, strings escaped only when they need it.

/// Writes one object's members into `out`: `{` now, `}` at `end`.
pub(crate) struct ObjectOut<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> ObjectOut<'a> {
    pub(crate) fn new(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Self { out, first: true }
    }

    /// The member's key and colon; its value is for the caller to write next.
    #[inline]
    pub(crate) fn key(&mut self, key: &'static str) -> &mut Vec<u8> {
        debug_assert!(is_plain(key), "a key written unescaped: {key:?}");
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    #[inline]
    pub(crate) fn u64(&mut self, key: &'static str, value: u64) -> &mut Self {
        let out = self.key(key);
        out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
        self
    }

    #[inline]
    pub(crate) fn bool(&mut self, key: &'static str, value: bool) -> &mut Self {
        let out = self.key(key);
        out.extend_from_slice(if value { b"true" } else { b"false" });
        self
    }

    #[inline]
    pub(crate) fn str(&mut self, key: &'static str, value: &str) -> &mut Self {
        string(self.key(key), value);
        self
    }

    pub(crate) fn end(&mut self) {
        self.out.push(b'}');
    }
}

/// Whether a string needs no escape in JSON: no quote, backslash nor control character.
fn is_plain(text: &str) -> bool {
    text.bytes()
        .all(|byte| byte >= 0x20 && byte != b'"' && byte != b'\\')
}

/// `text` as a JSON string, escaped as `serde_json` escapes it.
pub(crate) fn string(out: &mut Vec<u8>, text: &str) {
    if is_plain(text) {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else if serde_json::to_writer(&mut *out, text).is_err() {
        // Writing a string to a Vec cannot fail; a `null` keeps the body JSON if it ever did.
        out.extend_from_slice(b"null");
    }
}

/// `[`, each item written by `write` with commas between, `]`.
pub(crate) fn array<T>(out: &mut Vec<u8>, items: &[T], write: impl Fn(&T, &mut Vec<u8>)) {
    out.push(b'[');
    for (position, item) in items.iter().enumerate() {
        if position > 0 {
            out.push(b',');
        }
        write(item, out);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests;
