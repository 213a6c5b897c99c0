use super::*;
use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde_json::json;

fn response(body: &str) -> Response {
    Response {
        status: 200,
        path: "/1/admin/threads/".into(),
        headers: HeaderMap::new(),
        body: Bytes::from(body.to_owned()),
    }
}

#[test]
fn meta_mode_reads_times_links_and_deleted_flags() {
    let record = json!({"threads": {
        "AAAAAAAAAA1": {"updated_usec": 1_600_000_000_000_000_i64, "link": "https://q/1", "is_deleted": false},
        "AAAAAAAAAA2": {"updated": 1_700_000_000_000_000_i64, "permalink": "https://q/2", "deleted": true},
        "AAAAAAAAAA3": {}
    }});
    let threads = threads_of(&record);
    let ids: Vec<_> = threads.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["AAAAAAAAAA2", "AAAAAAAAAA1", "AAAAAAAAAA3"]);
    assert_eq!(threads[0].link.as_deref(), Some("https://q/2"));
    assert!(threads[0].deleted);
    assert_eq!(threads[1].updated_usec, Some(1_600_000_000_000_000));
    assert!(!threads[1].deleted);
    assert_eq!(
        threads[2],
        ThreadInfo {
            id: "AAAAAAAAAA3".into(),
            ..ThreadInfo::default()
        }
    );
    assert!(threads.iter().all(|t| t.title.is_none()));
}

#[test]
fn normal_mode_reads_wrappers_and_bare_threads() {
    let record = json!({"threads": {
        "threads": {
            "k1": {"thread": {"id": "T1", "title": "Plan", "link": "https://q/T1", "updated_usec": 5_000_000_000_000_000_i64, "is_deleted": false}, "user_ids": ["U1"]},
            "T2": {"id": "T2", "title": "Notes", "updated_usec": 6_000_000_000_000_000_i64, "is_deleted": true}
        },
        "users": {"U1": {"name": "A"}},
        "companies": {}
    }});
    let threads = threads_of(&record);
    assert_eq!(threads.len(), 2);
    assert_eq!(threads[0].id, "T2");
    assert!(threads[0].deleted);
    assert_eq!(threads[1].id, "T1");
    assert_eq!(threads[1].title.as_deref(), Some("Plan"));
    assert_eq!(threads[1].link.as_deref(), Some("https://q/T1"));
}

#[test]
fn the_seed_shape_and_odd_shapes_give_no_threads_and_no_panic() {
    let seed = json!({"threads": {"threads": {}, "users": {}, "companies": {}}});
    assert!(threads_of(&seed).is_empty());
    for odd in [
        json!({}),
        json!({"threads": null}),
        json!({"threads": "x"}),
        json!({"threads": {"threads": []}}),
        json!([1, 2]),
        json!("text"),
    ] {
        let _ = threads_of(&odd);
    }
    let no_thread_map = json!({"threads": {"users": {"U1": {}}, "companies": {}}});
    assert!(threads_of(&no_thread_map).is_empty());
    let numbers = threads_of(&json!({"threads": {"T": 1_650_000_000}}));
    assert_eq!(numbers[0].updated_usec, Some(1_650_000_000_000_000));
}

#[test]
fn times_in_seconds_millis_micros_or_text_become_micros() {
    assert_eq!(usec_of(&json!(1_650_000_000)), Some(1_650_000_000_000_000));
    assert_eq!(
        usec_of(&json!(1_650_000_000_123_i64)),
        Some(1_650_000_000_123_000)
    );
    assert_eq!(
        usec_of(&json!("1650000000123456")),
        Some(1_650_000_000_123_456)
    );
    assert_eq!(usec_of(&json!(0)), None);
    assert_eq!(usec_of(&json!(-5)), None);
    assert_eq!(usec_of(&json!(true)), None);
    assert_eq!(usec_of(&json!(i64::MAX)), Some(i64::MAX));
}

#[test]
fn a_thread_batch_keeps_the_asked_order_and_skips_error_strings() {
    let body = r#"{"B":{"thread":{"id":"B","title":"Second","link":"https://q/B","author_id":"U","thread_class":"document","type":"document","created_usec":1,"updated_usec":1700000000000000,"is_deleted":false},"user_ids":[],"shared_folder_ids":[],"expanded_user_ids":[],"invited_user_emails":[]},
        "A":{"thread":{"id":"A","title":"First"}},
        "C":"Thread not found"}"#;
    let wanted = ["A".to_owned(), "B".to_owned(), "C".to_owned()];
    let threads = map_thread_batch(&response(body), &wanted).unwrap();
    let titles: Vec<_> = threads.iter().map(|t| t.title.as_deref()).collect();
    assert_eq!(titles, [Some("First"), Some("Second")]);
    assert_eq!(threads[1].updated_usec, Some(1_700_000_000_000_000));
}

#[test]
fn a_thread_batch_of_the_wrong_shape_is_a_shape_error() {
    let err = map_thread_batch(&response("[1]"), &[]).unwrap_err();
    assert!(
        matches!(err, ProviderError::Decode(DecodeError::Shape { .. })),
        "{err}"
    );
}
