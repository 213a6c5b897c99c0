use super::*;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};

fn response(content_type: &str, body: &'static str) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_str(content_type).unwrap());
    Response {
        status: 200,
        path: "/x".into(),
        headers,
        body: Bytes::from_static(body.as_bytes()),
    }
}

#[test]
fn says_what_arrived_instead_of_json() {
    let err = parse_json(&response("application/json", "")).unwrap_err();
    assert!(err.to_string().contains("an empty body"), "{err}");
    let err = parse_json(&response("text/html; charset=utf-8", "<html>")).unwrap_err();
    assert!(err.to_string().contains("text/html"), "{err}");
    let err = parse_json(&response("application/json", "{\"a\": 1")).unwrap_err();
    assert!(err.to_string().contains("malformed JSON"), "{err}");
}

#[test]
fn names_depth_huge_numbers_and_reads_bad_utf8_lossily() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let deep: &'static str = Box::leak(deep.into_boxed_str());
    let err = parse_json(&response("application/json", deep)).unwrap_err();
    assert!(matches!(err, DecodeError::TooDeep { .. }), "{err:?}");
    assert!(err.to_string().contains("deeper than 128 levels"), "{err}");
    assert_eq!(err.unread_body().map(Bytes::len), Some(400));
    let err = parse_json(&response("application/json", "{\"a\": 1e400}")).unwrap_err();
    assert!(
        matches!(err, DecodeError::NumberOutOfRange { .. }),
        "{err:?}"
    );
    let mut bad = response("application/json", "");
    bad.body = Bytes::from_static(b"{\"name\":\"caf\xe9\"}");
    let value = parse_json(&bad).unwrap();
    assert_eq!(value["name"], "caf\u{FFFD}");
    let plain = parse_json(&response("text/plain", "{\"a\":1}")).unwrap();
    assert_eq!(
        plain["a"], 1,
        "a JSON body labelled otherwise is still read"
    );
}

#[test]
fn keeps_key_order() {
    let value = parse_json(&response("application/json", r#"{"z":1,"a":2,"m":3}"#)).unwrap();
    let keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["z", "a", "m"]);
}

#[test]
fn finds_the_error_message_under_known_keys() {
    assert_eq!(
        error_message_from_keys(br#"{"detail":"Not found."}"#, &["message", "detail"]).as_deref(),
        Some("Not found.")
    );
    assert_eq!(
        error_message_from_keys(br#"{"errors":["a","b"]}"#, &["errors"]).as_deref(),
        Some("a; b")
    );
    assert_eq!(error_message_from_keys(b"nope", &["detail"]), None);
}
