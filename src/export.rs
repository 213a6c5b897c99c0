//! Export files: the exact bytes received, written atomically (temp file + rename-without-
//! replace), mode 0600, never overwriting an existing file.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

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
/// file first, which is then hard-linked to the final name (failing if it exists, in which case
/// `-1`, `-2`... are tried) and removed. Returns the path written.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    create_private_dir(dir)?;
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = write_temp(&temp, bytes).and_then(|()| link_unique(&temp, dir, name));
    let _ = fs::remove_file(&temp);
    result
}

/// Writes `bytes` to exactly `path`, never replacing a file: a private temp file next to it is
/// hard-linked to `path` (failing with `AlreadyExists` if something is there) and removed. The
/// directory must exist.
pub fn write_exact(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = write_temp(&temp, bytes).and_then(|()| fs::hard_link(&temp, path));
    let _ = fs::remove_file(&temp);
    result
}

fn write_temp(temp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file: File = options.open(temp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn link_unique(temp: &Path, dir: &Path, name: &str) -> std::io::Result<PathBuf> {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    for attempt in 0..1000 {
        let candidate = if attempt == 0 {
            name.to_owned()
        } else {
            format!("{stem}-{attempt}.{extension}")
        };
        let path = dir.join(candidate);
        match fs::hard_link(temp, &path) {
            Ok(()) => return Ok(path),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "1000 export files of that name already exist",
    ))
}

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
mod tests {
    use super::*;
    use crate::model::{RawBody, UserSummary};

    fn record(bodies: &[(&str, &str)]) -> UserRecord {
        UserRecord {
            provider: "zoo",
            id: "u1".into(),
            summary: UserSummary::with_id("u1"),
            bodies: bodies
                .iter()
                .map(|(label, body)| RawBody {
                    label: (*label).into(),
                    path: "/x".into(),
                    bytes: body.as_bytes().to_vec().into(),
                })
                .collect(),
            json: serde_json::Value::Null,
            sections: Vec::new(),
            threads: Vec::new(),
            fetched_at: Utc::now(),
            deferred: false,
        }
    }

    #[test]
    fn one_body_is_written_exactly() {
        let body = "{ \"z\": 1.0e3, \"a\": 123456789012345678901234567890 }\n";
        assert_eq!(record_bytes(&record(&[("user", body)])), body.as_bytes());
    }

    #[test]
    fn several_bodies_are_spliced_byte_for_byte() {
        let bytes = record_bytes(&record(&[
            ("admin_details", "{\"b\":1.50}"),
            ("profile", " {\"a\":2}\n"),
        ]));
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            "{\"admin_details\":{\"b\":1.50},\"profile\":{\"a\":2}}"
        );
        serde_json::from_slice::<serde_json::Value>(&bytes).unwrap();
    }

    #[test]
    fn never_overwrites_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let exports = dir.path().join("exports");
        let first = write_new(&exports, "p-u-1.json", b"one").unwrap();
        let second = write_new(&exports, "p-u-1.json", b"two").unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read(&first).unwrap(), b"one");
        assert_eq!(fs::read(&second).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&first).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        let leftovers: Vec<_> = fs::read_dir(&exports)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn exact_writes_refuse_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.csv");
        write_exact(&path, b"one").unwrap();
        let err = write_exact(&path, b"two").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn file_names_are_safe() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T04:05:06Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            file_name("acme/prod", "../x y", now, "json"),
            "acme_prod-_x_y-20261125T040506Z.json"
        );
    }
}
