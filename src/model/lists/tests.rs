use super::*;
use serde_json::json;

#[test]
fn streamed_lists_read_the_same_items_as_parsed_ones() {
    let body = br#"{"discounts": [{"id": 1}, {"id": 2, "n": 12345678901234567890}], "free_events": {"not": "a list"}, "agreements": [{"id": 9}]}"#;
    let full: Value = serde_json::from_slice(body).unwrap();
    let slim = json!({"discounts": [], "free_events": [], "agreements": [{"id": 9}]});
    let index = JsonIndex::new(body).unwrap();
    let keys: &[&'static str] = &["discounts", "free_events"];
    let streamed = ListSource::streamed(&slim, &index, body, keys);
    let parsed = ListSource::parsed(&full);
    for key in ["discounts", "free_events", "agreements", "absent"] {
        let a: Vec<Value> = streamed.items(key).map(JsonRef::to_value).collect();
        let b: Vec<Value> = parsed.items(key).map(JsonRef::to_value).collect();
        assert_eq!(a, b, "{key}");
    }
    assert!(matches!(
        streamed.items("discounts").next(),
        Some(JsonRef::Indexed { .. })
    ));
    assert!(matches!(
        streamed.items("agreements").next(),
        Some(JsonRef::Parsed(_))
    ));
}
