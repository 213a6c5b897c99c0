//! Export files: the exact bytes received, written atomically (a `tempfile` temp file persisted
//! without clobbering), mode 0600, never overwriting an existing file. A write that fails (a full disk, a
//! read-only folder) leaves no file behind, neither the temp file nor a partial export, and
//! [`describe_error`] says what happened in words an operator can act on.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use tempfile::NamedTempFile;

use crate::model::UserRecord;

/// The bytes an export holds for one record: the body as received when there is one; for a
/// record made of several bodies, an object whose values are each body's exact bytes.
pub fn record_bytes(record: &UserRecord) -> Vec<u8> {
    if record.bodies.len() == 1 {
        return record.bodies[0].bytes.to_vec();
    }
    let mut out = b"{".to_vec();
    for (index, body) in record.bodies.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.extend_from_slice(
            serde_json::Value::String(body.label.clone())
                .to_string()
                .as_bytes(),
        );
        out.push(b':');
        let trimmed = body.bytes.trim_ascii();
        out.extend_from_slice(if trimmed.is_empty() { b"null" } else { trimmed });
    }
    out.push(b'}');
    out
}

/// NDJSON of several records, one line each. Valid JSON holds raw line breaks only between
/// tokens (inside strings they are escaped), so removing them keeps every other byte exactly.
pub fn ndjson_bytes(records: &[std::sync::Arc<UserRecord>]) -> Vec<u8> {
    let mut out = Vec::new();
    for record in records {
        let bytes = record_bytes(record);
        // A newline may only appear between JSON tokens (strings hold "\n" escaped), so
        // dropping raw line breaks keeps every other byte and makes one line per record.
        out.extend(
            bytes
                .iter()
                .copied()
                .filter(|byte| *byte != b'\n' && *byte != b'\r'),
        );
        out.push(b'\n');
    }
    out
}

/// The export file name for a record: `<profile>-<user id>-<UTC time>.json`, made safe for a
/// file system.
pub fn file_name(profile: &str, user_id: &str, now: DateTime<Utc>, extension: &str) -> String {
    format!(
        "{}-{}-{}.{extension}",
        safe(profile),
        safe(user_id),
        now.format("%Y%m%dT%H%M%SZ")
    )
}

fn safe(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "_".to_owned()
    } else {
        cleaned
    }
}

/// Writes `bytes` to `dir/name` without ever replacing a file: the bytes go to a private temp
/// file first, which is then persisted under the final name without clobbering (failing if it
/// exists, in which case `-1`, `-2`... are tried). Returns the path written.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    write_new_filling(dir, name, bytes, fill)
}

/// How the temp file gets its bytes: [`fill`], or in tests a disk that fills up part way.
type Fill = fn(&mut File, &[u8]) -> io::Result<()>;

/// The real filling: all the bytes.
fn fill(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)
}

fn write_new_filling(dir: &Path, name: &str, bytes: &[u8], fill: Fill) -> io::Result<PathBuf> {
    create_private_dir(dir)?;
    persist_unique(write_temp(dir, name, bytes, fill)?, dir, name)
}

/// Writes `bytes` to exactly `path`, never replacing a file: a private temp file next to it is
/// persisted as `path` without clobbering (failing with `AlreadyExists` if something is there).
/// The directory must exist.
pub fn write_exact(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_exact_filling(path, bytes, fill)
}

fn write_exact_filling(path: &Path, bytes: &[u8], fill: Fill) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        )
    })?;
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temp = write_temp(dir, &name.to_string_lossy(), bytes, fill)?;
    temp.persist_noclobber(path)?;
    Ok(())
}

/// Why an export or report could not be written, on one line: what happened, what to try, and
/// what the system said.
pub fn describe_error(error: &io::Error) -> String {
    use io::ErrorKind;
    let what = match error.kind() {
        ErrorKind::StorageFull => "the disk is full; free some space and try again",
        ErrorKind::QuotaExceeded => "the disk quota is used up; free some space and try again",
        ErrorKind::ReadOnlyFilesystem => {
            "the folder is on a read-only file system; choose a writable folder"
        }
        ErrorKind::PermissionDenied => "permission denied; choose a folder you can write to",
        ErrorKind::NotADirectory => {
            "part of the path is a file, not a folder; choose another folder"
        }
        ErrorKind::AlreadyExists => {
            "a file of that name already exists and userscope never overwrites one"
        }
        _ => return crate::sanitize::one_line(&error.to_string()),
    };
    crate::sanitize::one_line(&format!("{what} ({error})"))
}

/// A temp file in `dir` (mode 0600, tempfile's default on Unix) holding `bytes`, synced to disk.
/// Dropped on any error before it is persisted, and with it the file: nothing is left behind.
fn write_temp(dir: &Path, name: &str, bytes: &[u8], fill: Fill) -> io::Result<NamedTempFile> {
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    fill(temp.as_file_mut(), bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Persists `temp` as `dir/name`, or as `name` numbered `-1`, `-2`... when that exists. The
/// numbering is ours: tempfile persists to one name and has no notion of the next free one.
fn persist_unique(mut temp: NamedTempFile, dir: &Path, name: &str) -> io::Result<PathBuf> {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    for attempt in 0..1000 {
        let candidate = if attempt == 0 {
            name.to_owned()
        } else {
            format!("{stem}-{attempt}.{extension}")
        };
        let path = dir.join(candidate);
        match temp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(err) if err.error.kind() == io::ErrorKind::AlreadyExists => temp = err.file,
            Err(err) => return Err(err.error),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "1000 export files of that name already exist",
    ))
}

/// The export folder, created private (0700) with its parents: tempfile makes files, not folders.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests;
