//! The scan: every page of a profile's user list, each user's record fetched with bounded
//! concurrency (the provider's HTTP client still applies the profile's rate limit and retries),
//! the rules run on each record as it arrives. A failed fetch is counted and reported, never a
//! finding, and the scan goes on; a failed list page ends the listing (the users listed so far
//! are still scanned) and is reported the same way.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use futures::StreamExt as _;
use tokio_util::sync::CancellationToken;

use super::{AuditSettings, Finding, Rule, evaluate};
use crate::http::HttpError;
use crate::model::UserSummary;
use crate::provider::{Provider, ProviderError};

/// How a scan runs.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Records fetched at once.
    pub max_concurrency: usize,
    /// Users asked for per list page.
    pub page_size: usize,
    /// Stops the scan: no new fetch starts, the outcome says `cancelled`.
    pub cancel: CancellationToken,
    /// Users already scanned (a rerun resumes by passing the ids an earlier outcome scanned).
    pub skip: HashSet<String>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            max_concurrency: 8,
            page_size: 100,
            cancel: CancellationToken::new(),
            skip: HashSet::new(),
        }
    }
}

/// Where a scan is, reported after every list page and every record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScanProgress {
    /// Users listed so far.
    pub listed: usize,
    /// Users the list says there are, when it says.
    pub total: Option<u64>,
    /// Records fetched and audited, or failed.
    pub done: usize,
    /// Of those, fetches that failed.
    pub failed: usize,
    /// Findings so far.
    pub findings: usize,
    /// Time since the scan started.
    pub elapsed: Duration,
}

impl ScanProgress {
    /// Records per second so far.
    pub fn rate(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.done as f64 / secs
        } else {
            0.0
        }
    }

    /// Estimated time left, when the total is known and some records are done.
    pub fn remaining(&self) -> Option<Duration> {
        let total = self.total? as usize;
        let rate = self.rate();
        (rate > 0.0 && total >= self.done)
            .then(|| Duration::from_secs_f64((total - self.done) as f64 / rate))
    }

    /// One line: `done/total users, N failed, N findings, R/s, ETA`.
    pub fn line(&self) -> String {
        let total = self
            .total
            .map_or_else(|| format!("{}+", self.listed), |total| total.to_string());
        let eta = self
            .remaining()
            .map(|left| format!(", {}s left", left.as_secs()))
            .unwrap_or_default();
        format!(
            "audit: {}/{total} users, {} failed, {} findings, {:.1}/s{eta}",
            self.done,
            self.failed,
            self.findings,
            self.rate()
        )
    }
}

/// A record (or list page) that could not be fetched.
#[derive(Debug, Clone)]
pub struct ScanFailure {
    /// The user, or `None` for a list page.
    pub user_id: Option<String>,
    /// A short kind to group by (`HTTP 503`, `timeout`, `not found`...).
    pub kind: String,
    /// The error as one line.
    pub message: String,
}

/// What a scan found.
#[derive(Debug, Clone, Default)]
pub struct ScanOutcome {
    /// Every finding, in a stable order (see [`sort_findings`]).
    pub findings: Vec<Finding>,
    /// Users whose record was fetched and audited.
    pub scanned: Vec<String>,
    /// The e-mail of each user scanned (empty where the record has none), in `scanned`'s order:
    /// what joins one person's accounts across profiles.
    pub scanned_emails: Vec<String>,
    /// Fetches that failed.
    pub failures: Vec<ScanFailure>,
    /// The final progress.
    pub progress: ScanProgress,
    /// Whether the scan was cancelled before the end.
    pub cancelled: bool,
}

/// A short kind for grouping failures.
pub fn failure_kind(error: &ProviderError) -> String {
    match error {
        ProviderError::Http(HttpError::Status { status, .. }) => format!("HTTP {status}"),
        ProviderError::Http(HttpError::Timeout { .. }) => "timeout".to_owned(),
        ProviderError::Http(HttpError::Connect { .. }) => "cannot connect".to_owned(),
        ProviderError::Http(HttpError::BodyStalled { .. } | HttpError::BodyCut { .. }) => {
            "broken body".to_owned()
        }
        ProviderError::Http(HttpError::TooLarge { .. }) => "body too large".to_owned(),
        ProviderError::Http(_) => "transport".to_owned(),
        ProviderError::Decode(_) => "unreadable body".to_owned(),
        ProviderError::NotFound { .. } => "not found".to_owned(),
        ProviderError::Unsupported(_) => "unsupported".to_owned(),
        ProviderError::Config(_) => "config".to_owned(),
    }
}

