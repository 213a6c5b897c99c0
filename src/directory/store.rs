//! The directory store: one SQLite file under the cache dir (0600 in a 0700 folder) holding
//! each profile's user summaries, never a token, a header or a record body.
//!
//! Two userscope processes may share it (an explorer and a `sync` from cron): WAL mode lets
//! one read while the other writes, and a busy timeout waits out the other's writes.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, params};

use self::schema::SCHEMA_VERSION;
use super::private_file::{create_private_file, make_private_folder};
pub use super::store_error::StoreError;
use crate::model::{StatusMarker, UserSummary};

/// How long a write waits for another process's write to end.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What a sync writes its pages with: the directory's number and the sync's generation
/// (users a complete sync did not write are gone from the server).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncTicket {
    directory: i64,
    generation: i64,
}

/// What became of a sync that ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// The store holds it; `removed` users were gone from the server.
    Kept { removed: usize },
    /// A sync of the same directory begun after it completed first and keeps the store: its
    /// rows were dropped.
    Superseded,
}

/// Whether a sync of `ticket`'s directory that began after it has completed; if so its rows
/// are dropped (the caller commits): that sync saw the server later. Otherwise the generation
/// of the directory's complete users (see `schema.rs`).
fn superseded_or_complete(
    transaction: &rusqlite::Transaction<'_>,
    ticket: SyncTicket,
) -> rusqlite::Result<Result<i64, Finished>> {
    let complete: i64 = transaction.query_row(
        "SELECT synced_generation FROM directories WHERE number = ?1",
        [ticket.directory],
        |row| row.get(0),
    )?;
    if complete <= ticket.generation {
        return Ok(Ok(complete));
    }
    transaction.execute(
        "DELETE FROM users WHERE directory = ?1 AND generation = ?2",
        params![ticket.directory, ticket.generation],
    )?;
    Ok(Err(Finished::Superseded))
}

/// A directory as stored.
#[derive(Debug, Clone, Default)]
pub struct StoredUsers {
    /// Users in the order they were synced.
    pub users: Vec<UserSummary>,
    /// When its last complete sync began (Unix seconds): it is up to date as of then.
    pub synced_at: Option<i64>,
    /// The total the server last reported.
    pub total: Option<u64>,
}

/// One stored directory, for `cache info`.
#[derive(Debug, Clone)]
pub struct DirectoryInfo {
    /// The profile it belongs to.
    pub profile: String,
    /// Its provider.
    pub provider: String,
    /// Users held.
    pub users: u64,
    /// When its last complete sync began (Unix seconds): it is up to date as of then.
    pub synced_at: Option<i64>,
}

/// The open store.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    connection: Mutex<Connection>,
}

impl Store {
    /// Opens (or creates) the store at `path`. A file that is not a database is moved aside
    /// (`<name>.corrupt`) and a new one made; the returned note says so.
    pub fn open(path: &Path) -> Result<(Self, Option<String>), StoreError> {
        make_private_folder(path)?;
        match Self::open_as_is(path) {
            Ok(store) => Ok((store, None)),
            Err(StoreError::Sqlite { detail, .. }) if is_corrupt(&detail) => {
                let aside = path.with_extension("sqlite3.corrupt");
                for suffix in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
                std::fs::rename(path, &aside).map_err(|err| StoreError::Io {
                    path: path.to_path_buf(),
                    detail: format!("corrupt ({detail}) and cannot be moved aside: {err}"),
                })?;
                let store = Self::open_as_is(path)?;
                let note = format!(
                    "the directory store was corrupt ({detail}): moved to {} and rebuilt",
                    aside.display()
                );
                Ok((store, Some(note)))
            }
            Err(other) => Err(other),
        }
    }

