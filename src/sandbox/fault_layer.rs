//! The fault middleware: records every request, answers non-GETs with 405, applies the run-wide or
//! per-request [`FaultPlan`], and adds the headers some providers send on every response.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use futures::{StreamExt as _, stream};
use tokio::time::Instant;

use super::fault::{BodyFault, FaultPlan, StatusBody, StatusFault};
use super::reply::{Provider, error, error_body, params};
use super::{RecordedRequest, Shared};

/// Storm and rate counters, keyed by plan ("run" or "req:<spec>"); cleared by `set_faults`.
#[derive(Default)]
pub(crate) struct Counters {
    by_plan: HashMap<String, Counter>,
    /// Quip's informational rate-limit window: (epoch minute, requests in it).
    quip_minute: (u64, u64),
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

/// Whether Scanova should write its list links as full URLs (set per request by the middleware).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DrfUrls(pub(crate) bool);

/// Quip's documented informational limit (requests per minute) when no rate fault is active; large
/// so that a client pacing itself on `X-Ratelimit-Remaining` is never slowed down by accident.
const QUIP_NOMINAL_LIMIT: u64 = 100_000;

fn epoch_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// The middleware: records the request, answers non-GETs with 405, applies the fault plan, and adds
/// the headers some providers send on every response.
pub(crate) async fn layer(
    State(shared): State<Arc<Shared>>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);
    shared.record(RecordedRequest {
        method: request.method().as_str().to_owned(),
        path: path.clone(),
        query: query.clone(),
    });
    let provider = Provider::of_path(&path);
    let per_request = request
        .headers()
        .get("x-sandbox-fault")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
        .or_else(|| params(query.as_deref()).remove("sandbox_fault"));
    let (plan, key) = match per_request {
        Some(spec) => match spec.parse::<FaultPlan>() {
            Ok(plan) => (plan, format!("req:{spec}")),
            Err(bad) => {
                let response = error(
                    &shared,
                    provider,
                    StatusCode::BAD_REQUEST,
                    "bad_request",
                    &bad.to_string(),
                );
                return decorate(&shared, provider, response);
            }
        },
        None => (shared.faults(), "run".to_owned()),
    };
    if request.method() != Method::GET {
        let message = format!("Method \"{}\" not allowed.", request.method());
        let response = error(
            &shared,
            provider,
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            &message,
        );
        return decorate(&shared, provider, response);
    }
    let active = plan.applies_to(&path);
    request
        .extensions_mut()
        .insert(DrfUrls(active && plan.drf_urls));
    let response = if active {
        apply(&shared, provider, &plan, &key, request, next).await
    } else {
        next.run(request).await
    };
    decorate(&shared, provider, response)
}

async fn apply(
    shared: &Shared,
    provider: Provider,
    plan: &FaultPlan,
    key: &str,
    request: Request,
    next: Next,
) -> Response {
    if plan.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(plan.latency_ms)).await;
    }
    if let Some(storm) = plan.storm {
        let seen = bump(shared, key, |counter| {
            counter.storm_seen += 1;
            counter.storm_seen
        });
        if seen <= storm.count {
            return throttled(shared, provider, storm.retry_after_secs, None);
        }
    }
    if let Some(rate) = plan.rate_per_second {
        if let Some(excess) = over_rate(shared, key, u64::from(rate)) {
            return rate_limited(shared, provider, rate, excess);
        }
    }
    if plan.redirect_loop {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::FOUND;
        if let Ok(location) = HeaderValue::from_str(&request.uri().to_string()) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    let response = match plan.status {
        Some(status) => forced_status(shared, provider, status),
        None => next.run(request).await,
    };
    match plan.body {
        Some(fault) => damage(shared, provider, fault, response).await,
        None => response,
    }
}

fn bump<T>(shared: &Shared, key: &str, update: impl FnOnce(&mut Counter) -> T) -> T {
    let mut counters = shared
        .counters
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    update(counters.by_plan.entry(key.to_owned()).or_default())
}

/// A fixed one-second window; returns how many requests have been refused so far when over.
fn over_rate(shared: &Shared, key: &str, rate: u64) -> Option<u64> {
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

fn set_header(response: &mut Response, name: &'static str, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(name), value);
    }
}

