use super::*;
use serde_json::json;

#[test]
fn reads_json_generically() {
    assert_eq!(FieldValue::from_json(None), FieldValue::Missing);
    assert_eq!(FieldValue::from_json(Some(&json!(null))), FieldValue::Null);
    assert_eq!(FieldValue::from_json(Some(&json!(3))).display(), "3");
    assert_eq!(
        FieldValue::from_json(Some(&json!(["a", 1]))).display(),
        "a, 1"
    );
    let time = FieldValue::from_json(Some(&json!("2023-09-11T16:28:22.227002+05:30")));
    assert_eq!(time.display(), "2023-09-11 16:28:22 +05:30");
    let utc = FixedOffset::east_opt(0).unwrap();
    assert_eq!(time.display_in(utc), "2023-09-11 10:58:22 +00:00");
}
