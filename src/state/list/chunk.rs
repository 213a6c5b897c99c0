//! Up to [`CHUNK`] users held compactly: their ids, names and e-mails back to back in one
//! string, where each ends, their role and status (kept once per chunk for the users that share
//! them), and what the filter needs of each (its character set and the text nucleo sees).

use crate::model::{StatusMarker, UserRef};
use crate::state::filter::char_set::{CharSet, CharSets};
use crate::state::filter::haystack::{Haystack, matcher_text};

/// Users per chunk: a filter job's snapshot clones one pointer per chunk, and a row changed in
/// a chunk a job still holds copies at most this many users.
pub const CHUNK: usize = 4096;

/// How many of a chunk's (role, status) pairs a new user's is looked for among before it is
/// kept as another (a hostile server's endless reasons cost memory, never a quadratic search).
const EXTRAS_SEARCHED: usize = 64;

/// Where a user's pieces end in the chunk's text (it starts where the one before ends).
/// Offsets are `u32`: a chunk's text stays far below 4 GiB, as the HTTP client caps each page.
#[derive(Debug, Clone, Copy)]
struct Row {
    id_end: u32,
    name_end: u32,
    /// The end of the e-mail (after the name, one space).
    end: u32,
    /// Its (role, status) in `extras`.
    extra: u16,
    /// Its graphemes reduce `name email` to another text for nucleo (kept in `matcher_texts`).
    graphemes_reduced: bool,
}

/// Up to [`CHUNK`] users.
#[derive(Debug, Clone, Default)]
pub struct UserChunk {
    /// Each user's id, name, a space and e-mail, back to back: `name email` is the text the
    /// filter matches.
    text: String,
    rows: Vec<Row>,
    /// Each user's character set (the filter's shortcut).
    chars: Vec<CharSet>,
    /// The distinct (role, status) pairs of the chunk's users.
    extras: Vec<(Option<String>, Vec<StatusMarker>)>,
    /// The text nucleo sees, for the users whose `name email` has a grapheme of several
    /// characters, by position in the chunk (ascending).
    matcher_texts: Vec<(u16, Box<str>)>,
}

/// What the filter needs of a chunk's users (see [`UserChunk::derived`]).
#[derive(Debug, Clone, Default)]
pub struct Derived {
    chars: Vec<CharSet>,
    matcher_texts: Vec<(u16, Box<str>)>,
}

