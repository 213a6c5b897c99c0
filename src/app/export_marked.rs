//! Exporting a marked set: each user's record fetched afresh, a few at a time, and written as
//! one NDJSON file.

use std::path::PathBuf;
use std::sync::Arc;

use futures::StreamExt;

use crate::export;
use crate::provider::Provider;

/// Concurrent fetches while exporting a marked set.
const EXPORT_CONCURRENCY: usize = 4;

/// Fetches the marked users' records (a few at a time) and writes those that came as NDJSON;
/// users that failed are named in the result rather than silently left out.
pub(super) async fn export_marked(
    provider: Arc<dyn Provider>,
    ids: Vec<String>,
    dir: &std::path::Path,
    profile: &str,
) -> Result<PathBuf, String> {
    let results: Vec<_> = futures::stream::iter(ids)
        .map(|id| {
            let provider = Arc::clone(&provider);
            async move {
                let result = provider.fetch_record(&id).await;
                (id, result)
            }
        })
        .buffered(EXPORT_CONCURRENCY)
        .collect()
        .await;
    let mut records = Vec::new();
    let mut failed = Vec::new();
    for (id, result) in results {
        match result {
            Ok(record) => records.push(Arc::new(record)),
            Err(error) => failed.push(format!("{id} ({error})")),
        }
    }
    if records.is_empty() {
        return Err(format!("no record could be fetched: {}", failed.join("; ")));
    }
    let name = export::file_name(
        profile,
        &format!("{}-users", records.len()),
        chrono::Utc::now(),
        "ndjson",
    );
    let bytes = export::ndjson_bytes(&records);
    let dir = dir.to_path_buf();
    let path = tokio::task::spawn_blocking(move || export::write_new(&dir, &name, &bytes))
        .await
        .map_err(|err| err.to_string())?
        .map_err(|err| export::describe_error(&err))?;
    if failed.is_empty() {
        Ok(path)
    } else {
        Err(format!(
            "wrote {} but could not fetch {}",
            path.display(),
            failed.join("; ")
        ))
    }
}
