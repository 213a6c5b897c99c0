//! The effects `update` asks for, run off the loop: each as a tokio task (or a blocking one for
//! work on the CPU or the store) that answers with a message, its abort handle kept by request
//! so that a newer request or a profile switch can stop it.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::mpsc;
use tokio::task::AbortHandle;

use super::context::{AppContext, OpenedProfile};
use super::export_marked::export_marked;
use super::person_lookup;
use crate::effect::Effect;
use crate::export;
use crate::model::FetchError;
use crate::msg::Msg;
use crate::state::{RequestId, Waiter};

/// `fetch`, with each wait its server asks of its requests told to the loop, so the status
/// bar can say why the fetch seems stuck.
fn telling_waits<F: std::future::Future>(
    waiter: Waiter,
    sender: mpsc::UnboundedSender<Msg>,
    fetch: F,
) -> impl std::future::Future<Output = F::Output> {
    crate::http::waits::reporting_waits(
        move |wait| {
            let _ = sender.send(Msg::ServerWaiting { waiter, wait });
        },
        fetch,
    )
}

/// A fetch for `request` as a task the loop can stop (a newer request, a profile switch): each
/// wait its server asks for is told as it comes, and the message the fetch ends with is sent.
fn spawn_fetch(
    request: RequestId,
    sender: &mpsc::UnboundedSender<Msg>,
    tasks: &mut HashMap<RequestId, AbortHandle>,
    fetch: impl std::future::Future<Output = Msg> + Send + 'static,
) {
    let answers = sender.clone();
    let task = tokio::spawn(telling_waits(
        Waiter::Fetch(request),
        sender.clone(),
        async move {
            let _ = answers.send(fetch.await);
        },
    ));
    tasks.insert(request, task.abort_handle());
}

