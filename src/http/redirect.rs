//! Which redirects the client follows: only within the base URL's origin (scheme, host and port),
//! at most [`MAX_REDIRECTS`] in a row, and never one that comes back to a URL already visited.
//! A redirect to another origin is refused outright rather than followed without the auth
//! headers: the providers' custom headers (`X-ZOOZA-TOKEN`...) are not ones reqwest knows to
//! strip, and a request without its token would only fail later with a less useful message.
//! Every request is a GET, and a redirect keeps it a GET.

use reqwest::redirect::{Attempt, Policy};
use url::Url;

/// The longest chain of redirects followed.
pub const MAX_REDIRECTS: usize = 5;

/// Why a redirect was not followed.
#[derive(Debug, thiserror::Error)]
pub(super) enum RedirectRefused {
    /// It pointed at another scheme, host or port.
    #[error("redirect to another origin ({origin}) refused")]
    OffOrigin {
        /// `scheme://host:port` of the target.
        origin: String,
    },
    /// It came back to a URL already requested.
    #[error("redirect loop")]
    Loop,
    /// The chain was longer than allowed.
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooMany,
}

/// The client's redirect policy.
pub(super) fn policy() -> Policy {
    Policy::custom(decide)
}

fn decide(attempt: Attempt<'_>) -> reqwest::redirect::Action {
    let verdict = judge(attempt.url(), attempt.previous());
    match verdict {
        None => attempt.follow(),
        Some(refused) => attempt.error(refused),
    }
}

/// `None` to follow; otherwise why not. `previous` holds every URL requested so far, the
/// original first.
fn judge(next: &Url, previous: &[Url]) -> Option<RedirectRefused> {
    let first = previous.first()?;
    if next.origin() != first.origin() {
        return Some(RedirectRefused::OffOrigin {
            origin: next.origin().ascii_serialization(),
        });
    }
    if previous.contains(next) {
        return Some(RedirectRefused::Loop);
    }
    (previous.len() > MAX_REDIRECTS).then_some(RedirectRefused::TooMany)
}

#[cfg(test)]
mod tests;
