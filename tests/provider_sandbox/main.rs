//! Every provider over real HTTP against the in-process sandbox: paging to the end, records whose
//! raw bytes are the server's, each fault kind as a typed error with a one-line message and a
//! hint, the per-provider paths (Zoo's list fallback and lookups, Zooza's tokens and search,
//! Quip's SCIM, threads and lookups, Scanova's URL `next` and `/shared-user/`), rate limits, and
//! that no credential reaches an error or a log line. Only GETs ever reach the server.
//!
//! Here: listing to the end and the logs; the fault table is in `typed_errors`, the per-provider
//! paths in `paths`, the 429 storm and the pacing in `rate_limits`.

// The table runners and per-provider helpers are plain async fns, outside clippy's test allowance.
#![allow(clippy::unwrap_used)]

#[path = "../support/mod.rs"]
mod support;

mod paths;
mod rate_limits;
mod typed_errors;

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use support::{
    PROVIDERS, assert_error_is_secret_free, assert_no_credential, assert_only_gets,
    assert_unique_ids, build, direct_get, fast_profile, list_all, profile, set_faults, start,
};
use userscope::config::{Profile, SecretKind};
use userscope::http::HttpError;
use userscope::model::UserRecord;
use userscope::provider::ProviderError;
use userscope::provider::quip::{UserQuery, user_query_params};
use userscope::sandbox::Sandbox;
use userscope::secret::Secret;

const USERS: u64 = 137;

/// Where a record's primary body came from, fetched again directly with the same auth.
async fn direct_raw(sandbox: &Sandbox, name: &str, record: &UserRecord) -> Vec<u8> {
    let path = &record.bodies[0].path;
    match name {
        "quip" => {
            let company = &sandbox.credentials().quip_company_id;
            let query = user_query_params(company, &UserQuery::default());
            direct_get(sandbox, name, path, &query, None).await
        }
        "zooza" => direct_get(sandbox, name, path, &[], Some(&record.id)).await,
        _ => direct_get(sandbox, name, path, &[], None).await,
    }
}

#[tokio::test]
async fn every_provider_lists_every_user_once_and_records_keep_the_server_bytes() {
    let sandbox = start(USERS).await;
    for name in PROVIDERS {
        let provider = build(&profile(&sandbox, name));
        let users = list_all(provider.as_ref()).await;
        assert_eq!(users.len() as u64, USERS, "{name}");
        assert_unique_ids(name, &users);
        for user in [&users[0], &users[users.len() / 2], &users[users.len() - 1]] {
            let record = provider
                .fetch_record(&user.id)
                .await
                .unwrap_or_else(|err| panic!("{name} {}: {err}", user.id));
            assert_eq!(record.provider.name(), name);
            assert_eq!(record.id, user.id);
            assert!(!record.sections.is_empty(), "{name}");
            assert!(!record.raw().is_empty(), "{name}");
            let direct = direct_raw(&sandbox, name, &record).await;
            assert!(
                record.raw() == direct.as_slice(),
                "{name} {}: raw bytes differ from a direct GET of {}",
                user.id,
                record.bodies[0].path
            );
        }
    }
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn every_provider_lists_users_named_like_spreadsheet_formulas() {
    // Four rounds of 25 users hold each form once (`generate::formula_first_name`).
    let sandbox = start(100).await;
    for name in PROVIDERS {
        let provider = build(&profile(&sandbox, name));
        let users = list_all(provider.as_ref()).await;
        let starts: std::collections::BTreeSet<char> = users
            .iter()
            .filter_map(|user| user.name.chars().next())
            .filter(|c| "=+-@".contains(*c))
            .collect();
        assert_eq!(starts.len(), 4, "{name}: {starts:?}");
    }
}

/// A `Write` into a shared buffer, for the tracing subscriber.
#[derive(Clone, Default)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn debug_logs_and_errors_never_hold_a_credential() {
    let buffer = LogBuffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let sandbox = start(30).await;
    for name in PROVIDERS {
        let mut config = fast_profile(&sandbox, name);
        config.config.max_retries = Some(2);
        let provider = build(&config);
        let users = list_all(provider.as_ref()).await;
        provider.fetch_record(&users[2].id).await.unwrap();
        // A retry (logged at debug) and failures whose texts are checked too.
        set_faults(&sandbox, "storm=1:1");
        provider.list_users(None, 10).await.unwrap();
        for spec in [
            "status=401",
            "status=403:bare",
            "malformed",
            "cut",
            "redirect",
        ] {
            set_faults(&sandbox, spec);
            let err = provider.fetch_record(&users[3].id).await.unwrap_err();
            assert_error_is_secret_free(&sandbox, &err);
        }
        set_faults(&sandbox, "none");
    }
    // A wrong token: the 401 must not echo the token sent.
    let mut wrong = support::profile(&sandbox, "zoo");
    wrong = Profile::sandbox(
        "zoo-wrong",
        wrong.config.clone(),
        [(SecretKind::Token, Secret::new("not-the-token-but-secret"))],
        None,
    );
    let err = build(&wrong).list_users(None, 5).await.unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Http(HttpError::Status { status: 401, .. })
    ));
    assert!(!format!("{err} {err:?}").contains("not-the-token-but-secret"));

    let log = String::from_utf8_lossy(&buffer.0.lock().unwrap_or_else(PoisonError::into_inner))
        .into_owned();
    assert!(log.contains("retrying"), "the debug log was not captured");
    for line in log.lines() {
        assert_no_credential(&sandbox, line);
        assert!(!line.contains("not-the-token-but-secret"), "{line}");
    }
    assert_only_gets(&sandbox);
}
