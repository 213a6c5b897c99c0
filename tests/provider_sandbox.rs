//! Every provider over real HTTP against the in-process sandbox: paging to the end, records whose
//! raw bytes are the server's, each fault kind as a typed error with a one-line message and a
//! hint, the per-provider paths (Zoo's list fallback and lookups, Zooza's tokens and search,
//! Quip's SCIM, threads and lookups, Scanova's URL `next` and `/shared-user/`), rate limits, and
//! that no credential reaches an error or a log line. Only GETs ever reach the server.

// The table runners and per-provider helpers are plain async fns, outside clippy's test allowance.
#![allow(clippy::unwrap_used)]

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use futures::future::join_all;
use support::{
    PROVIDERS, assert_error_is_secret_free, assert_no_credential, assert_one_line_with_hint,
    assert_only_gets, assert_unique_ids, build, direct_get, fast_profile, list_all, profile,
    set_faults, start,
};
use userscope::config::{Profile, SecretKind};
use userscope::http::HttpError;
use userscope::model::UserRecord;
use userscope::provider::quip::{UserQuery, threads_of, user_query_params};
use userscope::provider::{DecodeError, ProviderError};
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

/// What a fault must turn into.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// `HttpError::Status` with this code; `true` when a message is expected.
    Status(u16, bool),
    /// `DecodeError::NotJson` whose `what` holds this text.
    NotJson(&'static str),
    Shape,
    BodyCut,
    Stalled,
    Timeout,
    TooLarge,
    Redirects,
}

/// Every fault kind the sandbox offers, what it must become, and a word the message must hold.
const FAULTS: &[(&str, Expect, &str)] = &[
    ("status=401", Expect::Status(401, true), "HTTP 401"),
    ("status=401:empty", Expect::Status(401, false), "HTTP 401"),
    ("status=401:bare", Expect::Status(401, true), "HTTP 401"),
    ("status=403", Expect::Status(403, true), "HTTP 403"),
    ("status=403:empty", Expect::Status(403, false), "HTTP 403"),
    ("status=404", Expect::Status(404, true), "HTTP 404"),
    ("status=404:empty", Expect::Status(404, false), "HTTP 404"),
    ("status=429", Expect::Status(429, true), "HTTP 429"),
    ("status=429:empty", Expect::Status(429, false), "HTTP 429"),
    ("status=500", Expect::Status(500, true), "HTTP 500"),
    ("status=500:empty", Expect::Status(500, false), "HTTP 500"),
    ("status=503", Expect::Status(503, true), "HTTP 503"),
    ("status=503:empty", Expect::Status(503, false), "HTTP 503"),
    ("status=503:bare", Expect::Status(503, true), "HTTP 503"),
    (
        "malformed",
        Expect::NotJson("malformed JSON"),
        "malformed JSON",
    ),
    (
        "truncated",
        Expect::NotJson("malformed JSON"),
        "instead of JSON",
    ),
    ("cut", Expect::BodyCut, "connection"),
    ("html", Expect::NotJson("text/html"), "text/html"),
    ("empty", Expect::NotJson("an empty body"), "empty body"),
    ("error200", Expect::Shape, "unexpected response shape"),
    ("stall=3000", Expect::Stalled, "stalled"),
    ("latency=3000", Expect::Timeout, "no answer"),
    ("huge=3000000", Expect::TooLarge, "larger than"),
    ("redirect", Expect::Redirects, "redirected"),
];

fn matches_expectation(error: &ProviderError, expect: Expect) -> bool {
    match (error, expect) {
        (
            ProviderError::Http(HttpError::Status {
                status, message, ..
            }),
            Expect::Status(code, with_message),
        ) => *status == code && message.is_some() == with_message,
        (ProviderError::Decode(DecodeError::NotJson { what, .. }), Expect::NotJson(text)) => {
            what.contains(text)
        }
        (ProviderError::Decode(DecodeError::Shape { .. }), Expect::Shape)
        | (ProviderError::Http(HttpError::BodyCut { .. }), Expect::BodyCut)
        | (ProviderError::Http(HttpError::BodyStalled { .. }), Expect::Stalled)
        | (ProviderError::Http(HttpError::Timeout { .. }), Expect::Timeout)
        | (ProviderError::Http(HttpError::TooLarge { .. }), Expect::TooLarge)
        | (ProviderError::Http(HttpError::Redirects { .. }), Expect::Redirects) => true,
        _ => false,
    }
}

