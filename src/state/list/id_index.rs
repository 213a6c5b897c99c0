//! Where each id is among the users held: a hash table of their positions, four bytes a user,
//! the ids themselves read from the users (a hit is compared with the id there, so two ids
//! with one hash are told apart).

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Positions of the users held, by the hash of their id.
#[derive(Debug, Clone, Default)]
pub struct IdIndex {
    positions: HashTable<u32>,
    /// Keyed per process (SipHash): remote ids cannot be chosen to collide.
    hasher: std::collections::hash_map::RandomState,
}

impl IdIndex {
    /// An index with room for `users`.
    pub fn with_capacity(users: usize) -> Self {
        Self {
            positions: HashTable::with_capacity(users),
            hasher: std::collections::hash_map::RandomState::new(),
        }
    }

    /// Where `id` is, `id_at` giving the id of each position.
    pub fn find<'a>(&self, id: &str, id_at: impl Fn(usize) -> Option<&'a str>) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        self.positions
            .find(hash, |&at| id_at(at as usize) == Some(id))
            .map(|&at| at as usize)
    }

    /// Notes that `id` (not yet held) is at `at`.
    pub fn insert<'a>(&mut self, id: &str, at: usize, id_at: impl Fn(usize) -> Option<&'a str>) {
        let hash = self.hasher.hash_one(id);
        let hasher = &self.hasher;
        // Positions are below 2^32: the filter's ranking keys hold them in 32 bits too.
        self.positions.insert_unique(hash, at as u32, |&other| {
            hasher.hash_one(id_at(other as usize).unwrap_or(""))
        });
    }

    /// Where `id` is if held; else notes that it is at `at` (one probe of the table for both:
    /// reading a stored directory does this for every user).
    pub fn find_or_insert<'a>(
        &mut self,
        id: &str,
        at: usize,
        id_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        let hasher = &self.hasher;
        match self.positions.entry(
            hash,
            |&other| id_at(other as usize) == Some(id),
            |&other| hasher.hash_one(id_at(other as usize).unwrap_or("")),
        ) {
            hashbrown::hash_table::Entry::Occupied(found) => Some(*found.get() as usize),
            hashbrown::hash_table::Entry::Vacant(vacant) => {
                vacant.insert(at as u32);
                None
            }
        }
    }
}
