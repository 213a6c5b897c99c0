//! The byte-level JSON of the odd-JSON records: numbers no `serde_json::Value` writes (beyond 64
//! bits, `1.0e3`) spliced in where placeholders stand, and the unknown future field they carry.

/// Splices raw number text where the JSON has placeholder strings, for the odd-JSON records:
/// `"__sbx_big__"` → `123456789012345678901234567890`, `"__sbx_sci__"` → `1.0e3`.
pub(crate) fn render(value: &serde_json::Value) -> Vec<u8> {
    splice_placeholders(serde_json::to_vec(value).unwrap_or_default())
}

/// [`render`]'s splicing on bytes already written (the Zooza record writes its own).
pub(crate) fn splice_placeholders(mut bytes: Vec<u8>) -> Vec<u8> {
    // Few records carry a placeholder: one memchr-backed search spares the others (a Zooza
    // record is ~70 KB) any further pass.
    if memchr::memmem::find(&bytes, b"\"__sbx_").is_none() {
        return bytes;
    }
    for (placeholder, raw) in [
        (
            &b"\"__sbx_big__\""[..],
            &b"123456789012345678901234567890"[..],
        ),
        (&b"\"__sbx_sci__\""[..], &b"1.0e3"[..]),
    ] {
        while let Some(at) = memchr::memmem::find(&bytes, placeholder) {
            bytes.splice(at..at + placeholder.len(), raw.iter().copied());
        }
    }
    bytes
}

/// The unknown future field the odd-JSON records carry (keys deliberately not alphabetical).
pub(crate) fn future_field() -> serde_json::Value {
    serde_json::json!({
        "zeta": "last letter first",
        "big": "__sbx_big__",
        "sci": "__sbx_sci__",
        "alpha": [1, -0.5, 2.5e-8, {"nested": {"deeper": [null, true]}}],
        "empty": {}
    })
}