    fn open_as_is(path: &Path) -> Result<Self, StoreError> {
        create_private_file(path)?;
        let sqlite = |err: rusqlite::Error| StoreError::Sqlite {
            path: path.to_path_buf(),
            detail: err.to_string(),
        };
        let mut connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        let version: i64 = connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(sqlite)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: path.to_path_buf(),
                found: version,
            });
        }
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        connection
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        schema::prepare(&mut connection, version).map_err(sqlite)?;
        Ok(Self {
            path: path.to_path_buf(),
            connection: Mutex::new(connection),
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, err: &rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            detail: err.to_string(),
        }
    }

    fn with<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let mut connection = self
            .connection
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        work(&mut connection).map_err(|err| self.error(&err))
    }

    /// Starts a sync of `key`: what its pages are written with.
    pub fn begin_sync(
        &self,
        key: &str,
        profile: &str,
        provider: &str,
    ) -> Result<SyncTicket, StoreError> {
        self.with(|connection| {
            connection.execute(
                "INSERT INTO directories (key, profile, provider) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET profile = ?2, provider = ?3",
                params![key, profile, provider],
            )?;
            connection.query_row(
                "UPDATE directories SET generation = generation + 1 WHERE key = ?1
                 RETURNING number, generation",
                [key],
                |row| {
                    Ok(SyncTicket {
                        directory: row.get(0)?,
                        generation: row.get(1)?,
                    })
                },
            )
        })
    }

    /// Writes a page of a sync (appended after its earlier pages), and the total the server
    /// reports.
    pub fn write_page(
        &self,
        ticket: SyncTicket,
        users: &[UserSummary],
        total: Option<u64>,
    ) -> Result<(), StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction()?;
            {
                let mut insert = transaction.prepare_cached(
                    "INSERT INTO users (directory, generation, id, name, email, role, status)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?;
                for user in users {
                    insert.execute(params![
                        ticket.directory,
                        ticket.generation,
                        user.id,
                        user.name,
                        user.email,
                        user.role,
                        encode_status(&user.status),
                    ])?;
                }
                if let Some(total) = total.and_then(|total| i64::try_from(total).ok()) {
                    transaction.execute(
                        "UPDATE directories SET total = ?2 WHERE number = ?1",
                        params![ticket.directory, total],
                    )?;
                }
            }
            transaction.commit()
        })
    }

    /// Ends a complete sync: its users become the directory's complete ones and the older
    /// generations go (users it did not see are gone from the server); the directory is up to
    /// date as of `as_of` (Unix seconds: the sync's start). A sync begun later and still
    /// running keeps its rows (it completes over this one). One begun later that completed
    /// first has the last word: this one's rows go instead (two syncs each clearing the
    /// other's rows would leave neither whole).
    pub fn finish_sync(&self, ticket: SyncTicket, as_of: i64) -> Result<Finished, StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction()?;
            if let Err(superseded) = superseded_or_complete(&transaction, ticket)? {
                transaction.commit()?;
                return Ok(superseded);
            }
            // EXCEPT sorts both sides once: a correlated NOT EXISTS, with no index on the id,
            // compared every old user with every new one (minutes for 100,000).
            let removed: usize = transaction.query_row(
                "SELECT count(*) FROM (
                     SELECT id FROM users WHERE directory = ?1 AND generation < ?2
                     EXCEPT
                     SELECT id FROM users WHERE directory = ?1 AND generation = ?2)",
                params![ticket.directory, ticket.generation],
                |row| row.get(0),
            )?;
            transaction.execute(
                "DELETE FROM users WHERE directory = ?1 AND generation < ?2",
                params![ticket.directory, ticket.generation],
            )?;
            mark_synced(&transaction, ticket.directory, ticket.generation, as_of)?;
            transaction.commit()?;
            Ok(Finished::Kept { removed })
        })
    }

    /// Forgets the directories of one profile, or all; returns how many users went.
    pub fn clear(&self, profile: Option<&str>) -> Result<usize, StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction()?;
            let removed = if let Some(profile) = profile {
                let removed = transaction.execute(
                    "DELETE FROM users WHERE directory IN
                         (SELECT number FROM directories WHERE profile = ?1)",
                    [profile],
                )?;
                transaction.execute("DELETE FROM directories WHERE profile = ?1", [profile])?;
                removed
            } else {
                let removed = transaction.execute("DELETE FROM users", [])?;
                transaction.execute("DELETE FROM directories", [])?;
                removed
            };
            transaction.commit()?;
            // Give the freed pages back to the file system.
            connection.execute_batch("VACUUM")?;
            Ok(removed)
        })
    }

    /// Every stored directory.
    pub fn info(&self) -> Result<Vec<DirectoryInfo>, StoreError> {
        self.with(|connection| {
            let mut statement = connection.prepare(
                "SELECT d.profile, d.provider, d.synced_at,
                        (SELECT count(DISTINCT id) FROM users u WHERE u.directory = d.number)
                 FROM directories d ORDER BY d.profile, d.key",
            )?;
            statement
                .query_map([], |row| {
                    Ok(DirectoryInfo {
                        profile: row.get(0)?,
                        provider: row.get(1)?,
                        synced_at: row.get(2)?,
                        users: row.get::<_, i64>(3)?.try_into().unwrap_or(0),
                    })
                })?
                .collect()
        })
    }
}

/// Ends a complete sync's transaction: `generation` holds the directory's complete users, up
/// to date as of `as_of`, and its total is theirs.
fn mark_synced(
    transaction: &rusqlite::Transaction<'_>,
    directory: i64,
    generation: i64,
    as_of: i64,
) -> rusqlite::Result<()> {
    transaction.execute(
        "UPDATE directories SET synced_at = ?2, synced_generation = ?3,
             total = (SELECT count(*) FROM users WHERE directory = ?1 AND generation = ?3)
         WHERE number = ?1",
        params![directory, as_of, generation],
    )?;
    Ok(())
}

/// Whether SQLite's message means the file is not a usable database.
fn is_corrupt(detail: &str) -> bool {
    detail.contains("not a database") || detail.contains("malformed")
}

fn encode_status(status: &[StatusMarker]) -> String {
    let labels: Vec<String> = status.iter().map(StatusMarker::label).collect();
    serde_json::to_string(&labels).unwrap_or_default()
}

mod changes;
mod read;
mod schema;
pub use read::StoredMeta;

#[cfg(test)]
mod tests;
