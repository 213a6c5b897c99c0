//! The fault middleware: records every request, answers non-GETs with 405, applies the run-wide or
//! per-request [`FaultPlan`], and adds the headers some providers send on every response.

mod bodies;
mod generators;
mod limits;

use std::sync::{Arc, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

pub(crate) use limits::Counters;

use super::fault::{FaultPlan, RedirectFault, StatusBody, StatusFault};
use super::reply::{Provider, error, params};
use super::{RecordedRequest, Shared};

/// Whether Scanova should write its list links as full URLs (set per request by the middleware).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DrfUrls(pub(crate) bool);

/// Quip's documented informational limit (requests per minute) when no rate fault is active; large
/// so that a client pacing itself on `X-Ratelimit-Remaining` is never slowed down by accident.
const QUIP_NOMINAL_LIMIT: u64 = 100_000;

pub(super) fn epoch_secs() -> u64 {
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
    if let Some(storm) = plan.storm
        && limits::in_storm(shared, key, storm.count)
    {
        return limits::throttled(shared, provider, storm.retry_after_secs, None);
    }
    if let Some(rate) = plan.rate_per_second
        && let Some(excess) = limits::over_rate(shared, key, u64::from(rate))
    {
        return limits::rate_limited(shared, provider, rate, excess);
    }
    if let Some(redirect) = plan.redirect {
        let target = request.uri().to_string();
        let location = match redirect {
            RedirectFault::Loop => target,
            // Same server, another origin: `localhost` is not the IP the client asked for.
            RedirectFault::OffSite => format!("http://localhost:{}{target}", shared.addr.port()),
        };
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::FOUND;
        if let Ok(location) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    let response = match plan.status {
        Some(status) => forced_status(shared, provider, status),
        None => next.run(request).await,
    };
    match plan.body {
        Some(fault) => bodies::damage(shared, provider, fault, response).await,
        None => response,
    }
}

pub(super) fn set_header(response: &mut Response, name: &'static str, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(name), value);
    }
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
