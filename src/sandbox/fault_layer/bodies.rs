//! Body faults: what a route answered, broken in one of the documented ways, or replaced by a
//! generated body (see `generators`).

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use futures::{StreamExt as _, stream};

use super::generators;
use crate::sandbox::Shared;
use crate::sandbox::fault::BodyFault;
use crate::sandbox::generate::render;
use crate::sandbox::reply::{Provider, error_body};

const HTML_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head>\n<body><h1>Checking your browser before accessing the API</h1><p>sandbox: this is not JSON</p></body></html>\n";

/// Valid JSON that no endpoint of any provider answers: they all answer an object.
const WRONG_SHAPE: &str = "[\"sandbox: an array where the API answers an object\", 1, 2, 3]";

/// Members `bignum` adds: integers just past u64 and i64, a 30-digit one, and a fraction with
/// more digits than a double holds.
const BIG_NUMBERS: &[u8] = b"\"x_sandbox_big_int\":123456789012345678901234567890,\
\"x_sandbox_u64_max_plus_one\":18446744073709551616,\
\"x_sandbox_i64_min_minus_one\":-9223372036854775809,\
\"x_sandbox_long_fraction\":0.1000000000000000000000000001";

/// The member `badutf8` adds: Latin-1 `é` and two bytes that never occur in UTF-8.
const BAD_UTF8: &[u8] = b"\"x_sandbox_bad_utf8\":\"caf\xe9 \xff\xfe end\"";

/// The decoy `dupkeys` writes before the real value of the body's first key.
const DECOY: &str = "sandbox: a decoy written before the real value";

/// Applies a body fault to a route's (or a forced status's) response.
pub(super) async fn damage(
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
            generators::huge_body(bytes)
        }
        BodyFault::GzipBomb { bytes } => {
            parts.status = StatusCode::OK;
            parts.headers.insert(header::CONTENT_TYPE, json);
            parts
                .headers
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            generators::gzip_bomb(bytes)
        }
        BodyFault::Deep { levels } => {
            parts.status = StatusCode::OK;
            parts.headers.insert(header::CONTENT_TYPE, json);
            generators::deep_body(levels)
        }
        BodyFault::Shape => {
            parts.status = StatusCode::OK;
            parts.headers.insert(header::CONTENT_TYPE, json);
            Body::from(WRONG_SHAPE)
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
            Body::from(render(&body))
        }
        BodyFault::TextType => {
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            body
        }
        BodyFault::Malformed
        | BodyFault::Truncated
        | BodyFault::Cut
        | BodyFault::Stall { .. }
        | BodyFault::BigNumbers
        | BodyFault::DuplicateKeys
        | BodyFault::BadUtf8 => {
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            rewrite(fault, bytes)
        }
    };
    Response::from_parts(parts, new_body)
}

/// The faults that start from the route's own bytes.
fn rewrite(fault: BodyFault, bytes: Bytes) -> Body {
    match fault {
        BodyFault::Malformed => Body::from(malformed(&bytes)),
        BodyFault::Truncated => Body::from(bytes.slice(..truncation_point(&bytes))),
        BodyFault::Cut => cut_midway(&bytes),
        BodyFault::Stall { ms } => Body::from_stream(stream::once(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Ok::<_, std::io::Error>(bytes)
        })),
        BodyFault::BigNumbers => Body::from(with_members(&bytes, BIG_NUMBERS)),
        BodyFault::BadUtf8 => Body::from(with_members(&bytes, BAD_UTF8)),
        BodyFault::DuplicateKeys => Body::from(duplicate_first_key(&bytes)),
        _ => Body::from(bytes),
    }
}

/// The status line, the headers and the first half of a chunked body go out; then the stream
/// fails and hyper drops the connection. The pause lets hyper flush what it has first, so the
/// client sees a body that starts and then dies, not a response that never came.
fn cut_midway(bytes: &Bytes) -> Body {
    let head = bytes.slice(..truncation_point(bytes));
    let first = stream::once(async move { Ok::<_, std::io::Error>(head) });
    let abort = stream::once(async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "sandbox cut the body",
        ))
    });
    Body::from_stream(first.chain(abort))
}

/// Half the body, and always short of the end (so never valid JSON for a non-empty object).
pub(super) fn truncation_point(bytes: &[u8]) -> usize {
    (bytes.len() / 2).min(bytes.len().saturating_sub(1))
}

/// The body with `,,` after its first byte: complete, but not JSON.
pub(super) fn malformed(bytes: &[u8]) -> Vec<u8> {
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

/// The body with `members` (`"key":value,…` text) added first in its top-level object; a body
/// that is not an object comes back as it was.
pub(super) fn with_members(bytes: &[u8], members: &[u8]) -> Vec<u8> {
    let Some(open) = bytes.iter().position(|byte| !byte.is_ascii_whitespace()) else {
        return bytes.to_vec();
    };
    if bytes[open] != b'{' {
        return bytes.to_vec();
    }
    let rest = &bytes[open + 1..];
    let empty = rest
        .iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|byte| *byte == b'}');
    let mut out = Vec::with_capacity(bytes.len() + members.len() + 1);
    out.extend_from_slice(&bytes[..=open]);
    out.extend_from_slice(members);
    if !empty {
        out.push(b',');
    }
    out.extend_from_slice(rest);
    out
}

/// The body with its first top-level key written twice: a decoy first, then the real value,
/// so a parser that keeps the last value still reads the real record.
pub(super) fn duplicate_first_key(bytes: &[u8]) -> Vec<u8> {
    let first_key = serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|value| value.as_object()?.keys().next().cloned());
    let Some(key) = first_key else {
        return bytes.to_vec();
    };
    let member = format!(
        "{}:{}",
        serde_json::Value::String(key),
        serde_json::Value::String(DECOY.to_owned())
    );
    with_members(bytes, member.as_bytes())
}
