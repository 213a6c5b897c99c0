//! Unit tests of `scanova`.

use super::*;
use serde_json::json;

#[test]
fn next_is_a_number_a_numeric_string_or_a_url() {
    assert_eq!(next_page(Some(&json!(3))), Some(3));
    assert_eq!(next_page(Some(&json!("4"))), Some(4));
    assert_eq!(
        next_page(Some(&json!(
            "https://management.scanova.io/multi-users/?page=5"
        ))),
        Some(5)
    );
    assert_eq!(next_page(Some(&json!(null))), None);
    assert_eq!(next_page(None), None);
}

#[test]
fn summary_marks_owner_pending_and_never_logged_in() {
    let owner = json!({"id": 0, "shared_user": {"full_name": "Ana Li", "email": "a@x", "is_shared": false, "last_login": "2023-01-01T00:00:00+05:30"}, "access_level": {"id": 0, "name": "OWNER"}});
    let summary = map_summary(&owner).unwrap();
    assert_eq!(summary.id, "0");
    assert_eq!(summary.status, [StatusMarker::Owner]);
    let pending = json!({"id": "7", "shared_user": {"first_name": "Bo", "last_name": "Ek", "last_login": null}, "is_invitation_sent": true, "is_invitation_accepted": false});
    let summary = map_summary(&pending).unwrap();
    assert_eq!(summary.name, "Bo Ek");
    assert_eq!(
        summary.status,
        [StatusMarker::PendingInvitation, StatusMarker::NeverLoggedIn]
    );
    assert!(map_summary(&json!({"shared_user": {}})).is_none());
}

#[test]
fn error_bodies_read_as_one_message() {
    assert_eq!(
        error_message(br#"{"detail":"Invalid API key."}"#).as_deref(),
        Some("Invalid API key.")
    );
    assert_eq!(
        error_message(br#"{"email":["Enter a valid email."]}"#).as_deref(),
        Some("email: Enter a valid email.")
    );
    assert_eq!(
        error_message(b"Too many requests").as_deref(),
        Some("Too many requests")
    );
}
