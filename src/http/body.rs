//! Reading a response body under the size cap (checked on the declared length and again while
//! streaming, after gzip decoding, so a small compressed body cannot expand past it) and the
//! stall timeout.

use std::time::Duration;

use bytes::{Bytes, BytesMut};

use super::HttpError;
use super::transport::error_text;
use crate::secret::Redactor;

/// Cap on an error body read for its message.
pub(super) const ERROR_BODY_CAP: u64 = 64 * 1024;

/// Reads the whole body, refusing it once it passes `cap` bytes or when no byte arrives for
/// `stall_ms`.
pub(super) async fn read_body(
    mut response: reqwest::Response,
    path: &str,
    cap: u64,
    stall_ms: u64,
    redactor: &Redactor,
) -> Result<Bytes, HttpError> {
    let too_large = || HttpError::TooLarge {
        path: path.to_owned(),
        limit_bytes: cap,
    };
    // reqwest drops the length of a body it decompresses, so this only ever sees plain bodies;
    // the count below is of decoded bytes, which is what stops a gzip bomb.
    if response.content_length().is_some_and(|length| length > cap) {
        return Err(too_large());
    }
    let stall = Duration::from_millis(stall_ms);
    // Chunks are kept as they come and copied once into a buffer of the exact size at the end:
    // a buffer grown by doubling copies a big body several times over, and its old copies can
    // stay resident (an allocator keeps freed blocks for reuse) until the cap's memory is
    // several times the cap.
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut length: usize = 0;
    loop {
        match tokio::time::timeout(stall, response.chunk()).await {
            Err(_) => {
                return Err(HttpError::BodyStalled {
                    path: path.to_owned(),
                    timeout_ms: stall_ms,
                });
            }
            Ok(Err(err)) => {
                return Err(HttpError::BodyCut {
                    path: path.to_owned(),
                    detail: redactor.clean(&error_text(&err)),
                });
            }
            Ok(Ok(None)) => return Ok(joined(&chunks, length)),
            Ok(Ok(Some(chunk))) => {
                if (length + chunk.len()) as u64 > cap {
                    return Err(too_large());
                }
                length += chunk.len();
                chunks.push(chunk);
            }
        }
    }
}

/// The chunks in one buffer of their total `length`. Always a copy, even of a single chunk: a
/// chunk may be a slice of the connection's larger read buffer, which a kept record would pin.
fn joined(chunks: &[Bytes], length: usize) -> Bytes {
    let mut body = BytesMut::with_capacity(length);
    for chunk in chunks {
        body.extend_from_slice(chunk);
    }
    body.freeze()
}
