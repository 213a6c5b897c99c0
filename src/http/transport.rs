//! reqwest's failures as [`HttpError`] values, with the URL (host, query) taken out of the text.

use url::Url;

use super::HttpError;
use super::redirect::RedirectRefused;
use crate::secret::Redactor;

/// What a failed `send` (no response headers) becomes.
pub(super) fn transport_error(
    err: &reqwest::Error,
    url: &Url,
    path: &str,
    timeout_ms: u64,
    redactor: &Redactor,
) -> HttpError {
    let detail = redactor.clean(&error_text(err));
    if err.is_redirect() {
        return match find_cause::<RedirectRefused>(err) {
            Some(RedirectRefused::OffOrigin { origin }) => HttpError::RedirectOffOrigin {
                path: path.to_owned(),
                origin: origin.clone(),
            },
            _ => HttpError::Redirects {
                path: path.to_owned(),
            },
        };
    }
    if err.is_connect() {
        let host = format!(
            "{}:{}",
            url.host_str().unwrap_or_default(),
            url.port_or_known_default().unwrap_or_default()
        );
        HttpError::Connect { host, detail }
    } else if err.is_timeout() {
        HttpError::Timeout {
            path: path.to_owned(),
            timeout_ms,
        }
    } else {
        HttpError::Transport {
            path: path.to_owned(),
            detail,
        }
    }
}

/// The first error of type `E` in an error's chain of causes.
fn find_cause<'a, E: std::error::Error + 'static>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a E> {
    let mut current = Some(err);
    while let Some(error) = current {
        if let Some(found) = error.downcast_ref::<E>() {
            return Some(found);
        }
        current = error.source();
    }
    None
}

/// A reqwest error's chain without the request URL: errors name the path alone, and the URL's
/// host and query (company ids, searched e-mails) have no place in a status line or a log.
pub(super) fn error_text(err: &reqwest::Error) -> String {
    let text = error_chain(err);
    match err.url() {
        Some(url) => text
            .replace(&format!(" for url ({url})"), "")
            .replace(url.as_str(), "<url>"),
        None => text,
    }
}

/// reqwest's `Display` stops at the outermost error; the cause ("connection refused") is inside.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
