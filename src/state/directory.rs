//! Where the list's users come from: the stored directory, opened at once, and the sync that
//! brings every page of the provider's list into it in the background.

use super::RequestId;

/// How the last sync ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEnd {
    /// Every page came: the list is the whole directory.
    Complete,
    /// Every user changed since the last sync came (a refresh): nobody was removed.
    ChangesComplete,
    /// The operator stopped it (`Esc`); what came is kept.
    Stopped,
    /// A page failed; what came before is kept.
    Failed(String),
}

/// The directory behind the list: what was read from the store and what the sync is doing.
#[derive(Debug, Clone, Default)]
pub struct DirectoryState {
    /// The store being read, before the first frame's users are known.
    pub opening: Option<RequestId>,
    /// The sync in flight.
    pub syncing: Option<RequestId>,
    /// Whether it asks only for the users changed since the last sync (a refresh).
    pub changes_only: bool,
    /// Users the refresh in flight has brought.
    pub changed: u64,
    /// The users the sync in flight has brought: users held and not among them are gone from
    /// the server once it completes.
    pub seen: SeenUsers,
    /// The users gone from the server being dropped off the loop after a full sync, and the
    /// list's [`edits`](super::UserListState::edits) then: an answer to a list edited since
    /// is dropped (the next full sync removes them).
    pub pruning: Option<(RequestId, u64)>,
    /// How old the stored directory was when opened, in seconds (`None`: nothing stored).
    pub stored_age_secs: Option<u64>,
    /// How the last sync ended, if one did.
    pub last: Option<SyncEnd>,
    /// Whether the store is kept (`cache = false`, or it could not be opened: memory only).
    pub store_note: Option<String>,
}

/// Which users held (by position) a full sync has brought. Positions, not ids: users leave
/// the list only after a full sync completes, so while one runs a position names one user, and
/// a million ids need not be copied (a byte each, not a string; nor freed on the loop when it
/// ends).
#[derive(Debug, Clone, Default)]
pub struct SeenUsers {
    marks: Vec<bool>,
}

impl SeenUsers {
    /// The user held at `at` came.
    pub fn note(&mut self, at: usize) {
        if at >= self.marks.len() {
            self.marks.resize(at + 1, false);
        }
        if let Some(mark) = self.marks.get_mut(at) {
            *mark = true;
        }
    }

    /// Whether the user held at `at` came.
    pub fn has(&self, at: usize) -> bool {
        self.marks.get(at).copied().unwrap_or(false)
    }

    /// Forgets every user (a new sync, or one stopped).
    pub fn clear(&mut self) {
        self.marks.clear();
    }
}

impl DirectoryState {
    /// Whether users are still coming (the store being read or a sync running).
    pub fn busy(&self) -> bool {
        self.opening.is_some() || self.syncing.is_some()
    }

    /// What the list title says of the directory after its count (`syncing`, `synced`...).
    pub fn word(&self) -> String {
        if self.syncing.is_some() {
            let what = if self.changes_only {
                "syncing changes"
            } else {
                "syncing"
            };
            return what.to_owned();
        }
        if self.opening.is_some() {
            return "opening".to_owned();
        }
        match &self.last {
            Some(SyncEnd::Complete) => "synced".to_owned(),
            Some(SyncEnd::ChangesComplete) => "changes synced".to_owned(),
            Some(SyncEnd::Stopped) => "sync stopped".to_owned(),
            Some(SyncEnd::Failed(_)) => "sync failed".to_owned(),
            None => match self.stored_age_secs {
                Some(age) => format!("stored {} ago", age_text(age)),
                None => String::new(),
            },
        }
    }
}

/// An age for people: `12 s`, `5 min`, `3 h`, `2 d`.
pub fn age_text(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs / 60),
        3600..86_400 => format!("{} h", secs / 3600),
        _ => format!("{} d", secs / 86_400),
    }
}

#[cfg(test)]
mod tests;
