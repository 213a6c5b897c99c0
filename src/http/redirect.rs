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
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn follows_within_the_origin_and_refuses_elsewhere_loops_and_long_chains() {
        let start = url("http://127.0.0.1:8080/scanova/multi-users?page=2");
        let slash = url("http://127.0.0.1:8080/scanova/multi-users/?page=2");
        assert!(judge(&slash, std::slice::from_ref(&start)).is_none());
        for elsewhere in [
            "http://localhost:8080/scanova/multi-users/",
            "https://127.0.0.1:8080/scanova/multi-users/",
            "http://127.0.0.1:8081/scanova/multi-users/",
            "http://evil.example/steal",
        ] {
            assert!(
                matches!(
                    judge(&url(elsewhere), std::slice::from_ref(&start)),
                    Some(RedirectRefused::OffOrigin { .. })
                ),
                "{elsewhere}"
            );
        }
        assert!(matches!(
            judge(&start, &[start.clone(), slash.clone()]),
            Some(RedirectRefused::Loop)
        ));
        let chain: Vec<Url> = (0..=MAX_REDIRECTS)
            .map(|n| url(&format!("http://127.0.0.1:8080/{n}")))
            .collect();
        assert!(matches!(
            judge(&url("http://127.0.0.1:8080/next"), &chain),
            Some(RedirectRefused::TooMany)
        ));
    }
}
