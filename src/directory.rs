//! A profile's whole directory of users: synced page by page from its provider into the
//! SQLite store (`store.rs`), read back at once the next time the profile opens. The explorer
//! and the CLI (`sync`, `list --all`, `cache`) share this module.

mod private_file;
pub mod store;
mod store_error;

use std::sync::Arc;
use std::time::Duration;

use crate::model::UserPage;
use crate::msg::StoredDirectory;
use crate::provider::{Provider, ProviderError};
pub use store::{Store, StoreError};

/// Users asked of the server per page while syncing.
pub const SYNC_PAGE_SIZE: usize = 100;

/// How old a stored directory may be before opening the profile refreshes it.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(3600);

/// How far before the last sync's start a refresh asks for changes: our clock and the server's
/// may differ by this much without a change being missed.
pub const CHANGES_OVERLAP: Duration = Duration::from_secs(300);

/// One profile's directory: where it is stored (if anywhere) and under which key.
#[derive(Debug, Clone)]
pub struct Directory {
    /// The store; `None` keeps the directory in memory only (`cache = false`, or the store
    /// could not be opened).
    pub store: Option<Arc<Store>>,
    /// What keeps this profile's users apart from every other's (see `key_of`).
    pub key: String,
    /// The profile's name.
    pub profile: String,
    /// Its provider.
    pub provider: String,
    /// The profile's `directory_max_age`.
    pub max_age: Duration,
    /// Something to tell the operator when it opens (the store was corrupt and rebuilt, or
    /// cannot be used).
    pub note: Option<String>,
}

/// How a sync went.
#[derive(Debug, Clone, Default)]
pub struct SyncReport {
    /// Users the server listed.
    pub users: usize,
    /// Users removed from the store as gone from the server.
    pub removed: usize,
    /// Why the store stopped keeping them, if it did (the sync went on in memory).
    pub store_error: Option<String>,
    /// A sync of the same directory begun after this one (another userscope) keeps the
    /// store: this one's users were not kept there.
    pub superseded: bool,
}

/// How long ago a directory was synced, for people: `synced 5 min ago` or `never synced`.
pub fn age_since(synced_at: Option<i64>, now: i64) -> String {
    match synced_at {
        Some(at) => format!(
            "synced {} ago",
            crate::state::directory::age_text(u64::try_from(now - at).unwrap_or(0))
        ),
        None => "never synced completely".to_owned(),
    }
}