fn failure(user_id: Option<String>, error: &ProviderError) -> ScanFailure {
    ScanFailure {
        user_id,
        kind: failure_kind(error),
        message: error.one_line(),
    }
}

/// Sorts findings: most severe first, then by rule, user and path.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule.cmp(b.rule))
            .then_with(|| a.user_id.cmp(&b.user_id))
            .then_with(|| a.path.cmp(&b.path))
    });
}

/// One step of the list: a page of users, or the error that ended it.
enum Listed {
    Page(Vec<UserSummary>, Option<u64>),
    Failed(ProviderError),
}

/// Scans every user of `provider`, running `rules` with `settings`; `progress` is called after
/// each list page and each record. Errors never end the scan: they are in the outcome.
pub async fn scan(
    provider: &dyn Provider,
    profile: &str,
    rules: &[&'static Rule],
    settings: &AuditSettings,
    options: &ScanOptions,
    progress: &mut dyn FnMut(&ScanProgress),
) -> ScanOutcome {
    let started = Instant::now();
    let page_size = options.page_size.max(1);
    // The list, page by page: (cursor, finished).
    let pages = futures::stream::unfold(
        (None::<String>, false),
        move |(cursor, finished)| async move {
            if finished {
                return None;
            }
            match provider.list_users(cursor.as_deref(), page_size).await {
                Ok(page) => {
                    // A repeated cursor would loop forever: treat it as the end.
                    let next = page.next.filter(|next| cursor.as_ref() != Some(next));
                    let finished = next.is_none();
                    Some((Listed::Page(page.users, page.total), (next, finished)))
                }
                Err(error) => Some((Listed::Failed(error), (cursor, true))),
            }
        },
    );
    // The outcome and the ids seen, shared by the listing (inside the stream) and the loop below;
    // never borrowed across an await.
    let state = std::cell::RefCell::new((ScanOutcome::default(), HashSet::<String>::new()));
    {
        // Listing feeds the fetches: each page becomes the ids not seen before; a list failure is
        // recorded and ends the listing.
        let ids = pages
            .take_until(options.cancel.cancelled())
            .map(|listed| {
                let mut guard = state.borrow_mut();
                let (outcome, seen) = &mut *guard;
                let ids: Vec<String> = match listed {
                    Listed::Page(users, total) => {
                        outcome.progress.listed += users.len();
                        if total.is_some() {
                            outcome.progress.total = total;
                        }
                        users
                            .into_iter()
                            .map(|user| user.id)
                            .filter(|id| !options.skip.contains(id) && seen.insert(id.clone()))
                            .collect()
                    }
                    Listed::Failed(error) => {
                        outcome.failures.push(failure(None, &error));
                        Vec::new()
                    }
                };
                outcome.progress.elapsed = started.elapsed();
                futures::stream::iter(ids)
            })
            .flatten();
        let fetched = ids
            .map(|id| async move {
                let result = provider.fetch_record(&id).await;
                (id, result)
            })
            .buffer_unordered(options.max_concurrency.max(1))
            .take_until(options.cancel.cancelled());
        let mut fetched = std::pin::pin!(fetched);
        while let Some((id, result)) = fetched.next().await {
            let mut guard = state.borrow_mut();
            let (outcome, _) = &mut *guard;
            match result {
                Ok(record) => {
                    let findings = evaluate(&record, profile, rules, settings);
                    outcome.progress.findings += findings.len();
                    outcome.findings.extend(findings);
                    outcome.scanned.push(id);
                    outcome.scanned_emails.push(record.summary.email.clone());
                }
                Err(error) => {
                    outcome.failures.push(failure(Some(id), &error));
                    outcome.progress.failed += 1;
                }
            }
            outcome.progress.done += 1;
            outcome.progress.elapsed = started.elapsed();
            progress(&outcome.progress);
        }
    }
    let mut outcome = state.into_inner().0;
    outcome.cancelled = options.cancel.is_cancelled();
    outcome.progress.elapsed = started.elapsed();
    progress(&outcome.progress);
    sort_findings(&mut outcome.findings);
    outcome
}
