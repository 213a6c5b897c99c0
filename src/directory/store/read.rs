//! Reading a directory back from the store: row by row as SQLite gives them, nothing copied
//! but into what the caller keeps.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::{Store, StoreError, StoredUsers};
use crate::model::{StatusMarker, UserRef, UserSummary};

/// When a stored directory was synced and what its server reported.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoredMeta {
    /// When its last complete sync, full or of changes, began (Unix seconds).
    pub synced_at: Option<i64>,
    /// The total the server last reported.
    pub total: Option<u64>,
}

impl Store {
    /// The users stored under `key`, in their synced order.
    pub fn load(&self, key: &str) -> Result<StoredUsers, StoreError> {
        let mut users: Vec<UserSummary> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let meta = self.read_users(key, |user| {
            // A sync that did not complete: its users replace the older ones in place.
            if let Some(&index) = at.get(user.id) {
                users[index] = user.to_summary();
            } else {
                at.insert(user.id.to_owned(), users.len());
                users.push(user.to_summary());
            }
        })?;
        Ok(StoredUsers {
            users,
            synced_at: meta.synced_at,
            total: meta.total,
        })
    }

    /// When the directory under `key` was synced and what its server reported.
    pub fn meta(&self, key: &str) -> Result<StoredMeta, StoreError> {
        self.with(|connection| {
            connection
                .query_row(
                    "SELECT synced_at, total FROM directories WHERE key = ?1",
                    [key],
                    |row| {
                        Ok(StoredMeta {
                            synced_at: row.get(0)?,
                            total: row
                                .get::<_, Option<i64>>(1)?
                                .and_then(|total| u64::try_from(total).ok()),
                        })
                    },
                )
                .optional()
                .map(Option::unwrap_or_default)
        })
    }

    /// Hands each row stored under `key` to `row`, in the order they were written
    /// (generation by generation, each in the server's order), borrowed from SQLite.
    pub fn read_users(
        &self,
        key: &str,
        mut row: impl FnMut(UserRef<'_>),
    ) -> Result<StoredMeta, StoreError> {
        self.with(|connection| {
            let meta: Option<(i64, Option<i64>, Option<i64>)> = connection
                .query_row(
                    "SELECT number, synced_at, total FROM directories WHERE key = ?1",
                    [key],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?;
            let Some((number, synced_at, total)) = meta else {
                return Ok(StoredMeta::default());
            };
            let mut statement = connection.prepare_cached(
                "SELECT id, name, email, role, status FROM users WHERE directory = ?1
                 ORDER BY generation, rowid",
            )?;
            let mut rows = statement.query([number])?;
            // Few users share many statuses: each is decoded once.
            let mut statuses: HashMap<String, Vec<StatusMarker>> = HashMap::new();
            while let Some(stored) = rows.next()? {
                let text = |column: usize| -> rusqlite::Result<&str> {
                    stored.get_ref(column)?.as_str().map_err(|err| {
                        rusqlite::Error::FromSqlConversionFailure(
                            column,
                            rusqlite::types::Type::Text,
                            Box::new(err),
                        )
                    })
                };
                let role = match stored.get_ref(3)? {
                    rusqlite::types::ValueRef::Null => None,
                    _ => Some(text(3)?),
                };
                let status_text = text(4)?;
                let status: &[StatusMarker] = if status_text == "[]" {
                    &[]
                } else {
                    if !statuses.contains_key(status_text) {
                        statuses.insert(status_text.to_owned(), decode_status(status_text));
                    }
                    statuses.get(status_text).map_or(&[], Vec::as_slice)
                };
                row(UserRef {
                    id: text(0)?,
                    name: text(1)?,
                    email: text(2)?,
                    role,
                    status,
                });
            }
            Ok(StoredMeta {
                synced_at,
                total: total.and_then(|total| u64::try_from(total).ok()),
            })
        })
    }
}

fn decode_status(text: &str) -> Vec<StatusMarker> {
    serde_json::from_str::<Vec<String>>(text)
        .unwrap_or_default()
        .iter()
        .filter_map(|label| StatusMarker::from_label(label))
        .collect()
}
