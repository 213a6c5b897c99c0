//! A refresh that brought only the users changed since the last sync: its pages are written as
//! a generation like a full sync's, then folded in when it ends (a changed user's row updated
//! in place, a new one kept at the end); it removes nobody. The next complete full sync drops
//! every older generation.

use rusqlite::params;

use super::{Finished, Store, StoreError, SyncTicket, mark_synced, superseded_or_complete};

impl Store {
    /// Ends a sync of changes: each changed user's row is updated in its place among the
    /// directory's complete users, the new ones join them at the end, nobody is removed, and the
    /// directory is up to date as of `as_of` (Unix seconds). Folding the rows in keeps one row
    /// per user, so the next open reads the store straight into the list (repeated ids would
    /// send it down the slow path). The rows of a sync still running are left alone: it may
    /// yet complete and replace them. A sync begun after it that completed first has the last
    /// word (see `finish_sync`).
    pub fn finish_changes(&self, ticket: SyncTicket, as_of: i64) -> Result<Finished, StoreError> {
        self.with(|connection| {
            let transaction = connection.transaction()?;
            let complete = match superseded_or_complete(&transaction, ticket)? {
                Ok(complete) => complete,
                Err(superseded) => {
                    transaction.commit()?;
                    return Ok(superseded);
                }
            };
            let (directory, changes) = (ticket.directory, ticket.generation);
            transaction.execute(
                "UPDATE users AS old
                 SET name = new.name, email = new.email, role = new.role, status = new.status
                 FROM (SELECT id, name, email, role, status FROM users
                       WHERE directory = ?1 AND generation = ?2) AS new
                 WHERE old.directory = ?1 AND old.generation = ?3 AND old.id = new.id",
                params![directory, changes, complete],
            )?;
            transaction.execute(
                "DELETE FROM users WHERE directory = ?1 AND generation = ?2
                 AND id IN (SELECT id FROM users WHERE directory = ?1 AND generation = ?3)",
                params![directory, changes, complete],
            )?;
            // The new users: appended, so after every complete one in load order.
            transaction.execute(
                "UPDATE users SET generation = ?3 WHERE directory = ?1 AND generation = ?2",
                params![directory, changes, complete],
            )?;
            mark_synced(&transaction, directory, complete, as_of)?;
            transaction.commit()?;
            Ok(Finished::Kept { removed: 0 })
        })
    }
}
