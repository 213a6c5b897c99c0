//! The store's tables, and bringing a file written by an older build up to them.
//!
//! A directory's complete users are the rows of its `synced_generation`: the last sync that
//! completed wrote them, and refreshes of changes are folded into them. Rows of any other
//! generation belong to a sync still running, or one stopped or failed (read as updates
//! over the complete ones until a sync completes).

use rusqlite::Connection;

/// The schema this build writes; a store from a newer build is left alone.
pub(super) const SCHEMA_VERSION: i64 = 2;

// Users are only ever appended: a sync writes every user afresh under its generation and a
// complete one deletes the older generations. Appends touch only the table's last pages, where
// updating users in place scatters a page's writes over the whole file (measured: 29 µs a user
// against 10).
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS directories (
    number INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    profile TEXT NOT NULL,
    provider TEXT NOT NULL,
    synced_at INTEGER,
    total INTEGER,
    generation INTEGER NOT NULL DEFAULT 0,
    synced_generation INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS users (
    directory INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT,
    status TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS users_of_directory ON users (directory, generation);
";

/// Version 1 had no `synced_generation`: a complete sync deleted every other generation, so
/// the oldest left is the complete one (later ones are refreshes or unfinished syncs).
const FROM_VERSION_1: &str = "
ALTER TABLE directories ADD COLUMN synced_generation INTEGER NOT NULL DEFAULT 0;
UPDATE directories SET synced_generation = coalesce(
    (SELECT min(generation) FROM users WHERE users.directory = directories.number), 0)
    WHERE synced_at IS NOT NULL;
";

/// Makes the tables, or brings version 1's up to date, in one transaction (two processes
/// opening an old file at once: the second finds it done). `version` is the file's as read
/// when it was opened: a file already up to date is left alone, with no write lock taken.
pub(super) fn prepare(connection: &mut Connection, version: i64) -> rusqlite::Result<()> {
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let transaction =
        connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let version: i64 = transaction.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version == 1 {
        transaction.execute_batch(FROM_VERSION_1)?;
    }
    transaction.execute_batch(SCHEMA)?;
    transaction.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    transaction.commit()
}
