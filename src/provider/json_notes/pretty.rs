//! A record's raw bytes laid out one member per line, for the Raw tab and `get --json` when the
//! parsed JSON would not say the same (see the module above): every token is copied as the server
//! wrote it, so duplicate keys and long numbers stay; only whitespace changes.

use crate::model::UserRecord;

const INDENT: &str = "  ";

/// The record's bodies pretty-printed from their bytes, one entry per line; a record of several
/// bodies is an object keyed by body label, as its parsed JSON is.
pub fn pretty_lines(record: &UserRecord) -> Vec<String> {
    let mut out = Vec::new();
    match record.bodies.as_slice() {
        [body] => layout(&body.bytes, 0, &mut out),
        bodies => {
            out.extend_from_slice(b"{");
            for (index, body) in bodies.iter().enumerate() {
                out.extend_from_slice(if index == 0 { b"\n" } else { b",\n" });
                out.extend_from_slice(INDENT.as_bytes());
                out.extend_from_slice(
                    serde_json::Value::String(body.label.clone())
                        .to_string()
                        .as_bytes(),
                );
                out.extend_from_slice(b": ");
                layout(&body.bytes, 1, &mut out);
            }
            out.extend_from_slice(b"\n}");
        }
    }
    String::from_utf8_lossy(&out)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn newline(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    for _ in 0..depth {
        out.extend_from_slice(INDENT.as_bytes());
    }
}

/// Appends `bytes` (one JSON value) laid out at `depth`.
fn layout(bytes: &[u8], mut depth: usize, out: &mut Vec<u8>) {
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b'"' => {
                let start = at;
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                at = (at + 1).min(bytes.len());
                out.extend_from_slice(&bytes[start..at]);
                continue;
            }
            b'{' | b'[' => {
                let close = if byte == b'{' { b'}' } else { b']' };
                let next = bytes[at + 1..]
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .map(|offset| at + 1 + offset);
                if let Some(next) = next.filter(|next| bytes[*next] == close) {
                    out.extend_from_slice(&[byte, close]);
                    at = next + 1;
                    continue;
                }
                out.push(byte);
                depth += 1;
                newline(out, depth);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(b',');
                newline(out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => out.push(byte),
        }
        at += 1;
    }
}
