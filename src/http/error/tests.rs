use super::*;

#[test]
fn status_reads_as_one_line_with_the_server_message() {
    let error = HttpError::Status {
        status: 404,
        path: "/users/x".into(),
        message: Some("not found".into()),
        retry_after: None,
    };
    assert_eq!(
        error.to_string(),
        "HTTP 404 Not Found from /users/x: not found"
    );
    assert!(error.hint().contains("no such user"));
}
