//! A refresh that brought only the users changed since the last sync: its rows are a
//! generation like a full sync's, but it removes nobody, so the older generations stay and
//! `Store::load` reads each changed user in its older row's place and a new one at the end.
//! The next complete full sync drops them all but its own.

use rusqlite::{OptionalExtension, params};

use super::store::{Store, StoreError, SyncTicket};

impl Store {
    /// When the directory under `key` was last brought up to date (Unix seconds): the start of
    /// its last complete sync, full or of changes; `None` if none completed.
    pub fn synced_at(&self, key: &str) -> Result<Option<i64>, StoreError> {
        self.with(|connection| {
            connection
                .query_row(
                    "SELECT synced_at FROM directories WHERE key = ?1",
                    [key],
                    |row| row.get(0),
                )
                .optional()
                .map(Option::flatten)
        })
    }

    /// Ends a sync of changes: every row it wrote stays beside the older ones, nobody is
    /// removed, and the directory is up to date as of `as_of` (Unix seconds).
    pub fn finish_changes(&self, ticket: SyncTicket, as_of: i64) -> Result<(), StoreError> {
        self.with(|connection| {
            connection.execute(
                "UPDATE directories SET synced_at = ?2,
                     total = (SELECT count(DISTINCT id) FROM users WHERE directory = ?1)
                 WHERE number = ?1",
                params![ticket.directory, as_of],
            )?;
            Ok(())
        })
    }
}
