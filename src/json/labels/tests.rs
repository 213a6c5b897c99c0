use super::*;
use serde_json::json;

#[test]
fn zooza_credits_events_and_attendance_read_in_domain_terms() {
    let credit = json!({"type": "replacement", "code": "SPRING", "value": 10, "expiration": "2026-01-01T09:42:00Z", "expired": true});
    let path = [PathSegment::Key("discounts"), PathSegment::Index(0)];
    assert_eq!(
        zooza(&path, &credit).unwrap(),
        "credit replacement · SPRING · value 10 · expired 2026-01-01 09:42"
    );
    let event = json!({"name": "Yoga", "date": "2025-05-04T09:42:00Z", "status": "scheduled"});
    let path = [
        PathSegment::Key("discounts"),
        PathSegment::Index(0),
        PathSegment::Key("events"),
        PathSegment::Index(2),
    ];
    assert_eq!(
        zooza(&path, &event).unwrap(),
        "Yoga · 2025-05-04 09:42 · scheduled"
    );
    let attendance = json!({"attendance": "noshow"});
    let path = [
        PathSegment::Key("free_events"),
        PathSegment::Index(1),
        PathSegment::Key("attendance"),
        PathSegment::Index(0),
    ];
    assert_eq!(zooza(&path, &attendance).unwrap(), "attendance: noshow");
    assert_eq!(zooza(&[PathSegment::Key("user")], &json!({})), None);
}

#[test]
fn zoo_cards_and_quip_threads() {
    let card =
        json!({"card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2027}});
    assert_eq!(
        zoo(
            &[PathSegment::Key("payment_methods"), PathSegment::Index(0)],
            &card
        )
        .unwrap(),
        "visa · ····4242 · exp 12/2027"
    );
    let thread = json!({"updated_usec": 1, "link": "https://q/abc", "is_deleted": true});
    assert_eq!(
        quip(
            &[PathSegment::Key("threads"), PathSegment::Key("abc")],
            &thread
        )
        .unwrap(),
        "https://q/abc · deleted"
    );
}
