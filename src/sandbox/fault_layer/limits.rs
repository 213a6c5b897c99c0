//! The throttling faults: a 429 storm at the start, and a per-second rate limit that answers the
//! excess the way each provider does (Quip in both of its styles).

use std::collections::HashMap;
use std::sync::PoisonError;
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::Response;
use tokio::time::Instant;

use super::{epoch_secs, set_header};
use crate::sandbox::Shared;
use crate::sandbox::reply::{Provider, error};

/// Storm and rate counters, keyed by plan ("run" or "req:<spec>"); cleared by `set_faults`.
#[derive(Default)]
pub(crate) struct Counters {
    by_plan: HashMap<String, Counter>,
    /// Quip's informational rate-limit window: (epoch minute, requests in it).
    pub(super) quip_minute: (u64, u64),
}

#[derive(Default)]
struct Counter {
    storm_seen: u64,
    window_start: Option<Instant>,
    window_count: u64,
    excess: u64,
}

impl Counters {
    pub(crate) fn clear(&mut self) {
        self.by_plan.clear();
    }
}

fn bump<T>(shared: &Shared, key: &str, update: impl FnOnce(&mut Counter) -> T) -> T {
    let mut counters = shared
        .counters
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    update(counters.by_plan.entry(key.to_owned()).or_default())
}

/// Counts a request against a storm of `count`; whether it is one of the refused.
pub(super) fn in_storm(shared: &Shared, key: &str, count: u64) -> bool {
    let seen = bump(shared, key, |counter| {
        counter.storm_seen += 1;
        counter.storm_seen
    });
    seen <= count
}

/// A fixed one-second window; returns how many requests have been refused so far when over.
pub(super) fn over_rate(shared: &Shared, key: &str, rate: u64) -> Option<u64> {
    let now = Instant::now();
    bump(shared, key, |counter| {
        let fresh = counter
            .window_start
            .is_none_or(|start| now.duration_since(start) >= Duration::from_secs(1));
        if fresh {
            counter.window_start = Some(now);
            counter.window_count = 0;
        }
        counter.window_count += 1;
        (counter.window_count > rate).then(|| {
            counter.excess += 1;
            counter.excess
        })
    })
}

pub(super) fn throttled(
    shared: &Shared,
    provider: Provider,
    retry_after_secs: u64,
    quip_reset: Option<u64>,
) -> Response {
    let message = match provider {
        Provider::Scanova => {
            format!("Request was throttled. Expected available in {retry_after_secs} seconds.")
        }
        Provider::Quip => "Over Rate Limit".to_owned(),
        _ => "Too many requests".to_owned(),
    };
    let mut response = error(
        shared,
        provider,
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        &message,
    );
    set_header(&mut response, "retry-after", &retry_after_secs.to_string());
    if provider == Provider::Quip {
        set_header(&mut response, "x-ratelimit-remaining", "0");
        set_header(
            &mut response,
            "x-ratelimit-reset",
            &quip_reset.unwrap_or(0).to_string(),
        );
    }
    response
}

/// Over the rate: 429 with `Retry-After: 1`; under `/quip/` odd refusals are 503 "Over Rate Limit"
/// with a correct reset and even ones 429 with reset 0, as both have been seen from Quip.
pub(super) fn rate_limited(
    shared: &Shared,
    provider: Provider,
    rate: u32,
    excess: u64,
) -> Response {
    if provider != Provider::Quip {
        return throttled(shared, provider, 1, None);
    }
    let mut response = if excess % 2 == 1 {
        let mut response = error(
            shared,
            provider,
            StatusCode::SERVICE_UNAVAILABLE,
            "over_rate_limit",
            "Over Rate Limit",
        );
        set_header(
            &mut response,
            "x-ratelimit-reset",
            &(epoch_secs() + 1).to_string(),
        );
        response
    } else {
        let mut response = error(
            shared,
            provider,
            StatusCode::TOO_MANY_REQUESTS,
            "over_rate_limit",
            "Over Rate Limit",
        );
        set_header(&mut response, "x-ratelimit-reset", "0");
        response
    };
    set_header(&mut response, "x-ratelimit-limit", &rate.to_string());
    set_header(&mut response, "x-ratelimit-remaining", "0");
    response
}
