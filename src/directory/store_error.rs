//! Why the directory store cannot be used.

use std::path::PathBuf;

/// Why the store cannot be used; userscope goes on without it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused (locked, disk full, I/O).
    #[error("the directory store {path}: {detail}")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// Written by a newer userscope.
    #[error("the directory store {path} is from a newer userscope (schema {found}); not touched")]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
    },
    /// The folder or file could not be made private.
    #[error("the directory store {path}: {detail}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        detail: String,
    },
}
