//! The users the list holds, compactly (`chunk.rs`: one string of text per few thousand users,
//! not five strings a user), each id found through a hash table of positions (`id_index.rs`).
//! A stored directory is read into them as its rows stream from the store: each full chunk is
//! made ready for the filter and its ids indexed on other threads while the next is read.

use std::sync::{Arc, Mutex, mpsc};

use super::chunk::{CHUNK, Derived, UserChunk};
use super::id_index::IdIndex;
use crate::model::{UserRef, UserSummary};
use crate::state::filter::haystack::Haystack;

/// The users held, in the order they came, each id once.
#[derive(Debug, Clone, Default)]
pub struct HeldUsers {
    chunks: Vec<Arc<UserChunk>>,
    len: usize,
    ids: IdIndex,
}

/// The id of user `at` among `chunks`.
fn id_at(chunks: &[Arc<UserChunk>], at: usize) -> Option<&str> {
    chunks.get(at / CHUNK)?.id(at % CHUNK)
}

impl HeldUsers {
    /// Holds `users`; an id seen again updates the first one's row in place (as a page merged
    /// later would).
    #[cfg(test)]
    pub fn build(users: &[UserSummary]) -> Self {
        let count = users.len();
        Self::read(count, |reader| {
            for user in users {
                reader.add(UserRef::from(user));
            }
            Ok::<(), ()>(())
        })
        .unwrap_or_default()
    }

    /// Holds the users `read` hands its reader (about `expected` of them): each full chunk is
    /// made ready for the filter on the other cores, and its ids indexed on a thread of their
    /// own, while `read` goes on.
    pub fn read<E>(
        expected: usize,
        read: impl FnOnce(&mut HeldUsersReader) -> Result<(), E>,
    ) -> Result<Self, E> {
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .saturating_sub(1)
            .max(1);
        let (derive, to_derive) = mpsc::channel::<(usize, Arc<UserChunk>)>();
        let to_derive = Mutex::new(to_derive);
        let (index, to_index) = mpsc::channel::<Arc<UserChunk>>();
        std::thread::scope(|scope| {
            let derivers: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done: Vec<(usize, Derived)> = Vec::new();
                        loop {
                            let next = to_derive
                                .lock()
                                .unwrap_or_else(std::sync::PoisonError::into_inner)
                                .recv();
                            let Ok((number, chunk)) = next else {
                                return done;
                            };
                            done.push((number, chunk.derived()));
                        }
                    })
                })
                .collect();
            let indexer = scope.spawn(move || {
                let mut ids = IdIndex::with_capacity(expected);
                let mut chunks: Vec<Arc<UserChunk>> = Vec::new();
                let mut repeated = false;
                for chunk in to_index {
                    chunks.push(chunk);
                    repeated |= index_chunk(&mut ids, &chunks, chunks.len() - 1);
                }
                (ids, repeated)
            });
            let mut reader = HeldUsersReader {
                held: Self {
                    chunks: Vec::with_capacity(expected.div_ceil(CHUNK)),
                    ..Self::default()
                },
                current: UserChunk::with_capacity(0),
                derive,
                index,
            };
            let read = read(&mut reader);
            let HeldUsersReader {
                mut held,
                mut current,
                derive,
                index,
            } = reader;
            drop((derive, index));
            let indexed = indexer.join();
            for deriver in derivers {
                // A deriver that died leaves its chunks' sets empty: those users would never
                // match, so the whole is derived again here.
                let Ok(done) = deriver.join() else {
                    for chunk in &mut held.chunks {
                        let chunk = Arc::make_mut(chunk);
                        chunk.install(chunk.derived());
                    }
                    continue;
                };
                for (number, derived) in done {
                    if let Some(chunk) = held.chunks.get_mut(number) {
                        Arc::make_mut(chunk).install(derived);
                    }
                }
            }
            let (mut indexed_to, mut repeated) = (held.chunks.len(), false);
            match indexed {
                Ok((ids, repeated_there)) => (held.ids, repeated) = (ids, repeated_there),
                Err(_) => indexed_to = 0,
            }
            if current.len() > 0 {
                current.install(current.derived());
                current.shrink_to_fit();
                held.chunks.push(Arc::new(current));
            }
            for number in indexed_to..held.chunks.len() {
                repeated |= index_chunk(&mut held.ids, &held.chunks, number);
            }
            read.map(|()| {
                if repeated {
                    held.without_repeats()
                } else {
                    held
                }
            })
        })
    }

    /// The same users with each id once: a repeated id's later row updates the first in place
    /// (as a page merged later would). Rare: a store holding an incomplete sync beside a
    /// complete one, a server listing a user twice.
    fn without_repeats(&self) -> Self {
        let mut held = Self::default();
        for user in self.iter() {
            match held.index_of_id(user.id) {
                Some(at) => held.set_user(at, user),
                None => {
                    held.push_user(user);
                }
            }
        }
        held
    }

    /// The users held now, shared with the list (`Arc`), for a job off the loop.
    pub fn snapshot(&self) -> HeldSnapshot {
        HeldSnapshot {
            chunks: self.chunks.clone(),
            len: self.len,
        }
    }

    /// How many users.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// User `at`.
    pub fn get(&self, at: usize) -> Option<UserRef<'_>> {
        self.chunks.get(at / CHUNK)?.get(at % CHUNK)
    }

    /// Every user, in order.
    pub fn iter(&self) -> impl Iterator<Item = UserRef<'_>> {
        self.chunks
            .iter()
            .flat_map(|chunk| (0..chunk.len()).filter_map(|at| chunk.get(at)))
    }

    /// Where the user with this id is.
    pub fn index_of_id(&self, id: &str) -> Option<usize> {
        let chunks = &self.chunks;
        self.ids.find(id, |at| id_at(chunks, at))
    }

    /// Adds a user whose id is not held; returns where it is.
    pub fn push(&mut self, user: &UserSummary) -> usize {
        self.push_user(UserRef::from(user))
    }

    fn push_user(&mut self, user: UserRef<'_>) -> usize {
        if self.chunks.last().is_none_or(|chunk| chunk.is_full()) {
            self.chunks.push(Arc::new(UserChunk::default()));
        }
        let at = self.len;
        if let Some(last) = self.chunks.last_mut() {
            Arc::make_mut(last).push(user);
            self.len += 1;
        }
        let chunks = &self.chunks;
        self.ids.insert(user.id, at, |other| id_at(chunks, other));
        at
    }

    /// Replaces user `at`'s row (changed on the server; the id stays).
    pub fn set(&mut self, at: usize, user: &UserSummary) {
        self.set_user(at, UserRef::from(user));
    }

    fn set_user(&mut self, at: usize, user: UserRef<'_>) {
        if let Some(chunk) = self.chunks.get_mut(at / CHUNK) {
            Arc::make_mut(chunk).set(at % CHUNK, user);
        }
    }
}