/// Runs the fault table against one provider's first list page and one record.
async fn fault_table(name: &str) {
    let sandbox = start(40).await;
    let provider = build(&fast_profile(&sandbox, name));
    let first = provider.list_users(None, 10).await.unwrap().users[1]
        .id
        .clone();
    let mut failures = Vec::new();
    for (spec, expect, names) in FAULTS {
        set_faults(&sandbox, spec);
        let list = provider.list_users(None, 10).await;
        let record = provider.fetch_record(&first).await;
        for (what, result) in [("list", list.err()), ("record", record.err())] {
            let Some(error) = result else {
                failures.push(format!("{name} {what} {spec}: succeeded"));
                continue;
            };
            assert_error_is_secret_free(&sandbox, &error);
            // A 404 on a record is "no such user", the one status mapped to its own variant.
            if what == "record" && matches!(expect, Expect::Status(404, _)) {
                if !matches!(error, ProviderError::NotFound { .. }) {
                    failures.push(format!("{name} {what} {spec}: {error:?}"));
                }
                assert_one_line_with_hint(&error, "no user");
                continue;
            }
            // A record body that is the provider's error body is refused as such.
            if what == "record" && *spec == "error200" {
                if !matches!(error, ProviderError::Decode(DecodeError::ErrorBody { .. })) {
                    failures.push(format!("{name} {what} {spec}: {error:?}"));
                }
                assert_one_line_with_hint(&error, "answered 200 with an error");
                continue;
            }
            if !matches_expectation(&error, *expect) {
                failures.push(format!(
                    "{name} {what} {spec}: expected {expect:?}, got {error:?}"
                ));
                continue;
            }
            assert_one_line_with_hint(&error, names);
        }
    }
    set_faults(&sandbox, "none");
    assert!(
        provider.list_users(None, 10).await.is_ok(),
        "{name} recovers"
    );
    assert_only_gets(&sandbox);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn zoo_faults_are_typed_errors() {
    fault_table("zoo").await;
}

#[tokio::test]
async fn zooza_faults_are_typed_errors() {
    fault_table("zooza").await;
}

#[tokio::test]
async fn quip_faults_are_typed_errors() {
    fault_table("quip").await;
}

#[tokio::test]
async fn scanova_faults_are_typed_errors() {
    fault_table("scanova").await;
}

/// A 429 storm with `Retry-After: 1`: the client waits as asked and then succeeds.
async fn storm_then_success(sandbox: &Sandbox, name: &str) {
    let mut profile = profile(sandbox, name);
    profile.config.max_retries = Some(3);
    let provider = build(&profile);
    set_faults(sandbox, "storm=2:1");
    let before = sandbox.requests().len();
    let page = provider
        .list_users(None, 10)
        .await
        .unwrap_or_else(|err| panic!("{name}: {err}"));
    assert!(!page.users.is_empty(), "{name}");
    // Two refusals, then the answer.
    assert_eq!(sandbox.requests().len() - before, 3, "{name}");
    set_faults(sandbox, "none");
}

#[tokio::test]
async fn a_429_storm_is_waited_out() {
    // One sandbox per provider: storm counters are per plan, and the storms run at once.
    join_all(PROVIDERS.map(|name| async move {
        let sandbox = start(20).await;
        storm_then_success(&sandbox, name).await;
        assert_only_gets(&sandbox);
    }))
    .await;
}

#[tokio::test]
async fn zoo_auto_falls_back_to_org_members_and_finds_by_uuid_and_email() {
    let sandbox = start(USERS).await;
    let mut config = profile(&sandbox, "zoo");
    config.config.list_endpoint = Some("auto".to_owned());
    let zoo = build(&config);
    let direct = list_all(zoo.as_ref()).await;
    for status in [404, 405] {
        set_faults(&sandbox, &format!("status={status},scope=/zoo/users"));
        let before = sandbox.requests().len();
        let members = list_all(zoo.as_ref()).await;
        assert_eq!(members.len() as u64, USERS, "after {status}");
        assert_unique_ids("zoo org members", &members);
        let requests = &sandbox.requests()[before..];
        assert_eq!(requests[0].path, "/zoo/users", "{status}");
        assert_eq!(requests[1].path, "/zoo/org/members", "{status}");
        assert!(
            requests[2..].iter().all(|r| r.path == "/zoo/org/members"),
            "later pages stay on /org/members: {requests:?}"
        );
    }
    set_faults(&sandbox, "none");

    let user = &direct[direct.len() / 3];
    let by_uuid = zoo.search_users(&user.id).await.unwrap();
    assert_eq!(by_uuid.len(), 1);
    assert_eq!(by_uuid[0].id, user.id);
    assert!(!user.email.is_empty());
    let by_email = zoo.search_users(&user.email).await.unwrap();
    assert_eq!(by_email.len(), 1);
    assert_eq!(by_email[0].id, user.id);
    // Unknown: an empty result, not an error; a name: Zoo cannot search it.
    let nobody = zoo.search_users("nobody@nowhere.example").await.unwrap();
    assert!(nobody.is_empty());
    let err = zoo.search_users("Ana").await.unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported(_)), "{err:?}");
    assert_one_line_with_hint(&err, "neither");
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn zooza_records_by_user_token_owner_and_activity_and_search_by_name() {
    let sandbox = start(USERS).await;
    let zooza = build(&profile(&sandbox, "zooza"));
    let users = list_all(zooza.as_ref()).await;

    // Per-user token: the full `/user` record, credits with events and attendance.
    let mut with_attendance = None;
    for user in users.iter().skip(1).take(20) {
        let record = zooza.fetch_record(&user.id).await.unwrap();
        assert_eq!(record.bodies[0].path, "/user");
        assert_eq!(
            record.json.pointer("/user/id").map(ToString::to_string),
            Some(user.id.clone()),
        );
        // The credits of a body this size are read in place from its bytes (`model::lists`).
        let with_events_and_attendance = record.lists().items("discounts").any(|credit| {
            credit
                .get("events")
                .is_some_and(|e| e.items().next().is_some())
                && credit
                    .get("attendance")
                    .is_some_and(|a| a.items().next().is_some())
        });
        if with_events_and_attendance {
            with_attendance = Some(record);
            break;
        }
    }
    let record = with_attendance.expect("a user with discounts carrying events and attendance");
    // Its credits overview is built when it is shown: the explorer maps it then.
    assert!(record.deferred);
    let record = userscope::provider::deferred::map_in_full(&record).expect("it maps in full");
    let labels: Vec<&str> = record
        .sections
        .iter()
        .flat_map(|section| &section.fields)
        .map(|field| field.label.as_str())
        .collect();
    assert!(
        labels.iter().any(|label| label.contains(" event ")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|label| label.contains(" attendance ")),
        "{labels:?}"
    );

    // Without per-user tokens: the owner through `/user`, anyone else through their activity.
    let mut config = profile(&sandbox, "zooza");
    config = Profile::sandbox(
        "zooza-owner-only",
        config.config.clone(),
        [
            (
                SecretKind::ApiKey,
                Secret::new(&sandbox.credentials().zooza_api_key),
            ),
            (
                SecretKind::Token,
                Secret::new(&sandbox.credentials().zooza_token),
            ),
        ],
        None,
    );
    let owner_only = build(&config);
    let owner = &users[0];
    let record = owner_only.fetch_record(&owner.id).await.unwrap();
    assert_eq!(record.bodies[0].path, "/user");
    assert_eq!(record.summary.id, owner.id);
    let other = &users[5];
    let record = owner_only.fetch_record(&other.id).await.unwrap();
    assert_eq!(
        record.bodies[0].path,
        format!("/user/{}/registrations", other.id)
    );
    let direct = direct_get(&sandbox, "zooza", &record.bodies[0].path, &[], None).await;
    assert!(record.raw() == direct.as_slice());

    // Search by a fragment of a plain name.
    let user = users
        .iter()
        .skip(1)
        .find(|user| {
            user.name.len() > 6
                && user
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ' ')
        })
        .expect("a user with a plain name");
    let last = user.name.split(' ').next_back().unwrap();
    let fragment = last[..last.len().min(4)].to_lowercase();
    let found = zooza.search_users(&fragment).await.unwrap();
    assert!(
        found.iter().any(|found| found.id == user.id),
        "{fragment:?} did not find {} ({}): {found:?}",
        user.id,
        user.name
    );
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn zooza_an_unknown_id_is_no_such_user_and_a_wrong_key_stays_an_auth_failure() {
    let sandbox = start(USERS).await;
    let zooza = build(&profile(&sandbox, "zooza"));
    // The unknown user's token is refused (401) as a real server refuses one: that is not an
    // auth failure of the profile.
    let err = zooza.fetch_record("999999").await.unwrap_err();
    assert!(
        matches!(&err, ProviderError::NotFound { id, .. } if id == "999999"),
        "{err:?}"
    );
    assert!(
        err.one_line().starts_with("no user 999999 on zooza"),
        "{err}"
    );
    assert!(!err.one_line().contains("401"), "{err}");

    // A wrong API key refuses every token, the owner's too: that stays the 401 it is.
    let credentials = sandbox.credentials();
    let wrong_key = Profile::sandbox(
        "zooza-wrong-key",
        profile(&sandbox, "zooza").config.clone(),
        [
            (SecretKind::ApiKey, Secret::new("not-the-key")),
            (SecretKind::Token, Secret::new(&credentials.zooza_token)),
        ],
        Some(Secret::new(format!("{}-{{id}}", credentials.zooza_token))),
    );
    let err = build(&wrong_key).fetch_record("1005").await.unwrap_err();
    assert!(
        matches!(
            err,
            ProviderError::Http(HttpError::Status { status: 401, .. })
        ),
        "{err:?}"
    );
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn quip_lists_through_scim_fetches_threads_in_batches_and_looks_up_users() {
    let sandbox = start(USERS).await;
    let quip = build(&profile(&sandbox, "quip"));
    let users = list_all(quip.as_ref()).await;
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|request| request.path == "/quip/scim/2/Users"),
        "listing is SCIM only"
    );

    // Index 5 has 150-300 threads (`index % 37 == 5`).
    let record = quip.fetch_record(&users[5].id).await.unwrap();
    let threads = threads_of(&record.json);
    assert!(threads.len() > 100, "{} threads", threads.len());
    let ids: Vec<String> = threads.iter().map(|thread| thread.id.clone()).collect();
    let before = sandbox.requests().len();
    let titled = quip.fetch_threads(&ids).await.unwrap();
    let batches: Vec<_> = sandbox.requests()[before..].to_vec();
    assert_eq!(batches.len(), ids.len().div_ceil(100), "{batches:?}");
    for batch in &batches {
        assert_eq!(batch.path, "/quip/1/admin/threads/");
        let ids_param = batch
            .query
            .as_deref()
            .unwrap_or_default()
            .split('&')
            .find_map(|pair| pair.strip_prefix("ids="))
            .unwrap_or_default();
        assert!(ids_param.split("%2C").count() <= 100, "{ids_param}");
    }
    assert_eq!(titled.len(), ids.len());
    for thread in &titled {
        assert!(ids.contains(&thread.id));
        assert!(
            thread.title.as_deref().is_some_and(|t| !t.is_empty()),
            "{thread:?}"
        );
    }

    // Lookups by id and by e-mail, in one query.
    let (a, b) = (&users[3], &users[USERS as usize - 2]);
    assert!(!b.email.is_empty());
    let found = quip
        .search_users(&format!("{}, {}", a.id, b.email))
        .await
        .unwrap();
    let found_ids: Vec<&str> = found.iter().map(|user| user.id.as_str()).collect();
    assert!(found_ids.contains(&a.id.as_str()), "{found_ids:?}");
    assert!(found_ids.contains(&b.id.as_str()), "{found_ids:?}");
    assert!(
        quip.search_users("nobody@nowhere.example")
            .await
            .unwrap()
            .is_empty()
    );
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn scanova_reads_url_style_next_and_falls_back_to_shared_user() {
    let sandbox = start(USERS).await;
    let scanova = build(&profile(&sandbox, "scanova"));
    set_faults(&sandbox, "drf-urls");
    let first = scanova.list_users(None, 50).await.unwrap();
    assert!(first.next.is_some());
    let direct = direct_get(&sandbox, "scanova", "/multi-users/", &[], None).await;
    let next: serde_json::Value = serde_json::from_slice(&direct).unwrap();
    assert!(
        next["next"]
            .as_str()
            .is_some_and(|url| url.starts_with("http")),
        "the sandbox wrote {:?}",
        next["next"]
    );
    let users = list_all(scanova.as_ref()).await;
    assert_eq!(users.len() as u64, USERS);
    assert_unique_ids("scanova", &users);

    set_faults(&sandbox, "status=404,scope=/scanova/multi-users/");
    let user = &users[users.len() / 2];
    let record = scanova.fetch_record(&user.id).await.unwrap();
    assert_eq!(record.bodies[0].path, format!("/shared-user/{}/", user.id));
    let direct = direct_get(&sandbox, "scanova", &record.bodies[0].path, &[], None).await;
    assert!(record.raw() == direct.as_slice());
    // Both paths 404: the user is not found, by its own variant.
    set_faults(&sandbox, "status=404");
    let err = scanova.fetch_record(&user.id).await.unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert_only_gets(&sandbox);
}

