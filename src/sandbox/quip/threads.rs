//! How many threads each generated Quip user has, and which of them have an external member:
//! the facts both the record's thread list and the external users are written from.

use super::super::generate::{QUIP, Rng};

/// How many threads the user at `index` has (a few users have hundreds).
pub(crate) fn thread_count(index: u64) -> u64 {
    let mut rng = Rng::new(0, QUIP, index, 77);
    if index % 37 == 5 {
        rng.range(150, 300)
    } else {
        rng.below(26)
    }
}

/// Whether thread `k` of a user has an external member.
pub(crate) fn has_external_member(k: u64) -> bool {
    k % 9 == 4
}
