use super::*;

#[test]
fn error_bodies_prefer_the_localised_log_and_dedupe() {
    assert_eq!(
        error_message(
            r#"{"error_log_raw":[{"key":"a","val":"Neplatný token"},{"key":"b","val":"Neplatný token"}],"errors":["invalid token"]}"#.as_bytes()
        )
        .as_deref(),
        Some("Neplatný token")
    );
    assert_eq!(
        error_message(
            br#"{"errors":["bad email",{"message":"bad phone"},["pin","wrong pin"],"bad email"],"message":"Validation failed"}"#
        )
        .as_deref(),
        Some("bad email; bad phone; wrong pin; Validation failed")
    );
    assert_eq!(
        error_message(br#"{"error":"unauthorized","message":"Invalid API key"}"#).as_deref(),
        Some("Invalid API key; unauthorized")
    );
    assert_eq!(error_message(br#"{"other":1}"#), None);
    assert_eq!(
        error_message(b"Too Many Requests").as_deref(),
        Some("Too Many Requests")
    );
}
