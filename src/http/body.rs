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
    let mut body = BytesMut::new();
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
            Ok(Ok(None)) => return Ok(body.freeze()),
            Ok(Ok(Some(chunk))) => {
                if (body.len() + chunk.len()) as u64 > cap {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
        }
    }
}
