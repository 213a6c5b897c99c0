//! Each fault kind the sandbox offers, against each provider's list and record: a typed error
//! with a one-line message and a hint, no credential in it, and recovery once the fault is off.

use userscope::http::HttpError;
use userscope::provider::{DecodeError, ProviderError};

use crate::support::{
    assert_error_is_secret_free, assert_one_line_with_hint, assert_only_gets, build, fast_profile,
    set_faults, start,
};
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
