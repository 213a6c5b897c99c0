//! The users the list holds, compactly (`chunk.rs`: one string of text per few thousand users,
//! not five strings a user), each id found through a hash table of positions (`id_index.rs`).
//! A stored directory is read into them as its rows stream from the store, each full chunk
//! made ready for the filter on another thread while the next is read.

use std::sync::{Arc, Mutex, mpsc};

use super::chunk::{CHUNK, Derived, UserChunk};
use super::id_index::IdIndex;
use crate::model::{UserRef, UserSummary};
use crate::state::filter::Haystacks;

/// The users held, in the order they came, each id once.
#[derive(Debug, Clone, Default)]
pub struct HeldUsers {
    chunks: Vec<Arc<UserChunk>>,
    len: usize,
    ids: IdIndex,
}

/// The id of user `at` among `chunks` and then `last` (a chunk not yet among them).
fn id_at<'a>(
    chunks: &'a [Arc<UserChunk>],
    last: Option<&'a UserChunk>,
    at: usize,
) -> Option<&'a str> {
    match chunks.get(at / CHUNK) {
        Some(chunk) => chunk.id(at % CHUNK),
        None if at / CHUNK == chunks.len() => last?.id(at % CHUNK),
        None => None,
    }
}

impl HeldUsers {
    /// Holds `users`; an id seen again updates the first one's row in place (as a page merged
    /// later would).
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

    /// Holds the users `read` hands its reader (about `expected` of them), each full chunk made
    /// ready for the filter on the other cores while `read` goes on.
    pub fn read<E>(
        expected: usize,
        read: impl FnOnce(&mut HeldUsersReader) -> Result<(), E>,
    ) -> Result<Self, E> {
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .saturating_sub(1)
            .max(1);
        let (sender, receiver) = mpsc::channel::<(usize, Arc<UserChunk>)>();
        let receiver = Mutex::new(receiver);
        std::thread::scope(|scope| {
            let derivers: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done: Vec<(usize, Derived)> = Vec::new();
                        loop {
                            let next = receiver
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
            let mut reader = HeldUsersReader {
                held: Self {
                    chunks: Vec::with_capacity(expected.div_ceil(CHUNK)),
                    len: 0,
                    ids: IdIndex::with_capacity(expected),
                },
                current: UserChunk::with_capacity(0),
                repeated: Vec::new(),
                derive: sender,
            };
            let read = read(&mut reader);
            let HeldUsersReader {
                mut held,
                mut current,
                repeated,
                derive,
            } = reader;
            drop(derive);
            current.install(current.derived());
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
            if current.len() > 0 {
                current.shrink_to_fit();
                held.chunks.push(Arc::new(current));
            }
            for (at, user) in &repeated {
                held.set(*at, user);
            }
            read.map(|()| held)
        })
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
        self.ids.find(id, |at| id_at(chunks, None, at))
    }

    /// Adds a user whose id is not held; returns where it is.
    pub fn push(&mut self, user: &UserSummary) -> usize {
        if self.chunks.last().is_none_or(|chunk| chunk.is_full()) {
            self.chunks.push(Arc::new(UserChunk::default()));
        }
        let at = self.len;
        if let Some(last) = self.chunks.last_mut() {
            Arc::make_mut(last).push(user);
            self.len += 1;
        }
        let chunks = &self.chunks;
        self.ids
            .insert(&user.id, at, |other| id_at(chunks, None, other));
        at
    }

    /// Replaces user `at`'s row (changed on the server; the id stays).
    pub fn set(&mut self, at: usize, user: &UserSummary) {
        if let Some(chunk) = self.chunks.get_mut(at / CHUNK) {
            Arc::make_mut(chunk).set(at % CHUNK, user);
        }
    }

    /// The users' texts for a filter job: a snapshot that shares the chunks.
    pub fn haystacks(&self) -> Haystacks {
        Haystacks::of_chunks(self.chunks.clone(), self.len)
    }
}

/// What a store's rows are handed to as they are read (see [`HeldUsers::read`]).
pub struct HeldUsersReader {
    held: HeldUsers,
    /// The chunk being filled.
    current: UserChunk,
    /// Rows whose id came before: applied in place once every chunk is ready.
    repeated: Vec<(usize, UserSummary)>,
    derive: mpsc::Sender<(usize, Arc<UserChunk>)>,
}

impl HeldUsersReader {
    /// The next row.
    pub fn add(&mut self, user: UserRef<'_>) {
        let UserRef {
            id,
            name,
            email,
            role,
            status,
        } = user;
        let held = &mut self.held;
        let (chunks, current) = (&held.chunks, &self.current);
        let at = held.len;
        if let Some(first) = held
            .ids
            .find_or_insert(id, at, |other| id_at(chunks, Some(current), other))
        {
            self.repeated.push((first, user.to_summary()));
            return;
        }
        self.current.push_raw(id, name, email, role, status);
        held.len += 1;
        if self.current.is_full() {
            // The next chunk will be about as long as this one.
            let next =
                UserChunk::with_capacity(self.current.text_len() + self.current.text_len() / 8);
            let mut full = std::mem::replace(&mut self.current, next);
            full.shrink_to_fit();
            let full = Arc::new(full);
            let number = held.chunks.len();
            held.chunks.push(Arc::clone(&full));
            if let Err(mpsc::SendError((number, chunk))) = self.derive.send((number, full)) {
                // No deriver left: derive it here.
                drop(chunk);
                if let Some(chunk) = held.chunks.get_mut(number) {
                    let chunk = Arc::make_mut(chunk);
                    chunk.install(chunk.derived());
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "held_tests.rs"]
mod tests;