pub(super) fn run_effect(
    effect: Effect,
    context: &AppContext,
    sender: &mpsc::UnboundedSender<Msg>,
    opened_sender: &mpsc::UnboundedSender<OpenedProfile>,
    tasks: &mut HashMap<RequestId, AbortHandle>,
) {
    let provider = Arc::clone(&context.provider);
    let sender = sender.clone();
    match effect {
        Effect::OpenDirectory { request } => {
            let directory = context.directory.clone();
            let task = tokio::task::spawn_blocking(move || {
                // Made ready for the list here, as the rows are read: update takes them in O(1).
                let stored = directory.load_held(crate::directory::unix_now());
                let _ = sender.send(Msg::DirectoryOpened { request, stored });
            });
            tasks.insert(request, task.abort_handle());
        }
        Effect::SyncDirectory {
            request,
            changes_only,
        } => {
            let directory = context.directory.clone();
            let pages = sender.clone();
            spawn_fetch(request, &sender, tasks, async move {
                let on_page = |page| {
                    let _ = pages.send(Msg::DirectoryPage { request, page });
                };
                let synced = if changes_only {
                    directory.sync_changes(provider.as_ref(), on_page).await
                } else {
                    directory.sync(provider.as_ref(), on_page).await
                };
                let result = synced
                    .map(|report| report.store_error)
                    .map_err(FetchError::from);
                Msg::DirectorySyncEnded { request, result }
            });
        }
        Effect::KeepSeenUsers {
            request,
            users,
            seen,
        } => {
            let task = tokio::task::spawn_blocking(move || {
                let kept = users.keeping(|at| seen.has(at));
                let _ = sender.send(Msg::SeenUsersKept {
                    request,
                    kept,
                    seen,
                });
            });
            tasks.insert(request, task.abort_handle());
        }
        Effect::SearchServer { request, query } => {
            spawn_fetch(request, &sender, tasks, async move {
                let result = provider
                    .search_users(&query)
                    .await
                    .map_err(FetchError::from);
                Msg::SearchLoaded { request, result }
            });
        }
        Effect::FilterUsers { request, job } => {
            // Aborting this task (a newer keystroke, `Effect::Cancel`) drops the guard, which
            // cancels the token the blocking job looks at between chunks.
            let cancel = tokio_util::sync::CancellationToken::new();
            let cancel_on_abort = cancel.clone().drop_guard();
            let task = tokio::spawn(async move {
                let _cancel_on_abort = cancel_on_abort;
                let worker =
                    tokio::task::spawn_blocking(move || job.run(&|| cancel.is_cancelled()));
                if let Ok(Some(ranking)) = worker.await {
                    let _ = sender.send(Msg::UsersFiltered {
                        request,
                        ranking: Box::new(ranking),
                    });
                }
            });
            tasks.insert(request, task.abort_handle());
        }
        Effect::FetchRecord { request, id } => {
            spawn_fetch(request, &sender, tasks, async move {
                // The JSON notes scan reads the whole body: here, never on the loop.
                let result = provider
                    .fetch_record(&id)
                    .await
                    .map(|mut record| {
                        if !record.deferred {
                            crate::provider::json_notes::annotate_record(&mut record);
                        }
                        Arc::new(record)
                    })
                    .map_err(FetchError::from);
                Msg::RecordLoaded { request, result }
            });
        }
        Effect::MapRecord {
            request,
            record,
            audit,
        } => {
            // Mapping a big body reads all of it: never on the loop's thread.
            let task = tokio::task::spawn_blocking(move || {
                let result = crate::provider::deferred::map_in_full(&record).map(|mut mapped| {
                    crate::provider::json_notes::annotate_record(&mut mapped);
                    let findings = audit.findings(&mapped);
                    crate::msg::MappedRecord {
                        record: Arc::new(mapped),
                        findings,
                    }
                });
                let result = result.map_err(FetchError::from);
                let _ = sender.send(Msg::RecordMapped { request, result });
            });
            tasks.insert(request, task.abort_handle());
        }
        Effect::FetchThreads { request, ids } => {
            spawn_fetch(request, &sender, tasks, async move {
                let result = provider.fetch_threads(&ids).await.map_err(FetchError::from);
                Msg::ThreadsLoaded { request, result }
            });
        }
        Effect::Cancel(request) => {
            if let Some(handle) = tasks.remove(&request) {
                handle.abort();
            }
        }
        Effect::Export { records } => {
            let dir = context.exports_dir.clone();
            let profile = context.profile_name.clone();
            tokio::task::spawn_blocking(move || {
                let now = chrono::Utc::now();
                let result = match records.as_slice() {
                    [record] => export::write_new(
                        &dir,
                        &export::file_name(&profile, &record.id, now, "json"),
                        &export::record_bytes(record),
                    ),
                    many => {
                        let name = export::file_name(
                            &profile,
                            &format!("{}-users", many.len()),
                            now,
                            "ndjson",
                        );
                        export::write_new(&dir, &name, &export::ndjson_bytes(many))
                    }
                };
                let _ = sender.send(Msg::ExportFinished {
                    result: result.map_err(|err| export::describe_error(&err)),
                });
            });
        }
        Effect::SwitchProfile(name) => {
            let profiles = Arc::clone(&context.profiles);
            let opened_sender = opened_sender.clone();
            tokio::spawn(async move {
                match profiles.open(&name).await {
                    Ok(opened) => {
                        let _ = opened_sender.send(opened);
                    }
                    Err(message) => {
                        let _ = sender.send(Msg::ProfileSwitched {
                            result: Err(message),
                        });
                    }
                }
            });
        }
        Effect::LoadTheme(name) => {
            let profiles = Arc::clone(&context.profiles);
            tokio::task::spawn_blocking(move || {
                let _ = sender.send(Msg::ThemeLoaded {
                    result: profiles.theme(&name),
                });
            });
        }
        Effect::ExportMarked { ids } => {
            let dir = context.exports_dir.clone();
            let profile = context.profile_name.clone();
            tokio::spawn(telling_waits(Waiter::Export, sender.clone(), async move {
                let result = export_marked(provider, ids, &dir, &profile).await;
                let _ = sender.send(Msg::ExportFinished { result });
            }));
        }
        Effect::WriteTerminal(bytes) => (context.write_terminal)(&bytes),
        Effect::Trail { user_id, action } => {
            if let Some(dir) = context.state_dir.clone() {
                let entry = crate::audit::trail::TrailEntry::now(
                    &context.profile_name,
                    Some(&user_id),
                    action,
                );
                tokio::task::spawn_blocking(move || {
                    if let Err(err) = crate::audit::trail::append(&dir, &entry) {
                        tracing::warn!("cannot append to the audit trail: {err}");
                    }
                });
            }
        }
        Effect::StartAudit { skip, settings } => {
            let cancel = tokio_util::sync::CancellationToken::new();
            if let Ok(mut slot) = context.audit_cancel.lock() {
                *slot = Some(cancel.clone());
            }
            let profile = context.profile_name.clone();
            // The scan's progress callback is not Send, so it runs on a blocking thread that
            // drives it on this runtime.
            let runtime = tokio::runtime::Handle::current();
            tokio::task::spawn_blocking(move || {
                let rules =
                    crate::audit::select_rules(None, &settings.disabled_rules).unwrap_or_default();
                let options = crate::audit::scan::ScanOptions {
                    cancel,
                    skip,
                    ..crate::audit::scan::ScanOptions::default()
                };
                let progress_sender = sender.clone();
                let mut progress = move |progress: &crate::audit::scan::ScanProgress| {
                    let _ = progress_sender.send(Msg::AuditProgress(progress.clone()));
                };
                let outcome = runtime.block_on(telling_waits(
                    Waiter::Audit,
                    sender.clone(),
                    crate::audit::scan::scan(
                        provider.as_ref(),
                        &profile,
                        &rules,
                        &settings,
                        &options,
                        &mut progress,
                    ),
                ));
                let _ = sender.send(Msg::AuditFinished(Box::new(outcome)));
            });
        }
        Effect::CancelAudit => {
            if let Some(cancel) = context
                .audit_cancel
                .lock()
                .ok()
                .and_then(|mut slot| slot.take())
            {
                cancel.cancel();
            }
        }
        Effect::ExportAudit { findings } => {
            let dir = context.exports_dir.clone();
            let name =
                export::file_name(&context.profile_name, "audit", chrono::Utc::now(), "json");
            tokio::task::spawn_blocking(move || {
                let bytes =
                    crate::audit::report::render(&findings, crate::audit::report::Format::Json);
                let result = export::write_new(&dir, &name, &bytes)
                    .map_err(|err| export::describe_error(&err));
                let _ = sender.send(Msg::ExportFinished { result });
            });
        }
        Effect::LookupPerson {
            request,
            query,
            profiles,
            settings,
        } => {
            let lookups = person_lookup::LookupContext {
                profiles: Arc::clone(&context.profiles),
                state_dir: context.state_dir.clone(),
            };
            person_lookup::spawn(&lookups, request, &query, profiles, &settings, &sender);
        }
        Effect::Quit => {}
    }
}
