//! Bodies made up on the fly, streamed so the sandbox never holds them: a big valid JSON body, the
//! same compressed into a gzip bomb, and arrays nested past any sane depth.

use std::io::Write as _;

use axum::body::{Body, Bytes};
use flate2::Compression;
use flate2::write::GzEncoder;
use futures::stream;

const PREFIX: &[u8] = b"{\"padding\":\"";
const SUFFIX: &[u8] = b"\"}";

/// Plain bytes produced per step of a stream.
const CHUNK: u64 = 64 * 1024;

/// Bytes `offset..end` of `{"padding":"xxx…"}` that is `total` bytes long.
fn padded_json(offset: u64, end: u64, total: u64) -> Vec<u8> {
    (offset..end)
        .map(|position| {
            if position < PREFIX.len() as u64 {
                PREFIX[position as usize]
            } else if position >= total - SUFFIX.len() as u64 {
                SUFFIX[(position - (total - SUFFIX.len() as u64)) as usize]
            } else {
                b'x'
            }
        })
        .collect()
}

fn smallest_json(total: u64) -> u64 {
    total.max((PREFIX.len() + SUFFIX.len()) as u64)
}

/// `{"padding":"xxx…"}` of exactly `total` bytes (at least 14), streamed in 64 KiB chunks.
pub(super) fn huge_body(total: u64) -> Body {
    let total = smallest_json(total);
    let chunks = stream::unfold(0u64, move |offset| async move {
        if offset >= total {
            return None;
        }
        let end = (offset + CHUNK).min(total);
        let chunk = Bytes::from(padded_json(offset, end, total));
        Some((Ok::<_, std::io::Error>(chunk), end))
    });
    Body::from_stream(chunks)
}

/// The gzip stream of a `total`-byte [`huge_body`], compressed step by step: each step feeds
/// 1 MiB of plain text and sends what the encoder has produced so far, so neither side of the
/// bomb is ever held whole; a client that stops reading stops the compression.
pub(super) fn gzip_bomb(total: u64) -> Body {
    const STEP: u64 = 16 * CHUNK;
    let total = smallest_json(total);
    let encoder = GzEncoder::new(Vec::new(), Compression::default());
    let chunks = stream::unfold(
        (Some(encoder), 0u64),
        move |(encoder, offset)| async move {
            let mut encoder = encoder?;
            if offset >= total {
                let tail = encoder.finish().unwrap_or_default();
                return Some((Ok::<_, std::io::Error>(Bytes::from(tail)), (None, offset)));
            }
            let end = (offset + STEP).min(total);
            if let Err(error) = encoder.write_all(&padded_json(offset, end, total)) {
                return Some((Err(error), (None, end)));
            }
            let compressed = std::mem::take(encoder.get_mut());
            Some((Ok(Bytes::from(compressed)), (Some(encoder), end)))
        },
    );
    Body::from_stream(chunks)
}

/// `[[[…]]]`: `levels` opening brackets, then as many closing ones.
pub(super) fn deep_body(levels: u64) -> Body {
    let levels = usize::try_from(levels).unwrap_or(usize::MAX).min(1 << 26);
    let mut body = vec![b'['; levels];
    body.resize(levels * 2, b']');
    Body::from(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[tokio::test]
    async fn the_bomb_is_small_on_the_wire_and_expands_to_valid_json() {
        let total = 3_000_000;
        let wire = axum::body::to_bytes(gzip_bomb(total), usize::MAX)
            .await
            .unwrap();
        assert!(wire.len() < 50_000, "{} bytes on the wire", wire.len());
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&wire[..])
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain.len() as u64, total);
        assert!(serde_json::from_slice::<serde_json::Value>(&plain).is_ok());
    }
}
