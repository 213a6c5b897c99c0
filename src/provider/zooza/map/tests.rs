use super::*;
use bytes::Bytes;
use reqwest::header::HeaderMap;
use serde_json::json;

fn response(path: &str, body: &Value) -> Response {
    Response {
        status: 200,
        path: path.to_owned(),
        headers: HeaderMap::new(),
        body: Bytes::from(body.to_string()),
    }
}

#[test]
fn team_pages_with_envelope_or_bare_array() {
    let body = json!({"total": 5, "page": 0, "page_size": 2, "data": [
        {"id": 1, "first_name": "Ana", "last_name": "Li", "email": "a@x", "role": "owner"},
        {"id": "2", "first_name": "Bo", "role": "inactive"}
    ]});
    let page = map_page(&response("/users", &body), 0, 2).unwrap();
    assert_eq!(page.next.as_deref(), Some("1"));
    assert_eq!(page.total, Some(5));
    assert_eq!(page.users[0].status, [StatusMarker::Owner]);
    assert_eq!(page.users[1].id, "2");
    assert_eq!(page.users[1].status, [StatusMarker::Inactive]);
    let last = map_page(&response("/users", &body), 2, 2).unwrap();
    assert_eq!(last.next, None);
    let bare = json!([{"id": 3, "role": "trainer_of_the_future"}, {"no_id": true}]);
    let page = map_page(&response("/users", &bare), 0, 2).unwrap();
    assert_eq!(page.users.len(), 1);
    assert_eq!(page.users[0].role.as_deref(), Some("trainer_of_the_future"));
    assert_eq!(page.next.as_deref(), Some("1"));
    let page = map_page(&response("/users", &bare), 0, 3).unwrap();
    assert_eq!(page.next, None);
    let err = map_page(&response("/users", &json!({"rows": []})), 0, 2).unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::Shape { .. })
    ));
}

#[test]
fn search_rows_become_one_summary_per_user() {
    let body = json!({"total": 3, "page": 0, "results": [
        {"registration_id": 10, "user_id": 7, "first_name": "Eva", "last_name": "Nov", "email": "e@x", "ef_full_name": "Kid Nov"},
        {"registration_id": 11, "user_id": "7", "ef_full_name": "Other Kid"},
        {"registration_id": 12, "user_id": 8, "ef_full_name": "Solo Kid"},
        {"registration_id": 13}
    ]});
    let users = map_search(&response("/registrations", &body)).unwrap();
    assert_eq!(users.len(), 2);
    assert_eq!(users[0].name, "Eva Nov");
    assert_eq!(users[1].name, "Solo Kid");
    let err = map_search(&response("/registrations", &json!("x"))).unwrap_err();
    assert!(matches!(
        err,
        ProviderError::Decode(DecodeError::Shape { .. })
    ));
}