/// 40 records at once under a server limit of 20/s and a client limit of 20/s: none fails.
/// Forty records fetched at once by a client paced at 20 requests a second, from a server that
/// refuses what goes past 25 in a second. No retries: a retried 429 would hide a limiter that does
/// not pace, so any refusal fails the fetch and the test. The server's margin over the pace is
/// for arrival jitter on a busy machine (a window opened by a late request sees the next ones on
/// time); unpaced, the forty requests reach the server within a fraction of a second.
async fn forty_records_under_a_rate_limit(name: &str) {
    let sandbox = start(60).await;
    let mut config = profile(&sandbox, name);
    config.config.requests_per_second = Some(20.0);
    config.config.max_retries = Some(0);
    let provider = build(&config);
    let users = list_all(provider.as_ref()).await;
    set_faults(&sandbox, "rate=25");
    let results = join_all(
        users
            .iter()
            .take(40)
            .map(|user| provider.fetch_record(&user.id)),
    )
    .await;
    let failures: Vec<String> = results
        .iter()
        .filter_map(|result| result.as_ref().err().map(ProviderError::one_line))
        .collect();
    assert!(failures.is_empty(), "{name}: {failures:?}");
    assert_eq!(results.len(), 40);
    assert_only_gets(&sandbox);
}

#[tokio::test]
async fn zoo_stays_under_a_rate_limit() {
    forty_records_under_a_rate_limit("zoo").await;
}

#[tokio::test]
async fn zooza_stays_under_a_rate_limit() {
    forty_records_under_a_rate_limit("zooza").await;
}

#[tokio::test]
async fn scanova_stays_under_a_rate_limit() {
    forty_records_under_a_rate_limit("scanova").await;
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
