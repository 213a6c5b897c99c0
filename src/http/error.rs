//! What can go wrong on the wire, as values with a message and a hint of what to try.

use std::time::Duration;

/// A failed HTTP exchange. Every text in it has been through the redactor.
#[derive(Debug, Clone, thiserror::Error)]
pub enum HttpError {
    /// The server answered with a non-success status.
    #[error("HTTP {status}{} from {path}{}", reason_suffix(*status), message_suffix(message.as_deref()))]
    Status {
        /// The status code.
        status: u16,
        /// The request path (no host, no query).
        path: String,
        /// The message the provider's error body carried, if any.
        message: Option<String>,
        /// How long the server asked us to wait, if it said.
        retry_after: Option<Duration>,
    },
    /// No connection could be made.
    #[error("cannot connect to {host}: {detail}")]
    Connect {
        /// Host and port.
        host: String,
        /// Why, as the OS said it.
        detail: String,
    },
    /// The server sent no response headers in time.
    #[error("no answer from {path} within {timeout_ms} ms")]
    Timeout {
        /// The request path.
        path: String,
        /// The limit that passed.
        timeout_ms: u64,
    },
    /// The body stopped arriving.
    #[error("the body of {path} stalled: nothing received for {timeout_ms} ms")]
    BodyStalled {
        /// The request path.
        path: String,
        /// The limit that passed.
        timeout_ms: u64,
    },
    /// The connection dropped or the body could not be decoded mid-stream.
    #[error("the connection broke while reading {path}: {detail}")]
    BodyCut {
        /// The request path.
        path: String,
        /// What the transport said.
        detail: String,
    },
    /// The body passed the size cap (counted after decompression).
    #[error(
        "the body of {path} is larger than the {limit_bytes}-byte cap (counted after decompression), so it was refused"
    )]
    TooLarge {
        /// The request path.
        path: String,
        /// The cap.
        limit_bytes: u64,
    },
    /// A plain-http URL to a host that is not this machine.
    #[error("refusing plain http to {host}: tokens would cross the network unencrypted")]
    InsecureUrl {
        /// The host.
        host: String,
    },
    /// The base URL or a path could not be parsed.
    #[error("invalid URL {url}: {detail}")]
    InvalidUrl {
        /// The offending URL text.
        url: String,
        /// Why.
        detail: String,
    },
    /// Redirects went round in circles or too far.
    #[error(
        "the server redirected {path} in a loop or more than {} times",
        super::redirect::MAX_REDIRECTS
    )]
    Redirects {
        /// The request path.
        path: String,
    },
    /// A redirect pointed at another origin; it was not followed, so no token went there.
    #[error(
        "the server redirected {path} to another origin ({origin}); not followed, so the token stayed here"
    )]
    RedirectOffOrigin {
        /// The request path.
        path: String,
        /// `scheme://host:port` of the target.
        origin: String,
    },
    /// Anything else the transport reported.
    #[error("request to {path} failed: {detail}")]
    Transport {
        /// The request path.
        path: String,
        /// What the transport said.
        detail: String,
    },
}

impl HttpError {
    /// The HTTP status, for status errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// What the operator can try next.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Status { status, .. } => status_hint(*status),
            Self::Connect { .. } => "check base_url and that the service is reachable from here",
            Self::Timeout { .. } => {
                "the server is slow or unreachable; try again or raise timeout_ms"
            }
            Self::BodyStalled { .. } => {
                "the server or the network stalls; try again, or raise read_timeout_ms in the profile"
            }
            Self::BodyCut { .. } => "the connection dropped mid-answer; try again",
            Self::TooLarge { .. } => {
                "raise max_body_bytes in the profile if this record is expected to be this big"
            }
            Self::InsecureUrl { .. } => {
                "use https, or set allow_insecure_http = true in the profile"
            }
            Self::InvalidUrl { .. } => "fix base_url in the profile",
            Self::Redirects { .. } => {
                "check base_url (a proxy or a moved API); `curl -IL` on it shows the chain"
            }
            Self::RedirectOffOrigin { .. } => {
                "if the API really moved there, set base_url to the new address"
            }
            Self::Transport { .. } => "try again; run with RUST_LOG=debug for details in the log",
        }
    }
}

fn status_hint(status: u16) -> &'static str {
    match status {
        400 => "the server refused the request; check the profile's ids and options",
        401 => "the token is missing, wrong or expired; check the profile's token settings",
        403 => "the token lacks permission for this; an admin token is needed",
        404 => {
            "no such user, or the token may not see it (some admin APIs answer 404 to non-admins)"
        }
        405 => "this server does not offer that endpoint; check base_url",
        408 | 504 => "the server timed out; try again",
        409 | 422 => "the server could not process the request; check the id",
        429 => "rate limited; wait, or lower requests_per_second in the profile",
        500..=599 => "the service has a problem; try again later",
        _ => "see the log for the full exchange",
    }
}

fn reason_suffix(status: u16) -> String {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        .map(|reason| format!(" {reason}"))
        .unwrap_or_default()
}

fn message_suffix(message: Option<&str>) -> String {
    message
        .filter(|text| !text.is_empty())
        .map(|text| format!(": {text}"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