/// The Unix time now, in seconds.
pub fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Directory {
    /// A directory kept in memory only (an opened file's, tests').
    pub fn in_memory(profile: &str, provider: &str) -> Self {
        Self {
            store: None,
            key: format!("memory|{profile}"),
            profile: profile.to_owned(),
            provider: provider.to_owned(),
            max_age: DEFAULT_MAX_AGE,
            note: None,
        }
    }

    /// The stored users and how old they are, as of `now` (Unix seconds).
    pub fn load(&self, now: i64) -> Result<StoredDirectory, String> {
        let Some(store) = &self.store else {
            return Ok(self.stored(now, None, None));
        };
        let stored = store.load(&self.key).map_err(|err| err.to_string())?;
        Ok(StoredDirectory {
            users: stored.users,
            ..self.stored(now, stored.synced_at, stored.total)
        })
    }

    /// The stored users made ready for the list as they are read (the explorer's way in:
    /// each user held once, compactly), and how old they are, as of `now` (Unix seconds).
    pub fn load_held(&self, now: i64) -> Result<StoredDirectory, String> {
        /// Room made at once for at most this many users: the total is the server's word.
        const PRESIZED_UP_TO: u64 = 1 << 22;
        let Some(store) = &self.store else {
            return self.load(now);
        };
        let expected = store
            .meta(&self.key)
            .map_err(|err| err.to_string())?
            .total
            .map_or(0, |total| total.min(PRESIZED_UP_TO) as usize);
        let mut meta = store::StoredMeta::default();
        let held = crate::state::HeldUsers::read(expected, |reader| {
            meta = store.read_users(&self.key, |user| reader.add(user))?;
            Ok::<(), StoreError>(())
        })
        .map_err(|err| err.to_string())?;
        Ok(StoredDirectory {
            users: Vec::new(),
            held: Some(held),
            ..self.stored(now, meta.synced_at, meta.total)
        })
    }

    /// A stored directory's age and staleness as of `now`, its users left out.
    fn stored(&self, now: i64, synced_at: Option<i64>, total: Option<u64>) -> StoredDirectory {
        let age_secs = synced_at.map(|at| u64::try_from(now.saturating_sub(at)).unwrap_or(0));
        let stale = age_secs.is_none_or(|age| age >= self.max_age.as_secs());
        StoredDirectory {
            users: Vec::new(),
            held: None,
            age_secs,
            stale,
            total,
            note: self.note.clone(),
        }
    }

    /// Syncs every page of the provider's list into the store, handing each page to `on_page`
    /// as it comes. A failed page ends it with the error (what came is kept); a store that
    /// fails stops keeping pages and the sync goes on in memory (`store_error`). A page is
    /// written while the next one is fetched. Users the server no longer lists are removed
    /// once every page came.
    pub async fn sync(
        &self,
        provider: &dyn Provider,
        on_page: impl FnMut(UserPage),
    ) -> Result<SyncReport, ProviderError> {
        self.run(provider, None, on_page).await
    }

    /// Syncs only the users changed since the last complete sync began (less
    /// [`CHANGES_OVERLAP`]), where the provider can list those: rows updated, new users added,
    /// nobody removed. `Unsupported` when it cannot (or nothing was ever synced): then only a
    /// full [`Directory::sync`] brings the directory up to date.
    pub async fn sync_changes(
        &self,
        provider: &dyn Provider,
        on_page: impl FnMut(UserPage),
    ) -> Result<SyncReport, ProviderError> {
        // The store is read off the async workers, as every read of it is.
        let synced_at = match &self.store {
            Some(store) => {
                let (store, key) = (Arc::clone(store), self.key.clone());
                tokio::task::spawn_blocking(move || store.meta(&key))
                    .await
                    .ok()
                    .and_then(Result::ok)
                    .and_then(|meta| meta.synced_at)
            }
            None => None,
        };
        let since = synced_at
            .map(|at| at.saturating_sub(CHANGES_OVERLAP.as_secs().cast_signed()))
            .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
            .ok_or_else(|| {
                ProviderError::Unsupported("no complete sync to list changes since".to_owned())
            })?;
        self.run(provider, Some(since), on_page).await
    }

    /// A sync: every user, or (`since`) only those changed since then.
    async fn run(
        &self,
        provider: &dyn Provider,
        since: Option<chrono::DateTime<chrono::Utc>>,
        mut on_page: impl FnMut(UserPage),
    ) -> Result<SyncReport, ProviderError> {
        // The directory is up to date as of the sync's start: a user changed while it runs,
        // after their page came, is among the changes the next refresh asks for.
        let started_at = unix_now();
        let mut report = SyncReport::default();
        // The store's sync begins with the first page: a server that cannot list changes
        // (or fails at once) leaves no empty sync behind to outrank one begun elsewhere.
        let mut writer: Option<PageWriter> = None;
        let mut store = self.store.as_ref();
        let mut cursor: Option<String> = None;
        loop {
            let mut page = match since {
                None => {
                    provider
                        .list_users(cursor.as_deref(), SYNC_PAGE_SIZE)
                        .await?
                }
                Some(since) => {
                    let mut page = provider
                        .list_users_changed_since(since, cursor.as_deref(), SYNC_PAGE_SIZE)
                        .await?;
                    // The server's total counts the changes, not the directory.
                    page.total = None;
                    page
                }
            };
            if let Some(store) = store.take() {
                match PageWriter::begin(store, self).await {
                    Ok(begun) => writer = Some(begun),
                    Err(err) => report.store_error = Some(err),
                }
            }
            if let Some(open) = &mut writer
                && let Err(err) = open.write(&page).await
            {
                report.store_error = Some(err);
                writer = None;
            }
            report.users += page.users.len();
            let next = page.next.take();
            on_page(page);
            match next {
                // A server that hands back the cursor it was given would loop for ever.
                Some(next) if cursor.as_ref() != Some(&next) => cursor = Some(next),
                _ => break,
            }
        }
        if let Some(writer) = writer {
            match writer.finish(since.is_some(), started_at).await {
                Ok(store::Finished::Kept { removed }) => report.removed = removed,
                Ok(store::Finished::Superseded) => report.superseded = true,
                Err(err) => report.store_error = Some(err),
            }
        }
        Ok(report)
    }
}

