//! The store's file and folder, private from the start: the folder 0700, the file 0600 before
//! SQLite opens it.

use std::path::Path;

use super::store_error::StoreError;

/// The store's folder, made 0700 (it may sit beside other caches).
pub(super) fn make_private_folder(path: &Path) -> Result<(), StoreError> {
    let io = |err: std::io::Error| StoreError::Io {
        path: path.to_path_buf(),
        detail: err.to_string(),
    };
    let Some(folder) = path.parent() else {
        return Ok(());
    };
    std::fs::create_dir_all(folder).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).map_err(io)?;
    }
    Ok(())
}

/// The file, created 0600 before SQLite opens it (SQLite gives its WAL the same mode).
pub(super) fn create_private_file(path: &Path) -> Result<(), StoreError> {
    let io = |err: std::io::Error| StoreError::Io {
        path: path.to_path_buf(),
        detail: err.to_string(),
    };
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
    }
    Ok(())
}
