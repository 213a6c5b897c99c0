//! When to retry a throttled or failing request, and how long to wait first.
//!
//! Pure functions of the status, headers, attempt and clock, so the policy is unit-tested without
//! a server or a real wait.

use std::time::Duration;

use reqwest::header::HeaderMap;

/// The longest exponential backoff step, before jitter.
const MAX_BACKOFF_MS: u64 = 8_000;
/// The first backoff step.
const BASE_BACKOFF_MS: u64 = 250;
/// Quip answers 429 with `X-Ratelimit-Reset: 0`; its per-minute window resets within a minute.
const QUIP_ZERO_RESET_WAIT: Duration = Duration::from_secs(61);

/// Whether a status is worth retrying: throttling, the server timing out on our request (408;
/// every request is an idempotent GET) and transient server errors.
pub fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 429) || (500..=599).contains(&status) && status != 501 && status != 505
}

/// The headers that say how long to wait as `Retry-After` does, in the order they are read:
/// the standard one, then Quip SCIM's (its SCIM API is limited per company and names the wait
/// there, beside an `X-Ratelimit-Reset` of 0 on a 429).
const RETRY_AFTER_HEADERS: [&str; 2] = ["retry-after", "x-scim-retry-after"];

/// Epoch seconds from here on are a time to wait until, not a number of seconds to wait.
const EPOCH_FLOOR_SECS: u64 = 1_000_000_000;

/// How long the server asked us to wait, from `Retry-After` or `X-Scim-Retry-After` (seconds or
/// an HTTP date) or `X-Ratelimit-Reset` (a UTC epoch in seconds); `None` when it said nothing
/// usable.
pub fn server_requested_wait(
    status: u16,
    headers: &HeaderMap,
    now_epoch_secs: i64,
) -> Option<Duration> {
    for name in RETRY_AFTER_HEADERS {
        if let Some(wait) =
            header_text(headers, name).and_then(|value| retry_after(value, now_epoch_secs))
        {
            return Some(wait);
        }
    }
    let reset = header_text(headers, "x-ratelimit-reset")?
        .trim()
        .parse::<f64>()
        .ok()?;
    if reset <= 0.0 {
        // Seen on Quip: the reset header is right on 503 but 0 on 429.
        return (status == 429).then_some(QUIP_ZERO_RESET_WAIT);
    }
    let reset_secs = reset as i64;
    if reset_secs > 1_000_000_000 {
        Some(Duration::from_secs(
            (reset_secs - now_epoch_secs).max(0).unsigned_abs() + 1,
        ))
    } else {
        // Some servers send seconds-until-reset rather than an epoch.
        Some(Duration::from_secs(reset_secs.unsigned_abs()))
    }
}

/// A `Retry-After` value: seconds, an HTTP date, or (from servers that send one) an epoch.
fn retry_after(value: &str, now_epoch_secs: i64) -> Option<Duration> {
    let value = value.trim();
    let until =
        |epoch_secs: i64| Duration::from_secs((epoch_secs - now_epoch_secs).max(0).unsigned_abs());
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(if seconds >= EPOCH_FLOOR_SECS {
            until(i64::try_from(seconds).unwrap_or(i64::MAX))
        } else {
            Duration::from_secs(seconds)
        });
    }
    chrono::DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|date| until(date.timestamp()))
}

/// Exponential backoff with jitter for attempt `n` (0-based); `jitter` in `[0, 1)` spreads
/// concurrent clients so they do not retry in lockstep.
pub fn backoff(attempt: u32, jitter: f64) -> Duration {
    let step = BASE_BACKOFF_MS
        .saturating_mul(1 << attempt.min(16))
        .min(MAX_BACKOFF_MS);
    let factor = 0.5 + jitter.clamp(0.0, 1.0);
    Duration::from_millis((step as f64 * factor) as u64)
}

/// The wait before the next attempt: what the server asked for, else jittered backoff.
pub fn retry_delay(
    status: u16,
    headers: &HeaderMap,
    attempt: u32,
    now_epoch_secs: i64,
    jitter: f64,
) -> Duration {
    server_requested_wait(status, headers, now_epoch_secs)
        .unwrap_or_else(|| backoff(attempt, jitter))
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// A jitter in `[0, 1)`: spreads retries, no need for a cryptographic generator.
pub fn jitter() -> f64 {
    fastrand::f64()
}

#[cfg(test)]
mod tests;