/// The users held at one moment, shared with the list (`Arc`): what a job off the loop reads,
/// a filter's texts among them.
#[derive(Debug, Clone, Default)]
pub struct HeldSnapshot {
    chunks: Vec<Arc<UserChunk>>,
    len: usize,
}

impl HeldSnapshot {
    /// How many users.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// User `index`'s text as the filter matches it (`name email`) and its character set.
    pub fn haystack(&self, index: usize) -> Option<Haystack<'_>> {
        self.chunks.get(index / CHUNK)?.haystack(index % CHUNK)
    }

    /// The users at the positions `keep` says, in the same order, held anew (as a stored
    /// directory is read: [`HeldUsers::read`]).
    #[must_use]
    pub fn keeping(&self, keep: impl Fn(usize) -> bool) -> HeldUsers {
        let kept = (0..self.len).filter(|at| keep(*at)).count();
        let users = self
            .chunks
            .iter()
            .flat_map(|chunk| (0..chunk.len()).filter_map(|at| chunk.get(at)));
        HeldUsers::read(kept, |reader| {
            for (at, user) in users.enumerate() {
                if keep(at) {
                    reader.add(user);
                }
            }
            Ok::<(), ()>(())
        })
        .unwrap_or_default()
    }
}

/// Indexes the ids of chunk `number` of `chunks`; whether one of them was there already.
fn index_chunk(ids: &mut IdIndex, chunks: &[Arc<UserChunk>], number: usize) -> bool {
    let Some(chunk) = chunks.get(number) else {
        return false;
    };
    let mut repeated = false;
    for at in 0..chunk.len() {
        if let Some(id) = chunk.id(at) {
            let position = number * CHUNK + at;
            repeated |= ids
                .find_or_insert(id, position, |other| id_at(chunks, other))
                .is_some();
        }
    }
    repeated
}

/// What a store's rows are handed to as they are read (see [`HeldUsers::read`]).
pub struct HeldUsersReader {
    held: HeldUsers,
    /// The chunk being filled.
    current: UserChunk,
    derive: mpsc::Sender<(usize, Arc<UserChunk>)>,
    index: mpsc::Sender<Arc<UserChunk>>,
}

impl HeldUsersReader {
    /// The next row.
    pub fn add(&mut self, user: UserRef<'_>) {
        self.current.push_raw(user);
        self.held.len += 1;
        if !self.current.is_full() {
            return;
        }
        // The next chunk will be about as long as this one.
        let next = UserChunk::with_capacity(self.current.text_len() + self.current.text_len() / 8);
        let mut full = std::mem::replace(&mut self.current, next);
        full.shrink_to_fit();
        let full = Arc::new(full);
        let number = self.held.chunks.len();
        self.held.chunks.push(Arc::clone(&full));
        // A thread that is gone leaves its work to the end of `read`.
        let _ = self.index.send(Arc::clone(&full));
        let _ = self.derive.send((number, full));
    }
}

#[cfg(test)]
mod tests;
