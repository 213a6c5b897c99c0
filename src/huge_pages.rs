//! Big buffers on huge pages, where the kernel offers them.
//!
//! Opening a 31 MB export fills ~70 MB of fresh memory: the body, then its index. On a
//! virtual machine each 4 KiB page costs a fault that can take microseconds, so the faults
//! alone were ~30% of the time to the first frame. Anonymous maps advised as huge pages
//! (transparent huge pages, Linux) fault once per 2 MiB instead: reading the body went from
//! ~40 to ~10 ms, indexing it from ~85 to ~55 ms.
//!
//! A map of a file would spare the copy too, but a file truncated under it faults the process
//! (SIGBUS) and leaves the terminal raw; an anonymous map only ever holds what was copied in.

use std::io::Read;
use std::path::Path;

use bytes::Bytes;
use memmap2::MmapMut;

/// Below this, a buffer stays an ordinary allocation: a huge page would be mostly empty.
pub const MIN_BYTES: usize = 4 << 20;

/// A zeroed anonymous map of `len` bytes advised as huge pages, or `None` when the system
/// will not map it (the caller falls back to the heap).
pub fn zeroed(len: usize) -> Option<MmapMut> {
    let map = MmapMut::map_anon(len.max(1)).ok()?;
    // Advice only: where huge pages are off or unknown the map works as it is.
    #[cfg(target_os = "linux")]
    let _ = map.advise(memmap2::Advice::HugePage);
    Some(map)
}

/// The whole of a file, on huge pages when it is big. The same bytes as `std::fs::read`, even
/// when the file changes size while it is read.
pub fn read_file(path: &Path) -> std::io::Result<Bytes> {
    let mut file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    if len >= MIN_BYTES
        && let Some(mut map) = zeroed(len)
        && file.read_exact(&mut map[..]).is_ok()
        && file.read(&mut [0; 1])? == 0
    {
        return Ok(Bytes::from_owner(map.make_read_only()?));
    }
    // Small, or it shrank or grew under us: read it whole from the start, as `fs::read` does.
    drop(file);
    std::fs::read(path).map(Bytes::from)
}

#[cfg(test)]
mod tests;