/// A `u32` offset (see [`Row`]).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl UserChunk {
    /// A chunk whose text is expected to grow to about `text_bytes`.
    pub fn with_capacity(text_bytes: usize) -> Self {
        Self {
            text: String::with_capacity(text_bytes),
            rows: Vec::with_capacity(CHUNK),
            chars: Vec::with_capacity(CHUNK),
            ..Self::default()
        }
    }

    /// How many users.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it holds [`CHUNK`] users.
    pub fn is_full(&self) -> bool {
        self.rows.len() >= CHUNK
    }

    /// The bytes of text held.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Gives back the room grown for and not used.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.rows.shrink_to_fit();
        self.chars.shrink_to_fit();
    }

    fn start(&self, at: usize) -> u32 {
        at.checked_sub(1)
            .and_then(|before| self.rows.get(before))
            .map_or(0, |row| row.end)
    }

    fn piece(&self, from: u32, to: u32) -> &str {
        self.text.get(from as usize..to as usize).unwrap_or("")
    }

    /// User `at`.
    pub fn get(&self, at: usize) -> Option<UserRef<'_>> {
        let row = self.rows.get(at)?;
        let start = self.start(at);
        let (role, status) = self
            .extras
            .get(usize::from(row.extra))
            .map_or((None, &[][..]), |(role, status)| {
                (role.as_deref(), status.as_slice())
            });
        Some(UserRef {
            id: self.piece(start, row.id_end),
            name: self.piece(row.id_end, row.name_end),
            email: self.piece(row.name_end.saturating_add(1), row.end),
            role,
            status,
        })
    }

    /// User `at`'s id.
    pub fn id(&self, at: usize) -> Option<&str> {
        let row = self.rows.get(at)?;
        Some(self.piece(self.start(at), row.id_end))
    }

    /// User `at`'s text and character set, for the filter.
    pub fn haystack(&self, at: usize) -> Option<Haystack<'_>> {
        let row = self.rows.get(at)?;
        let chars = *self.chars.get(at)?;
        if row.graphemes_reduced {
            let kept = self.matcher_text_at(at)?;
            return Some(Haystack::new(chars, kept, false));
        }
        Some(Haystack::new(chars, self.piece(row.id_end, row.end), true))
    }

    fn matcher_text_at(&self, at: usize) -> Option<&str> {
        let at = u16::try_from(at).ok()?;
        let found = self
            .matcher_texts
            .binary_search_by_key(&at, |(position, _)| *position)
            .ok()?;
        Some(&self.matcher_texts[found].1)
    }

    /// Adds a user without what the filter needs of it: [`install`](Self::install) follows
    /// before the chunk is read (the store's rows are read on one thread, derived on another).
    pub fn push_raw(&mut self, user: UserRef<'_>) {
        let row = self.append(user);
        self.rows.push(row);
        self.chars.push(CharSet::default());
    }

    /// Writes a user's id, `name email` at the end of the text; its row (where they end).
    fn append(&mut self, user: UserRef<'_>) -> Row {
        self.text.push_str(user.id);
        let id_end = offset(self.text.len());
        self.text.push_str(user.name);
        let name_end = offset(self.text.len());
        self.text.push(' ');
        self.text.push_str(user.email);
        Row {
            id_end,
            name_end,
            end: offset(self.text.len()),
            extra: self.extra_of(user.role, user.status),
            graphemes_reduced: false,
        }
    }

    /// Adds a user, ready to be filtered.
    pub fn push(&mut self, user: UserRef<'_>) {
        self.push_raw(user);
        self.derive_row(self.rows.len() - 1);
    }

    /// What the filter needs of every user (the chunk's rows pushed raw), computed apart from
    /// the chunk so that one thread reads rows while another computes this.
    pub fn derived(&self) -> Derived {
        let mut derived = Derived {
            chars: Vec::with_capacity(self.rows.len()),
            matcher_texts: Vec::new(),
        };
        let mut sets = CharSets::default();
        for (at, row) in self.rows.iter().enumerate() {
            let text = self.piece(row.id_end, row.end);
            let kept = matcher_text(text);
            derived
                .chars
                .push(sets.of_str(kept.as_deref().unwrap_or(text)));
            if let Some(kept) = kept {
                let at = u16::try_from(at).unwrap_or(u16::MAX);
                derived.matcher_texts.push((at, kept.into()));
            }
        }
        derived
    }

    /// Takes what [`derived`](Self::derived) computed of this chunk.
    pub fn install(&mut self, derived: Derived) {
        self.chars = derived.chars;
        self.chars.resize(self.rows.len(), CharSet::default());
        self.matcher_texts = derived.matcher_texts;
        for row in &mut self.rows {
            row.graphemes_reduced = false;
        }
        for (at, _) in &self.matcher_texts {
            if let Some(row) = self.rows.get_mut(usize::from(*at)) {
                row.graphemes_reduced = true;
            }
        }
    }

    fn derive_row(&mut self, at: usize) {
        let Some(row) = self.rows.get(at).copied() else {
            return;
        };
        let kept = matcher_text(self.piece(row.id_end, row.end));
        let chars = CharSet::of_str(kept.as_deref().unwrap_or(self.piece(row.id_end, row.end)));
        let position = u16::try_from(at).unwrap_or(u16::MAX);
        let found = self
            .matcher_texts
            .binary_search_by_key(&position, |(position, _)| *position);
        match (kept, found) {
            (Some(kept), Ok(index)) => self.matcher_texts[index].1 = kept.into(),
            (Some(kept), Err(index)) => self.matcher_texts.insert(index, (position, kept.into())),
            (None, Ok(index)) => {
                self.matcher_texts.remove(index);
            }
            (None, Err(_)) => {}
        }
        self.chars[at] = chars;
        self.rows[at].graphemes_reduced = self.matcher_text_at(at).is_some();
    }

    /// Replaces user `at` (its row changed on the server); the users after it move along.
    pub fn set(&mut self, at: usize, user: UserRef<'_>) {
        let Some(old) = self.rows.get(at).copied() else {
            return;
        };
        let start = self.start(at);
        let mut tail = self.text.split_off((old.end as usize).min(self.text.len()));
        self.text.truncate(start as usize);
        let row = self.append(user);
        // Signed shift of every later user's offsets (wrapping arithmetic is exact here).
        let shift = row.end.wrapping_sub(old.end);
        self.text.push_str(&tail);
        tail.clear();
        for later in &mut self.rows[at + 1..] {
            later.id_end = later.id_end.wrapping_add(shift);
            later.name_end = later.name_end.wrapping_add(shift);
            later.end = later.end.wrapping_add(shift);
        }
        self.rows[at] = row;
        self.derive_row(at);
    }

    /// Where this (role, status) is in `extras`, added if new.
    fn extra_of(&mut self, role: Option<&str>, status: &[StatusMarker]) -> u16 {
        let found =
            self.extras
                .iter()
                .take(EXTRAS_SEARCHED)
                .position(|(kept_role, kept_status)| {
                    kept_role.as_deref() == role && kept_status.as_slice() == status
                });
        let index = found.unwrap_or_else(|| {
            self.extras.push((role.map(str::to_owned), status.to_vec()));
            self.extras.len() - 1
        });
        // A chunk has at most CHUNK users, each adding at most one pair.
        u16::try_from(index).unwrap_or(u16::MAX)
    }
}

#[cfg(test)]
mod tests;
