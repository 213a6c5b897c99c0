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
    assert!((total..total + (1 << 20)).contains(&(plain.len() as u64)));
    assert!(serde_json::from_slice::<serde_json::Value>(&plain).is_ok());
    assert_eq!(padded_json(0, 20, 20), b"{\"padding\":\"xxxxxx\"}");
    assert_eq!(padded_json(5, 20, 20), b"ding\":\"xxxxxx\"}");
}