/// Writes a sync's pages to the store off the async threads, one at a time, each while the
/// next page is fetched.
struct PageWriter {
    store: Arc<Store>,
    ticket: store::SyncTicket,
    writing: Option<tokio::task::JoinHandle<Result<(), StoreError>>>,
}

impl PageWriter {
    /// Begins the directory's sync in the store, off the async workers (it may wait on a
    /// lock another userscope holds).
    async fn begin(store: &Arc<Store>, directory: &Directory) -> Result<Self, String> {
        let (store, key, profile, provider) = (
            Arc::clone(store),
            directory.key.clone(),
            directory.profile.clone(),
            directory.provider.clone(),
        );
        let begun = Arc::clone(&store);
        let ticket =
            tokio::task::spawn_blocking(move || begun.begin_sync(&key, &profile, &provider))
                .await
                .map_err(|err| err.to_string())?
                .map_err(|err| err.to_string())?;
        Ok(Self {
            store,
            ticket,
            writing: None,
        })
    }

    /// Waits for the page being written, then starts writing this one.
    async fn write(&mut self, page: &UserPage) -> Result<(), String> {
        self.wait().await?;
        let (store, ticket) = (Arc::clone(&self.store), self.ticket);
        let (users, total) = (page.users.clone(), page.total);
        self.writing = Some(tokio::task::spawn_blocking(move || {
            store.write_page(ticket, &users, total)
        }));
        Ok(())
    }

    async fn wait(&mut self) -> Result<(), String> {
        match self.writing.take() {
            Some(writing) => writing
                .await
                .map_err(|err| err.to_string())?
                .map_err(|err| err.to_string()),
            None => Ok(()),
        }
    }

    /// Ends a complete sync, up to date as of `as_of`: the last page written, and users not
    /// seen removed (a full sync) or none (`changes_only`).
    async fn finish(mut self, changes_only: bool, as_of: i64) -> Result<store::Finished, String> {
        self.wait().await?;
        let (store, ticket) = (self.store, self.ticket);
        tokio::task::spawn_blocking(move || {
            if changes_only {
                store.finish_changes(ticket, as_of)
            } else {
                store.finish_sync(ticket, as_of)
            }
        })
        .await
        .map_err(|err| err.to_string())?
        .map_err(|err| err.to_string())
    }
}

/// The key a profile's users are stored under: its name, provider and where it points, so a
/// profile moved to another server or account never shows the old one's users. For the
/// built-in sandbox profiles the sandbox's seed and size stand in for the base URL, whose
/// port changes every run.
pub fn key_of(profile: &crate::config::Profile, sandbox: Option<(u64, u64)>) -> String {
    let config = &profile.config;
    match sandbox {
        Some((seed, users)) if profile.is_sandbox => {
            format!("sandbox|{}|seed={seed}|users={users}", profile.name)
        }
        _ => [
            Some(profile.name.as_str()),
            Some(profile.provider()),
            config.base_url.as_deref(),
            config.region.as_deref(),
            config.company.as_deref(),
            config.company_id.as_deref(),
            config.scim_base_url.as_deref(),
            config.path_variant.as_deref(),
            config.list_endpoint.as_deref(),
        ]
        .iter()
        .map(|part| part.unwrap_or("-"))
        .collect::<Vec<_>>()
        .join("|"),
    }
}

/// Reads a `directory_max_age`: seconds, or a number with `s`, `m`, `h` or `d`.
pub fn parse_max_age(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = text
        .find(|c: char| !c.is_ascii_digit())
        .map_or((text, ""), |at| text.split_at(at));
    let value: u64 = number.parse().map_err(|_| {
        format!("directory_max_age {text:?}: write a number and a unit (30m, 1h, 2d)")
    })?;
    let seconds = match unit.trim() {
        "" | "s" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        "d" => 86_400,
        other => {
            return Err(format!(
                "directory_max_age {text:?}: unknown unit {other:?} (s, m, h or d)"
            ));
        }
    };
    Ok(Duration::from_secs(value.saturating_mul(seconds)))
}

#[cfg(test)]
mod tests;
