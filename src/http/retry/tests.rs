use super::*;
use reqwest::header::HeaderValue;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.insert(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

#[test]
fn retries_throttling_and_transient_server_errors_only() {
    for status in [408, 429, 500, 502, 503, 504] {
        assert!(is_retryable(status), "{status}");
    }
    for status in [200, 400, 401, 403, 404, 409, 422, 501] {
        assert!(!is_retryable(status), "{status}");
    }
}

#[test]
fn honours_retry_after_seconds_and_dates() {
    let now = 1_700_000_000;
    assert_eq!(
        server_requested_wait(429, &headers(&[("retry-after", "3")]), now),
        Some(Duration::from_secs(3))
    );
    let date = chrono::DateTime::from_timestamp(now + 5, 0)
        .unwrap()
        .to_rfc2822();
    assert_eq!(
        server_requested_wait(503, &headers(&[("retry-after", &date)]), now),
        Some(Duration::from_secs(5))
    );
}

#[test]
fn honours_quip_scims_retry_after_as_retry_after() {
    let now = 1_700_000_000;
    assert_eq!(
        server_requested_wait(429, &headers(&[("x-scim-retry-after", "7")]), now),
        Some(Duration::from_secs(7))
    );
    // Beside the 0 reset of a Quip 429, the SCIM wait is the one taken, not a minute.
    assert_eq!(
        server_requested_wait(
            429,
            &headers(&[("x-scim-retry-after", "2"), ("x-ratelimit-reset", "0")]),
            now
        ),
        Some(Duration::from_secs(2))
    );
    let date = chrono::DateTime::from_timestamp(now + 4, 0)
        .unwrap()
        .to_rfc2822();
    assert_eq!(
        server_requested_wait(503, &headers(&[("x-scim-retry-after", &date)]), now),
        Some(Duration::from_secs(4))
    );
    assert_eq!(
        server_requested_wait(
            429,
            &headers(&[("x-scim-retry-after", &(now + 9).to_string())]),
            now
        ),
        Some(Duration::from_secs(9))
    );
    // The standard header first; an unreadable SCIM one falls through to the reset.
    assert_eq!(
        server_requested_wait(
            429,
            &headers(&[("retry-after", "1"), ("x-scim-retry-after", "5")]),
            now
        ),
        Some(Duration::from_secs(1))
    );
    assert_eq!(
        server_requested_wait(
            429,
            &headers(&[("x-scim-retry-after", "soon"), ("x-ratelimit-reset", "0")]),
            now
        ),
        Some(QUIP_ZERO_RESET_WAIT)
    );
}

#[test]
fn honours_ratelimit_reset_epoch_and_quips_zero_on_429() {
    let now = 1_700_000_000;
    let reset = (now + 10).to_string();
    assert_eq!(
        server_requested_wait(503, &headers(&[("x-ratelimit-reset", &reset)]), now),
        Some(Duration::from_secs(11))
    );
    assert_eq!(
        server_requested_wait(429, &headers(&[("x-ratelimit-reset", "0")]), now),
        Some(QUIP_ZERO_RESET_WAIT)
    );
    assert_eq!(
        server_requested_wait(503, &headers(&[("x-ratelimit-reset", "0")]), now),
        None
    );
}

#[test]
fn backoff_grows_is_capped_and_jittered() {
    assert_eq!(backoff(0, 0.5), Duration::from_millis(250));
    assert_eq!(backoff(2, 0.5), Duration::from_secs(1));
    assert_eq!(backoff(30, 0.5), Duration::from_millis(MAX_BACKOFF_MS));
    assert!(backoff(1, 0.0) < backoff(1, 0.99));
    assert_eq!(
        retry_delay(500, &HeaderMap::new(), 1, 0, 0.5),
        Duration::from_millis(500)
    );
}
