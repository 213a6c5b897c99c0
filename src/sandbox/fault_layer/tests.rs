//! Unit tests of `fault_layer`'s byte-level faults.

use super::bodies::{duplicate_first_key, malformed, truncation_point, with_members};

#[test]
fn malformed_and_truncated_are_not_json() {
    let body = br#"{"a":1}"#;
    assert!(serde_json::from_slice::<serde_json::Value>(&malformed(body)).is_err());
    assert!(serde_json::from_slice::<serde_json::Value>(&body[..truncation_point(body)]).is_err());
}

#[test]
fn members_go_first_in_the_top_object_and_keep_it_json() {
    assert_eq!(
        with_members(br#" {"a":1}"#, br#""b":2"#),
        br#" {"b":2,"a":1}"#
    );
    assert_eq!(with_members(b"{ }", br#""b":2"#), br#"{"b":2 }"#);
    assert_eq!(with_members(b"[1]", br#""b":2"#), b"[1]");
    assert_eq!(
        duplicate_first_key(br#"{"id":7,"x":1}"#),
        br#"{"id":"sandbox: a decoy written before the real value","id":7,"x":1}"#
    );
}
