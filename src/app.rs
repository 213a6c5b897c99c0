//! The only impure loop: input, results and ticks become messages; `update` turns them into
//! effects, which run here as tokio tasks; then one frame is drawn. Messages already waiting
//! are drained before drawing, so a burst of results costs one frame. The loop takes its
//! terminal and input stream as parameters, so tests run it on a `TestBackend`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;
use tokio::sync::mpsc;
use tokio::task::AbortHandle;
use tokio::time::Instant;

use crate::effect::Effect;
use crate::export;
use crate::model::FetchError;
use crate::msg::Msg;
use crate::state::{RequestId, State, Waiter};
use crate::ui;
use crate::update::{init, update};

mod context;
mod export_marked;
mod person_lookup;

pub use context::{AppContext, OpenedProfile, ProfileSource, write_stdout};
use export_marked::export_marked;

/// Time between ticks while something animates or waits; no ticks at all when idle.
pub const TICK_INTERVAL: Duration = Duration::from_millis(80);

/// Runs the explorer until it quits or the input ends.
pub async fn run<B, I>(
    terminal: &mut Terminal<B>,
    mut input: I,
    mut context: AppContext,
    mut state: State,
) -> Result<(), B::Error>
where
    B: Backend,
    I: Stream<Item = Msg> + Unpin,
{
    let (sender, mut results) = mpsc::unbounded_channel::<Msg>();
    // Opened profiles come apart from messages: the loop swaps the provider before `update`
    // hears of the switch.
    let (opened_sender, mut opened_profiles) = mpsc::unbounded_channel::<OpenedProfile>();
    let mut tasks: HashMap<RequestId, AbortHandle> = HashMap::new();
    let mut effects = init(&mut state);
    let mut next_tick: Option<Instant> = None;
    let mut drawn = ui::DrawnRows::default();
    loop {
        for effect in effects.drain(..) {
            run_effect(effect, &context, &sender, &opened_sender, &mut tasks);
        }
        if state.quit {
            break;
        }
        terminal.draw(|frame| ui::render(frame, &state, &state.theme, &mut drawn))?;
        next_tick = if state.needs_tick() {
            Some(next_tick.unwrap_or_else(|| Instant::now() + TICK_INTERVAL))
        } else {
            None
        };
        let tick = async {
            match next_tick {
                Some(at) => tokio::time::sleep_until(at).await,
                None => std::future::pending().await,
            }
        };
        let msg = tokio::select! {
            msg = input.next() => msg.unwrap_or(Msg::Terminate),
            Some(msg) = results.recv() => msg,
            Some(opened) = opened_profiles.recv() => {
                // Work for the old profile is moot: stop it, then talk to the new provider.
                for handle in tasks.values() {
                    handle.abort();
                }
                tasks.clear();
                context.provider = opened.provider;
                context.directory = opened.directory;
                context.profile_name.clone_from(&opened.view.badge.name);
                Msg::ProfileSwitched { result: Ok(opened.view) }
            }
            () = tick => {
                next_tick = None;
                Msg::Tick
            }
        };
        effects = update(&mut state, msg);
        // Drain the results already waiting, then draw once. (Input is not polled here: a
        // crossterm EventStream polled with a no-op waker would never wake the loop again.)
        while let Ok(msg) = results.try_recv() {
            effects.extend(update(&mut state, msg));
        }
        tasks.retain(|_, handle| !handle.is_finished());
    }
    for handle in tasks.values() {
        handle.abort();
    }
    Ok(())
}

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

fn run_effect(
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
            let task = tokio::spawn(telling_waits(
                Waiter::Fetch(request),
                sender.clone(),
                async move {
                    let pages = sender.clone();
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
                    let _ = sender.send(Msg::DirectorySyncEnded { request, result });
                },
            ));
            tasks.insert(request, task.abort_handle());
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
            let task = tokio::spawn(telling_waits(
                Waiter::Fetch(request),
                sender.clone(),
                async move {
                    let result = provider
                        .search_users(&query)
                        .await
                        .map_err(FetchError::from);
                    let _ = sender.send(Msg::SearchLoaded { request, result });
                },
            ));
            tasks.insert(request, task.abort_handle());
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
            let task = tokio::spawn(telling_waits(
                Waiter::Fetch(request),
                sender.clone(),
                async move {
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
                    let _ = sender.send(Msg::RecordLoaded { request, result });
                },
            ));
            tasks.insert(request, task.abort_handle());
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
            let task = tokio::spawn(telling_waits(
                Waiter::Fetch(request),
                sender.clone(),
                async move {
                    let result = provider.fetch_threads(&ids).await.map_err(FetchError::from);
                    let _ = sender.send(Msg::ThreadsLoaded { request, result });
                },
            ));
            tasks.insert(request, task.abort_handle());
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
