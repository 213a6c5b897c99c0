//! Bodies made up on the fly, streamed so the sandbox never holds them: a big valid JSON body, the
//! same compressed into a gzip bomb, and arrays nested past any sane depth.

use std::sync::OnceLock;

use axum::body::{Body, Bytes};
use flate2::{Compress, Compression, FlushCompress, Status};
use futures::stream;

const PREFIX: &[u8] = b"{\"padding\":\"";
const SUFFIX: &[u8] = b"\"}";

/// Plain bytes produced per step of a stream.
const CHUNK: u64 = 64 * 1024;

/// Bytes `offset..end` of `{"padding":"xxx…"}` that is `total` bytes long.
fn padded_json(offset: u64, end: u64, total: u64) -> Vec<u8> {
    let mut chunk = vec![b'x'; (end - offset) as usize];
    for (index, byte) in PREFIX.iter().enumerate() {
        if let Some(slot) = (index as u64)
            .checked_sub(offset)
            .and_then(|at| chunk.get_mut(at as usize))
        {
            *slot = *byte;
        }
    }
    let suffix_start = total - SUFFIX.len() as u64;
    for (index, byte) in SUFFIX.iter().enumerate() {
        let position = suffix_start + index as u64;
        if (offset..end).contains(&position) {
            chunk[(position - offset) as usize] = *byte;
        }
    }
    chunk
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

/// Plain bytes one repeated block of the bomb stands for.
const BOMB_BLOCK: usize = 1 << 20;

/// The bomb's pieces, compressed once: the head (`{"padding":"` and 64 KiB of `x`, so the
/// window behind every block is all `x`), one block of 1 MiB of `x` that may follow itself any
/// number of times (a sync flush ends it on a byte boundary and it only refers back to `x`s),
/// and the tail (`"}`, the final block); with each piece's CRC-32 for the gzip trailer.
struct BombParts {
    head: Bytes,
    block: Bytes,
    tail: Bytes,
    crc_head: crc32fast::Hasher,
    crc_block: crc32fast::Hasher,
    crc_tail: crc32fast::Hasher,
    head_len: u64,
}

/// Raw deflate of `input` with `flush`, continuing `compressor`'s stream.
fn deflate(compressor: &mut Compress, input: &[u8], flush: FlushCompress) -> Vec<u8> {
    let start = compressor.total_in();
    let mut out = Vec::with_capacity(4096);
    loop {
        let consumed = usize::try_from(compressor.total_in() - start).unwrap_or(input.len());
        if out.capacity() - out.len() < 1024 {
            out.reserve(64 * 1024);
        }
        let status = compressor.compress_vec(&input[consumed..], &mut out, flush);
        let consumed = usize::try_from(compressor.total_in() - start).unwrap_or(input.len());
        let done = match status {
            Ok(Status::StreamEnd) | Err(_) => true,
            Ok(_) => consumed == input.len() && out.len() < out.capacity(),
        };
        if done {
            return out;
        }
    }
}

fn crc(bytes: &[u8]) -> crc32fast::Hasher {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(bytes);
    hasher
}

fn bomb_parts() -> &'static BombParts {
    static PARTS: OnceLock<BombParts> = OnceLock::new();
    PARTS.get_or_init(|| {
        let mut compressor = Compress::new(Compression::default(), false);
        let mut head_plain = PREFIX.to_vec();
        head_plain.resize(PREFIX.len() + 64 * 1024, b'x');
        let block_plain = vec![b'x'; BOMB_BLOCK];
        let head = deflate(&mut compressor, &head_plain, FlushCompress::Sync);
        let block = deflate(&mut compressor, &block_plain, FlushCompress::Sync);
        let tail = deflate(&mut compressor, SUFFIX, FlushCompress::Finish);
        BombParts {
            head: Bytes::from(head),
            block: Bytes::from(block),
            tail: Bytes::from(tail),
            crc_head: crc(&head_plain),
            crc_block: crc(&block_plain),
            crc_tail: crc(SUFFIX),
            head_len: head_plain.len() as u64,
        }
    })
}

/// A gzip body that expands to `{"padding":"xxx…"}` of at least `total` bytes (rounded up to
/// whole MiB blocks): the same compressed block sent again and again, so the sandbox neither holds
/// nor compresses the whole, and a client that stops reading stops it.
pub(super) fn gzip_bomb(total: u64) -> Body {
    const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let parts = bomb_parts();
    let fixed = parts.head_len + SUFFIX.len() as u64;
    let blocks = total.saturating_sub(fixed).div_ceil(BOMB_BLOCK as u64);
    let mut checksum = parts.crc_head.clone();
    for _ in 0..blocks {
        checksum.combine(&parts.crc_block);
    }
    checksum.combine(&parts.crc_tail);
    let plain_len = fixed + blocks * BOMB_BLOCK as u64;
    let mut head = GZIP_HEADER.to_vec();
    head.extend_from_slice(&parts.head);
    let mut tail = parts.tail.to_vec();
    tail.extend_from_slice(&checksum.finalize().to_le_bytes());
    tail.extend_from_slice(&(plain_len as u32).to_le_bytes());
    let pieces = std::iter::once(Bytes::from(head))
        .chain((0..blocks).map(|_| parts.block.clone()))
        .chain(std::iter::once(Bytes::from(tail)));
    Body::from_stream(stream::iter(pieces.map(Ok::<_, std::io::Error>)))
}

/// `[[[…]]]`: `levels` opening brackets, then as many closing ones.
pub(super) fn deep_body(levels: u64) -> Body {
    let levels = usize::try_from(levels).unwrap_or(usize::MAX).min(1 << 26);
    let mut body = vec![b'['; levels];
    body.resize(levels * 2, b']');
    Body::from(body)
}

#[cfg(test)]
mod tests;
