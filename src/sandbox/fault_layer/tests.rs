//! Unit tests of `fault_layer`.

use super::*;

#[test]
fn malformed_and_truncated_are_not_json() {
    let body = br#"{"a":1}"#;
    assert!(serde_json::from_slice::<serde_json::Value>(&malformed(body)).is_err());
    assert!(serde_json::from_slice::<serde_json::Value>(&body[..truncation_point(body)]).is_err());
}
