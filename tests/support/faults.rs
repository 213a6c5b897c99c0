//! The fault matrix of issue 5: one table of cases, each a sandbox fault (or a closed port) and
//! what the client must make of it, shared by the CLI and the TUI suites (`tests/fault_matrix_*`)
//! and counted in the README. The fragments are what the one-line message must say (what
//! happened) and its hint (what to try).

/// How a case is staged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setup {
    /// The sandbox answers with this run-wide fault spec.
    Fault(&'static str),
    /// The profile points at a port nobody listens on.
    ConnectionRefused,
}

/// What a case must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A clean failure: the list's message holds `says`, a record's holds `record_says`, and
    /// both end with a hint holding `hint` (`record_hint` for the record when set).
    Fails {
        says: &'static str,
        record_says: &'static str,
        hint: &'static str,
        record_hint: &'static str,
    },
    /// The record opens; its overview (and `get`'s text) holds `shows`.
    Opens { shows: &'static str },
}

/// One row of the matrix.
#[derive(Debug, Clone)]
pub struct FaultCase {
    /// What the issue calls it.
    pub name: String,
    /// How it is staged.
    pub setup: Setup,
    /// What it must give.
    pub outcome: Outcome,
}

/// The statuses of the issue, each served with and without the provider's error body.
pub const STATUSES: [u16; 13] = [
    400, 401, 403, 404, 405, 408, 409, 422, 429, 500, 502, 503, 504,
];

/// The hint fragment of a status (see `http/error.rs`).
fn status_hint(status: u16) -> &'static str {
    match status {
        400 => "check the profile's ids",
        401 => "check the profile's token settings",
        403 => "an admin token is needed",
        404 => "no such user",
        405 => "does not offer that endpoint",
        408 | 504 => "the server timed out; try again",
        409 | 422 => "check the id",
        429 => "rate limited",
        _ => "try again later",
    }
}

fn fails(says: &'static str, hint: &'static str) -> Outcome {
    Outcome::Fails {
        says,
        record_says: says,
        hint,
        record_hint: hint,
    }
}

/// The size cap of the matrix's profiles (`max_body_bytes`).
pub const CAP_BYTES: u64 = 1_000_000;

/// The matrix profiles' `timeout_ms` (the timeout case's server waits 30 s).
pub const TIMEOUT_MS: u64 = 3_000;

/// The matrix profiles' `read_timeout_ms` (the stall case's body waits 30 s).
pub const READ_TIMEOUT_MS: u64 = 1_000;

/// Every case: 26 statuses, then the transport, body and JSON faults.
pub fn cases() -> Vec<FaultCase> {
    let mut cases = Vec::new();
    for status in STATUSES {
        let says: &'static str = Box::leak(format!("HTTP {status}").into_boxed_str());
        let hint = status_hint(status);
        let outcome = if status == 404 {
            // A record's 404 is "no such user", the one status with its own variant.
            Outcome::Fails {
                says,
                record_says: "no user",
                hint,
                record_hint: "check the id",
            }
        } else {
            fails(says, hint)
        };
        for (body, spec) in [
            ("with", format!("status={status}")),
            ("without", format!("status={status}:empty")),
        ] {
            cases.push(FaultCase {
                name: format!("status {status} {body} the provider's error body"),
                setup: Setup::Fault(Box::leak(spec.into_boxed_str())),
                outcome,
            });
        }
    }
    let rows: [(&str, Setup, Outcome); 20] = [
        (
            "connection refused",
            Setup::ConnectionRefused,
            fails("cannot connect", "check base_url"),
        ),
        (
            "timeout before the headers",
            Setup::Fault("latency=30000"),
            fails("no answer from", "raise timeout_ms"),
        ),
        (
            "a body that stalls",
            Setup::Fault("stall=30000"),
            fails("stalled", "raise read_timeout_ms"),
        ),
        (
            "a body cut mid-stream",
            Setup::Fault("cut"),
            fails("the connection broke while reading", "try again"),
        ),
        (
            "malformed JSON",
            Setup::Fault("malformed"),
            fails("malformed JSON", "check base_url"),
        ),
        (
            "JSON cut short with a matching length",
            Setup::Fault("truncated"),
            fails("malformed JSON", "check base_url"),
        ),
        (
            "valid JSON of the wrong shape",
            Setup::Fault("shape"),
            fails("unexpected response shape", "the API may have changed"),
        ),
        (
            "a wrong content type: an HTML page",
            Setup::Fault("html"),
            fails("text/html", "check base_url"),
        ),
        (
            "a wrong content type: JSON labelled text/plain",
            Setup::Fault("text-type"),
            Outcome::Opens { shows: "" },
        ),
        (
            "an empty body",
            Setup::Fault("empty"),
            fails("an empty body", "check base_url"),
        ),
        (
            "a 200 that carries an error body",
            Setup::Fault("error200"),
            Outcome::Fails {
                says: "unexpected response shape",
                record_says: "answered 200 with an error",
                hint: "the API may have changed",
                record_hint: "reported a failure despite its status",
            },
        ),
        (
            "a body over the size cap",
            Setup::Fault("huge=3000000"),
            fails("larger than the 1000000-byte cap", "raise max_body_bytes"),
        ),
        (
            "a gzip body that expands past the cap",
            Setup::Fault("gzip-bomb=50000000"),
            fails("counted after decompression", "raise max_body_bytes"),
        ),
        (
            "a redirect loop",
            Setup::Fault("redirect"),
            fails("in a loop", "check base_url"),
        ),
        (
            "a redirect to another origin",
            Setup::Fault("redirect=offsite"),
            fails("to another origin", "set base_url"),
        ),
        (
            "nesting 100,000 levels deep",
            Setup::Fault("deep=100000"),
            fails("nested deeper than 128 levels", "get --raw"),
        ),
        (
            "numbers beyond 64 bits",
            Setup::Fault("bignum"),
            Outcome::Opens {
                shows: "123456789012345678901234567890",
            },
        ),
        (
            "duplicate keys",
            Setup::Fault("dupkeys"),
            Outcome::Opens {
                shows: "Duplicate key",
            },
        ),
        (
            "invalid UTF-8",
            Setup::Fault("badutf8"),
            Outcome::Opens { shows: "Not UTF-8" },
        ),
        (
            "an error status with a plain-text body",
            Setup::Fault("status=503:bare"),
            fails("HTTP 503", "try again later"),
        ),
    ];
    for (name, setup, outcome) in rows {
        cases.push(FaultCase {
            name: name.to_owned(),
            setup,
            outcome,
        });
    }
    cases
}

/// Whether a text holds a panic or a backtrace.
pub fn mentions_panic(text: &str) -> bool {
    ["panicked", "backtrace", "RUST_BACKTRACE"]
        .iter()
        .any(|bad| text.contains(bad))
}
