//! Encodings that map ids back to indices in O(1) (Zoo UUIDs, Quip base-62 ids), filtered index
//! sequences that page without scanning, and the byte-level JSON tricks of the odd-JSON records.

use super::seeded_rng::{QUIP, ZOO, mix};

/// A UUID-shaped (version 4, RFC variant) string from a key and a number.
pub(crate) fn uuid_from(key: u64, n: u64) -> String {
    let high = mix(key ^ mix(n));
    let low = mix(high ^ n);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xfff,
        8 + (low >> 62),
        (low >> 48) & 0xfff,
        low & 0xffff_ffff_ffff
    )
}

/// A Zoo user id: a v4-shaped UUID whose last 12 hex digits are the index.
pub(crate) fn zoo_uuid(seed: u64, index: u64) -> String {
    let high = mix(seed ^ mix(ZOO ^ mix(index)));
    format!(
        "{:08x}-{:04x}-4{:03x}-{:x}{:03x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xfff,
        8 + ((high >> 12) & 3),
        (high >> 20) & 0xfff,
        index
    )
}

/// The index of a Zoo user id (case-insensitive), checked by regenerating the id.
pub(crate) fn zoo_index_from_uuid(seed: u64, users: u64, id: &str) -> Option<u64> {
    if id.len() != 36 {
        return None;
    }
    let index = u64::from_str_radix(id.get(24..)?, 16).ok()?;
    (index < users && zoo_uuid(seed, index).eq_ignore_ascii_case(id)).then_some(index)
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn base62(mut n: u64, width: usize) -> String {
    let mut digits = vec![b'0'; width];
    for slot in digits.iter_mut().rev() {
        *slot = BASE62[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8(digits).unwrap_or_default()
}

fn from_base62(text: &str) -> Option<u64> {
    text.bytes().try_fold(0u64, |acc, byte| {
        let digit = BASE62.iter().position(|&b| b == byte)? as u64;
        acc.checked_mul(62)?.checked_add(digit)
    })
}

/// A Quip 11-character id: a kind letter, the number in 6 base-62 digits, 4 check characters.
pub(crate) fn quip_id(seed: u64, kind: u8, n: u64) -> String {
    let check = mix(seed ^ mix(QUIP ^ u64::from(kind) ^ mix(n))) % 62u64.pow(4);
    format!("{}{}{}", char::from(kind), base62(n, 6), base62(check, 4))
}

/// The number inside a Quip id of `kind`, checked.
pub(crate) fn quip_number(seed: u64, kind: u8, id: &str) -> Option<u64> {
    if id.len() != 11 || id.as_bytes().first() != Some(&kind) {
        return None;
    }
    let n = from_base62(id.get(1..7)?)?;
    (quip_id(seed, kind, n) == id).then_some(n)
}

/// Splices raw number text where the JSON has placeholder strings, for the odd-JSON records:
/// `"__sbx_big__"` → `123456789012345678901234567890`, `"__sbx_sci__"` → `1.0e3`.
pub(crate) fn render(value: &serde_json::Value) -> Vec<u8> {
    splice_placeholders(serde_json::to_vec(value).unwrap_or_default())
}

/// [`render`]'s splicing on bytes already written (the Zooza record writes its own).
pub(crate) fn splice_placeholders(mut bytes: Vec<u8>) -> Vec<u8> {
    // Few records carry a placeholder: one memchr-backed search spares the others (a Zooza
    // record is ~70 KB) any further pass.
    if memchr::memmem::find(&bytes, b"\"__sbx_").is_none() {
        return bytes;
    }
    for (placeholder, raw) in [
        (
            &b"\"__sbx_big__\""[..],
            &b"123456789012345678901234567890"[..],
        ),
        (&b"\"__sbx_sci__\""[..], &b"1.0e3"[..]),
    ] {
        while let Some(at) = memchr::memmem::find(&bytes, placeholder) {
            bytes.splice(at..at + placeholder.len(), raw.iter().copied());
        }
    }
    bytes
}

/// The unknown future field the odd-JSON records carry (keys deliberately not alphabetical).
pub(crate) fn future_field() -> serde_json::Value {
    serde_json::json!({
        "zeta": "last letter first",
        "big": "__sbx_big__",
        "sci": "__sbx_sci__",
        "alpha": [1, -0.5, 2.5e-8, {"nested": {"deeper": [null, true]}}],
        "empty": {}
    })
}

/// The indices below `total` whose residue modulo `modulus` is in `residues`, optionally without 0,
/// indexed and counted in O(1): how filtered lists page through a million users without a scan.
pub(crate) struct ResidueSeq {
    pub(crate) modulus: u64,
    pub(crate) residues: Vec<u64>,
    pub(crate) total: u64,
    pub(crate) skip_zero: bool,
}

impl ResidueSeq {
    fn zero_skipped(&self) -> bool {
        self.skip_zero && self.residues.contains(&0) && self.total > 0
    }

    pub(crate) fn len(&self) -> u64 {
        let full: u64 = self
            .residues
            .iter()
            .filter(|&&r| r < self.total)
            .map(|&r| (self.total - 1 - r) / self.modulus + 1)
            .sum();
        full - u64::from(self.zero_skipped())
    }

    /// The `k`-th index of the sequence (ascending), if `k < len()`.
    pub(crate) fn nth(&self, k: u64) -> Option<u64> {
        if k >= self.len() || self.residues.is_empty() {
            return None;
        }
        let k = k + u64::from(self.zero_skipped());
        let per_block = self.residues.len() as u64;
        Some((k / per_block) * self.modulus + self.residues[(k % per_block) as usize])
    }
}
