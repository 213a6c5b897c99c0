//! `userscope open FILE`: an export read back into the explorer, offline.

use std::path::Path;

use bytes::Bytes;

use super::{CommandError, EXIT_CONFIG, EXIT_IO};
use crate::cli::OpenArgs;
use crate::config::Paths;
use crate::model::UserRecord;

pub async fn run(
    paths: &Paths,
    args: &OpenArgs,
    options: crate::explorer::ExplorerOptions,
) -> Result<(), CommandError> {
    let records = read_records(&args.file, args.provider.as_deref())?;
    let file_name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    crate::explorer::run_file(
        records,
        crate::sanitize::one_line(&file_name),
        paths,
        options,
    )
    .await
    .map_err(|message| CommandError {
        message,
        code: EXIT_IO,
    })
}

/// What to try when a file's record cannot be read. The providers' own hints speak of the
/// profile, its base URL or the server, none of which `open` has: only the file and `--provider`.
const FILE_HINT: &str = "open reads what userscope exported (`get --raw > FILE`, or an export from the explorer): one JSON record, or one per line";

/// The records of an export file: one JSON record, or NDJSON with one per line.
pub fn read_records(path: &Path, provider: Option<&str>) -> Result<Vec<UserRecord>, CommandError> {
    let bytes = crate::huge_pages::read_file(path).map_err(|err| CommandError {
        message: format!("cannot read {}: {err}", path.display()),
        code: EXIT_IO,
    })?;
    // One validating pass, no parse: the index also serves a big record's first mapping.
    let bodies: Vec<(Bytes, Option<crate::json_index::JsonIndex>)> =
        if let Ok(index) = crate::json_index::JsonIndex::new(&bytes) {
            vec![(bytes, Some(index))]
        } else {
            let mut bodies = Vec::new();
            let mut start = 0;
            for (index, byte) in bytes
                .iter()
                .enumerate()
                .chain(std::iter::once((bytes.len(), &b'\n')))
            {
                if *byte == b'\n' {
                    let line = bytes.slice(start..index);
                    if !line.trim_ascii().is_empty() {
                        bodies.push((line, None));
                    }
                    start = index + 1;
                }
            }
            bodies
        };
    let mut records = Vec::new();
    for (index, (body, body_index)) in bodies.into_iter().enumerate() {
        let mapped = match body_index {
            Some(body_index) => {
                crate::provider::deferred::map_export_indexed(provider, body, body_index)
            }
            None => crate::provider::deferred::map_export(provider, body),
        };
        let record = mapped.map_err(|error| CommandError {
            message: crate::sanitize::one_line(&format!(
                "{} record {}: {error} — {FILE_HINT}",
                path.display(),
                index + 1,
            )),
            code: EXIT_CONFIG,
        })?;
        records.push(record);
    }
    if records.is_empty() {
        return Err(CommandError {
            message: format!("{} holds no record", path.display()),
            code: EXIT_CONFIG,
        });
    }
    Ok(records)
}