fn throttled(
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
fn rate_limited(shared: &Shared, provider: Provider, rate: u32, excess: u64) -> Response {
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

fn forced_status(shared: &Shared, provider: Provider, fault: StatusFault) -> Response {
    let status = StatusCode::from_u16(fault.code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let reason = status.canonical_reason().unwrap_or("Sandbox fault");
    match fault.body {
        StatusBody::Provider => {
            let code = reason.to_ascii_lowercase().replace(' ', "_");
            error(shared, provider, status, &code, reason)
        }
        StatusBody::Empty => {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = status;
            response
        }
        StatusBody::Bare => {
            let mut response = Response::new(Body::from(format!("{} {reason}\n", status.as_u16())));
            *response.status_mut() = status;
            set_header(&mut response, "content-type", "text/plain; charset=utf-8");
            response
        }
    }
}

const HTML_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head>\n<body><h1>Checking your browser before accessing the API</h1><p>sandbox: this is not JSON</p></body></html>\n";

async fn damage(
    shared: &Shared,
    provider: Provider,
    fault: BodyFault,
    response: Response,
) -> Response {
    let (mut parts, body) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let json = HeaderValue::from_static("application/json");
    let new_body = match fault {
        BodyFault::Huge { bytes } => {
            parts.status = StatusCode::OK;
            parts.headers.insert(header::CONTENT_TYPE, json);
            huge_body(bytes)
        }
        BodyFault::Html => {
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            Body::from(HTML_PAGE)
        }
        BodyFault::Empty => {
            parts.status = StatusCode::OK;
            Body::empty()
        }
        BodyFault::ErrorWith200 => {
            parts.status = StatusCode::OK;
            parts.headers.insert(header::CONTENT_TYPE, json);
            let status = StatusCode::INTERNAL_SERVER_ERROR;
            let body = error_body(
                shared,
                provider,
                status,
                "internal_api",
                "An internal error occurred",
            );
            Body::from(super::generate::render(&body))
        }
        BodyFault::Malformed | BodyFault::Truncated | BodyFault::Cut | BodyFault::Stall { .. } => {
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            match fault {
                BodyFault::Malformed => Body::from(malformed(&bytes)),
                BodyFault::Truncated => Body::from(bytes.slice(..truncation_point(&bytes))),
                BodyFault::Cut => {
                    // The pause lets hyper flush the head and the first chunk before the error
                    // drops the connection, so the client sees a body that starts and then dies.
                    let head = bytes.slice(..truncation_point(&bytes));
                    let first = stream::once(async move { Ok::<_, std::io::Error>(head) });
                    let abort = stream::once(async {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Err(std::io::Error::new(
                            std::io::ErrorKind::ConnectionAborted,
                            "sandbox cut the body",
                        ))
                    });
                    Body::from_stream(first.chain(abort))
                }
                _ => {
                    let ms = if let BodyFault::Stall { ms } = fault {
                        ms
                    } else {
                        0
                    };
                    Body::from_stream(stream::once(async move {
                        tokio::time::sleep(Duration::from_millis(ms)).await;
                        Ok::<_, std::io::Error>(bytes)
                    }))
                }
            }
        }
    };
    Response::from_parts(parts, new_body)
}

/// Half the body, and always short of the end (so never valid JSON for a non-empty object).
fn truncation_point(bytes: &[u8]) -> usize {
    (bytes.len() / 2).min(bytes.len().saturating_sub(1))
}

/// The body with `,,` after its first byte: complete, but not JSON.
fn malformed(bytes: &[u8]) -> Vec<u8> {
    let mut broken = Vec::with_capacity(bytes.len() + 3);
    match bytes.split_first() {
        Some((first, rest)) => {
            broken.push(*first);
            broken.extend_from_slice(b",,");
            broken.extend_from_slice(rest);
        }
        None => broken.extend_from_slice(b"{,,"),
    }
    broken
}

/// `{"padding":"xxx…"}` of exactly `total` bytes (at least 14), streamed in 64 KiB chunks.
fn huge_body(total: u64) -> Body {
    const PREFIX: &[u8] = b"{\"padding\":\"";
    const SUFFIX: &[u8] = b"\"}";
    const CHUNK: u64 = 64 * 1024;
    let total = total.max((PREFIX.len() + SUFFIX.len()) as u64);
    let chunks = stream::unfold(0u64, move |offset| async move {
        if offset >= total {
            return None;
        }
        let end = (offset + CHUNK).min(total);
        let chunk: Vec<u8> = (offset..end)
            .map(|position| {
                if position < PREFIX.len() as u64 {
                    PREFIX[position as usize]
                } else if position >= total - SUFFIX.len() as u64 {
                    SUFFIX[(position - (total - SUFFIX.len() as u64)) as usize]
                } else {
                    b'x'
                }
            })
            .collect();
        Some((Ok::<_, std::io::Error>(Bytes::from(chunk)), end))
    });
    Body::from_stream(chunks)
}

/// Headers some providers put on every response: Zoo's `X-Api-Call-Id`, Quip's `X-Ratelimit-*`.
fn decorate(shared: &Shared, provider: Provider, mut response: Response) -> Response {
    match provider {
        Provider::Zoo if !response.headers().contains_key("x-api-call-id") => {
            let id = shared.next_request_id();
            set_header(&mut response, "x-api-call-id", &id);
        }
        Provider::Quip | Provider::QuipScim
            if !response.headers().contains_key("x-ratelimit-limit") =>
        {
            let now = epoch_secs();
            let minute = now / 60;
            let used = {
                let mut counters = shared
                    .counters
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                if counters.quip_minute.0 != minute {
                    counters.quip_minute = (minute, 0);
                }
                counters.quip_minute.1 += 1;
                counters.quip_minute.1
            };
            set_header(
                &mut response,
                "x-ratelimit-limit",
                &QUIP_NOMINAL_LIMIT.to_string(),
            );
            set_header(
                &mut response,
                "x-ratelimit-remaining",
                &QUIP_NOMINAL_LIMIT.saturating_sub(used).to_string(),
            );
            set_header(
                &mut response,
                "x-ratelimit-reset",
                &((minute + 1) * 60).to_string(),
            );
        }
        _ => {}
    }
    response
}

#[cfg(test)]
mod tests;
