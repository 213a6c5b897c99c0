//! Generated ids that map back to their index in O(1): Zoo's UUIDs and Quip's base-62 ids, each
//! checked by regenerating it, so a million users need no lookup table.

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
